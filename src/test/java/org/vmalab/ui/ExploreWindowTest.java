package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.trace.Trace;
import org.vmalab.explore.AbTable;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Finding;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * Exploring from the window (issue 5, item 4), headless: Explore runs in the background with progress, the
 * results list the verdict, the violations with their shortest schedules and the outcomes; a click on a
 * violation plays its schedule in the player (keeping a lesson's narration); the A/B table shows each setting.
 */
@ExtendWith(ApplicationExtension.class)
class ExploreWindowTest {
    private Player player;
    private MainView view;

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        player.load(Races.race(true));
    }




    private ExplorePane openExplore(String menuId) {
        fx(() -> {
            view.menuBar().find(menuId).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ExplorePane p = fx(() -> view.menuBar().actions().explorePane());
        assertNotNull(p);
        assertTrue(fx(() -> p.stage().isShowing()));
        return p;
    }

    @Test
    void exploreFindsTheUseAfterFreeAndAClickPlaysItsShortestSchedule(FxRobot robot) {
        settle(player);
        ExplorePane pane = openExplore("menu-explore-schedules");
        long ms = fx(() -> {
            long t0 = System.nanoTime();
            pane.startSearch();
            return (System.nanoTime() - t0) / 1_000_000;
        });
        assertTrue(ms < 500, "starting a search returns at once (" + ms + " ms)");
        waitFor(() -> pane.result() != null, "the search");
        ExploreResult r = fx(pane::result);
        assertEquals(ExploreResult.Verdict.VIOLATION, r.verdict());
        String verdict = fx(() -> robot.from(pane).lookup("#explore-verdict").queryAs(Label.class).getText());
        assertTrue(verdict.contains("Violation found"), verdict);
        String progress = fx(() -> robot.from(pane).lookup("#explore-progress").queryAs(Label.class).getText());
        assertTrue(progress.contains("states") && progress.contains("distinct"), progress);
        ListView<Finding> list = fx(() -> robot.from(pane).lookup("#explore-findings").queryListView());
        assertEquals(r.findings().size(), (int) fx(() -> list.getItems().size()));
        assertTrue(r.breaks("I-UAF"), "without the reference count: a use-after-free");
        ListView<?> outcomes = fx(() -> robot.from(pane).lookup("#explore-outcomes").queryListView());
        assertEquals(r.outcomes().size(), (int) fx(() -> outcomes.getItems().size()));

        Finding first = r.findings().get(0);
        fx(() -> {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        settle(player);
        assertEquals(first.schedule(), fx(() -> player.schedule()));
        assertEquals(0, (int) fx(() -> player.index()), "loaded at the start, ready to play");
        Trace t = fx(() -> player.trace());
        assertEquals(first.steps(), t.size());
        assertTrue(t.step(t.size()).violations().stream().anyMatch(v -> v.kind().equals(first.kind())),
                "the violation is on the last step");
        String status = fx(() -> robot.from(pane).lookup("#explore-status").queryAs(Label.class).getText());
        assertTrue(status.startsWith("Loaded " + first.kind()), status);
        // "V to jump to the violation", pressed where the click left the focus: in the explorer's list
        assertTrue(fx(() -> pane.getScene().getFocusOwner() == list), "the list has the focus");
        robot.push(KeyCode.V);
        settle(player);
        assertEquals(t.size(), (int) fx(() -> player.index()), "V jumps to the violation from the explorer too");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLessonKeepsItsNarrationWhenAViolationIsLoaded() throws Exception {
        settle(player);
        Lesson l = LessonLoader.load(Path.of("lessons/12-race-b-use-after-free.yaml"));
        fx(() -> {
            view.openLesson(l, 0);
            return null;
        });
        settle(player);
        assertTrue(fx(() -> player.scenario().protection().has(ProtectionToggle.NO_LOCK)),
                "part 1 is the no-lock race");
        ExplorePane pane = openExplore("menu-explore-schedules");
        fx(() -> {
            pane.startSearch();
            return null;
        });
        waitFor(() -> pane.result() != null, "the search");
        ExploreResult r = fx(pane::result);
        assertFalse(r.findings().isEmpty());
        ListView<Finding> list = fx(() -> (ListView<Finding>) pane.lookup("#explore-findings"));
        fx(() -> {
            list.getSelectionModel().select(0);
            list.getOnMouseClicked().handle(new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false,
                    false, false, false, false, null));
            return null;
        });
        settle(player);
        assertEquals(r.findings().get(0).schedule(), fx(() -> player.schedule()));
        besideTheTree(pane);
        assertEquals(Lessons.key(l, 0), fx(() -> player.playable().id()), "still the lesson's part");
        assertTrue(fx(() -> player.playable().narration() instanceof org.vmalab.viewmodel.LessonNarration));
        fx(() -> {
            player.end();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> player.scene().narration()).isEmpty() && fx(() -> view.lessonPane().lesson()) == null,
                "the narration follows the new run");
        assertEquals(l, fx(() -> view.lessonPane().lesson()));
    }

    /**
     * The explorer, once it has loaded a schedule into the player, stands beside the tree, not over it: the student
     * watches the replay in the tree (it covered the tree while lesson 12's use-after-free played under it), and the
     * window stays whole on the screen, large enough to read its lists.
     */
    private void besideTheTree(ExplorePane pane) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Rectangle2D win = fx(() -> new javafx.geometry.Rectangle2D(pane.stage().getX(),
                pane.stage().getY(), pane.stage().getWidth(), pane.stage().getHeight()));
        javafx.geometry.Bounds tree = fx(() -> view.tree().localToScreen(view.tree().getLayoutBounds()));
        assertFalse(win.intersects(tree.getMinX(), tree.getMinY(), tree.getWidth(), tree.getHeight()),
                "the explorer " + win + " beside the tree " + tree);
        javafx.geometry.Rectangle2D screen = fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
        assertTrue(screen.contains(win), "on the screen " + screen + ": " + win);
        assertTrue(win.getWidth() >= ExplorePane.ASIDE_MIN_WIDTH && win.getHeight() >= ExplorePane.ASIDE_MIN_HEIGHT,
                "readable: " + win);
        assertTrue(fx(() -> pane.stage().isShowing()), "still open, its results at hand");
    }

    @Test
    void cancelStopsTheSearchAndItIsNeverAPass() {
        settle(player);
        ExplorePane pane = openExplore("menu-explore-schedules");
        fx(() -> {
            pane.startSearch();
            pane.cancel();
            return null;
        });
        waitFor(() -> pane.result() != null, "the cancelled search");
        ExploreResult r = fx(pane::result);
        if (!r.complete()) {
            assertTrue(r.incompleteReasons().contains("cancelled"), r.incompleteReasons().toString());
            assertTrue(r.verdict() != ExploreResult.Verdict.PASS);
        }
        assertFalse(fx(pane::searching));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAbTableShowsEverySettingAndPlaysWhatARowFinds(FxRobot robot) {
        settle(player);
        fx(() -> {
            player.load(Races.race(false));
            return null;
        });
        settle(player);
        ExplorePane pane = openExplore("menu-ab-table");
        fx(() -> {
            pane.startAb();
            return null;
        });
        waitFor(() -> pane.abResult() != null, "the A/B table");
        AbTable ab = fx(pane::abResult);
        assertEquals(AbTable.SETTINGS.size(), ab.rows().size());
        assertEquals(ExploreResult.Verdict.PASS, ab.patch().result().verdict(), "the patch: every schedule safe");
        TableView<AbTable.Row> table = fx(() -> (TableView<AbTable.Row>) pane.lookup("#ab-table"));
        assertEquals(ab.rows().size(), (int) fx(() -> table.getItems().size()));
        int k = -1;
        for (int i = 0; i < ab.rows().size(); i++) {
            if (ab.rows().get(i).setting().equals("NO_REFCOUNT")) {
                k = i;
            }
        }
        assertTrue(k > 0);
        AbTable.Row row = ab.rows().get(k);
        assertFalse(row.result().findings().isEmpty(), "NO_REFCOUNT finds the use-after-free");
        int kk = k;
        fx(() -> {
            table.getSelectionModel().select(kk);
            return null;
        });
        ListView<Finding> list = fx(() -> (ListView<Finding>) pane.lookup("#ab-findings"));
        assertEquals(row.result().findings(), fx(() -> List.copyOf(list.getItems())));
        fx(() -> {
            list.getSelectionModel().select(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        settle(player);
        assertTrue(fx(() -> player.scenario().protection().has(ProtectionToggle.NO_REFCOUNT)), "the row's protection");
        Trace replay = Engine.run(row.result().scenario(), row.result().findings().get(0).schedule());
        assertEquals(replay.scheduleUsed(), fx(() -> player.trace().scheduleUsed()));
    }
}
