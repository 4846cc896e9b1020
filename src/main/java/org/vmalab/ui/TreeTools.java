package org.vmalab.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vmalab.viewmodel.AddressSearch;
import org.vmalab.viewmodel.Overview;
import org.vmalab.viewmodel.StepScene;

/**
 * The tree's tools at its top-left corner: the overview of a large tree (on or off, close what was opened) and
 * Find address: the VMA containing an address (or the one find_vma would return) is opened, brought into view
 * and ringed. Shown for a large tree, or when Find is asked for (Ctrl+F) on a small one.
 */
final class TreeTools extends VBox {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final MainView view;
    private final TreeCanvas tree;
    private final ToggleButton overview = new ToggleButton("Overview");
    private final TextField field = new TextField();
    private final Label result = new Label();
    private final Label banner = new Label();
    private boolean findOpen;
    private boolean syncing;
    /** The tree's address-space generation Find was opened in. */
    private int generation;

    TreeTools(MainView view) {
        this.view = view;
        this.tree = view.tree();
        getStyleClass().add("tree-tools");
        setId("tree-tools");
        overview.setId("overview-toggle");
        overview.getStyleClass().add("small-button");
        overview.setTooltip(new Tooltip("Collapse subtrees into summary nodes (count, largest gap) (O)"));
        overview.selectedProperty().addListener((o, a, on) -> {
            if (!syncing) {
                tree.setOverview(on);
            }
        });
        Button closeAll = new Button("Close all");
        closeAll.setId("overview-close-all");
        closeAll.getStyleClass().add("small-button");
        closeAll.setTooltip(new Tooltip("Close every subtree you opened: the overview as it started"));
        closeAll.setOnAction(e -> tree.closeAll());
        Label findLabel = new Label("Find _address:");
        findLabel.setMnemonicParsing(true);
        findLabel.setLabelFor(field);
        field.setId("find-address");
        field.getStyleClass().add("find-field");
        field.setPromptText("0x7ffff7dd1000");
        field.setAccessibleText("Find address");
        field.setOnAction(e -> find());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeFind();
                e.consume();
            }
        });
        Button go = new Button("Find");
        go.setId("find-go");
        go.getStyleClass().add("small-button");
        go.setOnAction(e -> find());
        Button close = new Button("✕");
        close.getStyleClass().add("small-button");
        close.setAccessibleText("Close Find");
        close.setTooltip(new Tooltip("Close Find (Esc)"));
        close.setOnAction(e -> closeFind());
        HBox row = new HBox(6, overview, closeAll, findLabel, field, go, close);
        row.setAlignment(Pos.CENTER_LEFT);
        result.setId("find-result");
        result.getStyleClass().add("find-result");
        result.setWrapText(true);
        result.setMaxWidth(640);
        banner.getStyleClass().add("overview-banner");
        banner.setId("overview-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(640);
        getChildren().addAll(row, banner, result);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_LEFT);
        tree.setViewListener(t -> sync());
        // a fit keeps the tree below the tools
        tree.setTopRoom(() -> isVisible() ? getBoundsInParent().getMaxY() + 4 : 0);
        boundsInParentProperty().addListener((o, a, b) -> tree.topRoomChanged());
        visibleProperty().addListener((o, a, b) -> tree.topRoomChanged());
        sync();
    }

    /** Opens Find and puts the keyboard in its field. */
    void openFind() {
        findOpen = true;
        sync();
        field.requestFocus();
        field.selectAll();
    }

    void closeFind() {
        findOpen = false;
        result.setText("");
        sync();
        tree.requestFocus();
    }

    TextField field() {
        return field;
    }

    Label result() {
        return result;
    }

    /** Looks up the typed address in the scene on screen. */
    void find() {
        StepScene s = view.player().scene();
        if (s == null) {
            return;
        }
        try {
            AddressSearch.Hit h = AddressSearch.find(s, AddressSearch.parse(field.getText()));
            result.setText(h.text());
            result.pseudoClassStateChanged(BAD, h.vma() < 0);
            tree.showFound(h.vma());
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            result.pseudoClassStateChanged(BAD, true);
        }
        result.setManaged(true);
        result.setVisible(true);
    }

    /** Shown for a large tree or an open Find; the overview's state in words. */
    void sync() {
        syncing = true;
        try {
            if (tree.generation() != generation) {
                // another address space: what was looked up in the last one means nothing here
                generation = tree.generation();
                findOpen = false;
                result.setText("");
            }
            boolean big = tree.overviewShown() || view.player().scene() != null
                    && view.player().scene().nodes().size() > Overview.AUTO_THRESHOLD;
            overview.setSelected(tree.overviewShown());
            boolean show = big || findOpen;
            setVisible(show);
            setManaged(show);
            String b = tree.overviewShown() ? tree.banner() : "";
            banner.setText(b);
            banner.setVisible(!b.isEmpty());
            banner.setManaged(!b.isEmpty());
            boolean r = !result.getText().isEmpty();
            result.setVisible(r);
            result.setManaged(r);
        } finally {
            syncing = false;
        }
    }

    /** Overview on or off (the O key). */
    void toggleOverview() {
        overview.setSelected(!overview.isSelected());
    }
}
