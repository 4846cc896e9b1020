package org.vmalab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;

/**
 * The lesson browser: every lesson with its title, summary and how much of it is done; a lesson that does not
 * load is listed with its error ({@code file:line:column: message}) and cannot be opened, the others can.
 */
final class LessonBrowser extends Dialog<Lesson> {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final ListView<Lessons.Entry> list = new ListView<>();
    private final ButtonType open = new ButtonType("Open lesson", ButtonBar.ButtonData.OK_DONE);

    LessonBrowser(Window owner, List<Lessons.Entry> entries, Lessons.Progress progress, Path dir, String current) {
        initOwner(owner);
        setTitle("Lessons");
        setHeaderText(entries.isEmpty() ? "No lessons found" + (dir == null ? " (no lessons/ directory next to "
                + "the jar or in the working directory; set -Dvmalab.lessons=DIR)" : " in " + dir)
                : entries.size() + " lessons" + (dir == null ? "" : " in " + dir) + ". Double-click one to open "
                + "it.");
        setResizable(true);
        list.getItems().setAll(entries);
        list.setCellFactory(v -> new EntryCell(progress));
        list.setPrefSize(720, 520);
        list.getStyleClass().add("lesson-browser");
        list.setId("lesson-list");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).ok() && entries.get(i).id().equals(current)) {
                list.getSelectionModel().select(i);
                list.scrollTo(i);
            }
        }
        getDialogPane().setContent(list);
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

    private static final class EntryCell extends ListCell<Lessons.Entry> {
        private final Lessons.Progress progress;
        private final Label title = new Label();
        private final Label state = new Label();
        private final Label summary = new Label();
        private final VBox box;

        EntryCell(Lessons.Progress progress) {
            this.progress = progress;
            title.getStyleClass().add("browser-title");
            state.getStyleClass().add("browser-state");
            summary.getStyleClass().add("browser-summary");
            summary.setWrapText(true);
            Region sp = new Region();
            HBox.setHgrow(sp, Priority.ALWAYS);
            box = new VBox(2, new HBox(8, title, sp, state), summary);
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
            if (e.ok()) {
                Lesson l = e.lesson();
                int d = Lessons.partsDone(l, progress);
                int n = l.parts().size();
                state.setText(d == n ? "✓ done" : d > 0 ? d + " of " + n + " parts done"
                        : n + (n == 1 ? " part" : " parts"));
                summary.setText(e.summary());
                pseudoClassStateChanged(DONE, d == n);
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
