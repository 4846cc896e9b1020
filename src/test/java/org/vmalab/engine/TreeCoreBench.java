package org.vmalab.engine;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.FastKx;
import org.vmalab.engine.mm.MmOps;
import org.vmalab.engine.sched.Actions;

/**
 * The tree-and-list core of mapping and unmapping, against TreeMap put/remove on the same keys:
 * {@code insert_vm_struct} (find_vma_links, __vma_link_list, __vma_link_rb with its gap updates and fix-up)
 * and {@code __vma_unlink_common} + {@code put_vma} (erase with its fix-up and gap updates, list unlink,
 * vmacache invalidate, free) — what munmap does minus the lookups of do_munmap and unmap_region's page-table
 * work. The full shell operations are measured in {@code bench.TreeOpsBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Thread)
public class TreeCoreBench {
    @Param({"1000", "65530"})
    int n;

    Memory m;
    FastKx k;
    TreeMap<Long, Long> map;
    long[] free;
    int i;

    static final long SLOT = 0x10000;
    static final long BASE = 0x100000000L;

    @Setup(Level.Trial)
    public void setup() {
        long[] slots = new long[4 * n];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = s;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int s = slots.length - 1; s > 0; s--) {
            int j = r.nextInt(s + 1);
            long t = slots[s];
            slots[s] = slots[j];
            slots[j] = t;
        }
        m = new Memory(n + 16, 1, 1);
        m.setMm(Field.GUARD_GAP, Const.STACK_GUARD_GAP);
        k = new FastKx(m, Protection.PATCH, true);
        map = new TreeMap<>(Long::compareUnsigned);
        for (int s = 0; s < n; s++) {
            link(slots[s]);
            map.put(BASE + slots[s] * SLOT, 0L);
        }
        free = new long[slots.length - n];
        System.arraycopy(slots, n, free, 0, free.length);
    }

    private int link(long slot) {
        long s = BASE + slot * SLOT;
        int v = MmOps.allocVma(k, "v", s, s + Const.PAGE_SIZE * (1 + slot % 7), Scenarios.RW, false, 0);
        MmOps.insertVmStruct(k, v);
        return v;
    }

    @Benchmark
    public long vmaLinkUnlink() {
        long slot = free[i++ % free.length];
        int v = link(slot);
        MmOps.vmaUnlinkCommon(k, v, Memory.NIL, false, v);
        m.setMm(Field.MAP_COUNT, m.mm(Field.MAP_COUNT) - 1);
        new Actions.PutVma(v, Actions.PutSite.REMOVE_VMA).fast(k);
        return m.mm(Field.MAP_COUNT);
    }

    @Benchmark
    public Long treeMapPutRemove() {
        long s = BASE + free[i++ % free.length] * SLOT;
        map.put(s, 0L);
        return map.remove(s);
    }
}
