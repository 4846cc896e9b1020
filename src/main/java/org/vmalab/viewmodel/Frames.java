package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.viewmodel.StepScene.CursorView;
import org.vmalab.viewmodel.StepScene.EdgeView;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * Animation frames of the tree, without a toolkit: {@link #key} turns a scene and its layout into a frame
 * at rest, {@link #at} gives the frame at fraction {@code t} of the way from one to the next. Rows ease in and
 * out; x follows from the rows by the layout's own rule ({@link TreeLayout#spacing}: neighbours that come level
 * get a whole column between them), so no two boxes meet in any frame, and a frame at rest is its layout.
 * Opacities and colour mixes are linear in {@code t}. A node only in {@code to} first makes room (its neighbours
 * move apart in the first half) and then fades in; a node only in {@code from} fades out in the first half and its
 * neighbours close up in the second. Cursors fly from node to node.
 */
public final class Frames {
    private Frames() {
    }

    /**
     * A node (or an overview's summary): position in layout units, opacity, and its fill as a mix of two tones.
     *
     * @param presence how much room the item takes in the order (1 at rest; 0 before it came or after it left)
     */
    public record NodeFrame(int id, double x, double y, double opacity, Tone from, Tone to, double mix,
                            double presence) {
        public NodeFrame(int id, double x, double y, double opacity, Tone from, Tone to, double mix) {
            this(id, x, y, opacity, from, to, mix, 1.0);
        }

        /** The tone that dominates (for a test or a snapshot). */
        public Tone tone() {
            return mix < 0.5 ? from : to;
        }
    }

    /** A child pointer; its ends follow the nodes' positions at the same t. */
    public record EdgeFrame(int parent, int child, boolean left, StepScene.EdgeKind kind, boolean changed,
                            double opacity) {
    }

    /**
     * A walker's cursor.
     *
     * @param slot its place among the cursors on the same node (0, 1, ...), interpolated
     * @param node the node it stands on at rest (the one it flies to in an animation), or -1
     */
    public record CursorFrame(int thread, double x, double y, double slot, double opacity, int node) {
        public CursorFrame(int thread, double x, double y, double slot, double opacity) {
            this(thread, x, y, slot, opacity, -1);
        }
    }

    /** One frame of the whole tree; {@code nodes} iterates in address (column) order. */
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
        return new TreeFrame(nodes, List.copyOf(edges), cursors(scene, nodes));
    }

    /** The cursors of a scene on the nodes of a frame at rest (several on one node side by side). */
    static List<CursorFrame> cursors(StepScene scene, Map<Integer, NodeFrame> nodes) {
        List<CursorFrame> cursors = new ArrayList<>();
        Map<Integer, Integer> perNode = new HashMap<>();
        for (CursorView c : scene.cursors()) {
            NodeFrame n = nodes.get(c.node());
            if (n == null) {
                continue;
            }
            int slot = perNode.merge(c.node(), 1, Integer::sum) - 1;
            cursors.add(new CursorFrame(c.thread(), n.x(), n.y(), slot, 1.0, c.node()));
        }
        return List.copyOf(cursors);
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

    /**
     * The ids of both frames in column order: {@code to}'s order, with each item only in {@code from} placed
     * right after the item it followed there.
     */
    static List<Integer> order(TreeFrame from, TreeFrame to) {
        Map<Integer, List<Integer>> after = new HashMap<>();
        int anchor = Integer.MIN_VALUE;
        boolean any = false;
        for (int id : from.nodes().keySet()) {
            if (to.nodes().containsKey(id)) {
                anchor = id;
            } else {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(id);
                any = true;
            }
        }
        List<Integer> out = new ArrayList<>(to.nodes().size() + (any ? 8 : 0));
        if (!any) {
            out.addAll(to.nodes().keySet());
            return out;
        }
        List<Integer> head = after.get(Integer.MIN_VALUE);
        if (head != null) {
            out.addAll(head);
        }
        for (int id : to.nodes().keySet()) {
            out.add(id);
            List<Integer> l = after.get(id);
            if (l != null) {
                out.addAll(l);
            }
        }
        return out;
    }

    /** The frame at fraction {@code t} in [0, 1] of the way from {@code from} to {@code to}. */
    public static TreeFrame at(TreeFrame from, TreeFrame to, double t) {
        double u = clamp(t);
        double e = ease(u);
        // arrivals make room in the first half and fade in in the second; departures the other way round
        double roomIn = ease(clamp(2 * u));
        double showIn = clamp(2 * u - 1);
        double showOut = clamp(1 - 2 * u);
        double roomOut = 1 - ease(clamp(2 * u - 1));
        List<Integer> order = order(from, to);
        int n = order.size();
        int[] ids = new int[n];
        double[] ys = new double[n];
        double[] ps = new double[n];
        NodeFrame[] made = new NodeFrame[n];
        for (int i = 0; i < n; i++) {
            int id = order.get(i);
            NodeFrame a = from.nodes().get(id);
            NodeFrame b = to.nodes().get(id);
            ids[i] = id;
            if (a == null) {
                ys[i] = b.y();
                ps[i] = b.presence() * roomIn;
                made[i] = new NodeFrame(id, 0, b.y(), b.opacity() * showIn, b.from(), b.to(), b.mix(), ps[i]);
            } else if (b == null) {
                ys[i] = a.y();
                ps[i] = a.presence() * roomOut;
                made[i] = new NodeFrame(id, 0, a.y(), a.opacity() * showOut, a.from(), a.to(), a.mix(), ps[i]);
            } else {
                ys[i] = lerp(a.y(), b.y(), e);
                double op;
                if (a.presence() < 1) {
                    // it was still arriving when this animation began: make room first, then show it
                    ps[i] = lerp(a.presence(), b.presence(), roomIn);
                    op = b.opacity() * showIn;
                } else {
                    ps[i] = lerp(a.presence(), b.presence(), e);
                    op = lerp(a.opacity(), b.opacity(), u);
                }
                made[i] = new NodeFrame(id, 0, ys[i], op, a.tone(), b.tone(), a.tone() == b.tone() ? 1.0 : u, ps[i]);
            }
        }
        double[] xs = xs(ys, ps);
        Map<Integer, NodeFrame> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            NodeFrame m = made[i];
            nodes.put(ids[i], new NodeFrame(m.id(), xs[i], m.y(), m.opacity(), m.from(), m.to(), m.mix(),
                    m.presence()));
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
            double bx = follow(nodes, b.node(), b.x(), true);
            double by = follow(nodes, b.node(), b.y(), false);
            if (a == null) {
                cursors.add(new CursorFrame(b.thread(), bx, by, b.slot(), b.opacity() * u, b.node()));
            } else {
                double ax = follow(nodes, a.node(), a.x(), true);
                double ay = follow(nodes, a.node(), a.y(), false);
                cursors.add(new CursorFrame(b.thread(), lerp(ax, bx, e), lerp(ay, by, e), lerp(a.slot(), b.slot(), e),
                        lerp(a.opacity(), b.opacity(), u), b.node()));
            }
        }
        for (CursorFrame a : from.cursors()) {
            if (to.cursor(a.thread()) == null) {
                cursors.add(new CursorFrame(a.thread(), follow(nodes, a.node(), a.x(), true),
                        follow(nodes, a.node(), a.y(), false), a.slot(), a.opacity() * (1 - u), a.node()));
            }
        }
        return new TreeFrame(nodes, List.copyOf(edges), List.copyOf(cursors));
    }

    /** Where a cursor's node is in this frame (its own position when the node is not in it). */
    private static double follow(Map<Integer, NodeFrame> nodes, int node, double own, boolean x) {
        NodeFrame f = node < 0 ? null : nodes.get(node);
        return f == null ? own : x ? f.x() : f.y();
    }

    /**
     * The x of items in column order from their rows and presences, by {@link TreeLayout#spacing}: an item
     * takes its room in proportion to its presence, and every item fully present keeps at least the spacing
     * from the last fully present one before it.
     */
    static double[] xs(double[] ys, double[] ps) {
        int n = ys.length;
        double[] xs = new double[n];
        int solid = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                xs[i] = 0;
            } else {
                double x = xs[i - 1] + ps[i] * ps[i - 1] * TreeLayout.spacing(ys[i] - ys[i - 1]);
                if (solid >= 0) {
                    x = Math.max(x, xs[solid] + ps[i] * TreeLayout.spacing(ys[i] - ys[solid]));
                }
                xs[i] = x;
            }
            if (ps[i] >= 1) {
                solid = i;
            }
        }
        return xs;
    }
}
