package org.vmalab.engine.bench;

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
 * A transition's cost with a warm JIT (issue 15, goal 4, the engine's share; a bench main on the test class path, not a
 * test): one part of a lesson searched by one worker WARM times, then ROUNDS more, in one JVM; each measured search
 * prints the workers' CPU time and the transitions a second of it. {@code bench/engine-ab.sh} compiles it against an
 * old and a new build and runs them alternately.
 * {@code java -cp <class path> org.vmalab.engine.bench.EngineShareBench LESSON PART ROUNDS WARM [--no-symmetry] [TAG]}
 */
public final class EngineShareBench {
    private EngineShareBench() {
    }

    public static void main(String[] args) throws Exception {
        Scenario sc = LessonLoader.load(Path.of(args[0])).parts().get(Integer.parseInt(args[1]) - 1).scenario();
        int rounds = Integer.parseInt(args[2]);
        int warm = Integer.parseInt(args[3]);
        boolean symmetry = !(args.length > 4 && args[4].equals("--no-symmetry"));
        String tag = args.length > 5 ? args[5] : "";
        for (int r = 0; r < warm + rounds; r++) {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            System.gc();
            Stats s = search(sc, symmetry);
            if (r >= warm) {
                System.out.printf(Locale.ROOT, "%s r%d symmetry=%s load=%s transitions=%d worker_cpu_ms=%.1f "
                        + "transitions_per_cpu_s=%.0f%n", tag, r - warm + 1, symmetry, load, s.states(),
                        s.workerCpuNanos() / 1e6, s.states() / (s.workerCpuNanos() / 1e9));
            }
        }
    }

    private static Stats search(Scenario sc, boolean symmetry) {
        ExploreResult res = Explorer.run(sc, ExploreOptions.defaults().withSymmetry(symmetry).withThreads(1));
        return res.stats();
    }

    /**
     * One search of part {@code part} of {@code lesson} by one worker: its transitions and the worker's CPU nanoseconds
     * ({@link EnginePairBench} calls it in each build's class loader).
     */
    public static long[] once(String lesson, int part, boolean symmetry) throws Exception {
        Scenario sc = LessonLoader.load(Path.of(lesson)).parts().get(part - 1).scenario();
        Stats s = search(sc, symmetry);
        return new long[] {s.states(), s.workerCpuNanos()};
    }
}
