package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.vmalab.engine.Numbers;
import org.vmalab.viewmodel.Fmt;
import org.vmalab.viewmodel.NodeState;
import org.vmalab.viewmodel.StepScene.Pin;
import org.vmalab.viewmodel.StepScene.Pte;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;
import org.vmalab.viewmodel.StepScene.Window;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.StripLayout;

/**
 * The address space as a strip: VMAs and the gaps between them in address order, {@code highest_vm_end}
 * and {@code mmap_base}, the search window and the chosen hole of an mmap, each thread's target address and
 * the installed PTEs. Linear (true addresses) or log (each segment's width grows with log of its size).
 *
 * <p>What the bar draws is bounded by its width, not by the VMAs ({@link StripLayout#items()}: the segments
 * narrower than a pixel merged by pixel column, in a shade by the share the VMAs cover), and the layout of a large
 * address space is made ahead, off the FX thread, with the scene of the next step ({@link #prepare}).
 */
final class StripView extends CanvasRegion {
    private static final double PAD = 14;
    /** The strip's height: with the markers on rows of their own, or folded (everything under the bar on two rows). */
    static final double FULL_HEIGHT = 124;
    static final double COMPACT_HEIGHT = 52;
    /** Where the bar starts and how high it is (folded below {@link #FULL_HEIGHT}). */
    private double barTop = 34;
    private double barH = 34;

    /** The narrowest a VMA, or a pixel column with one, is drawn. */
    private static final double MIN_VMA = 3;
    /** The least room between two labels under the bar. */
    private static final double LABEL_GAP = 6;

    private final Palette palette;
    private final Tooltip tooltip = new Tooltip();
    private StepScene.Strip strip;
    private volatile StripLayout.Scale scale = StripLayout.Scale.LOG;
    private StripLayout layout;
    /** The bar's width at the last draw (read by {@link #prepare} off the FX thread), or -1. */
    private volatile double barWidth = -1;
    /** The layout of the next scene, made ahead, or null. */
    private volatile StripLayout ahead;
    private int drawnItems;
    private Color[] shades;
    private Color shadesGap;
    private Color shadesVma;
    private final Font label = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    private final Font small = Font.font("DejaVu Sans", 10);

    StripView(Palette palette) {
        this.palette = palette;
        getStyleClass().add("strip-view");
        setCompact(false);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX()));
    }

    /** Folded (one bar with two rows of labels under it) or full height. */
    void setCompact(boolean on) {
        compactAsked = on;
        double h = (on ? COMPACT_HEIGHT : FULL_HEIGHT) * zoom;
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    private boolean compactAsked;
    /** The strip drawn larger, words and bar alike (presentation mode's type); 1 in the window. */
    private double zoom = 1;

    /**
     * Draws the strip {@code k} times larger (at least 1), its height with it: in presentation mode its numbers and
     * names grow with the room's type (at 11 px they did not read from a room's back row).
     */
    void setTextScale(double k) {
        double z = Math.max(1, k);
        if (Math.abs(z - zoom) < 1e-9) {
            return;
        }
        zoom = z;
        setCompact(compactAsked);
        draw();
    }

    /** The strip's scale (1 in the window). */
    double textScale() {
        return zoom;
    }

    boolean compact() {
        return canvasHeight() / zoom < FULL_HEIGHT - 6;
    }

    void setScale(StripLayout.Scale s) {
        scale = s;
        draw();
    }

    StripLayout.Scale scale() {
        return scale;
    }

    void show(StepScene.Strip s) {
        strip = s;
        draw();
    }

    void repaint() {
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (sizeCanvas(getWidth(), getHeight())) {
            draw();
        }
    }

    private double x(long addr) {
        return PAD + layout.x(addr);
    }

    /**
     * Lays out the strip of a scene prepared ahead, off the FX thread (the player's prepare hook): at the width and
     * scale the strip was last drawn at, so that showing the scene draws without laying out (an imported address
     * space has up to 131,000 segments).
     */
    void prepare(StepScene.Strip s) {
        double w = barWidth;
        if (w > 0 && s != null) {
            ahead = StripLayout.of(s, scale, w);
        }
    }

    /** How many items (segments, or segments merged by pixel column) the last draw drew on the bar. */
    int drawnItems() {
        return drawnItems;
    }

    /** The layout made ahead and not yet drawn, or null (tests). */
    StripLayout prepared() {
        return ahead;
    }

    /** The layout the strip is drawn with (tests). */
    StripLayout stripLayout() {
        return layout;
    }

    @Override
    protected void draw() {
        GraphicsContext g = graphics();
        // drawn at its own size and scaled (presentation mode): the layout, the words and the tests' spans in it
        g.scale(zoom, zoom);
        double w = canvasWidth() / zoom;
        double h = canvasHeight() / zoom;
        g.setGlobalAlpha(1);
        g.setFill(palette.get(Ink.BG));
        g.fillRect(0, 0, w, h);
        drawnItems = 0;
        if (w < 2 * PAD + 10) {
            return;
        }
        double bw = w - 2 * PAD;
        // known before the first strip comes, so that the first one (an import's) can be laid out ahead too
        barWidth = bw;
        if (strip == null) {
            return;
        }
        if (layout == null || !layout.isFor(strip, scale, bw)) {
            // the layout made ahead is taken when it is this strip's; a repaint in between (a resize, a theme)
            // leaves it for the step it was made for
            StripLayout a = ahead;
            if (a != null && a.isFor(strip, scale, bw)) {
                layout = a;
                ahead = null;
            } else {
                layout = StripLayout.of(strip, scale, bw);
            }
        }
        boolean folded = compact();
        barTop = folded ? 16 : 34;
        barH = folded ? 19 : 34;
        // under the bar: the labels of windows, holes, ghosts and PTEs; folded, the axis and the markers share that
        // row where it is free
        double labelY = barTop + barH + (folded ? 9 : 12);
        rowTaken.clear();
        rowTexts.clear();
        drawnWords.clear();
        ticks.clear();
        words.clear();
        pinLines.clear();
        g.setTextBaseline(VPos.CENTER);
        List<Segment> segs = layout.segments();
        // the gaps a pixel wide or more first, then the VMAs and the merged items over them: a VMA (or a column with
        // one) is drawn at least MIN_VMA wide, even where the gap after it is wide
        List<StripLayout.Item> items = layout.items();
        for (StripLayout.Item it : items) {
            Segment s = segs.get(it.first());
            if (it.merged() || s.kind() == SegmentKind.VMA) {
                continue;
            }
            double x0 = PAD + it.x0();
            double sw = it.x1() - it.x0();
            g.setFill(palette.get(s.kind() == SegmentKind.TOP_GAP ? Ink.STRIP_TOP : Ink.STRIP_GAP));
            g.fillRect(x0, barTop, sw, barH);
            g.setStroke(palette.get(Ink.STRIP_GAP_LINE));
            g.setLineWidth(1);
            g.strokeRect(x0, barTop + 0.5, sw, barH - 1);
            drawnItems++;
            if (sw > 30) {
                String t = Fmt.size(s.size());
                if (sw > t.length() * 6.2 + 8) {
                    g.setFont(small);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFill(palette.get(Ink.TEXT_DIM));
                    text(g, t, x0 + sw / 2, barTop + barH / 2);
                    word(t, small, x0 + sw / 2);
                }
            }
        }
        Color[] shades = shades();
        for (int k = 0; k < items.size(); k++) {
            StripLayout.Item it = items.get(k);
            Segment s = segs.get(it.first());
            if (!it.merged() && s.kind() != SegmentKind.VMA) {
                continue;
            }
            double x0 = PAD + it.x0();
            // widened to MIN_VMA (or a pixel), but never over the whole of the next item
            double room = k + 1 < items.size() ? items.get(k + 1).x1() - 1 - it.x0() : MIN_VMA;
            double sw = Math.max(it.x1() - it.x0(), Math.min(it.vmas() > 0 ? MIN_VMA : 1, room));
            g.setFill(it.merged() ? shades[it.shade()] : palette.get(Ink.STRIP_VMA));
            g.fillRect(x0, barTop, sw, barH);
            drawnItems++;
            if (!it.merged()) {
                vmaName(g, s, x0, sw);
            }
        }
        // the VMAs the step touched, highlighted whatever their width
        for (int i : layout.touched()) {
            Segment s = segs.get(i);
            if (s.kind() != SegmentKind.VMA) {
                continue;
            }
            double x0 = PAD + layout.x0(i);
            double sw = Math.max(layout.x1(i) - layout.x0(i), MIN_VMA);
            g.setFill(palette.get(Ink.STRIP_VMA));
            g.fillRect(x0, barTop, sw, barH);
            g.setStroke(palette.get(Ink.STRIP_VMA_TOUCHED));
            g.setLineWidth(3);
            g.strokeRect(x0 - 1.5, barTop - 1.5, sw + 3, barH + 3);
            vmaName(g, s, x0, sw);
        }
        // erased, cleared or freed VMAs: dashed outlines where they were, and their names under the bar
        List<Ghost> ghosts = new ArrayList<>();
        for (Segment s : strip.ghosts()) {
            double x0 = x(s.start());
            double x1 = x(s.end());
            if (x1 - x0 < 12) {
                double mid = (x0 + x1) / 2;
                x0 = mid - 6;
                x1 = mid + 6;
            }
            boolean bad = s.state() == NodeState.FREED;
            g.setStroke(palette.get(bad ? Ink.BAD : Ink.STRIP_GHOST));
            g.setLineWidth(2);
            g.setLineDashes(4, 3);
            g.strokeRect(x0, barTop - 4, x1 - x0, barH + 8);
            g.setLineDashes();
            ghosts.add(new Ghost(s.name(), s.state() == null ? "off" : s.state().label(), bad, (x0 + x1) / 2));
        }
        // the row under the bar: the ghosts' names, the bands', the search window's and the stray PTEs', placed so
        // that no two meet (they were written over one another where a PTE lay in a freed VMA: lesson 13 part 2)
        List<RowLabel> row = new ArrayList<>();
        Font labelFont = small;
        for (GhostLabel l : ghostLabels(ghosts, t -> textWidth(t, labelFont), PAD, w - PAD)) {
            row.add(new RowLabel(l.text(), small, l.freed() ? Ink.BAD : Ink.TEXT_DIM, l.x(), 2));
        }
        if (strip.checking() != null) {
            band(g, strip.checking(), Ink.STRIP_CHECK, false, row, 1);
        }
        if (strip.hole() != null) {
            band(g, strip.hole(), Ink.STRIP_HOLE, true, row, 3);
        }
        if (strip.window() != null) {
            Window win = strip.window();
            double x0 = x(win.start());
            double x1 = x(win.end());
            Color c = palette.get(Ink.STRIP_WINDOW);
            g.setStroke(c);
            g.setLineWidth(2);
            double y = barTop - (folded ? 3 : 8);
            g.strokeLine(x0, y, x1, y);
            g.strokeLine(x0, y, x0, y + (folded ? 3 : 6));
            g.strokeLine(x1, y, x1, y + (folded ? 3 : 6));
            // under the bar, with the other labels (above it, it met the threads' chips and the axis's ends)
            row.add(new RowLabel("search window: " + win.label(), small, Ink.STRIP_WINDOW, (x0 + x1) / 2, 0));
        }
        for (Pte p : strip.ptes()) {
            if (p.outsideVmas()) {
                String t = "PTE outside every VMA";
                row.add(new RowLabel(t, label, Ink.PTE_BAD, x(p.addr()) + 4 + textWidth(t, label) / 2, 4));
            }
        }
        placeRow(g, row, w, labelY);
        if (folded) {
            foldedAxis(g, w, labelY);
        } else {
            // markers under the bar; the axis ends above it
            double my = barTop + barH + 28;
            marker(g, strip.highestVmEnd(), "highest_vm_end " + Numbers.hex(strip.highestVmEnd()), Ink.STRIP_HIGH, my);
            marker(g, strip.mmapBase(), "mmap_base " + Numbers.hex(strip.mmapBase()), Ink.STRIP_BASE, my + 14);
            g.setFill(palette.get(Ink.TEXT_DIM));
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            text(g, "0", PAD, barTop - 8);
            g.setTextAlign(TextAlignment.RIGHT);
            text(g, "TASK_SIZE " + Numbers.hex(strip.taskSize()), w - PAD, barTop - 8);
        }
        // PTEs
        for (Pte p : strip.ptes()) {
            double px = x(p.addr());
            g.setStroke(palette.get(p.outsideVmas() ? Ink.PTE_BAD : Ink.PTE));
            g.setLineWidth(p.outsideVmas() ? 3 : 2);
            g.strokeLine(px, barTop + barH - 10, px, barTop + barH + 6);
        }
        // thread pins: the chips side by side above the bar (two threads at one address wrote one chip over the
        // other), each joined to its pin
        List<Pin> pins = strip.pins();
        int n = pins.size();
        double chipH = folded ? 14 : 16;
        double[] want = new double[n];
        double[] cw = new double[n];
        for (int i = 0; i < n; i++) {
            Pin p = pins.get(i);
            cw[i] = Math.max(26, p.threadName().length() * 8 + 10);
            want[i] = x(p.addr()) - cw[i] / 2;
        }
        double[] at = placeRow(want, cw, new int[n], 0, w, CHIP_GAP);
        for (int i = 0; i < n; i++) {
            Pin p = pins.get(i);
            double px = x(p.addr());
            Color c = palette.thread(p.thread());
            g.setStroke(c);
            g.setLineWidth(2.5);
            double cx = Double.isNaN(at[i]) ? want[i] : at[i];
            double foot = 2 + chipH - 2;
            if (px < cx + 3 || px > cx + cw[i] - 3) {
                // moved aside: from the chip's foot nearest the pin to the pin at the bar's top
                double from = Math.max(cx + 4, Math.min(cx + cw[i] - 4, px));
                g.strokeLine(from, foot, px, barTop);
                foot = barTop;
            }
            // broken where it passes a block's name or a gap's size in the bar: the words stay readable
            pinLine(g, px, foot, barTop + barH);
            g.setFill(c);
            g.fillRoundRect(cx, 2, cw[i], chipH, 8, 8);
            drawnWords.add(new Word(p.threadName(), cx, 2, cx + cw[i], 2 + chipH));
            g.setFill(palette.get(Ink.THREAD_TEXT));
            g.setFont(label);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(p.threadName(), cx + cw[i] / 2, 2 + chipH / 2);
        }
    }

    /** The least room between two labels of the row under the bar (less, two read as one phrase). */
    private static final double ROW_GAP = 12;
    /** The least room between two threads' chips. */
    private static final double CHIP_GAP = 2;

    /** A band over the bar (a range checked, a hole chosen); its label goes to the row under the bar. */
    private void band(GraphicsContext g, Window win, Ink ink, boolean fill, List<RowLabel> row, int rank) {
        double x0 = x(win.start());
        double x1 = Math.max(x(win.end()), x0 + 3);
        Color c = palette.get(ink);
        if (fill) {
            g.setGlobalAlpha(0.55);
            g.setFill(c);
            g.fillRect(x0, barTop, x1 - x0, barH);
            g.setGlobalAlpha(1);
        }
        g.setStroke(c);
        g.setLineWidth(3);
        g.strokeRect(x0, barTop, x1 - x0, barH);
        row.add(new RowLabel(win.label(), label, ink, (x0 + x1) / 2, rank));
    }

    /**
     * A label of the row under the bar: its words, font and ink, the x its centre wants, and its rank (when the row
     * has no room for all, the lowest goes first): the search window 0, a checked range 1, a ghost 2, a chosen
     * hole 3, a PTE outside every VMA 4.
     */
    record RowLabel(String text, Font font, Ink ink, double x, int rank) {
    }

    /** Writes the row's labels where {@link #placeRow} puts them. */
    private void placeRow(GraphicsContext g, List<RowLabel> row, double w, double y) {
        int n = row.size();
        double[] want = new double[n];
        double[] width = new double[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            RowLabel l = row.get(i);
            width[i] = textWidth(l.text(), l.font());
            want[i] = l.x() - width[i] / 2;
            rank[i] = l.rank();
        }
        double[] at = placeRow(want, width, rank, PAD, w - PAD, ROW_GAP);
        rowDropped.clear();
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < n; i++) {
            RowLabel l = row.get(i);
            if (Double.isNaN(at[i])) {
                rowDropped.add(l.text());
                continue;
            }
            g.setFont(l.font());
            g.setFill(palette.get(l.ink()));
            rowText(g, l.text(), at[i], y);
        }
    }

    /** The labels the last draw had no room for in the row under the bar (tests). */
    private final List<String> rowDropped = new ArrayList<>();

    List<String> rowDropped() {
        return List.copyOf(rowDropped);
    }

    /**
     * Where the labels of one row go so that no two meet: label {@code i}, {@code width[i]} wide, wants to start at
     * {@code want[i]}; each starts as near there as the others leave it (moved apart along the row, in the order of
     * where they want to be), between {@code left} and {@code right}, {@code gap} between two. When they do
     * not all fit, the label of the lowest {@code rank} is left out (NaN), then the next, until they do.
     */
    static double[] placeRow(double[] want, double[] width, int[] rank, double left, double right, double gap) {
        int n = want.length;
        double[] at = new double[n];
        boolean[] kept = new boolean[n];
        java.util.Arrays.fill(kept, true);
        while (true) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (kept[i]) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Double.compare(want[a] + width[a] / 2, want[b] + width[b] / 2));
            double end = Double.NEGATIVE_INFINITY;
            for (int i : order) {
                double x = Math.max(left, Math.min(right - width[i], want[i]));
                at[i] = Math.max(x, end + gap);
                end = at[i] + width[i];
            }
            double limit = right;
            for (int k = order.size() - 1; k >= 0; k--) {
                int i = order.get(k);
                at[i] = Math.min(at[i], limit - width[i]);
                limit = at[i] - gap;
            }
            if (order.isEmpty() || at[order.get(0)] >= left - 1e-9) {
                break;
            }
            int out = order.get(0);
            for (int i : order) {
                if (rank[i] < rank[out]) {
                    out = i;
                }
            }
            kept[out] = false;
        }
        for (int i = 0; i < n; i++) {
            if (!kept[i]) {
                at[i] = Double.NaN;
            }
        }
        return at;
    }

    /** The stretches of the row under the bar that labels took (the folded axis leaves them to them). */
    private final List<double[]> rowTaken = new ArrayList<>();
    private final List<String> rowTexts = new ArrayList<>();

    /** Draws a label under the bar and keeps its stretch. */
    /** An erased, cleared or freed VMA under the bar: its name, what became of it, and the centre of its outline. */
    record Ghost(String name, String state, boolean freed, double x) {
    }

    /** A label under the bar naming one or more ghosts: its text, its centre, and whether it names a freed VMA. */
    record GhostLabel(String text, double x, boolean freed) {
    }

    /**
     * The ghosts' labels: ghosts whose labels would meet (neighbours in a log scale, where small VMAs lie a few
     * pixels apart) share one label, "libc, libc_rw, ld (freed)", centred on the ghosts it names; every label is
     * kept between {@code left} and {@code right}. {@code ghosts} in address order.
     */
    static List<GhostLabel> ghostLabels(List<Ghost> ghosts, ToDoubleFunction<String> width, double left,
            double right) {
        List<List<Ghost>> groups = new ArrayList<>();
        for (Ghost gh : ghosts) {
            groups.add(new ArrayList<>(List.of(gh)));
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double[] a = ghostSpan(groups.get(i), width, left, right);
                double[] b = ghostSpan(groups.get(i + 1), width, left, right);
                if (b[0] < a[1] + LABEL_GAP && a[0] < b[1] + LABEL_GAP) {
                    groups.get(i).addAll(groups.remove(i + 1));
                    merged = true;
                    break;
                }
            }
        }
        List<GhostLabel> out = new ArrayList<>();
        for (List<Ghost> grp : groups) {
            double[] sp = ghostSpan(grp, width, left, right);
            out.add(new GhostLabel(ghostText(grp), (sp[0] + sp[1]) / 2, grp.stream().anyMatch(Ghost::freed)));
        }
        return out;
    }

    /** The names of a group of ghosts, each run of the same fate once: "libc, ld (freed), heap (erased)". */
    static String ghostText(List<Ghost> grp) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < grp.size(); i++) {
            b.append(grp.get(i).name());
            if (i + 1 == grp.size() || !grp.get(i + 1).state().equals(grp.get(i).state())) {
                b.append(" (").append(grp.get(i).state()).append(')');
            }
            if (i + 1 < grp.size()) {
                b.append(", ");
            }
        }
        return b.toString();
    }

    /** Where a group's label lies: centred on its ghosts, moved inside [left, right] when it would leave it. */
    private static double[] ghostSpan(List<Ghost> grp, ToDoubleFunction<String> width, double left, double right) {
        double tw = width.applyAsDouble(ghostText(grp));
        double mid = (grp.get(0).x() + grp.get(grp.size() - 1).x()) / 2;
        mid = Math.max(left + tw / 2, Math.min(right - tw / 2, mid));
        return new double[] {mid - tw / 2, mid + tw / 2};
    }

    private void rowText(GraphicsContext g, String t, double x, double y) {
        text(g, t, x, y);
        rowTaken.add(span(g, t, x));
        rowTexts.add(t);
    }

    /** The labels under the bar the last draw made, and where each lies (left, right), in the order drawn. */
    List<String> rowTexts() {
        return List.copyOf(rowTexts);
    }

    List<double[]> rowSpans() {
        return List.copyOf(rowTaken);
    }

    /** How high a marker's tick is in the folded strip (px), inside the bar. */
    static final double FOLDED_TICK = 5;
    /** The folded strip's markers' ticks the last draw made: {x0, y0, x1, y1} each. */
    private final List<double[]> ticks = new ArrayList<>();

    /** The markers' ticks of the folded strip drawn last ({x0, y0, x1, y1}; tests). */
    List<double[]> ticks() {
        return List.copyOf(ticks);
    }

    /** The bar's top and bottom as drawn last (tests). */
    double[] barSpan() {
        return new double[] {barTop, barTop + barH};
    }

    /** Draws an axis label where no label under the bar is; false when there was no room. */
    private boolean axisText(GraphicsContext g, String t, double x, double y) {
        double[] sp = span(g, t, x);
        for (double[] o : rowTaken) {
            if (sp[0] < o[1] + LABEL_GAP && o[0] < sp[1] + LABEL_GAP) {
                return false;
            }
        }
        text(g, t, x, y);
        rowTaken.add(sp);
        return true;
    }

    private double[] span(GraphicsContext g, String t, double x) {
        double tw = textWidth(t, g.getFont());
        return switch (g.getTextAlign()) {
            case CENTER -> new double[] {x - tw / 2, x + tw / 2};
            case RIGHT -> new double[] {x - tw, x};
            default -> new double[] {x, x + tw};
        };
    }

    /**
     * The folded strip's last row: 0 on the left; the markers' ticks under the bar, and on the right their names and
     * values in their inks, then TASK_SIZE.
     */
    private void foldedAxis(GraphicsContext g, double w, double y) {
        g.setFont(small);
        g.setFill(palette.get(Ink.TEXT_DIM));
        g.setTextAlign(TextAlignment.LEFT);
        axisText(g, "0", PAD, y);
        double right = w - PAD;
        g.setTextAlign(TextAlignment.RIGHT);
        String top = "TASK_SIZE " + Numbers.hex(strip.taskSize());
        if (axisText(g, top, right, y)) {
            right -= textWidth(top, small) + 14;
        }
        Object[][] marks = {{strip.mmapBase(), "mmap_base ", Ink.STRIP_BASE},
            {strip.highestVmEnd(), "highest_vm_end ", Ink.STRIP_HIGH}};
        for (Object[] m : marks) {
            long addr = (Long) m[0];
            if (addr == 0) {
                continue;
            }
            Color c = palette.get((Ink) m[2]);
            double px = x(addr);
            // the tick inside the bar, on its lower edge (under it, it reached into the row's words: at lesson 4's
            // libc_rw highest_vm_end's tick sat on TASK_SIZE's number)
            double base = barTop + barH;
            g.setFill(c);
            g.fillPolygon(new double[] {px, px - 4, px + 4}, new double[] {base - FOLDED_TICK, base, base}, 3);
            ticks.add(new double[] {px - 4, base - FOLDED_TICK, px + 4, base});
            String t = "▲ " + m[1] + Numbers.hex(addr);
            if (axisText(g, t, right, y)) {
                right -= textWidth(t, small) + 14;
            }
        }
    }

    private static double textWidth(String t, Font f) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
        probe.setFont(f);
        return probe.getLayoutBounds().getWidth();
    }

    /** A marker under the bar; its label goes to the side with room. */
    private void marker(GraphicsContext g, long addr, String name, Ink ink, double y) {
        if (addr == 0) {
            return;
        }
        double px = x(addr);
        Color c = palette.get(ink);
        g.setFill(c);
        g.fillPolygon(new double[] {px, px - 5, px + 5}, new double[] {barTop + barH + 1, barTop + barH + 9,
            barTop + barH + 9}, 3);
        g.setStroke(c);
        g.setLineWidth(1);
        g.strokeLine(px, barTop + barH + 9, px, y);
        g.setFont(small);
        boolean left = px > canvasWidth() / zoom / 2;
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.strokeLine(px, y, left ? px - 6 : px + 6, y);
        text(g, name, left ? px - 9 : px + 9, y);
    }

    /** A VMA's name in its box, if it fits. */
    private void vmaName(GraphicsContext g, Segment s, double x0, double sw) {
        if (sw > s.name().length() * 7.2 + 6) {
            g.setFont(label);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(palette.get(Ink.STRIP_VMA_TEXT));
            text(g, s.name(), x0 + sw / 2, barTop + barH / 2);
            word(s.name(), label, x0 + sw / 2);
        }
    }

    /** A word the strip drew and its box (the strip's own coordinates, before the room's zoom). */
    record Word(String text, double x0, double y0, double x1, double y1) {
        /** Do the two boxes share more than an edge? */
        boolean meets(Word o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    /** Every word the last draw wrote, a thread's chip with its name included. */
    private final List<Word> drawnWords = new ArrayList<>();

    /** Every word the last draw wrote and its box, a thread's chip whole (tests). */
    List<Word> drawnWords() {
        return List.copyOf(drawnWords);
    }

    /** Writes {@code t} at {@code x, y} in the font and alignment set (centred on y) and keeps its box. */
    private void text(GraphicsContext g, String t, double x, double y) {
        g.fillText(t, x, y);
        double[] sp = span(g, t, x);
        double th = g.getFont().getSize() * 1.2;
        Word wd = new Word(t, sp[0], y - th / 2, sp[1], y + th / 2);
        // a touched VMA's name is written again over its highlight: one word
        drawnWords.remove(wd);
        drawnWords.add(wd);
    }

    /** The words in the bar the last draw wrote (a block's name, a gap's size): {x0, y0, x1, y1} each. */
    private final List<double[]> words = new ArrayList<>();
    /** The thread pins' lines the last draw drew, in pieces: {x, y0, y1} each. */
    private final List<double[]> pinLines = new ArrayList<>();

    /** Keeps the box of a word written in the bar, centred on {@code x} and on the bar's middle. */
    private void word(String t, Font f, double x) {
        double tw = textWidth(t, f);
        double th = f.getSize() * 1.2;
        double y = barTop + barH / 2;
        words.add(new double[] {x - tw / 2, y - th / 2, x + tw / 2, y + th / 2});
    }

    /**
     * A thread pin's line from {@code y0} down to {@code y1} at {@code x}, left out (1 px round) where it would cross
     * a word in the bar: a pin on "heap" or "B" covered the block's name.
     */
    private void pinLine(GraphicsContext g, double x, double y0, double y1) {
        double half = 1.25 + 1;
        List<double[]> cuts = new ArrayList<>();
        for (double[] w : words) {
            if (x + half > w[0] && x - half < w[2]) {
                cuts.add(new double[] {w[1] - 1.5, w[3] + 1.5});
            }
        }
        cuts.sort((a, b) -> Double.compare(a[0], b[0]));
        double y = y0;
        for (double[] c : cuts) {
            if (c[0] > y) {
                g.strokeLine(x, y, x, c[0]);
                pinLines.add(new double[] {x, y, c[0]});
            }
            y = Math.max(y, c[1]);
        }
        if (y < y1) {
            g.strokeLine(x, y, x, y1);
            pinLines.add(new double[] {x, y, y1});
        }
    }

    /** The words in the bar the last draw wrote ({x0, y0, x1, y1}; tests). */
    List<double[]> words() {
        return List.copyOf(words);
    }

    /** The thread pins' lines the last draw drew ({x, y0, y1} each, in pieces; tests). */
    List<double[]> pinLines() {
        return List.copyOf(pinLines);
    }

    /** The inks of merged items, from the gap's (0) to the VMA's ({@link StripLayout#SHADES}). */
    private Color[] shades() {
        Color gap = palette.get(Ink.STRIP_GAP);
        Color vma = palette.get(Ink.STRIP_VMA);
        if (shades == null || !gap.equals(shadesGap) || !vma.equals(shadesVma)) {
            shades = new Color[StripLayout.SHADES + 1];
            for (int k = 0; k <= StripLayout.SHADES; k++) {
                shades[k] = gap.interpolate(vma, (double) k / StripLayout.SHADES);
            }
            shadesGap = gap;
            shadesVma = vma;
        }
        return shades;
    }

    private void hover(double sx) {
        if (layout == null || strip == null) {
            return;
        }
        String text = null;
        StripLayout.Item it = layout.itemAt(sx / zoom - PAD, MIN_VMA);
        if (it != null && it.first() == it.last()) {
            Segment s = layout.segments().get(it.first());
            String range = "[" + Numbers.hex(s.start()) + ", " + Numbers.hex(s.end()) + ")  " + Fmt.size(s.size());
            text = switch (s.kind()) {
                case VMA -> s.name() + " " + range;
                case GAP -> "free gap in front of " + s.name() + " " + range;
                case TOP_GAP -> "free space above the last VMA " + range
                        + "\n(the allocators check it through highest_vm_end; no tree node owns it)";
            };
        } else if (it != null) {
            long start = layout.segments().get(it.first()).start();
            long end = layout.segments().get(it.last()).end();
            text = it.vmas() + " VMA" + (it.vmas() == 1 ? "" : "s") + " and " + it.gaps() + " gap"
                    + (it.gaps() == 1 ? "" : "s") + " in [" + Numbers.hex(start) + ", " + Numbers.hex(end) + ")"
                    + "\n(each narrower than a pixel here: the shade says how much of this stretch the VMAs cover; "
                    + "Find in the tree shows one of them)";
        }
        if (text == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(canvas, tooltip);
        }
    }

}
