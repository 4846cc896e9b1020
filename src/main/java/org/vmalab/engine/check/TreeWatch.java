package org.vmalab.engine.check;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.BitSet;
import java.util.List;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.tree.Vm;

/**
 * What the per-step checks ask of the whole tree (is a node reachable from the root, {@code I-CLEAR} and
 * {@code I-REACH}; does any node but one have a wrong {@code rb_subtree_gap}, {@code L-GAP} at the kernel's
 * {@code validate_mm_rb} checkpoints), answered from what the stores since the last answer changed instead of
 * a walk of every node: a munmap over n VMAs passes n checkpoints, and a walk at each made it quadratic.
 *
 * <p>It keeps, for the state it last looked at, the set of nodes in the tree and the set of those whose stored gap
 * differs from {@code vma_compute_subtree_gap}, and trusts them only while the tree and the list are well formed
 * (every child of a node in the tree names that node as its parent, every node in the tree is the {@code vm_next} of
 * its {@code vm_prev}). Every store names the nodes it may affect: the stored node, and the old and new targets of
 * a stored pointer ({@link #stored}). At a question it re-derives those nodes only: membership by the parent chain to
 * the root (which a well-formed tree makes exact; a node that joins or leaves takes its subtree with it), the local
 * well-formedness, and the gap of each such node, of its parent and of its {@code vm_next}. Anything it cannot
 * vouch for (a node whose parent does not claim it, a child that names another parent, a chain longer than any
 * red-black tree's, a change of {@code stack_guard_gap}, memory restored behind its back) sends it back to the full
 * walk of {@link Checker#shape}, whose answer is also the one reported whenever a gap is wrong: the messages, their
 * order and their limit stay those of the walk.
 */
final class TreeWatch {
    /** Longer parent chains than this do not occur in a red-black tree of 2^31 nodes. */
    private static final int MAX_DEPTH = 2 * 31 + 2;

    private boolean trusted;
    private final BitSet inTree = new BitSet();
    private final BitSet bad = new BitSet();
    private final BitSet isDirty = new BitSet();
    private int[] dirty = new int[64];
    private int nd;
    /** The walk's arrays, kept: the explorer's every restore sends the watch back to it. */
    private final Checker.Walk walk = new Checker.Walk();
    /** Full walks done (tests and benches read it). */
    long fullWalks;
    /** Tests: every answer is compared with the walk's, and a difference throws. */
    static volatile boolean paranoid;

    /** Room for the walk of a tree of {@code cap} VMA slots (see {@link Checker.Walk#reserve}). */
    void reserve(int cap) {
        walk.reserve(cap);
    }

    /** Forget everything: the next question walks the tree. */
    void lost() {
        trusted = false;
        clearDirty();
    }

    /** A store is about to be (or was) made: remember the nodes whose answers it may change. */
    void stored(Field f, int obj, long old, long value) {
        if (!trusted) {
            return;
        }
        switch (f) {
            case RB_LEFT, RB_RIGHT, VM_PREV, VM_NEXT, ROOT, MMAP -> {
                if (f != Field.ROOT && f != Field.MMAP) {
                    touch(obj);
                }
                touch((int) old);
                touch((int) value);
            }
            case RB_PC -> {
                touch(obj);
                touch(Vm.parentOf(old));
                touch(Vm.parentOf(value));
            }
            case RB_GAP, VM_START, VM_END, VM_FLAGS -> touch(obj);
            case GUARD_GAP -> lost();
            default -> {
            }
        }
    }

    private void touch(int v) {
        if (v < 0 || isDirty.get(v)) {
            return;
        }
        if (nd == dirty.length) {
            if (nd >= 1 << 16) {
                lost(); /* a walk is cheaper than this much bookkeeping */
                return;
            }
            dirty = java.util.Arrays.copyOf(dirty, nd * 2);
        }
        isDirty.set(v);
        dirty[nd++] = v;
    }

    private void clearDirty() {
        for (int i = 0; i < nd; i++) {
            isDirty.clear(dirty[i]);
        }
        nd = 0;
    }

    /** Is {@code v} reachable from the root? */
    boolean reachable(StateView m, int v) {
        sync(m);
        boolean r = trusted ? inTree.get(v) : Checker.reachable(m, v);
        if (paranoid && r != Checker.reachable(m, v)) {
            throw new AssertionError("TreeWatch: reachable(" + v + ") is " + r + ", the walk says " + !r);
        }
        return r;
    }

    /**
     * Does every node in the tree but {@code ignore} hold the right gap? When not, or when the tree is not one, the
     * walk's answer ({@link Checker#localGaps}) is given.
     */
    List<String> localGaps(StateView m, int ignore) {
        sync(m);
        if (trusted) {
            int first = bad.nextSetBit(0);
            if (first < 0 || (first == ignore && bad.nextSetBit(first + 1) < 0)) {
                if (paranoid && !Checker.localGaps(m, ignore).isEmpty()) {
                    throw new AssertionError("TreeWatch: no wrong gap, the walk says " + Checker.localGaps(m, ignore));
                }
                return List.of();
            }
        }
        return Checker.localGaps(m, ignore);
    }

    // ================================================================ keeping up

    private void sync(StateView m) {
        if (trusted && nd == 0) {
            return;
        }
        if (!trusted || !incremental(m)) {
            full(m);
        }
        clearDirty();
    }

    /** Re-derives the dirty nodes; false when the state is beyond what it can vouch for. */
    private boolean incremental(StateView m) {
        int root = Vm.root(m);
        /* membership first: the chain to the root, with whole subtrees joining or leaving */
        for (int i = 0; i < nd; i++) {
            int d = dirty[i];
            int now = chain(m, d, root);
            if (now < 0) {
                return false;
            }
            boolean in = now == 1;
            if (in != inTree.get(d)) {
                if (!move(m, d, in)) {
                    return false;
                }
            }
        }
        /* then the shape around each dirty node in the tree */
        for (int i = 0; i < nd; i++) {
            int d = dirty[i];
            if (!inTree.get(d)) {
                continue;
            }
            int l = Vm.left(m, d);
            int r = Vm.right(m, d);
            if ((l != NIL && Vm.parent(m, l) != d) || (r != NIL && Vm.parent(m, r) != d) || (l != NIL && l == r)) {
                return false;
            }
            int p = Vm.prev(m, d);
            if (p != NIL && (p >= m.vmaCapacity() || Vm.next(m, p) != d)) {
                return false;
            }
        }
        /* last the gaps: a node's own, its parent's (its gap is a child's) and its vm_next's (its end is a prev's) */
        for (int i = 0; i < nd; i++) {
            int d = dirty[i];
            gap(m, d);
            gap(m, Vm.parent(m, d));
            gap(m, Vm.next(m, d));
        }
        return true;
    }

    /** 1 when the parent chain of {@code v} reaches the root through parents that claim their child, 0 when not. */
    private static int chain(StateView m, int v, int root) {
        int x = v;
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            if (x == root) {
                return 1;
            }
            if (x < 0 || x >= m.vmaCapacity()) {
                return 0;
            }
            int p = Vm.parent(m, x);
            if (p < 0 || p >= m.vmaCapacity() || (Vm.left(m, p) != x && Vm.right(m, p) != x)) {
                return 0;
            }
            x = p;
        }
        return -1;
    }

    /** {@code v} joined ({@code in}) or left the tree: so did every descendant whose parent chain runs through it. */
    private boolean move(StateView m, int v, boolean in) {
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = v;
        int budget = m.vmaCapacity() + 1;
        while (sp > 0) {
            int x = stack[--sp];
            if (--budget < 0) {
                return false;
            }
            inTree.set(x, in);
            if (!in) {
                bad.clear(x);
            } else {
                gap(m, x);
            }
            for (int side = 0; side < 2; side++) {
                int c = side == 0 ? Vm.left(m, x) : Vm.right(m, x);
                if (c >= 0 && c < m.vmaCapacity() && Vm.parent(m, c) == x && inTree.get(c) != in
                        && !isDirty.get(c)) {
                    if (sp == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = c;
                }
            }
        }
        return true;
    }

    private void gap(StateView m, int v) {
        if (v < 0 || v >= m.vmaCapacity()) {
            return;
        }
        bad.set(v, inTree.get(v) && Vm.gap(m, v) != Vm.subtreeGapCompute(m, v));
    }

    /** The walk: membership, well-formedness and every gap from scratch. */
    private void full(StateView m) {
        fullWalks++;
        inTree.clear();
        bad.clear();
        trusted = false;
        int cycleAt = walk.run(m);
        if (cycleAt != NIL || !walk.shared.isEmpty()) {
            return;
        }
        for (int i = 0; i < walk.size; i++) {
            inTree.set(walk.inorder[i]);
        }
        for (int v = inTree.nextSetBit(0); v >= 0; v = inTree.nextSetBit(v + 1)) {
            int l = Vm.left(m, v);
            int r = Vm.right(m, v);
            if ((l != NIL && Vm.parent(m, l) != v) || (r != NIL && Vm.parent(m, r) != v)) {
                return;
            }
            int p = Vm.prev(m, v);
            if (p != NIL && (p >= m.vmaCapacity() || Vm.next(m, p) != v)) {
                return;
            }
            if (Vm.gap(m, v) != Vm.subtreeGapCompute(m, v)) {
                bad.set(v);
            }
        }
        trusted = true;
    }
}
