package org.vmalab.ui;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.viewmodel.StepScene;

/**
 * The checker: the verdict of the current step (the always-invariants, and the quiescent checks when they
 * ran here), and every violation up to the cursor in plain words, each linked to its step.
 */
final class CheckerPanel extends VBox {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass HERE = PseudoClass.getPseudoClass("here");

    /** The invariants checked after every step, whatever the step (the others need the tree at rest). */
    private static final List<Invariant> EVERY_STEP = Arrays.stream(Invariant.values())
            .filter(i -> i.scope() == Invariant.Scope.ALWAYS).toList();

    private final Label summary = new Label();
    /** What "all checks" means, one line a check with the name the lessons and reports use. */
    private final Tooltip everyStep = new Tooltip(EVERY_STEP.stream().map(i -> i.id() + ": " + i.description())
            .collect(Collectors.joining("\n")));
    private final Label here = new Label();
    private final ListView<Violation> list = new ListView<>();
    private final Button first = new Button("First violation");
    private final javafx.beans.property.IntegerProperty index = new javafx.beans.property.SimpleIntegerProperty();
    private int horizon = Integer.MAX_VALUE;
    private final HBox head;
    /** Presentation mode: a one-line verdict, and what breaks at this step when something does. */
    private boolean compact;
    private StepScene shown;

    CheckerPanel(IntConsumer seek, Runnable firstViolation) {
        getStyleClass().addAll("panel", "checker-panel");
        Label title = new Label("Checker");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        first.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("checker-summary");
        here.getStyleClass().add("checker-here");
        here.setWrapText(true);
        here.setMaxWidth(Double.MAX_VALUE);
        here.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        first.getStyleClass().add("small-button");
        first.setTooltip(new Tooltip("Jump to the first step with a violation (V)"));
        first.setOnAction(e -> firstViolation.run());
        first.setFocusTraversable(false);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        head = new HBox(8, title, sp, first);
        head.getStyleClass().add("panel-head");
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        list.getStyleClass().add("violation-list");
        list.setId("violations");
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No violation so far."));
        list.setCellFactory(v -> new ViolationCell());
        list.setOnMouseClicked(e -> {
            Violation v = list.getSelectionModel().getSelectedItem();
            if (v != null) {
                seek.accept(v.step());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        // the list gives way first (it scrolls): the locks above keep their words
        list.setMinHeight(0);
        // the verdict on a line of its own: never cut, at any type size
        getChildren().addAll(head, summary, here, list);
    }

    /** The current step's verdict as shown (tests). */
    String hereText() {
        return here.getText();
    }

    /** The verdict's tooltip, empty when it has none (tests). */
    String hereTooltip() {
        return here.getTooltip() == null ? "" : here.getTooltip().getText();
    }

    ListView<Violation> list() {
        return list;
    }

    /** The last step the learner may see: violations after it are not counted as "later" (a lesson's question). */
    void setHorizon(int h) {
        horizon = h;
    }

    /**
     * Presentation mode (on): the checker is one line ("Checker: no violation so far"), with the invariants this step
     * breaks and what they mean under it when it breaks some; the heading, the per-step sentence and the list go.
     */
    void setCompact(boolean on) {
        if (compact != on) {
            compact = on;
            if (shown != null) {
                update(shown);
            }
        }
    }

    void update(StepScene s) {
        shown = s;
        StepScene.Checks c = s.checks();
        index.set(s.index());
        int n = c.soFar().size();
        int later = horizon < s.size() ? 0 : c.total() - n;
        summary.setText((compact ? "Checker: " : "") + (n == 0 ? "no violation so far"
                + (later > 0 ? " (" + later + " later in this run)" : "")
                : n + " violation" + (n == 1 ? "" : "s") + " so far" + (later > 0 ? ", " + later + " later" : "")));
        summary.pseudoClassStateChanged(BAD, n > 0);
        summary.pseudoClassStateChanged(OK, n == 0);
        first.setDisable(c.firstViolation() < 0);
        StringBuilder h = new StringBuilder();
        if (s.step() == null) {
            h.append(c.here().isEmpty() ? "Initial layout: the tree, list, gaps, counts and colours all check out."
                    : "The initial layout breaks " + c.here().size() + " rule" + (c.here().size() == 1 ? "" : "s")
                    + ".");
        } else if (c.here().isEmpty() && n > 0) {
            // not "no use-after-free" beside a list of them: this step is clean, the list is of earlier steps
            h.append("Step ").append(s.index()).append(" breaks none of the ").append(EVERY_STEP.size())
                    .append(" checks made at every step; the violations listed came earlier.");
            if (c.quiescentHere()) {
                h.append(" Nothing is half done here.");
            }
        } else if (c.here().isEmpty()) {
            // three lines in the narrow column of a 1280x720 window with five threads (a fourth was cut there)
            h.append("Step ").append(s.index()).append(": all ").append(EVERY_STEP.size()).append(" checks made at "
                    + "every step hold: no use-after-free, no double free, counts and locks right.");
            if (c.quiescentHere()) {
                h.append(" Nothing is half done here: the tree, list, gaps and counts all check out.");
            }
        } else if (compact) {
            // the list is not shown: what each violation found, here
            h.append("Step ").append(s.index()).append(" breaks:");
            for (Violation v : c.here()) {
                h.append("\n").append(v.message()).append(" (").append(v.invariant().id()).append(")");
            }
        } else {
            Set<String> kinds = new LinkedHashSet<>();
            for (Violation v : c.here()) {
                kinds.add(kind(v) + " (" + v.invariant().id() + ")");
            }
            h.append("Step ").append(s.index()).append(" breaks: ").append(String.join(", ", kinds)).append(".");
        }
        here.setText(h.toString());
        here.setTooltip(c.here().isEmpty() ? everyStep : null);
        here.pseudoClassStateChanged(BAD, !c.here().isEmpty());
        here.pseudoClassStateChanged(OK, c.here().isEmpty());
        if (!list.getItems().equals(c.soFar())) {
            list.getItems().setAll(c.soFar());
        }
        show(head, !compact);
        show(here, !compact || !c.here().isEmpty());
        show(list, !compact);
    }

    /**
     * What a violation is, in the words its message begins with ("use-after-free: T1 reads heap..."; the explorer
     * groups by the same words, {@link Violation#kind()}), else the invariant's own words.
     */
    static String kind(Violation v) {
        String k = v.kind();
        int space = k.indexOf(' ');
        return space > 0 ? k.substring(space + 1) : v.invariant().description();
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private final class ViolationCell extends ListCell<Violation> {
        ViolationCell() {
            index.addListener((o, a, n) -> pseudoClassStateChanged(HERE, getItem() != null
                    && getItem().step() == n.intValue()));
        }

        @Override
        protected void updateItem(Violation v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setText(null);
                setTooltip(null);
                pseudoClassStateChanged(HERE, false);
                return;
            }
            setText("step " + v.step() + "  " + v.invariant().id() + "  " + v.message());
            setWrapText(true);
            setPrefWidth(0);
            setTooltip(new Tooltip(v.invariant().id() + ": " + v.invariant().description() + "\nClick to go to step "
                    + v.step() + "."));
            pseudoClassStateChanged(HERE, v.step() == index.get());
        }
    }
}
