package org.vmalab.viewmodel;

import java.util.Arrays;
import java.util.List;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * Where each node goes, in layout units: x is the node's in-order (address) rank, y its depth. Because x
 * depends only on the address order, a rotation moves nodes only up and down, which makes it easy to
 * follow; a node that leaves the tree keeps its column and drops to the row below the tree.
 */
public final class TreeLayout {
    /** Rows between the deepest tree row and the off-tree row. */
    public static final double OFF_GAP = 1.3;

    private TreeLayout() {
    }

    /**
     * Positions by node id; {@link Double#NaN} for ids not shown.
     *
     * @param columns number of ranks (width in columns)
     * @param treeRows rows used by the tree (maxDepth + 1)
     * @param offRow  the y of the off-tree row, or NaN when no node is off the tree
     */
    public record Layout(double[] x, double[] y, int columns, int treeRows, double offRow) {
        public boolean has(int id) {
            return id >= 0 && id < x.length && !Double.isNaN(x[id]);
        }

        public double x(int id) {
            return x[id];
        }

        public double y(int id) {
            return y[id];
        }

        /** Total height in rows, the off-tree row included. */
        public double rows() {
            return Double.isNaN(offRow) ? treeRows : offRow + 1;
        }
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
        for (NodeView n : nodes) {
            x[n.id()] = n.rank();
            if (n.offTree()) {
                y[n.id()] = offRow;
                anyOff = true;
            } else {
                y[n.id()] = n.row();
            }
        }
        return new Layout(x, y, nodes.size(), Math.max(treeRows, 0), anyOff ? offRow : Double.NaN);
    }
}
