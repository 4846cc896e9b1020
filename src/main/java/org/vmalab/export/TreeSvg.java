package org.vmalab.export;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vmalab.viewmodel.Frames.CursorFrame;
import org.vmalab.viewmodel.Frames.EdgeFrame;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;
import org.vmalab.viewmodel.Frames;
import org.vmalab.viewmodel.Mark;
import org.vmalab.viewmodel.NodeFace;
import org.vmalab.viewmodel.NodeState;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.GhostEdge;
import org.vmalab.viewmodel.StepScene.NodeView;
import org.vmalab.viewmodel.StepScene.ParentArrow;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.Tone;
import org.vmalab.viewmodel.TreeGeometry.Detail;
import org.vmalab.viewmodel.TreeGeometry;
import org.vmalab.viewmodel.TreeLayout;

/**
 * The tree of one scene as SVG, for print and slides: the same layout ({@link TreeLayout}: x from the address
 * rank, y from the depth), the same geometry, the same colours and the same cues as the window's canvas at
 * rest (UPPERCASE and a solid border for black nodes, lowercase and a dashed border for red ones, hatched freed
 * nodes, rings on what the step touched, tags, the walkers' cursors). Text stays text. Pure Java: the colours
 * are given by ink name ({@code node-red}, {@code edge}, ... the names of the window's palette, read from the
 * theme's tokens), so this runs without a toolkit.
 *
 * <p>The whole tree is drawn (no pan or zoom) at full detail; an optional header repeats the step and its
 * caption above the tree.
 */
public final class TreeSvg {
    /* the canvas's geometry at its richest detail (TreeGeometry, shared with the window) */
    static final Detail D = Detail.FULL;
    public static final double NODE_W = D.w;
    public static final double NODE_H = D.h;
    static final double HEADER = 46;
    static final double MIN_WIDTH = 480;
    static final String SANS = "'DejaVu Sans', Verdana, sans-serif";
    static final String MONO = "'DejaVu Sans Mono', Menlo, Consolas, monospace";
    private static final String FALLBACK = "#808080";

    private final StepScene scene;
    private final Map<String, String> colors;
    private final TreeLayout.Layout layout;
    private final TreeFrame frame;
    private final Map<Integer, NodeView> byId = new HashMap<>();
    private final StringBuilder b = new StringBuilder(16_384);
    /** Where the document goes as it is written ({@link #write}), or null to keep it whole ({@link #render}). */
    private java.io.Writer sink;
    private int clipIds;

    private TreeSvg(StepScene scene, Map<String, String> colors) {
        this.scene = scene;
        this.colors = colors;
        this.layout = TreeLayout.of(scene);
        this.frame = Frames.key(scene, layout);
        for (NodeView n : scene.nodes()) {
            byId.put(n.id(), n);
        }
    }

    /**
     * The SVG document of {@code scene}'s tree.
     *
     * @param colors  ink name ({@code bg}, {@code node-red}, {@code thread-1}, ...) to a CSS colour ({@code #d23a36})
     * @param header  a line with the step, its thread and caption above the tree
     */
    public static String render(StepScene scene, Map<String, String> colors, boolean header) {
        return new TreeSvg(scene, colors).document(header);
    }

    /**
     * Writes the same document to {@code out} in UTF-8 as it is made, a few tens of kilobytes at a time: the SVG of a
     * 65,530-VMA tree is tens of megabytes, more than a small heap holds as one string.
     */
    public static void write(StepScene scene, Map<String, String> colors, boolean header, java.io.OutputStream out)
            throws java.io.IOException {
        TreeSvg t = new TreeSvg(scene, colors);
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
        t.sink = w;
        try {
            t.document(header);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    /** Hands what is written so far to the sink once it is large. */
    private void drain() {
        if (sink != null && b.length() >= 1 << 15) {
            try {
                sink.append(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            b.setLength(0);
        }
    }

    /** Width of the drawing in px (the canvas's world width). */
    public static double width(StepScene scene) {
        return Math.max(MIN_WIDTH, TreeGeometry.width(D, TreeLayout.of(scene)));
    }

    /** Height of the tree in px (the canvas's world height), without the header. */
    public static double treeHeight(StepScene scene) {
        return TreeGeometry.height(D, TreeLayout.of(scene)) + 30;
    }

    static double wx(double x) {
        return TreeGeometry.cx(D, x);
    }

    static double wy(double y) {
        return TreeGeometry.cy(D, y);
    }

    // ================================================================ document

    private String document(boolean header) {
        double w = width(scene);
        double th = treeHeight(scene);
        double h = th + (header ? HEADER : 0);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" viewBox=\"0 0 ").append(n(w)).append(' ')
                .append(n(h)).append("\" font-family=\"").append(SANS).append("\">\n");
        b.append("<title>").append(esc(title())).append("</title>\n");
        b.append("<desc>VMA Lab: the mm_rb tree. Black nodes have a solid border and a bold name, red nodes a "
                + "dashed border and an italic name; the badge is vm_ref_count; gap = the free space in front of the "
                + "VMA, subtree = rb_subtree_gap, * = a stored rb_subtree_gap its children and own gap no longer give."
                + "</desc>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(c("bg")).append("\"/>\n");
        if (header) {
            header(w);
            b.append("<g transform=\"translate(0,").append(n(HEADER)).append(")\">\n");
        } else {
            b.append("<g>\n");
        }
        b.append("<g stroke-linecap=\"round\">\n");
        offRow(w);
        root();
        for (EdgeFrame e : frame.edges()) {
            edge(e);
            drain();
        }
        for (GhostEdge g : scene.removedEdges()) {
            ghost(g);
            drain();
        }
        for (ParentArrow pa : scene.parentArrows()) {
            parentArrow(pa);
            drain();
        }
        for (NodeFrame nf : frame.nodes().values()) {
            NodeView v = byId.get(nf.id());
            if (v != null) {
                node(v, nf);
                drain();
            }
        }
        for (CursorFrame cf : frame.cursors()) {
            cursor(cf);
            drain();
        }
        for (StepScene.Loaded l : scene.loaded()) {
            loaded(l);
        }
        b.append("</g>\n</g>\n</svg>\n");
        if (sink != null) {
            try {
                sink.append(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            b.setLength(0);
            return null;
        }
        return b.toString();
    }

    private String title() {
        // steps counted from the start, "step 0" included, as the window's corner does
        return "mm_rb tree, step " + scene.index() + " / " + scene.size() + ": " + scene.caption();
    }

    private void header(double w) {
        String step = "step " + scene.index() + " / " + scene.size()
                + (scene.step() == null ? "" : " · " + scene.step().threadName());
        int max = (int) Math.max(20, (w - 24) / 7.4);
        text(12, 20, fit(step + " · " + scene.caption(), max), 13, true, "text", "start", Base.CENTER);
        if (scene.step() != null) {
            text(12, 37, fit(scene.where() + "   " + scene.step().function() + "()", (int) ((w - 24) / 6.7)), 11,
                    false, "text-dim", "start", Base.CENTER, MONO);
        }
        b.append("<line x1=\"0\" y1=\"").append(n(HEADER - 0.5)).append("\" x2=\"").append(n(w)).append("\" y2=\"")
                .append(n(HEADER - 0.5)).append("\" stroke=\"").append(c("off-row"))
                .append("\" stroke-width=\"1\"/>\n");
    }

    private void offRow(double w) {
        if (Double.isNaN(layout.offRow())) {
            return;
        }
        double y = wy(layout.offRow()) - NODE_H / 2 - (D.row() - NODE_H) * 0.6;
        b.append("<line class=\"off-row\" x1=\"0\" y1=\"").append(n(y)).append("\" x2=\"").append(n(w))
                .append("\" y2=\"").append(n(y)).append("\" stroke=\"").append(c("off-row"))
                .append("\" stroke-width=\"1.5\" stroke-dasharray=\"8 6\"/>\n");
        text(8, y - 4, "off the tree: erased, cleared, freed or not linked yet", 11, false, "text-dim", "start",
                Base.BOTTOM);
    }

    private void root() {
        if (scene.root() < 0) {
            text(TreeGeometry.MARGIN_X, 20, "mm_rb.rb_node = NULL: the tree is empty", 15, true, "text-dim", "start",
                    Base.TOP);
            return;
        }
        NodeFrame r = frame.node(scene.root());
        if (r == null) {
            return;
        }
        double cx = wx(r.x());
        double top = wy(r.y()) - NODE_H / 2 - D.badge;
        String col = scene.rootChanged() ? "edge-changed" : "edge";
        b.append("<g class=\"root-pointer\">");
        line(cx, top - 22, cx, top - 2, col, scene.rootChanged() ? 3 : 2, null);
        arrowHead(cx, top - 22, cx, top - 1, col);
        text(cx, top - 23, "mm_rb.rb_node", 11, true, scene.rootChanged() ? "changed" : "text-dim", "middle",
                Base.BOTTOM);
        b.append("</g>\n");
    }

    private void edge(EdgeFrame ef) {
        NodeFrame a = frame.node(ef.parent());
        NodeFrame bb = frame.node(ef.child());
        if (a == null || bb == null) {
            return;
        }
        double x1 = wx(a.x());
        double y1 = wy(a.y()) + NODE_H / 2;
        double x2 = wx(bb.x());
        double y2 = wy(bb.y()) - NODE_H / 2;
        String col;
        double lw;
        String dash;
        switch (ef.kind()) {
            case STALE -> {
                col = "edge-stale";
                lw = 1.6;
                dash = "5 5";
            }
            case UNREACHABLE -> {
                col = "edge";
                lw = 2;
                dash = "9 5";
            }
            case CYCLE -> {
                col = "edge-cycle";
                lw = 2.5;
                dash = "3 4";
            }
            default -> {
                col = "edge";
                lw = 2;
                dash = null;
            }
        }
        if (ef.changed()) {
            col = "edge-changed";
            lw = 4;
        }
        b.append("<g class=\"edge ").append(ef.kind().name().toLowerCase(Locale.ROOT))
                .append(ef.changed() ? " changed" : "")
                .append("\" data-parent=\"").append(esc(name(ef.parent()))).append("\" data-child=\"")
                .append(esc(name(ef.child()))).append("\">");
        if (ef.kind() == EdgeKind.CYCLE || y2 <= y1) {
            double mx = (x1 + x2) / 2 + (ef.left() ? -60 : 60);
            double my = Math.min(y1, y2) - 40;
            quad(x1, y1 - NODE_H, mx, my, x2, y2, col, lw, dash);
        } else {
            line(x1, y1, x2, y2, col, lw, dash);
        }
        if (ef.kind() == EdgeKind.STALE || ef.changed()) {
            arrowHead(x1, y1, x2, y2, col);
        }
        b.append("</g>\n");
    }

    private void ghost(GhostEdge ge) {
        NodeFrame a = frame.node(ge.parent());
        NodeFrame bb = frame.node(ge.child());
        if (a == null || bb == null) {
            return;
        }
        double x1 = wx(a.x());
        double y1 = wy(a.y()) + NODE_H / 2;
        double x2 = wx(bb.x());
        double y2 = wy(bb.y()) - NODE_H / 2;
        b.append("<g class=\"removed-edge\" opacity=\"0.9\">");
        line(x1, y1, x2, y2, "edge-removed", 2.5, "4 6");
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        line(mx - 7, my - 7, mx + 7, my + 7, "edge-removed", 3, null);
        line(mx - 7, my + 7, mx + 7, my - 7, "edge-removed", 3, null);
        b.append("</g>\n");
    }

    private void parentArrow(ParentArrow pa) {
        NodeFrame ch = frame.node(pa.child());
        NodeFrame p = frame.node(pa.newParent());
        if (ch == null || p == null) {
            return;
        }
        double x1 = wx(ch.x()) + NODE_W / 2 - 14;
        double y1 = wy(ch.y()) - NODE_H / 2;
        double x2 = wx(p.x()) + (p.x() < ch.x() ? NODE_W / 2 - 10 : -NODE_W / 2 + 10);
        double y2 = wy(p.y()) + (p.y() < ch.y() ? NODE_H / 2 : -NODE_H / 2);
        double mx = (x1 + x2) / 2 + 40;
        double my = Math.min(y1, y2) - 30;
        b.append("<g class=\"parent-arrow\">");
        quad(x1, y1, mx, my, x2, y2, "parent-arrow", 2, "2 4");
        arrowHead(mx, my, x2, y2, "parent-arrow");
        text(mx, my + 8, "parent", 10, false, "parent-arrow", "middle", Base.BOTTOM);
        b.append("</g>\n");
    }

    private void node(NodeView v, NodeFrame nf) {
        double cx = wx(nf.x());
        double cy = wy(nf.y());
        double x0 = cx - NODE_W / 2;
        double y0 = cy - NODE_H / 2;
        double alpha = nf.opacity() * (v.state() == NodeState.UNREACHABLE ? 0.72 : 1);
        Tone tone = nf.to();
        String fill = toneInk(tone);
        String text = toneInk(tone) + "-text";
        b.append("<g class=\"node ").append(v.black() ? "black" : "red").append(' ').append(v.state().css())
                .append(v.inUse() ? " in-use" : "").append("\" data-vma=\"").append(esc(v.name())).append("\">\n");
        b.append("<g").append(alpha < 1 ? " opacity=\"" + n(alpha) + "\"" : "").append(">");
        if (v.has(Mark.VIOLATION) || v.inUse()) {
            ring(x0, y0, 9, "bad", 5, false);
        }
        if (v.has(Mark.SUBJECT)) {
            ring(x0, y0, 5, "subject", 5, false);
        } else if (v.has(Mark.OTHER)) {
            ring(x0, y0, 5, "other", 3, true);
        }
        if (v.has(Mark.STORED) && !v.has(Mark.SUBJECT)) {
            ring(x0, y0, 4, "changed", 2.5, false);
        }
        rect(x0, y0, NODE_W, NODE_H, 6, fill, null, 0, null);
        if (tone == Tone.NODE_FREED || tone == Tone.NODE_ALARM) {
            hatch(x0, y0, text);
        }
        String dash = v.black() ? null : "8 5";
        if (v.state() == NodeState.CLEARED) {
            dash = "2 4";
        }
        rect(x0, y0, NODE_W, NODE_H, 6, null, v.black() ? "node-black-border" : "node-red-border",
                v.black() ? 3.5 : 2.5, dash);
        String name = NodeFace.name(v);
        double top = 4 + D.nameSize / 2 + 1;
        int maxChars = (int) ((NODE_W - 10) / (D.nameSize * 0.66));
        String shownName = fit(name, maxChars);
        if (!shownName.equals(name)) {
            b.append("<g><title>").append(esc(name)).append("</title>");
        }
        b.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y0 + top + Base.CENTER.shift * D.nameSize))
                .append("\" font-size=\"").append(n(D.nameSize)).append('"')
                .append(v.black() ? " font-weight=\"bold\"" : " font-style=\"italic\"")
                .append(" text-anchor=\"middle\" fill=\"").append(c(text)).append("\">")
                .append(esc(shownName)).append("</text>");
        if (!shownName.equals(name)) {
            b.append("</g>");
        }
        double lineH = D.numberSize + 4.5;
        double y = top + D.nameSize / 2 + 2 + lineH / 2;
        for (NodeFace.Line l : NodeFace.lines(v, D)) {
            if (l.highlighted()) {
                double tw = l.text().length() * D.numberSize * 0.602;
                rect(cx - tw / 2 - 4, y0 + y - D.numberSize / 2 - 2.5, tw + 8, D.numberSize + 5, 4, "changed", null, 0,
                        null);
                text(cx, y0 + y, l.text(), D.numberSize, true, "changed-text", "middle", Base.CENTER, MONO);
            } else {
                text(cx, y0 + y, l.text(), D.numberSize, false, text, "middle", Base.CENTER, MONO);
            }
            y += lineH;
        }
        badge(v, x0 + NODE_W, y0);
        b.append("</g>\n");
        tags(v, cx, y0 + NODE_H + 5);
        b.append("</g>\n");
    }

    private static String toneInk(Tone t) {
        return switch (t) {
            case NODE_RED -> "node-red";
            case NODE_BLACK -> "node-black";
            case NODE_FREED -> "node-freed";
            case NODE_ALARM -> "node-alarm";
        };
    }

    private void ring(double x0, double y0, double off, String ink, double lw, boolean dashed) {
        rect(x0 - off, y0 - off, NODE_W + 2 * off, NODE_H + 2 * off, (16 + off) / 2, null, ink, lw,
                dashed ? "6 4" : null);
    }

    private void hatch(double x0, double y0, String ink) {
        String id = "clip" + (++clipIds);
        b.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x0)).append("\" y=\"").append(n(y0))
                .append("\" width=\"").append(n(NODE_W)).append("\" height=\"").append(n(NODE_H))
                .append("\"/></clipPath>");
        b.append("<g class=\"hatch\" clip-path=\"url(#").append(id).append(")\" stroke=\"").append(c(ink))
                .append("\" stroke-width=\"2\" opacity=\"0.22\"><path d=\"");
        for (double d = -NODE_H; d < NODE_W; d += 12) {
            b.append('M').append(n(x0 + d)).append(',').append(n(y0 + NODE_H)).append('L').append(n(x0 + d + NODE_H))
                    .append(',').append(n(y0));
        }
        b.append("\"/></g>");
    }

    private void badge(NodeView v, double x, double y) {
        boolean hot = v.has(Mark.REF_CHANGED);
        b.append("<g class=\"ref-count\"><circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                .append("\" r=\"").append(n(D.badge)).append("\" fill=\"").append(c(hot ? "badge-hot"
                        : "badge")).append("\" stroke=\"")
                .append(c(v.refCount() > 1 ? "changed" : "text-dim")).append("\" stroke-width=\"")
                .append(v.refCount() > 1 ? "2.5" : "1.5").append("\"/>");
        text(x, y, Long.toString(v.refCount()), D.badge * 1.1, true, hot ? "badge-hot-text" : "badge-text", "middle",
                Base.CENTER);
        b.append("</g>");
    }

    private void tags(NodeView v, double cx, double y) {
        List<NodeFace.Tag> tags = NodeFace.tags(v, false);
        double yy = y;
        for (int i = 0; i < tags.size() && i < 3; i++) {
            NodeFace.Tag t = tags.get(i);
            double tw = t.text().length() * 6.2 + 12;
            b.append("<g class=\"tag\">");
            rect(cx - tw / 2, yy, tw, 15, 4, t.style().ink, null, 0, null);
            text(cx, yy + 7.5, t.text(), 10, false, t.style().textInk, "middle", Base.CENTER);
            b.append("</g>");
            yy += 17;
        }
        if (!tags.isEmpty()) {
            b.append('\n');
        }
    }

    /** A walker's loaded pointer: a hollow dashed chip on the node it will visit, and where it was loaded from. */
    private void loaded(StepScene.Loaded l) {
        NodeFrame nf = frame.node(l.node());
        if (nf == null) {
            return;
        }
        int onIt = 0;
        for (CursorFrame cf : frame.cursors()) {
            if (cf.node() == l.node()) {
                onIt++;
            }
        }
        double cw = 34;
        double ch = 19;
        double x = wx(nf.x()) - NODE_W / 2 + 4 + onIt * (cw + 4);
        double y = wy(nf.y()) - NODE_H / 2 - ch - 7;
        String ink = "thread-" + (Math.floorMod(l.thread(), 9) + 1);
        b.append("<g class=\"loaded\" data-thread=\"").append(esc(l.threadName())).append("\" data-vma=\"")
                .append(esc(name(l.node()))).append("\">");
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(cw))
                .append("\" height=\"").append(n(ch)).append("\" rx=\"4\" fill=\"").append(c("bg"))
                .append("\" stroke=\"").append(c(l.freed() ? "bad" : ink))
                .append("\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        text(x + cw / 2, y + ch / 2, fit(l.threadName(), 4), 12, true, ink, "middle", Base.CENTER);
        text(x + cw + 4, y + ch / 2, "loaded from " + l.via(), 10, true, ink, "start", Base.CENTER);
        b.append("</g>\n");
    }

    private void cursor(CursorFrame cf) {
        double x0 = wx(cf.x()) - NODE_W / 2;
        double y0 = wy(cf.y()) - NODE_H / 2;
        double cw = 34;
        double ch = 19;
        double x = x0 + 4 + cf.slot() * (cw + 4);
        double y = y0 - ch - 7;
        String ink = "thread-" + (Math.floorMod(cf.thread(), 9) + 1);
        String name = cf.thread() < scene.threads().size() ? scene.threads().get(cf.thread()).name()
                : "T" + (cf.thread() + 1);
        b.append("<g class=\"cursor\" data-thread=\"").append(esc(name)).append("\">");
        rect(x, y, cw, ch, 4, ink, null, 0, null);
        b.append("<polygon points=\"").append(n(x + 8)).append(',').append(n(y + ch - 1)).append(' ').append(n(x + 18))
                .append(',').append(n(y + ch - 1)).append(' ').append(n(x + 13)).append(',').append(n(y + ch + 6))
                .append("\" fill=\"").append(c(ink)).append("\"/>");
        for (StepScene.CursorView cv : scene.cursors()) {
            if (cv.thread() == cf.thread() && cv.onFreed()) {
                rect(x - 2, y - 2, cw + 4, ch + 4, 5, null, "bad", 3, null);
            }
        }
        text(x + cw / 2, y + ch / 2, fit(name, 4), 12, true, "thread-text", "middle", Base.CENTER);
        b.append("</g>\n");
    }

    // ================================================================ primitives

    /** How a text's y is meant, as the canvas's VPos: the baseline is placed from the font's metrics. */
    private enum Base {
        TOP(0.928), CENTER(0.346), BOTTOM(-0.236);

        final double shift;

        Base(double shift) {
            this.shift = shift;
        }
    }

    private void text(double x, double y, String s, double size, boolean bold, String ink, String anchor, Base base) {
        text(x, y, s, size, bold, ink, anchor, base, null);
    }

    private void text(double x, double y, String s, double size, boolean bold, String ink, String anchor, Base base,
                      String family) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + base.shift * size))
                .append("\" font-size=\"").append(n(size)).append('"');
        if (bold) {
            b.append(" font-weight=\"bold\"");
        }
        if (family != null) {
            b.append(" font-family=\"").append(family).append('"');
        }
        if (!anchor.equals("start")) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        b.append(" fill=\"").append(c(ink)).append("\">").append(esc(s)).append("</text>");
    }

    private void line(double x1, double y1, double x2, double y2, String ink, double lw, String dash) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(c(ink)).append("\" stroke-width=\"")
                .append(n(lw)).append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        b.append("/>");
    }

    private void quad(double x1, double y1, double cx, double cy, double x2, double y2, String ink, double lw,
                      String dash) {
        b.append("<path d=\"M").append(n(x1)).append(',').append(n(y1)).append(" Q").append(n(cx)).append(',')
                .append(n(cy)).append(' ').append(n(x2)).append(',').append(n(y2)).append("\" fill=\"none\" stroke=\"")
                .append(c(ink)).append("\" stroke-width=\"").append(n(lw)).append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        b.append("/>");
    }

    private void rect(double x, double y, double w, double h, double r, String fill, String stroke, double lw,
                      String dash) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"").append(n(r)).append("\" fill=\"")
                .append(fill == null ? "none" : c(fill)).append('"');
        if (stroke != null) {
            b.append(" stroke=\"").append(c(stroke)).append("\" stroke-width=\"").append(n(lw)).append('"');
            if (dash != null) {
                b.append(" stroke-dasharray=\"").append(dash).append('"');
            }
        }
        b.append("/>");
    }

    private void arrowHead(double x1, double y1, double x2, double y2, String ink) {
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double s = 9;
        b.append("<polygon points=\"").append(n(x2)).append(',').append(n(y2)).append(' ')
                .append(n(x2 - s * Math.cos(ang - 0.45))).append(',').append(n(y2 - s * Math.sin(ang - 0.45)))
                .append(' ')
                .append(n(x2 - s * Math.cos(ang + 0.45))).append(',').append(n(y2 - s * Math.sin(ang + 0.45)))
                .append("\" fill=\"").append(c(ink)).append("\" stroke=\"none\"/>");
    }

    private String c(String ink) {
        String v = colors.get(ink);
        return v == null ? FALLBACK : v;
    }

    private String name(int id) {
        NodeView v = byId.get(id);
        return v == null ? "#" + id : v.name();
    }

    static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A number with at most two decimals, no exponent. */
    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        while (s.endsWith("0")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Text for XML: markup characters escaped, characters XML 1.0 cannot hold dropped. */
    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> o.append("&amp;");
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '"' -> o.append("&quot;");
                default -> {
                    boolean ok = ch == '\t' || ch == '\n' || ch == '\r' || ch >= 0x20 && ch <= 0xD7FF
                            || ch >= 0xE000 && ch <= 0xFFFD
                            || Character.isHighSurrogate(ch) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (ok) {
                        o.append(ch);
                    }
                }
            }
        }
        return o.toString();
    }
}
