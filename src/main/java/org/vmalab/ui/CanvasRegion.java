package org.vmalab.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * A region that is one canvas, drawn in layout units at a pixel scale: 1 on screen, 2 while a 2x export takes
 * its snapshot (the canvas then has twice the pixels and a half-size transform, so it is drawn sharp rather than
 * enlarged, and the layout does not move).
 */
abstract class CanvasRegion extends Region implements PixelScalable {
    protected final Canvas canvas = new Canvas();
    private double pixelScale = 1;
    private final Scale toLayout = new Scale(1, 1, 0, 0);

    protected CanvasRegion() {
        getChildren().add(canvas);
        canvas.getTransforms().add(toLayout);
    }

    /** Draws the whole canvas (in layout units; {@link #graphics()} sets the base transform). */
    protected abstract void draw();

    /** The canvas's graphics context, its transform reset to the pixel scale. */
    protected final GraphicsContext graphics() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
        return g;
    }

    protected final double canvasWidth() {
        return canvas.getWidth() / pixelScale;
    }

    protected final double canvasHeight() {
        return canvas.getHeight() / pixelScale;
    }

    /** Gives the canvas {@code w} x {@code h} layout units; true if that changed its size. */
    protected final boolean sizeCanvas(double w, double h) {
        if (canvas.getWidth() == w * pixelScale && canvas.getHeight() == h * pixelScale) {
            return false;
        }
        canvas.setWidth(w * pixelScale);
        canvas.setHeight(h * pixelScale);
        return true;
    }

    /** The canvas's size in layout units: a 2x snapshot must not change the layout. */
    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + canvasWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + canvasHeight() + snappedBottomInset();
    }

    @Override
    public void setPixelScale(double s) {
        if (s == pixelScale || s <= 0) {
            return;
        }
        double w = canvasWidth();
        double h = canvasHeight();
        pixelScale = s;
        toLayout.setX(1 / s);
        toLayout.setY(1 / s);
        canvas.setWidth(w * s);
        canvas.setHeight(h * s);
        draw();
    }
}
