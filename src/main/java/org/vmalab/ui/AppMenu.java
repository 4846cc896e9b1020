package org.vmalab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The window's menu bar. File: open and save a run, export (PNG of the window or of a panel, GIF, PNG
 * sequence, SVG of the tree). Explore: the explorer and the A/B table.
 *
 * <p>Extensible: {@link #menu(String)} finds or creates a top-level menu by its title and {@link #item} adds
 * an item with an id ({@code menu-...}, for tests), a text, an optional accelerator and an action. A feature
 * adds its items in its own {@code xxxItems()} method called from the constructor, so that two features
 * never edit the same lines.
 */
final class AppMenu extends MenuBar {
    static final String FILE = "File";
    static final String VIEW = "View";
    static final String EXPLORE = "Explore";

    private final MainView view;
    private final WindowActions actions;
    private final LessonFiles lessonFiles;

    AppMenu(MainView view) {
        this.view = view;
        this.actions = new WindowActions(view);
        this.lessonFiles = new LessonFiles(view, actions);
        getStyleClass().add("app-menu");
        setUseSystemMenuBar(true);
        menu(FILE);
        menu(EXPLORE);
        runItems();
        lessonItems();
        exportItems();
        handoutItem();
        exploreItems();
        classroomItems();
    }

    MainView view() {
        return view;
    }

    WindowActions actions() {
        return actions;
    }

    LessonFiles lessonFiles() {
        return lessonFiles;
    }

    // ================================================================ items (one method per feature)

    private void runItems() {
        item(FILE, "menu-open-run", "Open run…", "Shortcut+O", actions::openRun);
        item(FILE, "menu-save-run", "Save run…", "Shortcut+S", actions::saveRun);
        separator(FILE);
    }

    private void exportItems() {
        Menu export = submenu(FILE, "menu-export", "Export");
        add(export, "menu-export-png", "PNG…", "Shortcut+Shift+S", actions::exportPngDialog);
        export.getItems().add(new SeparatorMenuItem());
        for (WindowActions.Target t : WindowActions.Target.values()) {
            for (int scale = 1; scale <= 2; scale++) {
                int s = scale;
                add(export, "menu-png-" + t.id() + "-" + s + "x", "PNG of the " + t.label() + " at " + s + "×",
                        null, () -> actions.exportPng(t, s));
            }
        }
        export.getItems().add(new SeparatorMenuItem());
        add(export, "menu-export-gif", "Animated GIF of the run…", null, actions::exportGif);
        add(export, "menu-export-sequence", "PNG sequence of the run…", null, actions::exportSequence);
        add(export, "menu-export-svg", "SVG of the tree…", null, actions::exportSvg);
    }

    /** Issue 16: a lesson from a file of the user's, a copy of the lesson shown. */
    private void lessonItems() {
        item(FILE, "menu-open-lesson", "Open lesson…", "Shortcut+Shift+O", lessonFiles::openLesson);
        item(FILE, "menu-save-lesson-copy", "Save a copy of the lesson…", null, lessonFiles::saveCopy);
        separator(FILE);
    }

    /** Issue 16: the lesson's handout, one HTML page to print. */
    private void handoutItem() {
        Menu export = (Menu) find("menu-export");
        export.getItems().add(new SeparatorMenuItem());
        add(export, "menu-export-handout", "Handout of the lesson (HTML)…", null, lessonFiles::exportHandout);
    }

    private void exploreItems() {
        item(EXPLORE, "menu-explore-schedules", "Explore schedules…", "Shortcut+Shift+X", actions::explore);
        item(EXPLORE, "menu-ab-table", "A/B table…", null, actions::abTable);
    }

    /** Issue 7: import a maps file or a process; presentation mode, the step log, Find address, the overview. */
    private void classroomItems() {
        Menu file = menu(FILE);
        MenuItem maps = new MenuItem("Import maps…");
        maps.setId("menu-import-maps");
        maps.setMnemonicParsing(false);
        maps.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        maps.setOnAction(e -> view.classroom().imports().chooseFile());
        MenuItem pid = new MenuItem("Import a process (PID)…");
        pid.setId("menu-import-pid");
        pid.setMnemonicParsing(false);
        pid.setDisable(!MapsImport.pidSupported());
        pid.setOnAction(e -> view.classroom().imports().choosePid());
        file.getItems().addAll(0, java.util.List.of(maps, pid, new SeparatorMenuItem()));
        Menu v = menu(VIEW);
        getMenus().remove(v);
        getMenus().add(Math.min(1, getMenus().size()), v);
        // the keys are handled by the window (Classroom.onKey), so that they work whatever has the focus
        item(VIEW, "menu-presentation", "Presentation mode  (P)", null, () -> view.classroom().presentation().toggle());
        item(VIEW, "menu-step-log", "Step log  (Ctrl+L)", null, () -> view.classroom().toggleStepLog());
        item(VIEW, "menu-find-address", "Find address…  (Ctrl+F)", null, () -> view.classroom().tools().openFind());
        item(VIEW, "menu-overview", "Overview of a large tree  (O)", null,
                () -> view.classroom().tools().toggleOverview());
    }

    // ================================================================ building blocks

    /** The top-level menu with this title, created (appended) if it does not exist yet. */
    Menu menu(String title) {
        for (Menu m : getMenus()) {
            if (m.getText().equals(title)) {
                return m;
            }
        }
        Menu m = new Menu(title);
        m.setMnemonicParsing(false);
        m.setId("menu-" + title.toLowerCase(java.util.Locale.ROOT));
        getMenus().add(m);
        return m;
    }

    /** Adds an item at the end of a top-level menu. {@code accelerator} is a {@link KeyCombination} text or null. */
    MenuItem item(String menu, String id, String text, String accelerator, Runnable action) {
        return add(menu(menu), id, text, accelerator, action);
    }

    /** A submenu at the end of a top-level menu. */
    Menu submenu(String menu, String id, String text) {
        Menu sub = new Menu(text);
        sub.setMnemonicParsing(false);
        sub.setId(id);
        menu(menu).getItems().add(sub);
        return sub;
    }

    void separator(String menu) {
        menu(menu).getItems().add(new SeparatorMenuItem());
    }

    static MenuItem add(Menu parent, String id, String text, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(text);
        mi.setId(id);
        mi.setMnemonicParsing(false);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        parent.getItems().add(mi);
        return mi;
    }

    /** The item with this id anywhere in the menus, or null (tests, and features that enable or disable one). */
    MenuItem find(String id) {
        for (Menu m : getMenus()) {
            MenuItem f = find(m, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static MenuItem find(MenuItem mi, String id) {
        if (id.equals(mi.getId())) {
            return mi;
        }
        if (mi instanceof Menu m) {
            for (MenuItem c : m.getItems()) {
                MenuItem f = find(c, id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
