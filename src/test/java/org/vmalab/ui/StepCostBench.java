package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TaskRunner;

/**
 * What one step costs on the FX thread on a large tree (issue 12), a bench main on the test class path, not a
 * unit test: FrameBench's race on {@code n} VMAs (default 65,530) in a 1600x1000 window; each of {@code steps}
 * forward steps is taken on the FX thread and timed from the key press to the end of the work it queued there (the
 * scene, the tree's new frame, the panels), without the frames of the animation that follow, and the next one 450 ms
 * later (playback at 2 steps/s: the scene of the next step is prepared meanwhile, off the FX thread); in wall time and
 * in the FX thread's CPU time (which a busy machine disturbs less). Headless:
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}. Arguments: steps, VMAs.
 */
public final class StepCostBench {
    private StepCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 65530;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, Java "
                + System.getProperty("java.version") + ", " + java.time.LocalDate.now() + ", load " + FrameBench.load());
        List<Long> total = new ArrayList<>();
        List<Long> sync = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CountDownLatch done = new CountDownLatch(1);
        Player[] player = new Player[1];
        MainView[] view = new MainView[1];
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1600, 1000);
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
            v.tree().zoomBy(1 / v.tree().zoom());
            player[0] = p;
            view[0] = v;
            done.countDown();
        });
        done.await();
        for (int k = 0; k < steps + 5; k++) {
            // the window's own pace: a step, then its 420 ms animation, then the next (2 steps per second)
            Thread.sleep(450);
            CountDownLatch step = new CountDownLatch(1);
            long[] t = new long[3];
            Platform.runLater(() -> {
                view[0].tree().finishAnimation();
                t[2] = mx.getCurrentThreadCpuTime();
                t[0] = System.nanoTime();
                player[0].stepForward();
                t[1] = System.nanoTime();
                // the work the step queued on the FX thread (the panels) runs before this
                Platform.runLater(() -> {
                    long end = System.nanoTime();
                    cpu.add(mx.getCurrentThreadCpuTime() - t[2]);
                    if (t[0] != 0) {
                        sync.add(t[1] - t[0]);
                        total.add(end - t[0]);
                    }
                    step.countDown();
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
        report(String.format(Locale.ROOT, "%,d VMAs: a step's CPU time on the FX thread, all its work", n),
                cpu.subList(5, cpu.size()));
        // the scene alone: the same steps on a player no window listens to
        List<Long> build = new ArrayList<>();
        CountDownLatch alone = new CountDownLatch(1);
        Platform.runLater(() -> {
            Player p = new Player(TaskRunner.INLINE);
            p.load(Playable.of(FrameBench.scenario(n)));
            p.seek(player[0].index() - steps - 5);
            for (int k = 0; k < steps + 5; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                p.stepForward();
                build.add(mx.getCurrentThreadCpuTime() - c0);
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

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        System.out.printf(Locale.ROOT, "%s: %d steps, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, s.size(),
                s.get(s.size() / 2) / 1e6, s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)) / 1e6,
                s.get(s.size() - 1) / 1e6);
    }
}
