package org.vmalab.engine.mm;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.CorruptTreeException;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * {@code __find_vma(mm, addr)} (mm/mmap.c, the helper the patch splits out of {@code find_vma} so that
 * {@code get_vma} can walk the tree under {@code mm_rb_lock}): the walk, written once. Its loop body at one node,
 * {@link #visit}, is one step; {@link MmOps#findVmaTree} runs the loop straight through (or into a writer's plan),
 * the readers ({@code Readers}) run it one node per turn, as {@code find_vma} or as {@code get_vma}.
 */
final class FindVma {
    private FindVma() {
    }

    /** Who walks: the step locations of the walk's root load and node visits. */
    enum Walker {
        /** {@code find_vma} (classic, under mmap_sem), and the writers' own lookups. */
        FIND_VMA(Loc.FIND_VMA_ROOT, Loc.FIND_VMA_FOUND, Loc.FIND_VMA_LEFT, Loc.FIND_VMA_RIGHT),
        /** {@code get_vma} (the patch), under mm_rb_lock for read. */
        GET_VMA(Loc.GET_VMA_ROOT, Loc.GET_VMA_FOUND, Loc.GET_VMA_LEFT, Loc.GET_VMA_RIGHT);

        private final Loc root;
        private final Loc found;
        private final Loc left;
        private final Loc right;
        /** The visits' locations by {@link Visit} ordinal (an index, not a switch: the walk's hot loop). */
        private final Loc[] visits;

        Walker(Loc root, Loc found, Loc left, Loc right) {
            this.root = root;
            this.found = found;
            this.left = left;
            this.right = right;
            this.visits = new Loc[] {found, left, right};
        }

        /** The step that loads {@code mm->mm_rb.rb_node}. */
        Loc root() {
            return root;
        }

        Loc loc(Visit v) {
            return visits[v.ordinal()];
        }
    }

    /** What the loop body decides at one node. */
    enum Visit {
        /** {@code vm_end > addr} and {@code vm_start <= addr}: the node contains the address; the walk stops. */
        FOUND,
        /** {@code vm_end > addr}: the node is the best answer so far; go left. */
        LEFT,
        /** {@code vm_end <= addr}: go right. */
        RIGHT;

        /** The node the walk goes to after {@code node} (NIL when it stops or falls off the tree). */
        int next(StateView m, int node) {
            if (this == RIGHT) {
                return Vm.right(m, node);
            }
            return this == LEFT ? Vm.left(m, node) : NIL;
        }

        /** The walk's answer after this visit of {@code node}: {@code vma = tmp} when {@code vm_end > addr}. */
        int best(int node, int best) {
            return this == RIGHT ? best : node;
        }
    }

    /**
     * The whole loop of {@code __find_vma}, straight through (or into a writer's plan): the root's step, then the
     * steps of {@link #visit} at each node, the same ones, with no {@link Visit} in between (the walk's hot loop: the
     * answer is the node, its location a field).
     */
    static int walk(Kx k, Walker w, long addr) {
        int node = Vm.root(k);
        int vma = NIL;
        k.step(w.root, Tag.NONE, node, NIL, addr);
        /* a counted loop (no safepoint poll at each level): a path of more nodes than there are slots is a cycle */
        for (int guard = k.vmaCapacity() + 3; guard > 0; guard--) {
            if (node == NIL) {
                return vma;
            }
            if (Vm.ugt(Vm.end(k, node), addr)) {
                vma = node;
                if (Vm.ule(Vm.start(k, node), addr)) {
                    k.step(w.found, Tag.NONE, node, NIL, addr);
                    return vma;
                }
                int l = Vm.left(k, node);
                k.step(w.left, Tag.NONE, node, l, addr);
                node = l;
            } else {
                int r = Vm.right(k, node);
                k.step(w.right, Tag.NONE, node, r, addr);
                node = r;
            }
        }
        throw new CorruptTreeException("find_vma walked in a cycle");
    }

    /** The loop body of {@code __find_vma} at {@code node}, as one step recorded in {@code s}. */
    static Visit visit(StateView m, Stepper s, Walker w, int node, long addr) {
        Visit v;
        if (Vm.ugt(Vm.end(m, node), addr)) {
            v = Vm.ule(Vm.start(m, node), addr) ? Visit.FOUND : Visit.LEFT;
        } else {
            v = Visit.RIGHT;
        }
        s.step(w.loc(v), Tag.NONE, node, v.next(m, node), addr);
        return v;
    }
}
