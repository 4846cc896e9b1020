package org.vmalab.engine;

import java.util.List;
import org.vmalab.engine.sched.WaitQueue;

/**
 * What the engine runs: the initial VMAs (linked in the order given, as vma_link would), the threads with
 * their programs, and the protections in force.
 *
 * @param mmUsers     mm_users; 0 means one per thread
 * @param stackGuard  stack_guard_gap
 * @param mmapBase    mmap_base (top-down allocator limit)
 */
public record Scenario(String title, List<VmaSpec> layout, List<ThreadSpec> threads, Protection protection,
                       Granularity granularity, int mmUsers, long stackGuard, long mmapBase) {
    /** The most threads a scenario may have (a lock's wait list packs thread ids into one word). */
    public static final int MAX_THREADS = WaitQueue.MAX_THREADS - 1;

    public Scenario {
        layout = List.copyOf(layout);
        threads = List.copyOf(threads);
        if (threads.size() > MAX_THREADS) {
            throw new IllegalArgumentException("at most " + MAX_THREADS + " threads");
        }
    }

    public static Scenario of(String title, List<VmaSpec> layout, List<ThreadSpec> threads, Protection p) {
        return new Scenario(title, layout, threads, p, Granularity.MICRO, 0, Const.STACK_GUARD_GAP,
                Const.MMAP_BASE);
    }

    public Scenario withProtection(Protection p) {
        return new Scenario(title, layout, threads, p, granularity, mmUsers, stackGuard, mmapBase);
    }

    public Scenario withGranularity(Granularity g) {
        return new Scenario(title, layout, threads, protection, g, mmUsers, stackGuard, mmapBase);
    }

    public Scenario withThreads(List<ThreadSpec> t) {
        return new Scenario(title, layout, t, protection, granularity, mmUsers, stackGuard, mmapBase);
    }

    public int threadIndex(String name) {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
