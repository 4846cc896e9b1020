package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.vmalab.ui.FxWait.fx;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's split measures its own divider, not one of a split pane inside it: a lookup by style class alone
 * finds a nested split's divider first (the items come before the dividers), and the Lesson pane was then placed by
 * the wrong width.
 */
@ExtendWith(ApplicationExtension.class)
class DividerWidthTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the test builds its split panes in a scene of their own
    }

    @Test
    void theSplitsOwnDividerIsMeasuredNotANestedOne() {
        fx(() -> {
            SplitPane inner = new SplitPane(new StackPane(), new StackPane());
            inner.setOrientation(Orientation.VERTICAL);
            SplitPane outer = new SplitPane(inner, new StackPane());
            Scene scene = new Scene(new StackPane(outer), 600, 400);
            outer.applyCss();
            outer.layout();
            Node nested = null;
            Node own = null;
            for (Node d : outer.lookupAll(".split-pane-divider")) {
                if (d.getParent() == inner) {
                    nested = d;
                } else if (d.getParent() == outer) {
                    own = d;
                }
            }
            // the nested divider is wider: a measure of the wrong one shows
            nested.setStyle("-fx-padding: 0 0 9 0;");
            own.setStyle("-fx-padding: 0 2 0 2;");
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            double width = ((Region) own).getWidth();
            assertNotEquals(((Region) nested).getWidth(), width, "two widths to tell apart");
            assertEquals(width, MainView.dividerWidth(outer), 1e-9, "the outer split's own divider");
            assertEquals(0, MainView.dividerWidth(new SplitPane()), 1e-9, "no divider yet");
            return null;
        });
    }
}
