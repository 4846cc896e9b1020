package org.vmalab.explore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Scenario;
import org.vmalab.lesson.LessonLoader;

/**
 * The result's assembly after a search (issue 15, goal 4; a bench main on the test class path, not a test): one part
 * of a lesson searched once, then the shortest schedules' graph ({@link Graph#build}) and the whole assembly
 * ({@link Results#build}: the graph, the mapping back over the orbits, the replays) made ROUNDS times each over the
 * same kept transitions: the graph on one thread, in that thread's CPU time; the whole assembly as a search with
 * WORKERS workers makes it (with 2, two threads number the graph's states), in the process's CPU time and wall time.
 * {@code java -cp <test class path> org.vmalab.explore.AssemblyBench LESSON PART ROUNDS [WORKERS] [--no-symmetry]}
 */
public final class AssemblyBench {
    private AssemblyBench() {
    }

    public static void main(String[] args) throws Exception {
        Scenario sc = LessonLoader.load(Path.of(args[0])).parts().get(Integer.parseInt(args[1]) - 1).scenario();
        int rounds = Integer.parseInt(args[2]);
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean symmetry = !(args.length > 4 && args[4].equals("--no-symmetry"));
        ExploreOptions o = ExploreOptions.defaults().withSymmetry(symmetry).withThreads(workers);
        Exploration x = new Exploration(sc, o, ProgressListener.NONE);
        x.start();
        ExploreResult first = x.join();
        Search s = x.search();
        long kept = 0;
        for (EdgeBuffer b : s.buffers) {
            kept += b.n;
        }
        System.out.printf(Locale.ROOT, "searched: %,d transitions, %,d distinct, %,d kept, graph complete %b%n",
                first.stats().states(), first.stats().distinctStates(), kept, s.graphComplete);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 1; r <= rounds; r++) {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            System.gc();
            long c0 = mx.getCurrentThreadCpuTime();
            Graph g = Graph.build(s.rootFp, s.buffers, first.stats().distinctStates());
            long c1 = mx.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            long w1 = System.nanoTime();
            Results.build(s, 0, List.of());
            long p2 = os.getProcessCpuTime();
            long w2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "r%d load=%s graph_cpu_ms=%.1f assembly_cpu_ms=%.1f assembly_ms=%.1f "
                    + "reached=%d%n", r, load, (c1 - c0) / 1e6, (p2 - p1) / 1e6, (w2 - w1) / 1e6,
                    g == null ? -1 : g.distance(s.rootFp));
        }
    }
}
