package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * Issue 12, item 5: presentation mode for a room. The side panes show only when the step needs them, headings
 * and names are never cut, nothing overlaps at 200 %, and leaving gives the window back as it was (the toolbar
 * whole, the panes, the theme).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationWindowTest {
    private Player player;
    private MainView view;

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

    private void layout() {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.applyCss();
            view.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static final List<String> WHOLE = List.of("panel-title", "lane-name", "lane-key", "lane-state", "lock-name",
            "lock-state", "thread-chip", "step-label", "caption", "checker-summary");

    /** Labels of the classes that must never be cut, which are: "text" shows less than the label says. */
    private List<String> cut() {
        List<String> out = new ArrayList<>();
        fx(() -> {
            walk(view, out);
            return null;
        });
        return out;
    }

    private static void walk(Parent p, List<String> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                    && l.getStyleClass().stream().anyMatch(WHOLE::contains)) {
                String shown = l.lookupAll(".text").stream().filter(t -> t instanceof Text).map(t -> ((Text) t)
                        .getText()).reduce("", String::concat);
                if (!shown.replace("\n", " ").replaceAll("\\s+", " ").strip().equals(l.getText().replaceAll("\\s+",
                        " ").strip())) {
                    out.add(l.getStyleClass() + " '" + l.getText() + "' shows as '" + shown + "'");
                }
            }
            if (n instanceof Parent q) {
                walk(q, out);
            }
        }
    }

    /** Code lines of each lane, and the rows of the locks panel, that overlap one another. */
    private List<String> overlaps() {
        List<String> out = new ArrayList<>();
        fx(() -> {
            for (ThreadLane l : view.lanes()) {
                List<Bounds> rows = new ArrayList<>();
                for (int i : l.code().visibleLines()) {
                    Node r = l.code().row(i);
                    rows.add(r.localToScene(r.getLayoutBounds()));
                }
                check(rows, l.name() + " code", out);
            }
            Node grid = view.lookup(".locks-grid");
            if (grid != null && grid.isVisible()) {
                List<Bounds> rows = new ArrayList<>();
                for (Node r : ((Parent) grid).getChildrenUnmodifiable()) {
                    rows.add(r.localToScene(r.getLayoutBounds()));
                }
                check(rows, "locks", out);
            }
            return null;
        });
        return out;
    }

    private static void check(List<Bounds> rows, String what, List<String> out) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).getMinY() < rows.get(i - 1).getMaxY() - 0.5) {
                out.add(what + ": row " + i + " overlaps the one above (" + rows.get(i - 1).getMaxY() + " > "
                        + rows.get(i).getMinY() + ")");
            }
        }
    }

    @Test
    void thePanesTheStepNeedsNothingCutNothingOverlappingAndLeavingRestores(FxRobot robot) {
        settle(player);
        layout();
        List<Double> toolbar = fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .map(n -> n.getLayoutBounds().getWidth()).toList());
        assertTrue(cut().isEmpty(), "before: " + cut());
        robot.push(KeyCode.P);
        layout();
        Presentation pr = fx(() -> view.classroom().presentation());
        assertTrue(fx(pr::on));
        // at the start no lock is held and nothing broke: the tree and the threads get the room
        assertFalse(fx(view::sidePanesShown), "the locks and the checker collapse while no lock is in use");
        // a step that takes mmap_sem: the locks come back
        int taken = -1;
        for (int i = 1; i <= fx(() -> player.size()) && taken < 0; i++) {
            int at = i;
            fx(() -> {
                player.seek(at);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (fx(() -> !player.scene().locks().semWriter().isEmpty() || !player.scene().locks().semReaders()
                    .isEmpty())) {
                taken = i;
            }
        }
        assertTrue(taken > 0);
        layout();
        assertTrue(fx(view::sidePanesShown), "a lock is held: the locks pane shows");
        List<String> c = cut();
        assertTrue(c.isEmpty(), "presentation at 150 %: " + String.join("\n", c));
        assertTrue(overlaps().isEmpty(), String.join("\n", overlaps()));
        fx(() -> {
            pr.setScale(4);
            return null;
        });
        layout();
        assertEquals(2.0, fx(pr::scale), 1e-9);
        assertTrue(overlaps().isEmpty(), "at 200 %: " + String.join("\n", overlaps()));
        robot.push(KeyCode.ESCAPE);
        layout();
        assertFalse(fx(pr::on));
        assertTrue(fx(view::sidePanesShown), "the side panes are back");
        List<Double> after = fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .map(n -> n.getLayoutBounds().getWidth()).toList());
        assertEquals(toolbar.size(), after.size());
        for (int i = 0; i < toolbar.size(); i++) {
            assertEquals(toolbar.get(i), after.get(i), 1.0, "toolbar item " + i + " is as it was");
        }
        assertTrue(fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .allMatch(Node::isVisible)), "the whole toolbar is back");
        assertEquals(MainView.Theme.LIGHT, fx(view::theme));
        assertTrue(cut().isEmpty(), "after: " + cut());
    }
}
