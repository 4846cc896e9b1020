package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.ui.ExportAsk.FramesChoice;
import org.vmalab.ui.ExportAsk.PngChoice;

/** The export dialogs themselves, headless: they open with the last choice and return what the user picked. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogsTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        s.show();
    }

    private static <T> AtomicReference<Optional<T>> open(java.util.function.Supplier<Optional<T>> dialog) {
        AtomicReference<Optional<T>> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(dialog.get()));
        return result;
    }

    private static void waitForDialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ExportDialogs dialogs() {
        return new ExportDialogs(stage, Preferences.userRoot().node("org/vmalab/test/dialogs"), List.of());
    }

    @Test
    void thePngDialogStartsFromTheLastChoiceAndReturnsTheNewOne(FxRobot robot) throws Exception {
        ExportDialogs d = dialogs();
        AtomicReference<Optional<PngChoice>> r = open(() -> d.png(new PngChoice(RunRenderer.Panel.TREE, 2)));
        waitForDialog();
        @SuppressWarnings("unchecked")
        ChoiceBox<RunRenderer.Panel> panel = robot.lookup(".choice-box").queryAs(ChoiceBox.class);
        assertEquals(RunRenderer.Panel.TREE, WaitForAsyncUtils.asyncFx(panel::getValue).get());
        WaitForAsyncUtils.asyncFx(() -> panel.setValue(RunRenderer.Panel.THREADS)).get();
        robot.clickOn("Save…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> r.get() != null);
        assertEquals(Optional.of(new PngChoice(RunRenderer.Panel.THREADS, 2)), r.get());
    }

    @Test
    void theFramesDialogReturnsTheRangeAndDelays(FxRobot robot) throws Exception {
        ExportDialogs d = dialogs();
        FramesChoice def = new FramesChoice(2, 30, 400, 2000, true, RunRenderer.Panel.WINDOW, 1);
        AtomicReference<Optional<FramesChoice>> r = open(() -> d.frames(def, 64, true));
        waitForDialog();
        assertTrue(robot.lookup("the run has 64 steps").tryQuery().isPresent());
        assertTrue(robot.lookup("29 frames").tryQuery().isPresent());
        robot.clickOn("Export…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> r.get() != null);
        assertEquals(Optional.of(def), r.get());
    }

    @Test
    void cancelReturnsNothing(FxRobot robot) throws Exception {
        ExportDialogs d = dialogs();
        AtomicReference<Optional<FramesChoice>> r = open(() -> d.frames(new FramesChoice(0, 5, 600, 2500, true,
                RunRenderer.Panel.WINDOW, 1), 5, false));
        waitForDialog();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> r.get() != null);
        assertEquals(Optional.empty(), r.get());
    }
}
