package org.vmalab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vmalab.export.HeadlessFx;
import org.vmalab.export.Png;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Player;

/**
 * Writes the pictures of docs/EXPORT.md headless: the explorer's results and the A/B table for lesson 9, part 1
 * (no mm_rb_lock). Run with the test class path; argument: the output folder (default docs/screenshots).
 */
public final class ExportScreenshots {
    private ExportScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        HeadlessFx.start(1600, 1000);
        Lesson l = LessonLoader.load(Path.of("lessons/12-race-b-use-after-free.yaml"));
        MainView[] view = new MainView[1];
        HeadlessFx.call(() -> {
            Player p = new Player(new FxTaskRunner());
            view[0] = new MainView(p);
            Stage st = new Stage();
            st.setScene(new javafx.scene.Scene(view[0], 1280, 800));
            view[0].selectTheme(MainView.Theme.LIGHT);
            st.show();
            view[0].openLesson(l, 0);
            return null;
        });
        waitUntil(() -> !view[0].player().busy() && view[0].player().trace() != null);
        ExplorePane pane = HeadlessFx.call(() -> {
            view[0].menuBar().actions().explore();
            ExplorePane x = view[0].menuBar().actions().explorePane();
            x.startSearch();
            return x;
        });
        waitUntil(() -> pane.result() != null);
        HeadlessFx.call(() -> {
            pane.layout();
            Png.write(Png.toBuffered(pane.getScene().snapshot(null)), out.resolve("explore-results.png"), true);
            view[0].menuBar().actions().abTable();
            pane.startAb();
            return null;
        });
        waitUntil(() -> pane.abResult() != null);
        HeadlessFx.call(() -> {
            pane.layout();
            Png.write(Png.toBuffered(pane.getScene().snapshot(null)), out.resolve("explore-ab-table.png"), true);
            return null;
        });
        System.out.println("wrote " + out.resolve("explore-results.png") + " and "
                + out.resolve("explore-ab-table.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(c.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            if (f.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}
