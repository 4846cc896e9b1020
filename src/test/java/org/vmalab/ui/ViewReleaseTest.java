package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vmalab.ui.FxWait.fx;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;

/**
 * An off-screen window (what {@code render}, the handout and File ▸ Export draw with) is let go once it is no longer
 * used: the window's clock, started for every view and never stopped, kept each one (17 MB at 1600x1000) for the
 * life of the JVM, and a test run that renders often ran out of its 2 GB.
 */
@ExtendWith(ApplicationExtension.class)
class ViewReleaseTest {
    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @Test
    void anOffScreenRendererIsLetGo() throws Exception {
        Lesson convoy = LessonLoader.load(Path.of("lessons/01-mmap-sem-convoy.yaml"));
        WeakReference<MainView> ref = fx(() -> {
            RunRenderer r = new RunRenderer(1600, 1000, "light");
            r.load(convoy, 0);
            r.show(26);
            r.snapshot(RunRenderer.Panel.TREE, 1);
            return new WeakReference<>(r.view());
        });
        assertNull(collected(ref), "the off-screen view is still held after its last use");
    }

    /** The referent after a few collections and pulses (null once it is collected). */
    static <T> T collected(WeakReference<T> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
            Thread.sleep(50);
        }
        return ref.get();
    }
}
