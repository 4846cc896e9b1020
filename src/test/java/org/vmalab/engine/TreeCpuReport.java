package org.vmalab.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.vmalab.engine.bench.TreeOpsBenchAccess;

/**
 * The tree benchmarks of {@link TreeCoreBench} and {@code bench.TreeOpsBench}, timed by the thread's CPU time
 * instead of the clock, in alternating blocks (the engine's operation, then TreeMap's, again and again): on a machine
 * shared by
 * many builds a thread waits for a core much of the time, which a clock counts and CPU time does not. Prints, per size,
 * the median ns per operation of each side and the median of the per-block ratios. Run:
 * {@code java -cp <test class path> org.vmalab.engine.TreeCpuReport [blocks] [ops per block]}.
 */
public final class TreeCpuReport {
    private TreeCpuReport() {
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        for (int n : new int[] {1000, 65530}) {
            TreeCoreBench core = new TreeCoreBench();
            core.n = n;
            core.setup();
            report("vmaLinkUnlink / TreeMap put+remove", n, blocks, ops, tm, core::vmaLinkUnlink,
                    () -> core.treeMapPutRemove() == null ? 0 : 1);
            TreeOpsBenchAccess.Ops t = TreeOpsBenchAccess.create(n);
            report("shell map+munmap / TreeMap put+remove", n, blocks, ops, tm, t.mapUnmap(), t.treeMapPutRemove());
        }
    }

    static void report(String what, int n, int blocks, int ops, ThreadMXBean tm, LongSupplier a, LongSupplier b) {
        long sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += run(a, ops) + run(b, ops);
        }
        double[] ta = new double[blocks];
        double[] tb = new double[blocks];
        double[] r = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            long c0 = tm.getCurrentThreadCpuTime();
            sink += run(a, ops);
            long c1 = tm.getCurrentThreadCpuTime();
            sink += run(b, ops);
            long c2 = tm.getCurrentThreadCpuTime();
            ta[k] = (c1 - c0) / (double) ops;
            tb[k] = (c2 - c1) / (double) ops;
            r[k] = ta[k] / tb[k];
        }
        System.out.printf("%-40s n=%6d  %8.1f ns  %8.1f ns  ratio %.2f (blocks %d x %d ops, CPU time)%s%n", what, n,
                median(ta), median(tb), median(r), blocks, ops, sink == 42 ? " " : "");
    }

    static long run(LongSupplier s, int ops) {
        long x = 0;
        for (int i = 0; i < ops; i++) {
            x += s.getAsLong();
        }
        return x;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
