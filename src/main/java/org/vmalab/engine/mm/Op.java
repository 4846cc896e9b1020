package org.vmalab.engine.mm;

import org.vmalab.engine.Face;

/**
 * A kernel operation in a thread's program. Writers' operations ({@link Map}, {@link Mmap},
 * {@link Munmap}, {@link Brk}, {@link Search}) take {@code mmap_sem} for write themselves unless the thread
 * already holds it; {@link FindVma} needs the thread to hold {@code mmap_sem}; faults do their own locking.
 */
@Face
public sealed interface Op {
    /** The operation in the one syntax of lessons, scenario files and the form ({@link OpSyntax#format}). */
    default String text() {
        return OpSyntax.format(this);
    }

    /** Reads one operation of the one syntax ({@link OpSyntax#parse}). */
    static Op parse(String text) {
        return OpSyntax.parse(text);
    }

    /** True for operations that change or search the VMA set under mmap_sem write. */
    default boolean isWriter() {
        return false;
    }

    /** {@code find_vma(mm, addr)} (vmacache, walk, update); the caller must hold mmap_sem. */
    record FindVma(long addr) implements Op {
    }

    /** {@code get_vma(mm, addr)}: read_lock, walk, atomic_inc, read_unlock (the patch). */
    record GetVma(long addr) implements Op {
    }

    /** {@code put_vma(vma)} on the VMA of the thread's latest get_vma reference. */
    record PutVma() implements Op {
    }

    /** A user page fault that tries the speculative path first (x86 __do_page_fault with SPF v8). */
    record Spf(long addr, boolean write) implements Op {
    }

    /** A classic page fault under mmap_sem read. */
    record Fault(long addr, boolean write) implements Op {
    }

    /** {@code insert_vm_struct}: link a VMA [start, end) exactly as {@code vma_link} does. */
    record Map(String name, long start, long end, long flags, boolean hasOps, long anonVma) implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /** {@code mmap()}: get_unmapped_area (or MAP_FIXED), vma_merge, or a new VMA and vma_link. */
    record Mmap(String name, long addr, long len, long flags, boolean hasOps, boolean fixed, boolean bottomUp)
            implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /** {@code munmap(start, end - start)}: splits at the ends, detach, erase, unmap_region, remove_vma. */
    record Munmap(long start, long end) implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /** {@code brk(newBrk)}: grow (merge into the heap through __vma_adjust) or shrink (munmap). */
    record Brk(long newBrk) implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /**
     * {@code mprotect(start, end - start, prot)}: {@code prot} is VM_READ, VM_WRITE and VM_EXEC bits. Each VMA of the
     * range is merged with a neighbour ({@code vma_merge}, cases 4-8) or split, then gets the new flags.
     */
    record Mprotect(long start, long end, long prot) implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /** {@code unmapped_area_topdown} or {@code unmapped_area} alone, under mmap_sem write (a search). */
    /**
     * {@code fork()}'s {@code dup_mmap}: the child's mm gets a copy of every VMA, linked into its own tree under its
     * own {@code mm_rb_lock}; the parent's mmap_sem is held for write throughout.
     */
    record Fork() implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    /**
     * The thread leaves the mm ({@code exit_mm} → {@code mmput}): the last user's mmput runs {@code exit_mmap}, which
     * removes every VMA. The thread's last operation.
     */
    record Exit() implements Op {
    }

    record Search(long len, long low, long high, boolean topDown) implements Op {
        @Override
        public boolean isWriter() {
            return true;
        }
    }

    record DownRead() implements Op {
    }

    record UpRead() implements Op {
    }

    record DownWrite() implements Op {
    }

    record UpWrite() implements Op {
    }
}
