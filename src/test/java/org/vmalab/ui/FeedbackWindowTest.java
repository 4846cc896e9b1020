package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * Issue 12, item 8: feedback next to the thing. The explorer closes with Esc and with its Close button and its
 * header follows the run the window plays; the hints match the state (no "take the first step" without
 * threads); "1 step/s". (A sleeping thread's refusal beside its lane and the menu bar at launch are in
 * {@link ThreadsWindowTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class FeedbackWindowTest {
    private Player player;
    private MainView view;
    @TempDir
    Path dir;

    @Start
    void start(Stage s) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1240, 760));
        s.sizeToScene();
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        player.load(Races.race(false));
    }

    @Test
    void theExplorerClosesWithEscAndCloseAndFollowsTheRun(FxRobot robot) {
        settle(player);
        fx(() -> {
            view.menuBar().actions().explore();
            return null;
        });
        ExplorePane pane = fx(() -> view.menuBar().actions().explorePane());
        until("the explorer", () -> pane.stage().isShowing());
        String before = fx(pane::header);
        assertTrue(before.contains("the patch as written"), before);
        fx(() -> {
            player.toggle(ProtectionToggle.NO_REFCOUNT, true);
            return null;
        });
        settle(player);
        String after = fx(pane::header);
        assertNotEquals(before, after, "the header follows the run the window plays");
        assertTrue(after.contains("no refcount"), after);
        robot.targetWindow(pane.stage());
        fx(() -> {
            pane.stage().requestFocus();
            return null;
        });
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> pane.stage().isShowing()), "Esc closes the explorer");
        fx(() -> {
            view.menuBar().actions().explore();
            return null;
        });
        until("the explorer again", () -> pane.stage().isShowing());
        robot.clickOn("#explore-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> pane.stage().isShowing()), "Close closes it");
    }

    @Test
    void withoutThreadsTheHintsSayHowToAddThem() throws Exception {
        settle(player);
        assertTrue(fx(() -> caption("where")).contains("Press →"), "with threads: how to step");
        Path maps = Files.writeString(dir.resolve("cat.maps"), ClassroomWindowTest.CAT);
        fx(() -> {
            view.classroom().imports().importFile(maps);
            return null;
        });
        until("the import", () -> !view.classroom().imports().reading() && !player.busy()
                && player.scenario().threads().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String where = fx(() -> caption("where"));
        assertFalse(where.contains("first step"), where);
        assertTrue(where.contains("Edit scenario"), where);
        assertTrue(fx(view::lanesHint).startsWith("No threads"));
    }

    private String caption(String styleClass) {
        return view.lookupAll("." + styleClass).stream().filter(n -> n instanceof Label).map(n -> ((Label) n)
                .getText()).findFirst().orElse("");
    }

    @Test
    void oneStepPerSecondIsSingular() {
        assertEquals("1 step/s", MainView.speedText(1));
        assertEquals("2 steps/s", MainView.speedText(2));
        assertEquals("0.5 steps/s", MainView.speedText(0.5));
        @SuppressWarnings("unchecked")
        ComboBox<String> speed = fx(() -> (ComboBox<String>) view.lookupAll(".combo-box").iterator().next());
        assertTrue(fx(() -> speed.getItems().contains("1 step/s")), fx(() -> speed.getItems().toString()));
        assertFalse(fx(() -> speed.getItems().contains("1 steps/s")));
    }
}
