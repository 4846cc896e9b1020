package org.vmalab.engine.tree;

import org.vmalab.engine.mm.Kx;

/**
 * {@code struct rb_augment_callbacks} (include/linux/rbtree_augmented.h): hooks the rebalancing code calls
 * so that an augmented value stays correct. {@link #NONE} is the kernel's {@code dummy_callbacks};
 * {@link GapAugment} is {@code vma_gap_callbacks} of mm/mmap.c.
 */
interface Augment {
    /** Walk up from {@code node} fixing the augmented value, stopping at {@code stop} or early. */
    void propagate(Kx k, int node, int stop);

    /** {@code new} takes {@code old}'s place: copy its value. */
    void copy(Kx k, int oldNode, int newNode);

    /** After a rotation in which {@code new} became the parent of {@code old}. */
    void rotate(Kx k, int oldNode, int newNode);

    Augment NONE = new Augment() {
        @Override
        public void propagate(Kx k, int node, int stop) {
        }

        @Override
        public void copy(Kx k, int oldNode, int newNode) {
        }

        @Override
        public void rotate(Kx k, int oldNode, int newNode) {
        }
    };
}
