package org.vmalab.viewmodel;

import java.util.Arrays;
import java.util.List;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * Where each node goes, in layout units: x in slots (half a column, see {@link TreeGeometry}) in address order,
 * y its depth in rows. In a search tree two in-order neighbours are never on the same row, so at rest x is the
 * node's address rank and a rotation moves nodes only up and down; a node that leaves the tree keeps its place in
 * the order and drops to the row below the tree. The step between two neighbours is {@link #spacing}: one slot
 * when they are a row or more apart, a whole column (two slots) when they are level, smoothly in between, so no
 * two boxes ever overlap, at rest or in any frame of an animation ({@link Frames#at} uses the same rule).
 */
public final class TreeLayout {
    /** Rows between the deepest tree row and the off-tree row. */
    public static final double OFF_GAP = 1.3;
    /** Two neighbours at least this many rows apart need only one slot between them. */
    public static final double NEAR = 0.85;

    private TreeLayout() {
    }

    /**
     * Positions by node id; {@link Double#NaN} for ids not shown. Read them with {@link #has}, {@link #x(int)} and
     * {@link #y(int)}: {@code x} and {@code y} are by id, or, when {@code ids} is given, by position in it.
     *
     * @param columns number of items laid out
     * @param treeRows rows used by the tree (maxDepth + 1)
     * @param offRow  the y of the off-tree row, or NaN when no node is off the tree
     * @param span    the largest x of an item laid out (slots): the drawing spans [0, span]; an overview's
     *                summaries count, though their ids are not in {@code x}
     */
    public record Layout(double[] x, double[] y, int[] ids, int columns, int treeRows, double offRow, double span) {
        /** Positions by id: {@code x[id]}, {@code y[id]}. */
        public Layout(double[] x, double[] y, int columns, int treeRows, double offRow, double span) {
            this(x, y, null, columns, treeRows, offRow, span);
        }

        public Layout(double[] x, double[] y, int columns, int treeRows, double offRow) {
            this(x, y, columns, treeRows, offRow, maxX(x));
        }

        /**
         * Positions of the nodes {@code ids} only (ascending), {@code x[i]} and {@code y[i]} those of {@code ids[i]}:
         * an overview of a large tree draws a few dozen of a million nodes, and a layout by id would be two arrays of
         * a million for each overview made.
         */
        public static Layout sparse(int[] ids, double[] x, double[] y, int columns, int treeRows, double offRow,
                                    double span) {
            return new Layout(x, y, ids, columns, treeRows, offRow, span);
        }

        /** Where {@code id}'s position is in {@code x} and {@code y}, or -1. */
        private int at(int id) {
            if (ids != null) {
                return Math.max(-1, Arrays.binarySearch(ids, id));
            }
            return id >= 0 && id < x.length ? id : -1;
        }

        public boolean has(int id) {
            int i = at(id);
            return i >= 0 && !Double.isNaN(x[i]);
        }

        /** The node's column; NaN for a node not laid out. */
        public double x(int id) {
            if (ids == null) {
                return x[id];
            }
            int i = at(id);
            return i < 0 ? Double.NaN : x[i];
        }

        /** The node's row; NaN for a node not laid out. */
        public double y(int id) {
            if (ids == null) {
                return y[id];
            }
            int i = at(id);
            return i < 0 ? Double.NaN : y[i];
        }

        /** Total height in rows, the off-tree row included. */
        public double rows() {
            return Double.isNaN(offRow) ? treeRows : offRow + 1;
        }

        private static double maxX(double[] x) {
            double m = 0;
            for (double v : x) {
                if (!Double.isNaN(v) && v > m) {
                    m = v;
                }
            }
            return m;
        }
    }

    /**
     * The x step (slots) between two in-order neighbours {@code dy} rows apart: 1 when they are at least
     * {@link #NEAR} rows apart (their boxes cannot meet), 2 (a whole column) when they are level, linear between.
     */
    public static double spacing(double dy) {
        double a = Math.abs(dy);
        if (a >= 1) {
            return 1;
        }
        if (a <= NEAR) {
            return 2;
        }
        return 1 + (1 - a) / (1 - NEAR);
    }

    public static Layout of(StepScene scene) {
        return of(scene.nodes(), scene.maxDepth());
    }

    public static Layout of(List<NodeView> nodes, int maxDepth) {
        int maxId = -1;
        for (NodeView n : nodes) {
            maxId = Math.max(maxId, n.id());
        }
        double[] x = new double[maxId + 1];
        double[] y = new double[maxId + 1];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        int treeRows = maxDepth + 1;
        double offRow = treeRows == 0 ? 0 : treeRows - 1 + OFF_GAP;
        boolean anyOff = false;
        double px = 0;
        double py = Double.NaN;
        for (NodeView n : nodes) {
            double yy;
            if (n.offTree()) {
                yy = offRow;
                anyOff = true;
            } else {
                yy = n.row();
            }
            px = Double.isNaN(py) ? 0 : px + spacing(yy - py);
            x[n.id()] = px;
            y[n.id()] = yy;
            py = yy;
        }
        return new Layout(x, y, nodes.size(), Math.max(treeRows, 0), anyOff ? offRow : Double.NaN);
    }
}
