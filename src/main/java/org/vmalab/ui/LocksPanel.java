package org.vmalab.ui;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.viewmodel.StepScene;

/** {@code mmap_sem} and {@code mm_rb_lock} (and the PTE lock): state, holders, waiters, policy. */
final class LocksPanel extends VBox {
    private static final PseudoClass FREE = PseudoClass.getPseudoClass("free");
    private static final PseudoClass READ = PseudoClass.getPseudoClass("read");
    private static final PseudoClass WRITE = PseudoClass.getPseudoClass("write");
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final Label semState = badge();
    private final Label semWho = text();
    private final Label semQueue = text();
    private final Label rbState = badge();
    private final Label rbWho = text();
    private final Label rbQueue = text();
    private final Label policy = text();
    private final Label ptl = text();
    private final Label semName;
    private final Label rbName;
    private final Label ptlName;
    private final VBox rows = new VBox(3);
    /** Are the rows stacked (the holders and waiters under the lock's name, in a narrow panel or large type)? */
    private boolean stacked;
    /** Presentation mode: only the locks in use or changed by the step, without "no waiters" and the policy. */
    private boolean compact;
    private StepScene.Locks shown;
    private javafx.scene.layout.Pane semRow;
    private javafx.scene.layout.Pane rbRow;
    private javafx.scene.layout.Pane ptlRow;
    /** Below this width, in em of the panel's type, the words go under the lock's name rather than beside it. */
    static final double STACK_BELOW_EM = 26;

    LocksPanel() {
        getStyleClass().addAll("panel", "locks-panel");
        Label title = new Label("Locks");
        title.getStyleClass().add("panel-title");
        semName = name("mmap_sem", "struct rw_semaphore: sleeping; read for faults and lookups, write for "
                + "layout changes; FIFO queue, a new reader waits behind queued writers");
        rbName = name("mm_rb_lock", "rwlock_t added by the patch: spinning; protects the tree's shape against "
                + "speculative readers (get_vma)");
        ptlName = name("PTE lock", "the page-table lock the faults and the zap take");
        // rows of their own (not a grid): a wrapped line pushes the next row down instead of overlapping it, at
        // any type size
        rows.getStyleClass().add("locks-grid");
        arrange();
        getChildren().addAll(title, rows);
    }

    @Override
    protected void layoutChildren() {
        // the width and the type (presentation mode) decide the arrangement
        arrange();
        super.layoutChildren();
    }

    /** Is the panel narrow for its type (then the words go under each lock's name)? */
    private boolean narrow() {
        double em = semName.getFont() == null ? 13 : semName.getFont().getSize();
        return getWidth() > 0 && getWidth() < STACK_BELOW_EM * em;
    }

    /** Lays the rows out beside (name, state, words) or stacked (name and state, the words under them). */
    private void arrange() {
        boolean s = narrow();
        if (s == stacked && !rows.getChildren().isEmpty()) {
            return;
        }
        stacked = s;
        semRow = row(semName, semState, semWho, semQueue);
        rbRow = row(rbName, rbState, rbWho, rbQueue);
        ptlRow = row(ptlName, ptl);
        rows.getChildren().setAll(semRow, rbRow, ptlRow, policy);
        showRows();
    }

    /**
     * Presentation mode (on): the panel shows only the locks the step needs — held, waited for, or changed by this
     * step — and leaves out "no waiters", "no one spins" and the policy line; off: every lock, every line.
     */
    void setCompact(boolean on) {
        if (compact != on) {
            compact = on;
            showRows();
        }
    }

    /** Is a lock held or waited for in {@code k}, or did the step change one? */
    static boolean needed(StepScene.Locks k) {
        return semUsed(k) || rbUsed(k) || !k.ptlOwner().isEmpty();
    }

    private static boolean semUsed(StepScene.Locks k) {
        return !k.semWriter().isEmpty() || !k.semReaders().isEmpty() || !k.semQueue().isEmpty() || k.semChanged();
    }

    private static boolean rbUsed(StepScene.Locks k) {
        return !k.rbWriter().isEmpty() || !k.rbReaders().isEmpty() || !k.rbWaiting().isEmpty()
                || !k.rbQueue().isEmpty() || k.rbChanged();
    }

    private void showRows() {
        StepScene.Locks k = shown;
        boolean all = !compact || k == null;
        show(semRow, all || semUsed(k));
        show(rbRow, all || rbUsed(k));
        show(ptlRow, all || !k.ptlOwner().isEmpty());
        show(policy, all);
        show(semQueue, all || !k.semQueue().isEmpty());
        show(rbQueue, all || !k.rbWaiting().isEmpty() || !k.rbQueue().isEmpty());
    }

    private static void show(javafx.scene.Node n, boolean on) {
        if (n != null) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private javafx.scene.layout.Pane row(Label name, Label... rest) {
        javafx.scene.layout.HBox h = new javafx.scene.layout.HBox(8, name);
        h.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        if (rest.length == 1) {
            h.getChildren().add(rest[0]);
            javafx.scene.layout.HBox.setHgrow(rest[0], javafx.scene.layout.Priority.ALWAYS);
            return h;
        }
        h.getChildren().add(rest[0]);
        VBox text = new VBox(rest[1], rest[2]);
        text.setMinWidth(0);
        text.getStyleClass().add("lock-words");
        if (stacked) {
            VBox v = new VBox(1, h, text);
            v.getStyleClass().add("lock-stacked");
            return v;
        }
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        h.getChildren().add(text);
        return h;
    }

    private static Label badge() {
        Label l = new Label();
        l.getStyleClass().add("lock-state");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label text() {
        Label l = new Label();
        l.getStyleClass().add("lock-text");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label name(String s, String tip) {
        Label l = new Label(s);
        l.getStyleClass().add("lock-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    void update(StepScene.Locks k) {
        boolean semW = !k.semWriter().isEmpty();
        boolean semR = !k.semReaders().isEmpty();
        semState.setText(semW ? "WRITE" : semR ? "READ" : "free");
        state(semState, semW, semR, false);
        semState.pseudoClassStateChanged(CHANGED, k.semChanged());
        semWho.setText(semW ? "held by " + k.semWriter() + " (write)" : semR ? "held by " + join(k.semReaders())
                + " (read)" : "no holder");
        semQueue.setText(k.semQueue().isEmpty() ? "no waiters" : "asleep in its FIFO: "
                + join(k.semQueue()));
        boolean rbW = !k.rbWriter().isEmpty();
        boolean rbR = !k.rbReaders().isEmpty();
        rbState.setText(!k.rbExists() ? "off" : rbW ? "WRITE" : rbR ? "READ" : "free");
        state(rbState, rbW, rbR, !k.rbExists());
        rbState.pseudoClassStateChanged(CHANGED, k.rbChanged());
        rbWho.setText(!k.rbExists() ? k.rbState() : rbW ? "held by " + k.rbWriter() + " (write)"
                : rbR ? "held by " + join(k.rbReaders()) + " (read)" : "no holder");
        StringBuilder q = new StringBuilder();
        if (!k.rbWaiting().isEmpty()) {
            q.append("writer ").append(k.rbWaiting()).append(" set _QW_WAITING");
        }
        if (!k.rbQueue().isEmpty()) {
            q.append(q.length() > 0 ? "; " : "").append("spinning in queue: ").append(join(k.rbQueue()));
        }
        rbQueue.setText(q.length() == 0 ? (k.rbExists() ? "no one spins" : "") : q.toString());
        policy.setText("rwlock policy " + k.policy() + ": " + k.policyText());
        ptl.setText(k.ptlOwner().isEmpty() ? "free" : "held by " + k.ptlOwner());
        shown = k;
        showRows();
    }

    private static void state(Label l, boolean w, boolean r, boolean absent) {
        l.pseudoClassStateChanged(WRITE, w);
        l.pseudoClassStateChanged(READ, r && !w);
        l.pseudoClassStateChanged(FREE, !w && !r && !absent);
        l.pseudoClassStateChanged(ABSENT, absent);
    }

    private static String join(List<String> l) {
        return String.join(", ", l);
    }
}
