package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;

/**
 * Maps addresses to x on the address-space strip, and says what the strip draws. {@link Scale#LINEAR} is the true
 * address axis (0 to TASK_SIZE); {@link Scale#LOG} gives each VMA and each gap a width that grows with the logarithm
 * of its size, so a 4 KiB VMA and a 40 TiB gap are both visible, in address order.
 *
 * <p>The strip has far fewer pixels than an imported address space has segments (65,530 VMAs and their gaps on
 * about a thousand pixel columns), so what it draws are {@link Item items}, a number bounded by its width, not by
 * the VMAs: a segment at least a pixel wide is an item of its own; the segments narrower than a pixel that start in
 * one pixel column are one item, drawn in a shade between the gap's ink and the VMA's by the share of the column the
 * VMAs cover, as a picture drawn at that resolution would show them (neighbouring columns of the same shade are one
 * item). A column with a VMA in it never shades to the gap's ink, one with a gap in it never to the VMA's: no VMA and
 * no gap disappears. Pure: a player can lay a strip out off the UI thread, ahead of the step that shows it.
 */
public final class StripLayout {
    /** The strip's scale. */
    public enum Scale { LINEAR, LOG }

    /** The shades of a merged item: 0 is the gap's ink, {@code SHADES} the VMA's. */
    public static final int SHADES = 16;
    /** A merged item with a VMA in it is at least this shade, one with a gap in it at most {@code SHADES} less. */
    public static final int MIN_SHADE = 5;

    /**
     * What the strip draws at one place: segments {@code first} to {@code last} (indices into
     * {@link #segments()}) from {@code x0} to {@code x1}; one segment a pixel wide or more, drawn as itself, or
     * ({@code merged}) the segments narrower than a pixel of one or more pixel columns, drawn in one shade.
     *
     * @param vmas  how many of them are VMAs
     * @param gaps  how many are gaps (the top gap included)
     * @param share the share of the width the VMAs cover, 0 to 1
     * @param shade how the item is drawn when merged: 0 (the gap's ink) to {@link #SHADES} (the VMA's)
     */
    public record Item(int first, int last, double x0, double x1, int vmas, int gaps, double share, int shade,
                       boolean merged) {
    }

    private final StepScene.Strip strip;
    private final List<Segment> segments;
    private final double[] x0;
    private final double[] x1;
    private final Scale scale;
    private final double width;
    private final double top;
    private final List<Item> items;
    private final int[] touched;

    private StripLayout(StepScene.Strip strip, double[] x0, double[] x1, Scale scale, double width, double top) {
        this.strip = strip;
        this.segments = strip.segments();
        this.x0 = x0;
        this.x1 = x1;
        this.scale = scale;
        this.width = width;
        this.top = top;
        this.items = merge(segments, x0, x1);
        int n = 0;
        int[] t = new int[4];
        for (int i = 0; i < segments.size(); i++) {
            if (SceneColumns.touched(segments, i)) {
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                }
                t[n++] = i;
            }
        }
        this.touched = Arrays.copyOf(t, n);
    }

    public static StripLayout of(StepScene.Strip strip, Scale scale, double width) {
        List<Segment> segs = strip.segments();
        double[] x0 = new double[segs.size()];
        double[] x1 = new double[segs.size()];
        double top = unsigned(strip.taskSize());
        if (scale == Scale.LOG) {
            double[] w = new double[segs.size()];
            for (int i = 0; i < segs.size(); i++) {
                w[i] = weight(SceneColumns.kind(segs, i), SceneColumns.end(segs, i) - SceneColumns.start(segs, i));
            }
            double total = separate(segs, w);
            double x = 0;
            for (int i = 0; i < segs.size(); i++) {
                x0[i] = x;
                x += total == 0 ? 0 : w[i] / total * width;
                x1[i] = x;
            }
        } else {
            for (int i = 0; i < segs.size(); i++) {
                x0[i] = unsigned(SceneColumns.start(segs, i)) / top * width;
                x1[i] = unsigned(SceneColumns.end(segs, i)) / top * width;
            }
        }
        return new StripLayout(strip, x0, x1, scale, width, top);
    }

    /** Is this the layout of {@code s} at this scale and width (one made ahead, still good to draw)? */
    public boolean isFor(StepScene.Strip s, Scale sc, double w) {
        return strip == s && scale == sc && width == w;
    }

    /**
     * The items: a segment a pixel wide or more alone, the narrower ones merged by the pixel column they start in,
     * and neighbouring merged items of one shade merged again. At most two items per pixel column.
     */
    private static List<Item> merge(List<Segment> segs, double[] x0, double[] x1) {
        List<Item> out = new ArrayList<>();
        int n = segs.size();
        int i = 0;
        while (i < n) {
            if (x1[i] - x0[i] >= 1) {
                boolean vma = SceneColumns.kind(segs, i) == SegmentKind.VMA;
                out.add(new Item(i, i, x0[i], x1[i], vma ? 1 : 0, vma ? 0 : 1, vma ? 1 : 0, vma ? SHADES : 0,
                        false));
                i++;
                continue;
            }
            // the segments narrower than a pixel that start in this pixel column
            double column = Math.floor(x0[i]);
            int first = i;
            int vmas = 0;
            int gaps = 0;
            double vw = 0;
            while (i < n && x1[i] - x0[i] < 1 && Math.floor(x0[i]) == column) {
                if (SceneColumns.kind(segs, i) == SegmentKind.VMA) {
                    vmas++;
                    vw += x1[i] - x0[i];
                } else {
                    gaps++;
                }
                i++;
            }
            double span = x1[i - 1] - x0[first];
            double share = span <= 0 ? (vmas > 0 ? 1 : 0) : Math.min(1, vw / span);
            Item it = new Item(first, i - 1, x0[first], x1[i - 1], vmas, gaps, share, shade(share, vmas, gaps), true);
            Item prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && prev.merged() && prev.last() == first - 1 && prev.shade() == it.shade()) {
                double w = it.x1() - prev.x0();
                double sh = w <= 0 ? prev.share() : (prev.share() * (prev.x1() - prev.x0()) + share * span) / w;
                out.set(out.size() - 1, new Item(prev.first(), it.last(), prev.x0(), it.x1(), prev.vmas() + vmas,
                        prev.gaps() + gaps, sh, it.shade(), true));
            } else {
                out.add(it);
            }
        }
        return List.copyOf(out);
    }

    /** The shade of a merged item: its VMAs' share, never the gap's ink with a VMA in it nor the VMA's with a gap. */
    static int shade(double share, int vmas, int gaps) {
        if (vmas == 0) {
            return 0;
        }
        if (gaps == 0) {
            return SHADES;
        }
        return (int) Math.max(MIN_SHADE, Math.min(SHADES - MIN_SHADE, Math.round(share * SHADES)));
    }

    /**
     * On the log scale each segment's width grows with the logarithm of its size, so in an address space of
     * thousands of VMAs the few huge gaps that separate its regions (below the program, between the heap and the
     * mappings, below the stack) would be a sliver among thousands of like-sized segments, and the regions one even
     * shade. Each gap of at least {@link #REGION_GAP} bytes gets at least {@link #REGION_GAP_SHARE} of the width
     * (together at most {@link #REGION_GAPS_SHARE}), so that the learner sees where the mappings are. A lesson's few
     * VMAs are unchanged: their big gaps already have more. Returns the total weight.
     */
    static double separate(List<Segment> segs, double[] w) {
        double total = 0;
        int big = 0;
        for (int i = 0; i < segs.size(); i++) {
            total += w[i];
            if (regionGap(segs, i)) {
                big++;
            }
        }
        if (big == 0 || total <= 0) {
            return total;
        }
        double share = Math.min(REGION_GAP_SHARE, REGION_GAPS_SHARE / big);
        // the gaps below their share take exactly it: the others keep their weights, 1 - k * share of the total
        double rest = 0;
        int k = 0;
        for (int i = 0; i < segs.size(); i++) {
            if (regionGap(segs, i) && w[i] < share * total) {
                k++;
            } else {
                rest += w[i];
            }
        }
        if (k == 0) {
            return total;
        }
        double all = rest / (1 - k * share);
        for (int i = 0; i < segs.size(); i++) {
            if (regionGap(segs, i) && w[i] < share * total) {
                w[i] = share * all;
            }
        }
        return all;
    }

    /** A gap between regions of the address space (see {@link #separate}). */
    private static boolean regionGap(List<Segment> segs, int i) {
        return SceneColumns.kind(segs, i) != SegmentKind.VMA
                && unsigned(SceneColumns.end(segs, i) - SceneColumns.start(segs, i)) >= REGION_GAP;
    }

    /** The least size of a gap between regions: 1 GiB. */
    static final double REGION_GAP = 1L << 30;
    /** The least share of the log scale's width a gap between regions gets. */
    static final double REGION_GAP_SHARE = 0.07;
    /** The most share all of them get together. */
    static final double REGION_GAPS_SHARE = 0.25;

    /** Width weight of a segment on the log scale: one unit per doubling above a page, VMAs a little wider. */
    static double weight(SegmentKind kind, long size) {
        double pages = Math.max(1, unsigned(size) / 4096.0);
        double w = 1 + Math.log(pages) / Math.log(2);
        return kind == SegmentKind.VMA ? w * 1.4 + 2 : Math.max(1.2, w * 0.6);
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

    /** What the strip draws, in address order. */
    public List<Item> items() {
        return items;
    }

    /** The indices of the segments the step touched (drawn highlighted whatever their width). */
    public int[] touched() {
        return touched.clone();
    }

    public double x0(int i) {
        return x0[i];
    }

    public double x1(int i) {
        return x1[i];
    }

    /**
     * The item drawn at {@code x}, or null: the last one starting at or before it, if it reaches {@code x} (an item
     * with a VMA in it is drawn at least {@code minVma} wide).
     */
    public Item itemAt(double x, double minVma) {
        int lo = 0;
        int hi = items.size() - 1;
        if (hi < 0 || x < items.get(0).x0()) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (items.get(mid).x0() <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Item it = items.get(lo);
        double end = it.vmas() > 0 ? Math.max(it.x1(), it.x0() + minVma) : it.x1();
        return x <= end ? it : null;
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
            if (unsigned(SceneColumns.start(segments, mid)) <= a) {
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
