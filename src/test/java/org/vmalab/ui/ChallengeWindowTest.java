package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A challenge in the window, played with the keys: won, then proved impossible with the patch. */
@ExtendWith(ApplicationExtension.class)
class ChallengeWindowTest {
    static final String LESSON = """
            id: t-challenge
            title: Strand the walker
            summary: A walk without a lock meets a rotation.
            objectives: [Make get_vma miss a VMA, See the lock stop it]
            layout:
              - text 0x555555554000-0x55555555c000 r-x file
              - data 0x55555575b000-0x55555575d000 rw- file
              - heap 0x55555575d000-0x55555577e000 rw- anon_vma 1
              - libc 0x7ffff79e4000-0x7ffff7bcb000 r-x file
              - libc_rw 0x7ffff7dcb000-0x7ffff7dd1000 rw- file
              - ld 0x7ffff7dd5000-0x7ffff7dfc000 r-x file
            threads:
              - name: T1
                program: [get_vma 0x7ffff7dd6000]
              - name: T2
                program: [map stack 0x7ffffffde000-0x7ffffffff000 rw- growsdown anon_vma 2]
            protection: [NO_LOCK]
            schedule: [T1 x3, T2 *, T1 *]
            challenge:
              goal: {text: Make get_vma return NULL for an address inside `ld`., thread: T1, violation: LOOKUP}
              hints: [Stop T1 on its way down to ld., Then let T2 insert the stack.]
              max_steps: 40
              with_patch: unreachable
            narration:
              - at: start
                title: Your turn
                text: Press 1 or 2 to choose who runs next.
            """;

    private Player player;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1280, 800));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        Lesson l = LessonLoader.parse(LESSON, "t-challenge.yaml");
        view.setLessons(Path.of("."), List.of(), Lessons.Progress.inMemory());
        view.openLesson(l, 0);
    }

    static KeyCode digit(int thread) {
        return KeyCode.valueOf("DIGIT" + (thread + 1));
    }

    @Test
    void wonWithTheKeysThenProvedWithThePatch(FxRobot robot) throws Exception {
        settle(player);
        ChallengePane pane = fx(() -> view.lessonPane().challengePane());
        ChallengeRun run = fx(pane::run);
        waitFor(run::shortestDone, "the explorer's shortest schedule");
        List<Integer> best = fx(() -> run.shortest().threads());
        robot.clickOn("#challenge-hint");
        assertTrue(fx(() -> run.hintsShown().size()) == 1);
        robot.push(digit(1));
        settle(player);
        assertEquals(1, (int) fx(player::size));
        robot.push(KeyCode.BACK_SPACE);
        settle(player);
        assertEquals(0, (int) fx(player::size), "Backspace takes the step back");
        for (int t : best) {
            robot.push(digit(t));
            settle(player);
        }
        waitFor(() -> run.phase() == ChallengeRun.Phase.WON, "the win");
        String won = fx(pane::cardText);
        assertTrue(won.contains("Goal reached at step " + best.size()), won);
        assertTrue(won.contains("The explorer's shortest (" + best.size() + " steps)"), won);
        snapshot(robot, "challenge-won-test.png");
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
        assertTrue(proved.contains("without mm_rb_lock around the walk and the tree changes: reachable again"),
                proved);
        snapshot(robot, "challenge-proved-test.png");
    }

    void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        javafx.scene.image.WritableImage img = fx(() -> view.getScene().snapshot(null));
        fx(() -> {
            Screenshots.write(img, out.resolve(name));
            return null;
        });
    }
}
