package org.vmalab.ui;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.vmalab.engine.Numbers;
import org.vmalab.viewmodel.Fmt;
import org.vmalab.viewmodel.Frames.CursorFrame;
import org.vmalab.viewmodel.Frames.EdgeFrame;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;
import org.vmalab.viewmodel.Frames;
import org.vmalab.viewmodel.Mark;
import org.vmalab.viewmodel.NodeFace;
import org.vmalab.viewmodel.NodeState;
import org.vmalab.viewmodel.Overview.Summary;
import org.vmalab.viewmodel.Overview;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.GhostEdge;
import org.vmalab.viewmodel.StepScene.NodeView;
import org.vmalab.viewmodel.StepScene.ParentArrow;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.Tone;
import org.vmalab.viewmodel.TreeGeometry.Detail;
import org.vmalab.viewmodel.TreeGeometry;
import org.vmalab.viewmodel.TreeLayout;

/**
 * The mm_rb tree on a canvas: nodes with their range, own gap, rb_subtree_gap, reference-count badge and
 * state; child pointers; the walkers' cursors; what the step touched and changed. One forward step is
 * animated ({@link Frames#at}); every other move snaps. Pan by dragging, zoom with the wheel, double-click
 * to fit. Only the visible part is drawn, so a tree of thousands of VMAs still pans smoothly.
 *
 * <p>A large tree (more than {@link Overview#AUTO_THRESHOLD} VMAs, or on request) is drawn as an
 * {@link Overview}: subtrees collapse into summary nodes (VMA count, largest gap); a click on a summary (or Enter
 * on the selected one) opens it; the paths to the step's nodes, the cursors and a search hit stay open. With the
 * keyboard focus, ↑ and ↓ select the previous or next item in address order.
 */
final class TreeCanvas extends CanvasRegion {
    /** Room kept free at the bottom of the view for the legend. */
    static final double LEGEND_ROOM = 40;
    private static final double MIN_ZOOM = 0.015;
    private static final double MAX_ZOOM = 3;
    /** The largest zoom a fit chooses (times the presentation's type scale). */
    private static final double FIT_MAX_ZOOM = 1.6;
    /** Padding inside a node's box, left and right. */
    static final double PAD = 5;
    /** The smallest size a name or a summary's count is set in, as a share of the detail's name size. */
    static final double MIN_NAME_SCALE = 0.78;

    private final Palette palette;
    private final Tooltip tooltip = new Tooltip();
    private final AnimationTimer timer;
    private StepScene scene;
    private TreeLayout.Layout layout;
    private TreeFrame from;
    private TreeFrame to;
    private TreeFrame shown;
    private double t = 1;
    private long animStart = -1;
    private double animNanos;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double panFromX;
    private double panFromY;
    private double panToX;
    private double panToY;
    private boolean userMoved;
    private boolean follow = true;
    private double dragX;
    private double dragY;
    private int hover = -1;
    private LongConsumer drawListener;
    private final Font smallFont = Font.font("DejaVu Sans", 11);
    private final Font smallBold = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    private final Font tagFont = Font.font("DejaVu Sans", 10);
    private final Font chipFont = Font.font("DejaVu Sans", FontWeight.BOLD, 12);
    /** What the nodes show now, chosen from the zoom (richest readable) or by a fit. */
    private Detail detail = Detail.FULL;
    /** The node the step's callout is about, or -1. */
    private int calloutId = -1;
    /** 0: a tree narrower than the view is centred; -1 (+1): it keeps left (right), the callout's room beside. */
    private int calloutSide;
    private double calloutW;
    private boolean redrawing;
    /** What the last draw put where, in view coordinates (tests, hover). */
    private final List<Drawn> drawn = new ArrayList<>();
    private Rect calloutRect;
    private final List<Rect> tagRects = new ArrayList<>();
    /** The scene's nodes by id, for the per-frame lookups. */
    private NodeView[] byId = new NodeView[0];
    /** Overview: null = automatic (by size), else the user's choice. */
    private Boolean overviewChoice;
    private boolean overviewShown;
    private final BitSet drilled = new BitSet();
    /** The overview's first collapsed row, chosen for the view's size by {@link #pickOverviewDepth}. */
    private int overviewDepth = Overview.DEFAULT_DEPTH;
    private static final int MIN_OVERVIEW_DEPTH = 2;
    private Overview.Tree otree;
    private Overview.View oview;
    /** A search hit (a VMA id) kept open and ringed, or -1. */
    private int found = -1;
    /** The keyboard selection (a VMA id or a summary id), or -1. */
    private int selected = -1;
    private double textScale = 1;
    private long lastDrill;
    private boolean dragged;
    private Consumer<TreeCanvas> viewListener;
    /** Incremented when a scene of another address space arrives (Find and the user's view reset). */
    private int generation;

    TreeCanvas(Palette palette) {
        this.palette = palette;
        getStyleClass().add("vma-tree");
        setMinSize(200, 150);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (animStart < 0) {
                    animStart = now;
                }
                t = Math.min(1, (now - animStart) / animNanos);
                if (t >= 1) {
                    stop();
                    animStart = -1;
                }
                draw();
            }
        };
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                if (Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 2) {
                    dragged = true;
                }
                setPan(panX + e.getX() - dragX, panY + e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
                userMoved = true;
                draw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || dragged) {
                return;
            }
            int hit = itemAt(e.getX(), e.getY());
            if (e.getClickCount() == 1 && hit >= Overview.SUMMARY_BASE) {
                select(hit);
                drill(hit - Overview.SUMMARY_BASE);
                lastDrill = System.nanoTime();
            } else if (e.getClickCount() == 2 && System.nanoTime() - lastDrill > 600_000_000L) {
                fit();
            }
        });
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("tree");
        setAccessibleHelp("The mm_rb tree. Up and down select the previous or next node in address order; Enter "
                + "opens or closes a summary of a subtree; Control+F finds an address.");
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        focusedProperty().addListener((o, a, f) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = -1;
            Tooltip.uninstall(canvas, tooltip);
            draw();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.0025));
            e.consume();
        });
    }

    /** Called after every draw with its duration in nanoseconds (the frame-time benchmark listens). */
    void setDrawListener(LongConsumer l) {
        this.drawListener = l;
    }

    double zoom() {
        return zoom;
    }

    boolean animating() {
        return t < 1;
    }

    /** The frame on screen (for tests). */
    TreeFrame shownFrame() {
        return shown;
    }

    /** Shows or hides the vm_ref_count badges (a lesson hides them until they matter). */
    private boolean refBadges = true;

    void setRefCountShown(boolean on) {
        if (on != refBadges) {
            refBadges = on;
            draw();
        }
    }

    boolean refCountShown() {
        return refBadges;
    }

    void setFollow(boolean f) {
        follow = f;
        if (f) {
            userMoved = false;
            autoView(false);
            draw();
        }
    }

    /** Shows a scene: animated from {@code previous} when given, snapped otherwise. */
    void show(StepScene s, StepScene previous, double millis) {
        boolean first = scene == null;
        int generationBefore = generation;
        if (scene != null && anotherAddressSpace(scene, s)) {
            // another address space: what was opened, found or panned to there means nothing here
            drilled.clear();
            found = -1;
            selected = -1;
            userMoved = false;
            overviewChoice = null;
            generation++;
        }
        boolean wasOverview = overviewShown;
        this.scene = s;
        overviewShown = overviewChoice != null ? overviewChoice : s.nodes().size() > Overview.AUTO_THRESHOLD;
        if (overviewShown) {
            // a large tree: its walk tree was made once for this scene (maybe off this thread, ahead of time)
            otree = Overview.treeOf(s);
            this.byId = otree.byId();
        } else {
            int maxId = -1;
            for (NodeView n : s.nodes()) {
                maxId = Math.max(maxId, n.id());
            }
            NodeView[] ids = new NodeView[maxId + 1];
            for (NodeView n : s.nodes()) {
                ids[n.id()] = n;
            }
            this.byId = ids;
        }
        this.calloutId = calloutOf(s);
        TreeLayout.Layout newLayout;
        TreeFrame target;
        if (overviewShown) {
            if (first || !wasOverview || generationBefore != generation) {
                pickOverviewDepth();
            }
            oview = overview();
            newLayout = oview.layout();
            target = Overview.frame(s, oview);
        } else {
            otree = null;
            oview = null;
            newLayout = TreeLayout.of(s);
            target = Frames.key(s, newLayout);
        }
        boolean shapeChanged = layout == null || wasOverview != overviewShown
                || !overviewShown && (layout.columns() != newLayout.columns()
                || Math.abs(layout.rows() - newLayout.rows()) > 0.01);
        this.layout = newLayout;
        boolean animate = previous != null && millis > 0 && shown != null && wasOverview == overviewShown;
        TreeFrame start = !animate ? null : overviewShown || t < 1 ? shown
                : Frames.key(previous, TreeLayout.of(previous));
        install(target, start, millis, first || shapeChanged);
    }

    /**
     * What can be made for a scene before it is shown, on any thread (the player prepares the next step's scene
     * ahead): the walk tree of a tree large enough for the overview.
     */
    static void prepare(StepScene s) {
        if (s.nodes().size() > Overview.AUTO_THRESHOLD) {
            Overview.treeOf(s);
        }
    }

    /** The node the step's callout is about, without a walk over every node of a large tree. */
    private int calloutOf(StepScene s) {
        return NodeFace.calloutNode(s, this::node, otree != null && overviewShown ? otree.marked() : s.nodes());
    }

    /** Does {@code b} show another address space than {@code a} (a new lesson, an import)? */
    static boolean anotherAddressSpace(StepScene a, StepScene b) {
        if (Math.abs(a.nodes().size() - b.nodes().size()) > 8) {
            return true;
        }
        if (a.nodes().isEmpty() || b.nodes().isEmpty()) {
            return a.nodes().isEmpty() != b.nodes().isEmpty() && b.index() == 0;
        }
        return b.index() == 0 && !a.nodes().get(0).name().equals(b.nodes().get(0).name());
    }

    /** Changes whenever a scene of another address space arrived. */
    int generation() {
        return generation;
    }

    /** What the nodes show now. */
    Detail detail() {
        return detail;
    }

    /** Puts a new target frame on screen: animated from {@code start} when given, snapped otherwise. */
    private void install(TreeFrame target, TreeFrame start, double millis, boolean refit) {
        if (start != null) {
            from = start;
            to = target;
            t = 0;
            animNanos = millis * 1_000_000.0;
            animStart = -1;
            panFromX = panX;
            panFromY = panY;
            // a refit keeps every frame of the animation in view, not only its end: the rows and columns it
            // passes through (a node that leaves keeps its room for a while)
            TreeLayout.Layout end = layout;
            if (refit) {
                layout = spanning(end, start, Frames.at(start, target, 0.5));
            }
            double zoomBefore = zoom;
            Detail detailBefore = detail;
            autoView(refit);
            layout = end;
            panToX = panX;
            panToY = panY;
            if (zoom == zoomBefore && detail == detailBefore) {
                panX = panFromX;
                panY = panFromY;
            } else {
                // a new zoom: the old pan means another place; the nodes move, the view does not slide
                panFromX = panX;
                panFromY = panY;
            }
            timer.start();
        } else {
            timer.stop();
            from = target;
            to = target;
            t = 1;
            autoView(refit);
            panFromX = panX;
            panToX = panX;
            panFromY = panY;
            panToY = panY;
        }
        if (selected >= 0 && !target.nodes().containsKey(selected)) {
            selected = -1;
        }
        updateAccessibleText();
        draw();
        if (viewListener != null) {
            viewListener.accept(this);
        }
    }

    /** {@code l} with its span and rows widened to hold the frames {@code fs} too (for a fit, not for positions). */
    private static TreeLayout.Layout spanning(TreeLayout.Layout l, TreeFrame... fs) {
        double span = l.span();
        double rows = l.rows();
        for (TreeFrame f : fs) {
            for (NodeFrame nf : f.nodes().values()) {
                if (nf.opacity() > 0 || nf.presence() > 0) {
                    span = Math.max(span, nf.x());
                    rows = Math.max(rows, nf.y() + 1);
                }
            }
        }
        if (span == l.span() && rows == l.rows()) {
            return l;
        }
        return new TreeLayout.Layout(l.x(), l.y(), l.columns(), l.treeRows(), rows - 1, span);
    }

    /** The overview of the current scene with what is open now. */
    private Overview.View overview() {
        List<Integer> focus = new ArrayList<>(otree.focus(scene));
        if (found >= 0) {
            focus.add(found);
        }
        if (selected >= 0 && selected < Overview.SUMMARY_BASE) {
            focus.add(selected);
        }
        return Overview.of(scene, otree, new Overview.Expansion(overviewDepth, drilled, focus));
    }

    /** Chooses the overview's depth again for the view's size and, if it changed, snaps to the new overview. */
    private void repickOverviewDepth() {
        if (!overviewShown || scene == null || otree == null) {
            return;
        }
        int before = overviewDepth;
        pickOverviewDepth();
        if (overviewDepth != before || oview == null) {
            oview = overview();
            layout = oview.layout();
            from = Overview.frame(scene, oview);
            to = from;
            t = 1;
            timer.stop();
            if (viewListener != null) {
                viewListener.accept(this);
            }
        }
    }

    /**
     * The overview's first collapsed row for the view's size: the deepest (at most {@link Overview#DEFAULT_DEPTH})
     * whose whole drawing shows the nodes' numbers readably; else the deepest whose names are readable; else the
     * default. So a panel with room shows ranges and gaps on the overview's nodes, as on a small tree.
     */
    private void pickOverviewDepth() {
        double w = getWidth();
        double h = availHeight();
        if (otree == null || scene == null || w <= 0 || getHeight() <= 0) {
            return;
        }
        List<Integer> focus = new ArrayList<>(otree.focus(scene));
        if (found >= 0) {
            focus.add(found);
        }
        double maxZ = FIT_MAX_ZOOM * textScale;
        int named = -1;
        for (int d = Overview.DEFAULT_DEPTH; d >= MIN_OVERVIEW_DEPTH; d--) {
            Overview.View v = Overview.of(scene, otree, new Overview.Expansion(d, drilled, focus));
            TreeGeometry.Fit f = TreeGeometry.richestFit(v.layout(), w, h, minPx(), maxZ);
            if (f != null && f.detail() != Detail.NAME) {
                overviewDepth = d;
                return;
            }
            if (f != null && named < 0) {
                named = d;
            }
        }
        overviewDepth = named >= 0 ? named : Overview.DEFAULT_DEPTH;
    }

    /** Recomputes the overview after an opening, a closing or a search, animated. */
    private void relayout() {
        if (!overviewShown || scene == null) {
            draw();
            return;
        }
        oview = overview();
        layout = oview.layout();
        install(Overview.frame(scene, oview), null, 0, false);
    }

    /** Shows the running animation at fraction {@code f} of its way and stops there (tests: every frame). */
    void seekAnimation(double f) {
        timer.stop();
        animStart = -1;
        t = Math.max(0, Math.min(1, f));
        draw();
    }

    /** Ends a running animation at its last frame (screenshots, tests). */
    void finishAnimation() {
        if (t < 1) {
            t = 1;
            timer.stop();
            animStart = -1;
            draw();
        }
    }

    // ================================================================ overview, search, selection

    /** Is the tree drawn as an overview with summary nodes? */
    boolean overviewShown() {
        return overviewShown;
    }

    /** The overview on screen, or null in the full layout. */
    Overview.View overviewView() {
        return oview;
    }

    /** Overview on, off, or automatic by size (null). */
    void setOverview(Boolean on) {
        overviewChoice = on;
        if (scene != null) {
            userMoved = false;
            show(scene, null, 0);
        }
    }

    /** Called after every new layout (a scene, an opening, a mode change). */
    void setViewListener(Consumer<TreeCanvas> l) {
        viewListener = l;
    }

    /** Opens the summary of the subtree rooted at VMA {@code root}: a few more rows of it become nodes. */
    void drill(int root) {
        if (otree == null) {
            return;
        }
        drilled.or(Overview.drill(otree, root, Overview.DRILL_LEVELS));
        if (selected == Overview.SUMMARY_BASE + root) {
            selected = root;
        }
        userMoved = true;
        relayout();
        reveal(root, false);
    }

    /** Closes what was opened under VMA {@code v} (it becomes a summary again unless it must stay open). */
    void close(int v) {
        if (otree == null) {
            return;
        }
        drilled.andNot(Overview.subtree(otree, v));
        if (found >= 0 && Overview.subtree(otree, v).get(found)) {
            found = -1;
        }
        relayout();
        if (oview != null && oview.summary(Overview.SUMMARY_BASE + v) != null) {
            selected = Overview.SUMMARY_BASE + v;
            updateAccessibleText();
            draw();
        }
    }

    /** Closes everything the user opened: the overview as it started. */
    void closeAll() {
        drilled.clear();
        found = -1;
        selected = -1;
        userMoved = false;
        if (overviewShown) {
            pickOverviewDepth();
            oview = overview();
            layout = oview.layout();
            install(Overview.frame(scene, oview), null, 0, true);
        }
    }

    /** Marks the VMA a search found, opens the path to it and brings it into view, readable. */
    void showFound(int vma) {
        found = vma;
        if (vma < 0) {
            draw();
            return;
        }
        selected = vma;
        relayout();
        reveal(vma, true);
    }

    /** The search hit on screen, or -1. */
    int found() {
        return found;
    }

    /** The keyboard selection (a VMA id or a summary id), or -1. */
    int selected() {
        return selected;
    }

    private void select(int id) {
        selected = id;
        updateAccessibleText();
        draw();
    }

    /** Centers an item (and zooms in to a readable size when asked). */
    private void reveal(int id, boolean readable) {
        double x = itemX(id);
        double y = itemY(id);
        if (Double.isNaN(x) || getWidth() <= 0) {
            return;
        }
        if (readable && !TreeGeometry.readable(Detail.RANGE, zoom, minPx())) {
            zoom = Math.min(MAX_ZOOM, minPx() / Detail.RANGE.readableSize());
            detail = TreeGeometry.richestAt(zoom, minPx());
        }
        double tx = getWidth() / 2 - wx(x) * zoom;
        double ty = topRoom() + availHeight() / 2 - wy(y) * zoom;
        userMoved = true;
        if (t < 1) {
            panToX = tx;
            panToY = ty;
        } else {
            setPan(tx, ty);
        }
        draw();
    }

    private double itemX(int id) {
        if (id >= Overview.SUMMARY_BASE) {
            return oview == null ? Double.NaN : oview.x(id);
        }
        return layout != null && layout.has(id) ? layout.x(id) : Double.NaN;
    }

    private double itemY(int id) {
        if (id >= Overview.SUMMARY_BASE) {
            return oview == null ? Double.NaN : oview.y(id);
        }
        return layout != null && layout.has(id) ? layout.y(id) : Double.NaN;
    }

    /** The items in column (address) order: what ↑ and ↓ walk through. */
    private int[] itemOrder() {
        if (oview != null) {
            return oview.items();
        }
        if (scene == null) {
            return new int[0];
        }
        int[] out = new int[scene.nodes().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scene.nodes().get(i).id();
        }
        return out;
    }

    private void onKey(KeyEvent e) {
        if (scene == null) {
            return;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.UP || k == KeyCode.DOWN) {
            int[] order = itemOrder();
            if (order.length == 0) {
                return;
            }
            int at = -1;
            for (int i = 0; i < order.length; i++) {
                if (order[i] == selected) {
                    at = i;
                    break;
                }
            }
            int next = at < 0 ? (k == KeyCode.DOWN ? 0 : order.length - 1)
                    : Math.max(0, Math.min(order.length - 1, at + (k == KeyCode.DOWN ? 1 : -1)));
            select(order[next]);
            reveal(order[next], false);
            e.consume();
        } else if (k == KeyCode.ENTER && selected >= 0) {
            if (selected >= Overview.SUMMARY_BASE) {
                drill(selected - Overview.SUMMARY_BASE);
            } else if (overviewShown && drilled.get(selected)) {
                close(selected);
            }
            e.consume();
        } else if (k == KeyCode.ESCAPE && (selected >= 0 || found >= 0)) {
            selected = -1;
            found = -1;
            updateAccessibleText();
            relayout();
            e.consume();
        }
    }

    /** What a screen reader says about the tree: the selection, or what the tree shows. */
    private void updateAccessibleText() {
        if (scene == null) {
            setAccessibleText("The tree is empty.");
            return;
        }
        String what;
        if (selected >= Overview.SUMMARY_BASE && oview != null && oview.summary(selected) != null) {
            what = describe(oview.summary(selected));
        } else if (selected >= 0 && node(selected) != null) {
            what = describe(node(selected));
        } else {
            what = banner();
        }
        setAccessibleText(what);
    }

    /** One line about what the tree shows. */
    String banner() {
        if (scene == null) {
            return "";
        }
        if (!overviewShown || oview == null) {
            return "mm_rb: " + String.format("%,d", scene.nodes().size()) + " VMAs";
        }
        return String.format("Overview of %,d VMAs: %,d shown as nodes, %,d subtrees as summaries · click a summary "
                + "or press Enter on it to open it · Ctrl+F finds an address", oview.total(), oview.shown()
                .cardinality(), oview.summaries().size());
    }

    /** The smallest type drawn by the last draw, in canvas pixels (a printed picture's words are measured by it). */
    double smallestText() {
        return smallestText;
    }

    private double smallestText = Double.MAX_VALUE;
    /** Drawn for print (a handout): the callout and the tags grow with the type however large it is. */
    private boolean print;

    void setPrint(boolean on) {
        print = on;
    }

    /** The scale of what is read beside the tree (callout, tags, dock): the type's, at most 1.8 on a screen. */
    private double markScale() {
        return print ? textScale : Math.min(1.8, textScale);
    }

    /** Draws {@code s} and notes its size on the canvas. */
    private void fillText(GraphicsContext g, String s, double x, double y) {
        if (!s.isBlank()) {
            smallestText = Math.min(smallestText, g.getFont().getSize() * g.getTransform().getMxx());
        }
        g.fillText(s, x, y);
    }

    /** The fit's largest zoom grows with the presentation's type scale. */
    void setTextScale(double s) {
        textScale = Math.max(0.5, Math.min(4, s));
        userMoved = false;
        autoView(true);
        setPan(panX, panY);
        draw();
    }

    /** Re-draws with the current palette (after a theme change). */
    void repaint() {
        draw();
    }

    /** Fits the whole tree (or, for a big tree, its height) into the view. */
    void fit() {
        userMoved = false;
        fitAll = true;
        repickOverviewDepth();
        autoView(true);
        fitAll = false;
        panFromX = panX;
        panToX = panX;
        panFromY = panY;
        panToY = panY;
        draw();
    }

    /** Pans by a screen distance (the user dragged). */
    void panBy(double dx, double dy) {
        setPan(panX + dx, panY + dy);
        userMoved = true;
        draw();
    }

    void zoomBy(double f) {
        zoomAt(getWidth() / 2, getHeight() / 2, f);
    }

    private void zoomAt(double sx, double sy, double f) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * f));
        double lx = TreeGeometry.layoutX(detail, (sx - panX) / zoom);
        double ly = TreeGeometry.layoutY(detail, (sy - panY) / zoom);
        zoom = z;
        // zooming in shows the richest detail now readable; zooming out keeps the detail while it stays readable
        if (f > 1 || !TreeGeometry.readable(detail, z, minPx())) {
            detail = TreeGeometry.richestAt(z, minPx());
        }
        setPan(sx - TreeGeometry.cx(detail, lx) * z, sy - TreeGeometry.cy(detail, ly) * z);
        userMoved = true;
        draw();
    }

    private void setPan(double x, double y) {
        panX = x;
        panY = y;
        panFromX = x;
        panToX = x;
        panFromY = y;
        panToY = y;
    }

    double worldWidth() {
        return layout == null ? 0 : TreeGeometry.width(detail, layout);
    }

    double worldHeight() {
        return layout == null ? 0 : TreeGeometry.height(detail, layout);
    }

    private double wx(double x) {
        return TreeGeometry.cx(detail, x);
    }

    private double wy(double y) {
        return TreeGeometry.cy(detail, y);
    }

    /** The smallest readable text on screen, in px: larger in presentation mode. */
    private double minPx() {
        return TreeGeometry.MIN_READABLE_PX * textScale;
    }

    /** The height the tree may use (the legend keeps the bottom). */
    private double availHeight() {
        return Math.max(80, getHeight() - legendRoom() - topRoom());
    }

    /** Room kept free at the bottom for the legend: its height and a margin, at least {@link #LEGEND_ROOM}. */
    double legendRoom() {
        return Math.max(LEGEND_ROOM, Math.min(legendHeight.getAsDouble() + 12, getHeight() / 3));
    }

    private java.util.function.DoubleSupplier legendHeight = () -> 0;

    /** The legend's height (it wraps when the view is narrow). */
    void setLegendHeight(java.util.function.DoubleSupplier h) {
        legendHeight = h;
    }

    /** Room kept free at the top of the view (the tree's tools, when shown), so that a fit does not go under it. */
    private double topRoom() {
        double r = topRoom.getAsDouble();
        return Math.max(0, Math.min(r, getHeight() / 3));
    }

    private java.util.function.DoubleSupplier topRoom = () -> 0;

    /** What covers the top of the view (the tree's tools), in px. */
    void setTopRoom(java.util.function.DoubleSupplier r) {
        topRoom = r;
    }

    /** The room at the top changed (the tools came, went or grew): a view the user did not move is fitted again. */
    void topRoomChanged() {
        if (!userMoved && layout != null && getWidth() > 0) {
            autoView(true);
            setPan(panX, panY);
            draw();
        }
    }

    /** Fit asked for by the user (F, the Fit button, a double-click): the whole tree, readable or not. */
    private boolean fitAll;

    /**
     * Chooses zoom, detail and pan. A refit shows the whole tree at the richest detail that is readable; when even
     * names would be too small it shows whole rows at a readable size and follows the action sideways (a Fit the
     * user asks for shows everything anyway). Otherwise, with Follow on, a tree that fits stays centred and a
     * larger one pans just enough to keep the node the step is about (and its callout) in view.
     */
    private void autoView(boolean refit) {
        double w = getWidth();
        double h = availHeight();
        if (layout == null || w <= 0 || getHeight() <= 0) {
            return;
        }
        if (refit && !userMoved) {
            calloutSide = 0;
            double maxZ = FIT_MAX_ZOOM * textScale;
            TreeGeometry.Fit fit = TreeGeometry.richestFit(layout, w, h, minPx(), maxZ);
            if (fit != null) {
                detail = fit.detail();
                zoom = fit.zoom();
            } else if (fitAll) {
                detail = Detail.NAME;
                zoom = Math.max(MIN_ZOOM, TreeGeometry.fitZoom(detail, layout, w, h));
            } else {
                // too wide to be read whole: the richest detail whose rows fit readably, followed sideways
                Detail best = null;
                for (Detail d : new Detail[] {Detail.FULL, Detail.RANGE, Detail.NAME}) {
                    double z = Math.min(maxZ, h / TreeGeometry.height(d, layout));
                    if (TreeGeometry.readable(d, z, minPx())) {
                        best = d;
                        zoom = z;
                        break;
                    }
                }
                if (best == null) {
                    best = Detail.NAME;
                    zoom = Math.max(MIN_ZOOM, Math.min(maxZ, minPx() / Detail.NAME.readableSize()));
                }
                detail = best;
            }
            if (calloutId >= 0 && worldWidth() * zoom <= w + 0.5) {
                // room beside a tree that fits for the step's callout, as long as the tree stays readable
                double room = (calloutW > 0 ? calloutW : 230 * markScale()) + 16;
                double z = Math.min(zoom, (w - room) / worldWidth());
                if (z < zoom && z * worldHeight() <= h && TreeGeometry.readable(detail, z, minPx())) {
                    zoom = z;
                }
            }
            centre(true);
            return;
        }
        if (follow && !userMoved) {
            centre(false);
        }
    }

    /**
     * Places the tree: centred on an axis where it fits; else on the focus (always when {@code jump}, otherwise
     * only as far as needed to bring the focus into view), never further than the tree's edge.
     */
    private void centre(boolean jump) {
        double w = getWidth();
        double h = availHeight();
        double ww = worldWidth() * zoom;
        double wh = worldHeight() * zoom;
        int f = focusNode();
        boolean hasFocus = f >= 0 && layout.has(f);
        if (ww <= w + 0.5) {
            panX = (w - ww) / 2;
            if (calloutSide != 0 && calloutId >= 0 && ww + calloutW + 16 <= w) {
                // the callout's room on one side (see drawCallout)
                panX = calloutSide < 0 ? 4 : w - ww - 4;
            }
        } else {
            double fx = hasFocus ? wx(layout.x(f)) : wx(focusColumn());
            double sx = panX + fx * zoom;
            double half = (detail.w / 2 + 12) * zoom + (hasFocus ? calloutRoom() : 0);
            double m = Math.min(w / 2 - 1, Math.max(half, Math.min(160, w / 4)));
            if (jump || sx < m || sx > w - m) {
                panX = w / 2 - fx * zoom;
            }
            panX = Math.max(w - ww, Math.min(0, panX));
        }
        double top = topRoom();
        if (wh <= h + 0.5) {
            panY = top + (h - wh) / 2;
        } else {
            double fy = hasFocus ? wy(layout.y(f)) : wy(0);
            double sy = panY - top + fy * zoom;
            double m = Math.min(h / 2 - 1, (detail.h / 2 + 40) * zoom);
            if (jump && !hasFocus) {
                panY = top;
            } else if (jump || sy < m || sy > h - m) {
                panY = top + h / 2 - fy * zoom;
            }
            panY = Math.max(top + h - wh, Math.min(top, panY));
        }
    }

    /** Room beside the focus node for its callout (screen px). */
    private double calloutRoom() {
        return calloutId >= 0 ? 60 * textScale : 0;
    }

    private double focusColumn() {
        int f = focusNode();
        if (f >= 0 && layout.has(f)) {
            return layout.x(f);
        }
        if (scene != null && scene.root() >= 0 && layout.has(scene.root())) {
            return layout.x(scene.root());
        }
        return layout.columns() / 2.0;
    }

    /** The node the step is about, or a cursor's node, or -1. */
    private int focusNode() {
        if (scene == null) {
            return -1;
        }
        if (scene.step() != null && scene.step().subject() >= 0) {
            return scene.step().subject();
        }
        for (NodeView n : scene.nodes()) {
            if (n.has(Mark.STORED)) {
                return n.id();
            }
        }
        if (!scene.cursors().isEmpty()) {
            return scene.cursors().get(0).node();
        }
        return -1;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean firstSize = canvas.getWidth() == 0;
        if (sizeCanvas(w, h)) {
            if (firstSize || !userMoved) {
                repickOverviewDepth();
                autoView(true);
                panFromX = panX;
                panToX = panX;
                panFromY = panY;
                panToY = panY;
            }
            draw();
        }
    }

    private NodeView node(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    // ================================================================ drawing

    /** A rectangle in view coordinates. */
    record Rect(double x, double y, double w, double h) {
        boolean intersects(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        double overlap(Rect o) {
            double ix = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
            double iy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
            return ix > 0 && iy > 0 ? ix * iy : 0;
        }

        boolean inside(Rect o) {
            return x >= o.x - 0.01 && y >= o.y - 0.01 && x + w <= o.x + o.w + 0.01 && y + h <= o.y + o.h + 0.01;
        }
    }

    /** A text drawn in a node: what was drawn, its measured width, and the width it had. */
    record DrawnText(String text, double width, double room) {
    }

    /**
     * A node (or summary) as drawn: its box and its badge in view coordinates, its opacity, and its texts (for
     * tests: no two boxes meet, every text fits).
     */
    record Drawn(int id, Rect box, Rect badge, double opacity, List<DrawnText> texts) {
    }

    /** What the last draw put on screen (view coordinates). */
    List<Drawn> drawn() {
        return List.copyOf(drawn);
    }

    /** Where the last draw put the step's callout, or null. */
    Rect calloutRect() {
        return calloutRect;
    }

    /** The node the callout is about, or -1. */
    int calloutNode() {
        return calloutId;
    }

    /** Where the last draw put tags (view coordinates). */
    List<Rect> tagRects() {
        return List.copyOf(tagRects);
    }

    /** Where the last draw put the walkers' chips (view coordinates). */
    List<Chip> cursorRects() {
        return List.copyOf(cursorRects);
    }

    /** A walker's chip as drawn: its thread, where, and whether it rests on its node (not flying to it). */
    record Chip(int thread, Rect r, boolean resting) {
    }

    private final List<Chip> cursorRects = new ArrayList<>();
    /** Where the ghost chips' words ("loaded from …") were drawn (view coordinates). */
    private final List<Rect> ghostLabels = new ArrayList<>();

    private final Text measure = new Text();

    /** The width of {@code s} in {@code f}, as the canvas draws it. */
    double textWidth(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** {@code s}, cut with an ellipsis to fit {@code room}. */
    String ellipsize(String s, Font f, double room) {
        if (textWidth(s, f) <= room) {
            return s;
        }
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (textWidth(s.substring(0, mid) + "…", f) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "…" : s.substring(0, lo) + "…";
    }

    /** The name's font: bold for black nodes, italic for red ones (the colour's cue besides the border). */
    Font nameFont(boolean black, double size) {
        return black ? Font.font("DejaVu Sans", FontWeight.BOLD, FontPosture.REGULAR, size)
                : Font.font("DejaVu Sans", FontWeight.NORMAL, FontPosture.ITALIC, size);
    }

    Font monoFont(double size) {
        return Font.font("DejaVu Sans Mono", size);
    }

    /**
     * The texts of a node at a detail, as drawn (the name cut to fit the box, the numbers whole, in a smaller
     * size only if they would not fit), with their fonts and baselines (y from the box's top).
     */
    List<Placed> layoutTexts(NodeView n, Detail d) {
        List<Placed> out = new ArrayList<>();
        double room = d.w - 2 * PAD;
        // a name a little too long is set a little smaller (down to MIN_NAME_SCALE) before it is cut
        String full = NodeFace.name(n);
        Font nf = nameFont(n.black(), d.nameSize);
        for (double size = d.nameSize; textWidth(full, nf) > room && size > d.nameSize * MIN_NAME_SCALE; ) {
            size = Math.max(d.nameSize * MIN_NAME_SCALE, size - 0.5);
            nf = nameFont(n.black(), size);
        }
        String name = ellipsize(full, nf, room);
        double lineH = d.numberSize + 4.5;
        double top = d == Detail.NAME ? d.h / 2 : 4 + d.nameSize / 2 + 1;
        out.add(new Placed(name, nf, top, false, room));
        double y = top + d.nameSize / 2 + 2 + lineH / 2;
        for (NodeFace.Line l : NodeFace.lines(n, d)) {
            Font f = monoFont(d.numberSize);
            double size = d.numberSize;
            while (textWidth(l.text(), f) > room && size > 6) {
                size -= 0.25;
                f = monoFont(size);
            }
            out.add(new Placed(l.text(), f, y, l.highlighted(), room));
            y += lineH;
        }
        return out;
    }

    /** A text placed in a node's box: its font and its centre line (from the box's top). */
    record Placed(String text, Font font, double y, boolean highlighted, double room) {
    }

    @Override
    protected void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = graphics();
        double w = canvasWidth();
        double h = canvasHeight();
        g.setGlobalAlpha(1);
        g.setFill(palette.get(Ink.BG));
        g.fillRect(0, 0, w, h);
        drawn.clear();
        smallestText = Double.MAX_VALUE;
        tagRects.clear();
        cursorRects.clear();
        ghostLabels.clear();
        calloutRect = null;
        emptyRect = null;
        if (scene == null || from == null || to == null) {
            return;
        }
        shown = t >= 1 ? to : Frames.at(from, to, t);
        double e = Frames.ease(t);
        double px = panFromX + (panToX - panFromX) * e;
        double py = panFromY + (panToY - panFromY) * e;
        if (t >= 1) {
            panX = panToX;
            panY = panToY;
        } else {
            panX = px;
            panY = py;
        }
        g.save();
        g.translate(px, py);
        g.scale(zoom, zoom);
        double vx0 = -px / zoom - detail.w;
        double vx1 = (w - px) / zoom + detail.w;
        double vy0 = -py / zoom - detail.h * 2;
        double vy1 = (h - py) / zoom + detail.h * 2;
        // shapes only when even a name would be a smudge; the detail's lines when they are readable
        int lod = zoom * detail.nameSize < 5 ? 0
                : detail != Detail.NAME && TreeGeometry.readable(detail, zoom, minPx() * 0.8) ? 2 : 1;

        drawOffRow(g, vx0, vx1);
        drawRoot(g, lod);
        for (EdgeFrame ef : shown.edges()) {
            drawEdge(g, ef, vx0, vx1, vy0, vy1);
        }
        double settle = t >= 1 ? 1 : t;
        for (GhostEdge ge : scene.removedEdges()) {
            drawGhost(g, ge, settle);
        }
        for (ParentArrow pa : scene.parentArrows()) {
            drawParentArrow(g, pa, settle, lod);
        }
        List<NodeView> tagged = new ArrayList<>();
        for (NodeFrame nf : shown.nodes().values()) {
            double cx = wx(nf.x());
            double cy = wy(nf.y());
            if (cx < vx0 || cx > vx1 || cy < vy0 || cy > vy1 || nf.opacity() <= 0) {
                continue;
            }
            if (nf.id() >= Overview.SUMMARY_BASE) {
                Summary sm = oview == null ? null : oview.summary(nf.id());
                if (sm != null) {
                    drawSummary(g, sm, nf, cx, cy, lod);
                }
                continue;
            }
            NodeView n = node(nf.id());
            if (n == null) {
                continue;
            }
            drawNode(g, n, nf, cx, cy, lod, settle);
            if (n.id() != calloutId && lod > 0 && !NodeFace.tags(n, n.id() == found).isEmpty()) {
                tagged.add(n);
            }
        }
        for (CursorFrame cf : shown.cursors()) {
            drawCursor(g, cf, lod);
        }
        ghosts.clear();
        for (StepScene.Loaded l : scene.loaded()) {
            drawLoaded(g, l, settle);
        }
        g.restore();
        if (scene.root() < 0) {
            drawEmpty(g, w);
        }
        // what is read, not looked at, is drawn at the screen's scale: the callout and the tags
        dockRect = null;
        drawDock(g, w, h, settle);
        if (drawCallout(g, w, h, settle)) {
            // the tree moved aside to give the callout a free place: drawn again from the start
            return;
        }
        if (lod > 0) {
            for (NodeView n : tagged) {
                NodeFrame nf = shown.node(n.id());
                drawTags(g, n, nf, w, h, settle);
            }
        }
        if (isFocused()) {
            g.setStroke(palette.get(Ink.FOUND));
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeRect(1, 1, w - 2, h - 2);
            g.setLineDashes();
        }
        if (drawListener != null) {
            drawListener.accept(System.nanoTime() - t0);
        }
    }

    private void drawEmpty(GraphicsContext g, double w) {
        g.setFill(palette.get(Ink.TEXT_DIM));
        Font f = Font.font("DejaVu Sans", FontWeight.BOLD, 15 * Math.min(1.6, textScale));
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double room = Math.max(60, w - 2 * 16);
        double y = 44;
        double widest = 0;
        for (String line : wrap("mm_rb.rb_node = NULL: the tree is empty", f, room)) {
            fillText(g, line, 16, y);
            widest = Math.max(widest, textWidth(line, f));
            y += f.getSize() * 1.35;
        }
        emptyRect = new Rect(16, 44, widest, y - 44);
    }

    private Rect emptyRect;

    /** Where the empty tree's message was drawn last, or null. */
    Rect emptyMessageRect() {
        return emptyRect;
    }

    /** Words of {@code s} in lines of at most {@code room} wide. */
    private List<String> wrap(String s, Font f, double room) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && textWidth(next, f) > room) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private void drawOffRow(GraphicsContext g, double vx0, double vx1) {
        if (Double.isNaN(layout.offRow())) {
            return;
        }
        double y = wy(layout.offRow()) - detail.h / 2 - (detail.row() - detail.h) * 0.6;
        g.setStroke(palette.get(Ink.OFF_ROW));
        g.setLineWidth(1.5 / Math.max(zoom, 0.2));
        g.setLineDashes(8, 6);
        g.strokeLine(Math.max(vx0, 0), y, Math.min(vx1, worldWidth()), y);
        g.setLineDashes();
        g.setFill(palette.get(Ink.TEXT_DIM));
        g.setFont(Font.font("DejaVu Sans", 11 / Math.max(zoom, 0.3) * Math.min(1, zoom * 1.2)));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        fillText(g, "off the tree: erased, cleared, freed or not linked yet", Math.max(vx0 + detail.w, 8), y - 3);
    }

    private void drawRoot(GraphicsContext g, int lod) {
        NodeFrame r = shown.node(scene.root());
        if (r == null || lod == 0) {
            return;
        }
        double cx = wx(r.x());
        double top = wy(r.y()) - detail.h / 2 - detail.badge;
        Color c = scene.rootChanged() ? palette.get(Ink.EDGE_CHANGED) : palette.get(Ink.EDGE);
        g.setStroke(c);
        g.setLineWidth(scene.rootChanged() ? 3 : 2);
        g.strokeLine(cx, top - 22, cx, top - 2);
        arrowHead(g, cx, top - 22, cx, top - 1, c);
        g.setFill(scene.rootChanged() ? palette.get(Ink.CHANGED) : palette.get(Ink.TEXT_DIM));
        g.setFont(smallBold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        fillText(g, "mm_rb.rb_node", cx, top - 23);
    }

    private void drawEdge(GraphicsContext g, EdgeFrame ef, double vx0, double vx1, double vy0, double vy1) {
        NodeFrame a = shown.node(ef.parent());
        NodeFrame b = shown.node(ef.child());
        if (a == null || b == null || ef.opacity() <= 0.01) {
            return;
        }
        double x1 = wx(a.x());
        double y1 = wy(a.y()) + detail.h / 2;
        double x2 = wx(b.x());
        double y2 = wy(b.y()) - detail.h / 2;
        if (Math.max(x1, x2) < vx0 || Math.min(x1, x2) > vx1 || Math.max(y1, y2) < vy0 || Math.min(y1, y2) > vy1) {
            return;
        }
        g.setGlobalAlpha(ef.opacity() * Math.min(a.opacity(), b.opacity()));
        Color c;
        double lw;
        switch (ef.kind()) {
            case STALE -> {
                c = palette.get(Ink.EDGE_STALE);
                lw = 1.6;
                g.setLineDashes(5, 5);
            }
            case UNREACHABLE -> {
                c = palette.get(Ink.EDGE);
                lw = 2;
                g.setLineDashes(9, 5);
            }
            case CYCLE -> {
                c = palette.get(Ink.EDGE_CYCLE);
                lw = 2.5;
                g.setLineDashes(3, 4);
            }
            default -> {
                c = palette.get(Ink.EDGE);
                lw = 2;
                g.setLineDashes();
            }
        }
        if (ef.changed()) {
            c = palette.get(Ink.EDGE_CHANGED);
            lw = 4;
        }
        g.setStroke(c);
        g.setLineWidth(lw);
        g.setLineCap(StrokeLineCap.ROUND);
        if (ef.kind() == EdgeKind.CYCLE || y2 <= y1) {
            double mx = (x1 + x2) / 2 + (ef.left() ? -60 : 60);
            double my = Math.min(y1, y2) - 40;
            g.beginPath();
            g.moveTo(x1, y1 - detail.h);
            g.quadraticCurveTo(mx, my, x2, y2);
            g.stroke();
        } else {
            g.strokeLine(x1, y1, x2, y2);
        }
        g.setLineDashes();
        if (ef.kind() == EdgeKind.STALE || ef.changed()) {
            arrowHead(g, x1, y1, x2, y2, c);
        }
        g.setGlobalAlpha(1);
    }

    private void drawGhost(GraphicsContext g, GhostEdge ge, double alpha) {
        NodeFrame a = shown.node(ge.parent());
        NodeFrame b = shown.node(ge.child());
        if (a == null || b == null) {
            return;
        }
        double x1 = wx(a.x());
        double y1 = wy(a.y()) + detail.h / 2;
        double x2 = wx(b.x());
        double y2 = wy(b.y()) - detail.h / 2;
        g.setGlobalAlpha(0.9 * alpha);
        Color c = palette.get(Ink.EDGE_REMOVED);
        g.setStroke(c);
        g.setLineWidth(2.5);
        g.setLineDashes(4, 6);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes();
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        g.setLineWidth(3);
        g.strokeLine(mx - 7, my - 7, mx + 7, my + 7);
        g.strokeLine(mx - 7, my + 7, mx + 7, my - 7);
        g.setGlobalAlpha(1);
    }

    private void drawParentArrow(GraphicsContext g, ParentArrow pa, double alpha, int lod) {
        NodeFrame c = shown.node(pa.child());
        NodeFrame p = shown.node(pa.newParent());
        if (c == null || p == null || lod == 0) {
            return;
        }
        double x1 = wx(c.x()) + detail.w / 2 - 14;
        double y1 = wy(c.y()) - detail.h / 2;
        double x2 = wx(p.x()) + (p.x() < c.x() ? detail.w / 2 - 10 : -detail.w / 2 + 10);
        double y2 = wy(p.y()) + (p.y() < c.y() ? detail.h / 2 : -detail.h / 2);
        Color col = palette.get(Ink.PARENT_ARROW);
        g.setGlobalAlpha(alpha);
        g.setStroke(col);
        g.setLineWidth(2);
        g.setLineDashes(2, 4);
        double mx = (x1 + x2) / 2 + 40;
        double my = Math.min(y1, y2) - 30;
        g.beginPath();
        g.moveTo(x1, y1);
        g.quadraticCurveTo(mx, my, x2, y2);
        g.stroke();
        g.setLineDashes();
        arrowHead(g, mx, my, x2, y2, col);
        g.setFill(col);
        g.setFont(tagFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        fillText(g, "parent", mx, my + 8);
        g.setGlobalAlpha(1);
    }

    private void arrowHead(GraphicsContext g, double x1, double y1, double x2, double y2, Color c) {
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double s = 9;
        g.setFill(c);
        g.fillPolygon(new double[] {x2, x2 - s * Math.cos(ang - 0.45), x2 - s * Math.cos(ang + 0.45)},
                new double[] {y2, y2 - s * Math.sin(ang - 0.45), y2 - s * Math.sin(ang + 0.45)}, 3);
    }

    /** A world rectangle in view coordinates. */
    private Rect toView(double x0, double y0, double w, double h) {
        return new Rect(panX + x0 * zoom, panY + y0 * zoom, w * zoom, h * zoom);
    }

    private void drawNode(GraphicsContext g, NodeView n, NodeFrame nf, double cx, double cy, int lod,
                          double settle) {
        double bw = detail.w;
        double bh = detail.h;
        double x0 = cx - bw / 2;
        double y0 = cy - bh / 2;
        double alpha = nf.opacity() * (n.state() == NodeState.UNREACHABLE ? 0.72 : 1);
        Color fill = palette.tone(nf.from()).interpolate(palette.tone(nf.to()), nf.mix());
        Color text = palette.toneText(nf.from()).interpolate(palette.toneText(nf.to()), nf.mix());
        Tone tone = nf.tone();
        g.setGlobalAlpha(alpha);
        List<DrawnText> texts = new ArrayList<>();
        Rect badgeRect = toView(x0 + bw - detail.badge, y0 - detail.badge, 2 * detail.badge, 2 * detail.badge);
        drawn.add(new Drawn(n.id(), toView(x0, y0, bw, bh), badgeRect, nf.opacity(), texts));

        // highlight rings (under the box)
        if (n.has(Mark.VIOLATION) || n.inUse()) {
            ring(g, x0, y0, 7, palette.get(Ink.BAD), 4, false);
        }
        if (n.has(Mark.SUBJECT)) {
            ring(g, x0, y0, 4, palette.get(Ink.SUBJECT), 4 * Math.max(settle, 0.4), false);
        } else if (n.has(Mark.OTHER)) {
            ring(g, x0, y0, 4, palette.get(Ink.OTHER), 3, true);
        }
        if (n.has(Mark.STORED) && !n.has(Mark.SUBJECT)) {
            ring(g, x0, y0, 3, palette.get(Ink.CHANGED), 2.5, false);
        }
        if (n.id() == hover) {
            ring(g, x0, y0, 2, palette.get(Ink.TEXT_DIM), 1.5, false);
        }
        if (n.id() == found) {
            ring(g, x0, y0, 8, palette.get(Ink.FOUND), 5, false);
        }
        if (n.id() == selected) {
            ring(g, x0, y0, 10, palette.get(Ink.FOUND), 2.5, true);
        }

        g.setFill(fill);
        if (lod == 0) {
            g.fillRoundRect(x0, y0, bw, bh, 14, 14);
            g.setGlobalAlpha(1);
            return;
        }
        g.fillRoundRect(x0, y0, bw, bh, 12, 12);
        if (tone == Tone.NODE_FREED || tone == Tone.NODE_ALARM) {
            hatch(g, x0, y0, bw, bh, text);
        }
        // second cue for the colour: black = solid heavy border, red = dashed border
        if (n.black()) {
            g.setStroke(palette.get(Ink.NODE_BLACK_BORDER));
            g.setLineWidth(3.5);
            g.setLineDashes();
        } else {
            g.setStroke(palette.get(Ink.NODE_RED_BORDER));
            g.setLineWidth(2.5);
            g.setLineDashes(8, 5);
        }
        if (n.state() == NodeState.CLEARED) {
            g.setLineDashes(2, 4);
        }
        g.strokeRoundRect(x0, y0, bw, bh, 12, 12);
        g.setLineDashes();

        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        Detail shownDetail = lod == 1 ? Detail.NAME : detail;
        boolean first = true;
        for (Placed p : layoutTexts(n, shownDetail)) {
            double yy = lod == 1 && first ? cy : y0 + p.y();
            double tw = textWidth(p.text(), p.font());
            texts.add(new DrawnText(p.text(), tw * zoom, p.room() * zoom));
            if (p.highlighted()) {
                g.setFill(palette.get(Ink.CHANGED));
                g.fillRoundRect(cx - tw / 2 - 4, yy - p.font().getSize() / 2 - 2.5, tw + 8, p.font().getSize() + 5,
                        8, 8);
                g.setFill(palette.get(Ink.CHANGED_TEXT));
            } else {
                g.setFill(text);
            }
            g.setFont(p.font());
            fillText(g, p.text(), cx, yy);
            first = false;
        }
        badge(g, n, x0 + bw, y0);
        g.setGlobalAlpha(1);
    }

    /** A collapsed subtree: a trapezoid widening downwards, with its VMA count and largest gap. */
    private void drawSummary(GraphicsContext g, Summary sm, NodeFrame nf, double cx, double cy, int lod) {
        double bw = detail.w;
        double bh = detail.h;
        double x0 = cx - bw / 2;
        double y0 = cy - bh / 2;
        g.setGlobalAlpha(nf.opacity());
        List<DrawnText> texts = new ArrayList<>();
        drawn.add(new Drawn(sm.id(), toView(x0, y0, bw, bh), null, nf.opacity(), texts));
        if (sm.id() == selected) {
            ring(g, x0, y0, 10, palette.get(Ink.FOUND), 2.5, true);
        }
        if (sm.id() == hover) {
            ring(g, x0, y0, 2, palette.get(Ink.TEXT_DIM), 1.5, false);
        }
        double inset = Math.min(16, bw / 8);
        double[] xs = {x0 + inset, x0 + bw - inset, x0 + bw, x0};
        double[] ys = {y0, y0, y0 + bh, y0 + bh};
        g.setFill(palette.get(Ink.SUMMARY));
        g.fillPolygon(xs, ys, 4);
        g.setStroke(palette.get(Ink.SUMMARY_BORDER));
        g.setLineWidth(sm.black() ? 3.5 : 2.5);
        if (sm.black()) {
            g.setLineDashes();
        } else {
            g.setLineDashes(8, 5);
        }
        g.strokePolygon(xs, ys, 4);
        g.setLineDashes();
        if (lod == 0) {
            g.setGlobalAlpha(1);
            return;
        }
        g.setFill(palette.get(Ink.SUMMARY_TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("▸ %,d VMAs", sm.count()));
        if (lod == 2 && detail != Detail.NAME) {
            if (detail == Detail.FULL) {
                lines.add(Fmt.range(sm.start(), sm.end()));
            }
            lines.add("largest gap " + Fmt.size(sm.largestGap()));
        }
        // the text's room: the trapezoid's width at mid-height, less the padding
        double room = bw - inset - 2 * PAD;
        double lineH = detail == Detail.NAME ? bh : (bh - 8) / lines.size();
        double y = y0 + (detail == Detail.NAME ? bh / 2 : 4 + lineH / 2);
        boolean first = true;
        for (String s : lines) {
            Font f;
            if (first) {
                // the count reads in full: set smaller first, then without the arrow, cut only as a last resort
                double size = detail.nameSize;
                f = Font.font("DejaVu Sans", FontWeight.BOLD, size);
                while (textWidth(s, f) > room && size > detail.nameSize * MIN_NAME_SCALE) {
                    size = Math.max(detail.nameSize * MIN_NAME_SCALE, size - 0.5);
                    f = Font.font("DejaVu Sans", FontWeight.BOLD, size);
                }
                if (textWidth(s, f) > room && s.startsWith("▸ ")) {
                    s = s.substring(2);
                }
            } else if (s.startsWith("largest")) {
                f = Font.font("DejaVu Sans", detail.numberSize + 0.5);
            } else {
                // the range, a little smaller when it would be cut
                double size = detail.numberSize;
                f = monoFont(size);
                while (textWidth(s, f) > room && size > detail.numberSize * 0.85) {
                    size -= 0.25;
                    f = monoFont(size);
                }
            }
            String drawnText = ellipsize(s, f, room);
            texts.add(new DrawnText(drawnText, textWidth(drawnText, f) * zoom, room * zoom));
            g.setFont(f);
            fillText(g, drawnText, cx, y);
            y += lineH;
            first = false;
        }
        g.setGlobalAlpha(1);
    }

    private void ring(GraphicsContext g, double x0, double y0, double off, Color c, double lw, boolean dashed) {
        g.setStroke(c);
        g.setLineWidth(lw);
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.strokeRoundRect(x0 - off, y0 - off, detail.w + 2 * off, detail.h + 2 * off, 12 + off, 12 + off);
        g.setLineDashes();
    }

    private void hatch(GraphicsContext g, double x0, double y0, double bw, double bh, Color c) {
        g.save();
        g.beginPath();
        g.rect(x0, y0, bw, bh);
        g.clip();
        g.setStroke(c);
        g.setGlobalAlpha(g.getGlobalAlpha() * 0.22);
        g.setLineWidth(2);
        for (double d = -bh; d < bw; d += 12) {
            g.strokeLine(x0 + d, y0 + bh, x0 + d + bh, y0);
        }
        g.restore();
    }

    private void badge(GraphicsContext g, NodeView n, double x, double y) {
        if (!refBadges) {
            return;
        }
        boolean hot = n.has(Mark.REF_CHANGED);
        double r = detail.badge;
        g.setFill(palette.get(hot ? Ink.BADGE_HOT : Ink.BADGE));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(palette.get(n.refCount() > 1 ? Ink.CHANGED : Ink.TEXT_DIM));
        g.setLineWidth(n.refCount() > 1 ? 2.5 : 1.5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(palette.get(hot ? Ink.BADGE_HOT_TEXT : Ink.BADGE_TEXT));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, r * 1.1));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        fillText(g, Long.toString(n.refCount()), x, y);
    }

    private static Ink ink(NodeFace.Style s) {
        return switch (s) {
            case PLAIN -> Ink.TAG;
            case CHANGED -> Ink.CHANGED;
            case WARN -> Ink.WARN;
            case BAD -> Ink.BAD;
            case FOUND -> Ink.FOUND;
        };
    }

    private static Ink textInk(NodeFace.Style s) {
        return switch (s) {
            case PLAIN -> Ink.TAG_TEXT;
            case WARN, FOUND -> Ink.BG;
            case CHANGED, BAD -> Ink.CHANGED_TEXT;
        };
    }

    /** The view rectangle of a node in the frame on screen. */
    private Rect viewBox(NodeFrame nf) {
        return toView(wx(nf.x()) - detail.w / 2, wy(nf.y()) - detail.h / 2, detail.w, detail.h);
    }

    /** How much a rectangle covers the boxes drawn, the tags placed and the callout (lower is better). */
    /**
     * How much of {@code r} lies on what a mark placed now must leave free: node boxes and their badges, the
     * walkers' chips and ghost chips, the marks placed before it (dock, callout, tags), the buttons and tools,
     * and the outside of the view (the legend's band included). 0 when {@code r} is free.
     */
    private double covered(Rect r, double w, double h) {
        double s = 0;
        for (Drawn d : drawn) {
            if (d.opacity() > 0.05) {
                s += r.overlap(pad(d.box(), 3));
                if (d.badge() != null && refBadges) {
                    s += r.overlap(d.badge());
                }
            }
        }
        for (Chip c : cursorRects) {
            s += r.overlap(c.r());
        }
        for (Ghost gh : ghosts) {
            s += r.overlap(gh.chip());
        }
        for (Rect gl : ghostLabels) {
            s += r.overlap(gl);
        }
        for (Rect tr : tagRects) {
            s += r.overlap(pad(tr, 2));
        }
        if (calloutRect != null) {
            s += r.overlap(pad(calloutRect, 2));
        }
        if (dockRect != null) {
            s += r.overlap(pad(dockRect, 2));
        }
        s += r.overlap(new Rect(w - 200, 0, 200, 38));
        double top = topRoom();
        if (top > 0) {
            s += r.overlap(new Rect(0, 0, w, top));
        }
        Rect view = new Rect(0, 0, w, Math.max(40, h - legendRoom()));
        if (!r.inside(view)) {
            s += r.w() * r.h() - r.overlap(view);
        }
        return s;
    }

    private static Rect pad(Rect r, double p) {
        return new Rect(r.x() - p, r.y() - p, r.w() + 2 * p, r.h() + 2 * p);
    }

    /**
     * Where a mark of {@code bw x bh} goes: the first of {@code cands} (beside its node, in order of preference)
     * that covers nothing; else the free place of the view nearest to {@code anchor} (it gets a leader line);
     * else, when the view has no free place that large, the candidate that covers least.
     */
    private Rect placeFree(Rect[] cands, Rect anchor, int self, double w, double h) {
        for (Rect c : cands) {
            Rect cl = clampInto(c, w, h);
            if (covered(cl, w, h) <= 0.5) {
                return cl;
            }
        }
        double bw = cands[0].w();
        double bh = cands[0].h();
        Rect best = null;
        double bestD = Double.MAX_VALUE;
        double step = 8;
        double acx = anchor.x() + anchor.w() / 2;
        double acy = anchor.y() + anchor.h() / 2;
        for (double y = 2; y + bh <= h - legendRoom() - 2; y += step) {
            for (double x = 2; x + bw <= w - 2; x += step) {
                Rect r = new Rect(x, y, bw, bh);
                double dx = Math.max(0, Math.max(r.x() - acx, acx - r.x() - r.w()));
                double dy = Math.max(0, Math.max(r.y() - acy, acy - r.y() - r.h()));
                double d = dx * dx + dy * dy;
                if (d < bestD && covered(r, w, h) <= 0.5) {
                    best = r;
                    bestD = d;
                }
            }
        }
        if (best != null) {
            return best;
        }
        double bestScore = Double.MAX_VALUE;
        for (Rect c : cands) {
            Rect cl = clampInto(c, w, h);
            double sc = clutter(cl, self, w, h) + (cl.equals(c) ? 0 : 40);
            if (sc < bestScore - 0.5) {
                best = cl;
                bestScore = sc;
            }
        }
        return best;
    }

    private double clutter(Rect r, int self, double w, double h) {
        double s = 0;
        for (Drawn d : drawn) {
            double o = r.overlap(d.box());
            s += d.id() == self ? o * 4 : o;
            if (d.badge() != null) {
                s += r.overlap(d.badge());
            }
        }
        for (Rect tr : tagRects) {
            s += r.overlap(tr) * 2;
        }
        if (calloutRect != null) {
            s += r.overlap(calloutRect) * 3;
        }
        if (dockRect != null) {
            s += r.overlap(dockRect) * 3;
        }
        Rect view = new Rect(0, 0, w, Math.max(40, h - legendRoom()));
        if (!r.inside(view)) {
            s += r.w * r.h;
        }
        // the Fit / zoom / Follow buttons at the top right
        s += r.overlap(new Rect(w - 200, 0, 200, 38)) * 2;
        return s;
    }

    /** Tags (a node's state, what the step changed) as pills beside the node, where they cover least. */
    private void drawTags(GraphicsContext g, NodeView n, NodeFrame nf, double w, double h, double settle) {
        List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
        int k = Math.min(3, tags.size());
        Font f = Font.font("DejaVu Sans", 10 * markScale());
        double lh = f.getSize() + 6;
        double bw = 0;
        for (int i = 0; i < k; i++) {
            bw = Math.max(bw, textWidth(tags.get(i).text(), f) + 12);
        }
        double bh = k * lh - 2;
        Rect box = viewBox(nf);
        Rect[] cands = {
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() + box.h() + 4, bw, bh),
            new Rect(box.x() + box.w() + 6 + detail.badge * zoom, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() - 6 - bw, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() + box.w() - bw, box.y() + box.h() + 4, bw, bh),
            new Rect(box.x(), box.y() + box.h() + 4, bw, bh),
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() - 8 - bh - detail.badge * zoom, bw, bh)};
        Rect best = placeFree(cands, box, n.id(), w, h);
        tagRects.add(best);
        if (!best.intersects(pad(box, 40 + detail.badge * zoom))) {
            // away from its node (beside it all was taken): a thin line to it
            double nx = Math.max(box.x(), Math.min(best.x() + best.w() / 2, box.x() + box.w()));
            double ny = Math.max(box.y(), Math.min(best.y() + best.h() / 2, box.y() + box.h()));
            double tx = Math.max(best.x(), Math.min(nx, best.x() + best.w()));
            double ty = Math.max(best.y(), Math.min(ny, best.y() + best.h()));
            g.setGlobalAlpha(nf.opacity() * 0.8);
            g.setStroke(palette.get(Ink.TEXT_DIM));
            g.setLineWidth(1.2);
            g.strokeLine(nx, ny, tx, ty);
            g.setGlobalAlpha(1);
        }
        g.setFont(f);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        double yy = best.y();
        for (int i = 0; i < k; i++) {
            NodeFace.Tag tag = tags.get(i);
            double tw = textWidth(tag.text(), f) + 12;
            boolean strong = tag.style() != NodeFace.Style.PLAIN;
            g.setGlobalAlpha(nf.opacity() * (strong ? Math.max(0.25, settle) : 1));
            g.setFill(palette.get(ink(tag.style())));
            double x = best.x() + best.w() / 2 - tw / 2;
            g.fillRoundRect(x, yy, tw, lh - 2, 8, 8);
            g.setFill(palette.get(textInk(tag.style())));
            fillText(g, tag.text(), x + tw / 2, yy + (lh - 2) / 2);
            yy += lh;
        }
        g.setGlobalAlpha(1);
    }

    /**
     * The callout of the node the step is about, at the screen's scale whatever the zoom: its range, own gap,
     * subtree gap (the stored value with what it was), reference count (with its change), and its tags; placed
     * beside the node where it covers least, with a line to the node.
     */
    private boolean drawCallout(GraphicsContext g, double w, double h, double settle) {
        NodeView n = node(calloutId);
        NodeFrame nf = n == null ? null : shown.node(n.id());
        if (nf == null || nf.opacity() <= 0.05) {
            return false;
        }
        double s = markScale();
        Font mono = monoFont(11 * s);
        Font head = nameFont(n.black(), 12.5 * s);
        Font tf = Font.font("DejaVu Sans", 10.5 * s);
        List<NodeFace.Line> lines = NodeFace.callout(n);
        List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
        double lh = 15.5 * s;
        double bw = 0;
        for (int i = 0; i < lines.size(); i++) {
            bw = Math.max(bw, textWidth(lines.get(i).text(), i == 0 ? head : mono));
        }
        double tagW = 0;
        for (NodeFace.Tag tag : tags) {
            double tw = textWidth(tag.text(), tf) + 12;
            tagW += tw + 4;
        }
        double tagRows = tags.isEmpty() ? 0 : Math.ceil(tagW / Math.max(bw, 180 * s));
        bw = Math.max(bw, Math.min(tagW, Math.max(bw, 180 * s))) + 16;
        double bh = lines.size() * lh + tagRows * (lh + 2) + 10;
        Rect box = viewBox(nf);
        double br = detail.badge * zoom;
        Rect[] cands = {
            new Rect(box.x() + box.w() + br + 12, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() - 14 - bw, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() + box.h() + 14, bw, bh),
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() - br - 14 - bh, bw, bh),
            new Rect(box.x() + box.w() + br + 12, box.y() + box.h() + 8, bw, bh),
            new Rect(box.x() - 14 - bw, box.y() + box.h() + 8, bw, bh),
            new Rect(box.x() + box.w() + br + 12, box.y() - bh - 8, bw, bh),
            new Rect(box.x() - 14 - bw, box.y() - bh - 8, bw, bh)};
        // beside the node where it covers nothing; else the free place nearest to it, with a longer line
        calloutW = bw;
        Rect best = placeFree(cands, box, n.id(), w, h);
        if (covered(best, w, h) > 0.5 && calloutSide == 0 && !redrawing && !userMoved
                && worldWidth() * zoom + bw + 16 <= w) {
            // no free place, but the tree is narrower than the view: it moves to one side and leaves the
            // other to the callout (the side of the node, so the callout stays near it); kept while it fits
            calloutSide = box.x() + box.w() / 2 > w / 2 ? -1 : 1;
            calloutW = bw;
            centre(false);
            setPan(panX, panY);
            redrawing = true;
            try {
                draw();
            } finally {
                redrawing = false;
            }
            return true;
        }
        calloutRect = best;
        g.setGlobalAlpha(nf.opacity() * Math.max(0.35, settle));
        // the leader: from the node's nearest edge to the callout
        double nx = Math.max(box.x(), Math.min(best.x() + best.w() / 2, box.x() + box.w()));
        double ny = Math.max(box.y(), Math.min(best.y() + best.h() / 2, box.y() + box.h()));
        double cx = Math.max(best.x(), Math.min(nx, best.x() + best.w()));
        double cy = Math.max(best.y(), Math.min(ny, best.y() + best.h()));
        g.setStroke(palette.get(Ink.SUBJECT));
        g.setLineWidth(2);
        g.strokeLine(nx, ny, cx, cy);
        g.setFill(palette.get(Ink.BG));
        g.fillRoundRect(best.x(), best.y(), best.w(), best.h(), 10, 10);
        g.setStroke(palette.get(Ink.SUBJECT));
        g.setLineWidth(2);
        g.strokeRoundRect(best.x(), best.y(), best.w(), best.h(), 10, 10);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = best.y() + 5 + lh / 2;
        for (int i = 0; i < lines.size(); i++) {
            NodeFace.Line l = lines.get(i);
            Font f = i == 0 ? head : mono;
            g.setFont(f);
            if (l.highlighted()) {
                double tw = textWidth(l.text(), f);
                g.setFill(palette.get(Ink.CHANGED));
                g.fillRoundRect(best.x() + 5, y - lh / 2 + 1, tw + 6, lh - 2, 6, 6);
                g.setFill(palette.get(Ink.CHANGED_TEXT));
            } else {
                g.setFill(palette.get(i == 0 ? Ink.TEXT : Ink.MONO));
            }
            fillText(g, l.text(), best.x() + 8, y);
            y += lh;
        }
        double x = best.x() + 8;
        g.setFont(tf);
        g.setTextAlign(TextAlignment.CENTER);
        for (NodeFace.Tag tag : tags) {
            double tw = textWidth(tag.text(), tf) + 12;
            if (x + tw > best.x() + best.w() - 4 && x > best.x() + 8) {
                x = best.x() + 8;
                y += lh + 2;
            }
            g.setFill(palette.get(ink(tag.style())));
            g.fillRoundRect(x, y - lh / 2 + 1, tw, lh - 1, 8, 8);
            g.setFill(palette.get(textInk(tag.style())));
            fillText(g, tag.text(), x + tw / 2, y + 0.5);
            x += tw + 4;
        }
        g.setGlobalAlpha(1);
        return false;
    }

    private Rect dockRect;
    /** What the dock drew last: per thread, the nodes its vmacache slots and its references point to. */
    private final List<DockRow> dockRows = new ArrayList<>();

    /** One thread's row in the dock: its vmacache slots (VMA ids, -1 empty) and the VMAs it holds a reference to. */
    record DockRow(int thread, List<Integer> slots, boolean valid, List<Integer> refs, Rect chip) {
    }

    /** The dock as drawn last (tests). */
    List<DockRow> dockRows() {
        return List.copyOf(dockRows);
    }

    /** Where the dock was drawn last, or null. */
    Rect dockRect() {
        return dockRect;
    }

    /**
     * Where the dock goes: the first corner of the view (bottom right, bottom left, top left, top right under the
     * buttons) where it covers no node, badge or ghost chip, else the corner where it covers the least.
     */
    private Rect dockPlace(double dw, double dh, double w, double h) {
        double bottom = Math.max(40, h - legendRoom() - dh - 6);
        List<Rect> corners = List.of(new Rect(w - dw - 6, bottom, dw, dh), new Rect(6, bottom, dw, dh),
                new Rect(6, 6 + topRoom(), dw, dh), new Rect(w - dw - 6, 40, dw, dh));
        for (Rect r : corners) {
            if (covered(r, w, h) <= 0.5) {
                return r;
            }
        }
        Rect free = placeFree(corners.toArray(new Rect[0]), corners.get(0), -1, w, h);
        if (free != null && covered(free, w, h) <= 0.5) {
            return free;
        }
        Rect best = corners.get(0);
        double least = Double.MAX_VALUE;
        for (Rect r : corners) {
            double covered = 0;
            for (Drawn d : drawn) {
                covered += r.overlap(d.box()) + (d.badge() == null ? 0 : r.overlap(d.badge()));
            }
            for (Ghost gh : ghosts) {
                covered += r.overlap(gh.chip());
            }
            if (covered < least - 0.5) {
                least = covered;
                best = r;
            }
        }
        return best;
    }

    /**
     * The threads' dock, in a corner of the view where it covers no node: for each thread with a cached or held VMA, its chip, its vmacache as
     * four slots with an arrow from each slot to its VMA ({@code —} when empty; dashed and grey when the cache is
     * stale), and a tether from the chip to each VMA it holds a reference to (get_vma done, put_vma not yet).
     */
    private void drawDock(GraphicsContext g, double w, double h, double settle) {
        dockRows.clear();
        List<StepScene.ThreadView> rows = new ArrayList<>();
        for (StepScene.ThreadView tv : scene.threads()) {
            boolean any = !tv.refs().isEmpty();
            for (int v : tv.vmacacheVmas()) {
                any |= v >= 0;
            }
            if (any) {
                rows.add(tv);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        double s = Math.min(1.6, textScale);
        double rowH = 24 * s;
        double slot = 18 * s;
        Font f = Font.font("DejaVu Sans", FontWeight.BOLD, 11 * s);
        Font small = Font.font("DejaVu Sans", 10 * s);
        double labelW = textWidth("vmacache", small);
        double dw = 34 * s + 6 + labelW + 6 + 4 * (slot + 3) + 8;
        double dh = rows.size() * rowH + 6;
        dockRect = dockPlace(dw, dh, w, h);
        double x0 = dockRect.x();
        double y0 = dockRect.y();
        g.setGlobalAlpha(0.92);
        g.setFill(palette.get(Ink.BG));
        g.fillRoundRect(x0, y0, dw, dh, 8, 8);
        g.setStroke(palette.get(Ink.GRID));
        g.setLineWidth(1);
        g.strokeRoundRect(x0, y0, dw, dh, 8, 8);
        g.setGlobalAlpha(1);
        double y = y0 + 3;
        for (StepScene.ThreadView tv : rows) {
            Color c = palette.thread(tv.index());
            Rect chip = new Rect(x0 + 4, y + 2, 34 * s, rowH - 4);
            List<Integer> slots = new ArrayList<>();
            List<Integer> refs = new ArrayList<>();
            // the tethers first (under the chips): a reference held is a rope to its VMA
            for (StepScene.Ref r : tv.refs()) {
                refs.add(r.vma());
                NodeFrame nf = shown.node(r.vma());
                if (nf == null || nf.opacity() <= 0) {
                    continue;
                }
                Rect b = viewBox(nf);
                double tx = b.x() + b.w() / 2;
                double ty = b.y() + b.h();
                g.setStroke(c);
                g.setLineWidth(3);
                g.setLineDashes(7, 4);
                g.beginPath();
                g.moveTo(chip.x() + chip.w() / 2, chip.y());
                g.quadraticCurveTo((chip.x() + tx) / 2, Math.max(ty, chip.y()) + 30, tx, ty + 2);
                g.stroke();
                g.setLineDashes();
                g.setFill(c);
                g.fillOval(tx - 5, ty - 3, 10, 10);
                g.setFont(small);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                // under the node, else right of it, where it covers no node and not the legend; else left out
                // (the chip's tether and the lane's "ref" say it too)
                String said = tv.name() + " holds a reference" + (r.freed() ? " (freed!)" : "");
                double tw = textWidth(said, small);
                for (Rect at : List.of(new Rect(tx + 8, ty + 4, tw, 14 * s),
                        new Rect(b.x() + b.w() + 8, b.y() + b.h() / 2 - 7 * s, tw, 14 * s))) {
                    if (at.y() + at.h() <= h - legendRoom() && drawn.stream().noneMatch(d -> d.box().intersects(at))) {
                        fillText(g, said, at.x(), at.y());
                        break;
                    }
                }
            }
            g.setFill(c);
            g.fillRoundRect(chip.x(), chip.y(), chip.w(), chip.h(), 7, 7);
            g.setFill(palette.get(Ink.THREAD_TEXT));
            g.setFont(f);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            fillText(g, tv.name().length() <= 4 ? tv.name() : tv.name().substring(0, 3) + "…",
                    chip.x() + chip.w() / 2, chip.y() + chip.h() / 2);
            double lx = chip.x() + chip.w() + 6;
            g.setFont(small);
            g.setFill(palette.get(Ink.TEXT_DIM));
            g.setTextAlign(TextAlignment.LEFT);
            fillText(g, "vmacache", lx, y + rowH / 2);
            double sx = lx + labelW + 6;
            for (int i = 0; i < tv.vmacacheVmas().size(); i++) {
                int id = tv.vmacacheVmas().get(i);
                slots.add(id);
                double bx = sx + i * (slot + 3);
                double by = y + (rowH - slot) / 2;
                g.setStroke(tv.vmacacheValid() ? c : palette.get(Ink.TEXT_DIM));
                g.setLineWidth(tv.vmacacheValid() ? 2 : 1.2);
                if (!tv.vmacacheValid()) {
                    g.setLineDashes(3, 2);
                }
                g.strokeRect(bx, by, slot, slot);
                g.setLineDashes();
                g.setFill(palette.get(Ink.TEXT_DIM));
                g.setFont(small);
                g.setTextAlign(TextAlignment.CENTER);
                if (id < 0) {
                    fillText(g, "—", bx + slot / 2, by + slot / 2);
                    continue;
                }
                g.setFill(tv.vmacacheValid() ? c : palette.get(Ink.TEXT_DIM));
                g.fillOval(bx + slot / 2 - 3, by + slot / 2 - 3, 6, 6);
                NodeFrame nf = shown.node(id);
                if (nf == null || nf.opacity() <= 0) {
                    continue;
                }
                Rect b = viewBox(nf);
                double tx = Math.max(b.x(), Math.min(bx + slot / 2, b.x() + b.w()));
                double ty = b.y() + b.h();
                g.setStroke(tv.vmacacheValid() ? c : palette.get(Ink.TEXT_DIM));
                g.setGlobalAlpha(0.7 * Math.max(0.3, settle));
                g.setLineWidth(1.3);
                if (!tv.vmacacheValid()) {
                    g.setLineDashes(4, 3);
                }
                g.strokeLine(bx + slot / 2, by, tx, ty);
                g.setLineDashes();
                arrowHead(g, bx + slot / 2, by, tx, ty, tv.vmacacheValid() ? c : palette.get(Ink.TEXT_DIM));
                g.setGlobalAlpha(1);
            }
            dockRows.add(new DockRow(tv.index(), List.copyOf(slots), tv.vmacacheValid(), List.copyOf(refs), chip));
            y += rowH;
        }
    }

    /** {@code r} moved into the view (above the legend) as far as it fits. */
    private Rect clampInto(Rect r, double w, double h) {
        double maxY = Math.max(0, h - legendRoom() - r.h() - 2);
        double x = Math.max(2, Math.min(r.x(), w - r.w() - 2));
        double y = Math.max(2, Math.min(r.y(), maxY));
        return new Rect(x, y, r.w(), r.h());
    }

    /** A walker's loaded pointer as drawn: the thread, the node, the chip's place in view coordinates. */
    record Ghost(int thread, int node, int from, Rect chip) {
    }

    private final List<Ghost> ghosts = new ArrayList<>();

    /** The loaded pointers drawn last (tests). */
    List<Ghost> ghosts() {
        return List.copyOf(ghosts);
    }

    /**
     * A walker's loaded pointer: a ghost of its chip (dashed, hollow) on the node it will visit next, labelled with
     * where the pointer came from, and a dotted line from the walker's own chip.
     */
    private void drawLoaded(GraphicsContext g, StepScene.Loaded l, double settle) {
        NodeFrame nf = shown.node(l.node());
        if (nf == null || nf.opacity() <= 0) {
            return;
        }
        double scale = Math.max(1, 0.85 / zoom);
        double cw = 34 * scale;
        double ch = 19 * scale;
        // after the chips on the node (one moving between places counts up to where it reaches) and its ghosts
        int onIt = 0;
        for (CursorFrame cf : shown.cursors()) {
            if (cf.node() == l.node() && cf.opacity() > 0.05) {
                onIt = Math.max(onIt, (int) Math.ceil(cf.slot() + 1 - 1e-9));
            }
        }
        for (Ghost gh : ghosts) {
            if (gh.node() == l.node()) {
                onIt++;
            }
        }
        double x0 = wx(nf.x()) - detail.w / 2;
        double y0 = wy(nf.y()) - detail.h / 2;
        double[] at = chipAt(onIt, x0, y0, cw, ch, scale);
        double x = at[0];
        double y = at[1];
        Color c = palette.thread(l.thread());
        g.setGlobalAlpha(nf.opacity() * Math.max(0.3, settle));
        CursorFrame own = shown.cursor(l.thread());
        if (own != null && own.opacity() > 0.05) {
            double[] oat = chipAt(own.slot(), wx(own.x()) - detail.w / 2, wy(own.y()) - detail.h / 2, cw, ch, scale);
            double ox = oat[0] + cw / 2;
            double oy = oat[1] + ch / 2;
            g.setStroke(c);
            g.setLineWidth(2 * scale);
            g.setLineDashes(2 * scale, 4 * scale);
            g.beginPath();
            g.moveTo(ox, oy);
            g.quadraticCurveTo((ox + x + cw / 2) / 2, Math.min(oy, y) - 24 * scale, x + cw / 2, y);
            g.stroke();
            g.setLineDashes();
        }
        g.setFill(palette.get(Ink.BG));
        g.fillRoundRect(x, y, cw, ch, 8 * scale, 8 * scale);
        g.setStroke(l.freed() ? palette.get(Ink.BAD) : c);
        g.setLineWidth(2 * scale);
        g.setLineDashes(4 * scale, 3 * scale);
        g.strokeRoundRect(x, y, cw, ch, 8 * scale, 8 * scale);
        g.setLineDashes();
        g.setFill(c);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = l.threadName();
        fillText(g, name.length() <= 4 ? name : name.substring(0, 3) + "…", x + cw / 2, y + ch / 2);
        String what = "loaded from " + l.via();
        Font wf = Font.font("DejaVu Sans", FontWeight.BOLD, 10 * scale);
        g.setFont(wf);
        g.setTextAlign(TextAlignment.LEFT);
        fillText(g, what, x + cw + 4 * scale, y + ch / 2);
        ghostLabels.add(toView(x + cw + 4 * scale, y + ch / 2 - 6 * scale, textWidth(what, wf), 12 * scale));
        ghosts.add(new Ghost(l.thread(), l.node(), l.from(), toView(x, y, cw, ch)));
        g.setGlobalAlpha(1);
    }

    /**
     * The top-left corner (world units) of the chip in place {@code slot} above a node whose box starts at
     * {@code (x0, y0)}: side by side while they fit left of the badge, then a row higher.
     */
    private double[] chipAt(double slot, double x0, double y0, double cw, double ch, double scale) {
        int perRow = Math.max(1, (int) Math.floor((detail.w - 2 * detail.badge - 4) / (cw + 4)));
        double row = Math.floor(slot / perRow);
        double col = slot - row * perRow;
        return new double[] {x0 + 4 + col * (cw + 4), y0 - ch - 7 * scale - row * (ch + 4)};
    }

    private void drawCursor(GraphicsContext g, CursorFrame cf, int lod) {
        if (cf.opacity() <= 0.01) {
            return;
        }
        double x0 = wx(cf.x()) - detail.w / 2;
        double y0 = wy(cf.y()) - detail.h / 2;
        // a chip stays readable when the tree is small on screen
        double scale = Math.max(1, 0.85 / zoom);
        double cw = 34 * scale;
        double ch = 19 * scale;
        double[] at = chipAt(cf.slot(), x0, y0, cw, ch, scale);
        double x = at[0];
        double y = at[1];
        if (cf.opacity() > 0.05) {
            NodeFrame on = cf.node() < 0 ? null : shown.node(cf.node());
            boolean resting = on != null && Math.abs(on.x() - cf.x()) < 1e-6 && Math.abs(on.y() - cf.y()) < 1e-6;
            cursorRects.add(new Chip(cf.thread(), toView(x, y, cw, ch), resting));
        }
        g.setGlobalAlpha(cf.opacity());
        Color c = palette.thread(cf.thread());
        g.setFill(c);
        g.fillRoundRect(x, y, cw, ch, 8 * scale, 8 * scale);
        g.fillPolygon(new double[] {x + 8 * scale, x + 18 * scale, x + 13 * scale},
                new double[] {y + ch - 1, y + ch - 1, y + ch + 6 * scale}, 3);
        for (StepScene.CursorView cv : scene.cursors()) {
            if (cv.thread() == cf.thread() && cv.onFreed()) {
                g.setStroke(palette.get(Ink.BAD));
                g.setLineWidth(3);
                g.strokeRoundRect(x - 2, y - 2, cw + 4, ch + 4, 10, 10);
            }
        }
        g.setFill(palette.get(Ink.THREAD_TEXT));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = cf.thread() < scene.threads().size() ? scene.threads().get(cf.thread()).name()
                : "T" + (cf.thread() + 1);
        fillText(g, name.length() <= 4 ? name : name.substring(0, 3) + "…", x + cw / 2, y + ch / 2);
        g.setGlobalAlpha(1);
    }

    // ================================================================ hover

    private void hoverAt(double sx, double sy) {
        if (scene == null || shown == null) {
            return;
        }
        int hit = itemAt(sx, sy);
        if (hit != hover) {
            hover = hit;
            if (hit >= 0) {
                NodeView n = node(hit);
                Summary sm = hit >= Overview.SUMMARY_BASE && oview != null ? oview.summary(hit) : null;
                tooltip.setText(sm != null ? describe(sm) + "\nClick to open it." : n == null ? "" : describe(n));
                Tooltip.install(canvas, tooltip);
            } else {
                Tooltip.uninstall(canvas, tooltip);
            }
            draw();
        }
    }

    /** The item (a VMA id or a summary id) under a screen point, or -1. */
    private int itemAt(double sx, double sy) {
        if (scene == null || shown == null) {
            return -1;
        }
        double wxp = (sx - panX) / zoom;
        double wyp = (sy - panY) / zoom;
        int hit = -1;
        for (NodeFrame nf : shown.nodes().values()) {
            double cx = wx(nf.x());
            double cy = wy(nf.y());
            if (nf.opacity() > 0 && Math.abs(wxp - cx) <= detail.w / 2 && Math.abs(wyp - cy) <= detail.h / 2) {
                hit = nf.id();
            }
        }
        return hit;
    }

    /** A summary in words (the tooltip, and what a screen reader says). */
    static String describe(Summary s) {
        return String.format("Summary of a subtree: %,d VMAs, [%s, %s); its largest gap (rb_subtree_gap of its root) "
                + "is %s = %s", s.count(), Numbers.hex(s.start()), Numbers.hex(s.end()), Numbers.hex(s.largestGap()),
                Fmt.size(s.largestGap()));
    }

    /** Everything about a node, in words (the tooltip). */
    static String describe(NodeView n) {
        StringBuilder b = new StringBuilder();
        b.append(n.name()).append("  [").append(Numbers.hex(n.start())).append(", ").append(Numbers.hex(n.end()))
                .append(")  ").append(Fmt.size(n.end() - n.start())).append('\n');
        b.append(n.black() ? "black node (solid heavy border, bold name)" : "red node (dashed border, italic name)")
                .append('\n');
        b.append("state: ").append(n.state().description()).append('\n');
        if (n.inUse()) {
            b.append("still used: ").append(n.usedBy()).append(" — a use-after-free\n");
        }
        b.append("own gap (free space in front of it): ").append(Numbers.hex(n.ownGap())).append(" = ")
                .append(Fmt.size(n.ownGap())).append('\n');
        b.append("rb_subtree_gap (largest gap in its subtree): ").append(Numbers.hex(n.subtreeGap())).append(" = ")
                .append(Fmt.size(n.subtreeGap()));
        if (NodeFace.stale(n)) {
            b.append("\n  " + NodeFace.STALE_MARK + " not what its children and own gap give now (a propagate is "
                    + "pending)");
        }
        b.append("\nvm_ref_count: ").append(n.refCount()).append("   vm_sequence: ").append(n.sequence())
                .append((n.sequence() & 1) != 0 ? " (odd: being modified)" : "");
        b.append('\n').append(n.fileBacked() ? "file mapping (vm_ops set)" : "anonymous")
                .append(n.growsDown() ? ", VM_GROWSDOWN (stack)" : "");
        return b.toString();
    }

    /** Nodes in the frame drawn last (benchmarks check that they measure a drawn tree). */
    int shownNodes() {
        return shown == null ? 0 : shown.nodes().size();
    }

}
