package org.vmalab.engine;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.sched.WaitQueue;

/**
 * What the engine runs: the initial VMAs (linked in the order given, as vma_link would), the threads with
 * their programs, and the protections in force.
 *
 * @param mmUsers     mm_users; 0 means one per thread
 * @param stackGuard  stack_guard_gap
 * @param mmapBase    mmap_base (top-down allocator limit)
 * @param maxMapCount sysctl_max_map_count (vm.max_map_count), at most {@link Const#MAX_MAP_COUNT_LIMIT}
 */
public record Scenario(String title, List<VmaSpec> layout, List<ThreadSpec> threads, Protection protection,
                       Granularity granularity, int mmUsers, long stackGuard, long mmapBase, int maxMapCount) {
    /** The most threads a scenario may have (a lock's wait list packs thread ids into one word). */
    public static final int MAX_THREADS = WaitQueue.MAX_THREADS - 1;

    public Scenario {
        layout = List.copyOf(layout);
        threads = List.copyOf(threads);
        if (threads.size() > MAX_THREADS) {
            throw new IllegalArgumentException("at most " + MAX_THREADS + " threads");
        }
        if (maxMapCount < 0 || maxMapCount > Const.MAX_MAP_COUNT_LIMIT) {
            throw new IllegalArgumentException("max_map_count " + maxMapCount + " is outside 0.."
                    + Const.MAX_MAP_COUNT_LIMIT);
        }
    }

    /** A scenario with the kernel's default max_map_count. */
    public Scenario(String title, List<VmaSpec> layout, List<ThreadSpec> threads, Protection protection,
                    Granularity granularity, int mmUsers, long stackGuard, long mmapBase) {
        this(title, layout, threads, protection, granularity, mmUsers, stackGuard, mmapBase, Const.MAX_MAP_COUNT);
    }

    public static Scenario of(String title, List<VmaSpec> layout, List<ThreadSpec> threads, Protection p) {
        return new Scenario(title, layout, threads, p, Granularity.MICRO, 0, Const.STACK_GUARD_GAP,
                Const.MMAP_BASE);
    }

    public Scenario withProtection(Protection p) {
        return new Scenario(title, layout, threads, p, granularity, mmUsers, stackGuard, mmapBase, maxMapCount);
    }

    public Scenario withGranularity(Granularity g) {
        return new Scenario(title, layout, threads, protection, g, mmUsers, stackGuard, mmapBase, maxMapCount);
    }

    public Scenario withThreads(List<ThreadSpec> t) {
        return new Scenario(title, layout, t, protection, granularity, mmUsers, stackGuard, mmapBase, maxMapCount);
    }

    public Scenario withMaxMapCount(int n) {
        return new Scenario(title, layout, threads, protection, granularity, mmUsers, stackGuard, mmapBase, n);
    }

    /**
     * The names a schedule uses: the threads, then, with RELAXED_STORES, each thread's store-buffer flush choices:
     * {@code T1.sb0} makes the oldest entry of T1's store buffer that may leave now visible, {@code T1.sb1} the next
     * one, and so on (the explorer schedules them like threads).
     */
    public List<String> scheduleNames() {
        return scheduleNames(threads.stream().map(ThreadSpec::name).toList(), protection);
    }

    /** {@link #scheduleNames()} for threads named {@code names} under {@code p}. */
    public static List<String> scheduleNames(List<String> names, Protection p) {
        if (!p.relaxed()) {
            return names;
        }
        List<String> out = new ArrayList<>(names);
        int k = StoreBuffer.choicesPerThread(names.size());
        for (String n : names) {
            for (int i = 0; i < k; i++) {
                out.add(n + ".sb" + i);
            }
        }
        return List.copyOf(out);
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
