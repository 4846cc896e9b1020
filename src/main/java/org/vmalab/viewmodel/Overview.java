package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.viewmodel.Frames.EdgeFrame;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.EdgeView;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * The overview of a large tree, without a toolkit: subtrees below a depth are collapsed into summary nodes
 * (how many VMAs, the largest gap = the subtree root's {@code rb_subtree_gap}), except where the user drilled
 * down and on the paths to the nodes that matter now (the step's nodes, the walkers' cursors, a search hit),
 * which stay open so that a step is still seen node by node. Items (nodes and summaries) get compact columns
 * in address order and their depth as row, like {@link TreeLayout}, so a rotation still moves nodes only up
 * and down.
 *
 * <p>Rule: a node is <em>open</em> when it is shallower than {@code depth}, drilled into, or an ancestor (or
 * itself) of a node in focus. The root and every child of an open node are shown; a shown node that is not
 * open and has children stands for its whole subtree: a summary.
 */
public final class Overview {
    /** Summary ids in frames are this plus the id of the subtree's root VMA. */
    public static final int SUMMARY_BASE = 1 << 24;
    /** Depth of the first collapsed row in the default overview (7 nodes and 8 summaries). */
    public static final int DEFAULT_DEPTH = 3;
    /** Trees with more VMAs than this open in the overview. */
    public static final int AUTO_THRESHOLD = 1000;
    /** Levels a click on a summary opens. */
    public static final int DRILL_LEVELS = 3;

    private Overview() {
    }

    /**
     * A collapsed subtree.
     *
     * @param root       the id of the subtree's root VMA
     * @param count      VMAs in the subtree, its root included
     * @param largestGap the root's {@code rb_subtree_gap}: the largest free gap in front of a VMA of the subtree
     * @param start      {@code vm_start} of its first VMA
     * @param end        {@code vm_end} of its last VMA
     * @param black      the colour of its root (a summary is drawn in its root's colour cue)
     * @param x          column (layout units)
     * @param y          row (the root's depth)
     */
    public record Summary(int root, int count, long largestGap, long start, long end, boolean black, int depth,
                          double x, double y) {
        public int id() {
            return SUMMARY_BASE + root;
        }
    }

    /**
     * What the overview shows.
     *
     * @param layout    positions of the shown VMA nodes (by VMA id; NaN when hidden), columns and rows in use
     * @param summaries the collapsed subtrees in address order
     * @param shown     the VMA ids drawn as nodes
     * @param items     the ids of every item (VMA ids and summary ids) in column order
     * @param total     VMAs in the scene
     */
    public record View(TreeLayout.Layout layout, List<Summary> summaries, BitSet shown, int[] items, int total,
                       Map<Integer, Summary> summaryById, Tree tree) {
        View(TreeLayout.Layout layout, List<Summary> summaries, BitSet shown, int[] items, int total, Tree tree) {
            this(layout, summaries, shown, items, total, index(summaries), tree);
        }

        private static Map<Integer, Summary> index(List<Summary> summaries) {
            Map<Integer, Summary> m = new HashMap<>();
            for (Summary s : summaries) {
                m.put(s.id(), s);
            }
            return Map.copyOf(m);
        }

        public Summary summary(int id) {
            return summaryById.get(id);
        }

        /** Is VMA {@code vma} drawn as a node? */
        public boolean isShown(int vma) {
            return vma >= 0 && shown.get(vma);
        }

        /** The column of an item (VMA or summary id), NaN if it is not shown. */
        public double x(int id) {
            if (id >= SUMMARY_BASE) {
                Summary s = summary(id);
                return s == null ? Double.NaN : s.x();
            }
            return layout.has(id) ? layout.x(id) : Double.NaN;
        }

        public double y(int id) {
            if (id >= SUMMARY_BASE) {
                Summary s = summary(id);
                return s == null ? Double.NaN : s.y();
            }
            return layout.has(id) ? layout.y(id) : Double.NaN;
        }
    }

    /**
     * The walk tree of a scene (the tree edges from the root), with subtree sizes and ranges. Of a scene in columns (a
     * large import) it reads the columns and keeps no node objects but the few marked or off the walk.
     */
    public static final class Tree {
        /** Every node by id (null where there is none), for a scene of records; null for a scene in columns. */
        private final NodeView[] byId;
        /** The nodes of a scene in columns, or null. */
        private final SceneColumns.Nodes cols;
        /** Ids are below this. */
        private final int n;
        final int[] left;
        final int[] right;
        final int[] parent;
        final int[] count;
        final int[] first;
        final int[] last;
        final int root;
        /** Nodes the step marked (stored to, is about, broke a rule at), in address order. */
        final List<NodeView> marked = new ArrayList<>();
        /** Edges other than the walk's own (unreachable, stale, cycles): few, kept whole. */
        final List<EdgeView> otherEdges = new ArrayList<>();
        /** Walk edges the step stored, as parent << 1 | left. */
        final java.util.Set<Long> changedEdges = new java.util.HashSet<>();
        /** Nodes not on the walk from the root (off the tree, unreachable now), in address order. */
        final List<NodeView> offWalk = new ArrayList<>();

        Tree(StepScene s) {
            List<NodeView> nodes = s.nodes();
            if (nodes instanceof SceneColumns.Nodes c) {
                cols = c;
                byId = null;
                n = c.maxId() + 1;
                for (int i : c.marked()) {
                    marked.add(c.get(i));
                }
            } else {
                cols = null;
                int max = -1;
                for (NodeView x : nodes) {
                    max = Math.max(max, x.id());
                }
                n = max + 1;
                byId = new NodeView[n];
                for (NodeView x : nodes) {
                    byId[x.id()] = x;
                    if (!x.marks().isEmpty()) {
                        marked.add(x);
                    }
                }
            }
            int max = n - 1;
            left = new int[n];
            right = new int[n];
            parent = new int[n];
            count = new int[n];
            first = new int[n];
            last = new int[n];
            Arrays.fill(left, -1);
            Arrays.fill(right, -1);
            Arrays.fill(parent, -1);
            List<EdgeView> edges = s.edges();
            SceneColumns.Edges ec = edges instanceof SceneColumns.Edges c ? c : null;
            for (int i = 0; i < edges.size(); i++) {
                int p = ec != null ? ec.parent(i) : edges.get(i).parent();
                int ch = ec != null ? ec.child(i) : edges.get(i).child();
                EdgeKind kind = ec != null ? ec.kind(i) : edges.get(i).kind();
                if (kind != EdgeKind.TREE || p > max || ch > max) {
                    otherEdges.add(edges.get(i));
                    continue;
                }
                boolean isLeft = ec != null ? ec.left(i) : edges.get(i).left();
                if (ec != null ? ec.changed(i) : edges.get(i).changed()) {
                    changedEdges.add(((long) p << 1) | (isLeft ? 1 : 0));
                }
                if (isLeft) {
                    left[p] = ch;
                } else {
                    right[p] = ch;
                }
                parent[ch] = p;
            }
            root = s.root() >= 0 && s.root() <= max && has(s.root()) ? s.root() : -1;
            // post-order without recursion: sizes and the first and last VMA of each subtree
            if (root >= 0) {
                int[] stack = new int[max + 2];
                int[] order = new int[max + 1];
                int sp = 0;
                int k = 0;
                stack[sp++] = root;
                while (sp > 0) {
                    int v = stack[--sp];
                    order[k++] = v;
                    if (left[v] >= 0) {
                        stack[sp++] = left[v];
                    }
                    if (right[v] >= 0) {
                        stack[sp++] = right[v];
                    }
                }
                for (int i = k - 1; i >= 0; i--) {
                    int v = order[i];
                    int l = left[v];
                    int r = right[v];
                    count[v] = 1 + (l >= 0 ? count[l] : 0) + (r >= 0 ? count[r] : 0);
                    first[v] = l >= 0 ? first[l] : v;
                    last[v] = r >= 0 ? last[r] : v;
                }
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (cols == null || !inWalk(cols.id(i))) {
                    NodeView x = nodes.get(i);
                    if (!inWalk(x.id())) {
                        offWalk.add(x);
                    }
                }
            }
        }

        private boolean has(int v) {
            return cols != null ? cols.positionOf(v) >= 0 : v >= 0 && v < byId.length && byId[v] != null;
        }

        /** The tree row of VMA {@code v} (a node of the scene). */
        int row(int v) {
            return cols != null ? cols.row(cols.positionOf(v)) : byId[v].row();
        }

        /** {@code vm_start} of VMA {@code v} (a node of the scene). */
        long start(int v) {
            return cols != null ? cols.start(cols.positionOf(v)) : byId[v].start();
        }

        /** {@code vm_end} of VMA {@code v} (a node of the scene). */
        long end(int v) {
            return cols != null ? cols.end(cols.positionOf(v)) : byId[v].end();
        }

        /** What stays open in this scene: what the step is about, what it stored, the cursors' nodes. */
        public List<Integer> focus(StepScene s) {
            List<Integer> out = new ArrayList<>();
            for (NodeView n : marked) {
                if (n.has(Mark.SUBJECT) || n.has(Mark.OTHER) || n.has(Mark.STORED) || n.has(Mark.VIOLATION)) {
                    out.add(n.id());
                }
            }
            for (StepScene.CursorView c : s.cursors()) {
                out.add(c.node());
            }
            for (StepScene.Loaded l : s.loaded()) {
                out.add(l.node());
            }
            return out;
        }

        /** The nodes the step marked, in address order. */
        public List<NodeView> marked() {
            return marked;
        }

        public int root() {
            return root;
        }

        /** VMAs in the subtree of {@code v} (0 if {@code v} is not on the walk from the root). */
        public int count(int v) {
            return v >= 0 && v < count.length ? count[v] : 0;
        }

        public int left(int v) {
            return left[v];
        }

        public int right(int v) {
            return right[v];
        }

        /** The walk parent of {@code v}, or -1. */
        public int parent(int v) {
            return v >= 0 && v < parent.length ? parent[v] : -1;
        }

        /** The node {@code v}, or null. */
        public NodeView node(int v) {
            if (cols != null) {
                return cols.byId(v);
            }
            return v >= 0 && v < byId.length ? byId[v] : null;
        }

        boolean inWalk(int v) {
            return v >= 0 && v < count.length && count[v] > 0;
        }

        /** The ancestors of {@code v} (nearest first), on the walk from the root. */
        public List<Integer> ancestors(int v) {
            List<Integer> out = new ArrayList<>();
            int p = parent(v);
            int guard = 0;
            while (p >= 0 && guard++ < parent.length) {
                out.add(p);
                p = parent(p);
            }
            return out;
        }
    }

    /** What the user opened, and what must stay open. */
    public record Expansion(int depth, BitSet drilled, Collection<Integer> focus) {
    }

    /** The walk tree of a scene (reuse it for several views of one scene). */
    public static Tree tree(StepScene s) {
        return new Tree(s);
    }

    /**
     * The last few trees made by {@link #treeOf} for scenes of records, by scene identity (a scene's own hash would
     * walk every node); a scene in columns keeps its own.
     */
    private static final Object[] MEMO = new Object[6];
    private static int memoNext;

    /**
     * The walk tree of a scene, made once: a player can make it off the UI thread for a scene it prepares ahead,
     * and the view then finds it ready. A scene in columns (a large import, up to a million VMAs) keeps its tree
     * with its nodes, not in the memo of the last three scenes, which kept the scenes of earlier imports alive.
     */
    public static Tree treeOf(StepScene s) {
        if (s.nodes() instanceof SceneColumns.Nodes c) {
            return c.walkTree(s);
        }
        synchronized (MEMO) {
            for (int i = 0; i < MEMO.length; i += 2) {
                if (MEMO[i] == s) {
                    return (Tree) MEMO[i + 1];
                }
            }
        }
        Tree t = new Tree(s);
        synchronized (MEMO) {
            MEMO[memoNext] = s;
            MEMO[memoNext + 1] = t;
            memoNext = (memoNext + 2) % MEMO.length;
        }
        return t;
    }

    /** The overview of {@code s}: the first {@code depth} rows open, plus drilled and focused paths. */
    public static View of(StepScene s, Expansion e) {
        return of(s, tree(s), e);
    }

    public static View of(StepScene s, Tree t, Expansion e) {
        int n = t.n;
        BitSet open = new BitSet();
        for (int f : e.focus()) {
            if (f >= 0 && f < n && t.inWalk(f)) {
                open.set(f);
                for (int a : t.ancestors(f)) {
                    open.set(a);
                }
            }
        }
        BitSet drilled = e.drilled() == null ? new BitSet() : e.drilled();
        // items in column order: an in-order walk that stops at collapsed subtrees
        List<Integer> inTree = new ArrayList<>();
        BitSet shown = new BitSet();
        List<Integer> summaryRoots = new ArrayList<>();
        if (t.root >= 0) {
            // iterative in-order over the open part of the tree (its stack as deep as the tree, grown as needed)
            int[] stack = new int[64];
            int sp = 0;
            int cur = t.root;
            while (cur >= 0 || sp > 0) {
                while (cur >= 0) {
                    boolean isOpen = isOpen(t, cur, e.depth(), drilled, open);
                    boolean leaf = t.left[cur] < 0 && t.right[cur] < 0;
                    if (!isOpen && !leaf) {
                        // a summary: one column for the whole subtree
                        inTree.add(SUMMARY_BASE + cur);
                        summaryRoots.add(cur);
                        cur = -1;
                        break;
                    }
                    if (sp == stack.length) {
                        stack = Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = cur;
                    cur = t.left[cur];
                }
                if (sp == 0) {
                    break;
                }
                int v = stack[--sp];
                inTree.add(v);
                shown.set(v);
                cur = t.right[v];
            }
        }
        // nodes not on the walk (erased, freed, cleared, unreachable mid-rotation) keep a column by address
        List<NodeView> extra = t.offWalk;
        for (NodeView nv : extra) {
            shown.set(nv.id());
        }
        int[] items = new int[inTree.size() + extra.size()];
        int k = 0;
        int xi = 0;
        for (int id : inTree) {
            long key = id >= SUMMARY_BASE ? t.start(t.first[id - SUMMARY_BASE]) : t.start(id);
            while (xi < extra.size() && Long.compareUnsigned(extra.get(xi).start(), key) < 0) {
                items[k++] = extra.get(xi++).id();
            }
            items[k++] = id;
        }
        while (xi < extra.size()) {
            items[k++] = extra.get(xi++).id();
        }
        // positions of the shown nodes only (a few dozen of up to a million), by id ascending
        int[] ids = new int[items.length];
        int shownCount = 0;
        for (int id : items) {
            if (id < SUMMARY_BASE) {
                ids[shownCount++] = id;
            }
        }
        ids = Arrays.copyOf(ids, shownCount);
        Arrays.sort(ids);
        double[] x = new double[shownCount];
        double[] y = new double[shownCount];
        int maxRow = -1;
        for (int id : items) {
            if (id >= SUMMARY_BASE) {
                maxRow = Math.max(maxRow, t.row(id - SUMMARY_BASE));
            } else if (t.row(id) != NodeView.OFF_ROW) {
                maxRow = Math.max(maxRow, t.row(id));
            }
        }
        int treeRows = maxRow + 1;
        double offRow = treeRows == 0 ? 0 : treeRows - 1 + TreeLayout.OFF_GAP;
        boolean anyOff = false;
        List<Summary> summaries = new ArrayList<>();
        double px = 0;
        double py = Double.NaN;
        for (int col = 0; col < items.length; col++) {
            int id = items[col];
            double yy;
            if (id >= SUMMARY_BASE) {
                yy = t.row(id - SUMMARY_BASE);
            } else if (t.row(id) == NodeView.OFF_ROW) {
                yy = offRow;
                anyOff = true;
            } else {
                yy = t.row(id);
            }
            px = Double.isNaN(py) ? 0 : px + TreeLayout.spacing(yy - py);
            py = yy;
            if (id >= SUMMARY_BASE) {
                int r = id - SUMMARY_BASE;
                NodeView rn = t.node(r);
                summaries.add(new Summary(r, t.count[r], rn.subtreeGap(), t.start(t.first[r]), t.end(t.last[r]),
                        rn.black(), rn.row(), px, yy));
            } else {
                int i = Arrays.binarySearch(ids, id);
                x[i] = px;
                y[i] = yy;
            }
        }
        // the span counts the summaries: the last item is often one (a Fit that left it out cut it at the edge)
        TreeLayout.Layout layout = TreeLayout.Layout.sparse(ids, x, y, items.length, Math.max(treeRows, 0),
                anyOff ? offRow : Double.NaN, Math.max(0, px));
        return new View(layout, List.copyOf(summaries), shown, items, s.nodes().size(), t);
    }

    private static boolean isOpen(Tree t, int v, int depth, BitSet drilled, BitSet open) {
        return t.row(v) < depth || drilled.get(v) || open.get(v);
    }

    /**
     * Drilling into the summary of {@code root}: the ids to open so that {@code levels} rows of its subtree
     * are shown as nodes.
     */
    public static BitSet drill(Tree t, int root, int levels) {
        BitSet out = new BitSet();
        if (!t.inWalk(root)) {
            return out;
        }
        int[] stack = new int[t.n + 1];
        int[] lvl = new int[t.n + 1];
        int sp = 0;
        stack[sp] = root;
        lvl[sp++] = 0;
        while (sp > 0) {
            sp--;
            int v = stack[sp];
            int l = lvl[sp];
            if (l >= levels - 1) {
                continue;
            }
            out.set(v);
            for (int c : new int[] {t.left[v], t.right[v]}) {
                if (c >= 0) {
                    stack[sp] = c;
                    lvl[sp++] = l + 1;
                }
            }
        }
        return out;
    }

    /** The ids of the subtree of {@code root} (to close it again). */
    public static BitSet subtree(Tree t, int root) {
        BitSet out = new BitSet();
        if (!t.inWalk(root)) {
            return out;
        }
        int[] stack = new int[t.n + 1];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int v = stack[--sp];
            out.set(v);
            if (t.left[v] >= 0) {
                stack[sp++] = t.left[v];
            }
            if (t.right[v] >= 0) {
                stack[sp++] = t.right[v];
            }
        }
        return out;
    }

    /** The frame at rest of an overview: shown nodes, summaries, the edges between them, cursors. */
    public static TreeFrame frame(StepScene s, View v) {
        Tree t = v.tree();
        Map<Integer, NodeFrame> nodes = new LinkedHashMap<>();
        for (int id : v.items()) {
            if (id >= SUMMARY_BASE) {
                Summary sm = v.summary(id);
                Tone tone = sm.black() ? Tone.NODE_BLACK : Tone.NODE_RED;
                nodes.put(id, new NodeFrame(id, sm.x(), sm.y(), 1.0, tone, tone, 1.0));
            } else {
                Tone tone = Tone.of(t.node(id));
                nodes.put(id, new NodeFrame(id, v.layout().x(id), v.layout().y(id), 1.0, tone, tone, 1.0));
            }
        }
        // the walk's edges from each shown node to a shown child or to the summary of its subtree; then the few others
        List<EdgeFrame> edges = new ArrayList<>();
        for (int id : v.items()) {
            if (id >= SUMMARY_BASE || !t.inWalk(id)) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int c = side == 0 ? t.left[id] : t.right[id];
                if (c < 0) {
                    continue;
                }
                int child = nodes.containsKey(c) ? c : nodes.containsKey(SUMMARY_BASE + c) ? SUMMARY_BASE + c : -1;
                if (child >= 0) {
                    boolean changed = t.changedEdges.contains(((long) id << 1) | (side == 0 ? 1 : 0));
                    edges.add(new EdgeFrame(id, child, side == 0, EdgeKind.TREE, changed, 1.0));
                }
            }
        }
        for (EdgeView e : t.otherEdges) {
            if (nodes.containsKey(e.parent()) && nodes.containsKey(e.child())) {
                edges.add(new EdgeFrame(e.parent(), e.child(), e.left(), e.kind(), e.changed(), 1.0));
            }
        }
        return new TreeFrame(nodes, List.copyOf(edges), Frames.cursors(s, nodes));
    }

    /** The ids the overview keeps open in a scene: what the step is about, what it stored, the cursors. */
    public static List<Integer> focusOf(StepScene s) {
        return treeOf(s).focus(s);
    }
}
