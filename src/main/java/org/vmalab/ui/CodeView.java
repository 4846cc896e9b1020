package org.vmalab.ui;

import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.Kernel;

/**
 * The current kernel function as pseudo-C in the kernel's style: each line with its v4.15 file:line, the
 * lines the patch adds marked with '+', the current line highlighted. A function without a listing yet
 * says so instead of showing nothing.
 */
final class CodeView extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");

    private final Label header = new Label();
    private final ListView<Listing.Line> list = new ListView<>();
    private final Label missing = new Label();
    private Listing listing;
    private final javafx.beans.property.IntegerProperty current = new javafx.beans.property.SimpleIntegerProperty(-1);

    CodeView() {
        getStyleClass().add("code-view");
        header.getStyleClass().add("code-header");
        header.setMaxWidth(Double.MAX_VALUE);
        missing.getStyleClass().add("code-missing");
        missing.setWrapText(true);
        list.getStyleClass().add("code-list");
        list.setFocusTraversable(false);
        list.setFixedCellSize(19);
        list.setCellFactory(v -> new LineCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    /** Shows the function of {@code loc} (null: the thread has not started). */
    void show(Loc loc, String idle) {
        if (loc == null) {
            listing = null;
            header.setText(idle);
            missing.setText("");
            getChildren().setAll(header);
            return;
        }
        Listing l = Kernel.listing(loc);
        String where = Kernel.where(loc);
        header.setText(loc.function() + "()   " + where);
        if (l == null) {
            listing = null;
            String err = Kernel.loadError();
            missing.setText(err != null ? "The pseudo-C listings could not be read: " + err
                    : "No pseudo-C listing for " + loc.function() + "() yet. The step is at " + where + ".");
            getChildren().setAll(header, missing);
            return;
        }
        if (!Objects.equals(l, listing)) {
            listing = l;
            current.set(-1);
            list.getItems().setAll(l.lines());
            getChildren().setAll(header, list);
        }
        int idx = l.indexOf(loc);
        if (idx != current.get()) {
            current.set(idx);
        }
        if (idx >= 0) {
            list.scrollTo(Math.max(0, idx - 1));
        }
    }

    List<Listing.Line> lines() {
        return list.getItems();
    }

    int currentLine() {
        return current.get();
    }

    private final class LineCell extends ListCell<Listing.Line> {
        private final Label number = new Label();
        private final Label mark = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(number, mark, text);

        LineCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-number");
            mark.getStyleClass().add("code-mark");
            text.getStyleClass().add("code-text");
            number.setMinWidth(42);
            mark.setMinWidth(14);
            current.addListener((o, a, n) -> pseudoClassStateChanged(CURRENT,
                    !isEmpty() && getIndex() == n.intValue()));
        }

        @Override
        protected void updateItem(Listing.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                pseudoClassStateChanged(CURRENT, false);
                pseudoClassStateChanged(ADDED, false);
                return;
            }
            number.setText(line.number() > 0 ? Integer.toString(line.number()) : "");
            mark.setText(line.addedByPatch() ? "+" : "");
            text.setText(line.text());
            pseudoClassStateChanged(CURRENT, getIndex() == current.get());
            pseudoClassStateChanged(ADDED, line.addedByPatch());
            setGraphic(box);
        }
    }
}
