package org.vmalab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.vmalab.imports.MapsImporter;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Writes the screenshots of issue 7 (docs/screenshots/) headless, with Monocle: presentation mode on the race,
 * and the overview of a 65,530-VMA address space. Run with the test class path and
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}; argument: the output dir.
 */
public final class ClassroomScreenshots {
    private ClassroomScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        shot(out.resolve("presentation-1600x1000.png"), () -> presentation(1600, 1000));
        shot(out.resolve("overview-65530-1600x1000.png"), () -> overview(1600, 1000, null));
        shot(out.resolve("overview-65530-found-1600x1000.png"), () -> overview(1600, 1000, "0x7f0000a4d123"));
        Platform.exit();
    }

    interface Render {
        WritableImage render() throws Exception;
    }

    static void shot(Path file, Render r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] err = new Throwable[1];
        Platform.runLater(() -> {
            try {
                Screenshots.write(r.render(), file);
            } catch (Throwable e) {
                err[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("timed out on " + file);
        }
        if (err[0] != null) {
            throw new IllegalStateException(file.toString(), err[0]);
        }
        System.out.println("wrote " + file);
    }

    static WritableImage presentation(int w, int h) {
        Player p = new Player(TaskRunner.INLINE);
        MainView v = new MainView(p);
        javafx.scene.Scene scene = new javafx.scene.Scene(v, w, h);
        v.selectTheme(MainView.Theme.LIGHT);
        p.load(Screenshots.racePlayable(false));
        v.classroom().presentation().enter();
        v.classroom().presentation().setScale(2);
        layout(scene);
        p.seek(40);
        layout(scene);
        // the pointer highlight where a teacher points: at the node the step is about
        v.classroom().presentation().pointer().setVisible(true);
        v.classroom().presentation().pointer().relocate(w * 0.30, h * 0.42);
        layout(scene);
        v.tree().finishAnimation();
        return scene.snapshot(null);
    }

    static WritableImage overview(int w, int h, String find) throws Exception {
        Player p = new Player(TaskRunner.INLINE);
        MainView v = new MainView(p);
        javafx.scene.Scene scene = new javafx.scene.Scene(v, w, h);
        v.selectTheme(MainView.Theme.LIGHT);
        v.applyTheme(MainView.Theme.LIGHT);
        MapsImporter.Result r = MapsImporter.parse(SyntheticMaps.text(65530, 42), "synthetic-65530.maps", false);
        p.load(org.vmalab.viewmodel.Playable.of(MapsImporter.scenario(r)));
        layout(scene);
        if (find != null) {
            v.classroom().tools().openFind();
            v.classroom().tools().field().setText(find);
            v.classroom().tools().find();
        }
        layout(scene);
        v.tree().finishAnimation();
        return scene.snapshot(null);
    }

    static void layout(javafx.scene.Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }
}
