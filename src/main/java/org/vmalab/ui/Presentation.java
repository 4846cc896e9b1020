package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.vmalab.viewmodel.Lessons;

/**
 * Presentation mode: full screen, the chrome hidden (menu, toolbars, timeline, status bar), large type with a
 * scale control, the high-contrast theme, presenter keys (PageDown / PageUp step, and at a lesson part's end or start
 * go to the next or previous part; B blanks the screen, Esc leaves; what a presenter's clicker sends), and a
 * highlight that follows the mouse pointer so that the room sees what the teacher points at. Leaving restores the
 * window as it was.
 */
final class Presentation {
    static final double[] SCALES = {1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    static final double BASE_FONT = 13;
    /** The address-space strip's scale as a share of the room's type (its words are 11 px in the window). */
    static final double STRIP_SHARE = 0.8;
    /**
     * The window's height (px) per unit of the strip's scale: a 720 px room keeps the strip at its own size (the tree
     * needs every row there), a 1080 px one draws it 1.2 times larger.
     */
    static final double STRIP_HEIGHT_UNIT = 900;
    private static final double POINTER = 80;

    private final MainView view;
    private final Region pointer = new Region();
    private final Region blank = new Region();
    private final HBox bar;
    private final Button partHint = new Button();
    private final Label scaleLabel = new Label();
    private final ToggleButton contrast = new ToggleButton("High contrast");
    private final Button play = new Button("Play");
    private final PauseTransition barHide = new PauseTransition(Duration.seconds(3));
    private final List<Node> hidden = new ArrayList<>();
    /** The bar's height at the room's type, kept free at the tree's foot (measured where the bar is placed). */
    private double barRoom;
    private boolean on;
    private int scale = 2;
    private MainView.Theme themeBefore;
    private boolean fullScreenBefore;

    Presentation(MainView view) {
        this.view = view;
        pointer.getStyleClass().add("pointer-highlight");
        pointer.setId("pointer-highlight");
        pointer.setManaged(false);
        pointer.setMouseTransparent(true);
        pointer.setVisible(false);
        pointer.resize(POINTER, POINTER);
        blank.getStyleClass().add("blank-screen");
        blank.setId("blank-screen");
        blank.setManaged(false);
        blank.setVisible(false);
        blank.setAccessibleText("The screen is blank; press B to show it again");
        Button smaller = new Button("A−");
        smaller.setId("presentation-smaller");
        smaller.setTooltip(new Tooltip("Smaller type (Ctrl+−)"));
        smaller.setOnAction(e -> setScale(scale - 1));
        Button larger = new Button("A+");
        larger.setId("presentation-larger");
        larger.setTooltip(new Tooltip("Larger type (Ctrl++)"));
        larger.setOnAction(e -> setScale(scale + 1));
        scaleLabel.setId("presentation-scale");
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        contrast.setId("presentation-contrast");
        contrast.setSelected(true);
        contrast.setTooltip(new Tooltip("The high-contrast theme, for projectors"));
        contrast.selectedProperty().addListener((o, a, hc) -> {
            if (on) {
                view.selectTheme(hc ? MainView.Theme.HIGH_CONTRAST : themeBefore);
            }
        });
        Button leave = new Button("Leave (Esc)");
        leave.setId("presentation-leave");
        leave.setOnAction(e -> leave());
        // the transport (the timeline is hidden in the room): the teacher with a mouse steps and plays from here
        Button back = new Button("◀");
        back.setId("presentation-back");
        back.setTooltip(new Tooltip("One step back (PageUp, ←)"));
        back.setOnAction(e -> view.player().stepBack());
        play.setId("presentation-play");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> view.player().togglePlay());
        Button next = new Button("▶|");
        next.setId("presentation-next");
        next.setTooltip(new Tooltip("One step forward (PageDown, →)"));
        next.setOnAction(e -> view.player().stepForward());
        view.player().addListener(p -> play.setText(p.playing() ? "Pause" : "Play"));
        // short, so that it covers little of the threads while it shows (the keys are on the presenter card)
        bar = new HBox(8, back, play, next, new Label("Type"), smaller, scaleLabel, larger, contrast, leave);
        Tooltip.install(bar, new Tooltip("PageDown / PageUp step (at a part's end or start: the next or previous "
                + "part) · B blanks the screen · Ctrl+± the type · Esc leaves"));
        bar.getStyleClass().add("presenter-bar");
        bar.setId("presenter-bar");
        bar.setManaged(false);
        bar.setVisible(false);
        bar.setAlignment(Pos.CENTER_LEFT);
        barHide.setOnFinished(e -> {
            if (on && !bar.isHover()) {
                bar.setVisible(false);
            }
        });
        // at a part's end (or start), the way to the next (or previous) part of the lesson without leaving the room
        partHint.getStyleClass().add("part-hint");
        partHint.setId("part-hint");
        partHint.setManaged(false);
        partHint.setVisible(false);
        partHint.setFocusTraversable(false);
        partHint.setOnAction(e -> toPart(partHintWay));
        view.player().addListener(p -> {
            landIfAsked();
            updatePartHint();
        });
        view.getChildren().addAll(pointer, partHint, bar, blank);
        view.addEventFilter(MouseEvent.MOUSE_MOVED, this::onMouse);
        view.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onMouse);
        view.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == view) {
                pointer.setVisible(false);
            }
        });
        bar.setOnMouseExited(e -> barHide.playFromStart());
        // the part hint gets its words back when the bar hides
        bar.visibleProperty().addListener((o, a, b) -> place());
        // in the room no tooltip opens over the threads: the pointer rests there on its way to the bar, and a
        // tooltip covered the columns' current lines (the pointer highlight still follows it)
        view.lanesPanel().addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (on) {
                e.consume();
            }
        });
        view.tree().setPresenterRoom(() -> on ? barRoom : 0);
        view.widthProperty().addListener((o, a, w) -> place());
        view.heightProperty().addListener((o, a, h) -> {
            place();
            if (on) {
                view.strip().setTextScale(stripScale());
            }
        });
        // the band grows or shrinks with the step, and the tree's foot with it: the bar, showing, keeps there
        view.lanesPanel().boundsInParentProperty().addListener((o, a, b) -> {
            if (bar.isVisible() || partHint.isVisible()) {
                place();
            }
        });
        view.tree().heightProperty().addListener((o, a, b) -> {
            if (bar.isVisible() || partHint.isVisible()) {
                place();
            }
        });
    }

    /** The address-space strip's scale in the room: with the type, as far as the window's height allows. */
    double stripScale() {
        return Math.max(1, Math.min(STRIP_SHARE * SCALES[scale], view.getHeight() / STRIP_HEIGHT_UNIT));
    }

    boolean on() {
        return on;
    }

    boolean blanked() {
        return blank.isVisible();
    }

    double scale() {
        return SCALES[scale];
    }

    /** The type's index in {@link #SCALES}. */
    int scaleIndex() {
        return scale;
    }

    Region pointer() {
        return pointer;
    }

    void toggle() {
        if (on) {
            leave();
        } else {
            enter();
        }
    }

    void enter() {
        if (on) {
            return;
        }
        on = true;
        themeBefore = view.theme();
        hidden.clear();
        if (view.getTop() instanceof VBox top) {
            for (Node n : top.getChildren()) {
                if (!n.getStyleClass().contains("caption-bar") && n.isVisible()) {
                    hide(n);
                }
            }
        }
        if (view.menuBar().isVisible()) {
            // the menus share the toolbar's row: hidden with it, and themselves (F10 does not bring them back)
            hide(view.menuBar());
        }
        if (view.getBottom() != null && view.getBottom().isVisible()) {
            hide(view.getBottom());
        }
        view.getStyleClass().add("presenting");
        // the tree's words at the room's size whatever the fit (a large tree is followed, not shrunk)
        view.tree().setRoomFit(true);
        if (contrast.isSelected()) {
            view.selectTheme(MainView.Theme.HIGH_CONTRAST);
        }
        applyScale();
        if (view.getScene() != null && view.getScene().getWindow() instanceof Stage st) {
            fullScreenBefore = st.isFullScreen();
            st.setFullScreenExitHint("");
            st.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            st.setFullScreen(true);
        }
        showBar();
        updatePartHint();
        view.player().clearMessage();
        // the panes the step needs, then the tree fitted to the room's type (after the new layout)
        view.fitPanesToStep();
        fitTreeLater();
    }

    /** Fits the tree once the window has its new layout (two pulses: full screen, then the panes). */
    private void fitTreeLater() {
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(view.tree()::fit));
    }

    void leave() {
        if (!on) {
            return;
        }
        on = false;
        blank.setVisible(false);
        pointer.setVisible(false);
        bar.setVisible(false);
        partHint.setVisible(false);
        for (Node n : hidden) {
            n.setVisible(true);
            n.setManaged(true);
        }
        hidden.clear();
        view.getStyleClass().remove("presenting");
        view.setStyle("");
        view.tree().setRoomFit(false);
        view.tree().setTextScale(1);
        view.strip().setTextScale(1);
        if (themeBefore != null) {
            view.selectTheme(themeBefore);
        }
        if (view.getScene() != null && view.getScene().getWindow() instanceof Stage st) {
            st.setFullScreenExitKeyCombination(null);
            st.setFullScreenExitHint(null);
            st.setFullScreen(fullScreenBefore);
        }
        view.fitPanesToStep();
        fitTreeLater();
    }

    private void hide(Node n) {
        hidden.add(n);
        n.setVisible(false);
        n.setManaged(false);
    }

    /**
     * The room keeps at least this many lines of its type in the window's height: the type stops growing there (200 %
     * on a 720 px high screen, 300 % on a 1080 px one), where the tree, the address space and every thread's current
     * line still fit.
     */
    static final double ROOM_LINES = 27.5;

    /** The largest type (an index of {@link #SCALES}) for the window's height now (all of them when not known). */
    int largestScale() {
        double h = view.getHeight();
        int i = SCALES.length - 1;
        while (h > 0 && i > 0 && SCALES[i] * BASE_FONT * ROOM_LINES > h + 0.5) {
            i--;
        }
        return i;
    }

    void setScale(int i) {
        scale = Math.max(0, Math.min(largestScale(), i));
        if (on) {
            applyScale();
            showBar();
        }
    }

    /** One step larger (+1) or smaller (-1) type. */
    void scaleBy(int d) {
        setScale(scale + d);
    }

    private void applyScale() {
        double s = SCALES[scale];
        view.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * s));
        scaleLabel.setText(Math.round(s * 100) + "%");
        view.tree().setTextScale(s);
        // the address space's numbers and names grow with the room's type too, as the threads' (a short room's
        // panes are at 0.8 of it)
        view.strip().setTextScale(stripScale());
        // the side column's width is in em of the room's type; the tree is fitted again to what it leaves
        view.roomWidths();
        if (on) {
            fitTreeLater();
        }
    }

    void blank(boolean b) {
        blank.setVisible(b);
        if (b) {
            place();
            blank.toFront();
        }
    }

    /**
     * The presenter's keys, while presenting: PageDown / PageUp (and the arrows, as always) step, and at a lesson
     * part's end PageDown opens the next part, at its start PageUp the previous one at its end; B or "." blanks and
     * shows again, Esc leaves (or first shows a blanked screen), Ctrl+plus / minus / 0 the type.
     */
    boolean onKey(KeyEvent e) {
        if (!on) {
            return false;
        }
        KeyCode k = e.getCode();
        switch (k) {
            case PAGE_DOWN -> {
                if (!toPart(1)) {
                    view.player().stepForward();
                }
            }
            case PAGE_UP -> {
                if (!toPart(-1)) {
                    view.player().stepBack();
                }
            }
            case B, PERIOD -> blank(!blanked());
            case ESCAPE -> {
                if (blanked()) {
                    blank(false);
                } else {
                    leave();
                }
            }
            case PLUS, ADD, EQUALS -> {
                if (!e.isShortcutDown()) {
                    return false;
                }
                scaleBy(1);
            }
            case MINUS, SUBTRACT -> {
                if (!e.isShortcutDown()) {
                    return false;
                }
                scaleBy(-1);
            }
            case DIGIT0, NUMPAD0 -> {
                if (!e.isShortcutDown()) {
                    return false;
                }
                setScale(2);
            }
            default -> {
                return false;
            }
        }
        e.consume();
        return true;
    }

    /**
     * The part of the lesson PageDown ({@code way} 1) or PageUp (-1) opens from here in the room, or -1: the next part
     * at the end of the run (with no question open there: PageDown checks its answer first; a challenge's once no
     * thread can run), the previous one at the start. A teacher at lesson 16's end had to leave the room, open part
     * 2 in the lesson list and present again.
     */
    int partBeside(int way) {
        org.vmalab.lesson.Lesson l = view.lessonPane().lesson();
        org.vmalab.viewmodel.Player p = view.player();
        if (!on || l == null || p.busy() || p.scene() == null || p.playable() == null) {
            return -1;
        }
        int part = view.lessonPane().part();
        int to = part + way;
        if (!p.playable().id().equals(Lessons.key(l, part)) || to < 0 || to >= l.parts().size()) {
            return -1;
        }
        boolean there = way > 0 ? p.index() == p.size() && p.horizon() > p.index() && runDone(p) : p.index() == 0;
        return there ? to : -1;
    }

    /**
     * Is the run over at its end: always for a part played as written, and in a challenge (the learner schedules,
     * the run ends where they stopped: at its start it is empty) when no thread can take another step or the
     * challenge's steps are all taken.
     */
    private static boolean runDone(org.vmalab.viewmodel.Player p) {
        if (!p.learnerSchedules() || p.index() >= p.schedule().bound()) {
            return true;
        }
        for (int t = 0; t < p.trace().threadCount(); t++) {
            if (p.canRun(t)) {
                return false;
            }
        }
        return true;
    }

    /** Opens the part {@link #partBeside} names, the previous one at its end; false when there is none. */
    boolean toPart(int way) {
        int to = partBeside(way);
        if (to < 0) {
            return false;
        }
        view.player().pause();
        landAt = way < 0 ? Lessons.key(view.lessonPane().lesson(), to) : null;
        if (!view.openPart(to)) {
            landAt = null;
            return false;
        }
        fitTreeLater();
        return true;
    }

    /** The part opened by PageUp, to be shown at its end once it is run (null: none). */
    private String landAt;

    private void landIfAsked() {
        org.vmalab.viewmodel.Player p = view.player();
        if (landAt != null && !p.busy() && p.scene() != null && p.playable() != null
                && p.playable().id().equals(landAt)) {
            landAt = null;
            // no further than a question still open
            p.seek(Math.min(p.size(), p.horizon()));
        }
    }

    /** The way the part hint leads (1 next, -1 previous). */
    private int partHintWay;
    /** The part hint's words: with the part's title, and without it while the presenter bar leaves no room. */
    private String hintLong = "";
    private String hintShort = "";

    /** Shows the hint of the next part at a part's end, of the previous one at its start, else hides it. */
    private void updatePartHint() {
        int way = partBeside(1) >= 0 ? 1 : partBeside(-1) >= 0 ? -1 : 0;
        if (way == 0) {
            partHint.setVisible(false);
            return;
        }
        int to = partBeside(way);
        partHintWay = way;
        String title = view.lessonPane().lesson().parts().get(to).title();
        hintShort = way > 0 ? "PageDown: part " + (to + 1) + " ▸" : "◂ PageUp: part " + (to + 1);
        hintLong = way > 0 ? "PageDown: part " + (to + 1) + ", " + title + " ▸"
                : "◂ PageUp: back to part " + (to + 1) + ", " + title;
        partHint.setText(hintLong);
        partHint.setVisible(true);
        place();
    }

    /** The hint of the next or previous part (tests). */
    Button partHint() {
        return partHint;
    }

    private void onMouse(MouseEvent e) {
        if (!on) {
            return;
        }
        javafx.geometry.Point2D p = view.sceneToLocal(e.getSceneX(), e.getSceneY());
        pointer.relocate(p.getX() - POINTER / 2, p.getY() - POINTER / 2);
        pointer.setVisible(true);
        pointer.toFront();
        if (blank.isVisible()) {
            blank.toFront();
        }
        if (p.getY() > view.getHeight() - 90 || barZone().contains(p)) {
            showBar();
        }
    }

    private void showBar() {
        bar.setVisible(true);
        bar.toFront();
        if (blank.isVisible()) {
            blank.toFront();
        }
        place();
        barHide.playFromStart();
    }

    private void place() {
        if (!on) {
            return;
        }
        blank.resizeRelocate(0, 0, view.getWidth(), view.getHeight());
        bar.applyCss();
        bar.autosize();
        if (Math.abs(bar.getHeight() - barRoom) > 0.5) {
            // the tree keeps the bar's row free at its foot: fitted again to the room it leaves
            barRoom = bar.getHeight();
            view.tree().topRoomChanged();
        }
        Bounds t = treeBounds();
        if (t != null) {
            bar.relocate(Math.max(0, t.getMaxX() - bar.getWidth() - 8), Math.max(0, t.getMaxY() - 3 - bar.getHeight()));
        } else {
            bar.relocate(Math.max(0, view.getWidth() - bar.getWidth() - 16),
                    Math.max(0, view.getHeight() - 16 - bar.getHeight()));
        }
        placePartHint(t);
    }

    /**
     * The part hint in the row the tree keeps free at its foot, at its left (the bar is at its right); while the bar
     * shows and leaves no room for the part's title, without it (at 1280x720 the two did not fit side by side).
     */
    private void placePartHint(Bounds t) {
        if (!partHint.isVisible()) {
            return;
        }
        double x = t != null ? t.getMinX() + 8 : 16;
        for (String words : List.of(hintLong, hintShort)) {
            partHint.setText(words);
            partHint.applyCss();
            partHint.autosize();
            if (!bar.isVisible() || x + partHint.getWidth() + 8 <= bar.getLayoutX()) {
                break;
            }
        }
        double y = t != null ? t.getMaxY() - 3 - partHint.getHeight() : view.getHeight() - 16 - partHint.getHeight();
        partHint.relocate(x, Math.max(0, y));
    }

    /**
     * The tree's view in the window (view coordinates), whose foot the tree keeps free for the bar (where the legend
     * was): there the bar covers no node, no part of the address space under the tree (it covered the strip's right
     * end just above the threads) and no thread's current line (at the window's foot it covered their right ends).
     * Null when the tree is not on the screen.
     */
    private Bounds treeBounds() {
        Region tree = view.tree();
        if (tree.getScene() == null || !tree.isVisible() || tree.getHeight() <= bar.getHeight()) {
            return null;
        }
        return view.sceneToLocal(tree.localToScene(tree.getLayoutBounds()));
    }

    /** The bar's place and a margin round it: the pointer there shows the bar again. */
    private BoundingBox barZone() {
        return new BoundingBox(bar.getLayoutX() - 24, bar.getLayoutY() - 24, bar.getWidth() + 48,
                bar.getHeight() + 48);
    }

    /** The region the pointer highlight moves in (for tests). */
    Pane host() {
        return view;
    }
}
