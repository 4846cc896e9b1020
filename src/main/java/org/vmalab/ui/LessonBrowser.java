package org.vmalab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.LessonLibrary;
import org.vmalab.viewmodel.Lessons;

/**
 * The lesson browser: every lesson with its title, summary and how much of it is done; a lesson that does not
 * load is listed with its error ({@code file:line:column: message}) and cannot be opened, the others can. The
 * lessons are the built-in ones and those of the folders the user added here (remembered; "Forget folder" leaves
 * the files where they are).
 */
final class LessonBrowser extends Dialog<Lesson> {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final ListView<Lessons.Entry> list = new ListView<>();
    private final ButtonType open = new ButtonType("Open lesson", ButtonBar.ButtonData.OK_DONE);

    private final LessonLibrary library;
    private final Button addFolder = new Button("Add a folder…");
    private final Button forget = new Button("Forget folder");

    LessonBrowser(Window owner, LessonLibrary library, Lessons.Progress progress, String current) {
        this.library = library;
        initOwner(owner);
        setTitle("Lessons");
        setResizable(true);
        show(library.entries());
        List<Lessons.Entry> entries = list.getItems();
        list.setCellFactory(v -> new EntryCell(progress, library));
        list.setPrefSize(720, 520);
        list.getStyleClass().add("lesson-browser");
        list.setId("lesson-list");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).ok() && entries.get(i).id().equals(current)) {
                list.getSelectionModel().select(i);
                list.scrollTo(i);
            }
        }
        addFolder.setId("lesson-add-folder");
        addFolder.setTooltip(new Tooltip("Add the lessons of a folder of yours (remembered)"));
        addFolder.setOnAction(e -> chooseFolder());
        forget.setId("lesson-forget-folder");
        forget.setTooltip(new Tooltip("Take the selected lesson's folder off this list (its files stay)"));
        forget.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Lessons.Entry e = list.getSelectionModel().getSelectedItem();
            LessonLibrary.Shelf sh = e == null ? null : library.shelfOf(e);
            return sh == null || sh.builtIn();
        }, list.getSelectionModel().selectedItemProperty(), list.getItems()));
        forget.setOnAction(e -> {
            Lessons.Entry sel = list.getSelectionModel().getSelectedItem();
            LessonLibrary.Shelf sh = sel == null ? null : library.shelfOf(sel);
            if (sh != null && !sh.builtIn()) {
                library.removeFolder(sh.dir());
                show(library.entries());
            }
        });
        HBox buttons = new HBox(8, addFolder, forget);
        VBox.setVgrow(list, Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, list, buttons));
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CLOSE);
        getDialogPane().getStyleClass().add("lesson-browser-pane");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        javafx.scene.Node ok = getDialogPane().lookupButton(open);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Lessons.Entry e = list.getSelectionModel().getSelectedItem();
            return e == null || !e.ok();
        }, list.getSelectionModel().selectedItemProperty()));
        list.setOnMouseClicked(e -> {
            Lessons.Entry sel = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && sel != null && sel.ok()) {
                setResult(sel.lesson());
                close();
            }
        });
        setResultConverter(b -> {
            Lessons.Entry e = list.getSelectionModel().getSelectedItem();
            return b == open && e != null && e.ok() ? e.lesson() : null;
        });
    }

    Optional<Lesson> choose() {
        return showAndWait();
    }

    /** Lists {@code entries} and says how many there are and where they come from. */
    private void show(List<Lessons.Entry> entries) {
        list.getItems().setAll(entries);
        int builtIn = library.shelves().get(0).entries().size();
        int folders = library.folders().size();
        setHeaderText(entries.isEmpty() ? "No lessons found. Add a folder of lesson files (File ▸ Open lesson… "
                + "opens one file)." : (folders == 0 ? builtIn + " built-in lessons" : entries.size() + " lessons ("
                + builtIn + " built in, " + (entries.size() - builtIn) + " from " + (folders == 1 ? "your folder"
                : "your " + folders + " folders") + ")") + ". Double-click one to open it.");
    }

    /** Asks for a folder and adds its lessons; says so when it has none. */
    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Add a folder of lessons");
        List<Path> known = library.folders();
        Path start = known.isEmpty() ? Path.of(System.getProperty("user.home", ".")) : known.get(known.size() - 1);
        if (java.nio.file.Files.isDirectory(start)) {
            dc.setInitialDirectory(start.toFile());
        }
        java.io.File f = dc.showDialog(getDialogPane().getScene() == null ? null
                : getDialogPane().getScene().getWindow());
        if (f != null) {
            addFolder(f.toPath());
        }
    }

    /** Adds the lessons of {@code dir} and selects the first of them. */
    void addFolder(Path dir) {
        library.addFolder(dir);
        show(library.entries());
        for (LessonLibrary.Shelf sh : library.shelves()) {
            if (!sh.builtIn() && sh.dir().equals(dir.toAbsolutePath().normalize())) {
                if (sh.entries().isEmpty()) {
                    setHeaderText("No lesson files (*.yaml) in " + sh.dir() + ". " + getHeaderText());
                } else {
                    list.getSelectionModel().select(sh.entries().get(0));
                    list.scrollTo(sh.entries().get(0));
                }
            }
        }
    }

    ListView<Lessons.Entry> list() {
        return list;
    }

    /**
     * A lesson's line in the browser: its parts (those the lesson needs, and the optional ones: the lesson pane lists
     * them all), how many of the needed ones are done, and its challenges (★).
     */
    static String stateText(Lesson l, Lessons.Progress progress) {
        int d = Lessons.requiredDone(l, progress);
        int n = Lessons.partsRequired(l);
        int optional = l.parts().size() - n;
        long challenges = l.parts().stream().filter(p -> p.challenge() != null).count();
        String parts = Lessons.done(l, progress) ? "✓ done" : d > 0 ? d + " of " + n + " parts done"
                : n + (n == 1 ? " part" : " parts") + (optional > 0 ? " + " + optional + " optional" : "");
        return parts + (challenges > 0 ? " · " + challenges + " ★" : "");
    }

    private static final class EntryCell extends ListCell<Lessons.Entry> {
        private final Lessons.Progress progress;
        private final LessonLibrary library;
        private final Label title = new Label();
        private final Label source = new Label();
        private final Label state = new Label();
        private final Label summary = new Label();
        private final VBox box;

        EntryCell(Lessons.Progress progress, LessonLibrary library) {
            this.progress = progress;
            this.library = library;
            source.getStyleClass().add("browser-source");
            title.getStyleClass().add("browser-title");
            state.getStyleClass().add("browser-state");
            summary.getStyleClass().add("browser-summary");
            summary.setWrapText(true);
            // the count keeps its words, the title wraps beside it rather than being cut (lesson 15's title was
            // cut to "...use the vmac..." in the browser of a 1280x720 window, its count to "3 parts + 1
            // optional ·...")
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            source.setMinWidth(Region.USE_PREF_SIZE);
            state.setMinWidth(Region.USE_PREF_SIZE);
            Region sp = new Region();
            HBox.setHgrow(sp, Priority.ALWAYS);
            box = new VBox(2, new HBox(8, title, sp, source, state), summary);
            box.getStyleClass().add("browser-entry");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Lessons.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            String id = e.id();
            int k = 0;
            while (k < id.length() && Character.isDigit(id.charAt(k))) {
                k++;
            }
            title.setText((k > 0 ? id.substring(0, k) + ". " : "") + e.title());
            LessonLibrary.Shelf sh = library.shelfOf(e);
            source.setText(sh == null || sh.builtIn() ? "" : "from " + (sh.dir().getFileName() == null
                    ? sh.dir().toString() : sh.dir().getFileName().toString()));
            if (e.ok()) {
                Lesson l = e.lesson();
                boolean done = Lessons.done(l, progress);
                state.setText(stateText(l, progress));
                summary.setText(e.summary());
                pseudoClassStateChanged(DONE, done);
                pseudoClassStateChanged(BAD, false);
            } else {
                state.setText("does not load");
                summary.setText(e.error());
                pseudoClassStateChanged(DONE, false);
                pseudoClassStateChanged(BAD, true);
            }
            setGraphic(box);
        }
    }
}
