package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.RadioButton;
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
import org.vmalab.lesson.Part;
import org.vmalab.viewmodel.ChallengeRun;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Player;

/**
 * Every shipped lesson played through the window as a student would: each question reached with →, answered (one
 * right, the next wrong, in turn) by clicking a choice and Check, its verdict read, "watch it happen" followed; the
 * part played to its end; each challenge won by pressing the number keys of the explorer's shortest schedule, then
 * tried again with the patch (where it fails) and proved impossible. Every part must end done.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTourTest {
    private Player player;
    private MainView view;
    private Lessons.Progress progress;

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1280, 800));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        progress = Lessons.Progress.inMemory();
        view.setLessons(Path.of("lessons"), Lessons.load(Path.of("lessons")), progress);
    }

    static KeyCode digit(int thread) {
        return KeyCode.valueOf("DIGIT" + (thread + 1));
    }

    @Test
    void everyLessonPlayedAsAStudentWould(FxRobot robot) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of("lessons"))) {
            s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().forEach(files::add);
        }
        assertEquals(16, files.size());
        int questions = 0;
        int challenges = 0;
        for (Path f : files) {
            Lesson l = LessonLoader.load(f);
            for (int i = 0; i < l.parts().size(); i++) {
                int part = i;
                fx(() -> {
                    view.openLesson(l, part);
                    return null;
                });
                settle(player);
                assertEquals(!l.hides(Lesson.REFCOUNT), (boolean) fx(() -> view.tree().refCountShown()),
                        l.id() + ": the reference-count badges only where the lesson wants them");
                Part p = l.parts().get(i);
                String where = l.id() + " part " + (i + 1);
                if (p.challenge() != null) {
                    challenge(robot, l, i, where);
                    challenges++;
                } else {
                    questions += questions(robot, where);
                }
                String key = Lessons.key(l, i);
                waitFor(() -> progress.done(key), where + " done");
            }
            assertTrue(Lessons.done(l, progress), l.id() + " done");
        }
        assertTrue(questions >= 40, "questions answered: " + questions);
        assertTrue(challenges >= 10, "challenges won: " + challenges);
    }

    /** Reaches each question, answers it (right and wrong in turn), follows its watch, then plays to the end. */
    private int questions(FxRobot robot, String where) {
        List<Narration.Checkpoint> cps = fx(player::checkpoints);
        assertFalse(cps.isEmpty(), where + ": a question");
        int k = 0;
        for (Narration.Checkpoint cp : cps) {
            fx(() -> {
                player.seek(cp.index() - 1);
                return null;
            });
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(cp.index(), (int) fx(player::index), where + ": at the question");
            assertEquals(cp.index(), (int) fx(player::horizon), where + ": nothing beyond the question is shown");
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(cp.index(), (int) fx(player::index), where + ": → without a choice does not pass it");
            boolean right = k++ % 2 == 0;
            int choice = right ? cp.answer() : (cp.answer() + 1) % cp.choices().size();
            RadioButton r = robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream()
                    .filter(b -> b.getText().equals(cp.choices().get(choice))).findFirst().orElseThrow();
            robot.clickOn(r);
            WaitForAsyncUtils.waitForFxEvents();
            if (!fx(r::isSelected)) {
                snapshotTo(Path.of("target", "tour-failure.png"));
            }
            assertTrue(fx(r::isSelected), where + ": the choice clicked");
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            String verdict = robot.lookup("#checkpoint-verdict").queryLabeled().getText();
            assertTrue(verdict.startsWith(right ? "✓ Right" : "✗ Not quite"), where + ": " + verdict);
            assertEquals(cp.index(), (int) fx(player::index), where + ": the verdict stays");
            if (cp.watch() > 0) {
                // it stops at the next question when that comes first (not answered yet: the tour goes in order)
                int stop = cp.watch();
                for (Narration.Checkpoint next : cps) {
                    if (next.index() > cp.index() && next.index() < stop) {
                        stop = next.index();
                    }
                }
                robot.clickOn("#checkpoint-watch");
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(stop, (int) fx(player::index), where + ": watch it happen");
            }
        }
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        return cps.size();
    }

    /** Wins the challenge with the keys of the explorer's shortest schedule; then fails it with the patch. */
    private void challenge(FxRobot robot, Lesson l, int part, String where) throws Exception {
        ChallengePane pane = fx(() -> view.lessonPane().challengePane());
        ChallengeRun run = fx(pane::run);
        assertEquals(0, (int) fx(player::size), where + ": no step before the learner's");
        waitFor(run::shortestDone, where + ": the explorer's shortest schedule");
        List<Integer> best = fx(() -> run.shortest().threads());
        if (fx(() -> !run.challenge().hints().isEmpty())) {
            robot.clickOn("#challenge-hint");
        }
        press(robot, best);
        waitFor(() -> run.phase() == ChallengeRun.Phase.WON, where + ": the goal");
        String won = fx(pane::cardText);
        assertTrue(won.contains("Goal reached at step " + best.size()), where + ": " + won);
        if (!fx(run::hasPatchPhase)) {
            return;
        }
        robot.clickOn("#challenge-with-patch");
        settle(player);
        assertTrue(fx(() -> player.scenario().protection().toggles().isEmpty()), where + ": the patch");
        press(robot, best);
        robot.press(KeyCode.SHIFT);
        for (int t = 0; t < fx(() -> player.trace().threadCount()); t++) {
            robot.push(digit(t));
            settle(player);
        }
        robot.release(KeyCode.SHIFT);
        settle(player);
        assertEquals(ChallengeRun.Phase.PATCH, fx(run::phase), where + ": the shortest schedule fails with the patch");
        robot.clickOn("#challenge-give-up");
        waitFor(() -> run.phase() == ChallengeRun.Phase.PROVED, where + ": the proof");
        assertTrue(fx(() -> run.proof().proves()), where + ": " + fx(pane::cardText));
        String proved = fx(pane::cardText);
        assertTrue(proved.contains("No schedule reaches it."), where + ": " + proved);
        assertTrue(proved.contains("stopped by") || proved.contains("nothing of the patch had to act"), proved);
        assertTrue(proved.contains("reachable again"), where + ": some part of the patch is needed: " + proved);
    }

    private void press(FxRobot robot, List<Integer> threads) {
        for (int t : threads) {
            robot.push(digit(t));
            settle(player);
        }
    }

    private void snapshotTo(Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage img = fx(() -> view.getScene().snapshot(null));
        fx(() -> {
            Screenshots.write(img, file);
            return null;
        });
    }
}
