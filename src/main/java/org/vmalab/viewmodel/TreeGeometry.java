package org.vmalab.viewmodel;

/**
 * The tree's geometry in world units (pixels at zoom 1), shared by the canvas and the SVG export: how big a node
 * is and which lines it shows at each {@link Detail}, and where a layout position ({@link TreeLayout}: x in slots,
 * y in rows) lands. A slot is half a column: two nodes one slot apart are always on different rows (in-order
 * neighbours of a binary search tree never share a depth), so the tree needs about half the width of one column
 * per node, and {@link TreeLayout#spacing} widens the step to a whole column whenever two neighbours come within a
 * row of each other (off-tree nodes, nodes passing each other in an animation).
 */
public final class TreeGeometry {
    /** Free room between two boxes one column apart (more than a badge's overhang). */
    public static final double GAP_X = 18;
    /** Room on the left and right of the tree. */
    public static final double MARGIN_X = 14;
    /** Room above the root for the {@code mm_rb.rb_node} pointer and its label. */
    public static final double MARGIN_TOP = 48;
    /** Room below the last row. */
    public static final double MARGIN_BOTTOM = 14;
    /** Smallest on-screen size (px) of a node's numbers for the detail to count as readable. */
    public static final double MIN_READABLE_PX = 9;

    private TreeGeometry() {
    }

    /** What a node shows, from the least to the most. */
    public enum Detail {
        /** The name only (a large tree, a small window). */
        NAME(112, 28, 13, 0, 9),
        /** The name and {@code [vm_start, vm_end)}. */
        RANGE(166, 44, 13, 9.5, 11),
        /** The name, the range, its own gap and {@code rb_subtree_gap}. */
        FULL(166, 70, 13, 9.5, 11);

        /** Box width and height. */
        public final double w;
        public final double h;
        /** Font size of the name and of the number lines. */
        public final double nameSize;
        public final double numberSize;
        /** Radius of the reference-count badge at the top-right corner. */
        public final double badge;

        Detail(double w, double h, double nameSize, double numberSize, double badge) {
            this.w = w;
            this.h = h;
            this.nameSize = nameSize;
            this.numberSize = numberSize;
            this.badge = badge;
        }

        /** Half a column: the x step between in-order neighbours on different rows. */
        public double slot() {
            return (w + GAP_X) / 2;
        }

        /**
         * The y step between rows: a node, the badge of the node below it and room for the walkers' chips. Two
         * boxes at least {@link TreeLayout#NEAR} rows apart never overlap, whatever their x.
         */
        public double row() {
            return Math.max(h + 30, (h + badge + 4) / TreeLayout.NEAR);
        }

        /** The size the detail is judged by: the numbers, or the name when there are none. */
        public double readableSize() {
            return numberSize > 0 ? numberSize : nameSize;
        }

        /** The next richer detail, or this one. */
        public Detail richer() {
            return this == NAME ? RANGE : FULL;
        }
    }

    /** World x of the centre of a node at layout x (slots). */
    public static double cx(Detail d, double x) {
        return MARGIN_X + x * d.slot() + d.w / 2;
    }

    /** World y of the centre of a node at layout y (rows). */
    public static double cy(Detail d, double y) {
        return MARGIN_TOP + y * d.row() + d.h / 2;
    }

    /** Layout x (slots) of a world x. */
    public static double layoutX(Detail d, double wx) {
        return (wx - MARGIN_X - d.w / 2) / d.slot();
    }

    /** Layout y (rows) of a world y. */
    public static double layoutY(Detail d, double wy) {
        return (wy - MARGIN_TOP - d.h / 2) / d.row();
    }

    /** Width of the whole drawing, badges included. */
    public static double width(Detail d, TreeLayout.Layout l) {
        return 2 * MARGIN_X + Math.max(0, l.span()) * d.slot() + d.w + d.badge;
    }

    /** Height of the whole drawing (the off-tree row included). */
    public static double height(Detail d, TreeLayout.Layout l) {
        double rows = Math.max(1, l.rows());
        return MARGIN_TOP + (rows - 1) * d.row() + d.h + MARGIN_BOTTOM;
    }

    /** The zoom that fits the whole drawing into {@code w x h}. */
    public static double fitZoom(Detail d, TreeLayout.Layout l, double w, double h) {
        return Math.min(w / width(d, l), h / height(d, l));
    }

    /** Is {@code d} readable at {@code zoom} (its numbers, or its name, at least {@code minPx} on screen)? */
    public static boolean readable(Detail d, double zoom, double minPx) {
        return d.readableSize() * zoom >= minPx - 1e-9;
    }

    /**
     * The richest detail whose whole drawing fits {@code w x h} readably, with the zoom it gets (at most
     * {@code maxZoom}); null when even names do not fit readably.
     */
    public static Fit richestFit(TreeLayout.Layout l, double w, double h, double minPx, double maxZoom) {
        for (Detail d : new Detail[] {Detail.FULL, Detail.RANGE, Detail.NAME}) {
            double z = Math.min(maxZoom, fitZoom(d, l, w, h));
            if (readable(d, z, minPx)) {
                return new Fit(d, z);
            }
        }
        return null;
    }

    /** The richest detail readable at a zoom (a user's zoom), NAME when none is. */
    public static Detail richestAt(double zoom, double minPx) {
        for (Detail d : new Detail[] {Detail.FULL, Detail.RANGE}) {
            if (readable(d, zoom, minPx)) {
                return d;
            }
        }
        return Detail.NAME;
    }

    /** A detail and its zoom. */
    public record Fit(Detail detail, double zoom) {
    }
}
