package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Follow in the tree areas of the window at the sizes teachers and students use (1280x720, 1600x1000, 1920x1080, the
 * lesson pane open), every lesson part played step by step ({@link TreeMarksProbe}): at rest, a tree whose nodes fit
 * the viewport is whole in it, and else every node the step touched (its subject, its second node, the nodes it
 * stored to or changed) lies whole in the viewport with the node its callout is about, when they fit there together
 * ({@link TreeMarksProbe#followed}). At 1280x720 Follow left lesson 5's {@code text} cut at the tree's left edge and
 * lesson 12 part 4's off-tree row cut at the foot.
 */
@ExtendWith(ApplicationExtension.class)
class FollowTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the test builds its window in a scene of its own
    }

    /**
     * The tree areas of the window at the three sizes with the lesson pane open, as measured in a real window (the
     * threads band takes more or less of the height as the step's threads need it).
     */
    private static final int[][] AREAS = {{599, 300}, {599, 250}, {686, 257}, {860, 450}, {1000, 420}, {1180, 560},
        {1180, 480}};

    /** The probe's problems (Follow's: a node cut by the viewport) in a lesson part at {@link #AREAS}. */
    private static List<String> probe(String file, int part) throws Exception {
        List<String> out = new ArrayList<>();
        for (int[] a : AREAS) {
            int[] frames = {0};
            for (String p : TreeMarksProbe.check(java.nio.file.Path.of("lessons", file), part, a[0], a[1],
                    new double[] {1}, frames)) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void lesson5sTreeStaysWholeInTheArea() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int part = 0; part < TreeViewTest.load("insertion-store-by-store").parts().size(); part++) {
            problems.addAll(probe("05-insertion-store-by-store.yaml", part));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void lesson12Part4sTouchedNodesStayWholeInTheArea() throws Exception {
        List<String> problems = probe("12-race-b-use-after-free.yaml", 3);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
