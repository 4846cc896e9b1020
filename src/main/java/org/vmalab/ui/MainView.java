package org.vmalab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.StripLayout;

/**
 * The window's content: toolbar (protections, rwlock policy, scenario, theme), the caption of the step
 * above the tree, the tree and the address-space strip, the thread lanes, the locks, the checker, and the
 * timeline. Everything is drawn from {@link Player#scene()}; every control calls a {@link Player} command.
 */
final class MainView extends BorderPane {
    /** Themes: each is a stylesheet of colour tokens. */
    enum Theme {
        LIGHT("Light", "theme-light.css"), DARK("Dark", "theme-dark.css"),
        COLORBLIND("Colour-blind safe", "theme-colorblind.css"),
        HIGH_CONTRAST("High contrast", "theme-high-contrast.css");

        final String label;
        final String file;

        Theme(String label, String file) {
            this.label = label;
            this.file = file;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final double[] SPEEDS = {0.5, 1, 2, 4, 8, 16, 30};
    static final String BASE_CSS = "vmalab.css";

    private final Player player;
    private final Palette palette = new Palette();
    private final TreeCanvas tree = new TreeCanvas(palette);
    private final TreeLegend legend = new TreeLegend(palette);
    private final StripView strip = new StripView(palette);
    private final LocksPanel locks = new LocksPanel();
    private final CheckerPanel checker;
    private final ScrubBar scrub;
    /** The threads side by side: one column each, as many as fit (up to eight share the width), then scroll. */
    private final HBox lanesBox = new HBox(8);
    /** A hidden label with the window's base type, to size things in em. */
    private final Label fontProbe = new Label();
    private final ScrollPane lanesScroll = new ScrollPane();
    /** The most thread columns that share the width before the band scrolls. */
    static final int MAX_COLUMNS = 8;
    /** The narrowest column, in em of the window's type. */
    static final double MIN_COLUMN_EM = 13.5;
    /** Below this width (em) a column leaves out the current line's comment. */
    static final double NARROW_COLUMN_EM = 20;
    /** Below this width (em) a column's pseudo-C is set a size smaller, so that a long C word fits one row. */
    static final double TIGHT_COLUMN_EM = 16;
    private final List<ThreadLane> lanes = new ArrayList<>();
    private final Label caption = new Label();
    private final Label where = new Label();
    private final Label kind = new Label();
    private final Label stepLabel = new Label();
    /** The whole of where the step is (the room's caption shows the file without its directories). */
    private final Tooltip whereTip = new Tooltip();
    private final Label threadChip = new Label();
    /** The narration in force, as markdown, when no lesson pane shows it (a playable that is not a lesson). */
    private final javafx.scene.text.TextFlow narration = Markdown.flow("");
    private final ScrollPane narrationBox = new ScrollPane(narration);
    private final Label title = new Label();
    private final Label protectionLabel = new Label();
    private final Map<ProtectionToggle, ToggleButton> toggles = new EnumMap<>(ProtectionToggle.class);
    private final ToggleButton queued = new ToggleButton("queued");
    private final ToggleButton readerPref = new ToggleButton("reader-pref");
    private final ChoiceBox<Theme> theme = new ChoiceBox<>();
    private final Button playButton = new Button();
    private final Region playIcon = icon("icon-play");
    private final ComboBox<String> speed = new ComboBox<>();
    private final StatusBar status = new StatusBar();
    private final Label outcome = new Label();
    private final List<Node> busyDisabled = new ArrayList<>();
    private final LessonPane lessonPane;
    private final ToggleButton lessonToggle = new ToggleButton("Lesson");
    private final AppMenu menuBar;
    private final Classroom classroom;
    private SplitPane split;
    /** Locks and checker (and the step log), beside the tree. */
    private final VBox rightColumn = new VBox();
    private double rightDivider = 0.68;
    private org.vmalab.viewmodel.LessonLibrary library = org.vmalab.viewmodel.LessonLibrary.of(null, List.of());
    /** The lesson pane (when shown) beside everything else, over the whole height. */
    private SplitPane shell;
    private org.vmalab.viewmodel.Lessons.Progress progress = org.vmalab.viewmodel.Lessons.Progress.inMemory();
    private StepScene shownScene;
    private boolean syncing;
    private long lastTick;
    private final AnimationTimer ticker;

    MainView(Player player) {
        this.player = player;
        getStyleClass().add("app");
        checker = new CheckerPanel(player::seek, player::firstViolation);
        lessonPane = new LessonPane(player, this::openPart, this::browseLessons);
        scrub = new ScrubBar(palette, player::seek);
        menuBar = new AppMenu(this);
        // the menu bar is reached with F10 (or the mouse), never by the first focus of the window: at launch
        // nothing of it is highlighted, and the arrows step the run
        menuBar.setFocusTraversable(false);
        setTop(new VBox(toolbar(), captionBar()));
        setCenter(center());
        setBottom(new VBox(timeline(), statusBar()));
        getChildren().add(palette.node());
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().add(fontProbe);
        player.addListener(p -> refresh());
        player.setPrepare(s -> {
            TreeCanvas.prepare(s);
            strip.prepare(s.strip());
        });
        player.setAheadStart(this::startAheadWhenDrawn);
        ticker = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!player.playing()) {
                    lastTick = 0;
                    return;
                }
                double period = 1e9 / player.speed();
                if (lastTick == 0 || now - lastTick >= period) {
                    lastTick = now;
                    player.tick();
                }
            }
        };
        // the clock runs while the view is in a window on the screen: started for good, it was held by the
        // toolkit's timer, and with it the whole view, for the life of the JVM (an off-screen view of render or
        // of an export too: 17 MB each at 1600x1000)
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((o, was, now) -> {
            if (now) {
                ticker.start();
            } else {
                ticker.stop();
            }
        });
        if (showing.getValue()) {
            ticker.start();
        }
        classroom = new Classroom(this);
        // on the scene, so that the keys work whatever has the focus (or nothing)
        sceneProperty().addListener((o, a, n) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (n != null) {
                n.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                // the theme's tokens from the start: a window shown (styled) before its theme is chosen would
                // otherwise fail every lookup of a -vl- token once
                String base = MainView.class.getResource(BASE_CSS).toExternalForm();
                if (!n.getStylesheets().contains(base)) {
                    applyTheme(theme() != null ? theme() : Theme.LIGHT);
                }
                javafx.application.Platform.runLater(this::requestFocus);
            }
        });
    }

    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;

    Player player() {
        return player;
    }

    /** The address-space strip (presentation mode scales it with the room's type; tests). */
    StripView strip() {
        return strip;
    }

    TreeCanvas tree() {
        return tree;
    }

    CheckerPanel checker() {
        return checker;
    }

    List<ThreadLane> lanes() {
        return lanes;
    }

    Map<ProtectionToggle, ToggleButton> toggleButtons() {
        return toggles;
    }

    Label captionLabel() {
        return caption;
    }

    Palette palette() {
        return palette;
    }

    AppMenu menuBar() {
        return menuBar;
    }

    /** Presentation mode, import, the overview and Find, the step log, keyboard access (issue 7). */
    Classroom classroom() {
        return classroom;
    }

    private java.util.function.Consumer<Theme> onThemeChosen;

    /** Told the theme each time the user chooses one (the window remembers it). */
    void setOnThemeChosen(java.util.function.Consumer<Theme> c) {
        onThemeChosen = c;
    }

    /** The theme chosen. */
    Theme theme() {
        return theme.getValue();
    }

    // ================================================================ building

    private Node toolbar() {
        Label app = new Label("VMA Lab");
        app.getStyleClass().add("app-name");
        title.getStyleClass().add("scenario-title");
        // the title gives way first (cut with an ellipsis, the full title in the window's title bar); the
        // buttons keep their words
        title.setMinWidth(0);
        app.setMinWidth(Region.USE_PREF_SIZE);
        Label prot = new Label("Protections:");
        prot.getStyleClass().add("toolbar-label");
        HBox toggleBox = new HBox(4);
        for (ProtectionToggle t : ProtectionToggle.values()) {
            ToggleButton b = new ToggleButton(shortName(t));
            b.setMnemonicParsing(false);
            b.getStyleClass().add("protection-toggle");
            b.setId("toggle-" + t.name());
            b.setTooltip(new Tooltip(t.name() + ": " + t.description() + "\n(off = the patch as written)"));
            b.setFocusTraversable(false);
            b.selectedProperty().addListener((o, a, on) -> {
                if (!syncing) {
                    player.toggle(t, on);
                }
            });
            toggles.put(t, b);
            toggleBox.getChildren().add(b);
            busyDisabled.add(b);
        }
        protectionLabel.getStyleClass().add("protection-label");
        SegmentedButton policy = new SegmentedButton(queued, readerPref);
        policy.getStyleClass().add("policy");
        queued.setTooltip(new Tooltip("mm_rb_lock as a queued rwlock (x86 qrwlock): a waiting writer makes new "
                + "readers queue; the writer's wait is bounded"));
        readerPref.setTooltip(new Tooltip("mm_rb_lock as a reader-preferring rwlock (powerpc v4.15): a writer "
                + "spins for as long as any reader is inside"));
        queued.setFocusTraversable(false);
        readerPref.setFocusTraversable(false);
        queued.selectedProperty().addListener((o, a, on) -> {
            if (!syncing && on) {
                player.setPolicy(RwlockPolicy.QUEUED);
            }
        });
        readerPref.selectedProperty().addListener((o, a, on) -> {
            if (!syncing && on) {
                player.setPolicy(RwlockPolicy.READER_PREF);
            }
        });
        busyDisabled.add(policy);
        Button edit = new Button("Edit scenario…");
        edit.setId("edit-scenario");
        edit.setTooltip(new Tooltip("Edit the initial layout, the threads' programs and the run settings (E)"));
        edit.setOnAction(e -> editScenario());
        edit.setFocusTraversable(false);
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setTooltip(new Tooltip("Back to the scenario as loaded, its own schedule, step 0 (R)"));
        reset.setOnAction(e -> player.reset());
        reset.setFocusTraversable(false);
        busyDisabled.add(edit);
        busyDisabled.add(reset);
        theme.getItems().setAll(Theme.values());
        theme.setTooltip(new Tooltip("Light, dark, or a palette safe for colour-blind viewers"));
        theme.setFocusTraversable(false);
        theme.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            applyTheme(t);
            // remembered when the user chose it (presentation mode's high contrast is not a choice to keep)
            if (t != null && onThemeChosen != null && (classroom == null || !classroom.presentation().on())) {
                onThemeChosen.accept(t);
            }
        });
        Button help = new Button("Keys");
        help.setTooltip(new Tooltip("Keyboard shortcuts (? or F1)"));
        help.setOnAction(e -> showKeys());
        help.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        lessonToggle.setId("lesson-toggle");
        lessonToggle.setTooltip(new Tooltip("Show or hide the lesson: narration and checkpoints (L opens the "
                + "lesson browser)"));
        lessonToggle.setFocusTraversable(false);
        lessonToggle.setDisable(true);
        lessonToggle.selectedProperty().addListener((o, a, on) -> showLessonPane(on));
        Button lessons = new Button("Lessons…");
        lessons.setId("lessons");
        lessons.setTooltip(new Tooltip("Choose a lesson (L)"));
        lessons.setOnAction(e -> browseLessons());
        lessons.setFocusTraversable(false);
        busyDisabled.add(lessons);
        Label policyLabel = new Label("mm_rb_lock policy:");
        policyLabel.getStyleClass().add("toolbar-label");
        // an HBox, not a ToolBar: nothing moves into an overflow menu, at any width or type size; the rwlock
        // policy sits here so that the protections keep a row of their own
        // the menus share the first row with the toolbar: a row of the window's height goes to the tree and threads
        menuBar.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = toolbarRow;
        bar.getChildren().setAll(menuBar, app, title, spacer, policyLabel, policy,
                new Separator(Orientation.VERTICAL), lessons, lessonToggle,
                new Separator(Orientation.VERTICAL), edit, reset,
                new Separator(Orientation.VERTICAL), theme, help);
        bar.setSpacing(8);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("main-toolbar");
        for (Node n : List.of(policyLabel, policy, lessons, lessonToggle, edit, reset, theme, help)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        // the protections wrap to a second row rather than cut a toggle's words
        prot.setMinWidth(Region.USE_PREF_SIZE);
        protectionLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (ToggleButton b : toggles.values()) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane protBar = new javafx.scene.layout.FlowPane(8, 4, prot, toggleBox, protectionLabel);
        protBar.setAlignment(Pos.CENTER_LEFT);
        protBar.getStyleClass().add("protection-bar");
        toggleBox.setMinWidth(Region.USE_PREF_SIZE);
        toolbarBox.getChildren().setAll(bar, protBar);
        return toolbarBox;
    }

    /** The toolbar's first row (with the menus when the window is wide enough) and the rows under it. */
    private final HBox toolbarRow = new HBox();
    private final VBox toolbarBox = new VBox();

    @Override
    protected void layoutChildren() {
        placeMenus();
        super.layoutChildren();
    }

    /**
     * The menus share the toolbar's first row when everything in it fits at its least width, and go to a row of their
     * own above it when the window is narrower (the toolbar never overflows).
     */
    private void placeMenus() {
        double need = toolbarRow.getInsets().getLeft() + toolbarRow.getInsets().getRight()
                + menuBar.prefWidth(-1);
        for (Node n : toolbarRow.getChildren()) {
            if (n != menuBar && n.isManaged()) {
                need += n.minWidth(-1) + toolbarRow.getSpacing();
            }
        }
        boolean inRow = toolbarRow.getChildren().contains(menuBar);
        if (inRow && getWidth() > 0 && getWidth() < need) {
            toolbarRow.getChildren().remove(menuBar);
            toolbarBox.getChildren().add(0, menuBar);
        } else if (!inRow && getWidth() >= need) {
            toolbarBox.getChildren().remove(menuBar);
            toolbarRow.getChildren().add(0, menuBar);
        }
    }

    static String shortName(ProtectionToggle t) {
        return switch (t) {
            case NO_LOCK -> "no mm_rb_lock";
            case NO_REFCOUNT -> "no refcount";
            case NO_EMPTY_CHECK -> "no empty check";
            case CLEAR_BEFORE_ERASE -> "clear before erase";
            case SPF_USES_VMACACHE -> "SPF uses vmacache";
            case RWSEM_WRITER_STEAL -> "writer steals mmap_sem";
            case RELAXED_STORES -> "store buffers";
            case NO_RELEASE -> "no release at erase unlock";
            case PRE_PATCH -> "pre-patch";
        };
    }

    private Node captionBar() {
        threadChip.getStyleClass().add("thread-chip");
        caption.getStyleClass().add("caption");
        caption.setId("caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        stepLabel.getStyleClass().add("step-label");
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        where.getStyleClass().add("where");
        kind.getStyleClass().add("kind-tag");
        where.setWrapText(true);
        where.setTooltip(whereTip);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        threadChip.setMinWidth(Region.USE_PREF_SIZE);
        // one row: the caption, then where the step is in the kernel (on two rows, at most about a third of the row,
        // wrapped or cut with an ellipsis when longer: the whole of it is in its tooltip), the step's kind and its
        // number
        HBox row1 = new HBox(10, threadChip, caption, where, kind, stepLabel);
        row1.setAlignment(Pos.CENTER_LEFT);
        where.maxWidthProperty().bind(row1.widthProperty().multiply(0.3));
        where.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(where.prefWidth(-1), row1.getWidth() * 0.3), row1.widthProperty(), where.textProperty(),
                where.fontProperty()));
        narration.getStyleClass().add("narration");
        narration.setId("narration-band");
        narrationBox.getStyleClass().add("narration-band");
        narrationBox.setFitToWidth(true);
        narrationBox.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        narrationBox.setFocusTraversable(false);
        narrationBox.setManaged(false);
        narrationBox.setVisible(false);
        VBox box = new VBox(4, row1, narrationBox);
        box.getStyleClass().add("caption-bar");
        return box;
    }

    private Node center() {
        StackPane treeStack = new StackPane(tree, treeControls(), legend);
        treeStack.getStyleClass().add("tree-stack");
        legend.attach(tree);
        Label stripTitle = new Label("Address space");
        stripTitle.getStyleClass().add("panel-title");
        ToggleButton lin = new ToggleButton("linear");
        ToggleButton log = new ToggleButton("log");
        stripScale.getButtons().setAll(lin, log);
        lin.setTooltip(new Tooltip("True addresses, 0 to TASK_SIZE: small VMAs become slivers"));
        log.setTooltip(new Tooltip("Each VMA and gap gets a width that grows with the log of its size"));
        SegmentedButton scale = stripScale;
        scale.getStyleClass().add("small-segmented");
        log.setSelected(true);
        lin.setFocusTraversable(false);
        log.setFocusTraversable(false);
        lin.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                strip.setScale(StripLayout.Scale.LINEAR);
            }
        });
        log.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                strip.setScale(StripLayout.Scale.LOG);
            }
        });
        // the heading beside the strip, not above it: the strip is one bar with its labels (folded) when the window
        // is short, so that the tree keeps the height for its numbers
        Tooltip.install(stripTitle, new Tooltip("VMAs and gaps in address order · ▲ markers · pins: each thread's "
                + "target address"));
        stripTitle.setMinWidth(Region.USE_PREF_SIZE);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        VBox stripHead = new VBox(4, stripTitle, scale);
        stripHead.setAlignment(Pos.TOP_LEFT);
        stripHead.getStyleClass().add("panel-head");
        stripHead.setMinWidth(Region.USE_PREF_SIZE);
        HBox stripBox = new HBox(8, stripHead, strip);
        HBox.setHgrow(strip, Priority.ALWAYS);
        stripBox.getStyleClass().addAll("panel", "strip-panel");
        stripBox.setMinHeight(Region.USE_PREF_SIZE);
        stripBox.setMaxHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(treeStack, stripBox);
        VBox.setVgrow(treeStack, Priority.ALWAYS);
        treeStack.setMinHeight(0);
        left.getStyleClass().add("left-column");

        lanesBox.getStyleClass().add("lanes");
        lanesBox.setFillHeight(true);
        lanesScroll.setContent(lanesBox);
        lanesScroll.setFitToHeight(true);
        lanesScroll.getStyleClass().add("lanes-scroll");
        lanesScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        lanesScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        lanesScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            sizeColumns();
            if (a == null || a.getWidth() != b.getWidth()) {
                javafx.application.Platform.runLater(() -> revealLanes(lastWanted));
            }
        });
        // no heading row: every column says which thread it is, and the band's tooltip how to choose one
        Tooltip.install(lanesScroll, new Tooltip("The threads side by side. Click a runnable thread, or press its "
                + "number, to run it next; Shift+click or Shift+number runs it until it blocks."));
        lanesPanel.getChildren().setAll(lanesScroll);
        VBox.setVgrow(lanesScroll, Priority.ALWAYS);
        lanesPanel.getStyleClass().addAll("panel", "lanes-panel");
        lanesPanel.setMinHeight(0);
        VBox right = rightColumn;
        // the locks keep the height of their words; the checker's list (and the step log) take what is left
        right.getChildren().setAll(locks, checker);
        locks.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(checker, Priority.ALWAYS);
        checker.setMinHeight(0);
        right.getStyleClass().add("right-column");
        split = new SplitPane(left, right);
        split.setDividerPositions(0.68);
        split.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(right, false);
        // the threads band under the tree and the side panels, across the whole width; it keeps its height when
        // the window is resized (the tree takes the difference)
        SplitPane outer = new SplitPane(split, lanesPanel) {
            private double sizedFor = -1;
            private double sizedForEm = -1;
            private double sizedForCap = -1;

            @Override
            protected void layoutChildren() {
                // the band's height follows the window's (in the same layout pass) until the user drags it
                double h = getHeight();
                double em = fontSize();
                if (bandStale) {
                    bandStale = false;
                    sizedFor = -1;
                }
                // in the room, on a short screen or in large type, the columns are brief and the band only as high
                // as they need: the tree gets the rest, its words at the room's size
                // (once brief, the smaller caption gives the centre more height: it stays brief for 4 em more, so
                // that the two layouts do not take turns)
                boolean brief = roomArranged && h > 0 && h < (ROOM_BRIEF_EM + (lanesBrief ? 4 : 0)) * em;
                if (brief != lanesBrief) {
                    setLanesBrief(brief);
                    sizedFor = -1;
                }
                MainView.this.pseudoClassStateChanged(ROOM_LARGE, brief && em >= 2 * Presentation.BASE_FONT - 0.5);
                if (brief && !bandSizedByUser && !getDividers().isEmpty()) {
                    double floor = Math.min(h * ROOM_BAND_SHARE, lanesFloor());
                    if (floor > 0 && Math.abs(h * (1 - getDividerPositions()[0]) - floor) > 0.5) {
                        setDividerPositions(1 - floor / h);
                    }
                    sizedFor = h;
                    sizedForEm = em;
                }
                // in the room before the first step, no higher than its columns want: they have no code yet, and
                // the band, two thirds empty, took the tree's room (later it keeps its height from step to step)
                double cap = roomArranged && shownScene != null && shownScene.index() == 0 ? lanesWant()
                        : Double.MAX_VALUE;
                if (!bandSizedByUser && h > 0 && (Math.abs(h - sizedFor) > 0.5 || em != sizedForEm
                        || Math.abs(cap - sizedForCap) > 0.5)) {
                    sizedFor = h;
                    sizedForEm = em;
                    sizedForCap = cap;
                    setDividerPositions(1 - Math.min(bandHeight(h, em), cap) / h);
                }
                if (!bandSizedByUser && h > 0 && !getDividers().isEmpty()) {
                    // never below what its columns need to show themselves whole (they do not scroll up and down)
                    // (in the room, up to half the height: a column cut by the window's edge is no use to anyone)
                    double floor = Math.min(h * (roomArranged ? ROOM_BAND_SHARE : FLOOR_SHARE), lanesFloor());
                    if (h * (1 - getDividerPositions()[0]) < floor - 0.5) {
                        setDividerPositions(1 - floor / h);
                    }
                }
                double band = getDividers().isEmpty() ? 0 : h * (1 - getDividerPositions()[0]);
                strip.setCompact(h - band < FOLD_STRIP_BELOW);
                super.layoutChildren();
            }
        };
        centerSplit = outer;
        outer.setOrientation(Orientation.VERTICAL);
        outer.getStyleClass().add("center-split");
        // the band's height is set above on every resize; a band the split pane would keep at its old height
        // (not resizable with its parent) took the tree's room when the window shrank or the lanes grew. Once the
        // user drags the divider, the band keeps the height they chose
        outer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")
                    && n.getParent() == outer) {
                bandSizedByUser = true;
                SplitPane.setResizableWithParent(lanesPanel, false);
            }
        });
        shell = new SplitPane(outer) {
            private double sharedFor = -1;

            @Override
            protected void layoutChildren() {
                if (roomArranged) {
                    // the room's type or the window changed: the locks go under the lesson or beside the tree again
                    placeRoom();
                }
                super.layoutChildren();
                if (!roomArranged && !lessonSizedByUser && getItems().contains(lessonPane)
                        && Math.abs(getWidth() - sharedFor) > 0.5) {
                    // the Lesson pane keeps its share of a window that changes size until the user drags its
                    // divider (it kept its width: a window enlarged after opening cut the part titles with '…');
                    // after the split pane's own pass, which keeps the pane's width
                    sharedFor = getWidth();
                    setDividerPositions(LESSON_SHARE);
                    super.layoutChildren();
                }
            }
        };
        shell.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")
                    && n.getParent() == shell) {
                lessonSizedByUser = true;
            }
        });
        shell.getStyleClass().add("shell-split");
        return shell;
    }

    private boolean bandSizedByUser;
    /** The user dragged the Lesson pane's divider: the pane keeps the width they chose. */
    private boolean lessonSizedByUser;
    /** The band was put back: its height is to be chosen again. */
    private boolean bandStale;
    /** The tree and the side panes over the threads band. */
    private SplitPane centerSplit;
    private final VBox lanesPanel = new VBox();
    /** The lesson pane's share of the window's width when it opens. */
    static final double LESSON_SHARE = 0.21;

    /**
     * The threads band's height for a centre of {@code centerHeight} at a type of {@code em} px: the height of a
     * column with about twelve lines of pseudo-C (a few of them wrapped), but never more than {@link #BAND_SHARE} of
     * the centre, so that the tree keeps the room for its numbers.
     */
    static double bandHeight(double centerHeight, double em) {
        // on a short window the band gives way first (its columns show fewer lines around the current one), so
        // that the tree and the address space keep TREE_KEEP_EM of height, down to a band of BAND_LEAST_SHARE
        double keep = Math.max(centerHeight * BAND_LEAST_SHARE, centerHeight - TREE_KEEP_EM * em);
        return Math.min(Math.min(BAND_LINES_EM * em, centerHeight * BAND_SHARE), keep);
    }

    /**
     * The least height of the band whose columns are all whole: the tallest column's least height and the band's frame.
     */
    private double lanesFloor() {
        double need = 0;
        for (Node n : lanesBox.getChildren()) {
            if (n instanceof ThreadLane l && l.getWidth() > 0) {
                // the column's head and the current line with its comment: the listing around it may go
                double w = l.getWidth();
                need = Math.max(need, Math.max(l.minHeight(w), l.leastHeight(w) + 4));
            } else if (n instanceof Region r) {
                need = Math.max(need, r.minHeight(r.getWidth() > 0 ? r.getWidth() : -1));
            }
        }
        return need <= 0 ? 0 : need + lanesFrame();
    }

    /** The height of the band whose columns all have the height they want (0 before they are laid out). */
    private double lanesWant() {
        double want = 0;
        for (Node n : lanesBox.getChildren()) {
            if (n instanceof Region r && r.getWidth() > 0) {
                want = Math.max(want, r.prefHeight(r.getWidth()));
            }
        }
        return want <= 0 ? Double.MAX_VALUE : want + lanesFrame();
    }

    /** The band's frame round its columns: its insets and the sideways scroll bar when the columns do not fit. */
    private double lanesFrame() {
        javafx.geometry.Insets in = lanesPanel.getInsets();
        javafx.geometry.Insets box = lanesBox.getInsets();
        javafx.geometry.Insets sp = lanesScroll.getInsets();
        // room for the sideways scroll bar when the columns do not fit (larger in the room's type)
        return in.getTop() + in.getBottom() + box.getTop() + box.getBottom() + sp.getTop() + sp.getBottom()
                + (columnsFit() ? 0 : hbarHeight());
    }

    /** The height of the band's sideways scroll bar (at least 18 px). */
    private double hbarHeight() {
        double h = 18;
        for (Node n : lanesScroll.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL) {
                h = Math.max(h, b.prefHeight(-1));
            }
        }
        return h;
    }

    /** The height (em) the tree and the address space keep before the band takes any on a short window. */
    static final double TREE_KEEP_EM = 27.8;
    /** The least of the centre's height the band keeps however short the window. */
    static final double BAND_LEAST_SHARE = 0.25;

    /** The band's height in em: a column's head, operation, locks and function line, and twelve lines of code. */
    static final double BAND_LINES_EM = 23;
    /** The most of the centre's height the band takes. */
    static final double BAND_SHARE = 0.40;
    /** The most of the centre's height the band takes in presentation mode to show its columns whole. */
    static final double ROOM_BAND_SHARE = 0.5;
    /**
     * Below this height (em of the room's type) of the tree, the address space and the band, the room's columns are
     * brief ({@link ThreadLane#setBrief}) and the band only as high as they need (1280x720 at 150 %, 1920x1080 at
     * 200 %).
     */
    static final double ROOM_BRIEF_EM = 40;
    /** Are the columns brief (a short band in the room)? */
    private boolean lanesBrief;

    private void setLanesBrief(boolean on) {
        lanesBrief = on;
        for (ThreadLane l : lanes) {
            l.setBrief(on);
        }
        pseudoClassStateChanged(ROOM_SHORT, on);
        if (!on) {
            pseudoClassStateChanged(ROOM_LARGE, false);
        }
        sizeColumns();
        roomWidths();
    }

    /** The type of the side panes and the threads in a short room, as a share of the room's (classroom.css). */
    static final double ROOM_SHORT_TYPE = 0.8;
    /** A brief column's least width, in em of its type. */
    static final double ROOM_BRIEF_COLUMN_EM = 10;

    /** The room's type (px) of the side panes: the presentation's, smaller in a short room. */
    private double roomSideEm() {
        return classroom.presentation().scale() * Presentation.BASE_FONT * (lanesBrief ? ROOM_SHORT_TYPE : 1);
    }

    /** The room is short of height: the caption's type a little smaller (classroom.css). */
    private static final javafx.css.PseudoClass ROOM_SHORT = javafx.css.PseudoClass.getPseudoClass("room-short");
    /** A short room in large type (200 % and more): the brief columns' code smaller still (classroom.css). */
    private static final javafx.css.PseudoClass ROOM_LARGE = javafx.css.PseudoClass.getPseudoClass("room-large");
    /** The most of the centre's height the band takes to show every column's head and current line whole. */
    static final double FLOOR_SHARE = 0.43;
    /** Below this height (px) of the tree and the address space together, the address space folds to one bar. */
    static final double FOLD_STRIP_BELOW = 660;

    /** Each column gets an equal share of the width, up to {@link #MAX_COLUMNS}, never below its minimum. */
    private void sizeColumns() {
        double w = lanesScroll.getViewportBounds().getWidth();
        int n = lanes.size();
        if (w <= 0 || n == 0) {
            return;
        }
        double gap = lanesBox.getSpacing();
        javafx.geometry.Insets in = lanesBox.getInsets();
        double avail = w - in.getLeft() - in.getRight();
        // brief columns (a short room) are set in smaller type and may be narrower
        double em = fontSize() * (lanesBrief ? ROOM_SHORT_TYPE : 1);
        double min = (lanesBrief ? ROOM_BRIEF_COLUMN_EM : MIN_COLUMN_EM) * em;
        int k = Math.min(n, MAX_COLUMNS);
        double col = Math.max(min, Math.floor((avail - gap * (k - 1)) / k) - 1);
        for (ThreadLane l : lanes) {
            l.setMinWidth(col);
            l.setPrefWidth(col);
            l.setMaxWidth(col);
            l.code().setCompact(col < NARROW_COLUMN_EM * em);
            l.code().setTight(col < TIGHT_COLUMN_EM * em);
        }
    }

    /**
     * Do the columns, at the widths {@link #sizeColumns} gave them, fit the band's width (the last one laid out)?
     * Then nothing needs scrolling, and a step need not lay the band out to find that out. False when not known.
     */
    private boolean columnsFit() {
        double view = lanesScroll.getViewportBounds().getWidth();
        if (view <= 0 || lanes.isEmpty() || lanesBox.getChildren().size() != lanes.size()) {
            return false;
        }
        javafx.geometry.Insets in = lanesBox.getInsets();
        double content = in.getLeft() + in.getRight() + lanesBox.getSpacing() * (lanes.size() - 1);
        for (ThreadLane l : lanes) {
            double w = l.getPrefWidth();
            if (w < 0 || l.getMinWidth() != w || l.getMaxWidth() != w) {
                return false;
            }
            content += w;
        }
        return content <= view + 0.5;
    }

    /** The window's base type size (larger in presentation mode), read from a hidden label. */
    double fontSize() {
        return fontProbe.getFont() == null ? 13 : fontProbe.getFont().getSize();
    }

    private Node treeControls() {
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Fit the tree into the view (F, or double-click the tree)"));
        fit.setOnAction(e -> tree.fit());
        Button minus = new Button("−");
        minus.setTooltip(new Tooltip("Zoom out (-, or the mouse wheel)"));
        minus.setOnAction(e -> tree.zoomBy(1 / 1.25));
        Button plus = new Button("+");
        plus.setTooltip(new Tooltip("Zoom in (+, or the mouse wheel)"));
        plus.setOnAction(e -> tree.zoomBy(1.25));
        ToggleButton follow = new ToggleButton("Follow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the node the step is about in view"));
        follow.selectedProperty().addListener((o, a, on) -> tree.setFollow(on));
        for (Node n : List.of(fit, minus, plus, follow)) {
            n.setFocusTraversable(false);
            n.getStyleClass().add("small-button");
        }
        HBox box = new HBox(4, fit, minus, plus, follow);
        box.getStyleClass().add("tree-controls");
        box.setPickOnBounds(false);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_RIGHT);
        return box;
    }

    /** The tree's legend (an entry for every mark the tree draws). */
    TreeLegend legend() {
        return legend;
    }

    private Node timeline() {
        Button first = navButton("icon-first", "Start: the initial state (Home)", player::home);
        Button opBack = navButton("icon-prev-op", "Back one whole operation (Shift+←)", player::operationBack);
        Button back = navButton("icon-back", "Back one step (←)", player::stepBack);
        playButton.setGraphic(playIcon);
        playButton.getStyleClass().addAll("nav-button", "play-button");
        playButton.setId("play");
        playButton.setTooltip(new Tooltip("Play / pause (Space)"));
        playButton.setOnAction(e -> player.togglePlay());
        playButton.setFocusTraversable(false);
        Button fwd = navButton("icon-fwd", "Forward one step (→)", player::stepForward);
        fwd.setId("step-forward");
        back.setId("step-back");
        Button opFwd = navButton("icon-next-op", "Forward one whole operation (Shift+→)", player::operationForward);
        Button last = navButton("icon-last", "End of the run (End)", player::end);
        Button viol = new Button("⚠ first violation");
        viol.getStyleClass().add("violation-button");
        viol.setId("first-violation");
        viol.setTooltip(new Tooltip("Jump to the first step that breaks an invariant (V)"));
        viol.setOnAction(e -> player.firstViolation());
        viol.setFocusTraversable(false);
        for (double s : SPEEDS) {
            speed.getItems().add(speedText(s));
        }
        speed.setValue(speedText(player.speed()));
        speed.setTooltip(new Tooltip("Playback speed, in steps per second"));
        speed.setFocusTraversable(false);
        speed.valueProperty().addListener((o, a, v) -> {
            if (v != null && !syncing) {
                player.setSpeed(Double.parseDouble(v.split(" ")[0]));
            }
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, first, opBack, back, playButton, fwd, opFwd, last, scrub, speed, viol);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("timeline");
        return bar;
    }

    static String speedText(double s) {
        return (s == Math.rint(s) ? Integer.toString((int) s) : Double.toString(s)) + (s == 1 ? " step/s" : " steps/s");
    }

    private Button navButton(String iconClass, String tip, Runnable action) {
        Button b = new Button();
        b.setGraphic(icon(iconClass));
        b.getStyleClass().add("nav-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Region icon(String cls) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", cls);
        return r;
    }

    private Node statusBar() {
        status.setText("");
        status.getStyleClass().add("status");
        outcome.getStyleClass().add("outcome");
        status.getRightItems().add(outcome);
        return status;
    }

    // ================================================================ lessons

    /** The lessons the browser offers, where they came from, and where "done" is remembered. */
    void setLessons(java.nio.file.Path dir, List<org.vmalab.viewmodel.Lessons.Entry> entries,
                    org.vmalab.viewmodel.Lessons.Progress p) {
        setLessons(org.vmalab.viewmodel.LessonLibrary.of(dir, entries), p);
    }

    /** The lessons the browser offers (built in, and the user's folders), and where "done" is remembered. */
    void setLessons(org.vmalab.viewmodel.LessonLibrary lib, org.vmalab.viewmodel.Lessons.Progress p) {
        library = lib;
        progress = p;
        lessonPane.setProgress(p);
    }

    org.vmalab.viewmodel.LessonLibrary library() {
        return library;
    }

    /** Plays part {@code part} (0-based) of lesson {@code l}, with its narration beside the tree. */
    void openLesson(org.vmalab.lesson.Lesson l, int part) {
        lessonPane.showLesson(l, part);
        lessonToggle.setDisable(false);
        if (lessonToggle.isSelected()) {
            showLessonPane(true);
        } else {
            lessonToggle.setSelected(true);
        }
        player.load(org.vmalab.viewmodel.Lessons.playable(l, part));
    }

    /** Opens part {@code part} of the lesson the lesson pane shows; false when there is no such part or a run is on. */
    boolean openPart(int part) {
        org.vmalab.lesson.Lesson l = lessonPane.lesson();
        if (l != null && part >= 0 && part < l.parts().size() && !player.busy()) {
            openLesson(l, part);
            return true;
        }
        return false;
    }

    private void browseLessons() {
        if (player.busy()) {
            return;
        }
        player.pause();
        String current = lessonPane.lesson() == null ? null : lessonPane.lesson().id();
        LessonBrowser b = new LessonBrowser(getScene() == null ? null : getScene().getWindow(), library, progress,
                current);
        b.choose().ifPresent(l -> openLesson(l, 0));
    }

    /** Is the player playing the lesson the lesson pane shows? */
    private boolean lessonActive() {
        org.vmalab.lesson.Lesson l = lessonPane.lesson();
        return l != null && player.playable() != null
                && player.playable().id().equals(org.vmalab.viewmodel.Lessons.key(l, lessonPane.part()));
    }

    private void showLessonPane(boolean on) {
        if (shell == null) {
            return;
        }
        if (roomArranged) {
            arrangeRoom();
            if (shownScene != null) {
                showCaption(shownScene);
            }
            if (on && lessonActive()) {
                lessonPane.update(player);
            }
            return;
        }
        boolean shown = shell.getItems().contains(lessonPane);
        if (on && !shown) {
            shell.getItems().add(0, lessonPane);
            SplitPane.setResizableWithParent(lessonPane, false);
            shell.setDividerPositions(LESSON_SHARE);
        } else if (!on && shown) {
            shell.getItems().remove(lessonPane);
        }
        if (shownScene != null) {
            showCaption(shownScene);
        }
        if (on && lessonActive()) {
            lessonPane.update(player);
        }
    }

    LessonPane lessonPane() {
        return lessonPane;
    }

    /** Gives the lesson pane this share of the window's width (as dragging its divider would). */
    void setLessonShare(double f) {
        if (shell != null && shell.getItems().contains(lessonPane)) {
            shell.setDividerPositions(f);
        }
    }

    // ================================================================ themes

    void applyTheme(Theme t) {
        javafx.scene.Scene sc = getScene();
        if (sc == null || t == null) {
            return;
        }
        String base = MainView.class.getResource(BASE_CSS).toExternalForm();
        String tokens = MainView.class.getResource(t.file).toExternalForm();
        sc.getStylesheets().setAll(tokens, base);
        palette.refresh();
        tree.repaint();
        legend.repaint();
        strip.repaint();
        scrub.repaint();
    }

    void selectTheme(Theme t) {
        theme.getSelectionModel().select(t);
    }

    // ================================================================ keyboard

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || classroom.onKey(e)) {
            return;
        }
        KeyCode k = e.getCode();
        boolean shift = e.isShiftDown();
        boolean handled = true;
        switch (k) {
            case SPACE -> player.togglePlay();
            case LEFT -> {
                if (shift) {
                    player.operationBack();
                } else {
                    player.stepBack();
                }
            }
            case RIGHT -> {
                if (shift) {
                    player.operationForward();
                } else {
                    player.stepForward();
                }
            }
            case HOME -> player.home();
            case END -> player.end();
            case F11 -> {
                if (getScene() != null && getScene().getWindow() instanceof Stage st) {
                    st.setFullScreen(!st.isFullScreen());
                }
            }
            case V -> player.firstViolation();
            // help's key in most programs: the keys card, as ? opens it
            case F1 -> showKeys();
            case BACK_SPACE -> player.undo();
            case F -> tree.fit();
            case R -> {
                if (!e.isShortcutDown()) {
                    player.reset();
                }
            }
            case E -> editScenario();
            case L -> browseLessons();
            case PLUS, ADD, EQUALS -> tree.zoomBy(1.25);
            case MINUS, SUBTRACT -> tree.zoomBy(1 / 1.25);
            default -> {
                int d = digit(k);
                if (d >= 1 && d <= 9) {
                    if (shift) {
                        chooseUntilBlocked(d - 1);
                    } else {
                        choose(d - 1);
                    }
                } else if (k == KeyCode.SLASH && shift) {
                    showKeys();
                } else {
                    handled = false;
                }
            }
        }
        if (handled) {
            e.consume();
        }
    }

    static int digit(KeyCode k) {
        return switch (k) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            case DIGIT7, NUMPAD7 -> 7;
            case DIGIT8, NUMPAD8 -> 8;
            case DIGIT9, NUMPAD9 -> 9;
            default -> -1;
        };
    }

    private void showKeys() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.setTitle("Keyboard");
        a.setHeaderText("Keyboard shortcuts");
        Label l = new Label(String.join("\n",
                "? (or F1)       this card (Esc closes it)",
                "Space           play / pause",
                "← / →           one step back / forward",
                "Shift+← / →     one whole operation back / forward",
                "Home / End      the initial state / the end of the run",
                "1 … 9           be the scheduler: that thread takes the next step",
                "Shift+1 … 9     that thread runs until it blocks or finishes",
                "Backspace       in a challenge: take the last step back",
                "V               the first violation",
                "F, + / −        fit the tree, zoom in / out (drag to pan)",
                "E               edit the scenario",
                "L               choose a lesson",
                "R               reset",
                "F11             full screen",
                "P (or F5)       presentation mode; there: PageDown / PageUp step (at a part's end / start: the",
                "                next / previous part), B blanks, Ctrl+± type size, Esc leaves",
                "O               overview of a large tree (summaries); ↑ ↓ Enter in the tree select and open",
                "Ctrl+F          find an address in the tree",
                "Ctrl+L          the step log (a text log to read or copy)",
                "Ctrl+I          import /proc/PID/maps",
                "Ctrl+O / Ctrl+S open a saved run / save this run (scenario and schedule)",
                "Ctrl+Shift+S    export a PNG of the window or a panel (File ▸ Export for GIF, SVG)",
                "Ctrl+Shift+X    explore every schedule (Explore ▸ A/B table compares protections)",
                "Tab             move to the next control; Space or Enter presses it"));
        l.getStyleClass().add("mono");
        a.getDialogPane().setContent(l);
        if (getScene() != null) {
            a.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        a.show();
    }

    private void editScenario() {
        Scenario s = player.scenario();
        if (s == null || player.busy()) {
            return;
        }
        player.pause();
        ScenarioEditor ed = new ScenarioEditor(getScene() == null ? null : getScene().getWindow(), s);
        ed.showAndWait().ifPresent(player::setScenario);
    }

    // ================================================================ refresh from the player

    private void refresh() {
        StepScene s = player.scene();
        int h = player.horizon();
        checker.setHorizon(h);
        if (h != shownHorizon && s != null && s == shownScene && panelsPending == null) {
            checker.update(s);
        }
        shownHorizon = h;
        syncControls();
        if (s == null) {
            caption.setText(player.busy() ? player.busyText() : "Nothing loaded.");
            return;
        }
        if (s != shownScene) {
            boolean forward = player.lastMove() == Player.Move.FORWARD_ONE && player.previousScene() != null;
            double ms = !forward ? 0 : player.playing() ? Math.min(420, 850 / player.speed()) : 420;
            if (ms < 40) {
                ms = 0;
            }
            shownScene = s;
            tree.show(s, forward ? player.previousScene() : null, ms);
            showCaption(s);
            if (forward && ms > 0) {
                // the tree's first animation frame goes out first; the panels follow on the next pulse
                panelsPending = s;
                javafx.application.Platform.runLater(this::showPanels);
            } else {
                panelsPending = s;
                showPanels();
            }
        }
        scrub.show(player.trace(), player.index(), player.operationStarts(), player.horizon());
        tree.setRefCountShown(!(lessonActive() && lessonPane.lesson().hides(org.vmalab.lesson.Lesson.REFCOUNT)));
        if (lessonActive()) {
            lessonPane.update(player);
        }
        fitPanesToStep();
    }

    private StepScene panelsPending;
    private int shownHorizon = Integer.MAX_VALUE;
    /** The preparation of the next scene, waiting for this step's panels to be shown and drawn. */
    private Runnable aheadPending;

    /**
     * Starts the preparation of the next scene once the step just taken is drawn: its panels shown, then a pulse
     * (CSS, layout, the frame handed to the renderer). On two cores the preparation would otherwise take a core from
     * the step's own work and its first frame; it has the rest of the step's animation to finish in.
     */
    private void startAheadWhenDrawn(Runnable start) {
        if (panelsPending != null) {
            aheadPending = start;
        } else {
            afterNextPulse(start);
        }
    }

    /** Runs {@code r} on the FX thread after the next pulse; at once when the window is not showing. */
    private void afterNextPulse(Runnable r) {
        javafx.scene.Scene sc = getScene();
        if (sc == null || sc.getWindow() == null || !sc.getWindow().isShowing()) {
            r.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            sc.removePostLayoutPulseListener(once[0]);
            // what is left of the pulse (the frame handed to the renderer) runs before this
            javafx.application.Platform.runLater(r);
        };
        sc.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** The panels for the latest scene (coalesced: a burst of steps updates them once). */
    private void showPanels() {
        StepScene s = panelsPending;
        if (s == null) {
            return;
        }
        panelsPending = null;
        strip.show(s.strip());
        locks.update(s.locks());
        checker.update(s);
        showLanes(s);
        fitPanesToStep();
        Runnable ahead = aheadPending;
        aheadPending = null;
        if (ahead != null) {
            afterNextPulse(ahead);
        }
    }

    /**
     * Presentation mode shows the side panes only when the step needs them (see {@link #arrangeRoom}). Outside
     * presentation mode (and when it ends) every pane is back as the user left it.
     */
    void fitPanesToStep() {
        if (classroom != null && classroom.presentation().on()) {
            arrangeRoom();
            return;
        }
        if (roomArranged) {
            unarrangeRoom();
        }
        if (split != null && !split.getItems().contains(rightColumn)) {
            split.getItems().add(rightColumn);
            split.setDividerPositions(rightDivider);
        }
        boolean lesson = lessonToggle.isSelected() && lessonActive();
        if (shell != null && lesson != shell.getItems().contains(lessonPane)) {
            showLessonPane(lesson);
        }
    }

    /** Presentation mode's one side column: the lesson (narration and question), the locks, the checker's line. */
    private final VBox roomSide = new VBox();
    /** Are the panes arranged for presentation mode (undone by {@link #unarrangeRoom})? */
    private boolean roomArranged;
    private double shellDividerBefore = -1;
    /** The locks-and-checker column's width in px before the room (-1 when it was not shown): leaving restores it. */
    private double rightWidthBefore = -1;
    /** The room's lesson column: its width in em of the room's type, and the most of the window's width it takes. */
    static final double ROOM_LESSON_EM = 20;
    static final double ROOM_LESSON_SHARE = 0.34;
    /** The room's locks-and-checker column beside the tree (no lesson): its width in em, its most share. */
    static final double ROOM_SIDE_EM = 15;
    static final double ROOM_SIDE_SHARE = 0.3;

    /**
     * Presentation mode's panes. A lesson's pane collapses to the narration and the open question ({@link
     * LessonPane#setRoom}) in one column at the left over the whole height, 20 em of the room's type wide (at most a
     * third of the window); the locks (only those in use or changed by the step) and the checker's one-line verdict
     * go under it while they fit its height, else into a column beside the tree. Without a lesson the locks and the
     * checker's line form that column beside the tree, shown while a lock is in use or changed or a violation
     * happened. Everything else is the tree's and the threads'.
     */
    private void arrangeRoom() {
        if (split == null || shell == null) {
            return;
        }
        if (!roomArranged) {
            roomArranged = true;
            if (split.getItems().contains(rightColumn)) {
                rightDivider = split.getDividerPositions()[0];
                rightWidthBefore = rightColumn.getWidth();
            }
            shellDividerBefore = shell.getItems().contains(lessonPane) ? shell.getDividerPositions()[0] : -1;
            roomSide.getStyleClass().add("room-side");
            SplitPane.setResizableWithParent(roomSide, false);
            shell.widthProperty().addListener(roomWidths);
            tree.widthProperty().addListener(refit);
            tree.heightProperty().addListener(refit);
            if (shownScene != null) {
                showCaption(shownScene);
            }
        }
        locks.setCompact(true);
        checker.setCompact(true);
        lessonPane.setRoom(true);
        show(stripScale, false);
        // the legend's line is the teacher's to say in the room: its rows are the tree's (leaving brings it back)
        legend.setVisible(false);
        StepScene s = shownScene;
        roomLesson = lessonToggle.isSelected() && lessonActive() && lessonPane.roomContent();
        boolean lockRows = s != null && LocksPanel.needed(s.locks());
        boolean broke = s != null && !s.checks().soFar().isEmpty();
        show(locks, lockRows);
        show(checker, roomLesson || lockRows || broke);
        if (roomLesson) {
            if (!shell.getItems().contains(roomSide)) {
                shell.getItems().remove(lessonPane);
                roomSide.getChildren().setAll(lessonPane);
                VBox.setVgrow(lessonPane, Priority.ALWAYS);
                shell.getItems().add(0, roomSide);
            }
        } else {
            shell.getItems().removeAll(roomSide, lessonPane);
            roomSide.getChildren().clear();
        }
        placeRoom();
        roomWidths();
    }

    /** The address space's linear / log choice (the room leaves it out: its row is the tree's). */
    private final SegmentedButton stripScale = new SegmentedButton();

    /** Is a lesson's column shown in the room? */
    private boolean roomLesson;

    /**
     * Puts the locks and the checker under the lesson while the three fit the window's height at the room's type (a
     * layout pass asks again: the type and the window change), else beside the tree.
     */
    private void placeRoom() {
        boolean any = locks.isManaged() || checker.isManaged();
        boolean under = false;
        if (roomLesson && any) {
            double em = roomSideEm();
            double lw = Math.min(ROOM_LESSON_SHARE * shell.getWidth(), ROOM_LESSON_EM * em);
            double need = lessonPane.roomNeed(lw) + (locks.isManaged() ? locks.prefHeight(lw) : 0)
                    + (checker.isManaged() ? checker.prefHeight(lw) : 0);
            under = shell.getHeight() <= 0 || need <= shell.getHeight();
        }
        if (under) {
            if (!roomSide.getChildren().contains(locks)) {
                rightColumn.getChildren().removeAll(locks, checker);
                roomSide.getChildren().addAll(locks, checker);
                // under the lesson the checker's line keeps its height: the lesson takes the rest
                VBox.setVgrow(checker, Priority.NEVER);
            }
        } else if (!rightColumn.getChildren().contains(locks)) {
            roomSide.getChildren().removeAll(locks, checker);
            rightColumn.getChildren().addAll(0, List.of(locks, checker));
            VBox.setVgrow(checker, Priority.ALWAYS);
        }
        boolean side = !under && any || classroom.stepLogShown();
        if (side != split.getItems().contains(rightColumn)) {
            if (side) {
                split.getItems().add(rightColumn);
            } else {
                split.getItems().remove(rightColumn);
            }
            roomWidths();
        }
    }

    private final javafx.beans.value.ChangeListener<Number> roomWidths = (o, a, b) -> roomWidths();
    private boolean refitPending;
    /** In the room the tree is fitted again whenever the panes around it change its size (once per pulse). */
    private final javafx.beans.value.ChangeListener<Number> refit = (o, a, b) -> {
        if (roomArranged && !refitPending) {
            refitPending = true;
            javafx.application.Platform.runLater(() -> {
                refitPending = false;
                if (roomArranged) {
                    tree.fit();
                }
            });
        }
    };

    /** The room's columns at their widths in em of the room's type (after a change of the type or the window). */
    void roomWidths() {
        if (!roomArranged) {
            return;
        }
        double em = roomSideEm();
        double w = shell.getWidth();
        if (w > 0 && shell.getItems().contains(roomSide)) {
            double lw = Math.min(ROOM_LESSON_SHARE * w, ROOM_LESSON_EM * em);
            roomSide.setPrefWidth(lw);
            shell.setDividerPositions(lw / w);
        }
        double sw = split.getWidth() > 0 ? split.getWidth() : w;
        if (sw > 0 && split.getItems().contains(rightColumn)) {
            double rw = Math.min(ROOM_SIDE_SHARE * sw, ROOM_SIDE_EM * em);
            split.setDividerPositions(1 - rw / sw);
        }
    }

    /** Puts the panes back as they were before presentation mode. */
    private void unarrangeRoom() {
        roomArranged = false;
        setLanesBrief(false);
        shell.widthProperty().removeListener(roomWidths);
        tree.widthProperty().removeListener(refit);
        tree.heightProperty().removeListener(refit);
        shell.getItems().remove(roomSide);
        roomSide.getChildren().clear();
        rightColumn.getChildren().removeAll(locks, checker);
        rightColumn.getChildren().addAll(0, List.of(locks, checker));
        VBox.setVgrow(checker, Priority.ALWAYS);
        show(locks, true);
        show(checker, true);
        locks.setCompact(false);
        checker.setCompact(false);
        lessonPane.setRoom(false);
        show(stripScale, true);
        legend.setVisible(true);
        boolean lesson = lessonToggle.isSelected() && lessonActive();
        if (lesson) {
            shell.getItems().add(0, lessonPane);
            SplitPane.setResizableWithParent(lessonPane, false);
            shell.setDividerPositions(shellDividerBefore > 0 ? shellDividerBefore : LESSON_SHARE);
        }
        if (!split.getItems().contains(rightColumn)) {
            split.getItems().add(rightColumn);
        }
        split.setDividerPositions(rightDivider);
        // the split's width is the room's until the lesson's pane and the window (out of full screen) are laid out
        // again: the column gets its width in px back once they are (it keeps it when the window changes size)
        double w = rightWidthBefore;
        rightWidthBefore = -1;
        if (w > 0) {
            afterNextPulse(() -> {
                double sw = split.getWidth();
                if (!roomArranged && sw > w && split.getItems().contains(rightColumn)) {
                    split.setDividerPositions(1 - (w + dividerWidth()) / sw);
                }
            });
        }
        if (shownScene != null) {
            showCaption(shownScene);
        }
    }

    /** The width of the split's divider, in px (the right item starts after it). */
    private double dividerWidth() {
        return dividerWidth(split);
    }

    /**
     * The width of {@code split}'s own divider, in px: not one of a split pane inside it (a lookup by style class
     * finds those too, and may find them first), 0 before its skin made one.
     */
    static double dividerWidth(SplitPane split) {
        for (Node d : split.lookupAll(".split-pane-divider")) {
            if (d.getParent() == split && d instanceof Region r) {
                return r.getWidth();
            }
        }
        return 0;
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** The threads band (the presenter bar keeps above it). */
    VBox lanesPanel() {
        return lanesPanel;
    }

    VBox rightColumn() {
        return rightColumn;
    }

    /** Are the locks or the checker shown (not collapsed by presentation mode)? */
    boolean sidePanesShown() {
        return locks.isVisible() && locks.getScene() != null || checker.isVisible() && checker.getScene() != null;
    }

    /** Is the locks pane shown? */
    boolean locksShown() {
        return locks.isVisible() && locks.getScene() != null;
    }

    /** What the caption's corner says at the start of a run: how to make the first step. */
    private String startHint(StepScene s) {
        if (s.threads().isEmpty()) {
            return "No threads yet: add them with Edit scenario… (E) to watch them work on this tree.";
        }
        if (roomArranged) {
            // the room is not told which keys to press: the teacher has the presenter card
            return "";
        }
        if (player.learnerSchedules()) {
            // in a challenge the learner is the scheduler: → and Space run nothing there
            return "You are the scheduler: press a thread's number, or click its lane, to run its next step.";
        }
        return "Press → for the first step, Space to play, a thread's number to choose who runs.";
    }

    private void showCaption(StepScene s) {
        caption.setText(s.caption());
        // "step 0" at the start too: a student meets steps, not indices (it said "index 0 / 178")
        stepLabel.setText("step " + s.index() + " / " + s.size());
        if (s.step() == null) {
            threadChip.setText("start");
            threadChip.getStyleClass().removeIf(c -> c.startsWith("thread-") && !c.equals("thread-chip"));
            where.setWrapText(true);
            where.setText(startHint(s));
            whereTip.setText(where.getText());
            kind.setText("");
            kind.setVisible(false);
        } else {
            threadChip.setText(s.step().threadName());
            threadChip.getStyleClass().removeIf(c -> c.startsWith("thread-") && !c.equals("thread-chip"));
            threadChip.getStyleClass().add("thread-" + (s.step().thread() % 9 + 1));
            // the file and line over the function: two short rows beside the caption, which keeps the width
            // in the room the file's name without its directories (the whole path is in the tooltip)
            String file = s.where();
            if (classroom != null && classroom.presentation().on()) {
                file = file.substring(file.lastIndexOf('/') + 1);
            }
            where.setText(file + "\n" + s.step().function() + "()");
            whereTip.setText(s.where() + "\n" + s.step().function() + "()");
            // a file name is cut with an ellipsis, never broken at a dot
            where.setWrapText(false);
            kind.setText(kindText(s.step().loc(), s.step().waiting()));
            kind.setVisible(true);
        }
        caption.pseudoClassStateChanged(BAD, s.step() != null && !s.step().violations().isEmpty());
        // a lesson's narration belongs to its pane: hiding the pane hides it (the tree gets the room); other
        // narrated runs show it here, rendered, in a band a few lines high
        String n = lessonActive() ? "" : s.narration();
        Markdown.show(narration, n);
        narrationBox.setManaged(!n.isBlank());
        narrationBox.setVisible(!n.isBlank());
    }

    static String kindText(Loc loc, boolean waiting) {
        if (waiting) {
            return loc.kind() == Loc.Kind.BLOCK ? "goes to sleep" : "spins";
        }
        return switch (loc.kind()) {
            case STORE -> "store";
            case GAP -> "gap store";
            case SEQ -> "vm_sequence";
            case VISIT -> "node visit";
            case CHECK -> "check";
            case LOCK -> "lock";
            case SPIN -> "spins";
            case BLOCK -> "sleeps";
            case RMW -> "atomic";
            case FREE -> "free";
            case GROUP -> "group";
        };
    }

    /**
     * With no thread (an imported address space) the threads band is left out and the tree and the side panes take
     * the whole height; with threads the band is under them again, its height chosen anew. (The panes move between
     * the shell and the band's split pane: a split pane left with one item, or with a divider at its end, does not
     * lay it out again.)
     */
    private void placeBand(boolean band) {
        if (shell == null || centerSplit == null) {
            return;
        }
        int i = shell.getItems().indexOf(band ? split : centerSplit);
        if (i < 0) {
            return;
        }
        double[] d = shell.getDividerPositions();
        if (band) {
            shell.getItems().set(i, centerSplit);
            centerSplit.getItems().setAll(split, lanesPanel);
            bandStale = true;
            bandSizedByUser = false;
        } else {
            centerSplit.getItems().setAll(lanesPanel);
            shell.getItems().set(i, split);
        }
        shell.setDividerPositions(d);
    }

    private void showLanes(StepScene s) {
        if (lanes.size() != s.threads().size()) {
            lanes.clear();
            lanesBox.getChildren().clear();
            for (int i = 0; i < s.threads().size(); i++) {
                ThreadLane l = new ThreadLane(i, this::choose, this::chooseUntilBlocked);
                l.setBrief(lanesBrief);
                lanes.add(l);
                lanesBox.getChildren().add(l);
            }
            sizeColumns();
        }
        placeBand(!lanes.isEmpty());
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).update(s.threads().get(i));
        }
        revealLanes(importantLanes(s));
    }

    /**
     * The lanes that must be in view, most important first: the holders of the locks, their waiters, then the
     * thread that took the step (the caption speaks for it when the band is too narrow for all of them).
     */
    List<ThreadLane> importantLanes(StepScene s) {
        StepScene.Locks k = s.locks();
        List<String> names = new ArrayList<>();
        names.add(k.semWriter());
        names.add(k.rbWriter());
        names.addAll(k.semReaders());
        names.addAll(k.rbReaders());
        names.add(k.rbWaiting());
        names.addAll(k.semQueue());
        names.addAll(k.rbQueue());
        for (StepScene.ThreadView t : s.threads()) {
            if (t.ranThisStep()) {
                names.add(t.name());
            }
        }
        List<ThreadLane> out = new ArrayList<>();
        for (String n : names) {
            for (ThreadLane l : lanes) {
                if (l.name().equals(n) && !out.contains(l)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** The lanes the band last had to show (shown again when the band's width changes). */
    private List<ThreadLane> lastWanted = List.of();

    /** Scrolls the band so that {@code lane} is in view. */
    void revealLane(ThreadLane lane) {
        revealLanes(List.of(lane));
    }

    /**
     * Scrolls the band (when the columns do not all fit) so that as many of {@code wanted} as fit are in view,
     * taken in order: the first always, the next ones while the span still fits.
     */
    void revealLanes(List<ThreadLane> wanted) {
        lastWanted = wanted;
        if (wanted.isEmpty() || columnsFit()) {
            return;
        }
        lanesScroll.applyCss();
        lanesScroll.layout();
        double content = lanesBox.getWidth();
        double view = lanesScroll.getViewportBounds().getWidth();
        if (content <= view + 0.5 || view <= 0) {
            return;
        }
        // layout bounds: the running lane's glow is no part of it
        double from = wanted.get(0).getLayoutX();
        double to = from + wanted.get(0).getWidth();
        for (ThreadLane l : wanted.subList(1, wanted.size())) {
            double a = Math.min(from, l.getLayoutX());
            double b = Math.max(to, l.getLayoutX() + l.getWidth());
            if (b - a <= view) {
                from = a;
                to = b;
            }
        }
        double offset = lanesScroll.getHvalue() * (content - view);
        if (from < offset || to > offset + view) {
            double target = from < offset ? from : to - view;
            lanesScroll.setHvalue(Math.max(0, Math.min(1, target / (content - view))));
        }
    }

    /** Be the scheduler: thread {@code t} takes the next step, or its lane says why it cannot. */
    void choose(int t) {
        if (!refused(t)) {
            player.choose(t);
        }
    }

    void chooseUntilBlocked(int t) {
        if (!refused(t)) {
            player.chooseUntilBlocked(t);
        }
    }

    private boolean refused(int t) {
        if (player.trace() == null || player.busy()) {
            return false;
        }
        String why = player.whyNot(t);
        if (why.isEmpty() || t < 0 || t >= lanes.size()) {
            return false;
        }
        ThreadLane lane = lanes.get(t);
        String name = lane.name();
        lane.refuse(name + " cannot run now: " + (why.startsWith(name + " ") ? "it " + why.substring(name.length() + 1)
                : why) + ".");
        revealLane(lane);
        // the status bar says it too (the player's message), for a screen reader and the step log
        player.choose(t);
        return true;
    }

    private void syncControls() {
        syncing = true;
        try {
            Scenario sc = player.scenario();
            if (sc != null) {
                for (Map.Entry<ProtectionToggle, ToggleButton> e : toggles.entrySet()) {
                    e.getValue().setSelected(sc.protection().has(e.getKey()));
                }
                boolean q = sc.protection().policy() == RwlockPolicy.QUEUED;
                queued.setSelected(q);
                readerPref.setSelected(!q);
                protectionLabel.setText(sc.protection().toggles().isEmpty() ? "= the patch" : "≠ the patch");
                protectionLabel.pseudoClassStateChanged(BAD, !sc.protection().toggles().isEmpty());
                String t = player.playable() != null && lessonActive() ? player.playable().title() : sc.title();
                title.setText(t);
                if (getScene() != null && getScene().getWindow() instanceof Stage st) {
                    st.setTitle("VMA Lab — " + t);
                }
            }
            boolean busy = player.busy();
            for (Node n : busyDisabled) {
                n.setDisable(busy);
            }
            playIcon.getStyleClass().setAll("icon", player.playing() ? "icon-pause" : "icon-play");
            playButton.pseudoClassStateChanged(ACTIVE, player.playing());
            speed.setValue(speedText(player.speed()));
            String msg = player.message();
            if (busy) {
                status.setText(player.busyText());
                status.setProgress(player.progress() < 0 ? -1 : Math.max(0.01, player.progress()));
            } else {
                status.setText(msg.isEmpty() ? "Ready. " + (player.scene() == null ? "" : lanesHint()) : msg);
                status.setProgress(0);
            }
            if (player.trace() != null && player.horizon() < player.trace().size()) {
                outcome.setText("run: the rest is hidden until you answer the question");
                outcome.pseudoClassStateChanged(BAD, false);
            } else if (player.trace() != null) {
                String o = player.trace().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                outcome.setText("run: " + o + " · " + player.trace().outcomeMessage() + " · "
                        + player.trace().violations().size() + " violation(s)");
                outcome.pseudoClassStateChanged(BAD, !player.trace().violations().isEmpty());
            }
        } finally {
            syncing = false;
        }
    }

    String lanesHint() {
        if (player.trace() != null && player.trace().threadCount() == 0) {
            return "No threads: Edit scenario… (E) adds them · ? shows every key";
        }
        int n = Math.min(9, Math.max(1, player.trace() == null ? 1 : player.trace().threadCount()));
        return "Space plays · ← → step · " + (n == 1 ? "1 runs the thread" : "1-" + n + " choose who runs next")
                + " · ? shows every key";
    }
}
