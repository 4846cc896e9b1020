package org.vmalab.engine.tree;

import static org.vmalab.engine.Const.BLACK;
import static org.vmalab.engine.Const.PAGE_SIZE;
import static org.vmalab.engine.Const.RED;
import static org.vmalab.engine.Const.VM_GROWSDOWN;
import static org.vmalab.engine.Const.VM_GROWSUP;
import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.StateView;

/**
 * Pure functions over a {@link StateView}: the parent/colour word, the gap helpers of mm/mmap.c and
 * include/linux/mm.h, and small readers shared by the engine, the checker and the view.
 */
public final class Vm {
    private Vm() {
    }

    /** Packs {@code __rb_parent_color}: bit 0 is the colour (1 = black), the rest the parent. */
    public static long pc(int parent, int color) {
        return ((long) (parent + 1) << 1) | color;
    }

    /** {@code rb_parent()}. */
    public static int parentOf(long pc) {
        return (int) (pc >> 1) - 1;
    }

    /** {@code __rb_color()}. */
    public static int colorOf(long pc) {
        return (int) (pc & 1);
    }

    public static int parent(StateView m, int v) {
        return parentOf(m.rbParentColor(v));
    }

    public static int color(StateView m, int v) {
        return colorOf(m.rbParentColor(v));
    }

    public static boolean isRed(StateView m, int v) {
        return color(m, v) == RED;
    }

    /** Null leaves count as black. */
    public static boolean isBlackOrNil(StateView m, int v) {
        return v == NIL || color(m, v) == BLACK;
    }

    public static int left(StateView m, int v) {
        return m.rbLeft(v);
    }

    public static int right(StateView m, int v) {
        return m.rbRight(v);
    }

    public static int root(StateView m) {
        return (int) m.mm(Field.ROOT);
    }

    public static long start(StateView m, int v) {
        return m.vmStart(v);
    }

    public static long end(StateView m, int v) {
        return m.vmEnd(v);
    }

    public static int prev(StateView m, int v) {
        return m.vmPrev(v);
    }

    public static int next(StateView m, int v) {
        return (int) m.get(Field.VM_NEXT, v);
    }

    public static long gap(StateView m, int v) {
        return m.rbSubtreeGap(v);
    }

    public static boolean has(StateView m, int v, long lifeBit) {
        return (m.get(Field.LIFE, v) & lifeBit) != 0;
    }

    public static boolean isFreed(StateView m, int v) {
        return has(m, v, Life.FREED);
    }

    /** {@code RB_EMPTY_NODE()}: the whole word equals (parent = the node itself, red). */
    public static boolean rbEmptyNode(StateView m, int v) {
        return m.rbParentColor(v) == pc(v, RED);
    }

    /** {@code vm_start_gap()} (include/linux/mm.h): a stack pretends to start stack_guard_gap lower. */
    public static long vmStartGap(StateView m, int v) {
        long s = start(m, v);
        if ((m.vmFlags(v) & VM_GROWSDOWN) != 0) {
            long s2 = s - m.mm(Field.GUARD_GAP);
            s = ugt(s2, s) ? 0 : s2;
        }
        return s;
    }

    /** {@code vm_end_gap()}: clamped to -PAGE_SIZE on overflow. */
    public static long vmEndGap(StateView m, int v) {
        long e = end(m, v);
        if ((m.vmFlags(v) & VM_GROWSUP) != 0) {
            long e2 = e + m.mm(Field.GUARD_GAP);
            e = ult(e2, e) ? -PAGE_SIZE : e2;
        }
        return e;
    }

    /** The free gap in front of {@code v}, first part of {@code vma_compute_subtree_gap()}. */
    public static long ownGap(StateView m, int v) {
        long g = vmStartGap(m, v);
        int p = prev(m, v);
        if (p != NIL) {
            long pe = vmEndGap(m, p);
            g = ugt(g, pe) ? g - pe : 0;
        }
        return g;
    }

    /** {@code vma_compute_subtree_gap()}: own gap and the children's stored values. */
    public static long subtreeGapCompute(StateView m, int v) {
        long g = ownGap(m, v);
        int l = left(m, v);
        if (l != NIL) {
            g = umax(g, gap(m, l));
        }
        int r = right(m, v);
        if (r != NIL) {
            g = umax(g, gap(m, r));
        }
        return g;
    }

    /**
     * The larger of {@code a} and {@code b}, unsigned ({@code if (b > a) a = b;} on unsigned longs), without a branch:
     * which of a node's gap and its children's is the largest is a coin toss, a branch on it mispredicted often.
     */
    public static long umax(long a, long b) {
        /* the borrow of a - b (1 when a < b, unsigned), spread to every bit; then b where it is set, else a */
        long lt = ((~a & b) | (~(a ^ b) & (a - b))) >> 63;
        return a ^ ((a ^ b) & lt);
    }

    /**
     * Unsigned comparisons, named after what they test: a signed comparison of both sides moved by 2^63, one compare
     * and one branch ({@code Long.compareUnsigned(a, b) > 0} compiles to two).
     */
    public static boolean ult(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    public static boolean ule(long a, long b) {
        return a + Long.MIN_VALUE <= b + Long.MIN_VALUE;
    }

    public static boolean ugt(long a, long b) {
        return a + Long.MIN_VALUE > b + Long.MIN_VALUE;
    }

    public static boolean uge(long a, long b) {
        return a + Long.MIN_VALUE >= b + Long.MIN_VALUE;
    }

    /** Does {@code v} contain {@code addr}? */
    public static boolean contains(StateView m, int v, long addr) {
        return ule(start(m, v), addr) && ult(addr, end(m, v));
    }

    /** Number of VMA slots ever allocated. */
    public static int allocated(StateView m) {
        return (int) m.mm(Field.NR_ALLOC);
    }
}
