package org.vmalab.engine.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A transition's cost with a warm JIT, two builds in one JVM (each in a class loader of its own) searching in turn: the
 * old and the new build's searches alternate (old, new, new, old, ...), so that a shared machine's load swings touch
 * both alike, and each pair gives a ratio. Each build runs {@link EngineShareBench#once} compiled against its classes.
 * Prints one line per measured search in {@code bench/engine-ab.sh}'s form, then the median of the pairs' new/old
 * ratios of the worker's CPU time. A bench main on the test class path, not a test; {@code bench/engine-pair.sh} runs
 * it: {@code java -cp <this class> org.vmalab.engine.bench.EnginePairBench LESSON PART ROUNDS WARM sym|--no-symmetry
 * OLD_CP NEW_CP} (each CP: the compiled EngineShareBench, the build's classes, the dependencies).
 */
public final class EnginePairBench {
    private EnginePairBench() {
    }

    public static void main(String[] args) throws Exception {
        String lesson = args[0];
        int part = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int warm = Integer.parseInt(args[3]);
        boolean symmetry = !args[4].equals("--no-symmetry");
        Method[] once = {once(args[5]), once(args[6])};
        String[] tags = {"old", "new"};
        for (int w = 0; w < warm; w++) {
            for (Method m : once) {
                m.invoke(null, lesson, part, symmetry);
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] cpu = new double[2];
            /* old first in even rounds, new first in odd ones */
            for (int k = 0; k < 2; k++) {
                int b = (r + k) % 2;
                String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                System.gc();
                long[] s = (long[]) once[b].invoke(null, lesson, part, symmetry);
                cpu[b] = s[1] / 1e6;
                System.out.printf(Locale.ROOT, "%s r%d symmetry=%s load=%s transitions=%d worker_cpu_ms=%.1f "
                        + "transitions_per_cpu_s=%.0f%n", tags[b], r + 1, symmetry, load, s[0], cpu[b],
                        s[0] / (s[1] / 1e9));
            }
            ratios[r] = cpu[1] / cpu[0];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "# new/old worker CPU, median of %d pairs: %.3f (%.3f-%.3f)%n", rounds,
                ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
    }

    private static Method once(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classPath.split(":")) {
            if (!p.isEmpty()) {
                urls.add(Paths.get(p).toUri().toURL());
            }
        }
        ClassLoader l = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        return l.loadClass("org.vmalab.engine.bench.EngineShareBench").getMethod("once", String.class, int.class,
                boolean.class);
    }
}
