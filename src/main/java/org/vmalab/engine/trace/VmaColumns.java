package org.vmalab.engine.trace;

import org.vmalab.engine.Const;
import org.vmalab.engine.Face;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.tree.Vm;

/**
 * The process's VMAs at a cursor's index ({@link TraceCursor#vmaColumns()}), read in one pass into columns by id,
 * without a {@link VmaView} each: what a reader of a whole large tree needs of every VMA (the scene of an import of
 * a million VMAs read them a view at a time, 150 MB of views). Each value is the one {@link TraceCursor#vma(int)}
 * gives for the same id; ids that are not {@linkplain #listed listed} (free slots, a fork's copies) read as zero.
 * A copy: it does not move with the cursor.
 */
@Face
public final class VmaColumns {
    private static final byte LISTED = 1;
    private static final byte FREED = 2;
    private static final byte IN_TREE = 4;
    private static final byte CLEARED = 8;
    private static final byte BLACK = 16;
    private static final byte GROWS_DOWN = 32;
    private static final byte FILE_BACKED = 64;

    private final int[] ids;
    private final String[] name;
    private final long[] start;
    private final long[] end;
    private final long[] ownGap;
    private final long[] subtreeGap;
    private final long[] computedGap;
    private final long[] refCount;
    private final long[] sequence;
    private final int[] parent;
    private final int[] left;
    private final int[] right;
    private final int[] next;
    private final byte[] bits;

    /** Reads VMAs {@code ids} of {@code m} (ids below {@code slots}), names from {@code trace}. */
    VmaColumns(StateView m, Trace trace, int[] ids, int slots) {
        this.ids = ids;
        name = new String[slots];
        start = new long[slots];
        end = new long[slots];
        ownGap = new long[slots];
        subtreeGap = new long[slots];
        computedGap = new long[slots];
        refCount = new long[slots];
        sequence = new long[slots];
        parent = new int[slots];
        left = new int[slots];
        right = new int[slots];
        next = new int[slots];
        bits = new byte[slots];
        int cap = m.vmaCapacity();
        for (int v : ids) {
            long life = m.get(Field.LIFE, v);
            int l = Vm.left(m, v);
            int r = Vm.right(m, v);
            long own = Views.ownGap(m, v, cap);
            name[v] = trace.vmaName(v);
            start[v] = Vm.start(m, v);
            end[v] = Vm.end(m, v);
            ownGap[v] = own;
            subtreeGap[v] = Vm.gap(m, v);
            computedGap[v] = Views.computedGap(m, own, l, r, cap);
            refCount[v] = m.get(Field.REF_COUNT, v);
            sequence[v] = m.get(Field.SEQUENCE, v);
            parent[v] = Vm.parent(m, v);
            left[v] = l;
            right[v] = r;
            next[v] = Vm.next(m, v);
            long flags = m.get(Field.VM_FLAGS, v);
            bits[v] = (byte) (LISTED | ((life & Life.FREED) != 0 ? FREED : 0) | ((life & Life.IN_TREE) != 0 ? IN_TREE
                    : 0) | (Vm.rbEmptyNode(m, v) ? CLEARED : 0) | (Vm.color(m, v) == Const.BLACK ? BLACK : 0)
                    | ((flags & Const.VM_GROWSDOWN) != 0 ? GROWS_DOWN : 0) | (m.get(Field.HAS_OPS, v) != 0
                    ? FILE_BACKED : 0));
        }
    }

    /** The listed VMAs' ids, ascending ({@link TraceCursor#vmaIds()}); a copy. */
    public int[] ids() {
        return ids.clone();
    }

    /** How many VMAs are listed. */
    public int count() {
        return ids.length;
    }

    /** The id of the {@code i}-th listed VMA (ascending ids). */
    public int id(int i) {
        return ids[i];
    }

    /** Ids are below this. */
    public int slots() {
        return bits.length;
    }

    /** Is {@code v} one of the listed VMAs (allocated, the process's own)? */
    public boolean listed(int v) {
        return v >= 0 && v < bits.length && (bits[v] & LISTED) != 0;
    }

    public String name(int v) {
        return name[v];
    }

    public long start(int v) {
        return start[v];
    }

    public long end(int v) {
        return end[v];
    }

    /** {@link VmaView#ownGap()}. */
    public long ownGap(int v) {
        return ownGap[v];
    }

    /** The stored {@code rb_subtree_gap}. */
    public long subtreeGap(int v) {
        return subtreeGap[v];
    }

    /** {@link VmaView#computedGap()}. */
    public long computedGap(int v) {
        return computedGap[v];
    }

    public long refCount(int v) {
        return refCount[v];
    }

    public long sequence(int v) {
        return sequence[v];
    }

    public int parent(int v) {
        return parent[v];
    }

    public int left(int v) {
        return left[v];
    }

    public int right(int v) {
        return right[v];
    }

    public int next(int v) {
        return next[v];
    }

    public boolean freed(int v) {
        return (bits[v] & FREED) != 0;
    }

    public boolean inTree(int v) {
        return (bits[v] & IN_TREE) != 0;
    }

    public boolean cleared(int v) {
        return (bits[v] & CLEARED) != 0;
    }

    public boolean black(int v) {
        return (bits[v] & BLACK) != 0;
    }

    public boolean growsDown(int v) {
        return (bits[v] & GROWS_DOWN) != 0;
    }

    public boolean fileBacked(int v) {
        return (bits[v] & FILE_BACKED) != 0;
    }
}
