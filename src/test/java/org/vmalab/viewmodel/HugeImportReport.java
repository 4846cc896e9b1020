package org.vmalab.viewmodel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;
import org.vmalab.imports.MapsImporter;

/**
 * What the window does before it draws an imported layout, headless and in CPU time (issue 15, a bench main on
 * the test class path, not a test): read the maps file, run the engine (the layout linked, the full checks),
 * build the first scene, its overview's walk tree and its strip's layout.
 * {@code java -cp <test class path> org.vmalab.viewmodel.HugeImportReport FILE N ROUNDS}.
 */
public final class HugeImportReport {
    private HugeImportReport() {
    }

    /** CPU time of the whole JVM, in ns (the collector's threads too). */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The collectors' time so far, in ms. */
    static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int max = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long p0 = processCpu();
            long g0 = gcMillis();
            long c0 = mx.getCurrentThreadCpuTime();
            MapsImporter.Result res = MapsImporter.read(file, false, max, MapsImporter.LineProgress.NONE);
            long c1 = mx.getCurrentThreadCpuTime();
            Scenario sc = MapsImporter.scenario(res);
            Trace t = Engine.run(sc, Schedule.roundRobin(), CheckLevel.FULL);
            long c2 = mx.getCurrentThreadCpuTime();
            StepScene scene = StepSceneBuilder.build(t, t.cursor(), Narration.NONE);
            // what the window makes of it before its first frame: the overview's walk tree, the strip's layout
            Overview.treeOf(scene);
            StripLayout.of(scene.strip(), StripLayout.Scale.LOG, 1400);
            long c3 = mx.getCurrentThreadCpuTime();
            long p1 = processCpu();
            long g1 = gcMillis();
            System.out.printf(Locale.ROOT, "round %d: %,d VMAs, %,d scene nodes: CPU read %.0f ms, engine %.0f ms,"
                    + " scene %.0f ms, total %.0f ms; the JVM's CPU %.0f ms, the collections' pauses %d ms%n", r + 1,
                    res.vmas().size(), scene.nodes().size(), (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6,
                    (c3 - c0) / 1e6, (p1 - p0) / 1e6, g1 - g0);
        }
    }
}
