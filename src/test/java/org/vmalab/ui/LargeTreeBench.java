package org.vmalab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vmalab.imports.MapsImporter;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Large address spaces in the window (issue 7), a bench main on the test class path, not a unit test. Headless
 * software rendering as {@link FrameBench}: {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw -Dheadless.geometry=1600x1000-32 -Djavafx.animation.fullspeed=true}.
 *
 * <ol>
 * <li>Import plus first frame for 1,000, 10,000 and 65,530 VMAs: a synthetic maps file is read and parsed, the
 * engine builds the tree and the player its scene (on the FX thread here, off it in the window), the window lays
 * out and draws its first frame (the overview for the two large ones). Cold (first) and warm (median of 3).</li>
 * <li>Panning the 65,530-VMA tree: 120 frames at the overview's zoom, then (after opening the summaries on the way
 * to one VMA and zooming to 100%) 120 frames readable; pulse to pulse.</li>
 * <li>Step animation on a 65,530-VMA tree with threads (FrameBench's scenario), zoomed in to 100%.</li>
 * </ol>
 */
public final class LargeTreeBench {
    /** {@code -Dbench.maxMapCount=N}: the imports read up to N VMAs (issue 15: 1,048,576). */
    static final int MAX_MAP_COUNT = Integer.getInteger("bench.maxMapCount", org.vmalab.engine.Const.MAX_MAP_COUNT);

    private LargeTreeBench() {
    }

    /** {@code -Dbench.sizes=1000,10000,65530} (the default): the layouts imported; the last one is panned. */
    static int[] sizes() {
        String[] f = System.getProperty("bench.sizes", "1000,10000,65530").split(",");
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Integer.parseInt(f[i].strip());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", prism " + System.getProperty("prism.order") + ", "
                + java.time.LocalDate.now() + ", load " + FrameBench.load());
        Path dir = Files.createTempDirectory("vmalab-bench");
        int[] sizes = sizes();
        boolean windowOnly = Boolean.getBoolean("bench.windowImportOnly");
        for (int n : sizes) {
            Path f = SyntheticMaps.write(dir, n);
            if (windowOnly) {
                continue;
            }
            List<double[]> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(importAndFirstFrame(f));
            }
            double[] cold = runs.get(0);
            double[] warm = median(runs.subList(1, runs.size()));
            System.out.printf(Locale.ROOT, "%,d VMAs (%,d bytes): cold read %.0f ms, load %.0f ms, first frame %.0f ms,"
                    + " total %.0f ms | warm read %.0f ms, load %.0f ms, first frame %.0f ms, total %.0f ms%n", n,
                    Files.size(f), cold[0], cold[1], cold[2], cold[0] + cold[1] + cold[2], warm[0], warm[1], warm[2],
                    warm[0] + warm[1] + warm[2]);
        }
        if (windowOnly || Boolean.getBoolean("bench.windowImport")) {
            // the window's own path, in a fresh JVM's first import (cold) and three more (warm)
            for (int n : sizes) {
                Path f = dir.resolve("synthetic-" + n + ".maps");
                List<double[]> runs = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    runs.add(importInWindow(f, n));
                }
                double[] cold = runs.get(0);
                double[] warm = median(runs.subList(1, runs.size()));
                System.out.printf(Locale.ROOT, "%,d VMAs, the window's File > Import maps: cold read %.0f ms, engine "
                        + "and scene %.0f ms, window to its first frame %.0f ms, total %.0f ms (FX thread CPU %.0f ms) "
                        + "| warm %.0f / %.0f / %.0f ms, total %.0f ms (FX thread CPU %.0f ms)%n", n, cold[0], cold[1],
                        cold[2], cold[0] + cold[1] + cold[2], cold[3], warm[0], warm[1], warm[2],
                        warm[0] + warm[1] + warm[2], warm[3]);
                System.out.printf(Locale.ROOT, "  the JVM's CPU (every thread, the collector's too) and the "
                        + "collections' pauses from the call to the first frame: cold %.0f ms CPU, %.0f ms paused in "
                        + "%.0f"
                        + " | each import: %s; the heap in use with the window shown, after a full collection: "
                        + "%s MB%n", cold[4], cold[5], cold[6], runs.stream().map(x -> String.format(Locale.ROOT,
                        "%.0f/%.0f/%.0f ms", x[0] + x[1] + x[2], x[4], x[5])).toList(), runs.stream().map(x ->
                        String.format(Locale.ROOT, "%.0f", x[7])).toList());
            }
        }
        if (!windowOnly) {
            pan(dir.resolve("synthetic-" + sizes[sizes.length - 1] + ".maps"));
        }
        if (!windowOnly && !Boolean.getBoolean("bench.noSteps")) {
            steps(65530, args.length > 0 ? Integer.parseInt(args[0]) : 40);
        }
        System.out.println("load at the end " + FrameBench.load());
        Platform.exit();
    }

    /**
     * The window's own File > Import maps, as a user meets it ({@code MapsImport.importFile}: the file read on the
     * import thread, the engine run and the scene on the player's, the rest on the FX thread), in wall time from the
     * call to the first frame that draws the imported tree: the read (until the player starts its run), the engine
     * and the scene (until the player installs the run), the window (until the pulse that lays out and draws the
     * tree), and the FX thread's CPU time over all of it.
     */
    static double[] importInWindow(Path file, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        double[] out = new double[8];
        long[] at = new long[4];
        long[] fxCpu = new long[1];
        long[] jvm = new long[3];
        Throwable[] err = new Throwable[1];
        Platform.runLater(() -> {
            try {
                Player p = new Player(new FxTaskRunner());
                MainView v = new MainView(p);
                javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
                Stage stage = new Stage();
                stage.setScene(scene);
                v.selectTheme(MainView.Theme.LIGHT);
                stage.show();
                v.applyCss();
                v.layout();
                p.addListener(pl -> {
                    if (at[1] == 0 && pl.busy()) {
                        at[1] = System.nanoTime();
                    }
                    if (at[2] == 0 && pl.trace() != null && pl.trace().vmaCount() == n) {
                        at[2] = System.nanoTime();
                    }
                });
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    if (at[2] != 0 && v.tree().shownFrame() != null) {
                        at[3] = System.nanoTime();
                        out[3] = (cpu() - fxCpu[0]) / 1e6;
                        out[4] = (processCpu() - jvm[0]) / 1e6;
                        out[5] = gcMillis() - jvm[1];
                        out[6] = gcCount() - jvm[2];
                        scene.removePostLayoutPulseListener(listener[0]);
                        Platform.runLater(() -> {
                            // what the window with its imported tree keeps alive, after a full collection
                            System.gc();
                            out[7] = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                                    .getUsed() / 1e6;
                            if (Boolean.getBoolean("bench.histogram")) {
                                histogram();
                            }
                            stage.close();
                            release(v);
                            done.countDown();
                        });
                    }
                };
                scene.addPostLayoutPulseListener(listener[0]);
                // the window shown and settled first (its own CSS and layout), as a user's window is before an import
                int[] pulses = {0};
                Runnable[] settled = new Runnable[1];
                settled[0] = () -> {
                    if (++pulses[0] == 3) {
                        scene.removePostLayoutPulseListener(settled[0]);
                        Platform.runLater(() -> {
                            fxCpu[0] = cpu();
                            jvm[0] = processCpu();
                            jvm[1] = gcMillis();
                            jvm[2] = gcCount();
                            at[0] = System.nanoTime();
                            v.classroom().imports().importFile(file);
                        });
                    } else {
                        Platform.requestNextPulse();
                    }
                };
                scene.addPostLayoutPulseListener(settled[0]);
                Platform.requestNextPulse();
            } catch (Exception e) {
                err[0] = e;
                done.countDown();
            }
        });
        awaitFx(done, err, "window import bench");
        out[0] = (at[1] - at[0]) / 1e6;
        out[1] = (at[2] - at[1]) / 1e6;
        out[2] = (at[3] - at[2]) / 1e6;
        return out;
    }

    /**
     * Lets a closed window go: its playback ticker (an animation timer, which the toolkit holds) and the timer that
     * hides its import's status line are stopped, so that the window, its player and their scenes of a million nodes
     * are garbage before the next import.
     */
    static void release(MainView v) {
        try {
            java.lang.reflect.Field f = MainView.class.getDeclaredField("ticker");
            f.setAccessible(true);
            ((AnimationTimer) f.get(v)).stop();
            // the import's status line hides itself after 10 s: a transition the toolkit holds until then
            java.lang.reflect.Field h = MapsImport.class.getDeclaredField("hideInfo");
            h.setAccessible(true);
            ((javafx.animation.Animation) h.get(v.classroom().imports())).stop();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        System.gc();
    }

    /** {@code -Dbench.histogram=true}: the live objects of the project's classes and the largest others. */
    static void histogram() {
        try {
            String h = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            h.lines().limit(12).forEach(l -> System.out.println("  histogram " + l));
            h.lines().filter(l -> l.startsWith("Total")).forEach(l -> System.out.println("  histogram " + l));
            h.lines().filter(l -> l.contains("org.vmalab")).limit(40).forEach(l -> System.out.println("  histogram "
                    + l));
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CPU time of the whole JVM, in ns (its collector's threads and its compilers too). */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The collectors' time so far, in ms (G1: the pauses of its young and mixed collections, full ones apart). */
    static long gcMillis() {
        return gc(true);
    }

    /** The collections so far. */
    static long gcCount() {
        return gc(false);
    }

    private static long gc(boolean time) {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans()) {
            t += Math.max(0, time ? b.getCollectionTime() : b.getCollectionCount());
        }
        return t;
    }

    /** CPU time of the current thread. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Each column's median over {@code runs}. */
    private static double[] median(List<double[]> runs) {
        double[] out = new double[runs.get(0).length];
        for (int k = 0; k < out.length; k++) {
            double[] v = new double[runs.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = runs.get(i)[k];
            }
            Arrays.sort(v);
            out[k] = v[v.length / 2];
        }
        return out;
    }


    /** Milliseconds: read + parse, engine run + scene, window until its first frame is laid out and drawn. */
    static double[] importAndFirstFrame(Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        double[] out = new double[3];
        Throwable[] err = new Throwable[1];
        Platform.runLater(() -> {
            try {
                Player p = new Player(TaskRunner.INLINE);
                MainView v = new MainView(p);
                javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
                Stage stage = new Stage();
                stage.setScene(scene);
                v.selectTheme(MainView.Theme.LIGHT);
                stage.show();
                v.applyCss();
                v.layout();
                long t0 = System.nanoTime();
                long c0 = cpu();
                MapsImporter.Result r = MapsImporter.read(file, false, MAX_MAP_COUNT, MapsImporter.LineProgress.NONE);
                long c1 = cpu();
                long t1 = System.nanoTime();
                // engine run, seek, scene (off the FX thread in the window), then the window's refresh
                p.load(Playable.of(MapsImporter.scenario(r)));
                long t2 = System.nanoTime();
                long c2 = cpu();
                out[0] = (t1 - t0) / 1e6;
                out[1] = (t2 - t1) / 1e6;
                System.out.printf(Locale.ROOT, "  FX thread CPU: read %.0f ms, load %.0f ms%n", (c1 - c0) / 1e6,
                        (c2 - c1) / 1e6);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    if (v.tree().shownFrame() != null) {
                        out[2] = (System.nanoTime() - t2) / 1e6;
                        scene.removePostLayoutPulseListener(listener[0]);
                        Platform.runLater(() -> {
                            stage.close();
                            release(v);
                            done.countDown();
                        });
                    }
                };
                scene.addPostLayoutPulseListener(listener[0]);
            } catch (Exception e) {
                err[0] = e;
                done.countDown();
            }
        });
        awaitFx(done, err, "import bench");
        return out;
    }

    /** Pans across the 65,530-VMA overview, then readable after opening a path; pulse-to-pulse frame times. */
    static void pan(Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> overview = new ArrayList<>();
        List<Long> readable = new ArrayList<>();
        List<Long> draws = new ArrayList<>();
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            v.selectTheme(MainView.Theme.LIGHT);
            try {
                p.load(Playable.of(MapsImporter.scenario(MapsImporter.read(file, false, MAX_MAP_COUNT,
                        MapsImporter.LineProgress.NONE))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long[] last = {0};
            int[] frame = {0};
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (last[0] != 0 && frame[0] > 2 && frame[0] <= 240) {
                    (frame[0] <= 120 ? overview : readable).add(now - last[0]);
                }
                last[0] = now;
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int f = frame[0]++;
                    if (f == 0 && p.scene() == null) {
                        System.out.println("no scene: " + p.message());
                    }
                    if (f == 120) {
                        // open the summaries on the way to a VMA in the middle, at 100%
                        v.tree().showFound(p.scene().nodes().get(p.scene().nodes().size() / 3).id());
                        v.tree().zoomBy(1 / v.tree().zoom());
                        v.tree().setDrawListener(draws::add);
                    }
                    if (f >= 241) {
                        stop();
                        System.out.printf(Locale.ROOT, "%s overview: %d items (%d summaries) at the end%n", file,
                                v.tree().overviewView().items().length, v.tree().overviewView().summaries().size());
                        stage.close();
                        done.countDown();
                        return;
                    }
                    v.tree().panBy(f < 120 ? -12 : -6, f % 40 < 20 ? 1 : -1);
                }
            }.start();
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("pan bench timed out");
        }
        String name = file.getFileName().toString();
        FrameBench.report(name + ", panning the overview (overview zoom)", overview);
        FrameBench.report(name + ", panning at 100% with a path opened", readable);
        FrameBench.report(name + ": tree canvas draw time per frame (100%)", draws);
    }

    /** Animated steps of a race on a 65,530-VMA tree, zoomed to 100% and following the step. */
    static void steps(int n, int steps) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> frames = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        long[] build = new long[1];
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
            Stage stage = new Stage();
            stage.setScene(scene);
            v.selectTheme(MainView.Theme.LIGHT);
            stage.show();
            long t0 = System.nanoTime();
            p.load(Playable.of(FrameBench.scenario(n)));
            build[0] = System.nanoTime() - t0;
            int first = 1;
            for (int i = 1; i <= p.size(); i++) {
                String loc = p.trace().step(i).loc().name();
                if (loc.startsWith("RB_") || loc.startsWith("DETACH")) {
                    first = Math.max(1, i - 10);
                    break;
                }
            }
            p.seek(first);
            v.tree().zoomBy(1 / v.tree().zoom());
            long[] last = {0};
            boolean[] firstOfStep = {false};
            int[] left = {steps};
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (v.tree().animating() && last[0] != 0) {
                    (firstOfStep[0] ? firsts : frames).add(now - last[0]);
                    firstOfStep[0] = false;
                }
                last[0] = now;
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (v.tree().animating()) {
                        return;
                    }
                    if (left[0]-- <= 0 || p.index() >= p.size()) {
                        stop();
                        System.out.printf(Locale.ROOT, "%,d-VMA race: engine run + scene %.0f ms, %d steps, overview "
                                + "%s with %d items%n", n, build[0] / 1e6, p.size(), v.tree().overviewShown(),
                                v.tree().overviewView() == null ? 0 : v.tree().overviewView().items().length);
                        stage.close();
                        done.countDown();
                        return;
                    }
                    p.stepForward();
                    firstOfStep[0] = true;
                }
            }.start();
        });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("step bench timed out");
        }
        List<Long> all = new ArrayList<>(frames);
        all.addAll(firsts);
        FrameBench.report(n + "-VMA tree, " + steps + " animated steps at 100%: every frame (pulse to pulse)", all);
        FrameBench.report(n + "-VMA tree: the first frame of each step (seek + scene build + layout)", firsts);
        FrameBench.report(n + "-VMA tree: the other frames of the animation", frames);
    }

    /** Waits up to 5 minutes for a bench run on the FX thread, and rethrows what failed there. */
    private static void awaitFx(CountDownLatch done, Throwable[] err, String what) throws InterruptedException {
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(what + " timed out");
        }
        if (err[0] != null) {
            throw new IllegalStateException(err[0]);
        }
    }
}
