package org.vmalab.explore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vmalab.engine.Scenario;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.explore.Stats;
import org.vmalab.lesson.LessonLoader;

/**
 * The explorer's scaling with a warm JIT (issue 15, goal 4; a bench main on the test class path, not a test): one part
 * of a lesson searched WARM times to warm up, then ROUNDS rounds alternating one and two workers, in one JVM. Each
 * line: the search's wall time, the workers' CPU time, the result's assembly after the search (shortest schedules, the
 * mapping back over the orbits), and the load average. With a cold JVM a search of a few seconds shares the second core
 * with the compiler; here it does not.
 * <pre>{@code
 * java -cp <test class path> org.vmalab.explore.bench.WarmScalingBench LESSON PART ROUNDS [WARM] [--no-symmetry]
 * }</pre>
 */
public final class WarmScalingBench {
    private WarmScalingBench() {
    }

    public static void main(String[] args) throws Exception {
        Scenario sc = LessonLoader.load(Path.of(args[0])).parts().get(Integer.parseInt(args[1]) - 1).scenario();
        int rounds = Integer.parseInt(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        boolean symmetry = !(args.length > 4 && args[4].equals("--no-symmetry"));
        ExploreOptions o = ExploreOptions.defaults().withSymmetry(symmetry);
        for (int i = 0; i < warm; i++) {
            line("warm", 1, sc, o.withThreads(1 + i % 2));
        }
        for (int r = 1; r <= rounds; r++) {
            for (int w : new int[] {1, 2}) {
                line("r" + r, r, sc, o.withThreads(w));
            }
        }
    }

    private static void line(String tag, int r, Scenario sc, ExploreOptions o) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.gc();
        long t0 = System.nanoTime();
        ExploreResult res = Explorer.run(sc, o);
        long t1 = System.nanoTime();
        Stats s = res.stats();
        System.out.printf(Locale.ROOT, "%s workers=%d symmetry=%s load=%s transitions=%d distinct=%d search_ms=%.1f "
                + "worker_cpu_ms=%.1f idle_ms=%.1f result_ms=%.1f total_ms=%.1f tasks=%d%n", tag, o.workers(),
                s.symmetry(), load, s.states(), s.distinctStates(), s.elapsedNanos() / 1e6, s.workerCpuNanos() / 1e6,
                s.workerIdleNanos() / 1e6, (t1 - t0 - s.elapsedNanos()) / 1e6, (t1 - t0) / 1e6, s.tasks());
    }
}
