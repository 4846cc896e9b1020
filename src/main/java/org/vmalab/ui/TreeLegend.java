package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.vmalab.viewmodel.Mark;
import org.vmalab.viewmodel.NodeFace;
import org.vmalab.viewmodel.NodeState;
import org.vmalab.viewmodel.StepScene.EdgeKind;

/**
 * The tree's legend at its bottom-left corner: one line with the colour cues and the numbers, and, behind
 * <b>Legend</b>, an entry for every mark the tree draws (each state, each change a step can make, each kind of
 * pointer, the walkers' chips, the {@code *} of a stale {@code rb_subtree_gap}), each with a small picture drawn
 * with the theme's inks.
 */
final class TreeLegend extends VBox {
    private static final double SW = 54;
    private static final double SH = 24;

    /**
     * One entry: a key (what it explains, for the test: {@code mark:SUBJECT}, {@code state:FREED},
     * {@code edge:STALE}, {@code stale}, ...), its words and how its picture is drawn.
     */
    record Entry(String key, String text, BiConsumer<GraphicsContext, Palette> picture) {
    }

    private final Palette palette;
    private final List<Entry> entries = all();
    private final List<Canvas> pictures = new ArrayList<>();
    private final ToggleButton more = new ToggleButton("Legend");
    private final ScrollPane full;
    /** The line: the Legend button, the colour chips, then the clauses. */
    private final FlowPane line;
    private final List<Label> chips;
    private final List<Label> clauses = new ArrayList<>();
    /** Set in print type (a handout's picture): the line shows every clause. */
    private boolean printing;

    TreeLegend(Palette palette) {
        this.palette = palette;
        getStyleClass().add("legend");
        setId("tree-legend");
        Label black = new Label("black");
        black.getStyleClass().addAll("legend-node", "legend-black");
        Label red = new Label("red");
        red.getStyleClass().addAll("legend-node", "legend-red");
        // the two chips show the colour's second cues themselves (solid border and bold, dashed and italic)
        black.setTooltip(new Tooltip("A black node: solid heavy border, name in bold"));
        red.setTooltip(new Tooltip("A red node: dashed border, name in italics"));
        // the line's clauses flow onto a second row when the view is narrow: each reads in full
        for (String c : LINE) {
            Label l = new Label(c);
            l.getStyleClass().add("legend-text");
            l.setMnemonicParsing(false);
            l.setMinWidth(Region.USE_PREF_SIZE);
            clauses.add(l);
        }
        black.setMinWidth(Region.USE_PREF_SIZE);
        red.setMinWidth(Region.USE_PREF_SIZE);
        more.setId("legend-toggle");
        more.getStyleClass().add("small-button");
        more.setFocusTraversable(false);
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setTooltip(new Tooltip("Every mark the tree draws, explained"));
        chips = List.of(black, red);
        line = new FlowPane(6, 3);
        line.getChildren().addAll(more, black, red);
        line.getChildren().addAll(clauses);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId("legend-line");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("legend-grid");
        grid.setHgap(8);
        grid.setVgap(3);
        int cols = 2;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Canvas c = new Canvas(SW, SH);
            pictures.add(c);
            Label l = new Label(e.text());
            l.getStyleClass().add("legend-text");
            l.setMnemonicParsing(false);
            l.setWrapText(true);
            l.setMaxWidth(300);
            grid.add(c, (i % cols) * 2, i / cols);
            grid.add(l, (i % cols) * 2 + 1, i / cols);
        }
        full = new ScrollPane(grid);
        full.getStyleClass().add("legend-full");
        full.setFitToWidth(true);
        full.setMaxHeight(340);
        full.setVisible(false);
        full.setManaged(false);
        more.selectedProperty().addListener((o, a, on) -> {
            full.setVisible(on);
            full.setManaged(on);
            if (on) {
                repaint();
            }
        });
        getChildren().addAll(full, line);
        setSpacing(4);
        setMaxHeight(Region.USE_PREF_SIZE);
        setPickOnBounds(false);
        StackPane.setAlignment(this, Pos.BOTTOM_LEFT);
    }

    /** The clauses of the legend's line (the Legend button explains every mark, {@code *} included). */
    static final List<String> LINE = List.of("● vm_ref_count ·", "gap: free space in front ·",
            "subtree: rb_subtree_gap (" + NodeFace.STALE_MARK + " = stale)");

    /** The entries (for the test: every mark has one). */
    List<Entry> entries() {
        return entries;
    }

    /** Keeps the tree's fit clear of the legend: its height, and a new fit when it changes. */
    void attach(TreeCanvas tree) {
        // never wider than the tree's view: the line wraps instead of running under its edge
        this.tree = tree;
        tree.setLegendHeight(() -> isVisible() ? getBoundsInParent().getHeight() : 0);
        boundsInParentProperty().addListener((o, a, b) -> {
            if (a.getHeight() != b.getHeight()) {
                tree.topRoomChanged();
            }
        });
    }

    /** Sets every word of the legend's line in {@code px} (a printed picture), or back to the stylesheet's (0). */
    void setPrintSize(double px) {
        printing = px > 0;
        for (javafx.scene.Node n : lookupAll(".label")) {
            n.setStyle(px > 0 ? "-fx-font-size: " + px + "px;" : "");
        }
        for (javafx.scene.Node n : lookupAll(".toggle-button")) {
            n.setStyle(px > 0 ? "-fx-font-size: " + px + "px;" : "");
        }
    }

    private TreeCanvas tree;

    /** The tree area's height under which the legend keeps to one row: the tree needs the room. */
    static final double ONE_ROW_BELOW = 300;

    @Override
    protected void layoutChildren() {
        fitLine();
        super.layoutChildren();
    }

    @Override
    protected double computePrefHeight(double width) {
        // the height the tree keeps clear of is the line's as it will be laid out
        fitLine();
        return super.computePrefHeight(width);
    }

    /**
     * Under a short tree (less than {@link #ONE_ROW_BELOW} px high) the line keeps to one row: the clauses that do
     * not fit beside the Legend button and the colour chips are left out of it (the Legend button explains every
     * mark); elsewhere they flow onto a second row when the view is narrow, every word in full.
     */
    private void fitLine() {
        // the tree's size; before its first layout, the area's the legend and the tree share
        Region area = tree == null || tree.getHeight() > 0 || !(getParent() instanceof Region r) ? tree : r;
        boolean oneRow = area != null && !printing && area.getHeight() > 0 && area.getHeight() < ONE_ROW_BELOW;
        double room = area == null ? Double.MAX_VALUE
                : area.getWidth() - 16 - snappedLeftInset() - snappedRightInset() - 2;
        double used = more.prefWidth(-1);
        for (Label c : chips) {
            used += line.getHgap() + c.prefWidth(-1);
        }
        int last = -1;
        boolean[] in = new boolean[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            // a clause measured whole (its separator included), as it reads when another follows it
            double cw = width(LINE.get(i), clauses.get(i));
            in[i] = !oneRow || used + line.getHgap() + cw <= room;
            if (in[i]) {
                used += line.getHgap() + cw;
                last = i;
            }
        }
        for (int i = 0; i < clauses.size(); i++) {
            Label c = clauses.get(i);
            // no separator after the last clause shown
            String text = oneRow && i == last ? LINE.get(i).replaceFirst(" ·$", "") : LINE.get(i);
            if (!c.getText().equals(text)) {
                c.setText(text);
            }
            if (c.isVisible() != in[i]) {
                c.setVisible(in[i]);
                c.setManaged(in[i]);
            }
        }
    }

    /** The width of a label of the line's showing {@code s}. */
    private static double width(String s, Label l) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(l.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + l.snappedLeftInset() + l.snappedRightInset();
    }

    /** The clauses of the line shown now (tests). */
    List<String> shownClauses() {
        return clauses.stream().filter(Label::isVisible).map(Label::getText).toList();
    }

    @Override
    protected double computeMaxWidth(double height) {
        double pref = prefWidth(height);
        return tree == null || tree.getWidth() <= 0 ? pref : Math.min(pref, tree.getWidth() - 16);
    }

    /** Shows or hides the full legend. */
    void setExpanded(boolean on) {
        more.setSelected(on);
    }

    boolean expanded() {
        return more.isSelected();
    }

    /** Redraws the pictures with the theme's inks (after a theme change). */
    void repaint() {
        for (int i = 0; i < entries.size(); i++) {
            GraphicsContext g = pictures.get(i).getGraphicsContext2D();
            g.clearRect(0, 0, SW, SH);
            g.setLineDashes();
            g.setGlobalAlpha(1);
            entries.get(i).picture().accept(g, palette);
        }
    }

    // ================================================================ the entries and their pictures

    private static List<Entry> all() {
        List<Entry> l = new ArrayList<>();
        l.add(new Entry("colour:black", "black node: solid heavy border, name in bold", (g, p) -> node(g, p, true,
                "data", Ink.NODE_BLACK, Ink.NODE_BLACK_TEXT, null)));
        l.add(new Entry("colour:red", "red node: dashed border, name in italics", (g, p) -> node(g, p, false, "libc",
                Ink.NODE_RED, Ink.NODE_RED_TEXT, null)));
        l.add(new Entry("numbers", "range [vm_start-vm_end), gap: the free space in front of the VMA, subtree: its "
                + "rb_subtree_gap (the largest gap in its subtree)", (g, p) -> text(g, p, "gap 0x4000", true)));
        l.add(new Entry("stale", NodeFace.STALE_MARK
                + " after the subtree gap: the stored rb_subtree_gap is not what its "
                + "children and own gap give now (a propagate is still to come)", (g, p) -> text(g, p,
                "0x80e2000 " + NodeFace.STALE_MARK, true)));
        l.add(new Entry("badge", "● vm_ref_count; filled in the highlight colour when this step changed it",
                (g, p) -> badge(g, p)));
        l.add(new Entry("state:" + NodeState.LINKED, "linked: a walk from mm_rb.rb_node reaches it",
                (g, p) -> node(g, p, true, "", Ink.NODE_BLACK, Ink.NODE_BLACK_TEXT, null)));
        l.add(new Entry("state:" + NodeState.UNREACHABLE, "unreachable now: in the tree, but a walk from the root "
                + "cannot reach it at this moment (mid-rotation); drawn faded", (g, p) -> {
                    g.setGlobalAlpha(0.55);
                    node(g, p, false, "", Ink.NODE_RED, Ink.NODE_RED_TEXT, null);
                }));
        l.add(new Entry("state:" + NodeState.OFF_TREE, "erased / not linked: below the dashed line, in its column",
                (g, p) -> {
                    g.setStroke(p.get(Ink.OFF_ROW));
                    g.setLineDashes(6, 4);
                    g.strokeLine(2, 4, SW - 2, 4);
                    g.setLineDashes();
                    node(g, p, true, "", Ink.NODE_BLACK, Ink.NODE_BLACK_TEXT, null);
                }));
        l.add(new Entry("state:" + NodeState.CLEARED, NodeFace.CLEARED_MARK + "cleared (RB_CLEAR_NODE, RB_EMPTY_NODE "
                + "is true): dotted border", (g, p) -> {
                    g.setFill(p.get(Ink.NODE_RED));
                    g.fillRoundRect(6, 4, SW - 12, SH - 8, 6, 6);
                    g.setStroke(p.get(Ink.NODE_RED_BORDER));
                    g.setLineDashes(2, 3);
                    g.setLineWidth(2);
                    g.strokeRoundRect(6, 4, SW - 12, SH - 8, 6, 6);
                    g.setLineDashes();
                }));
        l.add(new Entry("state:" + NodeState.FREED, "freed: hatched grey; hatched in the alarm colour, FREED · still "
                + "used, when something still reaches it: a use-after-free", (g, p) -> {
                    node(g, p, true, "", Ink.NODE_ALARM, Ink.NODE_ALARM_TEXT, null);
                    g.setStroke(p.get(Ink.NODE_ALARM_TEXT));
                    g.setGlobalAlpha(0.35);
                    for (double d = -SH; d < SW; d += 8) {
                        g.strokeLine(6 + d, SH - 4, 6 + d + SH - 8, 4);
                    }
                    g.setGlobalAlpha(1);
                }));
        l.add(new Entry("mark:" + Mark.SUBJECT, "thick ring: the node the step is about; its callout gives its numbers "
                + "(and what the step stored, \"was …\")", (g, p) -> ring(g, p, Ink.SUBJECT, 3.5, false)));
        l.add(new Entry("mark:" + Mark.OTHER, "dashed ring: the step's second node",
                (g, p) -> ring(g, p, Ink.OTHER, 2.5, true)));
        l.add(new Entry("mark:" + Mark.STORED, "thin ring: the step stored to this node (also a link, an erase or a "
                + "list pointer: vm_prev, vm_next)", (g, p) -> ring(g, p, Ink.CHANGED, 2, false)));
        l.add(new Entry("mark:" + Mark.VIOLATION, "alarm ring: a checked rule is broken at this node",
                (g, p) -> ring(g, p, Ink.BAD, 3.5, false)));
        l.add(new Entry("mark:" + Mark.GAP_CHANGED, "highlighted subtree line and \"was 0x…\": the step stored a new "
                + "rb_subtree_gap", (g, p) -> tag(g, p, "was 0x0", Ink.CHANGED, Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.COLOR_FLIPPED, "red → black: the step changed the node's colour",
                (g, p) -> tag(g, p, "red → black", Ink.CHANGED, Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.CHILD_CHANGED, "child pointer: the step stored rb_left or rb_right (the new "
                + "pointer thick, the old one dashed and crossed)", (g, p) -> tag(g, p, "child pointer", Ink.CHANGED,
                Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.PARENT_CHANGED, "parent pointer: the step stored __rb_parent_color; a dotted "
                + "arrow to the new parent", (g, p) -> edge(g, p, Ink.PARENT_ARROW, 2, new double[] {2, 4}, false)));
        l.add(new Entry("mark:" + Mark.REF_CHANGED, "vm_ref_count a → b: get_vma or put_vma changed the count",
                (g, p) -> tag(g, p, "1 → 2", Ink.CHANGED, Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.SEQ_CHANGED, "vm_sequence n (odd): a writer is changing the VMA; a speculative "
                + "fault that read it must retry", (g, p) -> tag(g, p, "(odd)", Ink.WARN, Ink.BG)));
        l.add(new Entry("mark:" + Mark.RANGE_CHANGED, "range changed: vm_start or vm_end was stored (highlighted)",
                (g, p) -> tag(g, p, "range", Ink.CHANGED, Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.LIST_CHANGED, "thin ring without a tag: vm_prev or vm_next was stored",
                (g, p) -> ring(g, p, Ink.CHANGED, 2, false)));
        l.add(new Entry("mark:" + Mark.LIFE_CHANGED, "thin ring: the node was linked, erased, cleared or freed by "
                + "the step (its state tag says which)", (g, p) -> ring(g, p, Ink.CHANGED, 2, false)));
        l.add(new Entry("mark:" + Mark.PROPAGATE,
                "propagate ↑: the gap callback stored this node's gap and climbs on",
                (g, p) -> tag(g, p, "propagate ↑", Ink.CHANGED, Ink.CHANGED_TEXT)));
        l.add(new Entry("mark:" + Mark.PROPAGATE_STOP, "■ propagate stops: the gap was already right, the callback "
                + "stops here", (g, p) -> tag(g, p, "■ stops", Ink.WARN, Ink.BG)));
        l.add(new Entry("mark:" + Mark.NEW_ROOT, "new root: mm_rb.rb_node now points here (its arrow highlighted)",
                (g, p) -> edge(g, p, Ink.EDGE_CHANGED, 3, null, true)));
        l.add(new Entry("edge:" + EdgeKind.TREE, "child pointer a walk from the root follows", (g, p) -> edge(g, p,
                Ink.EDGE, 2, null, false)));
        l.add(new Entry("edge:" + EdgeKind.UNREACHABLE, "child pointer of a node the walk cannot reach now (dashed)",
                (g, p) -> edge(g, p, Ink.EDGE, 2, new double[] {9, 5}, false)));
        l.add(new Entry("edge:" + EdgeKind.STALE, "stale pointer left in a node off the tree (thin, dashed, arrow)",
                (g, p) -> edge(g, p, Ink.EDGE_STALE, 1.6, new double[] {5, 5}, true)));
        l.add(new Entry("edge:" + EdgeKind.CYCLE, "pointer back to a node already seen: a walker would loop",
                (g, p) -> edge(g, p, Ink.EDGE_CYCLE, 2.5, new double[] {3, 4}, false)));
        l.add(new Entry("edge:changed", "thick: the pointer this step stored; dashed with a cross: the one it "
                + "overwrote", (g, p) -> {
                    edge(g, p, Ink.EDGE_REMOVED, 2.5, new double[] {4, 6}, false);
                    g.setStroke(p.get(Ink.EDGE_REMOVED));
                    g.setLineWidth(2.5);
                    g.strokeLine(SW / 2 - 5, SH / 2 - 5, SW / 2 + 5, SH / 2 + 5);
                    g.strokeLine(SW / 2 - 5, SH / 2 + 5, SW / 2 + 5, SH / 2 - 5);
                }));
        l.add(new Entry("cursor", "chip in a thread's colour: where that thread's walk stands (T_NODE)",
                (g, p) -> chip(g, p)));
        l.add(new Entry("found", "yellow ring: the VMA Find address found; dashed: the one selected with the keyboard",
                (g, p) -> ring(g, p, Ink.FOUND, 3.5, false)));
        l.add(new Entry("summary", "trapezoid (large trees): a subtree summed up, its VMA count and largest gap; "
                + "click to open it", (g, p) -> {
                    g.setFill(p.get(Ink.SUMMARY));
                    g.fillPolygon(new double[] {14, SW - 14, SW - 6, 6}, new double[] {4, 4, SH - 4, SH - 4}, 4);
                    g.setStroke(p.get(Ink.SUMMARY_BORDER));
                    g.setLineWidth(2);
                    g.strokePolygon(new double[] {14, SW - 14, SW - 6, 6}, new double[] {4, 4, SH - 4, SH - 4}, 4);
                }));
        return List.copyOf(l);
    }

    private static void node(GraphicsContext g, Palette p, boolean black, String name, Ink fill, Ink text,
                             double[] dashes) {
        g.setFill(p.get(fill));
        g.fillRoundRect(6, 4, SW - 12, SH - 8, 6, 6);
        g.setStroke(p.get(black ? Ink.NODE_BLACK_BORDER : Ink.NODE_RED_BORDER));
        g.setLineWidth(black ? 3 : 2);
        if (!black) {
            g.setLineDashes(5, 3);
        } else if (dashes != null) {
            g.setLineDashes(dashes);
        }
        g.strokeRoundRect(6, 4, SW - 12, SH - 8, 6, 6);
        g.setLineDashes();
        if (!name.isEmpty()) {
            g.setFill(p.get(text));
            g.setFont(Font.font("DejaVu Sans", black ? FontWeight.BOLD : FontWeight.NORMAL,
                    black ? FontPosture.REGULAR : FontPosture.ITALIC, 10));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(name, SW / 2, SH / 2);
        }
    }

    private static void ring(GraphicsContext g, Palette p, Ink ink, double lw, boolean dashed) {
        g.setFill(p.get(Ink.NODE_BLACK));
        g.fillRoundRect(10, 7, SW - 20, SH - 14, 5, 5);
        g.setStroke(p.get(ink));
        g.setLineWidth(lw);
        if (dashed) {
            g.setLineDashes(4, 3);
        }
        g.strokeRoundRect(6, 3, SW - 12, SH - 6, 8, 8);
        g.setLineDashes();
    }

    private static void tag(GraphicsContext g, Palette p, String s, Ink fill, Ink text) {
        g.setFill(p.get(fill));
        g.fillRoundRect(1, 5, SW - 2, SH - 10, 8, 8);
        g.setFill(p.get(text));
        g.setFont(Font.font("DejaVu Sans", 9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, SW / 2, SH / 2, SW - 4);
    }

    private static void text(GraphicsContext g, Palette p, String s, boolean mono) {
        g.setFill(p.get(Ink.NODE_BLACK));
        g.fillRoundRect(1, 3, SW - 2, SH - 6, 5, 5);
        g.setFill(p.get(Ink.NODE_BLACK_TEXT));
        g.setFont(mono ? Font.font("DejaVu Sans Mono", 8.5) : Font.font("DejaVu Sans", 9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, SW / 2, SH / 2, SW - 4);
    }

    private static void badge(GraphicsContext g, Palette p) {
        double r = 9;
        g.setFill(p.get(Ink.BADGE));
        g.fillOval(SW / 2 - 14 - r, SH / 2 - r, 2 * r, 2 * r);
        g.setFill(p.get(Ink.BADGE_HOT));
        g.fillOval(SW / 2 + 14 - r, SH / 2 - r, 2 * r, 2 * r);
        g.setStroke(p.get(Ink.TEXT_DIM));
        g.setLineWidth(1.2);
        g.strokeOval(SW / 2 - 14 - r, SH / 2 - r, 2 * r, 2 * r);
        g.strokeOval(SW / 2 + 14 - r, SH / 2 - r, 2 * r, 2 * r);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(p.get(Ink.BADGE_TEXT));
        g.fillText("1", SW / 2 - 14, SH / 2);
        g.setFill(p.get(Ink.BADGE_HOT_TEXT));
        g.fillText("2", SW / 2 + 14, SH / 2);
    }

    private static void edge(GraphicsContext g, Palette p, Ink ink, double lw, double[] dashes, boolean arrow) {
        Color c = p.get(ink);
        g.setStroke(c);
        g.setLineWidth(lw);
        if (dashes != null) {
            g.setLineDashes(dashes);
        }
        g.strokeLine(6, 5, SW - 8, SH - 5);
        g.setLineDashes();
        if (arrow) {
            double ang = Math.atan2(SH - 10, SW - 14);
            double x2 = SW - 8;
            double y2 = SH - 5;
            g.setFill(c);
            g.fillPolygon(new double[] {x2, x2 - 8 * Math.cos(ang - 0.45), x2 - 8 * Math.cos(ang + 0.45)},
                    new double[] {y2, y2 - 8 * Math.sin(ang - 0.45), y2 - 8 * Math.sin(ang + 0.45)}, 3);
        }
    }

    private static void chip(GraphicsContext g, Palette p) {
        g.setFill(p.thread(0));
        g.fillRoundRect(10, 3, 34, 16, 7, 7);
        g.fillPolygon(new double[] {16, 26, 21}, new double[] {18, 18, 23}, 3);
        g.setFill(p.get(Ink.THREAD_TEXT));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("T1", 27, 11);
    }
}
