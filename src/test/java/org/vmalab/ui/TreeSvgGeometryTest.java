package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vmalab.export.TreeSvg;

/** The SVG of the tree uses the canvas's own geometry: if the canvas changes, this test says so. */
class TreeSvgGeometryTest {
    @Test
    void sameGeometryAsTheCanvas() {
        assertEquals(TreeView.COL, TreeSvg.COL);
        assertEquals(TreeView.ROW, TreeSvg.ROW);
        assertEquals(TreeView.NODE_W, TreeSvg.NODE_W);
        assertEquals(TreeView.NODE_H, TreeSvg.NODE_H);
        assertEquals(TreeView.MARGIN_X, TreeSvg.MARGIN_X);
        assertEquals(TreeView.MARGIN_TOP, TreeSvg.MARGIN_TOP);
    }
}
