package org.vmalab.explore;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.vmalab.engine.Scenario;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/**
 * The visited table on a lesson (issue 15, a bench main on the test class path, not a test): each part searched
 * with the compact table and with the wide one (the layout before this round), alternating, with 1 and 2 workers;
 * bytes of the table per distinct state, transitions per CPU second of the process, wall time.
 * {@code java -Xmx6g -cp <test class path> org.vmalab.explore.TableReport lessons/16-fairness-and-cost.yaml ROUNDS
 * [--no-symmetry]} (the symmetry reduction is on by default: its distinct states are orbits).
 */
public final class TableReport {
    private TableReport() {
    }

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = Integer.parseInt(args[1]);
        boolean symmetry = !(args.length > 2 && args[2].equals("--no-symmetry"));
        var lesson = LessonLoader.load(Path.of(args[0]));
        System.out.println("load " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        for (int r = 1; r <= rounds; r++) {
            for (int workers : new int[] {1, 2}) {
                for (boolean compact : new boolean[] {true, false}) {
                    int pn = 0;
                    for (Part part : lesson.parts()) {
                        pn++;
                        Scenario sc = part.scenario();
                        ExploreOptions o = ExploreOptions.defaults().withThreads(workers).withSymmetry(symmetry);
                        System.gc();
                        long c0 = os.getProcessCpuTime();
                        long w0 = System.nanoTime();
                        Exploration x = new Exploration(sc, o, ProgressListener.NONE, compact);
                        x.start();
                        ExploreResult res = x.join();
                        long w1 = System.nanoTime();
                        long c1 = os.getProcessCpuTime();
                        StateTable t = x.search().table;
                        double cpu = (c1 - c0) / 1e9;
                        System.out.printf(Locale.ROOT, "round %d, %d worker(s), %s table, part %d: %s, %,d transitions,"
                                + " %,d distinct, table %,d bytes = %.1f bytes a distinct state, CPU %.1f s (%.0f"
                                + " transitions a CPU second), wall %.1f s, load %s%n", r, workers,
                                compact ? "compact" : "wide", pn, res.verdict(), res.stats().states(),
                                res.stats().distinctStates(), t.bytes(), t.bytes() / (double) t.size(), cpu,
                                res.stats().states() / cpu, (w1 - w0) / 1e9,
                                java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                    }
                }
            }
        }
    }
}
