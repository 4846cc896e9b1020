package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.engine.trace.Trace;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepLog;

/**
 * The steps so far as text: one entry per step (number, thread, caption, violations, the narration placed on it,
 * checkpoints), up to the cursor, the current step selected. A list a screen reader reads entry by entry; the
 * user copies it with the Copy button (the whole log) or selects entries (Ctrl+A) and copies them (Ctrl+C).
 */
final class StepLogPane extends VBox {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final Player player;
    private final Indices items = new Indices();
    private final ListView<Integer> list = new ListView<>(items);
    private final Label range = new Label();
    private StepLog log;
    private Trace shownTrace;

    StepLogPane(Player player) {
        this.player = player;
        getStyleClass().addAll("panel", "step-log");
        setId("step-log");
        Label title = new Label("Step log");
        title.getStyleClass().add("panel-title");
        range.getStyleClass().add("hint");
        Button copy = new Button("_Copy");
        copy.setMnemonicParsing(true);
        copy.setId("step-log-copy");
        copy.getStyleClass().add("small-button");
        copy.setTooltip(new Tooltip("Copy the whole log to the clipboard (select entries and press Ctrl+C to copy "
                + "only those)"));
        copy.setOnAction(e -> copyAll());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox head = new HBox(8, title, range, sp, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("panel-head");
        list.getStyleClass().add("step-log-list");
        list.setId("step-log-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setAccessibleText("Step log");
        list.setAccessibleHelp("One entry per step: number, thread, caption, violations and narration. Control+A "
                + "selects every entry, Control+C copies the selected entries.");
        list.setCellFactory(v -> new EntryCell());
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelected();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, list);
        setAccessibleRole(AccessibleRole.PARENT);
        player.addListener(p -> {
            if (getScene() != null && isVisible()) {
                update();
            }
        });
        sceneProperty().addListener((o, a, n) -> {
            if (n != null) {
                update();
            }
        });
    }

    ListView<Integer> list() {
        return list;
    }

    /** Follows the player: a new run rebuilds the log, a move grows or shrinks it to the cursor. */
    void update() {
        Trace t = player.trace();
        if (t == null) {
            items.setSize(0);
            range.setText("");
            return;
        }
        if (t != shownTrace) {
            shownTrace = t;
            log = new StepLog(t, player.playable() == null ? null : player.playable().narration(),
                    player.checkpoints());
            items.setSize(0);
        }
        int n = player.index() + 1;
        items.setSize(n);
        range.setText("steps 0–" + player.index() + " of " + t.size());
        list.getSelectionModel().clearAndSelect(n - 1);
        list.scrollTo(Math.max(0, n - 3));
        list.refresh();
    }

    /** The whole log, up to the cursor. */
    String text() {
        return log == null ? "" : log.text(0, player.index(), player.index());
    }

    /** The selected entries. */
    String selectedText() {
        if (log == null) {
            return "";
        }
        List<Integer> sel = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
        sel.sort(null);
        StringBuilder b = new StringBuilder();
        for (int i : sel) {
            b.append(log.entry(i, player.index())).append('\n');
        }
        return b.toString();
    }

    void copyAll() {
        put(text());
    }

    private void copySelected() {
        put(selectedText());
    }

    private static void put(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private final class EntryCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null || log == null || i >= log.size()) {
                setText(null);
                pseudoClassStateChanged(BAD, false);
                return;
            }
            setText(log.entry(i, player.index()));
            pseudoClassStateChanged(BAD, log.bad(i));
        }
    }

    /** The indices 0..size-1 as a list that grows and shrinks without copying. */
    static final class Indices extends ObservableListBase<Integer> {
        private int size;

        @Override
        public Integer get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return i;
        }

        @Override
        public int size() {
            return size;
        }

        void setSize(int n) {
            if (n == size) {
                return;
            }
            beginChange();
            if (n > size) {
                int from = size;
                size = n;
                nextAdd(from, n);
            } else {
                List<Integer> removed = new ArrayList<>(size - n);
                for (int i = n; i < size; i++) {
                    removed.add(i);
                }
                size = n;
                nextRemove(n, removed);
            }
            endChange();
        }
    }
}
