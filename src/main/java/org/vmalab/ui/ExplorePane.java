package org.vmalab.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.explore.AbTable;
import org.vmalab.explore.Exploration;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.explore.FinalOutcome;
import org.vmalab.explore.Finding;
import org.vmalab.explore.Progress;
import org.vmalab.explore.Reports;
import org.vmalab.explore.Schedules;

/**
 * The explorer in the window (issue 5, item 4): explores every schedule of the scenario the player plays, in
 * the background, with progress and cancel; lists the verdict, the counters, each kind of violation with its
 * shortest schedule and the distinct final outcomes; a click on a violation (or an outcome) loads its schedule
 * into the player, keeping the lesson's narration. The A/B table runs the same search under each protection
 * setting and shows the rows side by side. The UI thread never waits on a search: progress and results come
 * back with {@link Platform#runLater}.
 */
final class ExplorePane extends BorderPane {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final String CSS = "export.css";
    /** The least size of the window when it steps aside for a replay: its lists still read. */
    static final double ASIDE_MIN_WIDTH = 380;
    static final double ASIDE_MIN_HEIGHT = 300;

    private final MainView view;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Tab searchTab = new Tab("Search");
    private final Tab abTab = new Tab("A/B table");
    private final Label scenarioLabel = new Label();
    /** Said while a question of the lesson's part is still open: the findings may give its answer away. */
    private final Label openQuestion = new Label();
    private final Spinner<Integer> bound = new Spinner<>(10, 1_000_000, ExploreOptions.DEFAULT_STEP_BOUND, 1000);
    private final ChoiceBox<String> preemptions = new ChoiceBox<>();
    private final CheckBox reduction = new CheckBox("partial-order reduction");
    private final Button start = new Button("Explore");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Label verdict = new Label("Press Explore to search every schedule of the scenario.");
    private final Label stats = new Label();
    private final ListView<Finding> findings = new ListView<>();
    private final ListView<FinalOutcome> outcomes = new ListView<>();
    private final Label status = new Label();
    private final Button abStart = new Button("Run the A/B table");
    private final Button abCancel = new Button("Cancel");
    private final ProgressBar abBar = new ProgressBar(0);
    private final Label abProgress = new Label();
    private final TableView<AbTable.Row> abTable = new TableView<>();
    private final ListView<Finding> abFindings = new ListView<>();
    private final Label abStatus = new Label();

    private Exploration running;
    private AbTable.Run abRunning;
    private ExploreResult result;
    private AbTable ab;
    /** The latest progress report, handed to the UI thread at most once per pulse. */
    private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();
    private final AtomicReference<AbTable.AbProgress> pendingAb = new AtomicReference<>();

    ExplorePane(MainView view) {
        this.view = view;
        getStyleClass().add("explore-pane");
        getStylesheets().add(ExplorePane.class.getResource(CSS).toExternalForm());
        searchTab.setClosable(false);
        abTab.setClosable(false);
        searchTab.setContent(searchContent());
        abTab.setContent(abContent());
        tabs.getTabs().addAll(searchTab, abTab);
        scenarioLabel.getStyleClass().add("explore-scenario");
        scenarioLabel.setWrapText(true);
        scenarioLabel.setId("explore-header");
        openQuestion.setId("explore-open-question");
        openQuestion.getStyleClass().add("explore-open-question");
        openQuestion.setWrapText(true);
        openQuestion.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(4, scenarioLabel, openQuestion);
        top.setPadding(new Insets(8, 10, 4, 10));
        setTop(top);
        setCenter(tabs);
        // Close, and Esc (the cancel button), whatever has the focus; searches go on in the background
        Button close = new Button("Close");
        close.setId("explore-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        setBottom(bottom);
        // the header describes the run the window plays: it follows a row of the A/B table loaded into it
        view.player().addListener(p -> {
            if (stage.isShowing()) {
                describeScenario();
            }
        });
        javafx.scene.Scene sc = new javafx.scene.Scene(this, 900, 640);
        // Space and V, the player's keys the status line names after a load, work here too while a list (not a
        // button or a field) has the focus: this window stays in front, beside the tree
        sc.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node f = sc.getFocusOwner();
            if ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.V) && !e.isShortcutDown() && !e.isAltDown()
                    && !e.isShiftDown() && (f == null || f instanceof ListView || f instanceof TableView)
                    && view.getScene() != null) {
                e.consume();
                Event.fireEvent(view, e.copyFor(view, view));
            }
        });
        stage.setScene(sc);
        stage.setTitle("Explore schedules — VMA Lab");
        if (view.getScene() != null) {
            stage.initOwner(view.getScene().getWindow());
        }
    }

    // ================================================================ building

    private Node searchContent() {
        preemptions.getItems().addAll("unbounded", "0", "1", "2", "3", "4", "5");
        preemptions.setValue("unbounded");
        preemptions.setTooltip(new Tooltip("Explore only schedules with at most K preemptions (switches away from a "
                + "thread that could go on). A bounded search is incomplete, never a pass; it turns the reduction "
                + "off"));
        reduction.setSelected(true);
        reduction.setTooltip(new Tooltip("Sleep sets: two steps that touch disjoint state are explored in one order"));
        bound.setEditable(true);
        bound.setPrefWidth(110);
        bound.setTooltip(new Tooltip("The longest schedule explored, in steps; a schedule cut here makes the search "
                + "incomplete"));
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        start.setId("explore-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> startSearch());
        cancel.setId("explore-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancel());
        // on two rows rather than cut when the window stands narrow beside the tree (the bound read "1" for 10000)
        FlowPane options = new FlowPane(8, 6, new Label("Step bound"), bound, new Label("Preemptions"), preemptions,
                reduction, start, cancel);
        options.setAlignment(Pos.CENTER_LEFT);
        bound.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setVisible(false);
        progressLabel.setId("explore-progress");
        progressLabel.getStyleClass().add("hint");
        verdict.setId("explore-verdict");
        verdict.getStyleClass().add("explore-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        stats.getStyleClass().add("hint");
        stats.setWrapText(true);
        stats.setMinHeight(Region.USE_PREF_SIZE);
        findings.setId("explore-findings");
        findings.setCellFactory(l -> new FindingCell());
        findings.setPlaceholder(new Label("No violation found (yet)."));
        onActivate(findings, f -> load(f.kind() + " (" + f.steps() + " steps)", result.scenario(), f.schedule(),
                status));
        outcomes.setId("explore-outcomes");
        outcomes.setCellFactory(l -> new OutcomeCell());
        outcomes.setPlaceholder(new Label("The distinct ways the scenario ends appear here."));
        onActivate(outcomes, o -> load("the outcome " + o.text(), result.scenario(), o.schedule() != null
                ? o.schedule() : Schedules.of(o.example()), status));
        Label fTitle = title("Violations: each kind with its shortest schedule (click one to play it)");
        Label oTitle = title("Final outcomes (click one to play a schedule that ends so)");
        VBox fBox = new VBox(4, fTitle, findings);
        VBox oBox = new VBox(4, oTitle, outcomes);
        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox.setVgrow(outcomes, Priority.ALWAYS);
        SplitPane lists = new SplitPane(fBox, oBox);
        lists.setOrientation(Orientation.VERTICAL);
        lists.setDividerPositions(0.6);
        status.setId("explore-status");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, options, bar, progressLabel, verdict, stats, lists, status);
        VBox.setVgrow(lists, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private Node abContent() {
        abStart.setId("ab-start");
        abStart.setOnAction(e -> startAb());
        abCancel.setId("ab-cancel");
        abCancel.setDisable(true);
        abCancel.setOnAction(e -> cancel());
        Label what = new Label("The same search under each protection setting: the patch, each part of it taken away, "
                + "each bug variant, the kernel before the patch.");
        what.setWrapText(true);
        what.getStyleClass().add("hint");
        abStart.setMinWidth(Region.USE_PREF_SIZE);
        abCancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, what, abStart, abCancel);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.ALWAYS);
        abBar.setMaxWidth(Double.MAX_VALUE);
        abBar.setVisible(false);
        abProgress.setId("ab-progress");
        abProgress.getStyleClass().add("hint");
        abTable.setId("ab-table");
        abTable.setPlaceholder(new Label("Press Run to explore the scenario under every setting."));
        abTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        abTable.getColumns().add(column("setting", 150, r -> r.setting()));
        abTable.getColumns().add(column("verdict", 90, r -> r.result().verdict().name().toLowerCase(Locale.ROOT)));
        abTable.getColumns().add(column("shortest", 70, r -> {
            int s = Reports.shortestConsequence(r.result());
            return s == Integer.MAX_VALUE ? "–" : s + (s == 1 ? " step" : " steps");
        }));
        abTable.getColumns().add(column("states", 90, r -> Reports.count(r.result().stats().distinctStates())));
        abTable.getColumns().add(column("what the search finds", 360, r -> r.result().findings().isEmpty()
                ? (r.result().complete() ? "nothing: every schedule is safe" : "nothing so far (incomplete)")
                : String.join(", ", r.kinds())));
        abTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            abFindings.getItems().setAll(r == null ? List.of() : r.result().findings());
            ((Label) abFindings.getPlaceholder()).setText(r == null ? "Select a row to see what it finds."
                    : r.result().complete() ? r.setting() + ": every schedule is safe." : r.setting()
                    + ": nothing found so far (incomplete).");
        });
        abFindings.setId("ab-findings");
        abFindings.setCellFactory(l -> new FindingCell());
        abFindings.setPlaceholder(new Label("Select a row to see what it finds."));
        onActivate(abFindings, f -> {
            AbTable.Row r = abTable.getSelectionModel().getSelectedItem();
            if (r != null) {
                load(f.kind() + " under " + r.setting(), r.result().scenario(), f.schedule(), abStatus);
            }
        });
        abStatus.getStyleClass().add("hint");
        abStatus.setWrapText(true);
        abStatus.setMinHeight(Region.USE_PREF_SIZE);
        SplitPane split = new SplitPane(abTable, new VBox(4, title("What the selected setting finds (click one to "
                + "play it)"), abFindings));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(abFindings, Priority.ALWAYS);
        VBox box = new VBox(8, row, abBar, abProgress, split, abStatus);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private static TableColumn<AbTable.Row, String> column(String name, double width,
                                                          java.util.function.Function<AbTable.Row, String> f) {
        TableColumn<AbTable.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("panel-title");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> void onActivate(ListView<T> list, Consumer<T> action) {
        list.setOnMouseClicked(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && item != null) {
                action.accept(item);
            }
        });
        list.setOnKeyPressed(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                action.accept(item);
            }
        });
    }

    // ================================================================ showing

    /** Shows the window on the search tab or the A/B tab, with the scenario the player plays now. */
    void show(boolean search) {
        if (view.getScene() != null && stage.getOwner() == null) {
            stage.initOwner(view.getScene().getWindow());
        }
        if (view.getScene() != null) {
            getScene().getStylesheets().setAll(view.getScene().getStylesheets());
        }
        tabs.getSelectionModel().select(search ? searchTab : abTab);
        describeScenario();
        Classroom.enableTraversal(this);
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    /** The header: which scenario and protection the window plays. */
    String header() {
        return scenarioLabel.getText();
    }

    private void describeScenario() {
        Scenario sc = view.player().scenario();
        scenarioLabel.setText(sc == null ? "Nothing is loaded." : "Scenario: " + sc.title() + " · "
                + (sc.protection().toggles().isEmpty() ? "the patch as written" : sc.protection().toggles().stream()
                .map(MainView::shortName).collect(java.util.stream.Collectors.joining(" + "))) + " · "
                + sc.threads().size() + " threads");
        org.vmalab.viewmodel.LessonSession s = view.lessonPane().session();
        int open = s == null || !s.active() || s.challenge() != null ? 0 : s.unanswered();
        openQuestion.setText(open == 0 ? "" : (open == 1 ? "A question of this part is" : open
                + " questions of this part are") + " not answered yet: what the explorer finds may give "
                + (open == 1 ? "its answer" : "their answers") + " away. Answer first, or read on.");
        openQuestion.setVisible(open > 0);
        openQuestion.setManaged(open > 0);
    }

    boolean searching() {
        return running != null || startingSearch != null || abRunning != null;
    }

    ExploreResult result() {
        return result;
    }

    AbTable abResult() {
        return ab;
    }

    // ================================================================ search

    ExploreOptions options() {
        ExploreOptions o = ExploreOptions.defaults().withStepBound(Math.max(1, bound.getValue()));
        String p = preemptions.getValue();
        if (p != null && !p.equals("unbounded")) {
            o = o.withPreemptionBound(Integer.parseInt(p));
        }
        return o.withReduction(reduction.isSelected());
    }

    /** Starts a search of the scenario the player plays now; returns at once. */
    void startSearch() {
        Scenario sc = view.player().scenario();
        if (sc == null || searching()) {
            return;
        }
        describeScenario();
        ExploreOptions options = options();
        result = null;
        findings.getItems().clear();
        outcomes.getItems().clear();
        stats.setText("");
        status.setText("");
        verdict.setText("Searching…");
        verdict.pseudoClassStateChanged(BAD, false);
        verdict.pseudoClassStateChanged(OK, false);
        busy(true, false);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread t = new Thread(() -> {
            Exploration x;
            try {
                x = Explorer.start(sc, options, this::progress);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    busy(false, false);
                    verdict.setText("The search cannot start: " + org.vmalab.export.SafeWrite.reason(e));
                    verdict.pseudoClassStateChanged(BAD, true);
                });
                return;
            }
            Platform.runLater(() -> {
                running = x;
                if (cancelled.get()) {
                    x.cancel();
                }
            });
            x.future().whenComplete((r, err) -> Platform.runLater(() -> finished(x, r, err)));
        }, "vmalab-explore-start");
        t.setDaemon(true);
        running = null;
        startingSearch = cancelled;
        t.start();
    }

    private AtomicBoolean startingSearch;

    /** On the search's monitor thread: keep the latest report, update the UI once per pulse. */
    private void progress(Progress p) {
        if (pendingProgress.getAndSet(p) == null) {
            Platform.runLater(() -> {
                Progress q = pendingProgress.getAndSet(null);
                if (q != null && (running != null || startingSearch != null)) {
                    progressLabel.setText(progressText(q));
                }
            });
        }
    }

    static String progressText(Progress p) {
        return String.format(Locale.ROOT, "%s states (%s distinct) · %s schedules · depth %d · %.1f s · %s states/s"
                        + " · %d kind%s of violation so far", Reports.count(p.states()),
                Reports.count(p.distinctStates()), Reports.count(p.schedules()), p.maxDepth(),
                p.elapsedMillis() / 1000.0, Reports.count(Math.round(p.statesPerSecond())), p.kinds(),
                p.kinds() == 1 ? "" : "s");
    }

    private void finished(Exploration x, ExploreResult r, Throwable err) {
        if (running != x && running != null) {
            return;
        }
        running = null;
        startingSearch = null;
        busy(false, false);
        if (err != null || r == null) {
            Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause() : err;
            verdict.setText("The search failed: " + (c == null ? "no result" : org.vmalab.export.SafeWrite.reason(c)));
            verdict.pseudoClassStateChanged(BAD, true);
            return;
        }
        result = r;
        ExploreResult.Verdict v = r.verdict();
        String why = r.complete() ? "" : " (" + String.join("; ", r.incompleteReasons()) + ")";
        verdict.setText(verdictText(v) + why);
        verdict.pseudoClassStateChanged(BAD, v == ExploreResult.Verdict.VIOLATION || v == ExploreResult.Verdict.ERROR);
        verdict.pseudoClassStateChanged(OK, v == ExploreResult.Verdict.PASS);
        stats.setText("Searched: " + Reports.statsLine(r.stats()) + (r.shortestExact() ? ""
                : " · schedules are the shortest found, not necessarily the shortest"));
        progressLabel.setText(progressText(x.progress()));
        findings.getItems().setAll(r.findings());
        outcomes.getItems().setAll(r.outcomes());
        if (!r.findings().isEmpty()) {
            findings.getSelectionModel().select(0);
            status.setText("Click a violation to play its shortest schedule in the window.");
        }
    }

    static String verdictText(ExploreResult.Verdict v) {
        return switch (v) {
            case PASS -> "✓ No violation: every schedule was explored and each one is safe.";
            case VIOLATION -> "⚠ Violation found: some schedules break an invariant (or deadlock).";
            case INCOMPLETE -> "Incomplete: nothing found, but the search was cut short — not a pass.";
            case ERROR -> "The engine failed on some schedules; nothing else was found.";
        };
    }

    /** Cancels whatever runs; its (incomplete) result follows. */
    void cancel() {
        if (running != null) {
            running.cancel();
        } else if (startingSearch != null) {
            startingSearch.set(true);
        }
        if (abRunning != null) {
            abRunning.cancel();
        }
    }

    private void busy(boolean on, boolean abSide) {
        start.setDisable(on);
        abStart.setDisable(on);
        cancel.setDisable(!on || abSide);
        abCancel.setDisable(!on || !abSide);
        (abSide ? abBar : bar).setVisible(on);
        (abSide ? abBar : bar).setProgress(on ? ProgressBar.INDETERMINATE_PROGRESS : 0);
    }

    // ================================================================ A/B

    void startAb() {
        Scenario sc = view.player().scenario();
        if (sc == null || searching()) {
            return;
        }
        describeScenario();
        ExploreOptions options = options();
        ab = null;
        abTable.getItems().clear();
        abFindings.getItems().clear();
        abStatus.setText("");
        abProgress.setText("Starting…");
        busy(true, true);
        AbTable.Run run = AbTable.start(sc, options, p -> {
            if (pendingAb.getAndSet(p) == null) {
                Platform.runLater(() -> {
                    AbTable.AbProgress q = pendingAb.getAndSet(null);
                    if (q != null && abRunning != null) {
                        abProgress.setText("Setting " + (q.row() + 1) + " of " + q.rows() + ": " + q.setting() + " · "
                                + progressText(q.progress()));
                        abBar.setProgress((q.row() + (q.progress().finished() ? 1.0 : 0.5)) / q.rows());
                    }
                });
            }
        });
        abRunning = run;
        run.future().whenComplete((t, err) -> Platform.runLater(() -> {
            abRunning = null;
            busy(false, true);
            if (err != null || t == null) {
                abProgress.setText("The A/B table failed: " + (err == null ? "no result"
                        : org.vmalab.export.SafeWrite.reason(err.getCause() == null ? err : err.getCause())));
                return;
            }
            ab = t;
            abTable.getItems().setAll(t.rows());
            abProgress.setText(t.cancelled() ? "Cancelled: the table is not complete." : "Done: " + t.rows().size()
                    + " settings explored.");
            int first = 0;
            for (int i = t.rows().size() - 1; i >= 0; i--) {
                if (!t.rows().get(i).result().findings().isEmpty()) {
                    first = i;
                }
            }
            if (!t.rows().isEmpty()) {
                abTable.getSelectionModel().select(first);
            }
        }));
    }

    // ================================================================ loading into the player

    /** Plays {@code schedule} of {@code sc} in the window, from the start, keeping the lesson's narration. */
    private void load(String what, Scenario sc, Schedule schedule, Label where) {
        if (view.player().busy()) {
            where.setText("The player is busy; try again in a moment.");
            return;
        }
        if (WindowActions.challengeInPlay(view)) {
            // the dialog was open when a challenge began: its schedule would count as the learner's
            where.setText(WindowActions.CHALLENGE_GATE);
            return;
        }
        view.player().run(sc, schedule, 0);
        boolean aside = stepAside();
        where.setText("Loaded " + what + " into the player: press Space to play it, V to jump to the violation."
                + (aside ? " This window moved off the tree." : ""));
    }

    /**
     * Moves the window off the tree, so that the replay it loaded plays in view: to the first part of the screen
     * beside the tree (right of it, left, below, above) where it keeps at least {@link #ASIDE_MIN_WIDTH} by
     * {@link #ASIDE_MIN_HEIGHT}, against the tree's edge, made smaller if it must. Returns whether it moved; a
     * window already off the tree, or a screen with no such room, stays as it is.
     */
    boolean stepAside() {
        TreeCanvas tree = view.tree();
        if (!stage.isShowing() || tree == null || tree.getScene() == null || tree.localToScreen(0, 0) == null) {
            return false;
        }
        Bounds t = tree.localToScreen(tree.getLayoutBounds());
        Rectangle2D win = new Rectangle2D(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight());
        if (!win.intersects(t.getMinX(), t.getMinY(), t.getWidth(), t.getHeight())) {
            return false;
        }
        List<Screen> screens = Screen.getScreensForRectangle(t.getMinX(), t.getMinY(),
                t.getWidth(), t.getHeight());
        Rectangle2D vb = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0))
                .getVisualBounds();
        double right = vb.getMaxX() - t.getMaxX();
        double left = t.getMinX() - vb.getMinX();
        double below = vb.getMaxY() - t.getMaxY();
        double above = t.getMinY() - vb.getMinY();
        // the four places beside the tree: x, y, width, height
        double[][] places = {
            {t.getMaxX(), vb.getMinY(), right, vb.getHeight()},
            {vb.getMinX(), vb.getMinY(), left, vb.getHeight()},
            {vb.getMinX(), t.getMaxY(), vb.getWidth(), below},
            {vb.getMinX(), vb.getMinY(), vb.getWidth(), above},
        };
        // a side first: below the tree are the threads' lanes and the transport, which a replay needs too
        double[] best = null;
        for (double[] p : places) {
            if (best == null && Math.min(win.getWidth(), p[2]) >= ASIDE_MIN_WIDTH
                    && Math.min(win.getHeight(), p[3]) >= ASIDE_MIN_HEIGHT) {
                best = p;
            }
        }
        if (best == null) {
            return false;
        }
        double w = Math.min(win.getWidth(), best[2]);
        double h = Math.min(win.getHeight(), best[3]);
        // against the tree's edge on its side, and as near where it was as the place lets it
        double x = best == places[1] ? best[0] + best[2] - w : best == places[0] ? best[0]
                : Math.max(best[0], Math.min(win.getMinX(), best[0] + best[2] - w));
        double y = best == places[3] ? best[1] + best[3] - h : best == places[2] ? best[1]
                : Math.max(best[1], Math.min(win.getMinY(), best[1] + best[3] - h));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(x);
        stage.setY(y);
        return true;
    }

    // ================================================================ cells

    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText("⚠ " + f.kind() + (f.rule() ? " (design rule)" : "") + " — " + f.steps() + " step"
                    + (f.steps() == 1 ? "" : "s")
                    + (f.shortest() ? "" : " (shortest found)") + "\n" + f.summary());
            setWrapText(true);
            setPrefWidth(0);
            setTooltip(new Tooltip(f.summary()));
        }
    }

    private static final class OutcomeCell extends ListCell<FinalOutcome> {
        @Override
        protected void updateItem(FinalOutcome o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setText(null);
                return;
            }
            setText((o.deadlock() ? "deadlock: " : "") + o.text() + "  [" + Reports.count(o.finalStates())
                    + (o.finalStates() == 1 ? " final state]" : " final states]"));
        }
    }
}
