package org.vmalab.engine.bench;

import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;
import org.vmalab.engine.Const;
import org.vmalab.engine.mm.MmConsole;

/**
 * The engine's tree operations run straight through (no recording, no checking) against java.util.TreeMap
 * doing the matching work on the same keys: map+unmap pairs vs put+remove, find_vma vs higherEntry,
 * unmapped_area_topdown vs a linear scan of the list.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Thread)
public class TreeOpsBench {
    @Param({"1000", "65530"})
    int n;

    MmConsole mm;
    TreeMap<Long, Long> byStart;
    TreeMap<Long, Long> byEnd;
    long[] free;
    long[] probes;
    int i;
    int j;

    @Setup(Level.Trial)
    public void setup() {
        long[] slots = BenchLayouts.slots(n, 42);
        mm = new MmConsole();
        byStart = new TreeMap<>(Long::compareUnsigned);
        byEnd = new TreeMap<>(Long::compareUnsigned);
        for (int k = 0; k < n; k++) {
            long s = BenchLayouts.start(slots[k]);
            long e = BenchLayouts.end(slots[k]);
            mm.map(s, e, false);
            byStart.put(s, e);
            byEnd.put(e, s);
        }
        free = new long[slots.length - n];
        System.arraycopy(slots, n, free, 0, free.length);
        probes = new long[4096];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int k = 0; k < probes.length; k++) {
            probes[k] = BenchLayouts.BASE + r.nextLong(4L * n * BenchLayouts.SLOT);
        }
    }

    /** map then unmap of a VMA in a free slot: the tree size stays n. */
    @Benchmark
    public boolean vmaMapUnmap() {
        long slot = free[i++ % free.length];
        if (i >= free.length) {
            i = 0;
        }
        long s = BenchLayouts.start(slot);
        long e = BenchLayouts.end(slot);
        return mm.map(s, e, false) & mm.unmap(s, e);
    }

    /** put then remove of the same key. */
    @Benchmark
    public Long treeMapPutRemove() {
        long slot = free[i++ % free.length];
        if (i >= free.length) {
            i = 0;
        }
        long s = BenchLayouts.start(slot);
        byStart.put(s, BenchLayouts.end(slot));
        return byStart.remove(s);
    }

    @Benchmark
    public int findVma() {
        return mm.find(probes[j++ & 4095]);
    }

    /** The first VMA with vm_end > addr, from a TreeMap keyed by vm_end. */
    @Benchmark
    public Map.Entry<Long, Long> treeMapHigherEntry() {
        return byEnd.higherEntry(probes[j++ & 4095]);
    }

    @Benchmark
    public long unmappedAreaTopdown() {
        long len = Const.PAGE_SIZE * (1 + (j++ & 15));
        return mm.topdown(len, Const.PAGE_SIZE, BenchLayouts.BASE + 2L * n * BenchLayouts.SLOT);
    }

    /** The same search as a linear scan of the gaps, highest first. */
    @Benchmark
    public long linearScanTopdown(Blackhole bh) {
        long len = Const.PAGE_SIZE * (1 + (j++ & 15));
        long high = BenchLayouts.BASE + 2L * n * BenchLayouts.SLOT;
        long hl = high - len;
        long prevStart = -1;
        for (Map.Entry<Long, Long> e : byStart.descendingMap().entrySet()) {
            long ge = prevStart;
            long gs = e.getValue();
            prevStart = e.getKey();
            if (ge != -1 && Long.compareUnsigned(gs, hl) <= 0 && ge - gs >= len) {
                return Math.min(ge, high) - len;
            }
        }
        return -12;
    }
}
