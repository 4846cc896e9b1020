package org.vmalab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepSceneBuilder;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Frame time of the window while it animates steps, measured with a pulse listener in headless software
 * rendering (a bench main, not a unit test). Part 1: a 200-VMA tree, each step animated in turn; the time
 * between pulses is the frame time, because {@code javafx.animation.fullspeed} lets pulses run back to back.
 * Part 2: a 2,000-VMA tree, panned across at full zoom and at the overview zoom.
 *
 * <p>Run with the test class path and {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw -Dheadless.geometry=1600x1000-32 -Djavafx.animation.fullspeed=true}.
 */
public final class FrameBench {
    private FrameBench() {
    }

    /** {@code n} VMAs of 1-8 pages with gaps of 0-15 pages; T1 faults speculatively, T2 unmaps and maps. */
    static Scenario scenario(int n) {
        List<VmaSpec> layout = new ArrayList<>();
        long addr = 0x10000000L;
        long seed = 42;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long pages = 1 + ((seed >>> 33) & 7);
            long gap = (seed >>> 40) & 15;
            addr += gap * Const.PAGE_SIZE;
            layout.add(new VmaSpec("v" + i, addr, addr + pages * Const.PAGE_SIZE, Const.VM_READ | Const.VM_WRITE,
                    false, 1 + i));
            addr += pages * Const.PAGE_SIZE;
        }
        List<Op> writer = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            VmaSpec v = layout.get(k * n / 7);
            writer.add(new Op.Munmap(v.start(), v.end()));
        }
        for (int k = 0; k < 4; k++) {
            VmaSpec v = layout.get(k * n / 7 + 3);
            writer.add(new Op.Munmap(v.start(), v.end()));
            writer.add(new Op.Map("n" + k, v.start(), v.end(), Const.VM_READ | Const.VM_WRITE, false, 0));
        }
        VmaSpec target = layout.get(n / 2 + 1);
        List<ThreadSpec> threads = List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(target.start(), false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, writer));
        return Scenario.of(n + " VMAs: a speculative fault races munmap and map", layout, threads, Protection.PATCH);
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", prism " + System.getProperty("prism.order") + ", glass "
                + System.getProperty("glass.platform") + ", " + java.time.LocalDate.now() + ", load " + load());
        animate(200, steps);
        if (!Boolean.getBoolean("bench.noPan")) {
            pan(2000);
        }
        System.out.println("load at the end " + load());
        Platform.exit();
    }

    /** Animates {@code steps} forward steps of the n-VMA scenario and reports the frame times. */
    static void animate(int n, int steps) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> frames = new ArrayList<>();
        List<Long> draws = new ArrayList<>();
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
            Stage stage = new Stage();
            stage.setScene(scene);
            v.selectTheme(MainView.Theme.LIGHT);
            stage.show();
            p.load(Playable.of(scenario(n)));
            if (Boolean.getBoolean("bench.treeOnly")) {
                // the tree canvas alone, same size as in the window: what the rest of the window costs
                javafx.scene.layout.StackPane alone = new javafx.scene.layout.StackPane();
                alone.getChildren().add(v.palette().node());
                TreeCanvas t = v.tree();
                ((javafx.scene.layout.Pane) t.getParent()).getChildren().remove(t);
                t.setMaxSize(1024, 620);
                alone.getChildren().add(t);
                scene.setRoot(alone);
            }
            p.seek(firstTreeStep(p) - 1);
            v.tree().setDrawListener(draws::add);
            long[] last = {0};
            int[] left = {steps};
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (v.tree().animating() && last[0] != 0) {
                    frames.add(now - last[0]);
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
                        stage.close();
                        done.countDown();
                        return;
                    }
                    draws.clear();
                    p.stepForward();
                    last[0] = 0;
                }
            }.start();
        });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("bench timed out");
        }
        report(n + "-VMA tree, " + steps + " animated steps: frame time (pulse to pulse)", frames);
        report(n + "-VMA tree: tree canvas draw time per frame (last step)", draws);
    }

    private static int firstTreeStep(Player p) {
        for (int i = 1; i <= p.size(); i++) {
            if (p.trace().step(i).loc().name().startsWith("RB_") || p.trace().step(i).loc().name().startsWith(
                    "DETACH")) {
                return Math.max(1, i - 10);
            }
        }
        return 1;
    }

    /** A big tree: scene build time, then panning at a readable zoom and at the overview zoom. */
    static void pan(int n) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> frames = new ArrayList<>();
        long[] build = new long[3];
        Platform.runLater(() -> {
            /* the window first, so that it receives the loaded tree (a view made after the load shows nothing) */
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            v.applyTheme(MainView.Theme.LIGHT);
            long t0 = System.nanoTime();
            p.load(Playable.of(scenario(n)));
            build[0] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            p.seek(p.size() / 2);
            build[1] = System.nanoTime() - t1;
            long t2 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                StepSceneBuilder.build(p.trace(), p.trace().cursor().seek(p.size() / 2), null);
            }
            build[2] = (System.nanoTime() - t2) / 20;
            if (v.tree().shownNodes() == 0) {
                throw new IllegalStateException("the tree view shows no node: the bench would time an empty canvas");
            }
            long[] last = {0};
            int[] frame = {0};
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (last[0] != 0 && frame[0] > 2) {
                    frames.add(now - last[0]);
                }
                last[0] = now;
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int f = frame[0]++;
                    if (f == 120) {
                        v.tree().zoomBy(0.05);
                    }
                    if (f >= 240) {
                        stop();
                        stage.close();
                        done.countDown();
                        return;
                    }
                    v.tree().panBy(f < 120 ? -60 : -4, 0);
                }
            }.start();
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("pan bench timed out");
        }
        System.out.printf(Locale.ROOT, "%d-VMA tree: engine run %.0f ms, seek to the middle %.1f ms, scene build "
                + "%.1f ms%n", n, build[0] / 1e6, build[1] / 1e6, build[2] / 1e6);
        report(n + "-VMA tree: frame time while panning (120 frames near, 120 at overview zoom)", frames);
    }

    /** The 1-minute load average (other processes share the cpus), or "?". */
    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    static void report(String what, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.println(what + ": no frames");
            return;
        }
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f ms p95=%.2f ms max=%.2f ms%n", what, a.length,
                a[a.length / 2] / 1e6, a[(int) Math.min(a.length - 1, Math.ceil(a.length * 0.95) - 1)] / 1e6,
                a[a.length - 1] / 1e6);
    }
}
