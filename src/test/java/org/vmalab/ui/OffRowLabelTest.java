package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The words of the row under the tree ("off the tree: erased, cleared, freed or not linked yet") lie on none of the
 * marks: a walker's ghost chip and its "loaded from" words, the callout, the tags, the dock, a node. In race (b),
 * once heap is freed and T1 holds a pointer to it, T1's ghost chip on heap sat on those words at 1600x1000.
 */
@ExtendWith(ApplicationExtension.class)
class OffRowLabelTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the test builds its window in a scene of its own
    }

    /**
     * Every form of the row's words tells a student what the row is: "off the tree" at least (the last fallback
     * used to be "off" alone); where even that finds no free place, no words are drawn (the legend names the row).
     */
    @Test
    void theOffRowsWordsAlwaysSayOffTheTree() {
        for (String words : TreeCanvas.OFF_ROW_WORDS) {
            assertTrue(words.startsWith("off the tree"), "'" + words + "' says what the row is");
        }
    }

    @Test
    void theOffRowsWordsCoverNoMarkAtAnyStepOfRaceB() {
        List<String> problems = new ArrayList<>();
        int[] shown = new int[1];
        java.util.Set<String> words = new java.util.TreeSet<>();
        TreeViewTest.Window w = fx(() -> new TreeViewTest.Window(1600, 1000).lesson("race-b-use-after-free"));
        int n = fx(w.player::size);
        for (int from = 1; from <= n; from += 10) {
            int lo = from;
            fx(() -> {
                for (int s = lo; s < Math.min(n + 1, lo + 10); s++) {
                    w.player.seek(s);
                    w.settle();
                    TreeCanvas t = w.tree();
                    TreeCanvas.Rect label = t.offRowLabelRect();
                    if (label == null) {
                        continue;
                    }
                    shown[0]++;
                    words.add(t.offRowWords());
                    List<TreeCanvas.Rect> marks = new ArrayList<>(t.ghostLabelRects());
                    t.ghosts().forEach(gh -> marks.add(gh.chip()));
                    marks.addAll(t.tagRects());
                    t.cursorRects().forEach(c -> marks.add(c.r()));
                    if (t.calloutRect() != null) {
                        marks.add(t.calloutRect());
                    }
                    if (t.dockRect() != null) {
                        marks.add(t.dockRect());
                    }
                    t.drawn().forEach(d -> marks.add(d.box()));
                    for (TreeCanvas.Rect m : marks) {
                        if (label.intersects(m)) {
                            problems.add("step " + s + ": the off-row words " + label + " lie on " + m);
                        }
                    }
                }
                return null;
            });
        }
        assertTrue(shown[0] > 0, "the off-row words were drawn at some step");
        assertTrue(words.stream().allMatch(s -> s.startsWith("off the tree")), "the row's words: " + words);
        assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    /**
     * The off-tree row's words are crossed by no reader's tether and no vmacache arrow: a rope drawn through "off the
     * tree: erased, cleared, freed or not linked yet" hid them (lesson 11's locked challenge in a 1280x720 window; the
     * probe found it in lessons 1 and 11 to 16). They go to the row's other end, or shorter, else they are left out.
     */
    @Test
    void noRopeAndNoArrowCrossesTheRowsWords() throws Exception {
        for (Object[] c : new Object[][] {{"16-fairness-and-cost.yaml", 0, 680, 300},
            {"11-race-a-lockless-walk.yaml", 4, 1280, 720}}) {
            int[] frames = {0};
            List<String> problems = TreeMarksProbe.check(java.nio.file.Path.of("lessons", (String) c[0]), (int) c[1],
                    (int) c[2], (int) c[3], new double[] {0.5, 1}, frames);
            assertTrue(problems.isEmpty(), c[0] + " part " + ((int) c[1] + 1) + " at " + c[2] + "x" + c[3] + ": "
                    + String.join("\n", problems));
        }
    }
}
