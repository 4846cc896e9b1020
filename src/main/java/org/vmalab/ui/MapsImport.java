package org.vmalab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.vmalab.engine.Const;
import org.vmalab.engine.Scenario;
import org.vmalab.imports.MapsException;
import org.vmalab.imports.MapsImporter;
import org.vmalab.viewmodel.Playable;

/**
 * File ▸ Import maps…: a {@code /proc/PID/maps} file (or, on Linux, a running process by its id) becomes the
 * scenario the player plays ({@link MapsImporter#read}, {@link MapsImporter#scenario}). The file is read off the
 * UI thread. A malformed file is reported in one line under the caption, {@code file:LINE: message}, and the
 * window keeps what it was playing; nothing is ever thrown at the user.
 */
final class MapsImport {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final MainView view;
    private final HBox bar = new HBox();
    private final Label text = new Label();
    private final PauseTransition hideInfo = new PauseTransition(Duration.seconds(10));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmalab-import");
        t.setDaemon(true);
        return t;
    });
    private File lastDir;
    private long generation;
    private String lastMessage = "";
    private boolean reading;

    MapsImport(MainView view) {
        this.view = view;
        text.setId("import-message");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("import-dismiss");
        close.getStyleClass().add("small-button");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setAccessibleText("Dismiss the import message");
        close.setOnAction(e -> dismiss());
        bar.getChildren().addAll(text, close);
        bar.getStyleClass().add("import-error");
        bar.setId("import-bar");
        bar.setVisible(false);
        bar.setManaged(false);
        hideInfo.setOnFinished(e -> {
            if (!text.getPseudoClassStates().contains(BAD)) {
                dismiss();
            }
        });
        if (view.getTop() instanceof VBox top) {
            top.getChildren().add(bar);
        }
    }

    /** Is this a system where a process's maps can be read by its id? */
    static boolean pidSupported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** The last message (an error {@code file:LINE: message}, or what was imported), or "". */
    String message() {
        return lastMessage;
    }

    /** Is the message on screen an error? */
    boolean error() {
        return bar.isVisible() && text.getPseudoClassStates().contains(BAD);
    }

    boolean reading() {
        return reading;
    }

    /** Asks for a maps file and imports it. */
    void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import /proc/PID/maps");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("maps files", "*.maps", "maps", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDir != null && lastDir.isDirectory()) {
            fc.setInitialDirectory(lastDir);
        }
        File f = fc.showOpenDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (f != null) {
            lastDir = f.getParentFile();
            importFile(f.toPath());
        }
    }

    /** Asks for a process id and imports {@code /proc/PID/maps}. */
    void choosePid() {
        if (!pidSupported()) {
            show("Reading a process's maps by its id needs Linux (/proc/PID/maps); import a saved maps file "
                    + "instead.", true);
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.initOwner(view.getScene() == null ? null : view.getScene().getWindow());
        d.setTitle("Import a process");
        d.setHeaderText("Import the address space of a running process (/proc/PID/maps)");
        d.setContentText("Process id:");
        d.getEditor().setId("import-pid");
        if (view.getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(view.getScene().getStylesheets());
            d.getDialogPane().getStylesheets().addAll(view.getStylesheets());
        }
        Optional<String> r = d.showAndWait();
        r.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(this::importPid);
    }

    void importPid(String pid) {
        if (!pid.matches("[0-9]{1,9}")) {
            show("'" + (pid.length() > 20 ? pid.substring(0, 20) + "…" : pid) + "' is not a process id (a number "
                    + "such as 1234)", true);
            return;
        }
        importFile(Path.of("/proc", pid, "maps"));
    }

    /** Reads {@code file} off the UI thread; a good one is loaded into the player, a bad one reported. */
    void importFile(Path file) {
        long gen = ++generation;
        reading = true;
        worker.execute(() -> {
            Scenario sc = null;
            String msg;
            boolean bad;
            try {
                MapsImporter.Result r = MapsImporter.readForWindow(file);
                sc = MapsImporter.scenario(r);
                msg = String.format("Imported %,d VMAs from %s%s%s", r.vmas().size(), file, r.notes().isEmpty() ? ""
                        : " (" + String.join("; ", r.notes()) + ")", r.maxMapCount() > Const.MAX_MAP_COUNT
                        ? String.format(" (more than the kernel's default of %,d: max_map_count is %,d, as several "
                        + "distributions set it)", Const.MAX_MAP_COUNT, r.maxMapCount()) : "");
                bad = false;
            } catch (MapsException e) {
                msg = e.getMessage();
                bad = true;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                msg = file + ": cannot import: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
                bad = true;
            }
            Scenario done = sc;
            String m = msg.replace('\n', ' ');
            boolean b = bad;
            Platform.runLater(() -> {
                if (gen != generation) {
                    return;
                }
                reading = false;
                show(m, b);
                if (done != null) {
                    load(done);
                }
            });
        });
    }

    private void load(Scenario sc) {
        if (view.lookup("#lesson-toggle") instanceof javafx.scene.control.ToggleButton lt && lt.isSelected()) {
            lt.setSelected(false);
        }
        view.tree().closeAll();
        view.tree().fitWhenShown();
        view.player().load(Playable.of(sc));
    }

    private void show(String message, boolean bad) {
        lastMessage = message;
        text.setText(message);
        text.setTooltip(new Tooltip(message));
        text.pseudoClassStateChanged(BAD, bad);
        bar.pseudoClassStateChanged(BAD, bad);
        bar.setVisible(true);
        bar.setManaged(true);
        hideInfo.playFromStart();
    }

    void dismiss() {
        bar.setVisible(false);
        bar.setManaged(false);
    }
}
