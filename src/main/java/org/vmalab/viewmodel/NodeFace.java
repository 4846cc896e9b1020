package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.vmalab.engine.Numbers;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * What a tree node says, for every renderer (the window's canvas and the SVG export): its name, the number lines
 * of each {@link TreeGeometry.Detail}, the tags under it (its state and what the step changed), and the callout of
 * the node the step is about. The styles are named by the ink they are drawn with ({@link Style#ink}), the names
 * of the palette's colours in the themes ({@code .ink:changed}) and in the SVG's colour table.
 */
public final class NodeFace {
    /** Marks a stored {@code rb_subtree_gap} that is not what its children and own gap give now. */
    public static final String STALE_MARK = "*";
    /** Prefixed to the name of a cleared node ({@code RB_CLEAR_NODE}). */
    public static final String CLEARED_MARK = "∅ ";

    private NodeFace() {
    }

    /** How a tag is drawn: the ink of its pill and of its text (palette and SVG colour names). */
    public enum Style {
        /** A state that is not news (erased, freed, cleared). */
        PLAIN("tag", "tag-text"),
        /** What this step changed. */
        CHANGED("changed", "changed-text"),
        /** Something to watch (an odd sequence count, a walk that cannot reach it, the propagation stopping). */
        WARN("warn", "bg"),
        /** A use-after-free. */
        BAD("bad", "changed-text"),
        /** The hit of Find address. */
        FOUND("found", "bg");

        /** The ink of the pill. */
        public final String ink;
        /** The ink of the text on it. */
        public final String textInk;

        Style(String ink, String textInk) {
            this.ink = ink;
            this.textInk = textInk;
        }
    }

    /** One tag under a node. */
    public record Tag(String text, Style style) {
    }

    /** One line of text in a node's box. */
    public record Line(String text, boolean mono, boolean highlighted) {
    }

    /** The name as the node shows it: in its own case (the colour is told by the border and the type). */
    public static String name(NodeView n) {
        return (n.state() == NodeState.CLEARED ? CLEARED_MARK : "") + n.name();
    }

    /** Is the stored subtree gap stale (shown with {@link #STALE_MARK})? */
    public static boolean stale(NodeView n) {
        return n.gapStale() && n.state() != NodeState.FREED;
    }

    /** The subtree-gap line: {@code subtree 0x80e2000}, with {@code *} when stale. */
    public static String subtreeLine(NodeView n) {
        return "subtree " + Numbers.hex(n.subtreeGap()) + (stale(n) ? " " + STALE_MARK : "");
    }

    /** The lines under the name at a detail. */
    public static List<Line> lines(NodeView n, TreeGeometry.Detail d) {
        List<Line> out = new ArrayList<>(3);
        if (d == TreeGeometry.Detail.NAME) {
            return out;
        }
        out.add(new Line(Fmt.range(n.start(), n.end()), true, n.has(Mark.RANGE_CHANGED)));
        if (d == TreeGeometry.Detail.FULL) {
            out.add(new Line("gap " + Numbers.hex(n.ownGap()), true, false));
            out.add(new Line(subtreeLine(n), true, n.has(Mark.GAP_CHANGED)));
        }
        return out;
    }

    /** The tags of a node, most important first: its state, then what the step changed. */
    public static List<Tag> tags(NodeView n, boolean found) {
        List<Tag> t = new ArrayList<>();
        if (found) {
            t.add(new Tag("found", Style.FOUND));
        }
        switch (n.state()) {
            case CLEARED -> t.add(new Tag("RB_EMPTY_NODE", Style.PLAIN));
            case FREED -> t.add(n.inUse() ? new Tag("FREED · still used", Style.BAD) : new Tag("freed", Style.PLAIN));
            case UNREACHABLE -> t.add(new Tag("unreachable now", Style.WARN));
            case OFF_TREE -> t.add(new Tag("erased / not linked", Style.PLAIN));
            default -> {
            }
        }
        if (n.has(Mark.NEW_ROOT)) {
            t.add(new Tag("new root", Style.CHANGED));
        }
        if (n.has(Mark.COLOR_FLIPPED)) {
            t.add(new Tag(n.black() ? "red → black" : "black → red", Style.CHANGED));
        }
        if (n.has(Mark.CHILD_CHANGED)) {
            t.add(new Tag("child pointer", Style.CHANGED));
        }
        if (n.has(Mark.PARENT_CHANGED) && n.state() != NodeState.CLEARED) {
            t.add(new Tag("parent pointer", Style.CHANGED));
        }
        if (n.has(Mark.GAP_CHANGED)) {
            t.add(new Tag("was " + Numbers.hex(n.oldGap()), Style.CHANGED));
        }
        if (n.has(Mark.PROPAGATE)) {
            t.add(new Tag("propagate ↑", Style.CHANGED));
        }
        if (n.has(Mark.PROPAGATE_STOP)) {
            t.add(new Tag("■ propagate stops", Style.WARN));
        }
        if (n.has(Mark.REF_CHANGED)) {
            t.add(new Tag("vm_ref_count " + n.oldRefCount() + " → " + n.refCount(), Style.CHANGED));
        }
        if (n.has(Mark.SEQ_CHANGED) || (n.sequence() & 1) != 0) {
            t.add(new Tag("vm_sequence " + n.sequence() + ((n.sequence() & 1) != 0 ? " (odd)" : ""),
                    n.has(Mark.SEQ_CHANGED) ? Style.CHANGED : Style.WARN));
        }
        if (n.has(Mark.RANGE_CHANGED)) {
            t.add(new Tag("range changed", Style.CHANGED));
        }
        return t;
    }

    /**
     * The callout of the node the step is about: its name and colour, range, own gap, subtree gap (with the
     * stored value's old one), reference count (with its change), then its tags. Always complete, whatever
     * the node's detail.
     */
    public static List<Line> callout(NodeView n) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(name(n) + (n.black() ? "  (black)" : "  (red)"), false, false));
        out.add(new Line("[" + Numbers.hex(n.start()) + ", " + Numbers.hex(n.end()) + ")", true,
                n.has(Mark.RANGE_CHANGED)));
        out.add(new Line("gap            " + Numbers.hex(n.ownGap()), true, false));
        String sub = "rb_subtree_gap " + Numbers.hex(n.subtreeGap());
        if (n.has(Mark.GAP_CHANGED)) {
            sub += "  was " + Numbers.hex(n.oldGap());
        }
        if (stale(n)) {
            sub += "  " + STALE_MARK + " stale";
        }
        out.add(new Line(sub, true, n.has(Mark.GAP_CHANGED)));
        String ref = "vm_ref_count   " + (n.has(Mark.REF_CHANGED) ? n.oldRefCount() + " → " + n.refCount()
                : Long.toString(n.refCount()));
        out.add(new Line(ref, true, n.has(Mark.REF_CHANGED)));
        return out;
    }

    /**
     * The node a step's callout is about: its subject, else a node whose gap or reference count it changed, else a
     * node it stored to; -1 when none. {@code byId} finds a node; {@code marked} holds at least the nodes with marks
     * (all nodes will do, a large tree passes the few it marked).
     */
    public static int calloutNode(StepScene s, IntFunction<NodeView> byId, Iterable<NodeView> marked) {
        if (s == null) {
            return -1;
        }
        if (s.step() != null && s.step().subject() >= 0 && byId.apply(s.step().subject()) != null) {
            return s.step().subject();
        }
        int stored = -1;
        for (NodeView n : marked) {
            if (n.has(Mark.GAP_CHANGED) || n.has(Mark.REF_CHANGED)) {
                return n.id();
            }
            if (stored < 0 && n.has(Mark.STORED)) {
                stored = n.id();
            }
        }
        return stored;
    }
}
