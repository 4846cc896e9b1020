package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;

/**
 * Issue 12 on a small screen: at 1280x720 and 1280x800, with the lesson pane open on a challenge and both threads
 * showing their pseudo-C, the tree keeps a readable share of the height between the toolbar and the transport
 * (the threads band and the lesson pane give way first), and after Fit every node of the lesson's tree is drawn
 * inside the view with its text inside its box. Lesson 1's first question, in a window opened as the application
 * opens it, is in the lesson pane's view with its Check button at 1280x720 and in a window 64 px shorter.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenWindowTest {
    /** The tree's least share of the height between the caption bar and the transport. */
    static final double TREE_SHARE = 0.35;

    private Stage stage;
    private Player player;
    private MainView view;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1280, 720));
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        Lesson l = LessonLoader.load(Path.of("lessons", "11-race-a-lockless-walk.yaml"));
        view.setLessons(Path.of("."), List.of(), Lessons.Progress.inMemory());
        view.openLesson(l, 1);
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** With {@code -Dsmall.snapshot=true}, the window as it is now to target/{@code name}. */
    private void snapshot(String name) {
        if (Boolean.getBoolean("small.snapshot")) {
            javafx.scene.image.WritableImage img = fx(() -> view.getScene().snapshot(null));
            fx(() -> {
                Screenshots.write(img, Path.of("target", name));
                return null;
            });
        }
    }

    private void checkAt(FxRobot robot, int w, int h) {
        fx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.tree().fit();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String at = w + "x" + h + ": ";
        snapshot("small-" + w + "x" + h + ".png");
        double top = fx(() -> scene(view.lookup(".caption-bar")).getMaxY());
        double bottom = fx(() -> scene(view.lookup(".timeline")).getMinY());
        double tree = fx(() -> view.tree().getHeight());
        assertTrue(tree >= TREE_SHARE * (bottom - top), at + "the tree has " + tree + " px of " + (bottom - top));
        assertEquals(null, fx(() -> {
            TreeCanvas t = view.tree();
            TreeCanvas.Rect area = new TreeCanvas.Rect(0, 0, t.getWidth(), t.getHeight() - t.legendRoom());
            if (t.drawn().size() != player.scene().nodes().size()) {
                return "drawn " + t.drawn().size() + " of " + player.scene().nodes().size();
            }
            for (TreeCanvas.Drawn d : t.drawn()) {
                if (!d.box().inside(area)) {
                    return d + " is not inside " + area;
                }
                for (TreeCanvas.DrawnText x : d.texts()) {
                    if (x.width() > x.room() + 1e-6 || x.text().endsWith("…")) {
                        return x.text() + " does not fit its box";
                    }
                }
            }
            return null;
        }), at + "after Fit");
        assertTrue(fx(() -> view.tree().zoom() * view.tree().detail().readableSize()) >= 9 - 1e-9,
                at + "readable");
        // every line number in the lanes reads in full (it was cut to "22…" beside a long line)
        assertEquals(List.of(), fx(() -> {
            List<String> cut = new java.util.ArrayList<>();
            for (Node n : view.lookupAll(".code-number")) {
                if (n instanceof javafx.scene.control.Label l && l.isVisible() && !l.getText().isEmpty()
                        && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                    cut.add(l.getText() + " in " + l.getWidth() + " px of " + l.prefWidth(-1));
                }
            }
            return cut;
        }), at + "line numbers whole");
        // the locks' words are not cut at the bottom of their panel
        assertTrue(fx(() -> {
            Node locks = view.lookup(".locks-panel");
            return locks == null || locks.getLayoutBounds().getHeight() + 0.5 >= locks.prefHeight(
                    locks.getLayoutBounds().getWidth());
        }), at + "the locks' text whole");
        challengeControlsInView(at);
    }

    @Test
    void aChallengeOnASmallScreenLeavesTheTreeItsShare(FxRobot robot) {
        settle(player);
        // both threads under way: their pseudo-C in the band
        for (int k = 0; k < 3; k++) {
            robot.push(KeyCode.DIGIT1);
            settle(player);
        }
        for (int k = 0; k < 4; k++) {
            robot.push(KeyCode.DIGIT2);
            settle(player);
        }
        waitFor(() -> player.size() >= 7, "seven steps");
        checkAt(robot, 1280, 720);
        checkAt(robot, 1280, 800);
    }

    /**
     * A challenge part opened at 1280x720 shows what its narration says before the student tries (lesson 11's "Your
     * turn" card, lesson 10's "Two threads, one lock") together with the goal and the controls: the pane scrolled
     * the narration out of view to show the challenge from its top.
     */
    @Test
    void aChallengeOpensOnItsNarrationWithItsGoalInView() throws Exception {
        Lesson eleven = LessonLoader.load(Path.of("lessons", "11-race-a-lockless-walk.yaml"));
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            view.openLesson(eleven, 1);
            return null;
        });
        settle(player);
        narrationAndGoalInView("lesson 11, part 2: ");
        Lesson ten = LessonLoader.load(Path.of("lessons", "10-you-are-the-scheduler.yaml"));
        fx(() -> {
            view.openLesson(ten, 0);
            return null;
        });
        settle(player);
        narrationAndGoalInView("lesson 10, part 1: ");
    }

    private void narrationAndGoalInView(String at) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> !((javafx.scene.control.Label) view.lookup(".narration-title")).getText().isEmpty()),
                at + "a narration card");
        controlsInView(at + "the narration, the goal and the challenge's buttons in view", ".narration-title",
                ".narration-text", "#challenge-goal", "#challenge-undo", "#challenge-restart", "#challenge-hint",
                "#challenge-give-up");
    }

    /** The challenge's controls (step back, start over, hint, give up) are in view without scrolling the pane. */
    private void challengeControlsInView(String at) {
        controlsInView(at + "the challenge's buttons in view", "#challenge-undo", "#challenge-restart",
                "#challenge-hint", "#challenge-give-up");
    }

    /** The controls {@code ids} that are shown are inside the lesson pane's viewport, as it is scrolled now. */
    private void controlsInView(String what, String... ids) {
        assertEquals(List.of(), fx(() -> {
            List<String> hidden = new java.util.ArrayList<>();
            javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) view.lookup(".narration-scroll");
            Bounds port = sp.localToScene(sp.getLayoutBounds());
            for (String id : ids) {
                Node b = view.lookup(id);
                if (b != null && b.isVisible()) {
                    Bounds r = scene(b);
                    if (r.getMinY() < port.getMinY() - 0.5 || r.getMaxY() > port.getMaxY() + 0.5) {
                        hidden.add(id + " at y " + (int) r.getMinY() + ".." + (int) r.getMaxY() + ", the pane shows "
                                + (int) port.getMinY() + ".." + (int) port.getMaxY());
                    }
                }
            }
            return hidden;
        }), what);
    }

    /**
     * Lesson 1's first question (the window opens on it) at 1280x720: the question, its choices and the Check and Skip
     * buttons are in the lesson pane's view as it stands when the question comes, without scrolling the pane.
     */
    @Test
    void lessonOnesFirstQuestionIsInViewAt1280x720(FxRobot robot) throws Exception {
        settle(player);
        Lesson l = LessonLoader.load(Path.of("lessons", "01-mmap-sem-convoy.yaml"));
        // a window opened as the application opens it (the scene made at the window's size, the lesson opened once
        // the window shows), where it was last time: 1280x720 at the screen's corner
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("org/vmalab/test-small-"
                + System.nanoTime());
        WindowPrefs prefs = new WindowPrefs(node);
        prefs.save(new WindowPrefs.Place(0, 0, 1280, 720, false));
        Stage own = fx(() -> {
            FxWait.closeWithPopups(stage);
            Stage s = new Stage();
            player = new Player(new FxTaskRunner());
            view = new MainView(player);
            VmaLabApp.show(s, view, prefs);
            view.selectTheme(MainView.Theme.LIGHT);
            view.setLessons(Path.of("."), List.of(), Lessons.Progress.inMemory());
            view.openLesson(l, 0);
            return s;
        });
        stage = own;
        settle(player);
        for (int k = 0; k < 12 && !fx(() -> view.lessonPane().checkpointShown()); k++) {
            robot.push(KeyCode.RIGHT);
            settle(player);
        }
        assertTrue(fx(() -> view.lessonPane().checkpointShown()), "the question shows");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("small-question-1280x720.png");
        try {
            controlsInView("1280x720: the question in view", "#checkpoint", "#checkpoint-check", "#checkpoint-skip");
            // the same screen with a title bar and a panel: the lesson's chrome gives way to the question
            fx(() -> {
                own.setHeight(656);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("small-question-1280x656.png");
            controlsInView("1280x656: the question in view", "#checkpoint", "#checkpoint-check", "#checkpoint-skip");
        } finally {
            FxWait.closeWithPopups(own);
            node.removeNode();
        }
    }

    @Test
    void aLongChallengeGoalKeepsItsButtonsInView() throws Exception {
        settle(player);
        // lesson 12's third part: a goal of three lines, a lesson of seven parts
        Lesson l = LessonLoader.load(Path.of("lessons", "12-race-b-use-after-free.yaml"));
        fx(() -> {
            view.openLesson(l, 2);
            return null;
        });
        settle(player);
        waitFor(() -> view.lookup("#challenge-hint") != null && view.lookup("#challenge-hint").isVisible(),
                "the challenge shows");
        for (int[] size : new int[][] {{1280, 720}, {1280, 800}}) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                view.getScene().getRoot().applyCss();
                view.getScene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            challengeControlsInView(size[0] + "x" + size[1] + ": ");
        }
    }
}
