package org.vmalab.engine.tree;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.mm.Kx;
import org.vmalab.engine.trace.Loc;

/**
 * {@code RB_DECLARE_CALLBACKS(static, vma_gap_callbacks, struct vm_area_struct, vm_rb, unsigned long,
 * rb_subtree_gap, vma_compute_subtree_gap)} in mm/mmap.c: the three callbacks that keep
 * {@code rb_subtree_gap} right. Each store is one step.
 */
public final class GapAugment implements Augment {
    public static final GapAugment INSTANCE = new GapAugment();

    private GapAugment() {
    }

    /** {@code vma_gap_callbacks_propagate}: stops as soon as a node's value does not change. */
    @Override
    public void propagate(Kx k, int node, int stop) {
        /* a counted loop (no safepoint poll at each node): a path of more nodes than there are slots is a cycle */
        for (int guard = k.vmaCapacity() + 3; guard > 0; guard--) {
            if (node == stop || node == NIL) {
                return;
            }
            long aug = Vm.subtreeGapCompute(k, node);
            if (k.rbSubtreeGap(node) == aug) {
                k.step(Loc.AUG_PROPAGATE_STOP, k.caseTag(), node, NIL, aug);
                return;
            }
            k.setRbSubtreeGap(node, aug);
            k.step(Loc.AUG_PROPAGATE, k.caseTag(), node, NIL, aug);
            node = Vm.parent(k, node);
        }
        throw new CorruptTreeException("propagate walked in a cycle at " + k.name(node));
    }

    /**
     * Every node's {@code rb_subtree_gap} recomputed in one postorder pass ({@code rb_first_postorder},
     * {@code rb_next_postorder}: children before parents), with {@code vma_compute_subtree_gap}: what the
     * per-insert {@code vma_gap_update}s and rotate callbacks leave behind, computed once after a layout was linked
     * with {@link RbTree#insertUnaugmented}. Not a kernel step: nothing is recorded while it runs.
     */
    public void computeAll(Kx k) {
        for (int n = RbTree.firstPostorder(k); n != NIL; n = RbTree.nextPostorder(k, n)) {
            k.setRbSubtreeGap(n, Vm.subtreeGapCompute(k, n));
        }
    }

    /** {@code vma_gap_callbacks_copy}. */
    @Override
    public void copy(Kx k, int oldNode, int newNode) {
        long g = k.rbSubtreeGap(oldNode);
        k.setRbSubtreeGap(newNode, g);
        k.step(Loc.AUG_COPY, k.caseTag(), newNode, oldNode, g);
    }

    /** {@code vma_gap_callbacks_rotate}: new takes old's value, old is recomputed. */
    @Override
    public void rotate(Kx k, int oldNode, int newNode) {
        long g = k.rbSubtreeGap(oldNode);
        k.setRbSubtreeGap(newNode, g);
        k.step(Loc.AUG_ROTATE_NEW, k.caseTag(), newNode, oldNode, g);
        long r = Vm.subtreeGapCompute(k, oldNode);
        k.setRbSubtreeGap(oldNode, r);
        k.step(Loc.AUG_ROTATE_OLD, k.caseTag(), oldNode, newNode, r);
    }
}
