package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * A reader's tether leaves the vmacache dock on its left and goes round it: wherever the VMA it holds lies (above,
 * beside, below the dock), no leg after the first (out of the chip) crosses the dock, and the last point is on
 * the VMA's box. It used to curve from the chip's top straight across the dock's slots.
 */
class TetherTest {
    private static final TreeCanvas.Rect DOCK = new TreeCanvas.Rect(300, 200, 190, 54);
    private static final TreeCanvas.Rect CHIP = new TreeCanvas.Rect(304, 229, 34, 20);

    @Test
    void aTetherGoesRoundTheDockToItsVma() {
        TreeCanvas.Rect[] nodes = {
            new TreeCanvas.Rect(100, 40, 112, 28),  // above, left
            new TreeCanvas.Rect(420, 40, 112, 28),  // above, right (over the dock's slots)
            new TreeCanvas.Rect(520, 210, 112, 28), // beside, right
            new TreeCanvas.Rect(60, 215, 112, 28),  // beside, left
            new TreeCanvas.Rect(380, 320, 112, 28), // below
        };
        TreeCanvas.Rect inside = new TreeCanvas.Rect(DOCK.x() + 1, DOCK.y() + 1, DOCK.w() - 2, DOCK.h() - 2);
        for (TreeCanvas.Rect n : nodes) {
            double[] p = TreeCanvas.tetherPath(CHIP, DOCK, n);
            assertEquals(CHIP.x(), p[0], 1e-9, "from the chip");
            for (int k = 2; k + 3 < p.length; k += 2) {
                assertFalse(TreeMarksProbe.crosses(p[k], p[k + 1], p[k + 2], p[k + 3], inside),
                        "leg " + k / 2 + " to " + n + " crosses the dock");
            }
            double ex = p[p.length - 2];
            double ey = p[p.length - 1];
            assertFalse(ex < n.x() - 1e-9 || ex > n.x() + n.w() + 1e-9 || ey < n.y() - 1e-9
                    || ey > n.y() + n.h() + 1e-9, "ends on " + n + ", not at " + ex + ", " + ey);
        }
    }

    /** In the dock's strip under the tree (a small view) a tether leaves the dock upwards, to the node's bottom. */
    @Test
    void fromTheStripATetherGoesUpToItsVma() {
        TreeCanvas.Rect strip = new TreeCanvas.Rect(40, 300, 400, 26);
        TreeCanvas.Rect inside = new TreeCanvas.Rect(strip.x() + 1, strip.y() + 1, strip.w() - 2, strip.h() - 2);
        TreeCanvas.Rect chip = new TreeCanvas.Rect(300, 303, 24, 16);
        for (TreeCanvas.Rect n : new TreeCanvas.Rect[] {new TreeCanvas.Rect(20, 40, 112, 28),
            new TreeCanvas.Rect(280, 200, 112, 28), new TreeCanvas.Rect(400, 100, 112, 28)}) {
            double[] p = TreeCanvas.tetherPathUp(chip, strip, n);
            for (int k = 2; k + 3 < p.length; k += 2) {
                assertFalse(TreeMarksProbe.crosses(p[k], p[k + 1], p[k + 2], p[k + 3], inside),
                        "leg " + k / 2 + " to " + n + " crosses the dock");
            }
            assertEquals(n.y() + n.h(), p[p.length - 1], 1e-9, "to the node's bottom");
            double ex = p[p.length - 2];
            assertFalse(ex < n.x() - 1e-9 || ex > n.x() + n.w() + 1e-9, "on " + n + ", not at " + ex);
        }
    }

    /**
     * A reader's tether says "T1 holds a reference" beside the VMA it holds; the step's callout, drawn over the dock,
     * hid those words (lessons 11 to 15: 145 frames of the probe, the lower half of the words at lesson 12's merge in a
     * 1280x720 window). They go where the callout is not, else are left out.
     */
    @Test
    void aTethersWordsAreNotUnderTheCallout() throws Exception {
        record Case(String file, int part, int w, int h) {
        }
        for (Case c : java.util.List.of(new Case("13-race-b-empty-node.yaml", 0, 440, 240),
                new Case("12-race-b-use-after-free.yaml", 4, 860, 450))) {
            int[] frames = {0};
            java.util.List<String> problems = TreeMarksProbe.check(java.nio.file.Path.of("lessons", c.file()), c.part(),
                    c.w(), c.h(), new double[] {0.5, 1}, frames);
            assertEquals(java.util.List.of(), problems, c + ", " + frames[0] + " frames");
        }
    }
}
