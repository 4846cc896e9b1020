package org.vmalab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.TaskRunner;

/**
 * What one step costs on the FX thread on a large tree (issue 12), a bench main on the test class path, not a
 * unit test: FrameBench's race on {@code n} VMAs (default 65,530) in a 1600x1000 window; each of {@code steps}
 * forward steps is taken on the FX thread and timed from the key press to the end of the work it queued there (the
 * scene, the tree's new frame, the panels), and then to the end of the first pulse after that work (the animation
 * frame, CSS, layout and the hand-over of the canvases to the renderer: what the window draws), and the next one 450
 * ms later (playback at 2 steps/s: the scene of the next step is prepared meanwhile, off the FX thread); in wall time
 * and in the FX thread's CPU time (which a busy machine disturbs less).
 *
 * <p>A second pass takes the same steps with the window's panels updated one by one (the player's listeners
 * removed, each panel's update timed on its own, then the pulse split into the animation, CSS and layout, and the
 * rest): the breakdown per panel. Headless, shown in a Monocle window: {@code -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1600x1000-32}. Arguments: steps, VMAs.
 */
public final class StepCostBench {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    /** {@code -Dbench.detail=true}: one line per step (wall, CPU, garbage collection during it). */
    private static final boolean DETAIL = Boolean.getBoolean("bench.detail");

    /**
     * The calling thread's time spent waiting for a core so far (Linux: the run-queue delay in
     * {@code /proc/thread-self/schedstat}), in ns, or -1 where that is not known.
     */
    static long runQueueNanos() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/schedstat")).trim()
                    .split(" ");
            return Long.parseLong(f[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Milliseconds spent in garbage collection so far, all collectors. */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private StepCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 65530;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, Java "
                + System.getProperty("java.version") + ", " + java.time.LocalDate.now() + ", load "
                        + FrameBench.load());
        List<Long> total = new ArrayList<>();
        List<Long> sync = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> cpuPulse = new ArrayList<>();
        List<Long> pulseOnly = new ArrayList<>();
        List<Long> waitCore = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Player[] player = new Player[1];
        MainView[] view = new MainView[1];
        int[] start = new int[1];
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            Scene scene = new Scene(v, 1600, 1000);
            // shown, so that pulses run: CSS, layout and the canvases handed to the renderer
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            v.selectTheme(MainView.Theme.LIGHT);
            v.applyTheme(MainView.Theme.LIGHT);
            p.load(Playable.of(FrameBench.scenario(n)));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            int first = 1;
            for (int i = 1; i <= p.size(); i++) {
                String loc = p.trace().step(i).loc().name();
                if (loc.startsWith("RB_") || loc.startsWith("DETACH")) {
                    first = Math.max(1, i - 10);
                    break;
                }
            }
            p.seek(first);
            start[0] = first;
            v.tree().zoomBy(1 / v.tree().zoom());
            player[0] = p;
            view[0] = v;
            done.countDown();
        });
        done.await();
        Scene scene = view[0].getScene();
        for (int k = 0; k < steps + 5; k++) {
            // the window's own pace: a step, then its 420 ms animation, then the next (2 steps per second)
            Thread.sleep(450);
            CountDownLatch step = new CountDownLatch(1);
            long[] t = new long[4];
            long gc0 = gcMillis();
            Platform.runLater(() -> {
                view[0].tree().finishAnimation();
                t[2] = MX.getCurrentThreadCpuTime();
                long rq0 = runQueueNanos();
                t[0] = System.nanoTime();
                player[0].stepForward();
                t[1] = System.nanoTime();
                // the work the step queued on the FX thread (the panels) runs before this
                Platform.runLater(() -> {
                    long end = System.nanoTime();
                    long c = MX.getCurrentThreadCpuTime();
                    t[3] = c;
                    cpu.add(c - t[2]);
                    sync.add(t[1] - t[0]);
                    total.add(end - t[0]);
                    long rq = runQueueNanos() - rq0;
                    waitCore.add(rq);
                    if (DETAIL) {
                        System.out.printf(Locale.ROOT, "  step %d: wall %.1f ms, cpu %.1f ms, key press %.1f ms, "
                                + "waiting for a core %.1f ms, gc during it %d ms%n", sync.size(), (end - t[0]) / 1e6,
                                (c - t[2]) / 1e6, (t[1] - t[0]) / 1e6, rq / 1e6, gcMillis() - gc0);
                    }
                    // then the first pulse after it: what the window draws
                    afterNextPulse(scene, () -> {
                        long c2 = MX.getCurrentThreadCpuTime();
                        cpuPulse.add(c2 - t[2]);
                        pulseOnly.add(c2 - t[3]);
                        step.countDown();
                    });
                });
            });
            if (!step.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("step timed out");
            }
        }
        // the first five warm the JIT
        report(String.format(Locale.ROOT, "%,d VMAs: a step on the FX thread, scene + tree (the key press)", n),
                sync.subList(5, sync.size()));
        report(String.format(Locale.ROOT, "%,d VMAs: a step on the FX thread, all its work (+ panels)", n),
                total.subList(5, total.size()));
        report("  of which the FX thread waited for a core (run-queue delay, Linux)",
                waitCore.subList(5, waitCore.size()));
        report(String.format(Locale.ROOT, "%,d VMAs: a step's CPU time on the FX thread, all its work", n),
                cpu.subList(5, cpu.size()));
        report(String.format(Locale.ROOT, "%,d VMAs: a step's CPU time on the FX thread, all its work and the pulse "
                + "that draws it", n), cpuPulse.subList(5, cpuPulse.size()));
        report("  of which the pulse (animation frame, CSS, layout, canvases handed to the renderer)",
                pulseOnly.subList(5, pulseOnly.size()));
        breakdown(player[0], view[0], start[0], steps);
        // the scene alone: the same steps on a player no window listens to
        List<Long> build = new ArrayList<>();
        CountDownLatch alone = new CountDownLatch(1);
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            p.load(Playable.of(FrameBench.scenario(n)));
            p.seek(start[0]);
            for (int k = 0; k < steps + 5; k++) {
                long c0 = MX.getCurrentThreadCpuTime();
                p.stepForward();
                build.add(MX.getCurrentThreadCpuTime() - c0);
            }
            alone.countDown();
        });
        alone.await();
        report(String.format(Locale.ROOT, "%,d VMAs: CPU time of Player.stepForward alone, back to back (the scene "
                + "prepared ahead when it is ready, else built here)", n),
                build.subList(5, build.size()));
        System.out.println("load at the end " + FrameBench.load());
        Platform.exit();
    }

    /** Runs {@code then} on the FX thread once the next pulse (animation, CSS, layout, sync) has finished. */
    private static void afterNextPulse(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // the rest of the pulse (the scene graph handed to the renderer) runs before this
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * The same steps again with the panels updated one by one, each timed (CPU, FX thread): the window's listener
     * on the player is removed, and each step does what {@code MainView.refresh} and {@code showPanels} do.
     */
    private static void breakdown(Player player, MainView view, int start, int steps) throws Exception {
        Map<String, List<Long>> parts = new LinkedHashMap<>();
        List<Long> placement = new ArrayList<>();
        for (String s : List.of("Player.stepForward (the scene, prepared ahead)", "tree (TreeCanvas.show)",
                "scrub bar (ScrubBar.show)", "address-space strip (StripView.show)", "locks (LocksPanel.update)",
                "checker (CheckerPanel.update)", "lanes (ThreadLane.update, reveal)", "side panes (fitPanesToStep)",
                "pulse: animation frame",
                "pulse: CSS and layout", "pulse: the rest (sync to the renderer)", "sum")) {
            parts.put(s, new ArrayList<>());
        }
        Object strip = field(view, "strip");
        Object scrub = field(view, "scrub");
        Object locks = field(view, "locks");
        Object checker = field(view, "checker");
        Method showLanes = MainView.class.getDeclaredMethod("showLanes", StepScene.class);
        showLanes.setAccessible(true);
        Scene scene = view.getScene();
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Field f = Player.class.getDeclaredField("listeners");
                f.setAccessible(true);
                ((List<?>) f.get(player)).clear();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            player.seek(start);
            view.tree().finishAnimation();
            ready.countDown();
        });
        ready.await();
        for (int k = 0; k < steps + 5; k++) {
            Thread.sleep(450);
            boolean warm = k >= 5;
            CountDownLatch step = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    view.tree().finishAnimation();
                    long[] c = {MX.getCurrentThreadCpuTime()};
                    long c0 = c[0];
                    List<Long> row = new ArrayList<>();
                    Runnable lap = () -> {
                        long now = MX.getCurrentThreadCpuTime();
                        row.add(now - c[0]);
                        c[0] = now;
                    };
                    StepScene before = player.scene();
                    player.stepForward();
                    lap.run();
                    StepScene s = player.scene();
                    view.tree().show(s, before, 420);
                    lap.run();
                    if (warm) {
                        placement.add(placeAgain(view.tree()));
                    }
                    c[0] = MX.getCurrentThreadCpuTime();
                    ((ScrubBar) scrub).show(player.trace(), player.index(), player.operationStarts());
                    lap.run();
                    ((StripView) strip).show(s.strip());
                    lap.run();
                    ((LocksPanel) locks).update(s.locks());
                    lap.run();
                    ((CheckerPanel) checker).update(s);
                    lap.run();
                    showLanes.invoke(view, s);
                    lap.run();
                    view.fitPanesToStep();
                    lap.run();
                    Runnable[] pre = new Runnable[1];
                    pre[0] = () -> {
                        scene.removePreLayoutPulseListener(pre[0]);
                        lap.run();
                    };
                    scene.addPreLayoutPulseListener(pre[0]);
                    afterNextPulse(scene, () -> {
                        lap.run();
                        row.add(MX.getCurrentThreadCpuTime() - c0);
                        if (warm) {
                            int i = 0;
                            for (List<Long> l : parts.values()) {
                                l.add(row.get(i++));
                            }
                        }
                        step.countDown();
                    });
                    // the post-layout listener of afterNextPulse ends CSS and layout
                    Runnable[] post = new Runnable[1];
                    post[0] = () -> {
                        scene.removePostLayoutPulseListener(post[0]);
                        lap.run();
                    };
                    scene.addPostLayoutPulseListener(post[0]);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (!step.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("step timed out");
            }
        }
        System.out.println("per panel, CPU time on the FX thread per step (the same steps, each part timed alone):");
        for (Map.Entry<String, List<Long>> e : parts.entrySet()) {
            report("  " + e.getKey(), e.getValue());
        }
        report("  the tree's marks placed again (TreeCanvas.planMarks, the plan dropped; not in the sum)", placement);
    }

    /**
     * The CPU time of placing the tree's marks for the animation on screen once more: its plan dropped, {@code
     * planMarks} run again (by reflection: an older build has it too), as the tree's show ran it.
     */
    private static long placeAgain(TreeCanvas tree) {
        try {
            Field plan = TreeCanvas.class.getDeclaredField("plan");
            plan.setAccessible(true);
            Method planMarks = TreeCanvas.class.getDeclaredMethod("planMarks", double.class, double.class);
            planMarks.setAccessible(true);
            Method cw = CanvasRegion.class.getDeclaredMethod("canvasWidth");
            Method ch = CanvasRegion.class.getDeclaredMethod("canvasHeight");
            cw.setAccessible(true);
            ch.setAccessible(true);
            double w = (double) cw.invoke(tree);
            double h = (double) ch.invoke(tree);
            plan.set(tree, null);
            long c0 = MX.getCurrentThreadCpuTime();
            planMarks.invoke(tree, w, h);
            return MX.getCurrentThreadCpuTime() - c0;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        System.out.printf(Locale.ROOT, "%s: %d steps, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, s.size(),
                s.get(s.size() / 2) / 1e6, s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)) / 1e6,
                s.get(s.size() - 1) / 1e6);
    }
}
