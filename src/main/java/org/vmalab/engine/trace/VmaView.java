package org.vmalab.engine.trace;

import org.vmalab.engine.Const;
import org.vmalab.engine.Face;

/**
 * One VMA ({@code struct vm_area_struct}) at a cursor's index, read-only: its range, its node in the tree
 * ({@code vm_rb}: parent, colour, children, {@code rb_subtree_gap}), its list neighbours, the patch's reference
 * count, the SPF sequence count and where it is in its life. Ids are small ints; {@link #NIL} is the kernel's
 * NULL.
 *
 * @param flags       {@code vm_flags} ({@link Const#VM_READ} ...)
 * @param fileBacked  {@code vm_ops} (and {@code vm_file}) are set
 * @param anonVma     the {@code anon_vma} id, 0 for none
 * @param parent      {@code rb_parent(&vma->vm_rb)}
 * @param ownGap      the free gap in front of it (the first part of {@code vma_compute_subtree_gap()})
 * @param subtreeGap  the stored {@code rb_subtree_gap}
 * @param computedGap {@code vma_compute_subtree_gap()} now: its own gap and its children's stored values
 * @param startGap    {@code vm_start_gap()}: a stack pretends to start {@code stack_guard_gap} lower
 * @param endGap      {@code vm_end_gap()}
 * @param refCount    {@code vm_ref_count} (the patch)
 * @param sequence    {@code vm_sequence} (odd while a writer changes the VMA)
 * @param allocated   the slot holds a VMA ({@code kmem_cache_zalloc} ran)
 * @param freed       {@code kmem_cache_free} ran: any later access is a use-after-free
 * @param inTree      linked into the tree by {@code rb_link_node} and not erased since
 * @param cleared     {@code RB_EMPTY_NODE()}: its parent word points to itself (erased and cleared)
 * @param owned       the mm's own reference is still held (dropped by {@code remove_vma})
 */
@Face
public record VmaView(int id, String name, long start, long end, long flags, boolean fileBacked, long anonVma,
                      Color color, int parent, int left, int right, int prev, int next, long ownGap, long subtreeGap,
                      long computedGap, long startGap, long endGap, long refCount, long sequence, boolean allocated,
                      boolean freed, boolean inTree, boolean cleared, boolean owned) {
    /** No VMA: the kernel's NULL pointer. */
    public static final int NIL = -1;

    /** A red-black node's colour. */
    public enum Color { RED, BLACK }

    public boolean black() {
        return color == Color.BLACK;
    }

    public boolean growsDown() {
        return (flags & Const.VM_GROWSDOWN) != 0;
    }

    /** Does {@code [start, end)} contain {@code addr} (unsigned)? */
    public boolean contains(long addr) {
        return Long.compareUnsigned(start, addr) <= 0 && Long.compareUnsigned(addr, end) < 0;
    }
}
