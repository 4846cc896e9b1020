package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.ui.TreeCanvas.Rect;

/** The vmacache slots' arrows go round the other nodes' boxes ({@link SlotArrows}). */
class SlotArrowsTest {
    /** Lesson 2's tree in a 440x240 area at step 21: the slot under stack, its VMA (data) at the top. */
    private static final List<Rect> OTHERS = List.of(
            new Rect(43.1, 73.4, 77.5, 19.4), new Rect(114.4, 67.2, 12.5, 12.5),
            new Rect(133.1, 113.5, 77.5, 19.4), new Rect(204.4, 107.3, 12.5, 12.5),
            new Rect(178.1, 73.4, 77.5, 19.4), new Rect(249.4, 67.2, 12.5, 12.5),
            new Rect(223.1, 153.7, 77.5, 19.3), new Rect(294.4, 147.5, 12.5, 12.5),
            new Rect(268.1, 113.5, 77.5, 19.4), new Rect(339.4, 107.3, 12.5, 12.5),
            new Rect(313.1, 153.7, 77.5, 19.3), new Rect(384.4, 147.5, 12.5, 12.5));
    private static final Rect DATA = new Rect(88.1, 33.2, 77.5, 19.4);
    private static final Rect DOCK = new Rect(279.6, 176, 154.4, 21);

    private static void crossesNone(double[] path, Rect node, List<Rect> others) {
        for (int k = 0; k + 3 < path.length; k += 2) {
            for (Rect o : others) {
                assertFalse(SlotArrows.crosses(path[k], path[k + 1], path[k + 2], path[k + 3], o),
                        "leg " + k / 2 + " crosses " + o);
            }
            if (k + 4 < path.length) {
                assertFalse(SlotArrows.crosses(path[k], path[k + 1], path[k + 2], path[k + 3], node),
                        "leg " + k / 2 + " runs through its own node");
            }
        }
    }

    @Test
    void aFreeWayIsStraight() {
        SlotArrows.Route r = SlotArrows.route(60, 181.5, 193.5, new Rect(43.1, 73.4, 77.5, 19.4), List.of(), DOCK,
                new Rect(1, 1, 438, 205));
        assertTrue(r.clear());
        assertArrayEquals(new double[] {60, 181.5, 60, 92.8}, r.path(), 1e-9);
    }

    @Test
    void anArrowGoesRoundTheBoxesOnItsWay() {
        // straight, it crossed stack, ld and libc
        assertTrue(SlotArrows.crosses(375, 181.5, 163.6, 52.6, OTHERS.get(10)));
        SlotArrows.Route r = SlotArrows.route(375, 181.5, 193.5, DATA, OTHERS, DOCK, new Rect(1, 1, 438, 205));
        assertTrue(r.clear());
        double[] p = r.path();
        assertEquals(375, p[0], 1e-9);
        // it ends on data's bottom edge, going up
        assertEquals(DATA.y() + DATA.h(), p[p.length - 1], 1e-9);
        assertTrue(p[p.length - 3] > p[p.length - 1]);
        crossesNone(p, DATA, OTHERS);
        // every leg keeps out of the dock but the first
        for (int k = 2; k + 3 < p.length; k += 2) {
            assertFalse(SlotArrows.crosses(p[k], p[k + 1], p[k + 2], p[k + 3], DOCK), "leg " + k / 2);
        }
    }

    @Test
    void withNoWayRoundTheArrowIsBrokenWhereItPassesBehindABox() {
        // the slot boxed in: the boxes all round it
        List<Rect> walls = List.of(new Rect(0, 150, 440, 20), new Rect(0, 210, 440, 20), new Rect(0, 150, 20, 80),
                new Rect(420, 150, 20, 80));
        SlotArrows.Route r = SlotArrows.route(200, 181.5, 193.5, new Rect(150, 20, 80, 20), walls, null,
                new Rect(1, 1, 438, 238));
        assertFalse(r.clear());
        assertEquals(2, r.pieces().size());
        for (double[] piece : r.pieces()) {
            crossesNone(piece, new Rect(150, 20, 80, 20), walls);
        }
    }

    /**
     * Lesson 2, where a reader's walk leaves its ghost chip ("loaded from data.rb_left") on the tree while its
     * vmacache slot points at a node: the slot's arrow went under the chip and its words (in every tree area of the
     * probe); it goes round them, as round the other nodes' boxes, in the tree of a 1280x720 window and in a small one.
     */
    @Test
    void anArrowGoesRoundTheChipsOfAWalk() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("lessons", "02-find-vma.yaml");
        for (int[] size : new int[][] {{680, 300}, {440, 240}}) {
            int[] frames = {0};
            List<String> problems = TreeMarksProbe.check(file, 0, size[0], size[1], new double[] {0.5, 1}, frames);
            assertEquals(List.of(), problems, size[0] + "x" + size[1] + ", " + frames[0] + " frames");
        }
    }
}
