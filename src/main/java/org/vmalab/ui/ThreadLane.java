package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.vmalab.engine.trace.TaskView.Status;
import org.vmalab.viewmodel.StepScene.Ref;
import org.vmalab.viewmodel.StepScene.ThreadView;

/**
 * One thread, as a column beside the others: name, role, state (with the reason it waits), its current
 * operation (the whole program in its tooltip), the locks and VMA references it holds, and the current kernel
 * function as pseudo-C centred on the current line; its last step and vmacache in the lane's tooltip. Clicking a
 * runnable lane schedules that thread next ("be the scheduler"); when the thread cannot run, the lane says
 * why ({@link #refuse}).
 *
 * <p>The head is laid out for the column's width: the thread's key, name and state on the first row, its role beside
 * them when it fits and on a row of its own when not, so that nothing in it is cut. The lane's state (running,
 * blocked, ...) styles only its frame, its state badge and its wait reason, never the whole column: a pseudo-class on
 * the column would re-style every node in it at each step (the step's cost on the FX thread, docs/PERFORMANCE.md).
 */
final class ThreadLane extends StackPane {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass RUNNABLE = PseudoClass.getPseudoClass("runnable");
    private static final PseudoClass SPINNING = PseudoClass.getPseudoClass("spinning");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    /** The mouse is over the column (on its frame: the frame is behind the column's content). */
    private static final PseudoClass HOVER = PseudoClass.getPseudoClass("over");

    private final int index;
    private final Label key = new Label();
    private final Label name = new Label();
    private final Label role = new Label();
    private final Label state = new Label();
    private final Label wait = new Label();
    private final Label refusal = new Label();
    private final Label opCount = new Label();
    private final Label op = new Label();
    private final Label holds = new Label();
    private final FlowPane info = new FlowPane(6, 2);
    private final HBox opRow;
    /** Brief: the column of a short band in presentation mode (see {@link #setBrief}). */
    private boolean brief;
    private ThreadView shownThread;
    private final CodeView code = new CodeView();
    /** The column's frame (background, border, the running glow): the only node the lane's state re-styles. */
    private final Region frame = new Region();
    private final VBox body = new VBox();
    private final Tooltip tip = new Tooltip();
    private final Tooltip programTip = new Tooltip();
    private final PauseTransition refusalHide = new PauseTransition(Duration.seconds(6));
    private String nameText = "";
    /** The references and store-buffer entries the pills show now (null: none made yet). */
    private List<Ref> shownRefs;
    private List<String> shownStores;

    ThreadLane(int index, IntConsumer choose, IntConsumer chooseUntilBlocked) {
        this.index = index;
        getStyleClass().add("lane");
        setCursor(Cursor.HAND);
        frame.getStyleClass().addAll("lane-frame", "thread-" + (index % 9 + 1));
        body.getStyleClass().add("lane-body");
        key.getStyleClass().add("lane-key");
        name.getStyleClass().add("lane-name");
        role.getStyleClass().add("lane-role");
        state.getStyleClass().add("lane-state");
        for (Label l : List.of(key, name, state)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        role.setMinWidth(0);
        wait.getStyleClass().add("lane-wait");
        wait.setWrapText(true);
        wait.setMinHeight(Region.USE_PREF_SIZE);
        refusal.getStyleClass().add("lane-refusal");
        refusal.setId("lane-refusal-" + (index + 1));
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.setMaxWidth(Double.MAX_VALUE);
        show(refusal, false);
        refusalHide.setOnFinished(e -> show(refusal, false));
        opCount.getStyleClass().add("lane-op-count");
        opCount.setMinWidth(Region.USE_PREF_SIZE);
        op.getStyleClass().add("op-pill");
        op.setWrapText(true);
        op.setMinWidth(0);
        op.setMinHeight(Region.USE_PREF_SIZE);
        op.setTooltip(programTip);
        opRow = new HBox(6, opCount, op);
        opRow.getStyleClass().add("lane-op");
        opRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        holds.getStyleClass().add("lane-holds");
        holds.setWrapText(true);
        holds.setMinWidth(0);
        holds.setMinHeight(Region.USE_PREF_SIZE);
        holds.setMaxWidth(Double.MAX_VALUE);
        info.getStyleClass().add("lane-info");
        info.setMinWidth(0);
        show(info, false);
        role.setWrapText(true);
        Head head = new Head();
        head.getStyleClass().add("lane-head");
        VBox.setVgrow(code, Priority.ALWAYS);
        code.setMinHeight(0);
        body.getChildren().addAll(head, wait, refusal, opRow, holds, info, code);
        body.setFillWidth(true);
        body.setMinHeight(0);
        // the column's width is the band's share, whatever its longest text would like (they wrap)
        body.setMinWidth(0);
        getChildren().addAll(frame, body);
        setAlignment(javafx.geometry.Pos.TOP_LEFT);
        hoverProperty().addListener((o, a, on) -> frame.pseudoClassStateChanged(HOVER, on));
        key.setText(index < 9 ? Integer.toString(index + 1) : "");
        tip.setShowDelay(Duration.millis(500));
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

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    int index() {
        return index;
    }

    String name() {
        return nameText;
    }

    CodeView code() {
        return code;
    }

    /**
     * The least height of the column {@code w} wide: everything above the code (its head, why it waits, what it
     * holds...), then the code's header and its current line whole.
     */
    double leastHeight(double w) {
        Insets li = getInsets();
        Insets bi = body.getInsets();
        double cw = Math.max(0, w - li.getLeft() - li.getRight() - bi.getLeft() - bi.getRight());
        double h = li.getTop() + li.getBottom() + bi.getTop() + bi.getBottom();
        int n = 0;
        for (javafx.scene.Node c : body.getChildren()) {
            if (c.isManaged()) {
                n++;
                h += c == code ? code.leastHeight(cw) : c.prefHeight(cw);
            }
        }
        return h + body.getSpacing() * Math.max(0, n - 1);
    }

    /** The pane of the lane's pills (tests). */
    FlowPane pills() {
        return info;
    }

    /** The head's labels: key, name, role, state (tests: each shows its whole text). */
    List<Label> headLabels() {
        return List.of(key, name, role, state);
    }

    /** The role's label is on a row of its own under the name (the column is too narrow for both on one). */
    boolean roleBelow() {
        return role.getLayoutY() > name.getLayoutY() + 1;
    }

    /** The texts of what it holds and of the lane's pills: its references, its store buffer (tests). */
    List<String> pillTexts() {
        List<String> out = new ArrayList<>();
        out.add(holds.getText());
        for (javafx.scene.Node n : info.getChildren()) {
            out.add(((Label) n).getText());
        }
        return out;
    }

    /** The state shown in the lane's head ("RUNNING", "BLOCKED", ...). */
    String stateText() {
        return state.getText();
    }

    /** The text that says why this thread could not be chosen, while it shows (empty otherwise). */
    String refusal() {
        return refusal.isVisible() ? refusal.getText() : "";
    }

    /** The user chose this thread and it cannot run: say why ({@code sentence}), here, for a few seconds. */
    void refuse(String sentence) {
        refusal.setText(sentence);
        show(refusal, true);
        frame.pseudoClassStateChanged(REFUSED, true);
        refusalHide.setOnFinished(e -> {
            show(refusal, false);
            frame.pseudoClassStateChanged(REFUSED, false);
        });
        refusalHide.playFromStart();
    }

    /**
     * A brief column, for a band short of height in presentation mode: the head's first row (key, name, state; the
     * role only when it fits beside them), why it waits, what it holds (not "holds no lock"), its references and the
     * number of stores in its buffer, the function's name and the current line; its operation, the file:line and
     * the current line's comment are left to the tooltips. The current line keeps the column's height.
     */
    void setBrief(boolean on) {
        if (brief == on) {
            return;
        }
        brief = on;
        code.setBrief(on);
        if (shownThread != null) {
            showBrief(shownThread);
            pills(shownThread);
            tip.setText(tipText(shownThread, shownThread.status()));
        }
        requestLayout();
    }

    boolean brief() {
        return brief;
    }

    private void showBrief(ThreadView t) {
        show(opRow, !brief);
        show(holds, !brief || !t.holds().isEmpty());
    }

    void update(ThreadView t) {
        shownThread = t;
        showBrief(t);
        nameText = t.name();
        name.setText(t.name());
        role.setText(t.role());
        state.setText(t.state().toUpperCase(Locale.ROOT));
        Status st = t.status();
        for (javafx.scene.Node n : List.of(frame, state)) {
            n.pseudoClassStateChanged(RUNNING, t.ranThisStep() && st != Status.DONE);
            n.pseudoClassStateChanged(RUNNABLE, st == Status.RUNNABLE);
            n.pseudoClassStateChanged(SPINNING, st == Status.SPINNING);
            n.pseudoClassStateChanged(BLOCKED, st == Status.BLOCKED);
            n.pseudoClassStateChanged(DONE, st == Status.DONE);
        }
        wait.pseudoClassStateChanged(BLOCKED, st == Status.BLOCKED);
        setCursor(st == Status.DONE || st == Status.BLOCKED ? Cursor.DEFAULT : Cursor.HAND);
        wait.setText(t.waitReason().isEmpty() ? "" : (st == Status.SPINNING ? "spins: " : "sleeps: ")
                + t.waitReason());
        show(wait, !t.waitReason().isEmpty());
        if (t.runnable() && refusal.isVisible()) {
            refusalHide.stop();
            show(refusal, false);
            frame.pseudoClassStateChanged(REFUSED, false);
        }
        int n = t.program().size();
        boolean done = st == Status.DONE;
        int cur = Math.min(t.currentOp(), Math.max(0, n - 1));
        opCount.setText(n == 0 ? "no program" : done ? "all " + n + " done" : "op " + (cur + 1) + "/" + n);
        op.setText(n == 0 ? "" : done ? t.program().get(n - 1) : t.program().get(cur));
        op.setVisible(n > 0);
        op.pseudoClassStateChanged(PseudoClass.getPseudoClass("current"), !done && t.started());
        op.pseudoClassStateChanged(PseudoClass.getPseudoClass("past"), done);
        StringBuilder prog = new StringBuilder(t.name() + "'s program:");
        for (int i = 0; i < n; i++) {
            prog.append('\n').append(i == cur && !done ? "▶ " : "   ").append(t.program().get(i));
        }
        programTip.setText(prog.toString());
        holds.setText(t.holds().isEmpty() ? "holds no lock" : "holds " + String.join(", ", t.holds()));
        holds.pseudoClassStateChanged(CHANGED, t.changed() && !t.holds().isEmpty());
        // the pills are made anew only when the references or the store buffer changed (new nodes cost CSS)
        if (!t.refs().equals(shownRefs) || !t.pendingStores().equals(shownStores)) {
            shownRefs = t.refs();
            shownStores = t.pendingStores();
            pills(t);
        }
        code.show(t.loc(), t.started() ? "" : "not started: its first step will enter "
                + (t.program().isEmpty() ? "nothing" : t.program().get(0)));
        tip.setText(tipText(t, st));
    }

    /** The lane's pills: the references it holds, then its store buffer. */
    private void pills(ThreadView t) {
        info.getChildren().clear();
        for (Ref r : t.refs()) {
            Label l = new Label("ref " + r.name() + (r.freed() ? " (FREED)" : ""));
            l.getStyleClass().add("ref-pill");
            l.pseudoClassStateChanged(BAD, r.freed());
            info.getChildren().add(l);
        }
        /* RELAXED_STORES: the stores that wait in this CPU's store buffer, oldest first, not yet seen by others */
        if (brief && !t.pendingStores().isEmpty()) {
            // the stores themselves are in the column's tooltip
            int n = t.pendingStores().size();
            Label sb = new Label(n + (n == 1 ? " store waits" : " stores wait") + " in its store buffer");
            sb.getStyleClass().add("lane-vmacache");
            info.getChildren().add(wrapping(sb));
            show(info, true);
            return;
        }
        if (!t.pendingStores().isEmpty()) {
            Label sb = new Label("store buffer, not yet visible to the other CPUs:");
            sb.getStyleClass().add("lane-vmacache");
            info.getChildren().add(wrapping(sb));
        }
        for (String p : t.pendingStores()) {
            Label l = new Label(p);
            l.getStyleClass().add("sb-pill");
            info.getChildren().add(wrapping(l));
        }
        show(info, !info.getChildren().isEmpty());
    }

    /** A pill that wraps at its words in a column narrower than its text, never wider than the column. */
    private Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.maxWidthProperty().bind(info.widthProperty());
        return l;
    }

    private String tipText(ThreadView t, Status st) {
        String k = index < 9 ? Integer.toString(index + 1) : null;
        List<String> tips = new ArrayList<>();
        if (brief) {
            // what the brief column leaves out
            tips.add(t.name() + (t.role().isEmpty() ? "" : ", " + t.role()) + ": " + op.getText() + " ("
                    + opCount.getText() + ")");
        }
        if (!t.lastStep().isEmpty()) {
            tips.add("Last step: " + t.lastStep());
        }
        // the vmacache is drawn on the tree; its words are here
        tips.add("vmacache [" + String.join(", ", t.vmacache()) + "] " + (t.vmacacheValid() ? "valid" : "stale"));
        if (!t.pendingStores().isEmpty()) {
            tips.add("Store buffer: " + String.join("; ", t.pendingStores()));
        }
        if (t.runnable()) {
            tips.add("Click" + (k != null ? " or press " + k : "") + ": " + t.name() + " takes the next step from "
                    + "here (the schedule is cut at the cursor).");
            tips.add("Shift+click" + (k != null ? " or Shift+" + k : "") + ": run " + t.name() + " until it blocks "
                    + "or finishes.");
        } else {
            tips.add(t.name() + " cannot run now: " + (st == Status.DONE ? "it has finished its program"
                    : "it is asleep" + (t.waitReason().isEmpty() ? "" : " (" + t.waitReason() + ")")));
        }
        return String.join("\n", tips);
    }

    /**
     * The lane's head: key, name and the state badge on the first row (the badge at the right); the role beside the
     * name when the row has room for it whole, else on a row of its own, wrapped at its words.
     */
    private final class Head extends Region {
        private static final double GAP = 6;

        Head() {
            getChildren().addAll(key, name, role, state);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        private static double pw(Label l) {
            return l.prefWidth(-1);
        }

        /** The room for the role on the first row, in a head {@code w} wide. */
        private double roomBeside(double w) {
            return w - pw(key) - pw(name) - pw(state) - 3 * GAP;
        }

        private boolean beside(double w) {
            return role.getText().isEmpty() || pw(role) <= roomBeside(w);
        }

        /** Has the role a row of its own (not in a brief column: there it shows only beside the name)? */
        private boolean below(double w) {
            return !beside(w) && !brief;
        }

        private double firstRow() {
            return Math.max(Math.max(key.prefHeight(-1), name.prefHeight(-1)), state.prefHeight(-1));
        }

        @Override
        protected double computePrefHeight(double width) {
            Insets in = getInsets();
            double w = (width < 0 ? 240 : width) - in.getLeft() - in.getRight();
            double h = firstRow();
            if (below(w)) {
                h += role.prefHeight(w);
            }
            return in.getTop() + h + in.getBottom();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return pw(key) + pw(name) + pw(role) + pw(state) + 3 * GAP + getInsets().getLeft() + getInsets().getRight();
        }

        @Override
        protected double computeMinWidth(double height) {
            return pw(key) + pw(name) + pw(state) + 2 * GAP + getInsets().getLeft() + getInsets().getRight();
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double x = in.getLeft();
            double y = in.getTop();
            double w = getWidth() - in.getLeft() - in.getRight();
            double row = firstRow();
            for (Label l : List.of(key, name)) {
                double lh = l.prefHeight(-1);
                l.resizeRelocate(x, y + (row - lh) / 2, pw(l), lh);
                x += pw(l) + GAP;
            }
            double sh = state.prefHeight(-1);
            state.resizeRelocate(in.getLeft() + w - pw(state), y + (row - sh) / 2, pw(state), sh);
            role.setVisible(beside(w) || below(w));
            if (beside(w)) {
                double rh = role.prefHeight(-1);
                role.resizeRelocate(x, y + (row - rh) / 2, Math.max(0, roomBeside(w)), rh);
            } else {
                role.resizeRelocate(in.getLeft(), y + row, w, role.prefHeight(w));
            }
        }
    }
}
