package org.vmalab.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.mm.OpSyntax;
import org.vmalab.viewmodel.ScenarioDraft;

/**
 * The scenario form: the initial layout (a table of VMAs), the threads' programs (one operation per line),
 * and the run settings (a ControlsFX property sheet). Every edit is validated at once; the problems are
 * listed in plain words and "Run" stays disabled until there are none.
 */
final class ScenarioEditor extends Dialog<Scenario> {
    private final ObservableList<VmaFx> vmas = FXCollections.observableArrayList(
            v -> new javafx.beans.Observable[] {v.file});
    private final ObservableList<ThreadFx> threads = FXCollections.observableArrayList();
    private final ScenarioDraft draft;
    private final Label errors = new Label();
    private final ButtonType run = new ButtonType("Run this scenario", ButtonBar.ButtonData.OK_DONE);
    private final ListView<ThreadFx> threadList = new ListView<>(threads);
    private final TextField threadName = new TextField();
    private final TextArea program = new TextArea();
    private final Label role = new Label();
    private ScenarioDraft.Result result;
    private boolean syncing;

    /** A layout row with properties for the table. */
    static final class VmaFx {
        final StringProperty name = new SimpleStringProperty();
        final StringProperty start = new SimpleStringProperty();
        final StringProperty end = new SimpleStringProperty();
        final StringProperty flags = new SimpleStringProperty();
        final BooleanProperty file = new SimpleBooleanProperty();
        final StringProperty anon = new SimpleStringProperty();

        VmaFx(ScenarioDraft.VmaRow r) {
            name.set(r.name);
            start.set(r.start);
            end.set(r.end);
            flags.set(r.flags);
            file.set(r.file);
            anon.set(r.anonVma);
        }

        ScenarioDraft.VmaRow row() {
            return new ScenarioDraft.VmaRow(name.get(), start.get(), end.get(), flags.get(), file.get(), anon.get());
        }
    }

    /** A thread with its program text. */
    static final class ThreadFx {
        final StringProperty name = new SimpleStringProperty();
        final StringProperty program = new SimpleStringProperty();

        ThreadFx(String n, String p) {
            name.set(n);
            program.set(p);
        }
    }

    ScenarioEditor(Window owner, Scenario s) {
        initOwner(owner);
        setTitle("Edit the scenario");
        setHeaderText("The initial layout, the threads' programs and the run settings. Problems are listed "
                + "below as you type.");
        setResizable(true);
        draft = ScenarioDraft.of(s);
        for (ScenarioDraft.VmaRow r : draft.vmas) {
            vmas.add(new VmaFx(r));
        }
        for (ScenarioDraft.ThreadRow t : draft.threads) {
            threads.add(new ThreadFx(t.name, t.program));
        }
        vmas.addListener((javafx.collections.ListChangeListener<VmaFx>) ch -> {
            while (ch.next()) {
                if (ch.wasUpdated()) {
                    validate();
                    return;
                }
            }
        });
        TabPane tabs = new TabPane(new Tab("Layout", layoutTab()), new Tab("Threads", threadsTab()),
                new Tab("Settings", settingsTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        errors.getStyleClass().add("form-errors");
        errors.setWrapText(true);
        errors.setMaxWidth(Double.MAX_VALUE);
        errors.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(10, tabs, errors);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        content.setPrefSize(860, 560);
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("scenario-editor");
        getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        setResultConverter(b -> b == run && result != null && result.ok() ? result.scenario() : null);
        validate();
    }

    private Node layoutTab() {
        TableView<VmaFx> table = new TableView<>(vmas);
        table.setEditable(true);
        table.getColumns().add(textColumn("name", 110, v -> v.name));
        table.getColumns().add(textColumn("vm_start", 150, v -> v.start));
        table.getColumns().add(textColumn("vm_end", 150, v -> v.end));
        table.getColumns().add(textColumn("vm_flags", 150, v -> v.flags));
        table.getColumns().add(checkColumn("file (vm_ops)", 100, v -> v.file));
        table.getColumns().add(textColumn("anon_vma", 80, v -> v.anon));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button add = new Button("Add VMA");
        add.setOnAction(e -> {
            vmas.add(new VmaFx(new ScenarioDraft.VmaRow("vma" + (vmas.size() + 1), "0x0", "0x1000", "rw-", false,
                    "0")));
            validate();
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            VmaFx v = table.getSelectionModel().getSelectedItem();
            if (v != null) {
                vmas.remove(v);
                validate();
            }
        });
        Button w = new Button("Layout W (/bin/cat)");
        w.setOnAction(e -> loadLayout(Scenarios.layoutW()));
        Button m = new Button("Layout M (merge)");
        m.setOnAction(e -> loadLayout(Scenarios.layoutM()));
        Button clear = new Button("Empty");
        clear.setOnAction(e -> loadLayout(List.of()));
        HBox bar = new HBox(8, add, remove, new Label("  load:"), w, m, clear);
        Label help = new Label("Addresses in hex (0x...), page aligned; vm_flags as in lesson files (rw-, r-x "
                + "shared, rw- growsdown); the VMAs are linked in this order at the start. Double-click a cell to "
                + "edit it.");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        help.getStyleClass().add("form-help");
        VBox box = new VBox(8, help, table, bar);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setFillWidth(true);
        box.getStyleClass().add("form-tab");
        return box;
    }

    private void loadLayout(List<org.vmalab.engine.VmaSpec> layout) {
        ScenarioDraft d = new ScenarioDraft();
        d.setLayout(layout);
        vmas.clear();
        for (ScenarioDraft.VmaRow r : d.vmas) {
            vmas.add(new VmaFx(r));
        }
        validate();
    }

    private TableColumn<VmaFx, String> textColumn(String title, double w,
                                                  java.util.function.Function<VmaFx, StringProperty> p) {
        TableColumn<VmaFx, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> p.apply(cd.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            p.apply(e.getRowValue()).set(e.getNewValue());
            validate();
        });
        c.setPrefWidth(w);
        return c;
    }

    private TableColumn<VmaFx, Boolean> checkColumn(String title, double w,
                                                    java.util.function.Function<VmaFx, BooleanProperty> p) {
        TableColumn<VmaFx, Boolean> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> p.apply(cd.getValue()));
        c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
        c.setEditable(true);
        c.setPrefWidth(w);
        return c;
    }

    private Node threadsTab() {
        threadList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ThreadFx t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name.get());
            }
        });
        threadList.setPrefWidth(150);
        threadList.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            syncing = true;
            threadName.setText(t == null ? "" : t.name.get());
            program.setText(t == null ? "" : t.program.get());
            threadName.setDisable(t == null);
            program.setDisable(t == null);
            syncing = false;
            validate();
        });
        threadName.textProperty().addListener((o, a, n) -> {
            ThreadFx t = threadList.getSelectionModel().getSelectedItem();
            if (t != null && !syncing) {
                t.name.set(n);
                threadList.refresh();
                validate();
            }
        });
        program.textProperty().addListener((o, a, n) -> {
            ThreadFx t = threadList.getSelectionModel().getSelectedItem();
            if (t != null && !syncing) {
                t.program.set(n);
                validate();
            }
        });
        program.getStyleClass().add("program-editor");
        program.setPrefRowCount(10);
        Button add = new Button("Add thread");
        add.setOnAction(e -> {
            threads.add(new ThreadFx("T" + (threads.size() + 1), "spf 0x55555575e000\n"));
            threadList.getSelectionModel().selectLast();
            validate();
        });
        Button remove = new Button("Remove thread");
        remove.setOnAction(e -> {
            ThreadFx t = threadList.getSelectionModel().getSelectedItem();
            if (t != null) {
                threads.remove(t);
                validate();
            }
        });
        Label help = new Label("One operation per line, as in lesson files (# starts a comment):\n"
                + "  spf ADDR [write] · fault ADDR [write] · get_vma ADDR · put_vma · find_vma ADDR\n"
                + "  munmap START END · map NAME START-END [rw-] [shared] [growsdown] [file] [anon_vma N]\n"
                + "  mmap LEN [name N] [rw-] [shared] [file] [fixed|hint ADDR] [bottomup] · brk ADDR\n"
                + "  search topdown|bottomup LEN LOW HIGH · down_read · up_read · down_write · up_write");
        help.getStyleClass().addAll("form-help", "mono");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        role.getStyleClass().add("form-help");
        VBox right = new VBox(6, new Label("Name"), threadName, new Label("Program"), program, role, help);
        VBox.setVgrow(program, Priority.ALWAYS);
        BorderPane pane = new BorderPane();
        VBox left = new VBox(6, threadList, new HBox(6, add, remove));
        VBox.setVgrow(threadList, Priority.ALWAYS);
        pane.setLeft(left);
        pane.setCenter(right);
        BorderPane.setMargin(right, new javafx.geometry.Insets(0, 0, 0, 10));
        pane.getStyleClass().add("form-tab");
        if (!threads.isEmpty()) {
            threadList.getSelectionModel().selectFirst();
        }
        return pane;
    }

    private Node settingsTab() {
        ObservableList<PropertySheet.Item> items = FXCollections.observableArrayList(
                new Item<>("Scenario", "title", "Shown in the window title and the caption", String.class,
                        () -> draft.title, v -> draft.title = v),
                new Item<>("Run", "granularity", "MICRO: one store per step; MACRO: one labelled group per step",
                        Granularity.class, () -> draft.granularity, v -> draft.granularity = v),
                new Item<>("mm", "mm_users", "0 = one per thread; speculative faults need more than 1",
                        Integer.class, () -> draft.mmUsers, v -> draft.mmUsers = v == null ? 0 : v),
                new Item<>("mm", "stack_guard_gap", "hex; the default is 0x100000 (256 pages)", String.class,
                        () -> draft.stackGuard, v -> draft.stackGuard = v),
                new Item<>("mm", "mmap_base", "hex; the top-down allocator's high limit", String.class,
                        () -> draft.mmapBase, v -> draft.mmapBase = v));
        PropertySheet sheet = new PropertySheet(items);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        Label note = new Label("Protections and the rwlock policy are set in the main window's toolbar.");
        note.getStyleClass().add("form-help");
        VBox box = new VBox(8, sheet, note);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        box.getStyleClass().add("form-tab");
        return box;
    }

    /** A property sheet row over a draft field. */
    private final class Item<T> implements PropertySheet.Item {
        private final String category;
        private final String name;
        private final String description;
        private final Class<T> type;
        private final java.util.function.Supplier<T> get;
        private final java.util.function.Consumer<T> set;

        Item(String category, String name, String description, Class<T> type, java.util.function.Supplier<T> get,
             java.util.function.Consumer<T> set) {
            this.category = category;
            this.name = name;
            this.description = description;
            this.type = type;
            this.get = get;
            this.set = set;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return get.get();
        }

        @Override
        public void setValue(Object value) {
            set.accept(type.cast(value));
            validate();
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }

    private void validate() {
        draft.vmas.clear();
        for (VmaFx v : vmas) {
            draft.vmas.add(v.row());
        }
        draft.threads.clear();
        for (ThreadFx t : threads) {
            draft.threads.add(new ScenarioDraft.ThreadRow(t.name.get(), t.program.get()));
        }
        result = draft.build();
        ThreadFx sel = threadList.getSelectionModel().getSelectedItem();
        if (sel != null) {
            java.util.List<String> ignore = new java.util.ArrayList<>();
            role.setText("Role: " + ThreadSpec.infer(OpSyntax.parseProgram(sel.program.get() == null ? ""
                    : sel.program.get(), ignore, "")).label());
        }
        Node ok = getDialogPane().lookupButton(run);
        if (ok != null) {
            ok.setDisable(!result.ok());
        }
        if (result.ok()) {
            errors.setText("✓ The scenario is valid: " + vmas.size() + " VMAs, " + threads.size() + " thread"
                    + (threads.size() == 1 ? "" : "s") + ".");
            errors.getStyleClass().remove("bad");
        } else {
            List<String> e = result.errors();
            StringBuilder b = new StringBuilder(e.size() + " problem" + (e.size() == 1 ? "" : "s") + ":");
            for (int i = 0; i < e.size() && i < 8; i++) {
                b.append("\n• ").append(e.get(i));
            }
            if (e.size() > 8) {
                b.append("\n… and ").append(e.size() - 8).append(" more");
            }
            errors.setText(b.toString());
            if (!errors.getStyleClass().contains("bad")) {
                errors.getStyleClass().add("bad");
            }
        }
    }

    /** The current validation result (for tests). */
    ScenarioDraft.Result result() {
        return result;
    }
}
