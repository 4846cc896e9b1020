package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Player;

/**
 * A student at lesson 1's questions in a 1280x720 window: a wrong answer, its feedback read whole, "watch it happen"
 * stopping at the next question.
 */
@ExtendWith(ApplicationExtension.class)
class QuestionWindowTest {
    private Player player;
    private MainView view;
    private Lessons.Progress progress;
    private Lesson lesson;

    @Start
    void start(Stage s) throws Exception {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1280, 720));
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        lesson = LessonLoader.load(Path.of("lessons", "01-mmap-sem-convoy.yaml"));
        progress = Lessons.Progress.inMemory();
        view.setLessons(Path.of("."), List.of(), progress);
        view.openLesson(lesson, 0);
    }

    /** Opens the explorer as Explore ▸ Explore schedules does. */
    private ExplorePane openExplorer() {
        fx(() -> {
            view.menuBar().find("menu-explore-schedules").fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> view.menuBar().actions().explorePane());
    }

    private static void hide(ExplorePane pane) {
        fx(() -> {
            pane.stage().hide();
            return null;
        });
    }

    /** Reaches the first question with →, clicks choice {@code choice} and checks it with →. */
    private void answerFirst(FxRobot robot, int choice) {
        answer(robot, 0, choice);
    }

    /** Reaches question {@code q} with →, clicks choice {@code choice} and checks it with →. */
    private void answer(FxRobot robot, int q, int choice) {
        settle(player);
        int at = fx(() -> player.checkpoints().get(q).index());
        fx(() -> {
            player.seek(at - 1);
            return null;
        });
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        RadioButton r = robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream()
                .toList().get(choice);
        ChallengeWindowTest.scrollIntoView(r);
        robot.clickOn(r);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * After a wrong answer the link to watch it happen reads whole: it said "Watch it happen: the next ques…" in the
     * pane's width, where the next question comes first.
     */
    @Test
    void theWatchLinkReadsWhole(FxRobot robot) {
        answerFirst(robot, 0);
        Hyperlink watch = robot.lookup("#checkpoint-watch").queryAs(Hyperlink.class);
        assertTrue(fx(watch::isVisible), "the link is shown");
        String shown = fx(() -> ((Text) watch.lookup(".text")).getText());
        assertTrue(fx(watch::getText).contains("the next question comes first"), fx(watch::getText));
        assertEquals(fx(watch::getText).replace("\n", " "), shown.replace("\n", " "), "the link is not cut");
        robot.clickOn(watch);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((int) fx(() -> player.checkpoints().get(1).index()), (int) fx(player::index),
                "at the second question, not past it");
    }

    /** Answered wrong, then asked again and answered right: the choices open again and the verdict says so. */
    @Test
    void aWrongAnswerThenTheRightOne(FxRobot robot) {
        answerFirst(robot, 0);
        String wrong = robot.lookup("#checkpoint-verdict").queryLabeled().getText();
        assertTrue(wrong.startsWith("✗ Not quite"), wrong);
        Hyperlink again = robot.lookup("#checkpoint-again").queryAs(Hyperlink.class);
        assertTrue(fx(again::isVisible), "the question can be asked again");
        ChallengeWindowTest.scrollIntoView(again);
        robot.clickOn(again);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream()
                .noneMatch(r -> r.isDisabled() || r.isSelected())), "the choices open, none picked");
        assertTrue(fx(() -> !again.isVisible()), "no 'again' while it is open");
        int right = fx(() -> player.checkpoints().get(0).answer());
        RadioButton r = robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream().toList().get(right);
        ChallengeWindowTest.scrollIntoView(r);
        robot.clickOn(r);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        String verdict = robot.lookup("#checkpoint-verdict").queryLabeled().getText();
        assertTrue(verdict.startsWith("✓ Right"), verdict);
        assertEquals(right, progress.answer(Lessons.key(lesson, 0), 0), "the new answer is kept");
    }

    /** What a text flow of the pane reads: its runs, the code marks gone, the lines joined. */
    private static String read(TextFlow flow) {
        return fx(() -> flow.getChildren().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .reduce("", String::concat)).replaceAll("\\s+", " ").strip();
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "").replaceAll("\\s+", " ").strip();
    }

    private double top(javafx.scene.Node n) {
        return fx(() -> n.localToScene(n.getLayoutBounds()).getMinY());
    }

    private double bottom(javafx.scene.Node n) {
        return fx(() -> n.localToScene(n.getLayoutBounds()).getMaxY());
    }

    /** The verdict, the reason, the explanation and "Answer it again" are all in the narration's view. */
    private void assertAnswerInView(FxRobot robot) {
        Label verdict = robot.lookup("#checkpoint-verdict").queryAs(Label.class);
        Hyperlink again = robot.lookup("#checkpoint-again").queryAs(Hyperlink.class);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) fx(() -> view.lookup(
                ".narration-scroll"));
        javafx.geometry.Bounds port = fx(() -> scroll.localToScene(scroll.getLayoutBounds()));
        assertTrue(fx(again::isVisible) && top(verdict) >= port.getMinY() - 0.5
                && bottom(again) <= port.getMaxY() + 0.5, "the verdict, the reason, the explanation and 'Answer it"
                + " again' in view: " + top(verdict) + " to " + bottom(again) + " in " + port);
    }

    /**
     * The second question of lesson 1 answered wrong at 1280x720: its reason, explanation and links in view ("Answer
     * it again" was under the view's bottom edge once the reason was shown), the choices above as far as they fit.
     */
    @Test
    void theSecondQuestionsAnswerIsInViewWhole(FxRobot robot) {
        answer(robot, 1, 0);
        assertTrue(fx(() -> robot.lookup("#checkpoint-why-not").query().isVisible()), "the reason is shown");
        assertAnswerInView(robot);
    }

    /**
     * A wrong answer answers the choice the student picked: the lesson's reason for that choice, under the verdict and
     * before the explanation, in view at 1280x720 with the link to answer again; another wrong choice gets its own
     * reason, and the right one the explanation only.
     */
    @Test
    void aWrongAnswerSaysWhyThatChoiceIsWrong(FxRobot robot) {
        answerFirst(robot, 0);
        Narration.Checkpoint c = fx(() -> player.checkpoints().get(0));
        assertTrue(c.answer() != 0 && c.answer() != 2, "choices 0 and 2 are wrong");
        TextFlow why = robot.lookup("#checkpoint-why-not").queryAs(TextFlow.class);
        TextFlow explanation = robot.lookup("#checkpoint-explanation").queryAs(TextFlow.class);
        Label verdict = robot.lookup("#checkpoint-verdict").queryAs(Label.class);
        Hyperlink again = robot.lookup("#checkpoint-again").queryAs(Hyperlink.class);
        assertTrue(fx(why::isVisible), "the reason is shown");
        assertEquals(plain(c.whyNot(0)), read(why), "the reason of the choice picked");
        assertTrue(read(why).startsWith("The tree is only part of munmap"), read(why));
        assertEquals(plain(c.explanation()), read(explanation), "then the explanation");
        assertTrue(bottom(verdict) <= top(why) && bottom(why) <= top(explanation), "verdict, reason, explanation");
        assertAnswerInView(robot);
        ChallengeWindowTest.scrollIntoView(again);
        robot.clickOn(again);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> !why.isVisible()), "no reason while the question is open again");
        RadioButton other = robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream().toList().get(2);
        ChallengeWindowTest.scrollIntoView(other);
        robot.clickOn(other);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(plain(c.whyNot(2)), read(why), "the reason of the other choice");
        ChallengeWindowTest.scrollIntoView(again);
        robot.clickOn(again);
        WaitForAsyncUtils.waitForFxEvents();
        RadioButton r = robot.lookup(".checkpoint-choice").queryAllAs(RadioButton.class).stream().toList()
                .get(c.answer());
        ChallengeWindowTest.scrollIntoView(r);
        robot.clickOn(r);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> !why.isVisible() && explanation.isVisible()), "right: the explanation only");
    }

    /**
     * The explorer opened while a question of the part is still open says that its findings may give the answer
     * away (lesson 12's "What will the checker report?" sat under a list of every violation, use-after-free first);
     * once the questions are answered it says nothing of the kind.
     */
    @Test
    void theExplorerSaysWhenAQuestionIsStillOpen(FxRobot robot) {
        settle(player);
        ExplorePane pane = openExplorer();
        Label note = (Label) fx(() -> pane.lookup("#explore-open-question"));
        assertTrue(fx(note::isVisible), "the note is shown");
        assertTrue(fx(note::getText).contains("2 questions of this part are not answered yet"), fx(note::getText));
        hide(pane);
        for (int cp = 0; cp < 2; cp++) {
            progress.recordAnswer(Lessons.key(lesson, 0), cp, 0);
        }
        openExplorer();
        assertTrue(fx(() -> !note.isVisible()), "every question answered: no note");
        hide(pane);
    }

    /**
     * At a clean step after earlier violations the checker's verdict does not say "no use-after-free" beside a list
     * of use-after-frees (lesson 12, part 3, at its last step: "Step 75: all 12 checks made at every step hold: no
     * use-after-free, no double free" over ten violations); it says the step breaks none and the list came earlier.
     */
    @Test
    void aCleanStepAfterViolationsIsNotCalledFreeOfThem() throws Exception {
        Lesson twelve = LessonLoader.load(Path.of("lessons", "12-race-b-use-after-free.yaml"));
        for (int cp = 0; cp < twelve.parts().get(0).checkpoints().size(); cp++) {
            progress.recordAnswer(Lessons.key(twelve, 0), cp, 0);
        }
        fx(() -> {
            view.openLesson(twelve, 0);
            return null;
        });
        settle(player);
        int at = fx(() -> {
            for (int i = player.size(); i > 0; i--) {
                player.seek(i);
                if (!player.scene().checks().soFar().isEmpty() && player.scene().checks().here().isEmpty()) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(at > 0, "a clean step after a violation");
        WaitForAsyncUtils.waitForFxEvents();
        String here = fx(() -> view.checker().hereText());
        assertTrue(!here.contains("no use-after-free") && here.contains("earlier"), here);
    }

    /**
     * The explorer's header names a part of the patch taken away as the toolbar does ("no mm_rb_lock"), not by its
     * id in the code ("NO_LOCK").
     */
    @Test
    void theExplorersHeaderNamesTheProtectionAsTheToolbarDoes() throws Exception {
        Lesson twelve = LessonLoader.load(Path.of("lessons", "12-race-b-use-after-free.yaml"));
        fx(() -> {
            view.openLesson(twelve, 0);
            return null;
        });
        settle(player);
        ExplorePane pane = openExplorer();
        String header = fx(pane::header);
        hide(pane);
        assertTrue(header.contains("no mm_rb_lock") && !header.contains("NO_LOCK"), header);
    }
}
