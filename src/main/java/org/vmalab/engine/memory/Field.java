package org.vmalab.engine.memory;

import org.vmalab.engine.Const;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.sched.WaitQueue;
import org.vmalab.engine.trace.Loc;

/**
 * Every word of simulated memory. A field belongs to one kind of object: a VMA ({@code struct
 * vm_area_struct}), the single mm ({@code struct mm_struct} with its two locks), a simulated thread
 * ({@code struct task_struct}: vmacache, references held, scheduler state) or a PTE slot.
 *
 * <p>Fields marked <em>ghost</em> are not kernel state: the checker and the view need them (who holds the
 * owner reference, what the thread is doing) and the trace records them like any other store.
 */
public enum Field {
    // struct vm_area_struct (include/linux/mm_types.h)
    VM_START(Kind.VMA, "vm_start"),
    VM_END(Kind.VMA, "vm_end"),
    VM_FLAGS(Kind.VMA, "vm_flags"),
    VM_PGOFF(Kind.VMA, "vm_pgoff"),
    /** {@code vm_rb.rb_left}: VMA id or {@link Memory#NIL}. */
    RB_LEFT(Kind.VMA, "rb_left"),
    /** {@code vm_rb.rb_right}. */
    RB_RIGHT(Kind.VMA, "rb_right"),
    /** {@code vm_rb.__rb_parent_color}: one word, see {@link Rb#pc(int, int)}. */
    RB_PC(Kind.VMA, "__rb_parent_color"),
    /** {@code rb_subtree_gap}. */
    RB_GAP(Kind.VMA, "rb_subtree_gap"),
    VM_PREV(Kind.VMA, "vm_prev"),
    VM_NEXT(Kind.VMA, "vm_next"),
    /** {@code vm_ref_count} (the patch). */
    REF_COUNT(Kind.VMA, "vm_ref_count"),
    /** {@code vm_sequence} (SPF "VMA sequence count"). */
    SEQUENCE(Kind.VMA, "vm_sequence"),
    /** {@code anon_vma} as an id, 0 = NULL. */
    ANON_VMA(Kind.VMA, "anon_vma"),
    /** 1 when {@code vm_ops} (and {@code vm_file}) are set: a file or special mapping. */
    HAS_OPS(Kind.VMA, "vm_ops"),
    /** The name, as a word that depends on the name alone ({@link Memory#intern}); 0 = none (model only). */
    NAME(Kind.VMA, "name"),
    /** Lifecycle bits, see {@link Life}; partly ghost. */
    LIFE(Kind.VMA, "life"),

    // struct mm_struct
    ROOT(Kind.MM, "mm_rb.rb_node"),
    MMAP(Kind.MM, "mmap"),
    MAP_COUNT(Kind.MM, "map_count"),
    HIGHEST_VM_END(Kind.MM, "highest_vm_end"),
    VMACACHE_SEQNUM(Kind.MM, "vmacache_seqnum"),
    START_BRK(Kind.MM, "start_brk"),
    BRK(Kind.MM, "brk"),
    /** {@code stack_guard_gap} (boot parameter; a constant of the run). */
    GUARD_GAP(Kind.MM, "stack_guard_gap"),
    /** {@code mmap_base}: the top-down allocator's high limit (a constant of the run). */
    MMAP_BASE(Kind.MM, "mmap_base"),
    /**
     * {@code sysctl_max_map_count} (mm/mmap.c, the tunable {@code vm.max_map_count}): a global of the kernel, kept
     * here like {@code stack_guard_gap} (a constant of the run).
     */
    MAX_MAP_COUNT(Kind.MM, "sysctl_max_map_count"),
    /** {@code mm_users}: SPF is only tried when it is above 1. */
    MM_USERS(Kind.MM, "mm_users"),
    /** Number of VMA slots allocated so far (model allocator). */
    NR_ALLOC(Kind.MM, "nr_alloc"),
    /** {@code mmap_sem}: active readers. */
    SEM_READERS(Kind.MM, "mmap_sem.readers"),
    /** {@code mmap_sem}: writer thread or NIL. */
    SEM_WRITER(Kind.MM, "mmap_sem.writer"),
    /** {@code mmap_sem}: FIFO wait queue, packed by {@link WaitQueue}. */
    SEM_QUEUE(Kind.MM, "mmap_sem.wait_list"),
    /** {@code mm_rb_lock}: active readers. */
    RB_READERS(Kind.MM, "mm_rb_lock.readers"),
    /** {@code mm_rb_lock}: writer thread or NIL. */
    RB_WRITER(Kind.MM, "mm_rb_lock.writer"),
    /** {@code mm_rb_lock} (queued policy): thread that set _QW_WAITING, or NIL. */
    RB_WAITING(Kind.MM, "mm_rb_lock.waiting"),
    /** {@code mm_rb_lock} (queued policy): FIFO of spinning threads. */
    RB_QUEUE(Kind.MM, "mm_rb_lock.wait_lock"),
    /** Owner of the PTE lock of the page table the lessons fault on, or NIL. */
    PTL_OWNER(Kind.MM, "ptl"),
    /**
     * Owner of the anon_vma lock ({@code anon_vma_lock_write}) that {@code expand_downwards} takes, or NIL: one
     * word for every growing VMA (a scenario grows one stack; the kernel's page_table_lock serializes the rest).
     */
    ANON_LOCK(Kind.MM, "anon_vma->root->rwsem"),
    /** Ghost: 1 once the last user dropped the mm ({@code mmput}): exit_mmap tears it down, the tree is dead. */
    MM_DEAD(Kind.MM, "dead"),

    // struct task_struct (and the model's scheduler state)
    T_STATUS(Kind.THREAD, "state"),
    /** Index of the current operation in the thread's program. */
    T_OP(Kind.THREAD, "op"),
    /** {@link Loc} ordinal of the last step, -1 before the first. */
    T_LOC(Kind.THREAD, "loc"),
    /** The node the thread stands on (a walker's cursor), or NIL. */
    T_NODE(Kind.THREAD, "cursor"),
    /** Consecutive spin steps. */
    T_SPINS(Kind.THREAD, "spins"),
    /** What a blocked or spinning thread waits for, see {@link Status}. */
    T_WAIT(Kind.THREAD, "wait"),
    /** Locks held (ghost), bits of {@link Status}. */
    T_HOLDS(Kind.THREAD, "holds"),
    /** {@code vmacache.seqnum}. */
    T_VC_SEQ(Kind.THREAD, "vmacache.seqnum"),
    T_VC0(Kind.THREAD, "vmacache.vmas[0]"),
    T_VC1(Kind.THREAD, "vmacache.vmas[1]"),
    T_VC2(Kind.THREAD, "vmacache.vmas[2]"),
    T_VC3(Kind.THREAD, "vmacache.vmas[3]"),
    /** VMA references taken by get_vma and not yet put (ghost), three slots. */
    T_REF0(Kind.THREAD, "ref[0]"),
    T_REF1(Kind.THREAD, "ref[1]"),
    T_REF2(Kind.THREAD, "ref[2]"),
    /** {@code RELAXED_STORES}: how many of the thread's stores wait in its store buffer (see {@link StoreBuffer}). */
    T_SB_N(Kind.THREAD, "store buffer"),

    // page table entries installed by faults (addresses; 0 = empty slot)
    PTE_ADDR(Kind.PTE, "pte"),

    // RELAXED_STORES: the store buffers, StoreBuffer.CAPACITY entries per thread, oldest first (0 = empty entry)
    /** The word an entry will store: {@link StoreBuffer#key}. */
    SB_KEY(Kind.SB, "store buffer word"),
    /** The value it will store there. */
    SB_VAL(Kind.SB, "store buffer value");

    /** What kind of object a field belongs to. */
    public enum Kind { VMA, MM, THREAD, PTE, SB }

    private final Kind kind;
    private final String cName;

    Field(Kind kind, String cName) {
        this.kind = kind;
        this.cName = cName;
    }

    public Kind kind() {
        return kind;
    }

    /** The kernel's (or the model's) name of the field. */
    public String cName() {
        return cName;
    }

    public static Field of(int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }

    /** True for fields whose value is a VMA id or NIL. */
    public boolean isVmaPointer() {
        return switch (this) {
            case RB_LEFT, RB_RIGHT, VM_PREV, VM_NEXT, ROOT, MMAP, T_NODE, T_VC0, T_VC1, T_VC2, T_VC3, T_REF0,
                    T_REF1, T_REF2 -> true;
            default -> false;
        };
    }

    /** True for fields whose value is a thread id or NIL. */
    public boolean isThreadPointer() {
        return this == SEM_WRITER || this == RB_WRITER || this == RB_WAITING || this == PTL_OWNER
                || this == ANON_LOCK;
    }

    /**
     * The value of a word nobody stored yet: NIL for pointers to a VMA or a thread (and {@link #T_LOC}), the kernel's
     * default for {@link #MAX_MAP_COUNT}, else 0.
     */
    public long defaultValue() {
        if (this == MAX_MAP_COUNT) {
            return Const.MAX_MAP_COUNT;
        }
        return NIL_DEFAULT[ordinal()] ? Memory.NIL : 0;
    }

    private static boolean computeNilDefault(Field f) {
        return f.isVmaPointer() || f.isThreadPointer() || f == T_LOC;
    }

    private static final Field[] VALUES = values();
    private static final boolean[] NIL_DEFAULT = new boolean[VALUES.length];

    static {
        for (Field f : VALUES) {
            NIL_DEFAULT[f.ordinal()] = computeNilDefault(f);
        }
    }

    /** Every VMA field, in declaration order. */
    public static final Field[] VMA_FIELDS = java.util.Arrays.stream(VALUES).filter(f -> f.kind == Kind.VMA)
            .toArray(Field[]::new);

    /** The four vmacache slots, in scan order. */
    public static final Field[] VC_SLOTS = {T_VC0, T_VC1, T_VC2, T_VC3};
    /** The reference slots of a thread. */
    public static final Field[] REF_SLOTS = {T_REF0, T_REF1, T_REF2};
}
