package org.vmalab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.vmalab.ui.ExportAsk.Chosen;
import org.vmalab.ui.ExportAsk.FramesChoice;
import org.vmalab.ui.ExportAsk.PngChoice;

/**
 * The questions an export asks: where (file choosers that remember their folder in {@link Preferences}), what
 * (the panel and scale of a PNG; the steps, delays and size of a GIF or PNG sequence), and whether to replace
 * files. {@link WindowActions} asks through {@link ExportAsk}, so that tests answer for the user.
 */
final class ExportDialogs implements ExportAsk {
    static final String FOLDER_KEY = "folder";
    private final Window owner;
    private final Preferences prefs;
    private final java.util.List<String> stylesheets;

    ExportDialogs(Window owner, Preferences prefs, java.util.List<String> stylesheets) {
        this.owner = owner;
        this.prefs = prefs;
        this.stylesheets = stylesheets;
    }

    /** The folder the last chooser ended in (or the home folder). */
    static Path folder(Preferences prefs) {
        String f = prefs.get(FOLDER_KEY, null);
        if (f != null) {
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return Path.of(System.getProperty("user.home", "."));
    }

    /** Remembers the folder of a chosen file or folder. */
    static void remember(Preferences prefs, Path chosen) {
        if (chosen == null) {
            return;
        }
        Path dir = Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
        if (dir != null) {
            prefs.put(FOLDER_KEY, dir.toString());
            try {
                prefs.flush();
            } catch (java.util.prefs.BackingStoreException | SecurityException e) {
                // remembered for this session only
            }
        }
    }

    @Override
    public Chosen saveFile(String title, String initialName, String description, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(folder(prefs).toFile());
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        java.io.File f = fc.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        Path p = f.toPath();
        boolean asked = true;
        if (!p.getFileName().toString().contains(".")) {
            // a name typed without its extension: the dialog asked about another name
            p = p.resolveSibling(p.getFileName() + "." + extension);
            asked = false;
        }
        remember(prefs, p);
        return new Chosen(p, asked);
    }

    @Override
    public Path openFile(String title, String description, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(folder(prefs).toFile());
        String[] globs = new String[extensions.length];
        for (int i = 0; i < extensions.length; i++) {
            globs[i] = "*." + extensions[i];
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, globs));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File f = fc.showOpenDialog(owner);
        if (f == null) {
            return null;
        }
        remember(prefs, f.toPath());
        return f.toPath();
    }

    @Override
    public Path folder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        dc.setInitialDirectory(folder(prefs).toFile());
        java.io.File f = dc.showDialog(owner);
        if (f == null) {
            return null;
        }
        remember(prefs, f.toPath());
        return f.toPath();
    }

    @Override
    public boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("VMA Lab");
        a.setHeaderText(header);
        style(a);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void style(Dialog<?> d) {
        d.getDialogPane().getStylesheets().addAll(stylesheets);
        d.getDialogPane().getStyleClass().add("export-dialog");
    }

    @Override
    public Optional<PngChoice> png(PngChoice last) {
        Dialog<PngChoice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export PNG");
        d.setHeaderText("A picture of the window or of one panel, as it is on the screen");
        ChoiceBox<RunRenderer.Panel> panel = panels(last.panel());
        ChoiceBox<String> scale = new ChoiceBox<>();
        scale.getItems().addAll("1×", "2× (slides, HiDPI)");
        scale.getSelectionModel().select(last.scale() >= 2 ? 1 : 0);
        GridPane g = grid();
        g.addRow(0, new Label("Show"), panel);
        g.addRow(1, new Label("Scale"), scale);
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().setContent(g);
        style(d);
        d.setResultConverter(b -> b == save ? new PngChoice(panel.getValue(),
                scale.getSelectionModel().getSelectedIndex() + 1) : null);
        return d.showAndWait();
    }

    @Override
    public Optional<FramesChoice> frames(FramesChoice def, int size, boolean gif) {
        Dialog<FramesChoice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(gif ? "Export animated GIF" : "Export PNG sequence");
        d.setHeaderText(gif ? "One frame per step of the run, in the window's size and theme"
                : "One numbered PNG per step of the run, in the window's size and theme");
        Spinner<Integer> from = spinner(0, size, Math.min(def.from(), size));
        Spinner<Integer> to = spinner(0, size, Math.min(def.to(), size));
        Spinner<Integer> delay = spinner(20, 10_000, def.delayMs());
        Spinner<Integer> hold = spinner(20, 60_000, def.holdMs());
        CheckBox loop = new CheckBox("loop forever");
        loop.setSelected(def.loop());
        ChoiceBox<RunRenderer.Panel> panel = panels(def.panel());
        ChoiceBox<String> scale = new ChoiceBox<>();
        scale.getItems().addAll("1×", "2×");
        scale.getSelectionModel().select(def.scale() >= 2 ? 1 : 0);
        Label count = new Label();
        count.getStyleClass().add("hint");
        Runnable recount = () -> {
            int n = to.getValue() - from.getValue() + 1;
            count.setText(n < 1 ? "the range is empty" : n + " frame" + (n == 1 ? "" : "s")
                    + (n > WindowActions.MAX_FRAMES ? " — at most " + WindowActions.MAX_FRAMES : ""));
        };
        from.valueProperty().addListener((o, a, v) -> recount.run());
        to.valueProperty().addListener((o, a, v) -> recount.run());
        recount.run();
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, new Label("From index"), from, new Label("0 = the initial state"));
        g.addRow(r++, new Label("To index"), to, new Label("the run has " + size + " steps"));
        if (gif) {
            g.addRow(r++, new Label("Each step (ms)"), delay);
            g.addRow(r++, new Label("Last step (ms)"), hold);
            g.addRow(r++, new Label(""), loop);
        }
        g.addRow(r++, new Label("Show"), panel);
        g.addRow(r++, new Label("Scale"), scale);
        g.addRow(r, new Label(""), count);
        ButtonType save = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().setContent(g);
        style(d);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(save);
        Runnable valid = () -> {
            int n = to.getValue() - from.getValue() + 1;
            ok.setDisable(n < 1 || n > WindowActions.MAX_FRAMES);
        };
        from.valueProperty().addListener((o, a, v) -> valid.run());
        to.valueProperty().addListener((o, a, v) -> valid.run());
        valid.run();
        d.setResultConverter(b -> b == save ? new FramesChoice(from.getValue(), to.getValue(), delay.getValue(),
                hold.getValue(), loop.isSelected(), panel.getValue(), scale.getSelectionModel().getSelectedIndex() + 1)
                : null);
        return d.showAndWait();
    }

    private static ChoiceBox<RunRenderer.Panel> panels(RunRenderer.Panel selected) {
        ChoiceBox<RunRenderer.Panel> c = new ChoiceBox<>();
        c.getItems().addAll(RunRenderer.Panel.values());
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunRenderer.Panel p) {
                return p == null ? "" : p == RunRenderer.Panel.WINDOW ? "the whole window" : "the " + p.label();
            }

            @Override
            public RunRenderer.Panel fromString(String s) {
                return null;
            }
        });
        c.setValue(selected);
        return c;
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value)));
        s.setEditable(true);
        s.setPrefWidth(110);
        return s;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10, 10, 4, 10));
        return g;
    }
}
