package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.ChallengeRun;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;

/**
 * A challenge in the window (lesson 11, part 2), played with the keys: a hint, a step taken back, won, then proved
 * impossible with the patch. {@code -Ddocs.screenshots=true} writes the won and proved cards to docs/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ChallengeWindowTest {
    private Player player;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1280, 800));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        Lesson l = LessonLoader.load(Path.of("lessons", "11-race-a-lockless-walk.yaml"));
        view.setLessons(Path.of("."), List.of(), Lessons.Progress.inMemory());
        view.openLesson(l, 1);
    }

    /** Scrolls every scroll pane around {@code n} so that {@code n} is inside its viewport. */
    static void scrollIntoView(javafx.scene.Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
                double content = sp.getContent().getLayoutBounds().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view && view > 0) {
                    double f = Math.min(1, Math.max(0, (b.getMaxY() - view) / (content - view)));
                    sp.setVvalue(sp.getVmin() + f * (sp.getVmax() - sp.getVmin()));
                    sp.layout();
                }
            }
        }
    }

    static KeyCode digit(int thread) {
        return KeyCode.valueOf("DIGIT" + (thread + 1));
    }

    /**
     * While the learner is the scheduler, the explorer does not open: its shortest schedule, loaded into the player,
     * counted as the learner's win ("Goal reached", the part done) although the learner took no step.
     */
    /**
     * At a challenge's start the caption tells the learner what to press: a thread's number (→ does nothing while the
     * learner is the scheduler; the caption said "Press → for the first step").
     */
    @Test
    void theChallengesCaptionSaysWhichKeysRunAStep(FxRobot robot) {
        settle(player);
        String where = fx(() -> ((javafx.scene.control.Label) view.lookup(".where")).getText());
        assertFalse(where.contains("→"), "the caption at the challenge's start: " + where);
        assertTrue(where.contains("thread's number"), "the caption at the challenge's start: " + where);
    }

    @Test
    void theExplorerWaitsWhileTheLearnerIsTheScheduler(FxRobot robot) {
        settle(player);
        ChallengeRun run = fx(() -> view.lessonPane().challengePane().run());
        assertEquals(ChallengeRun.Phase.TRYING, fx(run::phase));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X).release(KeyCode.X, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        settle(player);
        WindowActions actions = fx(() -> view.menuBar().actions());
        assertEquals(null, fx(actions::explorePane), "the explorer did not open");
        assertEquals("You are the scheduler", fx(() -> actions.lastNotice().title()));
        // the notice lies inside the window (one long line made it wider, its icon and title off the screen)
        javafx.stage.Window owner = fx(() -> view.getScene().getWindow());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> outside = fx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow p && p.isShowing() && p.getWidth() > 200
                        && (p.getX() < owner.getX() - 1 || p.getX() + p.getWidth() > owner.getX() + owner.getWidth()
                        + 1)) {
                    out.add(p.getX() + ".." + (p.getX() + p.getWidth()) + " in " + owner.getX() + ".."
                            + (owner.getX() + owner.getWidth()));
                }
            }
            return out;
        });
        assertEquals(List.of(), outside, "the notice inside the window");
        assertEquals(ChallengeRun.Phase.TRYING, fx(run::phase));
        assertEquals(0, (int) fx(() -> player.trace().size()), "no step was taken for the learner");
    }

    @Test
    void wonWithTheKeysThenProvedWithThePatch(FxRobot robot) throws Exception {
        settle(player);
        ChallengePane pane = fx(() -> view.lessonPane().challengePane());
        ChallengeRun run = fx(pane::run);
        waitFor(run::shortestDone, "the explorer's shortest schedule");
        List<Integer> best = fx(() -> run.shortest().threads());
        // the hint button is clicked where it is: scrolled into the lesson pane's view and laid out first (on a
        // loaded machine the pane was still settling, and the click landed beside the button)
        javafx.scene.Node hintButton = robot.lookup("#challenge-hint").query();
        fx(() -> {
            scrollIntoView(hintButton);
            view.applyCss();
            view.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.settled(hintButton, "the hint button");
        robot.clickOn(hintButton);
        waitFor(() -> run.hintsShown().size() == 1, "the hint the click asked for");
        robot.push(digit(1));
        settle(player);
        assertEquals(1, (int) fx(player::size));
        robot.push(KeyCode.BACK_SPACE);
        settle(player);
        assertEquals(0, (int) fx(player::size), "Backspace takes the step back");
        for (int k = 0; k < 3; k++) {
            robot.push(KeyCode.DIGIT1);
            settle(player);
        }
        robot.press(KeyCode.SHIFT).push(KeyCode.DIGIT2).release(KeyCode.SHIFT);
        settle(player);
        for (int k = 0; k < 5 && fx(run::phase) == ChallengeRun.Phase.TRYING; k++) {
            robot.push(KeyCode.DIGIT1);
            settle(player);
        }
        waitFor(() -> run.phase() == ChallengeRun.Phase.WON, "the win with a schedule of the learner's own");
        String won = fx(pane::cardText);
        int mine = fx(() -> run.winning().size());
        assertTrue(mine > best.size(), "the learner's own, longer schedule: " + won);
        assertTrue(won.contains("Goal reached at step " + mine), won);
        assertTrue(won.contains("The explorer's shortest (" + best.size() + " steps)"), won);
        waitFor(() -> robot.lookup("#lesson-progress").queryLabeled().getText()
                .endsWith("now try it with the patch to finish this part"), "won, not done before the patch's try");
        snapshot(robot, "challenge-won-1280x800.png");
        robot.clickOn("#challenge-with-patch");
        settle(player);
        assertTrue(fx(() -> player.scenario().protection().toggles().isEmpty()), "the patch");
        for (int t : best) {
            robot.push(digit(t));
            settle(player);
        }
        robot.press(KeyCode.SHIFT).push(KeyCode.DIGIT2).push(KeyCode.DIGIT1).release(KeyCode.SHIFT);
        settle(player);
        robot.clickOn("#challenge-give-up");
        waitFor(() -> run.phase() == ChallengeRun.Phase.PROVED, "the proof");
        String proved = fx(pane::cardText);
        assertTrue(proved.contains("No schedule reaches it."), proved);
        assertTrue(proved.contains("stopped by mm_rb_lock"), proved);
        waitFor(() -> robot.lookup("#lesson-progress").queryLabeled().getText().endsWith("this part is done ✓"),
                "done once proved");
        assertTrue(proved.contains("without mm_rb_lock around the walk and the tree changes: reachable again"),
                proved);
        snapshot(robot, "challenge-proved-1280x800.png");
    }

    /** To target/screenshots; with -Ddocs.screenshots=true to docs/screenshots, the lesson pane widened. */
    void snapshot(FxRobot robot, String name) throws Exception {
        boolean docs = Boolean.getBoolean("docs.screenshots");
        Path out = docs ? Path.of("docs", "screenshots") : Path.of("target", "screenshots");
        Files.createDirectories(out);
        if (docs) {
            fx(() -> {
                view.setLessonShare(0.34);
                return null;
            });
            robot.moveTo("#lesson-progress");
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage img = fx(() -> view.getScene().snapshot(null));
        fx(() -> {
            Screenshots.write(img, out.resolve(name));
            return null;
        });
    }
}
