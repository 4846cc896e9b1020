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
    /**
     * Where the step's callout is docked when the tree leaves it no free place beside its node: a band at an edge
     * of the view, outside the tree's viewport (the tree is fitted beside it and clipped at it), kept until the
     * view is fitted again for another reason (a new address space, a new size, Fit).
     */
    enum Band { NONE, LEFT, RIGHT, TOP, BOTTOM }

    private Band band = Band.NONE;
    /** The band's width (LEFT, RIGHT) or height (TOP, BOTTOM), in px. */
    private double bandSize;
    /**
     * The height of the vmacache dock's strip at the foot of the tree's viewport (above the callout's band at the
     * bottom, if any), 0 when none: given when the dock finds no free place over the tree in a whole animation
     * (a small or narrow view), kept as long as the callout's band.
     */
    private double dockStrip;

    /** The view is fitted again for another reason than a mark: the callout's band and the dock's strip go. */
    private void dropBands() {
        band = Band.NONE;
        dockStrip = 0;
        dockInBand = false;
    }

    private boolean replanning;
    /** What the last draw put where, in view coordinates (tests, hover). */
    private final List<Drawn> drawn = new ArrayList<>();
    private Rect calloutRect;
    private final List<Rect> tagRects = new ArrayList<>();
    /** The scene's nodes by id, for the per-frame lookups; null in the overview, whose walk tree has them. */
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
            dropBands();
        }
        boolean wasOverview = overviewShown;
        this.scene = s;
        overviewShown = overviewChoice != null ? overviewChoice : s.nodes().size() > Overview.AUTO_THRESHOLD;
        if (overviewShown) {
            // a large tree: its walk tree was made once for this scene (maybe off this thread, ahead of time)
            otree = Overview.treeOf(s);
            this.byId = null;
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
        if (wholeNext && s.index() == 0) {
            // the first scene of an import: the whole tree, as Fit shows it (an overview shows its own start)
            wholeNext = false;
            if (!overviewShown) {
                fit();
            }
        }
    }

    /** The next run's first scene is fitted whole (File ▸ Import maps…). */
    private boolean wholeNext;

    /** Fits the next run's first scene whole, as Fit does (an import: a lesson's or a race's view follows). */
    void fitWhenShown() {
        wholeNext = true;
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
        nodesMove = start != null && moves(start, target);
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
            boolean spanFollowed = refit && layout != end && (nodesWidth() * zoom > viewWidth() + 0.5
                    || nodesHeight() * zoom > availHeight() + 0.5);
            layout = end;
            if (spanFollowed && !userMoved && !fitAll) {
                // the view at rest is the end's: a span of the animation too large for the view was followed, and
                // the tree at rest, which fits, lost a node at its edge (lesson 7 part 5 at 680x230)
                centre(true);
            }
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
        return new TreeLayout.Layout(l.x(), l.y(), l.ids(), l.columns(), l.treeRows(), rows - 1, span);
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
        double w = viewWidth();
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
        double tx = viewLeft() + viewWidth() / 2 - wx(x) * zoom;
        double ty = viewTop() + availHeight() / 2 - wy(y) * zoom;
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

    /**
     * In presentation mode a fit, the user's too, never sets the nodes' words smaller than the room's readable size
     * ({@link #minPx}): a tree too large for the view at that size is followed (the step's node and its neighbours
     * in view) rather than shrunk to a picture nobody in the room can read.
     */
    private boolean roomFit;

    void setRoomFit(boolean on) {
        roomFit = on;
    }

    /** The fit's largest zoom grows with the presentation's type scale. */
    void setTextScale(double s) {
        textScale = Math.max(0.5, Math.min(4, s));
        userMoved = false;
        dropBands();
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
        dropBands();
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

    /** The width of the tree's nodes, badges included, in world units: the drawing's without its side margins. */
    private double nodesWidth() {
        return Math.max(1, worldWidth() - 2 * TreeGeometry.MARGIN_X);
    }

    /**
     * The height of the tree's rows in world units with the room a walker's chip needs above the root (what any
     * other node has above it): the drawing's without its bottom margin and the rest of its top one (the root
     * pointer's words then go beside the root).
     */
    private double nodesHeight() {
        return Math.max(1, worldHeight() - TreeGeometry.MARGIN_BOTTOM - (TreeGeometry.MARGIN_TOP - topKept()));
    }

    /** The part of the top margin kept when the margins are given up: the room above any other node. */
    private double topKept() {
        return Math.max(0, Math.min(TreeGeometry.MARGIN_TOP, detail.row() - detail.h));
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

    /** The height the tree may use (the legend keeps the bottom, the callout's band its edge). */
    private double availHeight() {
        return Math.max(80, getHeight() - legendRoom() - topRoom() - (horizontal(band) ? bandSize : 0) - dockStrip);
    }

    private static boolean horizontal(Band b) {
        return b == Band.TOP || b == Band.BOTTOM;
    }

    private static boolean vertical(Band b) {
        return b == Band.LEFT || b == Band.RIGHT;
    }

    /** The left edge of the tree's viewport (a callout band on the left moves it). */
    private double viewLeft() {
        return band == Band.LEFT ? bandSize : 0;
    }

    /** The width of the tree's viewport. */
    private double viewWidth() {
        return Math.max(120, getWidth() - (vertical(band) ? bandSize : 0));
    }

    /** Where the tree's fit starts at the top: below the tools and a callout band at the top. */
    private double viewTop() {
        return topRoom() + (band == Band.TOP ? bandSize : 0);
    }

    /**
     * The part of the view the tree is drawn in (view coordinates): all of it but the callout's band and the
     * legend's room at the bottom; what lies beyond is clipped, as at the view's edges.
     */
    Rect viewport() {
        return viewport(!bandEmpty());
    }

    /**
     * The tree's viewport; {@code banded}: without the callout's band even when it is empty (where the marks that
     * stay from step to step, the dock, are placed: they do not move when a step has no callout).
     */
    private Rect viewport(boolean banded) {
        double w = canvasWidth();
        double top = band == Band.TOP ? topRoom() + bandSize : 0;
        double bottom = floor() - dockStrip - (band == Band.BOTTOM && banded ? bandSize : 0);
        if (!banded) {
            return new Rect(0, top, w, Math.max(0, bottom - top));
        }
        return new Rect(viewLeft(), top, Math.max(0, Math.min(w, viewLeft() + viewWidth()) - viewLeft()),
                Math.max(0, bottom - top));
    }

    /**
     * The foot of what the tree's view may use: the canvas's bottom, less the legend's room when it is shown (in
     * presentation mode the presenter bar's).
     */
    private double floor() {
        return canvasHeight() - (legendHeight.getAsDouble() > 0 || roomFit ? legendRoom() : 0);
    }

    /**
     * Is the callout's band empty in this step (the step is about no node, and the dock is not in the band)? The
     * view keeps it (the tree does not move for it), but the tree is drawn over its room, not cut at it.
     */
    private boolean bandEmpty() {
        return band != Band.NONE && band != Band.TOP && !dockInBand && (scene == null || node(calloutId) == null);
    }

    /** The dock sits at the foot of the callout's column in this step's plan: the band is not empty then. */
    private boolean dockInBand;

    /** The callout's band (tests). */
    Band band() {
        return band;
    }

    /** Where the callout's band lies (view coordinates), or null when there is none (tests). */
    Rect bandRect() {
        double w = canvasWidth();
        double bottom = floor();
        return switch (band) {
            case NONE -> null;
            case LEFT -> new Rect(0, 0, bandSize, bottom);
            case RIGHT -> new Rect(w - bandSize, 0, bandSize, bottom);
            case TOP -> new Rect(0, topRoom(), w, bandSize);
            case BOTTOM -> new Rect(0, bottom - dockStrip - bandSize, w, bandSize);
        };
    }

    /** Room kept free at the bottom for the legend: its height and a margin, at least {@link #LEGEND_ROOM}. */
    double legendRoom() {
        if (roomFit && legendHeight.getAsDouble() <= 0) {
            // presentation mode leaves the legend out: its row is the presenter bar's (a margin without one)
            return Math.max(8, presenterRoom.getAsDouble() + 6);
        }
        // under a short tree (its legend on one row) a smaller margin: the tree needs the room
        double margin = getHeight() < TreeLegend.ONE_ROW_BELOW && !print ? 8 : 12;
        return Math.max(LEGEND_ROOM, Math.min(legendHeight.getAsDouble() + margin, getHeight() / 3));
    }

    private java.util.function.DoubleSupplier legendHeight = () -> 0;

    private java.util.function.DoubleSupplier presenterRoom = () -> 0;

    /**
     * Presentation mode's presenter bar: its height, kept free at the foot of the view where the legend was, so that
     * the bar, showing, covers no node and no mark (0 when the room is not on).
     */
    void setPresenterRoom(java.util.function.DoubleSupplier h) {
        presenterRoom = h;
    }

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
            refitAsLast();
            setPan(panX, panY);
            draw();
        }
    }

    /** Fit asked for by the user (F, the Fit button, a double-click): the whole tree, readable or not. */
    private boolean fitAll;
    /** Was the last fit one the user asked for (the whole tree)? A band for the callout then fits it whole too. */
    private boolean lastFitAll;

    /**
     * Chooses zoom, detail and pan. A refit shows the whole tree at the richest detail that is readable; when even
     * names would be too small it shows whole rows at a readable size and follows the action sideways (a Fit the
     * user asks for shows everything anyway). Otherwise, with Follow on, a tree that fits stays centred and a
     * larger one pans just enough to keep the node the step is about (and its callout) in view.
     */
    private void autoView(boolean refit) {
        double w = viewWidth();
        double h = availHeight();
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        if (refit && !userMoved) {
            lastFitAll = fitAll;
            double maxZ = FIT_MAX_ZOOM * textScale;
            TreeGeometry.Fit fit = TreeGeometry.richestFit(layout, w, h, minPx(), maxZ);
            if (fit != null) {
                detail = fit.detail();
                zoom = fit.zoom();
            } else if (fitAll && !roomFit) {
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
                // the nodes fit across, the view's side margins given up, at a zoom still readable: fitted so (the
                // nodes of lesson 5's tree beside the callout's column at 1280x720 were 1 px too wide: followed, the
                // tree lost text at its left edge)
                double across = Math.min((w - 2) / nodesWidth(), (h - 2) / nodesHeight());
                if (across < zoom && TreeGeometry.readable(detail, across, minPx())) {
                    zoom = Math.max(MIN_ZOOM, across);
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
        double left = viewLeft();
        double w = viewWidth();
        double h = availHeight();
        double ww = worldWidth() * zoom;
        double wh = worldHeight() * zoom;
        int f = focusNode();
        boolean hasFocus = f >= 0 && layout.has(f);
        // a step about no node (a lock, the vmacache, a count) leaves a view that follows where it was
        boolean still = !jump && !hasFocus;
        double[] span = hasFocus ? touchedSpan(f) : null;
        if (ww <= w + 0.5 || nodesWidth() * zoom <= w + 0.5) {
            // the tree fits across (its nodes do, when its side margins are given up): centred
            panX = left + (w - ww) / 2;
        } else if (!still) {
            double fx = hasFocus ? wx(layout.x(f)) : wx(focusColumn());
            double sx = panX - left + fx * zoom;
            double half = (detail.w / 2 + 12) * zoom + (hasFocus && band == Band.NONE ? calloutRoom() : 0);
            double m = Math.min(w / 2 - 1, Math.max(half, Math.min(160, w / 4)));
            double room = band == Band.NONE ? calloutRoom() / zoom : 0;
            double[] in = span == null ? null : within(span[0] - 12 - room, span[1] + 12 + room, left, w);
            if (in == null && span != null) {
                in = within(span[0] - 2, span[1] + 2, left, w);
            }
            if (in != null) {
                // every node the step touched in view: the view moves as little as that needs (a jump centres the
                // focus as far as that keeps them)
                panX = Math.max(in[0], Math.min(in[1], jump ? left + w / 2 - fx * zoom : panX));
            } else if (jump || sx < m || sx > w - m) {
                panX = left + w / 2 - fx * zoom;
            }
            panX = Math.max(left + w - ww, Math.min(left, panX));
        }
        double top = viewTop();
        if (wh <= h + 0.5) {
            panY = top + (h - wh) / 2;
        } else if (nodesHeight() * zoom <= h + 0.5) {
            // the nodes fit, with the room for chips above the root, when the margins are given up: centred so,
            // never past the drawing's edges (a tree 15 px too tall was followed: the root or the off-tree row cut)
            double kept = (TreeGeometry.MARGIN_TOP - topKept()) * zoom;
            panY = Math.max(top + h - wh, Math.min(top, top + (h - nodesHeight() * zoom) / 2 - kept));
        } else if (!still) {
            double fy = hasFocus ? wy(layout.y(f)) : wy(0);
            double sy = panY - top + fy * zoom;
            double m = Math.min(h / 2 - 1, (detail.h / 2 + 40) * zoom);
            double[] in = span == null ? null : within(span[2] - topKept(), span[3] + 8, top, h);
            if (in == null && span != null) {
                in = within(span[2] - 2, span[3] + 2, top, h);
            }
            if (in != null) {
                // every node the step touched in view, the root too where that keeps them (a jump goes up as far
                // as it can: lesson 12's merge cut the root at the top)
                panY = Math.max(in[0], Math.min(in[1], jump ? top : panY));
            } else if (jump && !hasFocus) {
                panY = top;
            } else if (jump || sy < m || sy > h - m) {
                panY = top + h / 2 - fy * zoom;
            }
            panY = Math.max(top + h - wh, Math.min(top, panY));
        }
    }

    /**
     * The pans (least, greatest) at which the world's stretch [a, b] lies in the view's stretch [from, from + size]
     * at the zoom, or null when it is longer than that.
     */
    private double[] within(double a, double b, double from, double size) {
        double lo = from - a * zoom;
        double hi = from + size - b * zoom;
        return lo <= hi + 0.01 ? new double[] {lo, Math.max(lo, hi)} : null;
    }

    /**
     * The world box round the nodes the step touched (its subject, its second node, the nodes it stored to or
     * changed) and the focus {@code f}, badges included: {x0, x1, y0, y1}.
     */
    private double[] touchedSpan(int f) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        addBox(b, f);
        for (NodeView n : otree != null && overviewShown ? otree.marked() : scene.nodes()) {
            if (!n.marks().isEmpty()) {
                addBox(b, n.id());
            }
        }
        return b;
    }

    private void addBox(double[] b, int id) {
        if (!layout.has(id)) {
            return;
        }
        double cx = wx(layout.x(id));
        double cy = wy(layout.y(id));
        b[0] = Math.min(b[0], cx - detail.w / 2);
        b[1] = Math.max(b[1], cx + detail.w / 2 + detail.badge);
        b[2] = Math.min(b[2], cy - detail.h / 2);
        b[3] = Math.max(b[3], cy + detail.h / 2);
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

    /**
     * The node the view follows: the step's subject, else the node its callout is about, else a node a store wrote,
     * else the first walker's (-1).
     */
    int focusNode() {
        if (scene == null) {
            return -1;
        }
        if (scene.step() != null && scene.step().subject() >= 0) {
            return scene.step().subject();
        }
        if (calloutId >= 0) {
            // the node the callout is about (a store the step made visible, a gap it changed)
            return calloutId;
        }
        // a large tree's walk tree has its marked nodes apart (a node with STORED is one): no walk over every node
        for (NodeView n : otree != null && overviewShown ? otree.marked() : scene.nodes()) {
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
            dropBands();
            if (firstSize || !userMoved) {
                repickOverviewDepth();
                refitAsLast();
                panFromX = panX;
                panToX = panX;
                panFromY = panY;
                panToY = panY;
            }
            draw();
        }
    }

    private NodeView node(int id) {
        if (byId == null) {
            // a large tree: its walk tree knows its nodes (of an import in columns, made when asked)
            return otree == null ? null : otree.node(id);
        }
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

    /**
     * A text drawn in a node: what was drawn, its measured width, the width it had, and the size of its type on the
     * screen (its font's size at the zoom it was drawn at), all in view px.
     */
    record DrawnText(String text, double width, double room, double size) {
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

    /** The scene on screen (tests). */
    StepScene shownScene() {
        return scene;
    }

    /** The node the callout is about, or -1. */
    int calloutNode() {
        return calloutId;
    }

    /** Where the last draw put tags (view coordinates). */
    List<Rect> tagRects() {
        return List.copyOf(tagRects);
    }

    /** The tags of nodes in view that the last draw showed nowhere (node name: tag), for tests. */
    private final List<String> tagsLeftOut = new ArrayList<>();

    /** The tags of nodes in view that the last draw showed nowhere ({@code name: tag}), for tests. */
    List<String> tagsLeftOut() {
        return List.copyOf(tagsLeftOut);
    }

    private void leftOut(NodeView n, List<NodeFace.Tag> tags, String why) {
        for (NodeFace.Tag t : tags) {
            tagsLeftOut.add(n.name() + ": " + t.text() + " (" + why + ")");
        }
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
    /** Where the off-tree row's words were drawn last (view coordinates), or null. */
    private Rect offRowLabel;

    /** Where the ghost chips' words were drawn last (tests). */
    List<Rect> ghostLabelRects() {
        return List.copyOf(ghostLabels);
    }

    /** The off-tree row's words drawn last (tests), or null when they were not drawn. */
    String offRowWords() {
        return offRowLabel == null ? null : offRowWords;
    }

    private String offRowWords;

    /** Where the off-tree row's words were drawn last (tests), or null when they were not. */
    Rect offRowLabelRect() {
        return offRowLabel;
    }

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
        tagsLeftOut.clear();
        cursorRects.clear();
        ghostLabels.clear();
        offRowLabel = null;
        calloutRect = null;
        leaderLine = null;
        emptyRect = null;
        rootRects = List.of();
        if (scene == null || from == null || to == null) {
            return;
        }
        // the dock and the callout are placed for the whole animation (a band for the callout may move the tree)
        planMarks(w, h);
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
        // the tree is drawn in its viewport: a callout band and the legend's room clip it like the view's edges
        Rect vp = viewport();
        g.beginPath();
        g.rect(vp.x(), vp.y(), vp.w(), vp.h());
        g.clip();
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
            if (n.id() != calloutId && !NodeFace.tags(n, n.id() == found).isEmpty()) {
                if (lod > 0) {
                    tagged.add(n);
                } else if (nf.opacity() > 0.05 && viewBox(nf).intersects(vp)) {
                    leftOut(n, NodeFace.tags(n, n.id() == found), "the tree drawn as shapes");
                }
            }
        }
        for (CursorFrame cf : shown.cursors()) {
            drawCursor(g, cf, lod);
        }
        ghosts.clear();
        for (GhostGeom gg : ghostsIn(shown)) {
            drawLoaded(g, gg, settle);
        }
        g.restore();
        if (scene.root() < 0) {
            drawEmpty(g, w);
        }
        // what is read, not looked at, is drawn at the screen's scale: the callout and the tags
        dockRect = null;
        drawDock(g, w, h, settle);
        drawCallout(g, settle);
        if (lod > 0) {
            for (NodeView n : tagged) {
                NodeFrame nf = shown.node(n.id());
                drawTags(g, n, nf, w, h, settle);
            }
        }
        drawOffRowLabel(g, px, py, w, h);
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
    }

    /**
     * The off-tree row's words, and the shorter ones tried when they lie on a mark (never shorter than "off the
     * tree": a word alone would say nothing to a student; the legend names the row).
     */
    static final List<String> OFF_ROW_WORDS = List.of("off the tree: erased, cleared, freed or not linked yet",
            "off the tree");

    /**
     * The off-tree row's words, over its dashed line, drawn after the marks (view coordinates) where they lie on
     * none of them: at the row's left end, else its right end, else shorter, else not at all for this frame (the
     * legend names the row).
     */
    private void drawOffRowLabel(GraphicsContext g, double px, double py, double w, double h) {
        Rect vp = viewport();
        for (String words : OFF_ROW_WORDS) {
            for (Rect r : offRowPlaces(px, py, words)) {
                if (r.x() < vp.x() || r.x() + r.w() > vp.x() + vp.w() || r.y() < vp.y()
                        || r.y() + r.h() > vp.y() + vp.h() || covered(r, w, h) > 0.5 || crossedByALine(r)) {
                    continue;
                }
                g.setFill(palette.get(Ink.TEXT_DIM));
                g.setFont(Font.font("DejaVu Sans", offRowPx()));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                fillText(g, words, r.x(), r.y() + r.h());
                offRowLabel = r;
                offRowWords = words;
                return;
            }
        }
    }

    /**
     * The type of the off-tree row's words (px), 0 when the tree is drawn too small for them: the legend's 11 px,
     * smaller with the nodes' type but never under the readable size, and as large as the marks beside the tree in
     * a room or on paper (a handout's picture at name-only detail printed them at 5 pt).
     */
    double offRowPx() {
        double natural = 11 * Math.min(1, zoom * 1.2);
        return natural < 5 ? 0 : Math.max(natural, TreeGeometry.MIN_READABLE_PX) * markScale();
    }

    /**
     * Where the off-tree row's {@code words} go with the tree panned to {@code (px, py)} (view coordinates): over
     * its dashed line at its left end, then at its right end; none without a row or when its type is too small.
     */
    private List<Rect> offRowPlaces(double px, double py, String words) {
        double size = offRowPx();
        if (Double.isNaN(layout.offRow()) || size <= 0) {
            return List.of();
        }
        double y = py + zoom * (wy(layout.offRow()) - detail.h / 2 - (detail.row() - detail.h) * 0.6);
        Rect vp = viewport();
        double left = Math.max(px + zoom * Math.max(-px / zoom, 8), vp.x() + 8);
        double right = Math.min(px + zoom * worldWidth(), vp.x() + vp.w()) - 8;
        double lh = size * 1.25;
        double tw = textWidth(words, Font.font("DejaVu Sans", size));
        return List.of(new Rect(left, y - 3 - lh, tw, lh), new Rect(right - tw, y - 3 - lh, tw, lh));
    }

    /** Does a tether or a vmacache slot's arrow (as drawn) pass through {@code r}? */
    private boolean crossedByALine(Rect r) {
        List<double[]> lines = new ArrayList<>(tethers);
        for (SlotArrow a : slotArrows) {
            lines.addAll(a.pieces());
        }
        for (double[] t : lines) {
            for (int k = 0; k + 3 < t.length; k += 2) {
                if (SlotArrows.crosses(t[k], t[k + 1], t[k + 2], t[k + 3], r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The root pointer's place in a frame (world units): its words above the root's top-left corner, higher than
     * the walkers' chips that ride on the root, and its arrow down the box's left edge, clear of those chips and
     * of the words of a ghost chip beside them; {@code label} and {@code arrow} in view coordinates. Null when
     * not drawn.
     */
    /**
     * Where the root pointer goes (world units): its words ({@code labelX} their left, {@code labelBottom} their
     * bottom) and its arrow: level with the root ({@code arrowX < 0}, {@code arrowTip} its height; from the words on
     * the root's left, or {@code right}, on its right, into that edge), or down from the words into the root's
     * top-left corner ({@code arrowX}, down to {@code arrowTip}).
     */
    private record RootGeom(double labelX, double labelBottom, double labelW, double arrowX, double arrowTip,
                            Rect label, Rect arrow, boolean right) {
    }

    private static final String ROOT_WORDS = "mm_rb.rb_node";

    /**
     * The root pointer in frame {@code f}: its words on the root's left when its row there is free, else above the
     * root's top-left corner (higher than the chips riding on the root); the form whose words lie whole in the
     * tree's viewport (a band or the view's edge clips the tree), the words above moved along the root's top to
     * stay in it; else on the root's left or right in the viewport's margin.
     */
    private RootGeom rootGeom(TreeFrame f) {
        NodeFrame r = scene.root() < 0 ? null : f.node(scene.root());
        NodeFrame end = r == null ? null : to.node(scene.root());
        if (r == null || end == null || zoom * detail.nameSize < 5) {
            return null;
        }
        if (Math.abs(r.x() - end.x()) > 1e-6 || Math.abs(r.y() - end.y()) > 1e-6) {
            // a new root rising into its place: the pointer points at it once it is there
            return null;
        }
        double x0 = wx(r.x()) - detail.w / 2;
        double y0 = wy(r.y()) - detail.h / 2;
        double lw = textWidth(ROOT_WORDS, smallBold);
        double cy = y0 + detail.h / 2;
        Rect vp = viewport();
        RootGeom left = new RootGeom(x0 - 20 - lw, cy + 7, lw, -1, cy, toView(x0 - 20 - lw, cy - 7, lw, 14),
                toView(x0 - 18, cy - 3, 17.5, 6), false);
        if (x0 - 20 - lw >= 2 && left.label().inside(vp)) {
            // room on the root's left (its row holds no other node): the words level with it, a short arrow
            return left;
        }
        // above the top-left corner, higher than the chips riding on the root
        double scale = chipScale();
        int perRow = Math.max(1, (int) Math.floor((detail.w - 2 * detail.badge - 4) / (34 * scale + 4)));
        int chips = 0;
        for (CursorFrame cf : f.cursors()) {
            if (cf.node() == scene.root() && cf.opacity() > 0.05) {
                chips = Math.max(chips, (int) Math.ceil(cf.slot() + 1 - 1e-9));
            }
        }
        for (GhostGeom gg : ghostsIn(f)) {
            chips += gg.l().node() == scene.root() ? 1 : 0;
        }
        double bottom = y0 - 26 * scale - 5;
        double ax = x0 + 1;
        double tip = y0 + 3;
        Rect arrow = toView(ax - 3, bottom, 5, y0 - bottom - 0.5);
        if (chips > perRow) {
            // a second row of chips takes the room of the words: the arrow alone (the ghost chips name it)
            return new RootGeom(0, bottom, 0, ax, tip, null, arrow, false);
        }
        double lx = Math.max(2, x0 + 12 - lw);
        // along the root's top (from its left corner to its right one) into the viewport
        double minX = vp.x() + 2;
        double maxX = vp.x() + vp.w() - 2 - lw * zoom;
        double vx = (lx * zoom) + panX;
        if (vx < minX) {
            lx = Math.min(x0 + detail.w - lw, (minX - panX) / zoom);
        } else if (vx > maxX) {
            lx = Math.max(x0 - lw, (maxX - panX) / zoom);
        }
        RootGeom above = new RootGeom(lx, bottom, lw, ax, tip, toView(lx, bottom - 14, lw, 14), arrow, false);
        if (above.label().inside(vp)) {
            return above;
        }
        if (left.label().inside(vp)) {
            return left;
        }
        double xr = x0 + detail.w;
        RootGeom right = new RootGeom(xr + 20, cy + 7, lw, -1, cy, toView(xr + 20, cy - 7, lw, 14),
                toView(xr + 0.5, cy - 3, 17.5, 6), true);
        return right.label().inside(vp) ? right : above;
    }

    /** Where the root pointer's words and arrow were drawn last (view coordinates), empty when not drawn. */
    private List<Rect> rootRects = List.of();

    /** The root node's id, or -1 (tests). */
    int rootId() {
        return scene == null ? -1 : scene.root();
    }

    /** Where the root pointer's words and arrow were drawn last (tests). */
    List<Rect> rootRects() {
        return rootRects;
    }

    private void drawRoot(GraphicsContext g, int lod) {
        RootGeom rg = lod == 0 ? null : rootGeom(shown);
        if (rg == null) {
            return;
        }
        rootRects = rg.label() == null ? List.of(rg.arrow()) : List.of(rg.label(), rg.arrow());
        Color c = scene.rootChanged() ? palette.get(Ink.EDGE_CHANGED) : palette.get(Ink.EDGE);
        g.setStroke(c);
        g.setLineWidth(scene.rootChanged() ? 3 : 2);
        if (rg.arrowX() < 0) {
            // the words on the left (right), the arrow into the box's left (right) edge
            double x1 = rg.right() ? rg.labelX() - 2 : rg.labelX() + rg.labelW() + 2;
            double x2 = rg.right() ? rg.labelX() - 20 : rg.labelX() + rg.labelW() + 20;
            g.strokeLine(x1, rg.arrowTip(), x2 + (rg.right() ? 1 : -1), rg.arrowTip());
            arrowHead(g, x1, rg.arrowTip(), x2, rg.arrowTip(), c);
            g.setFill(scene.rootChanged() ? palette.get(Ink.CHANGED) : palette.get(Ink.TEXT_DIM));
            g.setFont(smallBold);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            fillText(g, ROOT_WORDS, rg.labelX(), rg.arrowTip());
            return;
        }
        g.strokeLine(rg.arrowX(), rg.labelBottom() + 1, rg.arrowX(), rg.arrowTip() - 1);
        arrowHead(g, rg.arrowX(), rg.labelBottom() + 1, rg.arrowX(), rg.arrowTip(), c);
        if (rg.label() == null) {
            return;
        }
        g.setFill(scene.rootChanged() ? palette.get(Ink.CHANGED) : palette.get(Ink.TEXT_DIM));
        g.setFont(smallBold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        fillText(g, ROOT_WORDS, rg.labelX(), rg.labelBottom());
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
            texts.add(new DrawnText(p.text(), tw * zoom, p.room() * zoom, p.font().getSize() * zoom));
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
            texts.add(new DrawnText(drawnText, textWidth(drawnText, f) * zoom, room * zoom, f.getSize() * zoom));
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

    /**
     * A freed node's hatching: lines at 45 degrees cut to the box by hand, not by a clip (a clip inside the clip of
     * the tree's viewport left every node drawn after it faded in the software pipeline: a handout's tree beside the
     * callout's band).
     */
    private void hatch(GraphicsContext g, double x0, double y0, double bw, double bh, Color c) {
        double alpha = g.getGlobalAlpha();
        g.setStroke(c);
        g.setGlobalAlpha(alpha * 0.22);
        g.setLineWidth(2);
        for (double d = -bh; d < bw; d += 12) {
            // from (x0 + d, y0 + bh) up to (x0 + d + bh, y0), kept to x0 .. x0 + bw
            double s0 = Math.max(0, x0 - (x0 + d));
            double s1 = Math.min(bh, x0 + bw - (x0 + d));
            if (s1 > s0) {
                g.strokeLine(x0 + d + s0, y0 + bh - s0, x0 + d + s1, y0 + bh - s1);
            }
        }
        g.setGlobalAlpha(alpha);
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
        // on paper the count is set at the readable size where its circle holds it (a handout promises 9 pt)
        double size = print ? Math.min(r * 1.6, Math.max(r * 1.1, minPx() / zoom)) : r * 1.1;
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, size));
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
                    s += r.overlap(pad(d.badge(), 1));
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
        for (Rect rr : rootRects) {
            s += r.overlap(pad(rr, 2));
        }
        s += r.overlap(new Rect(w - 200, 0, 200, 38));
        double top = topRoom();
        if (top > 0) {
            s += r.overlap(new Rect(0, 0, w, top));
        }
        Rect vp = viewport();
        double bottom = Math.min(vp.y() + vp.h(), h - legendRoom());
        Rect view = new Rect(vp.x(), vp.y(), vp.w(), Math.max(40, bottom - vp.y()));
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
            if (covered(cl, w, h) <= 0) {
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
        Rect vp = viewport();
        double maxY = Math.min(vp.y() + vp.h(), h - legendRoom()) - 2;
        for (double y = vp.y() + 2; y + bh <= maxY; y += step) {
            for (double x = vp.x() + 2; x + bw <= vp.x() + vp.w() - 2; x += step) {
                Rect r = new Rect(x, y, bw, bh);
                double dx = Math.max(0, Math.max(r.x() - acx, acx - r.x() - r.w()));
                double dy = Math.max(0, Math.max(r.y() - acy, acy - r.y() - r.h()));
                double d = dx * dx + dy * dy;
                if (d < bestD && covered(r, w, h) <= 0) {
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

    /**
     * Tags (a node's state, what the step changed) as pills beside the node: at rest where {@link #planMarks} put
     * them (stacked, or side by side in a row), while the tree moves where they cover least in that frame (left out
     * of a frame with no free place); the tags of a node the callout lists are not drawn beside it.
     */
    private void drawTags(GraphicsContext g, NodeView n, NodeFrame nf, double w, double h, double settle) {
        if (calloutAlso.contains(n.id())) {
            return;
        }
        List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
        boolean inView = nf.opacity() > 0.05 && viewBox(nf).intersects(viewport());
        Font f = Font.font("DejaVu Sans", 10 * markScale());
        double lh = f.getSize() + 6;
        Rect box = viewBox(nf);
        Rect best;
        boolean row = false;
        TagPlace planned = plan == null ? null : plan.tags().get(n.id());
        if (t >= 1 && planned != null && !planned.rest()) {
            // a node that left the view: its tags went with it
            return;
        }
        if (t >= 1 && plan != null || planned != null && planned.still()) {
            // at rest, and while the tree moves when their place is free in every frame: where the plan put them
            TagPlace tp = planned;
            if (tp == null) {
                if (inView) {
                    leftOut(n, tags, "no place at rest");
                }
                return;
            }
            best = tp.r();
            row = tp.row();
        } else {
            double[] size = tagsSize(tags, f, lh, false);
            best = placeFree(tagCandidates(box, size[0], size[1]), box, n.id(), w, h);
            if (covered(best, w, h) > 0) {
                // no free place in this frame (the tree crowds the view, or moves through it): not over a node
                if (inView) {
                    leftOut(n, tags, planned == null ? "no place in this frame, none at rest"
                            : "no place in this frame");
                }
                return;
            }
        }
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
        double xx = best.x();
        double yy = best.y();
        for (NodeFace.Tag tag : tags) {
            double tw = textWidth(tag.text(), f) + 12;
            boolean strong = tag.style() != NodeFace.Style.PLAIN;
            g.setGlobalAlpha(nf.opacity() * (strong ? Math.max(0.25, settle) : 1));
            g.setFill(palette.get(ink(tag.style())));
            double x = row ? xx : best.x() + best.w() / 2 - tw / 2;
            g.fillRoundRect(x, yy, tw, lh - 2, 8, 8);
            g.setFill(palette.get(textInk(tag.style())));
            fillText(g, tag.text(), x + tw / 2, yy + (lh - 2) / 2);
            if (row) {
                xx += tw + 4;
            } else {
                yy += lh;
            }
        }
        g.setGlobalAlpha(1);
    }

    // ================================================================ the marks placed once per animation

    /** A line or a tag of the callout, placed in its box: x from the box's left, y its centre line. */
    record Cell(String text, Font font, boolean highlighted, NodeFace.Style tag, double x, double y, double w) {
    }

    /** The callout's content laid out: its cells and the box's size. */
    record CalloutBox(List<Cell> cells, double w, double h, double textPx, double lineHeight) {
    }

    /** What a plan was made for: when any of it changes, the marks are placed again. */
    private record PlanKey(StepScene scene, TreeFrame from, TreeFrame to, double zoom, Detail detail, double pfx,
                           double pfy, double ptx, double pty, double w, double h, Band band, double bandSize,
                           double textScale, boolean badges, int found, double top, double legend, int callout,
                           double strip) {
        boolean same(PlanKey o) {
            return o != null && scene == o.scene && from == o.from && to == o.to && zoom == o.zoom && strip == o.strip
                    && detail == o.detail && pfx == o.pfx && pfy == o.pfy && ptx == o.ptx && pty == o.pty && w == o.w
                    && h == o.h && band == o.band && bandSize == o.bandSize && textScale == o.textScale
                    && badges == o.badges && found == o.found && top == o.top && legend == o.legend
                    && callout == o.callout;
        }
    }

    /**
     * The dock's and the callout's places for the whole animation on screen (null: none drawn); {@code homeless}:
     * the dock found no free place over the tree and asks for its strip.
     */
    private record Plan(PlanKey key, Rect dock, Rect callout, CalloutBox box, boolean compactDock, boolean homeless,
                        Map<Integer, TagPlace> tags) {
        Plan(PlanKey key, Rect dock, Rect callout, CalloutBox box) {
            this(key, dock, callout, box, false, false, Map.of());
        }

        Plan(PlanKey key, Rect dock, Rect callout, CalloutBox box, boolean compactDock) {
            this(key, dock, callout, box, compactDock, false, Map.of());
        }

        Plan(PlanKey key, Rect dock, Rect callout, CalloutBox box, boolean compactDock, boolean homeless) {
            this(key, dock, callout, box, compactDock, homeless, Map.of());
        }

        Plan withTags(Map<Integer, TagPlace> at) {
            return new Plan(key, dock, callout, box, compactDock, homeless, Map.copyOf(at));
        }
    }

    /**
     * Where a node's tags rest at the end of the animation: their box, stacked or side by side in one row;
     * {@code still}: free in every frame of the animation, so they stay there while the tree moves.
     */
    private record TagPlace(Rect r, boolean row, boolean still, boolean rest) {
        /** The place of the tags of a node in view in the animation's last frame. */
        TagPlace(Rect r, boolean row, boolean still) {
            this(r, row, still, true);
        }

        /** The same place, for a node in view only while the tree moves (it leaves the view). */
        TagPlace leaving() {
            return new TagPlace(r, row, still, false);
        }
    }

    /**
     * The nodes whose tags found no free place beside them at the end of the animation: the callout lists them
     * ({@code name: tag}), so that what a step changed never vanishes from the view.
     */
    private List<Integer> calloutAlso = List.of();

    /** The nodes whose tags the callout lists, for want of a place beside them (tests). */
    List<Integer> calloutAlso() {
        return calloutAlso;
    }

    private Plan plan;

    private PlanKey planKey(double w, double h) {
        return new PlanKey(scene, from, to, zoom, detail, panFromX, panFromY, panToX, panToY, w, h, band, bandSize,
                textScale, refBadges, found, topRoom(), legendRoom(), calloutId, dockStrip);
    }

    /**
     * Places the dock and the step's callout for the animation on screen, once: every frame of it (sampled) is
     * laid on a {@link FreeGrid} with its node boxes, badges, chips, ghost chips and the root's pointer, and the
     * marks go where they are free in all of them, so they neither cover a node nor jump while the tree moves.
     * When the callout has no free place, the view gives it a band at an edge ({@link #chooseBand}); when the dock
     * has none, a strip at the foot of the tree's viewport ({@link #dockStrip}), the tree fitted above it.
     */
    private void planMarks(double w, double h) {
        PlanKey key = planKey(w, h);
        if (key.same(plan == null ? null : plan.key())) {
            return;
        }
        calloutAlso = List.of();
        dockInBand = false;
        planDockAndCallout(w, h);
        // the tags at rest: beside their nodes where they are free; the nodes whose tags have no such place are
        // listed in the callout (placed again, larger), which may take a place other tags had
        Map<Integer, TagPlace> at = new HashMap<>();
        for (int round = 0; ; round++) {
            List<Integer> over = new ArrayList<>();
            at.clear();
            placeRestTags(w, h, at, over);
            if (over.isEmpty() || round >= 3 || node(calloutId) == null || plan.callout() == null) {
                break;
            }
            List<Integer> also = new ArrayList<>(calloutAlso);
            also.addAll(over);
            calloutAlso = List.copyOf(also);
            planDockAndCallout(w, h);
        }
        plan = plan.withTags(at);
    }

    /** The dock's and the callout's places (a band or a strip when they have none over the tree). */
    private void planDockAndCallout(double w, double h) {
        for (int tries = 0; ; tries++) {
            plan = makePlan(w, h, planKey(w, h), true);
            if (plan == null) {
                chooseBand(w, h);
                plan = makePlan(w, h, planKey(w, h), false);
            }
            DockGeom dg = stripDockGeom();
            if (tries >= 2 || dg == null || !plan.homeless() && (dockStrip <= 0
                    || dg.dh() + 6 <= dockStrip + 0.5)) {
                return;
            }
            // the dock finds no free place over the tree in this animation (or has more lines than its strip
            // holds): a strip of its own under the tree, the tree fitted above it
            dockStrip = dg.dh() + 6;
            refitBeside();
        }
    }

    /** Fits the view again as it was last fitted: a tree fitted whole (Fit, an import) stays whole. */
    private void refitAsLast() {
        fitAll = lastFitAll;
        try {
            autoView(true);
        } finally {
            fitAll = false;
        }
    }

    /** The view after a band or strip for the marks came: fitted again into what is left, unless the user moved it. */
    private void refitBeside() {
        if (!userMoved) {
            refitAsLast();
        } else {
            centre(false);
        }
        setPan(panX, panY);
    }

    /** A grid of the view with what no mark may cover taken: outside the viewport, the legend, the tools. */
    private FreeGrid viewGrid(double w, double h) {
        FreeGrid grid = new FreeGrid(w, h);
        Rect vp = viewport();
        grid.take(new Rect(0, 0, vp.x(), h));
        grid.take(new Rect(vp.x() + vp.w(), 0, w - vp.x() - vp.w(), h));
        grid.take(new Rect(0, 0, w, vp.y()));
        grid.take(new Rect(0, vp.y() + vp.h(), w, h - vp.y() - vp.h()));
        grid.take(new Rect(0, h - legendRoom(), w, legendRoom()));
        grid.take(new Rect(w - 200, 0, 200, 38));
        grid.take(new Rect(0, 0, w, topRoom()));
        return grid;
    }

    /**
     * Places the tags of the nodes in view as the animation ends (the frame at rest), once for the whole animation:
     * beside their node (stacked, else side by side in a row) where, in every frame of the animation, they cover no
     * node, badge, chip, ghost chip, the root pointer, the dock, the callout or another tag; else in the nearest such
     * place of the view (with a thin line to the node). There they stay while the tree moves, so that no frame
     * leaves them out. The nodes whose tags have no such place go to {@code over} (the callout lists them); when
     * there is no callout to list them, they go where they are free at rest (and, while the tree moves, where they
     * are free in each frame).
     */
    private void placeRestTags(double w, double h, Map<Integer, TagPlace> at, List<Integer> over) {
        if (to == null) {
            return;
        }
        // the whole animation (from where it is now), and its last frame alone
        FreeGrid moving = viewGrid(w, h);
        FreeGrid rest = viewGrid(w, h);
        double keepX = panX;
        double keepY = panY;
        boolean listed = node(calloutId) != null && plan.callout() != null;
        try {
            double t0 = Math.max(0, Math.min(1, t));
            boolean still = !nodesMove && panFromX == panToX && panFromY == panToY;
            int frames = t0 >= 1 || still ? 1 : overviewShown ? 3 : 9;
            // the nodes in view only while the tree moves (they leave the view): where they are first seen
            Map<Integer, Rect> passing = new java.util.LinkedHashMap<>();
            for (int i = 0; i < frames; i++) {
                double ts = frames == 1 ? 1 : t0 + (1 - t0) * i / (frames - 1);
                double e = Frames.ease(ts);
                panX = panFromX + (panToX - panFromX) * e;
                panY = panFromY + (panToY - panFromY) * e;
                TreeFrame f = ts >= 1 ? to : Frames.at(from, to, ts);
                takeFrame(moving, f, w, h);
                for (NodeFrame nf : ts >= 1 ? List.<NodeFrame>of() : f.nodes().values()) {
                    if (nf.opacity() > 0.05 && nf.id() < Overview.SUMMARY_BASE && viewBox(nf).intersects(viewport())) {
                        passing.putIfAbsent(nf.id(), viewBox(nf));
                    }
                }
            }
            panX = panToX;
            panY = panToY;
            takeFrame(rest, to, w, h);
            for (FreeGrid grid : List.of(moving, rest)) {
                if (plan.dock() != null) {
                    grid.take(pad(plan.dock(), 3));
                }
                if (plan.callout() != null) {
                    grid.take(pad(plan.callout(), 3));
                }
            }
            Rect vp = viewport();
            Font f = Font.font("DejaVu Sans", 10 * markScale());
            double lh = f.getSize() + 6;
            List<NodeFrame> homeless = new ArrayList<>();
            for (NodeFrame nf : to.nodes().values()) {
                NodeView n = nf.id() >= Overview.SUMMARY_BASE ? null : node(nf.id());
                if (n == null || n.id() == calloutId || calloutAlso.contains(n.id()) || nf.opacity() <= 0.05) {
                    continue;
                }
                List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
                Rect box = viewBox(nf);
                if (tags.isEmpty() || !box.intersects(vp)) {
                    continue;
                }
                passing.remove(n.id());
                TagPlace tp = tagPlace(moving, tags, box, vp, f, lh, true);
                if (tp == null) {
                    homeless.add(nf);
                    continue;
                }
                at.put(n.id(), tp);
                moving.take(pad(tp.r(), 3));
                rest.take(pad(tp.r(), 3));
            }
            for (Map.Entry<Integer, Rect> e : passing.entrySet()) {
                // a node that leaves the view: its tags stay by where it was seen while it is in view
                NodeView n = node(e.getKey());
                if (n == null || n.id() == calloutId || calloutAlso.contains(n.id())) {
                    continue;
                }
                List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
                TagPlace tp = tags.isEmpty() ? null : tagPlace(moving, tags, e.getValue(), vp, f, lh, true);
                if (tp != null) {
                    at.put(n.id(), tp.leaving());
                    moving.take(pad(tp.r(), 3));
                } else if (!tags.isEmpty() && listed) {
                    // no place in every frame: the callout lists them (what the step did to a node leaving the
                    // view is said at rest too)
                    over.add(n.id());
                }
            }
            for (NodeFrame nf : homeless) {
                NodeView n = node(nf.id());
                List<NodeFace.Tag> tags = NodeFace.tags(n, n.id() == found);
                TagPlace tp = listed ? null : tagPlace(rest, tags, viewBox(nf), vp, f, lh, false);
                if (tp == null) {
                    over.add(n.id());
                    continue;
                }
                at.put(n.id(), tp);
                rest.take(pad(tp.r(), 3));
            }
        } finally {
            panX = keepX;
            panY = keepY;
        }
    }

    /**
     * A place for a node's tags on {@code grid}: beside its {@code box} (stacked, else in a row), else the nearest
     * free place of the viewport; null when there is none.
     */
    private TagPlace tagPlace(FreeGrid grid, List<NodeFace.Tag> tags, Rect box, Rect vp, Font f, double lh,
                              boolean still) {
        for (boolean row : new boolean[] {false, true}) {
            double[] size = tagsSize(tags, f, lh, row);
            for (Rect c : tagCandidates(box, size[0], size[1])) {
                if (grid.free(c)) {
                    return new TagPlace(c, row, still);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] size = tagsSize(tags, f, lh, k == 1);
            Rect r = grid.nearestFree(size[0], size[1], vp, box.x() + box.w() / 2, box.y() + box.h() / 2,
                    c -> true);
            if (r != null) {
                return new TagPlace(r, k == 1, still);
            }
        }
        return null;
    }

    /** The size of a node's tags: stacked, or side by side in one {@code row}. */
    private double[] tagsSize(List<NodeFace.Tag> tags, Font f, double lh, boolean row) {
        double bw = 0;
        for (NodeFace.Tag tag : tags) {
            double tw = textWidth(tag.text(), f) + 12;
            bw = row ? bw + tw + (bw > 0 ? 4 : 0) : Math.max(bw, tw);
        }
        return new double[] {bw, row ? lh - 2 : tags.size() * lh - 2};
    }

    /** The places beside a node's box for its tags, in order of preference: under, right, left, ..., above. */
    private Rect[] tagCandidates(Rect box, double bw, double bh) {
        return new Rect[] {
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() + box.h() + 4, bw, bh),
            new Rect(box.x() + box.w() + 6 + detail.badge * zoom, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() - 6 - bw, box.y() + box.h() / 2 - bh / 2, bw, bh),
            new Rect(box.x() + box.w() - bw, box.y() + box.h() + 4, bw, bh),
            new Rect(box.x(), box.y() + box.h() + 4, bw, bh),
            new Rect(box.x() + box.w() / 2 - bw / 2, box.y() - 8 - bh - detail.badge * zoom, bw, bh)};
    }

    /** The plan, or null when the callout has no place and {@code mayBand} (a band is to be chosen first). */
    private Plan makePlan(double w, double h, PlanKey key, boolean mayBand) {
        FreeGrid grid = viewGrid(w, h);
        Rect vp = viewport();
        Rect anchor = null;
        boolean compactDock = false;
        List<Sample> samples = new ArrayList<>();
        double keepX = panX;
        double keepY = panY;
        try {
            double t0 = Math.max(0, Math.min(1, t));
            int n = t0 >= 1 ? 1 : overviewShown ? 3 : 9;
            for (int i = 0; i < n; i++) {
                double ts = n == 1 ? 1 : t0 + (1 - t0) * i / (n - 1);
                TreeFrame f = ts >= 1 ? to : Frames.at(from, to, ts);
                double e = Frames.ease(ts);
                panX = panFromX + (panToX - panFromX) * e;
                panY = panFromY + (panToY - panFromY) * e;
                takeFrame(grid, f, w, h);
                NodeFrame cf = calloutId >= 0 ? f.node(calloutId) : null;
                if (cf != null && cf.opacity() > 0.05) {
                    anchor = viewBox(cf);
                    // a leader runs inside the view: only the boxes there can stand in its way
                    Rect near = new Rect(-8, -8, w + 16, h + 16);
                    List<Rect> others = new ArrayList<>();
                    for (NodeFrame o : f.nodes().values()) {
                        if (o.id() != calloutId && o.opacity() > 0.05) {
                            Rect b = viewBox(o);
                            if (b.intersects(near)) {
                                others.add(b);
                            }
                        }
                    }
                    samples.add(new Sample(anchor, others));
                }
            }
        } finally {
            panX = keepX;
            panY = keepY;
        }
        Rect dock = null;
        boolean homeless = false;
        DockGeom dg = dockStrip > 0 ? stripDockGeom() : dockGeom(false);
        // the dock stays where it is from step to step: placed as if the callout's band held a callout
        Rect dvp = viewport(true);
        if (dg != null && dockStrip > 0) {
            // its strip at the foot of the view (under the callout's strip), at the right
            dock = new Rect(dvp.x() + dvp.w() - dg.dw() - 6, floor() - dockStrip + 3, dg.dw(), dg.dh());
        } else if (dg != null) {
            double bottom = dvp.y() + dvp.h() - dg.dh() - 6;
            double right = dvp.x() + dvp.w() - dg.dw() - 6;
            List<Rect> corners = List.of(new Rect(right, bottom, dg.dw(), dg.dh()),
                    new Rect(dvp.x() + 6, bottom, dg.dw(), dg.dh()),
                    new Rect(dvp.x() + 6, dvp.y() + topRoom() + 6, dg.dw(), dg.dh()),
                    new Rect(right, Math.max(dvp.y(), 40), dg.dw(), dg.dh()));
            for (Rect c : corners) {
                if (grid.free(c)) {
                    dock = c;
                    break;
                }
            }
            if (dock == null) {
                dock = grid.nearestFree(dg.dw(), dg.dh(), dvp, right + dg.dw() / 2, bottom + dg.dh() / 2, r -> true);
            }
            if (dock == null && vertical(band) && dg.dw() <= bandSize - 12) {
                // no free corner in the tree's viewport: at the foot of the callout's band, its rows lower (the
                // band is not empty then: the tree is not drawn over it)
                if (!dockInBand) {
                    dockInBand = true;
                    if (node(calloutId) == null) {
                        return makePlan(w, h, planKey(w, h), mayBand);
                    }
                }
                dg = dockGeom(true);
                compactDock = true;
                dock = new Rect(band == Band.LEFT ? 6 : w - bandSize + 6, h - legendRoom() - dg.dh() - 4, dg.dw(),
                        dg.dh());
            }
            if (dock == null && band == Band.NONE && mayBand && calloutId >= 0) {
                return null;
            }
            if (dock == null) {
                // no place over the tree: the plan asks for a strip
                homeless = true;
                dock = corners.get(0);
            }
            grid.take(pad(dock, 3));
        }
        if (homeless) {
            return new Plan(key, null, null, null, false, true);
        }
        NodeView n = node(calloutId);
        if (n == null || anchor == null) {
            return new Plan(key, dock, null, null, compactDock);
        }
        double acx = anchor.x() + anchor.w() / 2;
        double acy = anchor.y() + anchor.h() / 2;
        if (band == Band.NONE) {
            CalloutBox cb = calloutBox(n, Double.MAX_VALUE, false);
            double bw = cb.w();
            double bh = cb.h();
            double br = detail.badge * zoom;
            Rect box = anchor;
            Rect[] cands = {
                new Rect(box.x() + box.w() + br + 12, box.y() + box.h() / 2 - bh / 2, bw, bh),
                new Rect(box.x() - 14 - bw, box.y() + box.h() / 2 - bh / 2, bw, bh),
                new Rect(box.x() + box.w() / 2 - bw / 2, box.y() + box.h() + 14, bw, bh),
                new Rect(box.x() + box.w() / 2 - bw / 2, box.y() - br - 14 - bh, bw, bh),
                new Rect(box.x() + box.w() + br + 12, box.y() + box.h() + 8, bw, bh),
                new Rect(box.x() - 14 - bw, box.y() + box.h() + 8, bw, bh),
                new Rect(box.x() + box.w() + br + 12, box.y() - bh - 8, bw, bh),
                new Rect(box.x() - 14 - bw, box.y() - bh - 8, bw, bh)};
            // beside the node where it covers nothing and its leader crosses no other node; else the nearest such
            // place (a longer leader)
            for (double margin : new double[] {4, -2}) {
                for (Rect c : cands) {
                    if (grid.free(c) && leaderClear(c, samples, margin)) {
                        return new Plan(key, dock, c, cb);
                    }
                }
            }
            for (double margin : new double[] {4, -2}) {
                Rect free = grid.nearestFree(bw, bh, vp, acx, acy, c -> leaderClear(c, samples, margin));
                if (free != null) {
                    return new Plan(key, dock, free, cb);
                }
            }
            if (mayBand) {
                return null;
            }
            // no band left to try (the view is too small for any): the callout with fewer tags, down to its numbers
            // alone, where it covers nothing; else a free place whatever its leader crosses, else beside the node
            for (int k = calloutTags(n).size() - 1; k >= 0; k--) {
                CalloutBox small = calloutBox(n, Double.MAX_VALUE, false, k);
                for (double margin : new double[] {4, -2}) {
                    Rect free = grid.nearestFree(small.w(), small.h(), vp, acx, acy,
                            c -> leaderClear(c, samples, margin));
                    if (free != null) {
                        return new Plan(key, dock, free, small);
                    }
                }
            }
            Rect free = grid.nearestFree(bw, bh, vp, acx, acy, c -> true);
            return new Plan(key, dock, free != null ? free : clampInto(cands[0], w, h), cb);
        }
        CalloutBox cb = bandBox(n, w, mayBand);
        if (cb == null && mayBand) {
            return null;
        }
        if (cb == null) {
            cb = calloutBoxWithin(n, vertical(band) ? bandSize - 12 : w - 12, horizontal(band),
                    horizontal(band) ? bandSize - stripMargin() : h - legendRoom() - 8);
        }
        if (dock != null && vertical(band) && (band == Band.LEFT ? dock.x() < bandSize : dock.x() >= w - bandSize)) {
            double top = band == Band.RIGHT ? Math.max(topRoom(), 40) : topRoom();
            if (cb.h() + 8 > dock.y() - 2 - top) {
                // the dock shares the band: the callout's parts side by side where they fit
                cb = calloutBoxWithin(n, bandSize - 12, true, dock.y() - 2 - top - 8);
            }
            if (cb.h() + 8 > dock.y() - 2 - top || cb.cells().size() < calloutBox(n, bandSize - 12, true).cells()
                    .size()) {
                // the whole callout and the dock do not both fit the band: the dock takes a strip of its own
                return new Plan(key, null, null, null, false, true);
            }
        }
        Rect at = bandPlace(cb, acx, acy, w, h, dock);
        if (!leaderClear(at, samples, -2) && leaderClearWithElbow(at, samples)) {
            // level with its node, with an elbow in its leader
            return new Plan(key, dock, at, cb, compactDock);
        }
        for (double margin : new double[] {4, -2}) {
            if (leaderClear(at, samples, margin)) {
                break;
            }
            // along the band to the nearest place whose leader passes between the nodes
            Rect found = null;
            for (double d = 4; d < Math.max(w, h) && found == null; d += 4) {
                Rect a = bandPlace(cb, acx - d, acy - d, w, h, dock);
                Rect b = bandPlace(cb, acx + d, acy + d, w, h, dock);
                found = leaderClear(a, samples, margin) ? a : leaderClear(b, samples, margin) ? b : null;
            }
            if (found != null) {
                at = found;
                break;
            }
        }
        return new Plan(key, dock, at, cb, compactDock);
    }

    /**
     * Does a leader from the callout at {@code c} to its node stay clear of the other nodes in every sampled frame,
     * with an elbow where a straight one cannot?
     */
    private static boolean leaderClearWithElbow(Rect c, List<Sample> samples) {
        for (Sample s : samples) {
            if (clearLeader(s.anchor(), c, s.others(), -2, true) == null) {
                return false;
            }
        }
        return true;
    }

    /** A frame of the animation as the callout's leader sees it: its node's box and the others'. */
    private record Sample(Rect anchor, List<Rect> others) {
    }

    /** Does the leader to a callout at {@code c} stay clear of every other node's box in every sampled frame? */
    private static boolean leaderClear(Rect c, List<Sample> samples, double margin) {
        for (Sample s : samples) {
            if (clearLeader(s.anchor(), c, s.others(), margin, false) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The leader from a node's box to a callout that passes {@code others} at a distance, as a polyline (x0, y0, x1,
     * y1, ...): a straight line from the node's point nearest to the callout, else from the middle of one of its
     * sides or a corner; else, {@code elbows}, a line with one elbow (across from the node's side to a free column,
     * then up or down to the callout; or up or down to a free row, then across), the nearest such column or row
     * first; null when every one crosses a box.
     */
    private static double[] clearLeader(Rect box, Rect c, List<Rect> others, double margin, boolean elbows) {
        double cx = box.x() + box.w() / 2;
        double cy = box.y() + box.h() / 2;
        double[][] from = {null, {cx, box.y() + box.h()}, {cx, box.y()}, {box.x(), cy}, {box.x() + box.w(), cy},
            {box.x(), box.y()}, {box.x() + box.w(), box.y()}, {box.x(), box.y() + box.h()},
            {box.x() + box.w(), box.y() + box.h()}};
        for (double[] p : from) {
            double[] l = p == null ? leader(box, c) : new double[] {p[0], p[1],
                Math.max(c.x(), Math.min(p[0], c.x() + c.w())), Math.max(c.y(), Math.min(p[1], c.y() + c.h()))};
            if (clear(l, others, margin)) {
                return l;
            }
        }
        if (!elbows) {
            return null;
        }
        // a column beside the node down (or up) to the callout's edge: the callout lies below or above the node
        if (c.y() >= box.y() + box.h() || c.y() + c.h() <= box.y()) {
            double ty = c.y() >= box.y() + box.h() ? c.y() : c.y() + c.h();
            for (double d = 8; d < c.w() + box.w(); d += 6) {
                for (double x : new double[] {box.x() - d, box.x() + box.w() + d}) {
                    if (x < c.x() + 6 || x > c.x() + c.w() - 6) {
                        continue;
                    }
                    double[] l = {x < box.x() ? box.x() : box.x() + box.w(), cy, x, cy, x, ty};
                    if (clear(l, others, margin)) {
                        return l;
                    }
                }
            }
        }
        // a row above or below the node across to the callout's side: the callout lies beside the node
        if (c.x() >= box.x() + box.w() || c.x() + c.w() <= box.x()) {
            double tx = c.x() >= box.x() + box.w() ? c.x() : c.x() + c.w();
            for (double d = 8; d < c.h() + box.h(); d += 6) {
                for (double y : new double[] {box.y() + box.h() + d, box.y() - d}) {
                    if (y < c.y() + 6 || y > c.y() + c.h() - 6) {
                        continue;
                    }
                    double[] l = {cx, y < box.y() ? box.y() : box.y() + box.h(), cx, y, tx, y};
                    if (clear(l, others, margin)) {
                        return l;
                    }
                }
            }
        }
        return null;
    }

    /** Does the polyline {@code l} keep {@code margin} off every one of {@code others}? */
    private static boolean clear(double[] l, List<Rect> others, double margin) {
        for (int k = 0; k + 3 < l.length; k += 2) {
            for (Rect o : others) {
                if (crosses(l[k], l[k + 1], l[k + 2], l[k + 3], pad(o, margin))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Does the segment from (x1, y1) to (x2, y2) pass through {@code r}? (Liang-Barsky.) */
    static boolean crosses(double x1, double y1, double x2, double y2, Rect r) {
        double t0 = 0;
        double t1 = 1;
        double[] p = {x1 - x2, x2 - x1, y1 - y2, y2 - y1};
        double[] q = {x1 - r.x(), r.x() + r.w() - x1, y1 - r.y(), r.y() + r.h() - y1};
        for (int i = 0; i < 4; i++) {
            if (Math.abs(p[i]) < 1e-12) {
                if (q[i] < 0) {
                    return false;
                }
            } else if (p[i] < 0) {
                t0 = Math.max(t0, q[i] / p[i]);
            } else {
                t1 = Math.min(t1, q[i] / p[i]);
            }
        }
        return t0 < t1;
    }

    /** Lays the frame's node boxes (padded), badges, walkers' chips, ghost chips and root pointer on the grid. */
    private void takeFrame(FreeGrid grid, TreeFrame f, double w, double h) {
        Rect view = new Rect(-detail.w * zoom, -detail.h * zoom, w + 2 * detail.w * zoom, h + 2 * detail.h * zoom);
        for (NodeFrame nf : f.nodes().values()) {
            if (nf.opacity() <= 0.05) {
                continue;
            }
            Rect b = viewBox(nf);
            if (!b.intersects(view)) {
                continue;
            }
            grid.take(pad(b, 3));
            if (refBadges && nf.id() < Overview.SUMMARY_BASE) {
                // with room for its stroke and the callout's: a callout touching it hid its edge
                grid.take(pad(badgeRect(wx(nf.x()) - detail.w / 2, wy(nf.y()) - detail.h / 2), 3));
            }
        }
        double scale = chipScale();
        for (CursorFrame cf : f.cursors()) {
            if (cf.opacity() > 0.05) {
                double[] at = chipAt(cf.slot(), wx(cf.x()) - detail.w / 2, wy(cf.y()) - detail.h / 2, 34 * scale,
                        19 * scale, scale);
                grid.take(toView(at[0], at[1], 34 * scale, 19 * scale + 6 * scale));
            }
        }
        for (GhostGeom gg : ghostsIn(f)) {
            grid.take(gg.chip());
            grid.take(gg.label());
        }
        RootGeom rg = rootGeom(f);
        if (rg != null) {
            grid.take(rg.label());
            grid.take(rg.arrow());
        }
    }

    /** The badge's square of a node whose box starts at world {@code (x0, y0)}, in view coordinates. */
    private Rect badgeRect(double x0, double y0) {
        return toView(x0 + detail.w - detail.badge, y0 - detail.badge, 2 * detail.badge, 2 * detail.badge);
    }

    /**
     * Gives the step's callout a band at an edge of the view: a column beside the tree (left or right) or a strip
     * above the legend, whichever leaves the tree the richest readable fit (on the node's side when equal); the
     * tree is fitted again into what is left (unless the user moved it) and clipped at the band. A printed picture
     * (a handout's) gets one too: its tree is fitted at print type beside it.
     */
    private void chooseBand(double w, double h) {
        NodeView n = node(calloutId);
        if (n == null) {
            return;
        }
        NodeFrame nf = to.node(calloutId);
        boolean right = nf == null || panToX + wx(nf.x()) * zoom > w / 2;
        Band[] order = right ? new Band[] {Band.RIGHT, Band.LEFT, Band.BOTTOM}
                : new Band[] {Band.LEFT, Band.RIGHT, Band.BOTTOM};
        Band best = Band.NONE;
        double bestSize = 0;
        double[] bestScore = null;
        // a band that holds the whole callout, its tags included; else one that holds its numbers
        for (int pass = 0; pass < 2 && best == Band.NONE; pass++) {
            for (Band b : order) {
                band = b;
                bandSize = bandSizeFor(b, n, w);
                if (bandSize <= 0 || bandBox(n, w, pass == 0) == null) {
                    continue;
                }
                double[] sc = fitScore();
                if (bestScore == null || better(sc, bestScore)) {
                    best = b;
                    bestSize = bandSize;
                    bestScore = sc;
                }
            }
        }
        band = best;
        bandSize = bestSize;
        if (best == Band.NONE) {
            return;
        }
        refitBeside();
        // the callout's type follows the nodes' numbers, which the refit made smaller or larger: a band too small
        // for the callout at the new zoom grows (the tree shrinks, and the callout with it); one the refit made
        // too large (the tree's numbers, and so the callout's, got smaller) gives the tree back its room, once
        for (int k = 0; k < 3; k++) {
            double need = bandSizeFor(band, n, w);
            if (need <= bandSize + 0.5 && (k > 0 || need >= bandSize - 0.5 || bandBoxAt(n, w, need) == null)) {
                break;
            }
            bandSize = need;
            refitBeside();
        }
    }

    /** How well the tree fits the viewport: whole and readable first, then its detail, then its zoom. */
    private double[] fitScore() {
        TreeGeometry.Fit f = TreeGeometry.richestFit(layout, viewWidth(), availHeight(), minPx(),
                FIT_MAX_ZOOM * textScale);
        if (f != null) {
            return new double[] {1, f.detail().ordinal(), f.zoom()};
        }
        return new double[] {0, 0, Math.min(viewWidth() / TreeGeometry.width(Detail.NAME, layout),
                availHeight() / TreeGeometry.height(Detail.NAME, layout))};
    }

    private static boolean better(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9) {
                return a[i] > b[i];
            }
        }
        return false;
    }

    /** The band's width (a column) or height (a strip) for the callout of {@code n}, 0 when it has no room. */
    private double bandSizeFor(Band b, NodeView n, double w) {
        if (vertical(b)) {
            Font mono = monoFont(11 * calloutScale());
            double col = Math.max(textWidth("[0x7fffffffe000, 0x7ffffffff000)", mono),
                    textWidth("rb_subtree_gap 0x7fffffffe000", mono)) + 16;
            return col + 12 <= w * 0.5 ? col + 12 : 0;
        }
        CalloutBox cb = calloutBoxWithin(n, w - 12, true, getHeight() * 0.4 - 8);
        return cb.h() + 8 <= getHeight() * 0.4 ? cb.h() + stripMargin() : 0;
    }

    /** The callout laid out for the band at size {@code size} (whole), or null when it does not fit it. */
    private CalloutBox bandBoxAt(NodeView n, double w, double size) {
        double keep = bandSize;
        bandSize = size;
        try {
            return bandBox(n, w, true);
        } finally {
            bandSize = keep;
        }
    }

    /** The room a callout's strip keeps around its callout: less under a small tree. */
    private double stripMargin() {
        return !print && getHeight() < TreeLegend.ONE_ROW_BELOW ? 6 : 8;
    }

    /**
     * The callout laid out for the band, or null when it does not fit the band: {@code whole}, with every one of its
     * tags, else with as many as fit.
     */
    private CalloutBox bandBox(NodeView n, double w, boolean whole) {
        double h = canvasHeight();
        if (vertical(band)) {
            double top = band == Band.RIGHT ? Math.max(topRoom(), 40) : topRoom();
            CalloutBox cb = whole ? calloutBox(n, bandSize - 12, false)
                    : calloutBoxWithin(n, bandSize - 12, false, h - legendRoom() - top - 8);
            return cb.h() + 8 <= h - legendRoom() - top ? cb : null;
        }
        CalloutBox cb = whole ? calloutBox(n, w - 12, true)
                : calloutBoxWithin(n, w - 12, true, bandSize - stripMargin() + 0.5);
        return cb.h() + stripMargin() <= bandSize + 0.5 ? cb : null;
    }

    /** Where the callout goes in its band: level with its node (a column, above the dock) or under it (a strip). */
    private Rect bandPlace(CalloutBox cb, double acx, double acy, double w, double h, Rect dock) {
        double bottom = h - legendRoom() - (horizontal(band) ? dockStrip : 0);
        if (dock != null && vertical(band) && (band == Band.LEFT ? dock.x() < bandSize : dock.x() >= w - bandSize)) {
            bottom = dock.y() - 2;
        }
        if (vertical(band)) {
            double x = band == Band.LEFT ? 6 : w - bandSize + 6;
            double top = (band == Band.RIGHT ? Math.max(topRoom(), 40) : topRoom()) + 4;
            double y = Math.max(top, Math.min(acy - cb.h() / 2, bottom - cb.h() - 4));
            return new Rect(x, y, cb.w(), cb.h());
        }
        double x = Math.max(6, Math.min(acx - cb.w() / 2, w - cb.w() - 6));
        return new Rect(x, bottom - bandSize + stripMargin() / 2, cb.w(), cb.h());
    }

    /**
     * The scale of the callout's type: the marks' scale, and never smaller than the numbers in the nodes on
     * screen (a tree zoomed in shows them large).
     */
    private double calloutScale() {
        double nodePx = detail == Detail.NAME ? 0 : detail.numberSize * zoom;
        // in a strip under a small tree (a Lesson pane widened to a third of a small window) its numbers are set
        // in 10 px, not 11: a row less, the tree a row's height more
        double own = horizontal(band) && !print && getHeight() < 300 ? markScale() * 10 / 11 : markScale();
        return Math.max(own, print ? nodePx / 11 : Math.min(1.8, nodePx / 11));
    }

    /**
     * The callout of {@code n} laid out at most {@code maxW} wide: one line under the other (a line too wide
     * breaks before its {@code was}, else is cut), or, {@code flow}, its parts side by side in rows (a strip);
     * its tags after the lines, as pills.
     */
    CalloutBox calloutBox(NodeView n, double maxW, boolean flow) {
        return calloutBox(n, maxW, flow, Integer.MAX_VALUE);
    }

    /**
     * The callout of {@code n} at most {@code maxW} wide and, if it can be, {@code maxH} high: whole, else with
     * fewer of its tags (the numbers always stay; a small view keeps the first tags, what the step did), else
     * without tags.
     */
    private CalloutBox calloutBoxWithin(NodeView n, double maxW, boolean flow, double maxH) {
        CalloutBox cb = calloutBox(n, maxW, flow);
        for (int k = calloutTags(n).size() - 1; k >= 0 && cb.h() > maxH; k--) {
            cb = calloutBox(n, maxW, flow, k);
        }
        return cb;
    }

    /**
     * The tags the callout of {@code n} shows: its own (but the old subtree gap and the reference count's change,
     * which its lines say), then those of the nodes whose tags have no place beside them at rest
     * ({@link #calloutAlso}), each with its node's name (a tag several of them have, once with all their names).
     */
    private List<NodeFace.Tag> calloutTags(NodeView n) {
        List<NodeFace.Tag> out = new ArrayList<>();
        for (NodeFace.Tag tag : NodeFace.tags(n, n.id() == found)) {
            boolean said = n.has(Mark.GAP_CHANGED) && tag.text().startsWith("was ")
                    || n.has(Mark.REF_CHANGED) && tag.text().startsWith("vm_ref_count ");
            if (!said) {
                out.add(tag);
            }
        }
        // the same tag of several nodes is said once, with their names ("libc_rw, ld: unreachable now")
        Map<NodeFace.Tag, List<String>> also = new java.util.LinkedHashMap<>();
        for (int id : calloutAlso) {
            NodeView o = node(id);
            if (o != null && o != n) {
                for (NodeFace.Tag tag : NodeFace.tags(o, id == found)) {
                    also.computeIfAbsent(tag, k -> new ArrayList<>()).add(o.name());
                }
            }
        }
        also.forEach((tag, names) -> out.add(new NodeFace.Tag(String.join(", ", names) + ": " + tag.text(),
                tag.style())));
        return out;
    }

    /** The callout of {@code n} with at most {@code maxTags} of its tags. */
    private CalloutBox calloutBox(NodeView n, double maxW, boolean flow, int maxTags) {
        double s = calloutScale();
        Font mono = monoFont(11 * s);
        Font head = nameFont(n.black(), 12.5 * s);
        Font tf = Font.font("DejaVu Sans", 10.5 * s);
        // a strip under a small tree is set tighter: its rows closer, its parts nearer each other
        boolean tight = flow && horizontal(band) && !print && getHeight() < 300;
        double lh = (tight ? 14 : 15.5) * s;
        double pad = tight ? 3 : 5;
        double room = maxW - 16;
        List<Cell> cells = new ArrayList<>();
        List<NodeFace.Line> lines = new ArrayList<>(NodeFace.callout(n));
        if (!refBadges && !n.has(Mark.REF_CHANGED)) {
            // a lesson that hides the vm_ref_count badges (they do not matter in it) leaves the count out
            lines.removeIf(l -> l.text().startsWith("vm_ref_count"));
        }
        double x = 0;
        double y = pad + lh / 2;
        double width = 0;
        double gapX = (tight ? 10 : 14) * s;
        // a strip's rows: their centre line and where their last part ends (the tags fill them first-fit)
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NodeFace.Line l = lines.get(i);
            Font f = i == 0 ? head : mono;
            List<String> parts = new ArrayList<>();
            String text = l.text();
            if (flow && i > 0) {
                // "gap            0x1ff000" reads "gap 0x1ff000" in a row
                text = text.replaceFirst("^(\\S+) +", "$1 ");
            }
            if (textWidth(text, f) > room) {
                // too wide (a callout's column): broken before its "was" and its "* stale", as far as needed
                List<String> pieces = new ArrayList<>();
                int from = 0;
                for (int k = 1; k < text.length(); k++) {
                    if (text.startsWith("  was ", k) || text.startsWith("  " + NodeFace.STALE_MARK + " ", k)) {
                        pieces.add(text.substring(from, k));
                        from = k;
                    }
                }
                pieces.add(text.substring(from));
                String line = pieces.get(0);
                for (String piece : pieces.subList(1, pieces.size())) {
                    if (textWidth(line + piece, f) <= room) {
                        line += piece;
                    } else {
                        parts.add(line);
                        line = "  " + piece;
                    }
                }
                parts.add(line);
            } else {
                parts.add(text);
            }
            for (String part : parts) {
                String shown = ellipsize(part, f, room);
                double tw = textWidth(shown, f);
                if (flow && x > 0 && x + gapX + tw > room) {
                    x = 0;
                    y += lh;
                } else if (flow && x > 0) {
                    x += gapX;
                }
                cells.add(new Cell(shown, f, l.highlighted(), null, 8 + x, y, tw));
                width = Math.max(width, x + tw);
                if (flow) {
                    x += tw;
                    if (rows.isEmpty() || rows.get(rows.size() - 1)[0] != y) {
                        rows.add(new double[] {y, x});
                    } else {
                        rows.get(rows.size() - 1)[1] = x;
                    }
                } else {
                    y += lh;
                }
            }
        }
        List<NodeFace.Tag> tags = calloutTags(n);
        tags = tags.subList(0, Math.min(tags.size(), maxTags));
        double tagRoom = flow ? room : Math.min(room, Math.max(width, 180 * s));
        if (!flow) {
            x = 0;
            y -= lh;
        }
        // the tags in rows, each in the first row with room for it (in a strip, beside the lines first)
        double gap = flow ? gapX : 4;
        for (NodeFace.Tag tag : tags) {
            String text = ellipsize(tag.text(), tf, tagRoom - 12);
            double tw = textWidth(text, tf) + 12;
            double[] row = null;
            for (double[] r : rows) {
                if (r[1] == 0 || r[1] + gap + tw <= tagRoom) {
                    row = r;
                    break;
                }
            }
            if (row == null) {
                y += lh + (tight ? 0 : 2);
                row = new double[] {y, 0};
                rows.add(row);
            }
            double at = row[1] > 0 ? row[1] + gap : 0;
            cells.add(new Cell(text, tf, false, tag.style(), 8 + at, row[0], tw));
            width = Math.max(width, at + tw);
            row[1] = at + tw;
        }
        double bottom = y + lh / 2 + pad;
        return new CalloutBox(cells, width + 16, bottom, 11 * s, lh);
    }

    /** The callout's box and text size as drawn last (tests), or null. */
    CalloutBox calloutShown() {
        return calloutRect == null || plan == null ? null : plan.box();
    }

    /**
     * The callout of the node the step is about, at the screen's scale whatever the zoom (never smaller than the
     * nodes' numbers): its range, own gap, subtree gap (the stored value with what it was), reference count (with
     * its change), and its tags; where {@link #planMarks} put it (beside the node, or in its band), with a line
     * to the node.
     */
    private void drawCallout(GraphicsContext g, double settle) {
        NodeView n = node(calloutId);
        NodeFrame nf = n == null ? null : shown.node(n.id());
        List<NodeFace.Tag> tags = n == null ? List.of() : calloutTags(n);
        boolean inView = nf != null && nf.opacity() > 0.05 && viewBox(nf).intersects(viewport());
        if (nf == null || nf.opacity() <= 0.05 || plan == null || plan.callout() == null) {
            if (inView) {
                leftOut(n, tags, "no callout");
            }
            return;
        }
        Rect best = plan.callout();
        CalloutBox cb = plan.box();
        if (inView) {
            // a tag left out of the callout, or cut short with an ellipsis
            List<String> said = cb.cells().stream().filter(c -> c.tag() != null).map(Cell::text).toList();
            leftOut(n, tags.stream().filter(tg -> !said.contains(tg.text())).toList(), "not in the callout");
        }
        Rect box = viewBox(nf);
        calloutRect = best;
        g.setGlobalAlpha(nf.opacity() * Math.max(0.35, settle));
        // the leader: from the node's nearest edge to the callout
        List<Rect> others = new ArrayList<>();
        for (Drawn d : drawn) {
            if (d.id() != calloutId && d.opacity() > 0.05) {
                others.add(d.box());
            }
        }
        // routed in every frame: a few pixels clear of the other boxes if it can, else at least not through one;
        // while the nodes move and no way is clear in this frame, it is left out until one is (at rest the plan
        // gave it a clear way, unless the view is too small for any)
        double[] leader = clearLeader(box, best, others, 4, true);
        if (leader == null) {
            leader = clearLeader(box, best, others, -2, true);
        }
        if (leader == null && t >= 1) {
            leader = leader(box, best);
        }
        leaderLine = leader;
        if (leader != null) {
            g.save();
            if (dockRect != null) {
                // where it meets the dock (a strip across the view may lie between a node and its callout) it
                // passes behind it
                g.beginPath();
                g.rect(-10, -10, canvasWidth() + 20, canvasHeight() + 20);
                g.rect(dockRect.x() - 2, dockRect.y() - 2, dockRect.w() + 4, dockRect.h() + 4);
                g.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
                g.clip();
            }
            g.setStroke(palette.get(Ink.SUBJECT));
            g.setLineWidth(2);
            g.strokePolyline(xs(leader), ys(leader), leader.length / 2);
            g.restore();
            g.setGlobalAlpha(nf.opacity() * Math.max(0.35, settle));
        }
        g.setFill(palette.get(Ink.BG));
        g.fillRoundRect(best.x(), best.y(), best.w(), best.h(), 10, 10);
        g.setStroke(palette.get(Ink.SUBJECT));
        g.setLineWidth(2);
        g.strokeRoundRect(best.x(), best.y(), best.w(), best.h(), 10, 10);
        g.setTextBaseline(VPos.CENTER);
        double lh = cb.lineHeight();
        boolean head = true;
        for (Cell c : cb.cells()) {
            double x = best.x() + c.x();
            double y = best.y() + c.y();
            g.setFont(c.font());
            if (c.tag() != null) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setFill(palette.get(ink(c.tag())));
                g.fillRoundRect(x, y - lh / 2 + 1, c.w(), lh - 1, 8, 8);
                g.setFill(palette.get(textInk(c.tag())));
                fillText(g, c.text(), x + c.w() / 2, y + 0.5);
                continue;
            }
            g.setTextAlign(TextAlignment.LEFT);
            if (c.highlighted()) {
                g.setFill(palette.get(Ink.CHANGED));
                g.fillRoundRect(x - 3, y - lh / 2 + 1, c.w() + 6, lh - 2, 6, 6);
                g.setFill(palette.get(Ink.CHANGED_TEXT));
            } else {
                g.setFill(palette.get(head ? Ink.TEXT : Ink.MONO));
            }
            fillText(g, c.text(), x, y);
            head = false;
        }
        g.setGlobalAlpha(1);
    }

    /** The callout's leader as drawn last: x0, y0 (on the node), ... (an elbow), xn, yn (on the callout); or null. */
    private double[] leaderLine;

    /** The callout's leader as drawn last (tests), or null. */
    double[] leaderLine() {
        return leaderLine == null ? null : leaderLine.clone();
    }

    /** A line from the node's box to the callout's, between their nearest points. */
    private static double[] leader(Rect box, Rect c) {
        double nx = Math.max(box.x(), Math.min(c.x() + c.w() / 2, box.x() + box.w()));
        double ny = Math.max(box.y(), Math.min(c.y() + c.h() / 2, box.y() + box.h()));
        double cx = Math.max(c.x(), Math.min(nx, c.x() + c.w()));
        double cy = Math.max(c.y(), Math.min(ny, c.y() + c.h()));
        return new double[] {nx, ny, cx, cy};
    }

    private Rect dockRect;
    /** What the dock drew last: per thread, the nodes its vmacache slots and its references point to. */
    private final List<DockRow> dockRows = new ArrayList<>();
    /** The tethers drawn last: each a polyline (x0, y0, x1, y1, ...) from a thread's chip to the VMA it holds. */
    private final List<double[]> tethers = new ArrayList<>();
    /** Where the tethers' words ("T1 holds a reference") were drawn last (view coordinates). */
    private final List<Rect> tetherWords = new ArrayList<>();

    /** One thread's row in the dock: its vmacache slots (VMA ids, -1 empty) and the VMAs it holds a reference to. */
    record DockRow(int thread, List<Integer> slots, boolean valid, List<Integer> refs, Rect chip) {
    }

    /**
     * A vmacache slot's arrow as drawn: the thread, the slot, the VMA, the polylines drawn ({@code clear}: one, round
     * the boxes; else the straight way broken where it passes behind a box).
     */
    record SlotArrow(int thread, int slot, int node, List<double[]> pieces, boolean clear) {
    }

    /** The vmacache slots' arrows drawn last. */
    private final List<SlotArrow> slotArrows = new ArrayList<>();

    /** The vmacache slots' arrows drawn last (tests). */
    List<SlotArrow> slotArrows() {
        return List.copyOf(slotArrows);
    }

    /**
     * What an arrow to node {@code id} keeps clear of: the other nodes' boxes and badges, the walkers' chips and the
     * ghost chips with their words, as drawn, where the tree's viewport shows them (a band or the view's edge hides
     * the rest).
     */
    private List<Rect> arrowObstacles(int id) {
        Rect vp = viewport();
        List<Rect> out = new ArrayList<>();
        for (Drawn d : drawn) {
            if (d.id() != id && d.opacity() > 0.05) {
                addClipped(out, d.box(), vp);
                if (d.badge() != null && refBadges) {
                    addClipped(out, d.badge(), vp);
                }
            }
        }
        // the walkers' chips and the ghost chips a walk leaves, with their words: drawn over the tree, an arrow
        // passing under them was lost there
        for (Chip c : cursorRects) {
            addClipped(out, c.r(), vp);
        }
        for (Ghost gh : ghosts) {
            addClipped(out, gh.chip(), vp);
            if (gh.label() != null) {
                addClipped(out, gh.label(), vp);
            }
        }
        return out;
    }

    /** Adds what of {@code r} lies inside {@code vp}, if anything. */
    private static void addClipped(List<Rect> to, Rect r, Rect vp) {
        double x0 = Math.max(r.x(), vp.x());
        double y0 = Math.max(r.y(), vp.y());
        double x1 = Math.min(r.x() + r.w(), vp.x() + vp.w());
        double y1 = Math.min(r.y() + r.h(), vp.y() + vp.h());
        if (x1 > x0 && y1 > y0) {
            to.add(new Rect(x0, y0, x1 - x0, y1 - y0));
        }
    }

    /** The dock as drawn last (tests). */
    List<DockRow> dockRows() {
        return List.copyOf(dockRows);
    }

    /** Where the dock was drawn last, or null. */
    Rect dockRect() {
        return dockRect;
    }

    /** The tethers' words drawn last (tests): "T1 holds a reference", in view coordinates. */
    List<Rect> tetherWords() {
        return List.copyOf(tetherWords);
    }

    /** The tethers drawn last (tests): polylines in view coordinates. */
    List<double[]> tethers() {
        return List.copyOf(tethers);
    }

    /**
     * The dock's rows (threads with a cached or held VMA), its type scale and size; {@code cols}: how many threads
     * share a line (the strip's form: side by side), {@code unitW} the width of one thread's chip and slots,
     * {@code labelW} 0 when the "vmacache" label is left out (a strip too narrow for it).
     */
    private record DockGeom(List<StepScene.ThreadView> rows, double s, double rowH, double slot, double labelW,
                            double dw, double dh, int cols, double chipW, double unitW) {
        /** The left of thread {@code i}'s chip and the top of its line, from the dock's corner. */
        double[] at(int i) {
            return new double[] {4 + (labelW > 0 ? labelW + 6 : 0) * (cols > 1 ? 1 : 0) + (i % cols) * unitW,
                3 + (i / cols) * rowH};
        }
    }

    private DockGeom dockGeom() {
        return dockStrip > 0 ? stripDockGeom() : dockGeom(plan != null && plan.compactDock());
    }

    /**
     * The dock in its strip: the threads side by side, as many to a line as the viewport's width holds (after the
     * "vmacache" label when all fit in one line with it), the slots a little smaller.
     */
    private DockGeom stripDockGeom() {
        DockGeom one = dockGeom(true);
        if (one == null) {
            return null;
        }
        double s = one.s();
        double chipW = 22 * s;
        double slot = 12 * s;
        // four threads side by side in a third of a 1280-px window, in lines a little lower than the dock's rows
        double unitW = chipW + 3 + 4 * (slot + 3) + 8;
        double room = viewport().w() - 12 - 8;
        double labelW = one.labelW();
        int n = one.rows().size();
        int cols;
        if (n * unitW + labelW + 6 <= room) {
            cols = n;
        } else {
            labelW = 0;
            cols = (int) Math.max(1, Math.min(n, Math.floor(room / unitW)));
        }
        int lines = (n + cols - 1) / cols;
        double rowH = 17 * s;
        double dw = 8 + (labelW > 0 ? labelW + 6 : 0) + cols * unitW - 8 + 4;
        return new DockGeom(one.rows(), s, rowH, slot, labelW, dw, lines * rowH + 4, Math.max(1, cols), chipW,
                unitW);
    }

    /** The dock's geometry; {@code compact}: rows a little lower (the dock shares a band with the callout). */
    private DockGeom dockGeom(boolean compact) {
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
            return null;
        }
        double s = Math.min(1.6, textScale);
        double rowH = (compact ? 20 : 24) * s;
        double slot = (compact ? 16 : 18) * s;
        double labelW = textWidth("vmacache", Font.font("DejaVu Sans", 10 * s));
        double dw = 34 * s + 6 + labelW + 6 + 4 * (slot + 3) + 8;
        double dh = rows.size() * rowH + 6;
        return new DockGeom(rows, s, rowH, slot, labelW, dw, dh, 1, 34 * s, dw);
    }

    /**
     * The threads' dock, where {@link #planMarks} put it (a corner of the view where it covers no node): for each
     * thread with a cached or held VMA, its chip, its vmacache as four slots with an arrow from each slot to its VMA
     * ({@code —} when empty; dashed and grey when the cache is stale), and a tether from the chip to each VMA it
     * holds a reference to (get_vma done, put_vma not yet), led out of the dock on its left and around it.
     */
    private void drawDock(GraphicsContext g, double w, double h, double settle) {
        dockRows.clear();
        tethers.clear();
        tetherWords.clear();
        slotArrows.clear();
        DockGeom dg = dockGeom();
        if (dg == null || plan == null || plan.dock() == null) {
            return;
        }
        double s = dg.s();
        double rowH = dg.rowH();
        double slot = dg.slot();
        double dw = dg.dw();
        double dh = dg.dh();
        Font f = Font.font("DejaVu Sans", FontWeight.BOLD, 11 * s);
        Font small = Font.font("DejaVu Sans", 10 * s);
        dockRect = new Rect(plan.dock().x(), plan.dock().y(), dw, dh);
        double x0 = dockRect.x();
        double y0 = dockRect.y();
        g.setGlobalAlpha(0.92);
        g.setFill(palette.get(Ink.BG));
        g.fillRoundRect(x0, y0, dw, dh, 8, 8);
        g.setStroke(palette.get(Ink.GRID));
        g.setLineWidth(1);
        g.strokeRoundRect(x0, y0, dw, dh, 8, 8);
        g.setGlobalAlpha(1);
        boolean line = dg.cols() > 1;
        if (line && dg.labelW() > 0) {
            // the strip's form: one label for the threads side by side
            g.setFont(small);
            g.setFill(palette.get(Ink.TEXT_DIM));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            fillText(g, "vmacache", x0 + 4, y0 + 3 + rowH / 2);
        }
        for (int row = 0; row < dg.rows().size(); row++) {
            StepScene.ThreadView tv = dg.rows().get(row);
            double[] cell = dg.at(row);
            double y = y0 + cell[1];
            Color c = palette.thread(tv.index());
            Rect chip = new Rect(x0 + cell[0], y + 2, dg.chipW(), rowH - 4);
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
                double[] path = dockStrip > 0 ? tetherPathUp(chip, dockRect, b) : tetherPath(chip, dockRect, b);
                tethers.add(path);
                double tx = path[path.length - 2];
                double ty = path[path.length - 1];
                g.setStroke(c);
                g.setLineWidth(3);
                g.setLineDashes(7, 4);
                g.strokePolyline(xs(path), ys(path), path.length / 2);
                g.setLineDashes();
                g.setFill(c);
                g.fillOval(tx - 5, ty - 3, 10, 10);
                g.setFont(small);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                // under the node, else right of it, where it covers no node, not the legend and not the step's callout
                // (drawn over the dock: at lesson 12's merge it hid the words' lower half); else left out (the chip's
                // tether and the lane's "ref" say it too)
                Rect over = plan == null ? null : plan.callout();
                String said = tv.name() + " holds a reference" + (r.freed() ? " (freed!)" : "");
                double tw = textWidth(said, small);
                for (Rect at : List.of(new Rect(tx + 8, ty + 4, tw, 14 * s),
                        new Rect(b.x() + b.w() + 8, b.y() + b.h() / 2 - 7 * s, tw, 14 * s))) {
                    if (at.y() + at.h() <= h - legendRoom() && drawn.stream().noneMatch(d -> d.box().intersects(at))
                            && !at.intersects(dockRect) && (over == null || !at.intersects(over))) {
                        fillText(g, said, at.x(), at.y());
                        tetherWords.add(at);
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
            double lx = chip.x() + chip.w() + (line ? 3 : 6);
            double sx = lx;
            if (!line && dg.labelW() > 0) {
                g.setFont(small);
                g.setFill(palette.get(Ink.TEXT_DIM));
                g.setTextAlign(TextAlignment.LEFT);
                fillText(g, "vmacache", lx, y + rowH / 2);
                sx = lx + dg.labelW() + 6;
            }
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
                // round the other nodes' boxes where it can (SlotArrows)
                SlotArrows.Route way = SlotArrows.route(bx + slot / 2, by, by + slot, b, arrowObstacles(id),
                        dockRect, new Rect(1, 1, w - 2, h - legendRoom() - 1));
                double[] path = way.path();
                slotArrows.add(new SlotArrow(tv.index(), i, id, way.pieces(), way.clear()));
                int n = path.length;
                g.setStroke(tv.vmacacheValid() ? c : palette.get(Ink.TEXT_DIM));
                g.setGlobalAlpha(0.7 * Math.max(0.3, settle));
                g.setLineWidth(1.3);
                if (!tv.vmacacheValid()) {
                    g.setLineDashes(4, 3);
                }
                // (no way round: the arrow is broken where it passes behind a box)
                for (double[] piece : way.pieces()) {
                    g.strokePolyline(xs(piece), ys(piece), piece.length / 2);
                }
                g.setLineDashes();
                arrowHead(g, path[n - 4], path[n - 3], path[n - 2], path[n - 1], tv.vmacacheValid() ? c
                        : palette.get(Ink.TEXT_DIM));
                g.setGlobalAlpha(1);
            }
            dockRows.add(new DockRow(tv.index(), List.copyOf(slots), tv.vmacacheValid(), List.copyOf(refs), chip));
        }
    }

    /**
     * A tether's way from a chip in the dock's strip (under the tree's viewport) to a node's box: straight up out
     * of the dock, then to the node's bottom edge (every node is above the strip).
     */
    static double[] tetherPathUp(Rect chip, Rect dock, Rect node) {
        double cx = chip.x() + chip.w() / 2;
        double oy = dock.y() - 5;
        double tx = Math.max(node.x(), Math.min(cx, node.x() + node.w()));
        return new double[] {cx, chip.y(), cx, oy, tx, Math.min(node.y() + node.h(), oy)};
    }

    /**
     * A tether's way from a chip in the dock to a node's box: out of the dock on its left, level with the chip,
     * then round the dock's nearer corner when the node lies beyond the dock, then to the node's nearest edge.
     */
    static double[] tetherPath(Rect chip, Rect dock, Rect node) {
        double cy = chip.y() + chip.h() / 2;
        double ox = Math.max(1, dock.x() - 5);
        List<Double> p = new ArrayList<>(List.of(chip.x(), cy, ox, cy));
        double ncx = node.x() + node.w() / 2;
        double above = dock.y() - 5;
        double below = dock.y() + dock.h() + 5;
        // the target: the node's bottom when it is above the dock's top, its top when below the dock, else its
        // nearer side
        double tx;
        double ty;
        if (node.y() + node.h() <= above) {
            tx = ncx;
            ty = node.y() + node.h();
        } else if (node.y() >= below) {
            tx = ncx;
            ty = node.y();
        } else {
            tx = node.x() + node.w() <= dock.x() ? node.x() + node.w() : node.x();
            ty = node.y() + node.h() / 2;
        }
        if (tx > ox) {
            // beyond the dock's left edge: first up (or down) past the dock
            double cornerY = ty < cy ? above : below;
            if (ty >= above && ty <= below) {
                cornerY = ty < dock.y() + dock.h() / 2 ? above : below;
            }
            p.add(ox);
            p.add(cornerY);
            if (ty >= above && ty <= below) {
                double ex = dock.x() + dock.w() + 5;
                p.add(ex);
                p.add(cornerY);
            }
        }
        p.add(tx);
        p.add(ty);
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(i);
        }
        return out;
    }

    private static double[] xs(double[] path) {
        double[] out = new double[path.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = path[2 * i];
        }
        return out;
    }

    private static double[] ys(double[] path) {
        double[] out = new double[path.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = path[2 * i + 1];
        }
        return out;
    }

    /** {@code r} moved into the view (above the legend) as far as it fits. */
    private Rect clampInto(Rect r, double w, double h) {
        double maxY = Math.max(0, h - legendRoom() - r.h() - 2);
        double x = Math.max(2, Math.min(r.x(), w - r.w() - 2));
        double y = Math.max(2, Math.min(r.y(), maxY));
        return new Rect(x, y, r.w(), r.h());
    }

    /** Do nodes move in the animation on screen (its frames differ in a node's place)? */
    private boolean nodesMove;

    /**
     * Are the ghost chips drawn in frame {@code f}? Not while nodes move under them (a chip riding between two
     * rows would pass over a box): they appear where the tree has come to rest.
     */
    private boolean ghostsShown(TreeFrame f) {
        return f == to || !nodesMove;
    }

    private static boolean moves(TreeFrame a, TreeFrame b) {
        if (a == b) {
            return false;
        }
        for (NodeFrame n : b.nodes().values()) {
            NodeFrame m = a.node(n.id());
            if (m == null || Math.abs(m.x() - n.x()) > 1e-9 || Math.abs(m.y() - n.y()) > 1e-9) {
                return true;
            }
        }
        return a.nodes().size() != b.nodes().size();
    }

    /** A walker's loaded pointer as drawn: the thread, the node, the chip's place in view coordinates. */
    record Ghost(int thread, int node, int from, Rect chip, Rect label) {
    }

    private final List<Ghost> ghosts = new ArrayList<>();

    /** The loaded pointers drawn last (tests). */
    List<Ghost> ghosts() {
        return List.copyOf(ghosts);
    }

    /**
     * The scale of the walkers' chips (world units): readable when the tree is small on screen, and never taller
     * than the room between a box and the row above it, so that a chip does not reach into that row's boxes.
     */
    private double chipScale() {
        double room = (detail.row() - detail.h - 3) / (19 + 7);
        return Math.max(0.5, Math.min(readableScale(), room));
    }

    /** The scale (world units) at which a chip's words read when the tree is small on screen. */
    private double readableScale() {
        return Math.max(1, 0.85 / zoom);
    }

    /** A chip's name: readable, as far as the chip's height allows. */
    private Font chipFont(double ch) {
        return Font.font("DejaVu Sans", FontWeight.BOLD, Math.min(12 * readableScale(), 0.8 * ch));
    }

    /** Where a loaded pointer's ghost chip and its words go in a frame (world units, and the view's rects). */
    private record GhostGeom(StepScene.Loaded l, double x, double y, double cw, double ch, double scale, String what,
                             Font font, Rect chip, Rect label, double labelX) {
    }

    /**
     * The ghost chips of frame {@code f}: on each node, after the chips of the walkers there, side by side in the
     * chips' row; the words (where the pointers came from) on the right of a node's last ghost chip, for all of
     * them ({@code label} null on the others). A ghost is left out when its own walker's chip is on that node (it
     * got there: the pointer is followed) or when the row is full (a second row would reach into the boxes of the
     * row above).
     */
    private List<GhostGeom> ghostsIn(TreeFrame f) {
        List<GhostGeom> out = new ArrayList<>();
        if (!ghostsShown(f) || scene.loaded().isEmpty()) {
            return out;
        }
        double scale = chipScale();
        double cw = 34 * scale;
        double ch = 19 * scale;
        int perRow = Math.max(1, (int) Math.floor((detail.w - 2 * detail.badge - 4) / (cw + 4)));
        Map<Integer, List<StepScene.Loaded>> byNode = new java.util.LinkedHashMap<>();
        for (StepScene.Loaded l : scene.loaded()) {
            CursorFrame own = f.cursor(l.thread());
            NodeFrame nf = f.node(l.node());
            if (nf == null || nf.opacity() <= 0 || own != null && own.opacity() > 0.05 && own.node() == l.node()) {
                continue;
            }
            byNode.computeIfAbsent(l.node(), k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<Integer, List<StepScene.Loaded>> e : byNode.entrySet()) {
            NodeFrame nf = f.node(e.getKey());
            // after the chips on the node (one moving between places counts up to where it reaches)
            int onIt = 0;
            for (CursorFrame cf : f.cursors()) {
                if (cf.node() == e.getKey() && cf.opacity() > 0.05) {
                    onIt = Math.max(onIt, (int) Math.ceil(cf.slot() + 1 - 1e-9));
                }
            }
            List<StepScene.Loaded> kept = new ArrayList<>();
            for (StepScene.Loaded l : e.getValue()) {
                if (onIt + kept.size() < perRow) {
                    kept.add(l);
                }
            }
            List<String> vias = new ArrayList<>();
            for (StepScene.Loaded l : kept) {
                if (!vias.contains(l.via())) {
                    vias.add(l.via());
                }
            }
            String what = "loaded from " + String.join(", ", vias);
            Font wf = Font.font("DejaVu Sans", FontWeight.BOLD, 10 * readableScale());
            double tw = textWidth(what, wf);
            double firstX = chipAt(0, wx(nf.x()) - detail.w / 2, wy(nf.y()) - detail.h / 2, cw, ch, scale)[0];
            Rect vp = viewport();
            for (int i = 0; i < kept.size(); i++) {
                double[] at = chipAt(onIt + i, wx(nf.x()) - detail.w / 2, wy(nf.y()) - detail.h / 2, cw, ch, scale);
                Rect chip = toView(at[0], at[1], cw, ch);
                // the words level with the chip's upper half: clear of the badge at the box's top-right corner;
                // on the left of the node's first chip (a walker's or this one) when the viewport ends before them
                double lx = at[0] + cw + 4 * scale;
                Rect label = i < kept.size() - 1 ? null : toView(lx, at[1], tw, 1.2 * wf.getSize());
                if (label != null && label.x() + label.w() > vp.x() + vp.w()
                        && toView(firstX - 4 * scale - tw, at[1], tw, 1).x() >= vp.x()) {
                    lx = firstX - 4 * scale - tw;
                    label = toView(lx, at[1], tw, 1.2 * wf.getSize());
                }
                out.add(new GhostGeom(kept.get(i), at[0], at[1], cw, ch, scale, what, wf, chip, label, lx));
            }
        }
        return out;
    }

    /**
     * A walker's loaded pointer: a ghost of its chip (dashed, hollow) on the node it will visit next, labelled with
     * where the pointer came from, and a dotted line from the walker's own chip.
     */
    private void drawLoaded(GraphicsContext g, GhostGeom gg, double settle) {
        StepScene.Loaded l = gg.l();
        NodeFrame nf = shown.node(l.node());
        double scale = gg.scale();
        double cw = gg.cw();
        double ch = gg.ch();
        double x = gg.x();
        double y = gg.y();
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
        g.setFont(chipFont(ch));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = l.threadName();
        fillText(g, name.length() <= 4 ? name : name.substring(0, 3) + "…", x + cw / 2, y + ch / 2);
        if (gg.label() != null) {
            g.setFont(gg.font());
            g.setTextAlign(TextAlignment.LEFT);
            fillText(g, gg.what(), gg.labelX(), y + 0.6 * gg.font().getSize());
            ghostLabels.add(gg.label());
        }
        ghosts.add(new Ghost(l.thread(), l.node(), l.from(), gg.chip(), gg.label()));
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
        double scale = chipScale();
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
        g.setFont(chipFont(ch));
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
