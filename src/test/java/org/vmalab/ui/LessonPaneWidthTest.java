package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmalab.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lesson pane keeps its share of the window's width when the window is enlarged after the lesson opened: it
 * kept the width it had, and the part titles in its list, which fit in a window opened at the larger size, ended
 * in "…".
 */
@ExtendWith(ApplicationExtension.class)
class LessonPaneWidthTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void anEnlargedWindowGivesThePartTitlesTheWidthOfAWindowOpenedThatLarge() {
        TreeViewTest.Window small = fx(() -> {
            TreeViewTest.Window w = new TreeViewTest.Window(900, 600);
            stage.setScene(w.scene);
            stage.show();
            return w.lesson("race-b-use-after-free");
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> before = fx(() -> shown(small));
        fx(() -> {
            // (hidden meanwhile: Monocle's painter, mid-frame, does not follow a window that changes size)
            stage.hide();
            stage.setWidth(1240);
            stage.setHeight(760);
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until("the window enlarged", () -> small.view.getWidth() > 1200);
        WaitForAsyncUtils.waitForFxEvents();
        TreeViewTest.Window large = fx(() -> new TreeViewTest.Window((int) small.view.getWidth(),
                (int) small.view.getHeight()).lesson("race-b-use-after-free"));
        double want = fx(() -> large.view.lessonPane().getWidth());
        double got = fx(() -> {
            small.settle();
            return small.view.lessonPane().getWidth();
        });
        assertEquals(want, got, 2, "the Lesson pane's width (it was " + before + " before)");
        assertEquals(fx(() -> shown(large)), fx(() -> shown(small)), "the part titles as shown");
    }

    /** The part titles as the Lesson pane's list shows them (cut with "…" where they do not fit). */
    private static List<String> shown(TreeViewTest.Window w) {
        w.settle();
        List<String> out = new ArrayList<>();
        for (Node c : w.view.lookup("#lesson-parts").lookupAll(".list-cell")) {
            if (c instanceof ListCell<?> lc && lc.getText() != null
                    && lc.lookup(".text") instanceof javafx.scene.text.Text t) {
                out.add(t.getText());
            }
        }
        return out;
    }
}
