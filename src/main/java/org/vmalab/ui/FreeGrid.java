package org.vmalab.ui;

/**
 * Which parts of the tree's view are taken, on a grid of small cells: what the marks placed once for a whole
 * animation (the vmacache dock, the step's callout) must leave free is added as rectangles (every node box of
 * every frame of the animation, the walkers' chips, ...), then a rectangle is free when no cell it touches was
 * taken. A summed-area table answers each question in constant time, so a search over every place of the view
 * stays cheap on a large view.
 */
final class FreeGrid {
    /** The side of a cell (px): a rectangle touching a taken cell is not free, so the grid errs on the safe side. */
    static final double CELL = 4;

    private final double w;
    private final double h;
    private final int cols;
    private final int rows;
    private final boolean[] taken;
    private int[] sums;

    FreeGrid(double w, double h) {
        this.w = Math.max(0, w);
        this.h = Math.max(0, h);
        this.cols = Math.max(1, (int) Math.ceil(this.w / CELL));
        this.rows = Math.max(1, (int) Math.ceil(this.h / CELL));
        this.taken = new boolean[cols * rows];
    }

    /** Takes every cell {@code r} touches (the part inside the view). */
    void take(TreeCanvas.Rect r) {
        if (r == null || r.w() <= 0 || r.h() <= 0) {
            return;
        }
        int c0 = Math.max(0, (int) Math.floor(r.x() / CELL));
        int c1 = Math.min(cols - 1, (int) Math.ceil((r.x() + r.w()) / CELL) - 1);
        int r0 = Math.max(0, (int) Math.floor(r.y() / CELL));
        int r1 = Math.min(rows - 1, (int) Math.ceil((r.y() + r.h()) / CELL) - 1);
        for (int y = r0; y <= r1; y++) {
            for (int x = c0; x <= c1; x++) {
                taken[y * cols + x] = true;
            }
        }
        sums = null;
    }

    /** Is {@code r} inside the view and clear of every cell taken? */
    boolean free(TreeCanvas.Rect r) {
        if (r.x() < -0.01 || r.y() < -0.01 || r.x() + r.w() > w + 0.01 || r.y() + r.h() > h + 0.01) {
            return false;
        }
        if (sums == null) {
            seal();
        }
        int c0 = Math.max(0, (int) Math.floor(r.x() / CELL));
        int c1 = Math.min(cols, (int) Math.ceil((r.x() + r.w()) / CELL));
        int r0 = Math.max(0, (int) Math.floor(r.y() / CELL));
        int r1 = Math.min(rows, (int) Math.ceil((r.y() + r.h()) / CELL));
        int s = sums[r1 * (cols + 1) + c1] - sums[r0 * (cols + 1) + c1] - sums[r1 * (cols + 1) + c0]
                + sums[r0 * (cols + 1) + c0];
        return s == 0;
    }

    /**
     * The free place of {@code bw x bh} inside {@code area} that {@code also} accepts, whose centre is nearest to
     * {@code (ax, ay)} (of two as near, the higher, then the further left), or null when there is none. The places
     * lie a cell apart from the area's corner; they are tried ring by ring outwards from the anchor, and the search
     * stops at the first ring that cannot hold a nearer one (it used to try every place of the view).
     */
    TreeCanvas.Rect nearestFree(double bw, double bh, TreeCanvas.Rect area, double ax, double ay,
                                java.util.function.Predicate<TreeCanvas.Rect> also) {
        int nx = (int) Math.floor((area.w() - bw + 0.01) / CELL);
        int ny = (int) Math.floor((area.h() - bh + 0.01) / CELL);
        if (nx < 0 || ny < 0) {
            return null;
        }
        int i0 = (int) Math.max(0, Math.min(nx, Math.round((ax - bw / 2 - area.x()) / CELL)));
        int j0 = (int) Math.max(0, Math.min(ny, Math.round((ay - bh / 2 - area.y()) / CELL)));
        TreeCanvas.Rect best = null;
        double bestD = Double.MAX_VALUE;
        int bi = 0;
        int bj = 0;
        int rings = Math.max(Math.max(i0, nx - i0), Math.max(j0, ny - j0));
        for (int r = 0; r <= rings; r++) {
            // every place of ring r is at least (r - 1/2) cells away on one axis
            double near = CELL * (r - 0.5);
            if (best != null && near > 0 && near * near > bestD) {
                break;
            }
            for (int j = Math.max(0, j0 - r); j <= Math.min(ny, j0 + r); j++) {
                boolean edge = j == j0 - r || j == j0 + r;
                int step = edge ? 1 : 2 * r;
                for (int i = i0 - r; i <= i0 + r; i += Math.max(1, step)) {
                    if (i < 0 || i > nx) {
                        continue;
                    }
                    double x = area.x() + i * CELL;
                    double y = area.y() + j * CELL;
                    double dx = x + bw / 2 - ax;
                    double dy = y + bh / 2 - ay;
                    double d = dx * dx + dy * dy;
                    if (d < bestD || d == bestD && (j < bj || j == bj && i < bi)) {
                        TreeCanvas.Rect c = new TreeCanvas.Rect(x, y, bw, bh);
                        if (free(c) && also.test(c)) {
                            best = c;
                            bestD = d;
                            bi = i;
                            bj = j;
                        }
                    }
                }
            }
        }
        return best;
    }

    private void seal() {
        sums = new int[(cols + 1) * (rows + 1)];
        for (int y = 0; y < rows; y++) {
            int row = 0;
            for (int x = 0; x < cols; x++) {
                row += taken[y * cols + x] ? 1 : 0;
                sums[(y + 1) * (cols + 1) + x + 1] = sums[y * (cols + 1) + x + 1] + row;
            }
        }
    }
}
