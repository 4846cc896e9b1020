package org.vmalab.engine;

/**
 * What a scenario takes away from the patch or puts back as a bug (SEMANTICS section 6). The empty set is
 * the patch as written.
 */
public enum ProtectionToggle {
    /** Readers skip read_lock; the writers' mm_rb_lock steps disappear. */
    NO_LOCK("no mm_rb_lock: readers walk the tree without the lock, writers do not take it"),
    /** get_vma takes no reference; the owner's put_vma frees at once; the reader's put_vma is a no-op. */
    NO_REFCOUNT("no vm_ref_count: the owner's put_vma frees at once, readers hold no reference"),
    /** vma_has_changed ignores RB_EMPTY_NODE. */
    NO_EMPTY_CHECK("vma_has_changed ignores RB_EMPTY_NODE"),
    /** Bug variant: RB_CLEAR_NODE before rb_erase_augmented. */
    CLEAR_BEFORE_ERASE("RB_CLEAR_NODE is stored before rb_erase_augmented"),
    /** Bug variant: the speculative fault calls find_vma (vmacache, no lock) instead of get_vma. */
    SPF_USES_VMACACHE("the speculative fault uses find_vma and the vmacache instead of get_vma"),
    /** v4.15 before the SPF series: mmap_sem only, no speculative path, no lock, count or clear. */
    PRE_PATCH("the kernel before the patch: mmap_sem only, no speculative path");

    private final String description;

    ProtectionToggle(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
