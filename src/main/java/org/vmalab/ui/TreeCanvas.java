package org.vmalab.ui;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.vmalab.viewmodel.Fmt;
import org.vmalab.viewmodel.Frames.CursorFrame;
import org.vmalab.viewmodel.Frames.EdgeFrame;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;
import org.vmalab.viewmodel.Frames;
import org.vmalab.viewmodel.Mark;
import org.vmalab.viewmodel.NodeState;
import org.vmalab.viewmodel.Overview.Summary;
import org.vmalab.viewmodel.Overview;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.GhostEdge;
import org.vmalab.viewmodel.StepScene.NodeView;
import org.vmalab.viewmodel.StepScene.ParentArrow;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.Tone;
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
    static final double COL = 170;
    static final double ROW = 114;
    static final double NODE_W = 158;
    static final double NODE_H = 82;
    /** Room kept free at the bottom of the view for the legend. */
    static final double LEGEND_ROOM = 56;
    static final double MARGIN_X = 36;
    static final double MARGIN_TOP = 66;
    private static final double MIN_ZOOM = 0.015;
    private static final double MAX_ZOOM = 2.5;

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
    private final Font nameFont = Font.font("DejaVu Sans", FontWeight.BOLD, 15);
    private final Font monoFont = Font.font("DejaVu Sans Mono", 9.6);
    private final Font smallFont = Font.font("DejaVu Sans", 11);
    private final Font smallBold = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    private final Font tagFont = Font.font("DejaVu Sans", 10);
    private final Font bigNameFont = Font.font("DejaVu Sans", FontWeight.BOLD, 26);
    private final Font badgeFont = Font.font("DejaVu Sans", FontWeight.BOLD, 13);
    private final Font bigBadgeFont = Font.font("DejaVu Sans", FontWeight.BOLD, 13 * 1.6);
    private final Font[] chipFonts = {Font.font("DejaVu Sans", FontWeight.BOLD, 12),
        Font.font("DejaVu Sans", FontWeight.BOLD, 12 * 1.8), Font.font("DejaVu Sans", FontWeight.BOLD, 12 * 4)};
    /** The scene's nodes by id, for the per-frame lookups. */
    private NodeView[] byId = new NodeView[0];
    /** Overview: null = automatic (by size), else the user's choice. */
    private Boolean overviewChoice;
    private boolean overviewShown;
    private final BitSet drilled = new BitSet();
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
    private final Font summaryFont = Font.font("DejaVu Sans", FontWeight.BOLD, 17);
    private final Font bigSummaryFont = Font.font("DejaVu Sans", FontWeight.BOLD, 24);
    private final Font bannerFont = Font.font("DejaVu Sans", 12);

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
        if (scene != null && Math.abs(scene.nodes().size() - s.nodes().size()) > 8) {
            // another address space: what was opened or found there means nothing here
            drilled.clear();
            found = -1;
            selected = -1;
        }
        boolean wasOverview = overviewShown;
        this.scene = s;
        int maxId = -1;
        for (NodeView n : s.nodes()) {
            maxId = Math.max(maxId, n.id());
        }
        NodeView[] ids = new NodeView[maxId + 1];
        for (NodeView n : s.nodes()) {
            ids[n.id()] = n;
        }
        this.byId = ids;
        overviewShown = overviewChoice != null ? overviewChoice : s.nodes().size() > Overview.AUTO_THRESHOLD;
        TreeLayout.Layout newLayout;
        TreeFrame target;
        if (overviewShown) {
            otree = Overview.tree(s);
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
            autoView(refit);
            panToX = panX;
            panToY = panY;
            panX = panFromX;
            panY = panFromY;
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

    /** The overview of the current scene with what is open now. */
    private Overview.View overview() {
        List<Integer> focus = new ArrayList<>(Overview.focusOf(scene));
        if (found >= 0) {
            focus.add(found);
        }
        if (selected >= 0 && selected < Overview.SUMMARY_BASE) {
            focus.add(selected);
        }
        return Overview.of(scene, otree, new Overview.Expansion(Overview.DEFAULT_DEPTH, drilled, focus));
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
        if (readable && zoom < 0.8) {
            zoom = Math.min(MAX_ZOOM, 0.8 * Math.max(1, textScale));
        }
        double tx = getWidth() / 2 - wx(x) * zoom;
        double ty = Math.max(0, getHeight()) / 2 - wy(y) * zoom;
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
        autoView(true);
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
        double wx = (sx - panX) / zoom;
        double wy = (sy - panY) / zoom;
        zoom = z;
        setPan(sx - wx * z, sy - wy * z);
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
        return layout == null ? 0 : 2 * MARGIN_X + layout.columns() * COL;
    }

    double worldHeight() {
        return layout == null ? 0 : MARGIN_TOP + layout.rows() * ROW + 30;
    }

    static double wx(double x) {
        return MARGIN_X + x * COL + COL / 2;
    }

    static double wy(double y) {
        return MARGIN_TOP + y * ROW + NODE_H / 2;
    }

    /** Chooses zoom and pan: fit when asked or allowed; otherwise keep the step's focus in view. */
    private void autoView(boolean refit) {
        double w = getWidth();
        double h = getHeight();
        if (layout == null || w <= 0 || h <= 0) {
            return;
        }
        if (refit && !userMoved) {
            double avail = Math.max(80, h - LEGEND_ROOM);
            double fitW = w / worldWidth();
            double fitH = avail / worldHeight();
            double z = Math.min(Math.min(fitW, fitH), 1.25 * textScale);
            if (overviewShown) {
                z = Math.max(MIN_ZOOM, Math.min(fitW, fitH) < 0.3 ? Math.min(fitH, 0.3 * textScale)
                        : Math.min(Math.min(fitW, fitH), 1.25 * textScale));
            } else if (z < 0.5) {
                // a big tree: readable rows, follow the action sideways
                z = Math.max(MIN_ZOOM, Math.min(fitH, 0.8 * textScale));
            }
            zoom = z;
            double ww = worldWidth() * zoom;
            panX = ww <= w + 1 ? (w - ww) / 2 : w / 2 - wx(focusColumn()) * zoom;
            double wh = worldHeight() * zoom;
            panY = wh <= avail ? (avail - wh) / 2 * 0.5 : 0;
            return;
        }
        if (follow && !userMoved) {
            int f = focusNode();
            if (f >= 0 && layout.has(f)) {
                double sx = panX + wx(layout.x(f)) * zoom;
                double sy = panY + wy(layout.y(f)) * zoom;
                double m = Math.min(160, w / 4);
                if (sx < m || sx > w - m) {
                    panX = w / 2 - wx(layout.x(f)) * zoom;
                }
                if (sy < 40 || sy > h - 40) {
                    panY = h / 2 - wy(layout.y(f)) * zoom;
                }
            }
        }
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

    @Override
    protected void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = graphics();
        double w = canvasWidth();
        double h = canvasHeight();
        g.setGlobalAlpha(1);
        g.setFill(palette.get(Ink.BG));
        g.fillRect(0, 0, w, h);
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
        double vx0 = -px / zoom - NODE_W;
        double vx1 = (w - px) / zoom + NODE_W;
        double vy0 = -py / zoom - NODE_H * 2;
        double vy1 = (h - py) / zoom + NODE_H * 2;
        double screenNode = NODE_W * zoom;
        // large type (presentation): the small text goes first, the names grow
        int lod = screenNode >= 110 * textScale ? 2 : screenNode >= 38 ? 1 : 0;

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
        for (NodeFrame nf : shown.nodes().values()) {
            double cx = wx(nf.x());
            double cy = wy(nf.y());
            if (cx < vx0 || cx > vx1 || cy < vy0 || cy > vy1) {
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
        }
        for (CursorFrame cf : shown.cursors()) {
            drawCursor(g, cf, lod);
        }
        g.restore();
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

    private void drawOffRow(GraphicsContext g, double vx0, double vx1) {
        if (Double.isNaN(layout.offRow())) {
            return;
        }
        double y = wy(layout.offRow()) - NODE_H / 2 - 22;
        g.setStroke(palette.get(Ink.OFF_ROW));
        g.setLineWidth(1.5);
        g.setLineDashes(8, 6);
        g.strokeLine(Math.max(vx0, 0), y, Math.min(vx1, worldWidth()), y);
        g.setLineDashes();
        g.setFill(palette.get(Ink.TEXT_DIM));
        g.setFont(smallFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("off the tree: erased, cleared, freed or not linked yet", Math.max(vx0 + NODE_W, 8), y - 4);
    }

    private void drawRoot(GraphicsContext g, int lod) {
        if (scene.root() < 0) {
            g.setFill(palette.get(Ink.TEXT_DIM));
            g.setFont(nameFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("mm_rb.rb_node = NULL: the tree is empty", MARGIN_X, 20);
            return;
        }
        NodeFrame r = shown.node(scene.root());
        if (r == null || lod == 0) {
            return;
        }
        double cx = wx(r.x());
        double top = wy(r.y()) - NODE_H / 2;
        Color c = scene.rootChanged() ? palette.get(Ink.EDGE_CHANGED) : palette.get(Ink.EDGE);
        g.setStroke(c);
        g.setLineWidth(scene.rootChanged() ? 3 : 2);
        g.strokeLine(cx, top - 30, cx, top - 4);
        arrowHead(g, cx, top - 30, cx, top - 3, c);
        g.setFill(scene.rootChanged() ? palette.get(Ink.CHANGED) : palette.get(Ink.TEXT_DIM));
        g.setFont(smallBold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("mm_rb.rb_node", cx, top - 32);
    }

    private void drawEdge(GraphicsContext g, EdgeFrame ef, double vx0, double vx1, double vy0, double vy1) {
        NodeFrame a = shown.node(ef.parent());
        NodeFrame b = shown.node(ef.child());
        if (a == null || b == null || ef.opacity() <= 0.01) {
            return;
        }
        double x1 = wx(a.x());
        double y1 = wy(a.y()) + NODE_H / 2;
        double x2 = wx(b.x());
        double y2 = wy(b.y()) - NODE_H / 2;
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
            g.moveTo(x1, y1 - NODE_H);
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
        double y1 = wy(a.y()) + NODE_H / 2;
        double x2 = wx(b.x());
        double y2 = wy(b.y()) - NODE_H / 2;
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
        double x1 = wx(c.x()) + NODE_W / 2 - 14;
        double y1 = wy(c.y()) - NODE_H / 2;
        double x2 = wx(p.x()) + (p.x() < c.x() ? NODE_W / 2 - 10 : -NODE_W / 2 + 10);
        double y2 = wy(p.y()) + (p.y() < c.y() ? NODE_H / 2 : -NODE_H / 2);
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
        g.fillText("parent", mx, my + 8);
        g.setGlobalAlpha(1);
    }

    private void arrowHead(GraphicsContext g, double x1, double y1, double x2, double y2, Color c) {
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double s = 9;
        g.setFill(c);
        g.fillPolygon(new double[] {x2, x2 - s * Math.cos(ang - 0.45), x2 - s * Math.cos(ang + 0.45)},
                new double[] {y2, y2 - s * Math.sin(ang - 0.45), y2 - s * Math.sin(ang + 0.45)}, 3);
    }

    private void drawNode(GraphicsContext g, NodeView n, NodeFrame nf, double cx, double cy, int lod,
                          double settle) {
        double x0 = cx - NODE_W / 2;
        double y0 = cy - NODE_H / 2;
        double alpha = nf.opacity() * (n.state() == NodeState.UNREACHABLE ? 0.72 : 1);
        Color fill = palette.tone(nf.from()).interpolate(palette.tone(nf.to()), nf.mix());
        Color text = palette.toneText(nf.from()).interpolate(palette.toneText(nf.to()), nf.mix());
        Tone tone = nf.tone();
        g.setGlobalAlpha(alpha);

        // highlight rings (under the box)
        if (n.has(Mark.VIOLATION) || n.inUse()) {
            ring(g, x0, y0, 9, palette.get(Ink.BAD), 5, false);
        }
        if (n.has(Mark.SUBJECT)) {
            ring(g, x0, y0, 5, palette.get(Ink.SUBJECT), 5 * Math.max(settle, 0.4), false);
        } else if (n.has(Mark.OTHER)) {
            ring(g, x0, y0, 5, palette.get(Ink.OTHER), 3, true);
        }
        if (n.has(Mark.STORED) && !n.has(Mark.SUBJECT)) {
            ring(g, x0, y0, 4, palette.get(Ink.CHANGED), 2.5, false);
        }
        if (n.id() == hover) {
            ring(g, x0, y0, 3, palette.get(Ink.TEXT_DIM), 1.5, false);
        }
        if (n.id() == found) {
            ring(g, x0, y0, 13, palette.get(Ink.FOUND), 6, false);
        }
        if (n.id() == selected) {
            ring(g, x0, y0, 18, palette.get(Ink.FOUND), 2.5, true);
        }

        g.setFill(fill);
        if (lod == 0) {
            g.fillRoundRect(x0, y0, NODE_W, NODE_H, 24, 24);
            g.setGlobalAlpha(1);
            return;
        }
        g.fillRoundRect(x0, y0, NODE_W, NODE_H, 16, 16);
        if (tone == Tone.NODE_FREED || tone == Tone.NODE_ALARM) {
            hatch(g, x0, y0, text);
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
        g.strokeRoundRect(x0, y0, NODE_W, NODE_H, 16, 16);
        g.setLineDashes();

        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = (n.state() == NodeState.CLEARED ? "∅ " : "") + n.label();
        if (lod == 1) {
            g.setFont(bigNameFont);
            g.fillText(fit(name, 11), cx, cy);
            badge(g, n, x0 + NODE_W, y0, 1.6);
            g.setGlobalAlpha(1);
            return;
        }
        g.setFont(nameFont);
        g.fillText(fit(name, 18), cx, y0 + 15);
        g.setFont(monoFont);
        g.fillText(Fmt.range(n.start(), n.end()), cx, y0 + 32);
        g.setFont(smallFont);
        g.fillText("gap " + Fmt.hex(n.ownGap()), cx, y0 + 49);
        String sub = "subtree " + Fmt.hex(n.subtreeGap()) + (n.gapStale() && n.state() != NodeState.FREED ? " *" : "");
        if (n.has(Mark.GAP_CHANGED)) {
            g.setFont(smallBold);
            double tw = sub.length() * 6.9 + 10;
            g.setFill(palette.get(Ink.CHANGED));
            g.fillRoundRect(cx - tw / 2, y0 + 58, tw, 16, 8, 8);
            g.setFill(palette.get(Ink.CHANGED_TEXT));
        }
        g.fillText(sub, cx, y0 + 66);
        badge(g, n, x0 + NODE_W, y0, 1);
        g.setGlobalAlpha(nf.opacity());
        tags(g, n, cx, y0 + NODE_H + 5, settle);
        g.setGlobalAlpha(1);
    }

    /** A collapsed subtree: a trapezoid widening downwards, with its VMA count and largest gap. */
    private void drawSummary(GraphicsContext g, Summary sm, NodeFrame nf, double cx, double cy, int lod) {
        double x0 = cx - NODE_W / 2;
        double y0 = cy - NODE_H / 2;
        g.setGlobalAlpha(nf.opacity());
        if (sm.id() == selected) {
            ring(g, x0, y0, 18, palette.get(Ink.FOUND), 2.5, true);
        }
        if (sm.id() == hover) {
            ring(g, x0, y0, 3, palette.get(Ink.TEXT_DIM), 1.5, false);
        }
        double inset = 16;
        double[] xs = {x0 + inset, x0 + NODE_W - inset, x0 + NODE_W, x0};
        double[] ys = {y0, y0, y0 + NODE_H, y0 + NODE_H};
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
        if (lod == 1) {
            g.setFont(bigSummaryFont);
            g.fillText(String.format("%,d", sm.count()), cx, y0 + 27);
            g.setFont(summaryFont);
            g.fillText(Fmt.size(sm.largestGap()), cx, y0 + 60);
            g.setGlobalAlpha(1);
            return;
        }
        g.setFont(summaryFont);
        g.fillText(String.format("▸ %,d VMAs", sm.count()), cx, y0 + 16);
        g.setFont(monoFont);
        g.fillText(Fmt.range(sm.start(), sm.end()), cx, y0 + 36);
        g.setFont(smallFont);
        g.fillText("largest gap " + Fmt.size(sm.largestGap()), cx, y0 + 53);
        g.setFont(tagFont);
        g.fillText("click to open", cx, y0 + 70);
        g.setGlobalAlpha(1);
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private void ring(GraphicsContext g, double x0, double y0, double off, Color c, double lw, boolean dashed) {
        g.setStroke(c);
        g.setLineWidth(lw);
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.strokeRoundRect(x0 - off, y0 - off, NODE_W + 2 * off, NODE_H + 2 * off, 16 + off, 16 + off);
        g.setLineDashes();
    }

    private void hatch(GraphicsContext g, double x0, double y0, Color c) {
        g.save();
        g.beginPath();
        g.rect(x0, y0, NODE_W, NODE_H);
        g.clip();
        g.setStroke(c);
        g.setGlobalAlpha(g.getGlobalAlpha() * 0.22);
        g.setLineWidth(2);
        for (double d = -NODE_H; d < NODE_W; d += 12) {
            g.strokeLine(x0 + d, y0 + NODE_H, x0 + d + NODE_H, y0);
        }
        g.restore();
    }

    private void badge(GraphicsContext g, NodeView n, double x, double y, double scale) {
        boolean hot = n.has(Mark.REF_CHANGED);
        double r = 13 * scale;
        g.setFill(palette.get(hot ? Ink.BADGE_HOT : Ink.BADGE));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(palette.get(n.refCount() > 1 ? Ink.CHANGED : Ink.TEXT_DIM));
        g.setLineWidth(n.refCount() > 1 ? 2.5 : 1.5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(palette.get(hot ? Ink.BADGE_HOT_TEXT : Ink.BADGE_TEXT));
        g.setFont(scale > 1 ? bigBadgeFont : badgeFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Long.toString(n.refCount()), x, y);
    }

    /** Small labels under a node: its state and what the step changed. */
    private void tags(GraphicsContext g, NodeView n, double cx, double y, double settle) {
        List<String> tags = new ArrayList<>();
        List<Ink> inks = new ArrayList<>();
        switch (n.state()) {
            case CLEARED -> add(tags, inks, "RB_EMPTY_NODE", Ink.TAG);
            case FREED -> add(tags, inks, n.inUse() ? "FREED · still used" : "freed", n.inUse() ? Ink.BAD : Ink.TAG);
            case UNREACHABLE -> add(tags, inks, "unreachable now", Ink.WARN);
            case OFF_TREE -> add(tags, inks, "erased / not linked", Ink.TAG);
            default -> {
            }
        }
        if (n.has(Mark.NEW_ROOT)) {
            add(tags, inks, "new root", Ink.CHANGED);
        }
        if (n.has(Mark.COLOR_FLIPPED)) {
            add(tags, inks, n.black() ? "red → black" : "black → red", Ink.CHANGED);
        }
        if (n.has(Mark.CHILD_CHANGED)) {
            add(tags, inks, "child pointer", Ink.CHANGED);
        }
        if (n.has(Mark.PARENT_CHANGED) && n.state() != NodeState.CLEARED) {
            add(tags, inks, "parent pointer", Ink.CHANGED);
        }
        if (n.has(Mark.GAP_CHANGED)) {
            add(tags, inks, "was " + Fmt.hex(n.oldGap()), Ink.CHANGED);
        }
        if (n.has(Mark.PROPAGATE)) {
            add(tags, inks, "propagate ↑", Ink.CHANGED);
        }
        if (n.has(Mark.PROPAGATE_STOP)) {
            add(tags, inks, "■ propagate stops", Ink.WARN);
        }
        if (n.has(Mark.REF_CHANGED)) {
            add(tags, inks, "vm_ref_count " + n.oldRefCount() + " → " + n.refCount(), Ink.CHANGED);
        }
        if (n.has(Mark.SEQ_CHANGED) || (n.sequence() & 1) != 0) {
            add(tags, inks, "vm_sequence " + n.sequence() + ((n.sequence() & 1) != 0 ? " (odd)" : ""),
                    n.has(Mark.SEQ_CHANGED) ? Ink.CHANGED : Ink.WARN);
        }
        if (n.has(Mark.RANGE_CHANGED)) {
            add(tags, inks, "range changed", Ink.CHANGED);
        }
        if (n.id() == found) {
            tags.add(0, "found");
            inks.add(0, Ink.FOUND);
        }
        if (tags.isEmpty()) {
            return;
        }
        g.setFont(tagFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        double yy = y;
        for (int i = 0; i < tags.size() && i < 3; i++) {
            String s = tags.get(i);
            Ink ink = inks.get(i);
            double tw = s.length() * 6.2 + 12;
            boolean strong = ink == Ink.CHANGED || ink == Ink.BAD || ink == Ink.WARN || ink == Ink.FOUND;
            g.setGlobalAlpha(strong ? Math.max(0.25, settle) : 1);
            g.setFill(palette.get(ink == Ink.TAG ? Ink.TAG : ink));
            g.fillRoundRect(cx - tw / 2, yy, tw, 15, 8, 8);
            g.setFill(palette.get(ink == Ink.TAG ? Ink.TAG_TEXT : ink == Ink.WARN || ink == Ink.FOUND ? Ink.BG
                    : Ink.CHANGED_TEXT));
            g.fillText(s, cx, yy + 7.5);
            yy += 17;
        }
        g.setGlobalAlpha(1);
    }

    private static void add(List<String> tags, List<Ink> inks, String s, Ink ink) {
        tags.add(s);
        inks.add(ink);
    }

    private void drawCursor(GraphicsContext g, CursorFrame cf, int lod) {
        if (cf.opacity() <= 0.01) {
            return;
        }
        double x0 = wx(cf.x()) - NODE_W / 2;
        double y0 = wy(cf.y()) - NODE_H / 2;
        double scale = lod == 0 ? 4 : lod == 1 ? 1.8 : 1;
        double cw = 34 * scale;
        double ch = 21 * scale;
        double x = x0 - 10 + cf.slot() * (cw + 4);
        double y = y0 - ch - 8;
        g.setGlobalAlpha(cf.opacity());
        Color c = palette.thread(cf.thread());
        g.setFill(c);
        g.fillRoundRect(x, y, cw, ch, 8 * scale, 8 * scale);
        g.fillPolygon(new double[] {x + 8 * scale, x + 18 * scale, x + 13 * scale},
                new double[] {y + ch - 1, y + ch - 1, y + ch + 8 * scale}, 3);
        for (StepScene.CursorView cv : scene.cursors()) {
            if (cv.thread() == cf.thread()) {
                if (cv.onFreed()) {
                    g.setStroke(palette.get(Ink.BAD));
                    g.setLineWidth(3);
                    g.strokeRoundRect(x - 2, y - 2, cw + 4, ch + 4, 10, 10);
                }
            }
        }
        g.setFill(palette.get(Ink.THREAD_TEXT));
        g.setFont(chipFonts[lod == 0 ? 2 : lod == 1 ? 1 : 0]);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = cf.thread() < scene.threads().size() ? scene.threads().get(cf.thread()).name()
                : "T" + (cf.thread() + 1);
        g.fillText(fit(name, 4), x + cw / 2, y + ch / 2);
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
            if (Math.abs(wxp - cx) <= NODE_W / 2 && Math.abs(wyp - cy) <= NODE_H / 2) {
                hit = nf.id();
            }
        }
        return hit;
    }

    /** A summary in words (the tooltip, and what a screen reader says). */
    static String describe(Summary s) {
        return String.format("Summary of a subtree: %,d VMAs, [%s, %s); its largest gap (rb_subtree_gap of its root) "
                + "is %s = %s", s.count(), Fmt.hex(s.start()), Fmt.hex(s.end()), Fmt.hex(s.largestGap()),
                Fmt.size(s.largestGap()));
    }

    /** Everything about a node, in words (the tooltip). */
    static String describe(NodeView n) {
        StringBuilder b = new StringBuilder();
        b.append(n.name()).append("  [").append(Fmt.hex(n.start())).append(", ").append(Fmt.hex(n.end()))
                .append(")  ").append(Fmt.size(n.end() - n.start())).append('\n');
        b.append(n.black() ? "black node (UPPERCASE, solid border)" : "red node (lowercase, dashed border)")
                .append('\n');
        b.append("state: ").append(n.state().description()).append('\n');
        if (n.inUse()) {
            b.append("still used: ").append(n.usedBy()).append(" — a use-after-free\n");
        }
        b.append("own gap (free space in front of it): ").append(Fmt.hex(n.ownGap())).append(" = ")
                .append(Fmt.size(n.ownGap())).append('\n');
        b.append("rb_subtree_gap (largest gap in its subtree): ").append(Fmt.hex(n.subtreeGap())).append(" = ")
                .append(Fmt.size(n.subtreeGap()));
        if (n.gapStale() && n.state() != NodeState.FREED) {
            b.append("\n  * not what its children and own gap give now (a propagate is pending)");
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
