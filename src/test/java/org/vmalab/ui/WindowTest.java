package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * The window, headless (Monocle): open it, step, go back, choose a thread, toggle a protection and watch a
 * violation appear and disappear. Engine runs go to the background thread; the tests wait for them without
 * sleeping. The window fits the headless screen (1280x800 by default).
 */
@ExtendWith(ApplicationExtension.class)
class WindowTest {
    private Player player;
    private MainView view;

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        player.load(Races.race(false));
    }


    /** Waits until the engine run (if any) is installed and the UI thread is idle. */

    private String caption(FxRobot robot) {
        return fx(() -> robot.lookup("#caption").queryAs(Label.class).getText());
    }

    /** The keys card: ? opens it, and F1 (help's key everywhere) too; Esc closes it. */
    @Test
    void f1OpensTheKeysCardAndEscClosesIt(FxRobot robot) {
        settle(player);
        for (KeyCode[] keys : new KeyCode[][] {{KeyCode.SHIFT, KeyCode.SLASH}, {KeyCode.F1}}) {
            robot.push(keys);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.stage.Window card = fx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w.getScene() != null
                            && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d
                            && "Keyboard shortcuts".equals(d.getHeaderText()))
                    .findFirst().orElse(null));
            assertTrue(card != null, "the keys card shows after " + java.util.Arrays.toString(keys));
            assertTrue(fx(() -> ((javafx.scene.control.DialogPane) card.getScene().getRoot()).getContent()
                    instanceof Label l && l.getText().contains("F1")), "the card says F1 opens it");
            robot.push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(fx(card::isShowing), "Esc closes the card");
        }
    }

    @Test
    void opensOnTheRaceAtTheInitialState(FxRobot robot) {
        settle(player);
        assertTrue(caption(robot).startsWith("Initial state: 7 VMAs"), caption(robot));
        assertEquals(2, (int) fx(() -> view.lanes().size()));
        assertEquals(7, (int) fx(() -> player.scene().nodes().size()));
        assertTrue(fx(() -> view.tree().shownFrame() != null), "the tree was drawn");
        Color light = fx(() -> view.palette().get(Ink.BG));
        fx(() -> {
            view.selectTheme(MainView.Theme.DARK);
            return null;
        });
        assertNotEquals(light, fx(() -> view.palette().get(Ink.BG)), "the dark theme's background");
    }

    @Test
    void stepsForwardAndGoesBack(FxRobot robot) {
        settle(player);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) fx(() -> player.index()));
        String first = caption(robot);
        assertTrue(first.contains("user fault at 0x55555575e000"), first);
        robot.push(KeyCode.RIGHT);
        robot.clickOn("#step-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, (int) fx(() -> player.index()));
        robot.clickOn("#step-back");
        robot.push(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) fx(() -> player.index()));
        assertEquals(first, caption(robot));
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((int) fx(() -> player.size()), (int) fx(() -> player.index()));
        robot.push(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) fx(() -> player.index()));
    }

    @Test
    void choosesAThreadByItsNumberAndByClickingItsLane(FxRobot robot) {
        settle(player);
        robot.push(KeyCode.DIGIT2);
        settle(player);
        assertEquals(1, (int) fx(() -> player.index()));
        assertEquals(1, (int) fx(() -> player.trace().step(1).thread()), "T2 took the first step");
        assertTrue(caption(robot).contains("down_write(mmap_sem)"), caption(robot));
        ThreadLane t1 = fx(() -> {
            view.revealLane(view.lanes().get(0));
            return view.lanes().get(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(t1);
        settle(player);
        assertEquals(2, (int) fx(() -> player.index()));
        assertEquals(0, (int) fx(() -> player.trace().step(2).thread()), "T1 took the second step");
    }

    @Test
    void aProtectionMakesTheViolationAppearAndDisappear(FxRobot robot) {
        settle(player);
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> view.checker().list().getItems().isEmpty()), "the patch: no violation");
        // the step's verdict in words a student reads, the checks' short names only in its tooltip
        String clean = fx(() -> view.checker().hereText());
        assertTrue(clean.contains("checks made at every step hold: no use-after-free"), clean);
        assertFalse(clean.contains("I-UAF"), clean);
        assertTrue(fx(() -> view.checker().hereTooltip()).contains("I-UAF: no thread reads or writes a freed VMA"));
        robot.clickOn("#toggle-" + ProtectionToggle.NO_REFCOUNT.name());
        settle(player);
        assertTrue(fx(() -> player.scenario().protection().has(ProtectionToggle.NO_REFCOUNT)));
        assertFalse(fx(() -> view.checker().list().getItems().isEmpty()), "without the refcount: a violation");
        assertEquals("I_UAF", fx(() -> view.checker().list().getItems().get(0).invariant().name()));
        robot.clickOn("#first-violation");
        WaitForAsyncUtils.waitForFxEvents();
        int first = fx(() -> player.trace().firstViolationStep());
        assertEquals(first, (int) fx(() -> player.index()));
        assertTrue(caption(robot).contains("checks of heap"), caption(robot));
        String broken = fx(() -> view.checker().hereText());
        assertTrue(broken.matches("Step " + first + " breaks: use-after-free \\(I-UAF\\)\\.?.*"), broken);
        robot.clickOn("#toggle-" + ProtectionToggle.NO_REFCOUNT.name());
        settle(player);
        assertTrue(fx(() -> view.checker().list().getItems().isEmpty()), "the patch again: gone");
        assertEquals(-1, (int) fx(() -> player.trace().firstViolationStep()));
    }
}
