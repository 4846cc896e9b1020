package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The free-place search of the marks' grid: the ring search outwards from the anchor finds the place the search
 * over every place of the view finds (the nearest free one, of two as near the higher, then the further left),
 * on random views with random boxes taken, with and without a further condition on the place.
 */
class FreeGridTest {
    /** Every place of the area, one cell apart: the search the ring search replaced. */
    private static TreeCanvas.Rect everyPlace(FreeGrid g, double bw, double bh, TreeCanvas.Rect area, double ax,
                                              double ay, Predicate<TreeCanvas.Rect> also) {
        TreeCanvas.Rect best = null;
        double bestD = Double.MAX_VALUE;
        for (double y = area.y(); y + bh <= area.y() + area.h() + 0.01; y += FreeGrid.CELL) {
            for (double x = area.x(); x + bw <= area.x() + area.w() + 0.01; x += FreeGrid.CELL) {
                double dx = x + bw / 2 - ax;
                double dy = y + bh / 2 - ay;
                double d = dx * dx + dy * dy;
                if (d < bestD) {
                    TreeCanvas.Rect r = new TreeCanvas.Rect(x, y, bw, bh);
                    if (g.free(r) && also.test(r)) {
                        best = r;
                        bestD = d;
                    }
                }
            }
        }
        return best;
    }

    @Test
    void theRingSearchFindsTheNearestFreePlace() {
        Random rnd = new Random(12);
        int found = 0;
        for (int k = 0; k < 400; k++) {
            double w = 200 + rnd.nextInt(900);
            double h = 150 + rnd.nextInt(600);
            FreeGrid g = new FreeGrid(w, h);
            int boxes = rnd.nextInt(40);
            for (int b = 0; b < boxes; b++) {
                g.take(new TreeCanvas.Rect(rnd.nextDouble() * w, rnd.nextDouble() * h, 20 + rnd.nextDouble() * 160,
                        10 + rnd.nextDouble() * 60));
            }
            TreeCanvas.Rect area = new TreeCanvas.Rect(rnd.nextInt(30) + 0.5 * rnd.nextInt(2), rnd.nextInt(30),
                    w - 40, h - 40);
            double bw = 30 + rnd.nextDouble() * 250;
            double bh = 20 + rnd.nextDouble() * 120;
            double ax = -50 + rnd.nextDouble() * (w + 100);
            double ay = -50 + rnd.nextDouble() * (h + 100);
            double cut = rnd.nextDouble() * w;
            Predicate<TreeCanvas.Rect> also = k % 2 == 0 ? r -> true : r -> r.x() > cut;
            TreeCanvas.Rect want = everyPlace(g, bw, bh, area, ax, ay, also);
            TreeCanvas.Rect got = g.nearestFree(bw, bh, area, ax, ay, also);
            if (want == null) {
                assertNull(got, "view " + k);
            } else {
                found++;
                assertEquals(want, got, "view " + k);
            }
        }
        assertTrue(found > 100, "most views have a free place: " + found);
    }

    /** A place straight out on a further ring is nearer than one on a diagonal of a nearer ring: it is found. */
    @Test
    void aPlaceOnAFurtherRingCanBeNearer() {
        FreeGrid g = new FreeGrid(400, 400);
        TreeCanvas.Rect area = new TreeCanvas.Rect(0, 0, 400, 400);
        double c = FreeGrid.CELL;
        TreeCanvas.Rect diagonal = new TreeCanvas.Rect(58 * c, 58 * c, 8, 8);
        TreeCanvas.Rect straight = new TreeCanvas.Rect(60 * c, 48 * c, 8, 8);
        TreeCanvas.Rect got = g.nearestFree(8, 8, area, 48 * c + 4, 48 * c + 4,
                r -> r.equals(diagonal) || r.equals(straight));
        assertEquals(straight, got);
    }
}
