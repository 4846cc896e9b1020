package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.TestLessons;

/** A lesson in the window: narration in step with the player, a pause at the checkpoint, parts, reset. */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private Player player;
    private MainView view;
    private Lesson lesson;
    private Lessons.Progress progress;

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        lesson = TestLessons.lesson();
        progress = Lessons.Progress.inMemory();
        view.setLessons(Path.of("."), List.of(), progress);
        view.openLesson(lesson, 0);
    }



    @Test
    void narrationCheckpointPartsAndReset(FxRobot robot) {
        settle(player);
        assertTrue(fx(() -> view.lessonPane().narrationText()).startsWith("Two threads"));
        robot.clickOn("#play");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !player.playing()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("playback did not pause", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, (int) fx(() -> player.index()), "paused at the checkpoint");
        assertTrue(fx(() -> view.lessonPane().checkpointShown()));
        assertTrue(fx(() -> view.lessonPane().narrationText()).startsWith("The walk"), "narration of step 3");
        javafx.scene.control.RadioButton t2 = robot.lookup(".checkpoint-choice").queryAllAs(
                javafx.scene.control.RadioButton.class).stream().filter(r -> r.getText().equals("T2")).findFirst()
                .orElseThrow();
        robot.clickOn(t2);
        robot.clickOn("#step-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".checkpoint-verdict").queryLabeled().getText().startsWith("✓ Right"));
        robot.push(javafx.scene.input.KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(progress.done(Lessons.key(lesson, 0)), "played to the end: part 1 done");
        robot.clickOn("2. No refcount");
        settle(player);
        assertEquals("t-race#2", fx(() -> player.playable().id()));
        assertTrue(fx(() -> view.lessonPane().narrationText()).startsWith("Without the count"));
        robot.push(javafx.scene.input.KeyCode.RIGHT);
        robot.push(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reset");
        settle(player);
        assertEquals(0, (int) fx(() -> player.index()));
        assertEquals("t-race#2", fx(() -> player.playable().id()), "reset keeps the lesson part");
        assertFalse(fx(() -> player.trace().violations().isEmpty()), "the part's own protections");
    }
}
