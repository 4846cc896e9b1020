package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * Issue 7 in the window, headless (Monocle): presentation mode and its keys, import of a small maps file and a
 * malformed one (its one-line error), a large import as an overview with Find address, and the step log's
 * text. The window fits the headless screen (1240x760).
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {
    static final String CAT = """
            555555554000-55555555c000 r-xp 00000000 08:01 1180733                    /bin/cat
            55555575b000-55555575c000 r--p 00007000 08:01 1180733                    /bin/cat
            55555575c000-55555575d000 rw-p 00008000 08:01 1180733                    /bin/cat
            55555575d000-55555577e000 rw-p 00000000 00:00 0                          [heap]
            7ffff79e4000-7ffff7bcb000 r-xp 00000000 08:01 1183451                    /lib/libc-2.27.so
            7ffff7dd1000-7ffff7dd5000 rw-p 00000000 00:00 0
            7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
            """;

    private Player player;
    private MainView view;
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage s) {
        stage = s;
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        player.load(Races.race(false));
    }




    @Test
    void presentationModeKeys(FxRobot robot) {
        settle(player);
        robot.push(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        Presentation pr = fx(() -> view.classroom().presentation());
        assertTrue(fx(pr::on), "P enters presentation mode");
        assertFalse(fx(() -> view.menuBar().isVisible()), "the menu bar is hidden");
        assertFalse(fx(() -> view.getBottom().isVisible()), "the timeline and status bar are hidden");
        assertTrue(fx(() -> view.lookup("#caption").isVisible()), "the caption stays");
        assertEquals(MainView.Theme.HIGH_CONTRAST, fx(view::theme));
        assertTrue(fx(stage::isFullScreen), "full screen");
        double font = fx(() -> view.lookup("#caption").getScaleX() > 0 ? ((javafx.scene.control.Label) view
                .lookup("#caption")).getFont().getSize() : 0);
        assertTrue(font > 19, "large type: " + font);
        robot.push(KeyCode.PAGE_DOWN);
        robot.push(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) fx(player::index));
        robot.push(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) fx(player::index));
        robot.push(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(pr::blanked), "B blanks the screen");
        assertTrue(fx(() -> view.lookup("#blank-screen").isVisible()));
        robot.push(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(pr::blanked), "B shows it again");
        double before = fx(pr::scale);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(pr::scale) > before, "Ctrl+= makes the type larger");
        Point2D c = fx(() -> view.tree().localToScreen(200, 150));
        robot.moveTo(c);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> pr.pointer().isVisible()), "the pointer highlight follows the mouse");
        Point2D at = fx(() -> pr.pointer().localToScreen(pr.pointer().getWidth() / 2, pr.pointer().getHeight() / 2));
        assertTrue(at.distance(c) < 3, at + " vs " + c);
        robot.push(KeyCode.B);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(pr::on), "Esc first shows a blanked screen");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(pr::on), "Esc leaves");
        assertTrue(fx(() -> view.menuBar().isVisible() && view.getBottom().isVisible()), "the chrome is back");
        assertEquals(MainView.Theme.LIGHT, fx(view::theme));
        assertFalse(fx(stage::isFullScreen));
        assertTrue(fx(() -> view.menuBar().find("menu-presentation") != null), "View ▸ Presentation mode");
    }

    @Test
    void importsASmallMapsFileAndReportsAMalformedOneInOneLine(FxRobot robot) throws Exception {
        settle(player);
        Path good = Files.writeString(dir.resolve("cat.maps"), CAT);
        fx(() -> {
            view.classroom().imports().importFile(good);
            return null;
        });
        until("the import", () -> !view.classroom().imports().reading() && !player.busy()
                && player.scenario().layout().size() == 7);
        assertTrue(fx(() -> player.scenario().title().contains("cat.maps")));
        assertEquals(7, (int) fx(() -> player.scene().nodes().size()));
        assertEquals("[heap]", fx(() -> player.scene().nodes().get(3).name()));
        assertTrue(fx(() -> view.classroom().imports().message()).startsWith("Imported 7 VMAs from "));
        assertFalse(fx(() -> view.classroom().imports().error()));
        Path bad = Files.writeString(dir.resolve("bad.maps"), CAT.replace("55555575b000-55555575c000 r--p",
                "55555575b000-55555575c000 r--q"));
        fx(() -> {
            view.classroom().imports().importFile(bad);
            return null;
        });
        until("the error", () -> view.classroom().imports().error());
        String msg = fx(() -> ((javafx.scene.control.Label) view.lookup("#import-message")).getText());
        assertEquals(bad + ":2: expected permissions such as r-xp, found 'r--q'", msg);
        assertFalse(msg.contains("\n"), "one line");
        assertTrue(fx(() -> view.lookup("#import-bar").isVisible()));
        assertEquals(7, (int) fx(() -> player.scene().nodes().size()), "the window keeps what it played");
        fx(() -> {
            view.classroom().imports().importFile(dir.resolve("missing.maps"));
            return null;
        });
        until("the missing file", () -> view.classroom().imports().message().contains("missing.maps: no such file"));
        assertTrue(fx(() -> view.menuBar().find("menu-import-maps") != null), "File ▸ Import maps…");
    }

    @Test
    void aLargeImportIsAnOverviewAndFindsAnAddress(FxRobot robot) throws Exception {
        settle(player);
        Path big = SyntheticMaps.write(dir, 3000);
        fx(() -> {
            view.classroom().imports().importFile(big);
            return null;
        });
        until("the import", () -> !player.busy() && player.scene() != null && player.scene().nodes().size() == 3000);
        assertTrue(fx(() -> view.tree().overviewShown()), "3,000 VMAs: the overview");
        // rows 0-1 (or 0-2 when the view has room for their numbers) as nodes, the row below as summaries
        int summaries = fx(() -> view.tree().overviewView().summaries().size());
        assertTrue(summaries == 4 || summaries == 8, "summaries: " + summaries);
        assertTrue(fx(() -> view.lookup("#tree-tools").isVisible()));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> view.classroom().tools().field().isFocused()), "Ctrl+F puts the keyboard in Find");
        robot.write("0x7ffffffde010");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String r = fx(() -> view.classroom().tools().result().getText());
        assertTrue(r.startsWith("0x7ffffffde010 is in [stack]"), r);
        int found = fx(() -> view.tree().found());
        assertEquals("[stack]", fx(() -> player.scene().node(found).name()));
        assertTrue(fx(() -> view.tree().overviewView().isShown(found)), "the path to it is open");
        // the keyboard: into the tree, select a summary, open it
        fx(() -> {
            view.tree().closeAll();
            view.tree().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        int sel = fx(() -> view.tree().selected());
        assertTrue(sel >= org.vmalab.viewmodel.Overview.SUMMARY_BASE, "the first item is a summary: " + sel);
        int before = fx(() -> view.tree().overviewView().summaries().size());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 3, (int) fx(() -> view.tree().overviewView().summaries().size()),
                "Enter opens it: one summary becomes 3 nodes and 4 summaries");
        assertTrue(fx(() -> view.tree().getAccessibleText()).startsWith("[") || fx(() -> view.tree()
                .getAccessibleText()).length() > 10, "the tree tells a screen reader what is selected");
    }

    @Test
    void theStepLogFollowsTheCursorAndCopies(FxRobot robot) {
        settle(player);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> view.classroom().stepLogShown()), "Ctrl+L shows the step log");
        robot.push(KeyCode.RIGHT);
        robot.push(KeyCode.RIGHT);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        StepLogPane log = fx(() -> view.classroom().stepLog());
        assertEquals(4, (int) fx(() -> log.list().getItems().size()), "entries 0..3");
        assertEquals(3, (int) fx(() -> log.list().getSelectionModel().getSelectedIndex()), "the current step");
        String text = fx(log::text);
        for (int i = 1; i <= 3; i++) {
            int k = i;
            assertTrue(text.contains(fx(() -> player.trace().caption(k))), text);
        }
        assertTrue(fx(() -> log.list().getAccessibleText()).equals("Step log"));
        robot.clickOn("#step-log-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, fx(() -> Clipboard.getSystemClipboard().getString()));
        robot.push(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, (int) fx(() -> log.list().getItems().size()), "back one step: the log shrinks");
        fx(() -> {
            log.list().requestFocus();
            log.list().getSelectionModel().selectAll();
            return null;
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains(fx(() -> player.trace().caption(2))), copied);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> view.classroom().stepLogShown()), "Ctrl+L hides it");
    }
}
