package org.vmalab.engine.trace;

import org.vmalab.engine.Face;
import org.vmalab.engine.trace.LockView.Lock;
import org.vmalab.engine.trace.VmaView.Color;

/**
 * One store of a step, typed: which object's which field, the old and the new value, and what that means in
 * words ({@code "heap.rb_left: NULL → stack"}). {@link Trace#changes(int)} lists a step's stores in the order
 * they happened.
 */
@Face
public sealed interface Change {
    long oldValue();

    long newValue();

    /** The store in words, with VMA and thread names: {@code "T2.holds: mmap_sem (write) → nothing"}. */
    String meaning();

    /** A store to a VMA's field. */
    record VmaChange(int vma, VmaField field, long oldValue, long newValue, String meaning) implements Change {
        /** For {@link VmaField#PARENT_COLOR}: the parent before, else {@link VmaView#NIL}. */
        public int oldParent() {
            return field == VmaField.PARENT_COLOR ? parentOf(oldValue) : VmaView.NIL;
        }

        /** For {@link VmaField#PARENT_COLOR}: the parent after, else {@link VmaView#NIL}. */
        public int newParent() {
            return field == VmaField.PARENT_COLOR ? parentOf(newValue) : VmaView.NIL;
        }

        /** The store moved the node's parent pointer. */
        public boolean parentMoved() {
            return field == VmaField.PARENT_COLOR && parentOf(oldValue) != parentOf(newValue);
        }

        /** The store changed the node's colour. */
        public boolean colorFlipped() {
            return field == VmaField.PARENT_COLOR && colorOf(oldValue) != colorOf(newValue);
        }

        /** For {@link VmaField#PARENT_COLOR}: the colour after. */
        public Color newColor() {
            return colorOf(newValue);
        }

        static int parentOf(long pc) {
            return (int) (pc >> 1) - 1;
        }

        static Color colorOf(long pc) {
            return (pc & 1) != 0 ? Color.BLACK : Color.RED;
        }
    }

    /** A store to a field of the mm (the tree's root, the list head, counters, the two locks). */
    record MmChange(MmField field, long oldValue, long newValue, String meaning) implements Change {
    }

    /**
     * A store to a thread's state.
     *
     * @param slot the slot for {@link TaskField#VMACACHE} (0-3) and {@link TaskField#REF} (0-2), else -1
     */
    record TaskChange(int thread, TaskField field, int slot, long oldValue, long newValue, String meaning)
            implements Change {
    }

    /** A page table entry installed or cleared (an address; 0 = empty). */
    record PteChange(int slot, long oldValue, long newValue, String meaning) implements Change {
    }

    /** The fields of {@code struct vm_area_struct} the model keeps. */
    enum VmaField {
        START("vm_start", false),
        END("vm_end", false),
        FLAGS("vm_flags", false),
        PGOFF("vm_pgoff", false),
        LEFT("rb_left", true),
        RIGHT("rb_right", true),
        /** {@code __rb_parent_color}: the parent and the colour in one word, as the kernel packs them. */
        PARENT_COLOR("__rb_parent_color", false),
        SUBTREE_GAP("rb_subtree_gap", false),
        PREV("vm_prev", true),
        NEXT("vm_next", true),
        REF_COUNT("vm_ref_count", false),
        SEQUENCE("vm_sequence", false),
        ANON_VMA("anon_vma", false),
        OPS("vm_ops", false),
        /** The model's name of the VMA. */
        NAME("name", false),
        /** Where the VMA is in its life (allocated, linked, freed ...). */
        LIFE("life", false);

        private final String cName;
        private final boolean pointer;

        VmaField(String cName, boolean pointer) {
            this.cName = cName;
            this.pointer = pointer;
        }

        /** The kernel's (or the model's) name of the field. */
        public String cName() {
            return cName;
        }

        /** The value is a VMA id ({@link VmaView#NIL} for NULL): a tree or list pointer. */
        public boolean pointer() {
            return pointer;
        }
    }

    /** The fields of {@code struct mm_struct} the model keeps, the two locks' words among them. */
    enum MmField {
        ROOT("mm_rb.rb_node", null),
        MMAP("mmap", null),
        MAP_COUNT("map_count", null),
        HIGHEST_VM_END("highest_vm_end", null),
        VMACACHE_SEQNUM("vmacache_seqnum", null),
        START_BRK("start_brk", null),
        BRK("brk", null),
        STACK_GUARD_GAP("stack_guard_gap", null),
        MMAP_BASE("mmap_base", null),
        MM_USERS("mm_users", null),
        /** The model's mark that exit_mmap tore the address space down (not kernel state: the checker stops). */
        MM_DEAD("mm gone (exit_mmap)", null),
        /** VMA slots allocated so far (the model's allocator). */
        VMA_SLOTS("nr_alloc", null),
        SEM_READERS("mmap_sem.readers", Lock.MMAP_SEM),
        SEM_WRITER("mmap_sem.writer", Lock.MMAP_SEM),
        SEM_WAIT_LIST("mmap_sem.wait_list", Lock.MMAP_SEM),
        RB_READERS("mm_rb_lock.readers", Lock.MM_RB_LOCK),
        RB_WRITER("mm_rb_lock.writer", Lock.MM_RB_LOCK),
        RB_WAITING("mm_rb_lock.waiting", Lock.MM_RB_LOCK),
        RB_WAIT_LOCK("mm_rb_lock.wait_lock", Lock.MM_RB_LOCK),
        /** The PTE lock's owner. */
        PTL_OWNER("ptl", null);

        private final String cName;
        private final Lock lock;

        MmField(String cName, Lock lock) {
            this.cName = cName;
            this.lock = lock;
        }

        public String cName() {
            return cName;
        }

        /** The lock this word belongs to, or null. */
        public Lock lock() {
            return lock;
        }
    }

    /** A thread's fields: {@code struct task_struct} (vmacache) and the model's scheduler state. */
    enum TaskField {
        STATUS("state"),
        /** The operation of its program it is in. */
        OP("op"),
        /** Where its last step was. */
        LOC("loc"),
        /** The node a walker stands on. */
        NODE("cursor"),
        SPINS("spins"),
        /** The lock it waits for. */
        WAIT("wait"),
        /** The locks it holds. */
        HOLDS("holds"),
        VMACACHE_SEQNUM("vmacache.seqnum"),
        /** A {@code vmacache.vmas[]} slot. */
        VMACACHE("vmacache.vmas"),
        /** A VMA reference it holds (get_vma, not yet put). */
        REF("ref"),
        /** RELAXED_STORES: its store buffer (how many stores wait, and an entry's word and value). */
        STORE_BUFFER("store buffer");

        private final String cName;

        TaskField(String cName) {
            this.cName = cName;
        }

        public String cName() {
            return cName;
        }
    }
}
