package org.vmalab.viewmodel;

import java.util.List;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;

/**
 * Maps addresses to x on the address-space strip. {@link Scale#LINEAR} is the true address axis (0 to
 * TASK_SIZE); {@link Scale#LOG} gives each VMA and each gap a width that grows with the logarithm of its size,
 * so a 4 KiB VMA and a 40 TiB gap are both visible, in address order.
 */
public final class StripLayout {
    /** The strip's scale. */
    public enum Scale { LINEAR, LOG }

    private final List<Segment> segments;
    private final double[] x0;
    private final double[] x1;
    private final Scale scale;
    private final double width;
    private final double top;

    private StripLayout(List<Segment> segments, double[] x0, double[] x1, Scale scale, double width, double top) {
        this.segments = segments;
        this.x0 = x0;
        this.x1 = x1;
        this.scale = scale;
        this.width = width;
        this.top = top;
    }

    public static StripLayout of(StepScene.Strip strip, Scale scale, double width) {
        List<Segment> segs = strip.segments();
        double[] x0 = new double[segs.size()];
        double[] x1 = new double[segs.size()];
        double top = unsigned(strip.taskSize());
        if (scale == Scale.LOG) {
            double total = 0;
            double[] w = new double[segs.size()];
            for (int i = 0; i < segs.size(); i++) {
                w[i] = weight(segs.get(i));
                total += w[i];
            }
            double x = 0;
            for (int i = 0; i < segs.size(); i++) {
                x0[i] = x;
                x += total == 0 ? 0 : w[i] / total * width;
                x1[i] = x;
            }
        } else {
            for (int i = 0; i < segs.size(); i++) {
                x0[i] = unsigned(segs.get(i).start()) / top * width;
                x1[i] = unsigned(segs.get(i).end()) / top * width;
            }
        }
        return new StripLayout(segs, x0, x1, scale, width, top);
    }

    /** Width weight of a segment on the log scale: one unit per doubling above a page, VMAs a little wider. */
    static double weight(Segment s) {
        double pages = Math.max(1, unsigned(s.size()) / 4096.0);
        double w = 1 + Math.log(pages) / Math.log(2);
        return s.kind() == SegmentKind.VMA ? w * 1.4 + 2 : Math.max(1.2, w * 0.6);
    }

    static double unsigned(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0;
    }

    public Scale scale() {
        return scale;
    }

    public double width() {
        return width;
    }

    public List<Segment> segments() {
        return segments;
    }

    public double x0(int i) {
        return x0[i];
    }

    public double x1(int i) {
        return x1[i];
    }

    /** The x of an address. */
    public double x(long addr) {
        double a = unsigned(addr);
        if (scale == Scale.LINEAR || segments.isEmpty()) {
            return Math.max(0, Math.min(width, a / top * width));
        }
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (unsigned(segments.get(mid).start()) <= a) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Segment s = segments.get(lo);
        double ss = unsigned(s.start());
        double size = unsigned(s.end()) - ss;
        if (a < ss) {
            return x0[lo];
        }
        double f = size <= 0 ? 0 : Math.min(1, (a - ss) / size);
        return x0[lo] + f * (x1[lo] - x0[lo]);
    }
}
