package org.vmalab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;

/**
 * One recorded {@code munmap} over every VMA of a large layout (the shape of an imported 65,530-VMA maps file:
 * one-page VMAs, anonymous and file-backed in turn, one page apart), with the checker on (what the window and
 * {@code render} run). Prints the time of {@code Engine.run}, the steps, and the heap in use after it. Run with the
 * heap the limit allows:
 * {@code java -Xmx256m -cp <test class path> org.vmalab.engine.bench.LargeMunmapReport 65530 [bound] [runs]}.
 */
public final class LargeMunmapReport {
    private LargeMunmapReport() {
    }

    /** {@code n} one-page VMAs from 0x10000000, one page apart, and one thread unmapping all of them. */
    public static Scenario scenario(int n) {
        List<VmaSpec> layout = new ArrayList<>(n);
        long base = 0x10000000L;
        for (int i = 0; i < n; i++) {
            long s = base + i * 0x2000L;
            boolean file = i % 3 != 0;
            layout.add(new VmaSpec((file ? "libx" + i + ".so" : "[anon]~" + i), s, s + 0x1000, Scenarios.RW, file,
                    file ? 0 : i + 1));
        }
        long end = base + n * 0x2000L;
        return Scenario.of("munmap over " + n + " VMAs", layout, List.of(new ThreadSpec("T1",
                ThreadSpec.Role.WRITER, List.of(new Op.Munmap(base, end)))), Protection.PATCH);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 65530;
        int bound = args.length > 1 ? Integer.parseInt(args[1]) : Schedule.DEFAULT_BOUND;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Scenario sc = scenario(n);
        for (int r = 0; r < runs; r++) {
            System.gc();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Trace t = Engine.run(sc, Schedule.roundRobin().withBound(bound), CheckLevel.FULL);
            long ns = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - c0;
            long pcpu = os.getProcessCpuTime() - p0;
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf("n=%d bound=%d run=%d: %.0f ms wall, %.0f ms CPU (this thread), %.0f ms CPU (process),"
                    + " %d steps, outcome %s, violations %d, heap in use %d MB (of %d MB max)%n", n, bound, r,
                    ns / 1e6, cpu / 1e6, pcpu / 1e6, t.size(), t.outcome(), t.violations().size(), used >> 20,
                    rt.maxMemory() >> 20);
            System.gc();
            System.out.printf("  live after a full GC, the trace kept: %d MB%n", 
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            if (System.getProperty("bench.histo") != null) {
                try {
                    new ProcessBuilder("jmap", "-histo:live", "" + ProcessHandle.current().pid()).inheritIO().start()
                            .waitFor();
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            t.size();
        }
    }
}
