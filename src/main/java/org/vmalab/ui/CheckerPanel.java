package org.vmalab.ui;

import java.util.function.IntConsumer;
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

    private final Label summary = new Label();
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
            h.append(c.here().isEmpty() ? "Initial layout: every quiescent invariant holds."
                    : "Initial layout breaks " + c.here().size() + " invariant(s).");
        } else if (c.here().isEmpty()) {
            h.append("Step ").append(s.index()).append(": every invariant checked at each step holds (I-UAF, I-FREE, "
                    + "I-REF, I-GET, I-SEQ, I-CLEAR, I-STORE, LOOKUP ...).");
            if (c.quiescentHere()) {
                h.append(" Quiescent point (after up_write): the tree, list, gaps, counts and colours all check "
                        + "out.");
            }
        } else {
            h.append("Step ").append(s.index()).append(" breaks ");
            for (int i = 0; i < c.here().size(); i++) {
                h.append(i > 0 ? ", " : "").append(c.here().get(i).invariant().id());
            }
            h.append(".");
            if (compact) {
                // the list is not shown: what each broken invariant found, here
                for (Violation v : c.here()) {
                    h.append("\n").append(v.invariant().id()).append(": ").append(v.message());
                }
            }
        }
        here.setText(h.toString());
        here.pseudoClassStateChanged(BAD, !c.here().isEmpty());
        here.pseudoClassStateChanged(OK, c.here().isEmpty());
        if (!list.getItems().equals(c.soFar())) {
            list.getItems().setAll(c.soFar());
        }
        show(head, !compact);
        show(here, !compact || !c.here().isEmpty());
        show(list, !compact);
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
