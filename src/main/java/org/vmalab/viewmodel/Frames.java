package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.viewmodel.StepScene.CursorView;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.EdgeView;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * Animation frames of the tree, without a toolkit: {@link #key} turns a scene and its layout into a frame
 * at rest, {@link #at} gives the frame at fraction {@code t} of the way from one to the next. Positions
 * ease in and out; opacities and colour mixes are linear in {@code t}. A node or edge only in {@code to}
 * fades in where it lands; one only in {@code from} fades out where it was. Cursors fly from node to node.
 */
public final class Frames {
    private Frames() {
    }

    /** A node: position in layout units, opacity, and its fill as a mix of two tones. */
    public record NodeFrame(int id, double x, double y, double opacity, Tone from, Tone to, double mix) {
        /** The tone that dominates (for a test or a snapshot). */
        public Tone tone() {
            return mix < 0.5 ? from : to;
        }
    }

    /** A child pointer; its ends follow the nodes' positions at the same t. */
    public record EdgeFrame(int parent, int child, boolean left, EdgeKind kind, boolean changed, double opacity) {
    }

    /**
     * A walker's cursor.
     *
     * @param slot its place among the cursors on the same node (0, 1, ...), interpolated
     */
    public record CursorFrame(int thread, double x, double y, double slot, double opacity) {
    }

    /** One frame of the whole tree. */
    public record TreeFrame(Map<Integer, NodeFrame> nodes, List<EdgeFrame> edges, List<CursorFrame> cursors) {
        public NodeFrame node(int id) {
            return nodes.get(id);
        }

        public CursorFrame cursor(int thread) {
            for (CursorFrame c : cursors) {
                if (c.thread() == thread) {
                    return c;
                }
            }
            return null;
        }

        public EdgeFrame edge(int parent, int child) {
            for (EdgeFrame e : edges) {
                if (e.parent() == parent && e.child() == child) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The frame at rest for a scene. */
    public static TreeFrame key(StepScene scene, TreeLayout.Layout layout) {
        Map<Integer, NodeFrame> nodes = new LinkedHashMap<>();
        for (NodeView n : scene.nodes()) {
            Tone tone = Tone.of(n);
            nodes.put(n.id(), new NodeFrame(n.id(), layout.x(n.id()), layout.y(n.id()), 1.0, tone, tone, 1.0));
        }
        List<EdgeFrame> edges = new ArrayList<>();
        for (EdgeView e : scene.edges()) {
            if (nodes.containsKey(e.parent()) && nodes.containsKey(e.child())) {
                edges.add(new EdgeFrame(e.parent(), e.child(), e.left(), e.kind(), e.changed(), 1.0));
            }
        }
        List<CursorFrame> cursors = new ArrayList<>();
        Map<Integer, Integer> perNode = new HashMap<>();
        for (CursorView c : scene.cursors()) {
            NodeFrame n = nodes.get(c.node());
            if (n == null) {
                continue;
            }
            int slot = perNode.merge(c.node(), 1, Integer::sum) - 1;
            cursors.add(new CursorFrame(c.thread(), n.x(), n.y(), slot, 1.0));
        }
        return new TreeFrame(nodes, List.copyOf(edges), List.copyOf(cursors));
    }

    private static long edgeKey(EdgeFrame e) {
        return ((long) e.parent() << 32) | (e.child() & 0xffffffffL);
    }

    /** Smoothstep: slow start, slow end. */
    public static double ease(double t) {
        double u = clamp(t);
        return u * u * (3 - 2 * u);
    }

    private static double clamp(double t) {
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    private static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }

    /** The frame at fraction {@code t} in [0, 1] of the way from {@code from} to {@code to}. */
    public static TreeFrame at(TreeFrame from, TreeFrame to, double t) {
        double u = clamp(t);
        double e = ease(u);
        Map<Integer, NodeFrame> nodes = new LinkedHashMap<>();
        for (NodeFrame b : to.nodes().values()) {
            NodeFrame a = from.nodes().get(b.id());
            if (a == null) {
                nodes.put(b.id(), new NodeFrame(b.id(), b.x(), b.y(), b.opacity() * u, b.from(), b.to(), b.mix()));
            } else {
                nodes.put(b.id(), new NodeFrame(b.id(), lerp(a.x(), b.x(), e), lerp(a.y(), b.y(), e),
                        lerp(a.opacity(), b.opacity(), u), a.tone(), b.tone(), a.tone() == b.tone() ? 1.0 : u));
            }
        }
        for (NodeFrame a : from.nodes().values()) {
            if (!to.nodes().containsKey(a.id())) {
                nodes.put(a.id(), new NodeFrame(a.id(), a.x(), a.y(), a.opacity() * (1 - u), a.from(), a.to(),
                        a.mix()));
            }
        }
        // edges by (parent, child): a linear lookup per edge made big trees quadratic
        Map<Long, EdgeFrame> fromEdges = new HashMap<>();
        for (EdgeFrame a : from.edges()) {
            fromEdges.putIfAbsent(edgeKey(a), a);
        }
        Map<Long, EdgeFrame> toEdges = new HashMap<>();
        for (EdgeFrame b : to.edges()) {
            toEdges.putIfAbsent(edgeKey(b), b);
        }
        List<EdgeFrame> edges = new ArrayList<>();
        for (EdgeFrame b : to.edges()) {
            EdgeFrame a = fromEdges.get(edgeKey(b));
            double op = a == null ? b.opacity() * u : lerp(a.opacity(), b.opacity(), u);
            edges.add(new EdgeFrame(b.parent(), b.child(), b.left(), b.kind(), b.changed(), op));
        }
        for (EdgeFrame a : from.edges()) {
            if (!toEdges.containsKey(edgeKey(a)) && nodes.containsKey(a.parent())
                    && nodes.containsKey(a.child())) {
                edges.add(new EdgeFrame(a.parent(), a.child(), a.left(), a.kind(), true, a.opacity() * (1 - u)));
            }
        }
        List<CursorFrame> cursors = new ArrayList<>();
        for (CursorFrame b : to.cursors()) {
            CursorFrame a = from.cursor(b.thread());
            if (a == null) {
                cursors.add(new CursorFrame(b.thread(), b.x(), b.y(), b.slot(), b.opacity() * u));
            } else {
                cursors.add(new CursorFrame(b.thread(), lerp(a.x(), b.x(), e), lerp(a.y(), b.y(), e),
                        lerp(a.slot(), b.slot(), e), lerp(a.opacity(), b.opacity(), u)));
            }
        }
        for (CursorFrame a : from.cursors()) {
            if (to.cursor(a.thread()) == null) {
                cursors.add(new CursorFrame(a.thread(), a.x(), a.y(), a.slot(), a.opacity() * (1 - u)));
            }
        }
        return new TreeFrame(nodes, List.copyOf(edges), List.copyOf(cursors));
    }
}
