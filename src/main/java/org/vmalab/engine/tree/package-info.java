/**
 * The augmented red-black tree: a port of lib/rbtree.c and include/linux/rbtree_augmented.h (v4.15), in the
 * kernel's shape and with its case comments, with the {@code rb_augment_callbacks} passed in
 * ({@link org.vmalab.engine.tree.Augment}) and the {@code vma_gap_callbacks} of mm/mmap.c as one of them
 * ({@link org.vmalab.engine.tree.GapAugment}). {@link org.vmalab.engine.tree.Vm} reads a node's words (parent
 * and colour, children, gaps) from any state view.
 *
 * <p>May import: {@code engine.memory} (the words it reads and stores), {@code engine.mm.Kx} (the context a
 * step ends in) and {@code engine.trace.Loc} (which step it was). Nothing outside the engine.
 */
package org.vmalab.engine.tree;
