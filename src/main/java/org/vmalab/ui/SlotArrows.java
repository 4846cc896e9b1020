package org.vmalab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.vmalab.ui.TreeCanvas.Rect;

/**
 * The way of a vmacache slot's arrow, from the slot in the tree's dock to the box of the VMA it caches ({@code
 * vmacache_find()}, mm/vmacache.c: the thread's {@code current->vmacache.vmas[i]}). Straight when that crosses no
 * other node's box (or badge), no walker's chip and no ghost chip (or its words); else the shortest way of horizontal
 * and vertical legs (few bends) through the free room between them, out of the dock above or below the slot; when
 * there is none, the straight one, broken where it passes behind a box or a chip.
 */
final class SlotArrows {
    private SlotArrows() {
    }

    /**
     * An arrow's way: a polyline (x0, y0, x1, y1, ...) from the slot to the node's edge; {@code clear}: it crosses no
     * box; {@code pieces}: what of it is drawn, the whole way when it is clear, else the way without where it passes
     * behind a box (it is broken there).
     */
    record Route(double[] path, boolean clear, List<double[]> pieces) {
        Route(double[] path) {
            this(path, true, List.of(path));
        }
    }

    /** The straight way, broken where it passes behind one of {@code obstacles}. */
    private static Route behind(double[] way, List<Rect> obstacles) {
        double x1 = way[0];
        double y1 = way[1];
        double x2 = way[2];
        double y2 = way[3];
        List<double[]> hidden = new ArrayList<>();
        for (Rect o : obstacles) {
            double[] t = span(x1, y1, x2, y2, o);
            if (t != null) {
                hidden.add(t);
            }
        }
        hidden.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> pieces = new ArrayList<>();
        double at = 0;
        for (double[] t : hidden) {
            if (t[0] > at) {
                pieces.add(new double[] {x1 + (x2 - x1) * at, y1 + (y2 - y1) * at, x1 + (x2 - x1) * t[0],
                    y1 + (y2 - y1) * t[0]});
            }
            at = Math.max(at, t[1]);
        }
        if (at < 1) {
            pieces.add(new double[] {x1 + (x2 - x1) * at, y1 + (y2 - y1) * at, x2, y2});
        }
        return new Route(way, false, List.copyOf(pieces));
    }

    /**
     * The part of the segment from (x1, y1) to (x2, y2) inside {@code r} as fractions {t0, t1} of its length, or null
     * when it does not pass through its inside (Liang-Barsky clipping).
     */
    private static double[] span(double x1, double y1, double x2, double y2, Rect r) {
        double t0 = 0;
        double t1 = 1;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - r.x(), r.x() + r.w() - x1, y1 - r.y(), r.y() + r.h() - y1};
        for (int i = 0; i < 4; i++) {
            if (Math.abs(p[i]) < 1e-12) {
                if (q[i] <= 0) {
                    return null;
                }
            } else {
                double u = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, u);
                } else {
                    t1 = Math.min(t1, u);
                }
            }
        }
        return t1 - t0 > 1e-9 ? new double[] {t0, t1} : null;
    }

    /** How far a way keeps from the boxes it passes (px). */
    static final double CLEARANCE = 3;
    /** What a bend costs, in px of length. */
    private static final double BEND = 30;
    /** More boxes than this in view (a tree far zoomed out): the straight way only. */
    static final int MOST_BOXES = 160;

    /**
     * The way from a slot whose centre is at {@code sx}, its top at {@code top} and its bottom at {@code bottom}, in
     * {@code dock}, to {@code node}'s box, crossing none of {@code others} (the other nodes' boxes and badges in view,
     * in the same coordinates) if it can, its bends inside {@code bounds}.
     */
    static Route route(double sx, double top, double bottom, Rect node, List<Rect> others, Rect dock, Rect bounds) {
        List<Rect> obstacles = new ArrayList<>(others.size() + 1);
        for (Rect o : others) {
            obstacles.add(grow(o, CLEARANCE));
        }
        double bx0 = node.x();
        double bx1 = node.x() + node.w();
        double by0 = node.y();
        double by1 = node.y() + node.h();
        boolean below = by0 >= bottom;
        // straight from the slot's edge to the box's near edge (the way it always took), when that is clear
        double sy = below ? bottom : top;
        double[] first = {sx, sy, clamp(sx, bx0 + 2, bx1 - 2), below ? by0 : by1};
        if (clear(first, node, obstacles)) {
            return new Route(first);
        }
        // straight to another point of the box's near edge
        for (double f : new double[] {0.5, 0.2, 0.8}) {
            double[] p = {sx, sy, bx0 + node.w() * f, below ? by0 : by1};
            if (clear(p, node, obstacles)) {
                return new Route(p);
            }
        }
        if (obstacles.size() > MOST_BOXES) {
            return behind(first, obstacles);
        }
        Rect d = dock == null ? null : grow(dock, CLEARANCE);
        if (d != null) {
            obstacles.add(d);
        }
        double[] best = null;
        double bestCost = Double.MAX_VALUE;
        // out of the dock upwards from the slot's top, or downwards from its bottom
        for (int dir = -1; dir <= 1; dir += 2) {
            double from = dir < 0 ? top : bottom;
            double out = d == null ? from : dir < 0 ? d.y() - 1 : d.y() + d.h() + 1;
            double[] way = grid(sx, out, dir, node, obstacles, bounds);
            if (way != null) {
                double[] full = new double[way.length + 2];
                full[0] = sx;
                full[1] = from;
                System.arraycopy(way, 0, full, 2, way.length);
                full = simplify(full);
                double cost = cost(full);
                if (cost < bestCost) {
                    best = full;
                    bestCost = cost;
                }
            }
        }
        if (d != null) {
            obstacles.remove(obstacles.size() - 1);
        }
        return best != null ? new Route(best) : behind(first, obstacles);
    }

    /**
     * The cheapest way of horizontal and vertical legs from ({@code sx}, {@code sy}), leaving vertically in
     * direction {@code dir} (-1 up, 1 down), to a point of {@code node}'s edge, over the grid of the boxes' edges
     * (Dijkstra, a bend costing {@link #BEND}); null when there is none.
     */
    private static double[] grid(double sx, double sy, int dir, Rect node, List<Rect> obstacles, Rect bounds) {
        TreeSet<Double> xset = new TreeSet<>();
        TreeSet<Double> yset = new TreeSet<>();
        xset.add(sx);
        yset.add(sy);
        double bx0 = node.x();
        double bx1 = node.x() + node.w();
        double by0 = node.y();
        double by1 = node.y() + node.h();
        xset.addAll(List.of(bx0, bx1, bx0 + node.w() * 0.2, bx0 + node.w() * 0.5, bx0 + node.w() * 0.8,
                clamp(sx, bx0 + 2, bx1 - 2)));
        yset.addAll(List.of(by0, by1, by0 + node.h() / 2));
        for (Rect o : obstacles) {
            xset.add(o.x() - 1);
            xset.add(o.x() + o.w() + 1);
            yset.add(o.y() - 1);
            yset.add(o.y() + o.h() + 1);
        }
        double[] xs = xset.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = yset.stream().mapToDouble(Double::doubleValue).toArray();
        int nx = xs.length;
        int ny = ys.length;
        int si = Arrays.binarySearch(xs, sx);
        int sj = Arrays.binarySearch(ys, sy);
        // states: grid point and the direction of the leg that reached it (0 right, 1 left, 2 down, 3 up)
        double[] dist = new double[nx * ny * 4];
        int[] prev = new int[nx * ny * 4];
        Arrays.fill(dist, Double.MAX_VALUE);
        Arrays.fill(prev, -1);
        PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        int startDir = dir < 0 ? 3 : 2;
        int s0 = (sj * nx + si) * 4 + startDir;
        dist[s0] = 0;
        q.add(new double[] {0, s0});
        int[] di = {1, -1, 0, 0};
        int[] dj = {0, 0, 1, -1};
        while (!q.isEmpty()) {
            double[] e = q.poll();
            int st = (int) e[1];
            if (e[0] > dist[st]) {
                continue;
            }
            int k = st / 4;
            int i = k % nx;
            int j = k / nx;
            double x = xs[i];
            double y = ys[j];
            if (st != s0 && enters(x, y, st % 4, node)) {
                return path(st, prev, xs, ys, nx);
            }
            for (int nd = 0; nd < 4; nd++) {
                int ni = i + di[nd];
                int nj = j + dj[nd];
                if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) {
                    continue;
                }
                double mx = (x + xs[ni]) / 2;
                double my = (y + ys[nj]) / 2;
                if (!within(xs[ni], ys[nj], bounds) || inside(mx, my, node) || inside(xs[ni], ys[nj], node)
                        || blocked(mx, my, obstacles)
                        || blocked(xs[ni], ys[nj], obstacles)) {
                    continue;
                }
                double c = e[0] + Math.abs(xs[ni] - x) + Math.abs(ys[nj] - y) + (nd == st % 4 ? 0 : BEND);
                int ns = (nj * nx + ni) * 4 + nd;
                if (c < dist[ns]) {
                    dist[ns] = c;
                    prev[ns] = st;
                    q.add(new double[] {c, ns});
                }
            }
        }
        return null;
    }

    private static double[] path(int st, int[] prev, double[] xs, double[] ys, int nx) {
        List<double[]> pts = new ArrayList<>();
        for (int s = st; s >= 0; s = prev[s]) {
            int k = s / 4;
            pts.add(0, new double[] {xs[k % nx], ys[k / nx]});
        }
        double[] out = new double[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            out[2 * i] = pts.get(i)[0];
            out[2 * i + 1] = pts.get(i)[1];
        }
        return out;
    }

    /** {@code path} without its points in the middle of a straight leg. */
    static double[] simplify(double[] path) {
        List<Double> out = new ArrayList<>();
        int n = path.length / 2;
        for (int i = 0; i < n; i++) {
            double x = path[2 * i];
            double y = path[2 * i + 1];
            int m = out.size() / 2;
            if (m >= 1 && Math.abs(out.get(2 * m - 2) - x) < 1e-9 && Math.abs(out.get(2 * m - 1) - y) < 1e-9) {
                continue;
            }
            if (m >= 2) {
                double ax = out.get(2 * m - 4);
                double ay = out.get(2 * m - 3);
                double bx = out.get(2 * m - 2);
                double by = out.get(2 * m - 1);
                if (Math.abs((bx - ax) * (y - ay) - (by - ay) * (x - ax)) < 1e-6) {
                    out.set(2 * m - 2, x);
                    out.set(2 * m - 1, y);
                    continue;
                }
            }
            out.add(x);
            out.add(y);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double cost(double[] path) {
        double c = 0;
        for (int k = 0; k + 3 < path.length; k += 2) {
            c += Math.hypot(path[k + 2] - path[k], path[k + 3] - path[k + 1]);
        }
        return c + (path.length / 2 - 2) * BEND;
    }

    /**
     * Is (x, y) a point of {@code r}'s edge (not a corner) that a leg in direction {@code dir} (0 right, 1 left, 2
     * down, 3 up) reaches head on?
     */
    private static boolean enters(double x, double y, int dir, Rect r) {
        double e = 1e-9;
        boolean inX = x > r.x() + e && x < r.x() + r.w() - e;
        boolean inY = y > r.y() + e && y < r.y() + r.h() - e;
        return switch (dir) {
            case 0 -> inY && Math.abs(x - r.x()) < e;
            case 1 -> inY && Math.abs(x - r.x() - r.w()) < e;
            case 2 -> inX && Math.abs(y - r.y()) < e;
            default -> inX && Math.abs(y - r.y() - r.h()) < e;
        };
    }

    private static boolean within(double x, double y, Rect r) {
        return x >= r.x() && x <= r.x() + r.w() && y >= r.y() && y <= r.y() + r.h();
    }

    private static boolean inside(double x, double y, Rect r) {
        return x > r.x() + 1e-9 && x < r.x() + r.w() - 1e-9 && y > r.y() + 1e-9 && y < r.y() + r.h() - 1e-9;
    }

    private static boolean blocked(double x, double y, List<Rect> obstacles) {
        for (Rect o : obstacles) {
            if (inside(x, y, o)) {
                return true;
            }
        }
        return false;
    }

    private static Rect grow(Rect r, double by) {
        return new Rect(r.x() - by, r.y() - by, r.w() + 2 * by, r.h() + 2 * by);
    }

    /** Does {@code path} cross none of {@code obstacles}, and no leg but its last run into {@code node}? */
    static boolean clear(double[] path, Rect node, List<Rect> obstacles) {
        for (int k = 0; k + 3 < path.length; k += 2) {
            boolean last = k + 4 >= path.length;
            if (!last && crosses(path[k], path[k + 1], path[k + 2], path[k + 3], node)) {
                return false;
            }
            for (Rect o : obstacles) {
                if (crosses(path[k], path[k + 1], path[k + 2], path[k + 3], o)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double clamp(double v, double lo, double hi) {
        return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(v, hi));
    }

    /** Does the segment from (x1, y1) to (x2, y2) pass through the inside of {@code r}? */
    static boolean crosses(double x1, double y1, double x2, double y2, Rect r) {
        return span(x1, y1, x2, y2, r) != null;
    }
}
