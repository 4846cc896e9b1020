package org.vmalab.viewmodel;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.EdgeView;
import org.vmalab.viewmodel.StepScene.NodeView;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;

/**
 * The nodes, edges and strip segments of the scene of a large tree (an import of up to a million VMAs) as columns:
 * a few primitive arrays, an element of each a node, instead of an object a node. The lists are the same values as
 * the builder's lists of records (equal element by element); an element is made when it is read. The arrays of a
 * million elements are allocated outside the young generation (the collector's humongous regions), so a collection
 * during or after an import does not copy a million small objects, which is what paused a large import for seconds.
 * Readers of a whole large tree (the overview's walk tree, the strip's layout, Find) read the columns themselves.
 */
final class SceneColumns {
    /** What a freed or linked node's {@link NodeView#usedBy()} says when nothing but the root reaches it. */
    static final String REACHABLE = "reachable from the root";

    private SceneColumns() {
    }

    /** The nodes in address order: a node's position is its rank. */
    static final class Nodes extends AbstractList<NodeView> implements RandomAccess {
        private static final byte BLACK = 1;
        private static final byte IN_USE = 2;
        private static final byte STALE = 4;
        private static final byte GROWS_DOWN = 8;
        private static final byte FILE_BACKED = 16;
        private static final byte REACHABLE_TEXT = 32;
        private static final NodeState[] STATES = NodeState.values();

        /** What few nodes have that the columns do not keep: the step's marks, a walker's use, an old value. */
        private record Extra(String usedBy, long oldGap, long oldRefCount, Set<Mark> marks) {
        }

        private int size;
        private final int[] id;
        private final String[] name;
        private final long[] start;
        private final long[] end;
        private final long[] ownGap;
        private final long[] subtreeGap;
        private final long[] refCount;
        private final long[] sequence;
        private final int[] row;
        private final int[] parent;
        private final int[] left;
        private final int[] right;
        private final byte[] bits;
        private final byte[] state;
        private final Map<Integer, Extra> extra = new HashMap<>();
        /** Position by id (-1 for none), made by {@link #seal()}. */
        private int[] positionById = new int[0];
        private int[] marked = new int[0];
        /** The overview's walk tree of the scene these nodes are of, made once ({@link Overview#treeOf}). */
        private StepScene treeOf;
        private Overview.Tree tree;

        Nodes(int capacity) {
            id = new int[capacity];
            name = new String[capacity];
            start = new long[capacity];
            end = new long[capacity];
            ownGap = new long[capacity];
            subtreeGap = new long[capacity];
            refCount = new long[capacity];
            sequence = new long[capacity];
            row = new int[capacity];
            parent = new int[capacity];
            left = new int[capacity];
            right = new int[capacity];
            bits = new byte[capacity];
            state = new byte[capacity];
        }

        /** Adds {@code n}, whose rank must be its position. */
        void append(NodeView n) {
            append(n.id(), n.name(), n.start(), n.end(), n.black(), n.state(), n.inUse(), n.usedBy(), n.ownGap(),
                    n.subtreeGap(), n.gapStale(), n.oldGap(), n.refCount(), n.oldRefCount(), n.sequence(),
                    n.growsDown(), n.fileBacked(), n.row(), n.rank(), n.parent(), n.left(), n.right(), n.marks());
        }

        /**
         * Adds the node of these components ({@link NodeView}'s, in its order), whose rank must be its position,
         * without a record: the builder of a large scene writes each node here directly.
         */
        void append(int id, String name, long start, long end, boolean black, NodeState state, boolean inUse,
                    String usedBy, long ownGap, long subtreeGap, boolean gapStale, long oldGap, long refCount,
                    long oldRefCount, long sequence, boolean growsDown, boolean fileBacked, int row, int rank,
                    int parent, int left, int right, Set<Mark> marks) {
            int i = size++;
            if (rank != i) {
                throw new IllegalArgumentException("node " + id + " has rank " + rank + " at position " + i);
            }
            this.id[i] = id;
            this.name[i] = name;
            this.start[i] = start;
            this.end[i] = end;
            this.ownGap[i] = ownGap;
            this.subtreeGap[i] = subtreeGap;
            this.refCount[i] = refCount;
            this.sequence[i] = sequence;
            this.row[i] = row;
            this.parent[i] = parent;
            this.left[i] = left;
            this.right[i] = right;
            this.state[i] = (byte) state.ordinal();
            int b = (black ? BLACK : 0) | (inUse ? IN_USE : 0) | (gapStale ? STALE : 0) | (growsDown ? GROWS_DOWN : 0)
                    | (fileBacked ? FILE_BACKED : 0);
            boolean reachableText = usedBy.equals(REACHABLE);
            boolean plainUse = usedBy.isEmpty() || reachableText;
            if (reachableText) {
                b |= REACHABLE_TEXT;
            }
            bits[i] = (byte) b;
            if (!plainUse || oldGap != subtreeGap || oldRefCount != refCount
                    || marks != StepSceneBuilder.NO_MARKS && !marks.isEmpty()) {
                extra.put(i, new Extra(usedBy, oldGap, oldRefCount, marks));
            }
        }

        /** Done adding: indexes the nodes by id. */
        Nodes seal() {
            int max = -1;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, id[i]);
            }
            positionById = new int[max + 1];
            Arrays.fill(positionById, -1);
            for (int i = 0; i < size; i++) {
                if (id[i] >= 0) {
                    positionById[id[i]] = i;
                }
            }
            marked = extra.entrySet().stream().filter(e -> !e.getValue().marks().isEmpty())
                    .mapToInt(Map.Entry::getKey).sorted().toArray();
            return this;
        }

        @Override
        public NodeView get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            Extra x = extra.get(i);
            int b = bits[i];
            String used = x != null ? x.usedBy() : (b & REACHABLE_TEXT) != 0 ? REACHABLE : "";
            return new NodeView(id[i], name[i], start[i], end[i], (b & BLACK) != 0, STATES[state[i]],
                    (b & IN_USE) != 0, used, ownGap[i], subtreeGap[i], (b & STALE) != 0,
                    x != null ? x.oldGap() : subtreeGap[i], refCount[i], x != null ? x.oldRefCount() : refCount[i],
                    sequence[i], (b & GROWS_DOWN) != 0, (b & FILE_BACKED) != 0, row[i], i, parent[i], left[i],
                    right[i], x != null ? x.marks() : StepSceneBuilder.NO_MARKS);
        }

        @Override
        public int size() {
            return size;
        }

        int id(int i) {
            return id[i];
        }

        long start(int i) {
            return start[i];
        }

        long end(int i) {
            return end[i];
        }

        int row(int i) {
            return row[i];
        }

        NodeState state(int i) {
            return STATES[state[i]];
        }

        /** The largest id, -1 when there are no nodes. */
        int maxId() {
            return positionById.length - 1;
        }

        /** The position of the node {@code vma}, or -1. */
        int positionOf(int vma) {
            return vma >= 0 && vma < positionById.length ? positionById[vma] : -1;
        }

        /** The node {@code vma}, or null. */
        NodeView byId(int vma) {
            int i = positionOf(vma);
            return i < 0 ? null : get(i);
        }

        /**
         * The overview's walk tree of {@code s}, whose nodes these are: made at the first call, by whichever thread
         * asks first (the player's, preparing the scene ahead), and kept here, so it lives as long as its scene.
         */
        synchronized Overview.Tree walkTree(StepScene s) {
            if (treeOf != s) {
                tree = Overview.tree(s);
                treeOf = s;
            }
            return tree;
        }

        /** The positions of the nodes with marks, ascending (address order). */
        int[] marked() {
            return marked.clone();
        }
    }

    /** Child pointers, in the builder's order. */
    static final class Edges extends AbstractList<EdgeView> implements RandomAccess {
        private static final EdgeKind[] KINDS = EdgeKind.values();
        private int size;
        private int[] parent;
        private int[] child;
        /** left, changed, then the kind's ordinal. */
        private byte[] bits;

        Edges(int capacity) {
            parent = new int[Math.max(capacity, 16)];
            child = new int[parent.length];
            bits = new byte[parent.length];
        }

        void append(EdgeView e) {
            append(e.parent(), e.child(), e.left(), e.kind(), e.changed());
        }

        /** Adds the edge of these components ({@link EdgeView}'s), without a record. */
        void append(int p, int c, boolean left, EdgeKind kind, boolean changed) {
            if (size == parent.length) {
                int n = size + (size >> 1);
                parent = Arrays.copyOf(parent, n);
                child = Arrays.copyOf(child, n);
                bits = Arrays.copyOf(bits, n);
            }
            parent[size] = p;
            child[size] = c;
            bits[size] = (byte) ((left ? 1 : 0) | (changed ? 2 : 0) | kind.ordinal() << 2);
            size++;
        }

        @Override
        public EdgeView get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return new EdgeView(parent[i], child[i], left(i), kind(i), changed(i));
        }

        @Override
        public int size() {
            return size;
        }

        int parent(int i) {
            return parent[i];
        }

        int child(int i) {
            return child[i];
        }

        boolean left(int i) {
            return (bits[i] & 1) != 0;
        }

        boolean changed(int i) {
            return (bits[i] & 2) != 0;
        }

        EdgeKind kind(int i) {
            return KINDS[bits[i] >> 2];
        }
    }

    /** The strip's VMAs and gaps in address order. */
    static final class Segments extends AbstractList<Segment> implements RandomAccess {
        private static final SegmentKind[] KINDS = SegmentKind.values();
        private static final NodeState[] STATES = NodeState.values();
        private int size;
        private final long[] start;
        private final long[] end;
        private final int[] vma;
        private final String[] name;
        /** The kind's ordinal, the state's ordinal + 1 (0 for none) above it, touched at the top. */
        private final short[] bits;

        Segments(int capacity) {
            start = new long[capacity];
            end = new long[capacity];
            vma = new int[capacity];
            name = new String[capacity];
            bits = new short[capacity];
        }

        void append(Segment s) {
            append(s.kind(), s.start(), s.end(), s.vma(), s.name(), s.state(), s.touched());
        }

        /** Adds the segment of these components ({@link Segment}'s), without a record. */
        void append(SegmentKind kind, long from, long to, int id, String label, NodeState st, boolean touched) {
            int i = size++;
            start[i] = from;
            end[i] = to;
            vma[i] = id;
            name[i] = label;
            bits[i] = (short) (kind.ordinal() | (st == null ? 0 : st.ordinal() + 1) << 2 | (touched ? 1 << 6 : 0));
        }

        @Override
        public Segment get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            int st = (bits[i] >> 2) & 0xf;
            return new Segment(kind(i), start[i], end[i], vma[i], name[i], st == 0 ? null : STATES[st - 1],
                    touched(i));
        }

        @Override
        public int size() {
            return size;
        }

        SegmentKind kind(int i) {
            return KINDS[bits[i] & 3];
        }

        long start(int i) {
            return start[i];
        }

        long end(int i) {
            return end[i];
        }

        boolean touched(int i) {
            return (bits[i] & (1 << 6)) != 0;
        }
    }

    // readers of a list of either kind: the columns when there are, the records otherwise

    static SegmentKind kind(List<Segment> s, int i) {
        return s instanceof Segments c ? c.kind(i) : s.get(i).kind();
    }

    static long start(List<Segment> s, int i) {
        return s instanceof Segments c ? c.start(i) : s.get(i).start();
    }

    static long end(List<Segment> s, int i) {
        return s instanceof Segments c ? c.end(i) : s.get(i).end();
    }

    static boolean touched(List<Segment> s, int i) {
        return s instanceof Segments c ? c.touched(i) : s.get(i).touched();
    }
}
