package org.vmalab.ui;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * A region whose width is its column's and whose height follows from that width (the pseudo-C of a thread's lane:
 * {@link CodeView} and its rows): it asks for no width of its own and its parent asks its height for a given width.
 */
abstract class ColumnRegion extends Region {
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }
}
