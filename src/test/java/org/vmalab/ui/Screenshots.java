package org.vmalab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Writes the README screenshots (docs/screenshots/*.png) headless, with Monocle: the window at several
 * steps of the race of the default scenario, at 1600x1000 and 1280x720. Run with the test class path and
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}; argument: the output dir.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * A shot: file name, size, theme, scenario setup and the index to show; {@code lesson} (a file of
     * lessons/, with {@code part}) instead of the race when set.
     */
    record Shot(String file, int w, int h, MainView.Theme theme, boolean noRefcount, int index, String lesson,
                int part) {
        Shot(String file, int w, int h, MainView.Theme theme, boolean noRefcount, int index) {
            this(file, w, h, theme, noRefcount, index, null, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        List<Shot> shots = new ArrayList<>();
        // the race of SEMANTICS 6(b): T1 takes heap with get_vma, T2 unmaps it, T1 comes back
        shots.add(new Shot("race-1-get-vma-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, false, 7));
        shots.add(new Shot("race-2-rotation-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, false, 40));
        shots.add(new Shot("race-3-cleared-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, false, 44));
        shots.add(new Shot("race-4-patch-saves-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, false, 64));
        shots.add(new Shot("race-5-no-refcount-uaf-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, true, 61));
        shots.add(new Shot("race-2-rotation-1280x720.png", 1280, 720, MainView.Theme.LIGHT, false, 40));
        shots.add(new Shot("race-5-no-refcount-uaf-1280x720.png", 1280, 720, MainView.Theme.LIGHT, true, 61));
        shots.add(new Shot("dark-1600x1000.png", 1600, 1000, MainView.Theme.DARK, false, 41));
        shots.add(new Shot("colorblind-1280x720.png", 1280, 720, MainView.Theme.COLORBLIND, true, 61));
        shots.add(new Shot("lesson-12-checkpoint-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT, false, 55,
                "12-race-b-use-after-free.yaml", 0));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        for (Shot s : shots) {
            CountDownLatch done = new CountDownLatch(1);
            Throwable[] err = new Throwable[1];
            Platform.runLater(() -> {
                try {
                    write(render(s), out.resolve(s.file()));
                } catch (Throwable e) {
                    err[0] = e;
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out on " + s.file());
            }
            if (err[0] != null) {
                throw new IllegalStateException(s.file(), err[0]);
            }
            System.out.println("wrote " + out.resolve(s.file()));
        }
        Platform.exit();
    }

    /** The racy schedule: T1 runs 8 steps (get_vma and a bit), T2 runs munmap to the end, then round-robin. */
    static Schedule raceSchedule() {
        return new Schedule(List.of(new Schedule.Slot(0, 8), new Schedule.Slot(1, Schedule.Slot.UNTIL_BLOCKED)),
                Schedule.Policy.ROUND_ROBIN, 0, Schedule.DEFAULT_BOUND);
    }

    static Playable racePlayable(boolean noRefcount) {
        Scenario sc = Scenarios.defaultScenario();
        if (noRefcount) {
            sc = sc.withProtection(org.vmalab.engine.Protection.of(org.vmalab.engine.RwlockPolicy.QUEUED,
                    org.vmalab.engine.ProtectionToggle.NO_REFCOUNT));
        }
        return new Playable("race", sc.title(), "", sc, raceSchedule(), Narration.NONE);
    }

    static WritableImage render(Shot s) {
        Player p = new Player(TaskRunner.INLINE);
        MainView v = new MainView(p);
        javafx.scene.Scene scene = new javafx.scene.Scene(v, s.w(), s.h());
        v.selectTheme(s.theme());
        v.applyTheme(s.theme());
        if (s.lesson() != null) {
            java.nio.file.Path dir = java.nio.file.Path.of("lessons");
            java.util.List<org.vmalab.viewmodel.Lessons.Entry> es = org.vmalab.viewmodel.Lessons.load(dir);
            org.vmalab.lesson.Lesson l = es.stream().filter(e -> e.ok() && e.path().getFileName().toString()
                    .equals(s.lesson())).findFirst().orElseThrow(() -> new IllegalStateException("no lesson "
                    + s.lesson() + " in " + dir.toAbsolutePath())).lesson();
            v.setLessons(dir, es, org.vmalab.viewmodel.Lessons.Progress.inMemory());
            v.openLesson(l, s.part());
        } else {
            p.load(racePlayable(s.noRefcount()));
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        p.seek(s.index());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene.snapshot(null);
    }

    static void write(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", file.toFile());
    }
}
