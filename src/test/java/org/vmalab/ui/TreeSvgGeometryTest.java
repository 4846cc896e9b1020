package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vmalab.export.TreeSvg;

/** The SVG of the tree uses the canvas's own geometry: if the canvas changes, this test says so. */
class TreeSvgGeometryTest {
    @Test
    void sameGeometryAsTheCanvas() {
        assertEquals(TreeCanvas.COL, TreeSvg.COL);
        assertEquals(TreeCanvas.ROW, TreeSvg.ROW);
        assertEquals(TreeCanvas.NODE_W, TreeSvg.NODE_W);
        assertEquals(TreeCanvas.NODE_H, TreeSvg.NODE_H);
        assertEquals(TreeCanvas.MARGIN_X, TreeSvg.MARGIN_X);
        assertEquals(TreeCanvas.MARGIN_TOP, TreeSvg.MARGIN_TOP);
    }
}
