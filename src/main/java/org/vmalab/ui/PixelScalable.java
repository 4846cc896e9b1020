package org.vmalab.ui;

/**
 * A view that draws on a canvas and can draw it at more pixels than its layout size: an export at 2x sets the
 * pixel scale to 2 for the snapshot, so that the canvas is drawn sharp rather than enlarged.
 */
interface PixelScalable {
    /** Draw the canvas at {@code s} pixels per layout unit (1 on screen). */
    void setPixelScale(double s);

    /** Sets the pixel scale of every such view under {@code root}. */
    static void setAll(javafx.scene.Node root, double s) {
        if (root instanceof PixelScalable p) {
            p.setPixelScale(s);
        }
        if (root instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node c : parent.getChildrenUnmodifiable()) {
                setAll(c, s);
            }
        }
    }
}
