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
    /**
     * A lock option, not a protection: mmap_sem behaves as v4.15's rwsem-xadd does for writers. A woken writer is
     * not handed the lock but must take it itself, and a writer that arrives while the lock is free takes it even
     * if others wait (optimistic spinning, lock stealing). Off: the lock is handed to the waiter it wakes.
     */
    RWSEM_WRITER_STEAL("mmap_sem writers may steal the lock: a writer arriving while it is free takes it before the "
            + "waiter that was just woken"),
    /**
     * A memory-model option, not a protection: every thread has a store buffer; a writer's plain stores to the tree,
     * the list and the mm's counters become visible to the other threads later, in any order (the explorer chooses),
     * except where a release or a barrier orders them (docs/MEMORY-MODEL.md). Off: every store is visible at once.
     */
    RELAXED_STORES("store buffers: a writer's plain stores become visible to the other threads later and out of "
            + "order, unless a release or a barrier orders them"),
    /**
     * Bug variant (meaningful with RELAXED_STORES): {@code write_unlock(mm_rb_lock)} in {@code __vma_rb_erase} is no
     * release, so the erase's stores may still be in the store buffer when RB_CLEAR_NODE's marker leaves it.
     */
    NO_RELEASE("write_unlock in __vma_rb_erase does not order the erase's stores before the marker's"),
    /** v4.15 before the SPF series: mmap_sem only, no speculative path, no lock, count or clear. */
    PRE_PATCH("the kernel before the patch: mmap_sem only, no speculative path");

    private final String description;

    ProtectionToggle(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * An option of the model (how a lock behaves), not a part of the patch taken away: settings that compare the
     * patch with its parts (the A/B table, a challenge's proof) keep the scenario's options.
     */
    public boolean option() {
        return this == RWSEM_WRITER_STEAL || this == RELAXED_STORES;
    }
}
