package org.vmalab.engine;

/** Constants of x86-64 Linux v4.15 that the model uses. */
public final class Const {
    public static final long PAGE_SIZE = 0x1000;
    public static final long PAGE_MASK = ~(PAGE_SIZE - 1);
    /** Default {@code stack_guard_gap}: 256 pages. */
    public static final long STACK_GUARD_GAP = 256 * PAGE_SIZE;
    /** {@code TASK_SIZE} of a 47-bit x86-64 process: (1 << 47) - PAGE_SIZE. */
    public static final long TASK_SIZE = 0x7ffffffff000L;
    /** {@code mmap_base} with ASLR off: TASK_SIZE - 128 MiB (the minimum stack gap). */
    public static final long MMAP_BASE = 0x7ffff7fff000L;
    /** {@code TASK_UNMAPPED_BASE} = PAGE_ALIGN(TASK_SIZE / 3), start of the bottom-up search. */
    public static final long TASK_UNMAPPED_BASE = 0x2aaaaaaab000L;
    /** {@code rlimit(RLIMIT_STACK)}: the default 8 MiB soft limit, which acct_stack_growth checks. */
    public static final long RLIMIT_STACK = 8L << 20;
    /** {@code mmap_min_addr} default. */
    public static final long MMAP_MIN_ADDR = 0x10000;
    /** Default {@code sysctl_max_map_count} (the tunable {@code vm.max_map_count}; a scenario may set another). */
    public static final int MAX_MAP_COUNT = 65530;
    /**
     * The largest {@code max_map_count} a scenario may set: the kernel takes any int, the model keeps every VMA in
     * memory (about 200 bytes each), so it stops at 4,194,304 (four times what several distributions ship).
     */
    public static final int MAX_MAP_COUNT_LIMIT = 1 << 22;
    /** VMACACHE_SIZE. */
    public static final int VMACACHE_SIZE = 4;

    public static final long VM_READ = 0x1;
    public static final long VM_WRITE = 0x2;
    public static final long VM_EXEC = 0x4;
    public static final long VM_SHARED = 0x8;
    public static final long VM_GROWSDOWN = 0x100;
    public static final long VM_GROWSUP = 0x200;

    public static final int RED = 0;
    public static final int BLACK = 1;

    private Const() {
    }

    /** PAGE_ALIGN. */
    public static long pageAlign(long x) {
        return (x + PAGE_SIZE - 1) & PAGE_MASK;
    }
}
