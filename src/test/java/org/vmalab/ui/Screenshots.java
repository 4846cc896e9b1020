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
import org.vmalab.imports.MapsImporter;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Writes the screenshots of README.md and docs/UI.md (docs/screenshots/*.png) headless, with Monocle: four lessons
 * (the gaps on the tree, the lockless walk, the use-after-free, five threads side by side) and a 65,530-VMA import,
 * each at 1280x720, 1600x1000 and 1920x1080, and presentation mode. Run with the test class path and
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}; argument: the output dir;
 * {@code -Dshots=REGEX} writes only the files whose names match.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** What a shot shows: a lesson part at a step, or the 65,530-VMA import (with an address to find, or none). */
    sealed interface Subject permits LessonStep, Import {
    }

    /** A lesson of lessons/ (its file name), a part and the step shown. */
    record LessonStep(String file, int part, int index) implements Subject {
    }

    /** The synthetic 65,530-VMA address space, with {@code find} looked up when not null. */
    record Import(String find) implements Subject {
    }

    /**
     * A shot: file name, size, theme, what it shows, in presentation mode or not, and the presentation's type (an
     * index of {@link Presentation#SCALES}: 2 is 150 %, 4 is 200 %).
     */
    record Shot(String file, int w, int h, MainView.Theme theme, Subject subject, boolean presenting, int scale) {
        Shot(String file, int w, int h, MainView.Theme theme, Subject subject, boolean presenting) {
            this(file, w, h, theme, subject, presenting, 2);
        }
    }

    /** The sizes every subject is shown at. */
    static final int[][] SIZES = {{1280, 720}, {1600, 1000}, {1920, 1080}};

    static List<Shot> shots() {
        List<Shot> shots = new ArrayList<>();
        // lesson 3: the gaps and subtree gaps on the nodes while find_vma walks down from the root
        Subject gap = new LessonStep("03-augmented-gap.yaml", 0, 18);
        // lesson 11: T1 has loaded the pointer to libc_rw (its ghost chip) while T2 rotates the tree under it
        Subject walk = new LessonStep("11-race-a-lockless-walk.yaml", 0, 24);
        // lesson 12: without mm_rb_lock T1 takes a reference on heap after munmap dropped its last one
        Subject uaf = new LessonStep("12-race-b-use-after-free.yaml", 0, 57);
        // lesson 12 through a merge (part 4): T2's mprotect erases arena under mm_rb_lock, T1 on its way
        Subject ref = new LessonStep("12-race-b-use-after-free.yaml", 3, 30);
        Subject big = new Import(null);
        // lesson 16: five threads side by side, the readers queued behind a writer on mm_rb_lock
        Subject five = new LessonStep("16-fairness-and-cost.yaml", 0, 100);
        for (int[] s : SIZES) {
            String size = s[0] + "x" + s[1];
            shots.add(new Shot("lesson-03-gaps-" + size + ".png", s[0], s[1], MainView.Theme.LIGHT, gap, false));
            shots.add(new Shot("lesson-11-walk-" + size + ".png", s[0], s[1], MainView.Theme.LIGHT, walk, false));
            shots.add(new Shot("lesson-12-refcount-" + size + ".png", s[0], s[1], MainView.Theme.LIGHT, ref, false));
            shots.add(new Shot("import-65530-" + size + ".png", s[0], s[1], MainView.Theme.LIGHT, big, false));
            shots.add(new Shot("lesson-16-five-threads-" + size + ".png", s[0], s[1], MainView.Theme.LIGHT, five,
                    false));
        }
        shots.add(new Shot("import-65530-found-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT,
                new Import("0x7f0000a4d123"), false));
        shots.add(new Shot("presentation-lesson-11-1280x720.png", 1280, 720, MainView.Theme.HIGH_CONTRAST, walk, true));
        // the default lesson as a teacher starts it, at its first question: the lesson pane open, collapsed to the
        // narration and the question in the room's column
        shots.add(new Shot("presentation-lesson-01-1280x720.png", 1280, 720, MainView.Theme.HIGH_CONTRAST,
                new LessonStep("01-mmap-sem-convoy.yaml", 0, 3), true));
        // the same at 200 %: the tree's words grow with the type, the side panes and the threads are brief
        shots.add(new Shot("presentation-lesson-01-1280x720-200.png", 1280, 720, MainView.Theme.HIGH_CONTRAST,
                new LessonStep("01-mmap-sem-convoy.yaml", 0, 3), true, 4));
        shots.add(new Shot("presentation-lesson-16-five-threads-1920x1080.png", 1920, 1080,
                MainView.Theme.HIGH_CONTRAST, five, true));
        shots.add(new Shot("presentation-lesson-12-uaf-1920x1080.png", 1920, 1080, MainView.Theme.HIGH_CONTRAST, uaf,
                true));
        // the gaps on the tree and the 65,530-VMA import in a room as well
        shots.add(new Shot("presentation-lesson-03-gaps-1280x720.png", 1280, 720, MainView.Theme.HIGH_CONTRAST, gap,
                true));
        shots.add(new Shot("presentation-import-65530-1920x1080.png", 1920, 1080, MainView.Theme.HIGH_CONTRAST, big,
                true));
        // lesson 12's first part at its checkpoint (README, docs/UI.md)
        shots.add(new Shot("lesson-12-checkpoint-1600x1000.png", 1600, 1000, MainView.Theme.LIGHT,
                new LessonStep("12-race-b-use-after-free.yaml", 0, 55), false));
        shots.add(new Shot("dark-lesson-12-uaf-1600x1000.png", 1600, 1000, MainView.Theme.DARK, uaf, false));
        shots.add(new Shot("colorblind-lesson-11-1280x720.png", 1280, 720, MainView.Theme.COLORBLIND, walk, false));
        return shots;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        String only = System.getProperty("shots", "");
        for (Shot s : shots()) {
            if (!only.isEmpty() && !s.file().matches(only)) {
                continue;
            }
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
            if (!done.await(180, TimeUnit.SECONDS)) {
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

    static WritableImage render(Shot s) throws Exception {
        Player p = new Player(TaskRunner.INLINE);
        MainView v = new MainView(p);
        javafx.scene.Scene scene = new javafx.scene.Scene(v, s.w(), s.h());
        v.selectTheme(MainView.Theme.LIGHT);
        v.applyTheme(MainView.Theme.LIGHT);
        if (s.subject() instanceof LessonStep l) {
            Path dir = Path.of("lessons");
            List<Lessons.Entry> es = Lessons.load(dir);
            org.vmalab.lesson.Lesson lesson = es.stream().filter(e -> e.ok() && e.path().getFileName().toString()
                    .equals(l.file())).findFirst().orElseThrow(() -> new IllegalStateException("no lesson "
                    + l.file() + " in " + dir.toAbsolutePath())).lesson();
            v.setLessons(dir, es, Lessons.Progress.inMemory());
            v.openLesson(lesson, l.part());
            settle(scene, v);
            p.seek(l.index());
        } else if (s.subject() instanceof Import i) {
            MapsImporter.Result r = MapsImporter.parse(SyntheticMaps.text(65530, 42), "synthetic-65530.maps", false);
            p.load(Playable.of(MapsImporter.scenario(r)));
            settle(scene, v);
            // as after F: the whole overview in view
            v.tree().fit();
            if (i.find() != null) {
                v.classroom().tools().openFind();
                v.classroom().tools().field().setText(i.find());
                v.classroom().tools().find();
            }
        }
        settle(scene, v);
        if (s.presenting()) {
            v.classroom().presentation().enter();
            v.classroom().presentation().setScale(s.scale());
            settle(scene, v);
            v.tree().fit();
            // as the room sees it once the presenter bar has hidden itself (three seconds after entering)
            v.lookup("#presenter-bar").setVisible(false);
        }
        if (s.theme() != MainView.Theme.LIGHT) {
            v.selectTheme(s.theme());
            v.applyTheme(s.theme());
        }
        settle(scene, v);
        if (s.presenting()) {
            // as the room's panes leave it (the window refits the tree on the pulse after they change)
            v.tree().fit();
            settle(scene, v);
        }
        return scene.snapshot(null);
    }

    /** Lays the window out as a few pulses would, with the tree's animation at its end. */
    private static void settle(javafx.scene.Scene scene, MainView v) {
        for (int k = 0; k < 3; k++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            v.tree().finishAnimation();
        }
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
