package org.vmalab.engine.sched;

import org.vmalab.engine.memory.Field;

/** Values of {@link Field#T_STATUS} and {@link Field#T_WAIT}, and the bits of {@link Field#T_HOLDS}. */
public final class Status {
    public static final long RUNNABLE = 0;
    /** Burns a step each time it is scheduled (a spinning lock). */
    public static final long SPINNING = 1;
    /** Sleeping in a wait queue: not runnable until woken. */
    public static final long BLOCKED = 2;
    static final long DONE = 3;

    public static final long WAIT_NONE = 0;
    public static final long WAIT_SEM_READ = 1;
    public static final long WAIT_SEM_WRITE = 2;
    public static final long WAIT_RB_READ = 3;
    public static final long WAIT_RB_WRITE = 4;
    public static final long WAIT_PTL = 5;
    public static final long WAIT_ANON = 6;

    public static final long HOLD_SEM_READ = 1;
    public static final long HOLD_SEM_WRITE = 2;
    public static final long HOLD_RB_READ = 4;
    public static final long HOLD_RB_WRITE = 8;
    public static final long HOLD_PTL = 16;
    /** The anon_vma lock of a growing stack (expand_downwards). */
    public static final long HOLD_ANON = 32;
    /** {@code mm->page_table_lock}, which stack expansion holds around its vm_start and gap stores. */
    public static final long HOLD_PAGE_TABLE_LOCK = 64;
    /** The child's mmap_sem, held for write by the forking thread ({@code down_write_nested}). */
    public static final long HOLD_CHILD_SEM = 128;
    /** The child's mm_rb_lock, held for write while dup_mmap links a copy into the child's tree. */
    public static final long HOLD_CHILD_RB = 256;

    private Status() {
    }

    public static String name(long status) {
        return switch ((int) status) {
            case 0 -> "running";
            case 1 -> "spinning";
            case 2 -> "blocked";
            case 3 -> "done";
            default -> "?";
        };
    }
}
