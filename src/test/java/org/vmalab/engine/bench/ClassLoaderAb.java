package org.vmalab.engine.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Two builds' tree operations in one JVM, each build in a class loader of its own, in blocks that alternate with each
 * other and with TreeMap's put + remove, timed by the thread's CPU time: an A/B of two variants that a shared machine's
 * load swings affect alike (both run in the same seconds, on the same core). Prints per operation and size the median
 * ns of each side and their ratio. A tool for choosing between variants (the class-path order matters a little: run
 * it both ways round); the figures reported in docs/PERFORMANCE.md are {@code bench/cpu-ab.sh}'s. Run:
 * {@code java -cp <test class path> org.vmalab.engine.bench.ClassLoaderAb A_CP B_CP BLOCKS OPS core,shell 1000,65530},
 * where A_CP and B_CP are full class paths of the two builds (their {@code target/test-classes},
 * {@code target/classes} and dependencies).
 */
public final class ClassLoaderAb {
    private ClassLoaderAb() {
    }

    public static void main(String[] args) throws Throwable {
        int blocks = Integer.parseInt(args[2]);
        int ops = Integer.parseInt(args[3]);
        String[] what = (args.length > 4 ? args[4] : "core,shell").split(",");
        int[] sizes = Arrays.stream((args.length > 5 ? args[5] : "1000,65530").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        ClassLoader[] loaders = {loader(args[0]), loader(args[1])};
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        for (int n : sizes) {
            for (String w : what) {
                LongSupplier[] s = {op(loaders[0], w, n), op(loaders[1], w, n), treeMap(n)};
                double[][] t = new double[3][blocks];
                long sink = 0;
                for (int k = 0; k < 4; k++) {
                    for (LongSupplier x : s) {
                        sink += run(x, ops);
                    }
                }
                for (int b = 0; b < blocks; b++) {
                    for (int i = 0; i < 3; i++) {
                        int j = (b + i) % 3;
                        long c0 = tm.getCurrentThreadCpuTime();
                        sink += run(s[j], ops);
                        t[j][b] = (tm.getCurrentThreadCpuTime() - c0) / (double) ops;
                    }
                }
                double a = median(t[0]);
                double bb = median(t[1]);
                double m = median(t[2]);
                System.out.printf(Locale.ROOT, "%-5s n=%6d  A %7.1f ns  B %7.1f ns  TreeMap %7.1f ns  B/A %.3f  "
                        + "A/TreeMap %.2f  B/TreeMap %.2f%s%n", w, n, a, bb, m, bb / a, a / m, bb / m,
                        sink == 42 ? " " : "");
            }
        }
    }

    private static ClassLoader loader(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classPath.split(":")) {
            if (!p.isEmpty()) {
                urls.add(Paths.get(p).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** The build's {@code TreeCoreBench.vmaLinkUnlink} ("core") or {@code TreeOpsBench.vmaMapUnmap} ("shell"). */
    private static LongSupplier op(ClassLoader l, String what, int n) throws Throwable {
        if (what.equals("shell")) {
            Class<?> access = l.loadClass("org.vmalab.engine.bench.TreeOpsBenchAccess");
            Object ops = access.getMethod("create", int.class).invoke(null, n);
            return (LongSupplier) ops.getClass().getMethod("mapUnmap").invoke(ops);
        }
        Class<?> c = l.loadClass("org.vmalab.engine.TreeCoreBench");
        Object bench = c.getConstructor().newInstance();
        java.lang.reflect.Field size = c.getDeclaredField("n");
        size.setAccessible(true);
        size.setInt(bench, n);
        c.getMethod("setup").invoke(bench);
        MethodHandle h = MethodHandles.publicLookup().findVirtual(c, "vmaLinkUnlink", MethodType.methodType(long.class))
                .bindTo(bench);
        return () -> {
            try {
                return (long) h.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** TreeMap's put + remove on {@code TreeCoreBench}'s keys. */
    private static LongSupplier treeMap(int n) {
        long[] slots = new long[4 * n];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        SplittableRandom r = new SplittableRandom(42);
        for (int i = slots.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long x = slots[i];
            slots[i] = slots[j];
            slots[j] = x;
        }
        TreeMap<Long, Long> map = new TreeMap<>(Long::compareUnsigned);
        for (int i = 0; i < n; i++) {
            map.put(BenchLayouts.start(slots[i]), 0L);
        }
        long[] free = Arrays.copyOfRange(slots, n, slots.length);
        int[] next = {0};
        return () -> {
            long s = BenchLayouts.start(free[next[0]++ % free.length]);
            map.put(s, 0L);
            return map.remove(s) == null ? 0 : 1;
        };
    }

    private static long run(LongSupplier s, int ops) {
        long x = 0;
        for (int i = 0; i < ops; i++) {
            x += s.getAsLong();
        }
        return x;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
