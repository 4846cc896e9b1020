package org.vmalab.ui;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
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

    LocksPanel() {
        getStyleClass().addAll("panel", "locks-panel");
        Label title = new Label("Locks");
        title.getStyleClass().add("panel-title");
        GridPane g = new GridPane();
        g.getStyleClass().add("locks-grid");
        g.setHgap(8);
        g.setVgap(3);
        Label sem = name("mmap_sem", "struct rw_semaphore: sleeping; read for faults and lookups, write for "
                + "layout changes; FIFO queue, a new reader waits behind queued writers");
        Label rb = name("mm_rb_lock", "rwlock_t added by the patch: spinning; protects the tree's shape against "
                + "speculative readers (get_vma)");
        javafx.scene.layout.FlowPane semLine = new javafx.scene.layout.FlowPane(8, 0, semWho, semQueue);
        javafx.scene.layout.FlowPane rbLine = new javafx.scene.layout.FlowPane(8, 0, rbWho, rbQueue);
        g.addRow(0, sem, semState, semLine);
        g.addRow(1, rb, rbState, rbLine);
        Label p = name("PTE lock", "the page-table lock the faults and the zap take");
        g.addRow(2, p, ptl);
        g.add(policy, 0, 3, 3, 1);
        javafx.scene.layout.ColumnConstraints c2 = new javafx.scene.layout.ColumnConstraints();
        c2.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(), c2);
        getChildren().addAll(title, g);
    }

    private static Label badge() {
        Label l = new Label();
        l.getStyleClass().add("lock-state");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label text() {
        Label l = new Label();
        l.getStyleClass().add("lock-text");
        l.setWrapText(true);
        return l;
    }

    private static Label name(String s, String tip) {
        Label l = new Label(s);
        l.getStyleClass().add("lock-name");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        semQueue.setText(k.semQueue().isEmpty() ? "· no waiters" : "· asleep in its FIFO: "
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
        rbQueue.setText(q.length() == 0 ? (k.rbExists() ? "· no one spins" : "") : "· " + q);
        policy.setText("rwlock policy " + k.policy() + ": " + k.policyText());
        ptl.setText(k.ptlOwner().isEmpty() ? "free" : "held by " + k.ptlOwner());
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
