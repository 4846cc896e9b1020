package org.vmalab.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The classroom features of the window (issue 7), in one place so that the window needs one hook: presentation
 * mode, import of a maps file or a process, the tree's overview and Find address, the step log, and keyboard
 * access to every control. {@link MainView} creates it last and offers it every key first ({@link #onKey}).
 */
final class Classroom {
    static final String CSS = "classroom.css";

    private final MainView view;
    private final Presentation presentation;
    private final MapsImport imports;
    private final StepLogPane stepLog;
    private final TreeTools tools;
    private boolean traversalPending;

    Classroom(MainView view) {
        this.view = view;
        view.getStylesheets().add(Classroom.class.getResource(CSS).toExternalForm());
        tools = new TreeTools(view);
        if (view.tree().getParent() instanceof StackPane stack) {
            stack.getChildren().add(tools);
        }
        imports = new MapsImport(view);
        stepLog = new StepLogPane(view.player());
        presentation = new Presentation(view);
        view.checker().list().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && view.checker().list().getSelectionModel().getSelectedItem() != null) {
                view.player().seek(view.checker().list().getSelectionModel().getSelectedItem().step());
                e.consume();
            }
        });
        view.player().addListener(p -> {
            tools.sync();
            scheduleTraversal();
        });
        enableTraversal(view);
    }

    Presentation presentation() {
        return presentation;
    }

    MapsImport imports() {
        return imports;
    }

    StepLogPane stepLog() {
        return stepLog;
    }

    TreeTools tools() {
        return tools;
    }

    // ================================================================ keys

    /**
     * Keys of the classroom features, before the window's own. Returns true when the window must not act on
     * the key: it was handled here, or it belongs to the control the user reached with Tab (Space and Enter
     * press a focused button, open a focused choice).
     */
    boolean onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return false;
        }
        KeyCode k = e.getCode();
        Node owner = view.getScene() == null ? null : view.getScene().getFocusOwner();
        if ((k == KeyCode.SPACE || k == KeyCode.ENTER) && owner instanceof Control && owner.isFocusVisible()
                && !e.isShortcutDown()) {
            return true;
        }
        if (presentation.onKey(e)) {
            return true;
        }
        boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
        if (e.isShortcutDown() && k == KeyCode.F) {
            tools.openFind();
        } else if (e.isShortcutDown() && k == KeyCode.L) {
            toggleStepLog();
        } else if (plain && (k == KeyCode.P || k == KeyCode.F5)) {
            presentation.toggle();
        } else if (plain && k == KeyCode.O) {
            tools.toggleOverview();
        } else {
            return false;
        }
        e.consume();
        return true;
    }

    // ================================================================ step log

    boolean stepLogShown() {
        return view.rightColumn().getChildren().contains(stepLog);
    }

    void toggleStepLog() {
        showStepLog(!stepLogShown());
    }

    void showStepLog(boolean on) {
        javafx.scene.layout.VBox r = view.rightColumn();
        if (on && !r.getChildren().contains(stepLog)) {
            // the step log shares the checker's room under the locks
            r.getChildren().add(stepLog);
            javafx.scene.layout.VBox.setVgrow(stepLog, javafx.scene.layout.Priority.ALWAYS);
            stepLog.setMinHeight(0);
            stepLog.update();
            Platform.runLater(() -> stepLog.list().requestFocus());
        } else if (!on) {
            r.getChildren().remove(stepLog);
        }
    }

    // ================================================================ keyboard access

    private void scheduleTraversal() {
        if (!traversalPending) {
            traversalPending = true;
            Platform.runLater(() -> {
                traversalPending = false;
                enableTraversal(view);
            });
        }
    }

    /**
     * Every button, toggle, choice and list the window shows can be reached with Tab (the window made them
     * mouse-only so that Space always plays; Space still plays unless the user tabbed to a control). A button
     * with only an icon says what it does to a screen reader: its tooltip. No label parses mnemonics: an
     * underscore is always shown.
     */
    /**
     * Is this text's underscore meant as a mnemonic ("_Copy", "Find _address:")? Only when it is the text's one
     * underscore and starts a word; an underscore inside or before a name ({@code mm_rb_lock}, {@code __find_vma},
     * {@code _QW_WAITING}) is part of the name.
     */
    static boolean mnemonic(String text) {
        if (text == null) {
            return false;
        }
        int i = text.indexOf('_');
        return i >= 0 && i == text.lastIndexOf('_') && (i == 0 || text.charAt(i - 1) == ' ')
                && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
    }

    static void enableTraversal(Parent root) {
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.isMnemonicParsing() && !mnemonic(l.getText())) {
                // kernel names are full of underscores, and none of them is a mnemonic ("vma_has_changed")
                l.setMnemonicParsing(false);
            }
            if (n.getStyleClass().contains("code-list") || n.getStyleClass().contains("swatches")) {
                continue;
            }
            if (n instanceof ButtonBase || n instanceof ChoiceBox || n instanceof ComboBox || n instanceof ListView) {
                n.setFocusTraversable(true);
            }
            if (n instanceof Labeled l && (l.getText() == null || l.getText().isBlank())
                    && l.getAccessibleText() == null
                    && l.getTooltip() != null) {
                l.setAccessibleText(l.getTooltip().getText());
            }
            if (n instanceof Control c && c.getAccessibleHelp() == null && c.getTooltip() != null) {
                Tooltip t = c.getTooltip();
                c.setAccessibleHelp(t.getText());
            }
            if (n instanceof Parent p) {
                enableTraversal(p);
            }
        }
    }
}
