package org.vmalab.engine.trace;

import org.vmalab.engine.Face;

/**
 * The mm ({@code struct mm_struct}) at a cursor's index, read-only.
 *
 * @param root           {@code mm_rb.rb_node}, or {@link VmaView#NIL} for an empty tree
 * @param mmap           the first VMA of the address-ordered list, or {@link VmaView#NIL}
 * @param mmUsers        {@code mm_users}: the speculative fault is tried only above 1
 * @param mmapBase       {@code mmap_base}: the top-down allocator's high limit
 * @param stackGuardGap  {@code stack_guard_gap}
 * @param ptlOwner       the thread holding the PTE lock, or -1
 * @param vmaSlots       VMA slots allocated so far: ids are below it
 */
@Face
public record MmView(int root, int mmap, long mapCount, long highestVmEnd, long vmacacheSeqnum, long mmUsers,
                     long mmapBase, long stackGuardGap, long startBrk, long brk, int ptlOwner, int vmaSlots) {
}
