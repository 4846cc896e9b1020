package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The step's callout leaves what it sits beside readable: a node's {@code vm_ref_count} badge whole (in a 1920x1080
 * window the callout of lesson 12's first part touched data's badge at step 12, and its border, drawn over the
 * badge's, hid the badge's edge).
 */
@ExtendWith(ApplicationExtension.class)
class CalloutClearanceTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the probe builds its tree area in a scene of its own
    }

    /** The tree's area in a 1920x1080 window with the lesson pane open. */
    private static final int[] FULL_HD_TREE = {1030, 547};

    @Test
    void theCalloutKeepsClearOfEveryBadgeInAFullHdWindow() throws Exception {
        int[] frames = {0};
        List<String> problems = TreeMarksProbe.check(Path.of("lessons", "12-race-b-use-after-free.yaml"), 0,
                FULL_HD_TREE[0], FULL_HD_TREE[1], new double[] {0.5, 1}, frames);
        assertEquals(List.of(), problems, frames[0] + " frames");
    }
}
