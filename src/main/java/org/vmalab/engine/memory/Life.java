package org.vmalab.engine.memory;

/** Bits of {@link Field#LIFE}. */
public final class Life {
    /** Slot holds a VMA (allocated by kmem_cache_zalloc or a copy). */
    public static final long ALLOCATED = 1;
    /** {@code kmem_cache_free} ran: any later access is a use-after-free. */
    public static final long FREED = 2;
    /** {@code fput(vm_file)} ran. */
    public static final long FILE_PUT = 4;
    /** {@code mpol_put(vma_policy)} ran. */
    public static final long POLICY_PUT = 8;
    /** {@code unlink_anon_vmas} tore down the anon_vma chain. */
    public static final long ANON_UNLINKED = 16;
    /** Ghost: the mm's owner reference (set by __vma_link_rb, dropped by remove_vma / __vma_adjust). */
    public static final long OWNED = 32;
    /** Ghost: linked into the tree by rb_link_node and not yet erased. */
    public static final long IN_TREE = 64;
    /** Ghost: a copy that fork's dup_mmap made for the child's mm (not a VMA of the process's mm). */
    public static final long CHILD = 128;

    private Life() {
    }
}
