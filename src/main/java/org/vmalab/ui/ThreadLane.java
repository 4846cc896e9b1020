package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.engine.trace.TaskView.Status;
import org.vmalab.viewmodel.StepScene.Ref;
import org.vmalab.viewmodel.StepScene.ThreadView;

/**
 * One thread: name, role, state (with the reason it waits), its program with the current operation, the
 * locks and VMA references it holds, its vmacache, and the current kernel function as pseudo-C. Clicking a
 * runnable lane schedules that thread next ("be the scheduler").
 */
final class ThreadLane extends VBox {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass RUNNABLE = PseudoClass.getPseudoClass("runnable");
    private static final PseudoClass SPINNING = PseudoClass.getPseudoClass("spinning");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PAST = PseudoClass.getPseudoClass("past");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** A lane whose thread did not take the step: its code shrinks to a few lines around the current one. */
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final int index;
    private final Label key = new Label();
    private final Label name = new Label();
    private final Label role = new Label();
    private final Label state = new Label();
    private final Label wait = new Label();
    private final FlowPane program = new FlowPane(4, 4);
    private final Label holds = new Label();
    private final FlowPane info = new FlowPane(8, 2);
    private final Label vmacache = new Label();
    private final Label last = new Label();
    private final CodeView code = new CodeView();
    private final Tooltip tip = new Tooltip();
    private List<String> programShown = List.of();

    ThreadLane(int index, IntConsumer choose, IntConsumer chooseUntilBlocked) {
        this.index = index;
        getStyleClass().addAll("lane", "thread-" + (index % 9 + 1));
        key.getStyleClass().add("lane-key");
        name.getStyleClass().add("lane-name");
        role.getStyleClass().add("lane-role");
        state.getStyleClass().add("lane-state");
        wait.getStyleClass().add("lane-wait");
        wait.setWrapText(true);
        program.getStyleClass().add("lane-program");
        holds.getStyleClass().add("lane-holds");
        holds.setWrapText(true);
        info.getStyleClass().add("lane-info");
        vmacache.getStyleClass().add("lane-vmacache");
        last.getStyleClass().add("lane-last");
        last.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, key, name, role, spacer, state);
        head.getStyleClass().add("lane-head");
        getChildren().addAll(head, wait, program, info, code, last);
        setFillWidth(true);
        key.setText(index < 9 ? Integer.toString(index + 1) : "");
        tip.setShowDelay(javafx.util.Duration.millis(500));
        Tooltip.install(this, tip);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.isShiftDown()) {
                chooseUntilBlocked.accept(index);
            } else {
                choose.accept(index);
            }
        });
    }

    int index() {
        return index;
    }

    CodeView code() {
        return code;
    }

    void update(ThreadView t) {
        name.setText(t.name());
        role.setText(t.role());
        state.setText(t.state().toUpperCase(Locale.ROOT));
        Status st = t.status();
        pseudoClassStateChanged(RUNNING, t.ranThisStep() && st != Status.DONE);
        pseudoClassStateChanged(RUNNABLE, st == Status.RUNNABLE);
        pseudoClassStateChanged(SPINNING, st == Status.SPINNING);
        pseudoClassStateChanged(BLOCKED, st == Status.BLOCKED);
        pseudoClassStateChanged(DONE, st == Status.DONE);
        pseudoClassStateChanged(COMPACT, !t.ranThisStep());
        wait.setText(t.waitReason().isEmpty() ? "" : (st == Status.SPINNING ? "spins: " : "sleeps: ")
                + t.waitReason());
        wait.setManaged(!t.waitReason().isEmpty());
        wait.setVisible(!t.waitReason().isEmpty());
        if (!t.program().equals(programShown)) {
            programShown = t.program();
            program.getChildren().clear();
            for (String op : t.program()) {
                Label l = new Label(op);
                l.getStyleClass().add("op-pill");
                program.getChildren().add(l);
            }
        }
        for (int i = 0; i < program.getChildren().size(); i++) {
            boolean done = st == Status.DONE ? true : i < t.currentOp();
            boolean cur = st != Status.DONE && i == t.currentOp();
            program.getChildren().get(i).pseudoClassStateChanged(CURRENT, cur && t.started());
            program.getChildren().get(i).pseudoClassStateChanged(PAST, done);
        }
        holds.setText(t.holds().isEmpty() ? "holds no lock" : "holds " + String.join(", ", t.holds()));
        holds.pseudoClassStateChanged(CHANGED, t.changed() && !t.holds().isEmpty());
        info.getChildren().setAll(holds);
        for (Ref r : t.refs()) {
            Label l = new Label("ref " + r.name() + (r.freed() ? " (FREED)" : ""));
            l.getStyleClass().add("ref-pill");
            l.pseudoClassStateChanged(BAD, r.freed());
            info.getChildren().add(l);
        }
        vmacache.setText("vmacache [" + String.join(", ", t.vmacache()) + "] " + (t.vmacacheValid() ? "valid"
                : "stale"));
        info.getChildren().add(vmacache);
        code.show(t.loc(), t.started() ? "" : "not started: its first step will enter "
                + (t.program().isEmpty() ? "nothing" : t.program().get(0)));
        last.setText(t.lastStep());
        last.setManaged(!t.lastStep().isEmpty());
        String k = index < 9 ? Integer.toString(index + 1) : null;
        List<String> tips = new ArrayList<>();
        if (t.runnable()) {
            tips.add("Click" + (k != null ? " or press " + k : "") + ": " + t.name() + " takes the next step from "
                    + "here (the schedule is cut at the cursor).");
            tips.add("Shift+click" + (k != null ? " or Shift+" + k : "") + ": run " + t.name() + " until it blocks "
                    + "or finishes.");
        } else {
            tips.add(t.name() + " cannot run now: " + (st == Status.DONE ? "it has finished its program"
                    : "it is asleep" + (t.waitReason().isEmpty() ? "" : " (" + t.waitReason() + ")")));
        }
        tip.setText(String.join("\n", tips));
    }
}
