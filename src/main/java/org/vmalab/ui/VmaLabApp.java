package org.vmalab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vmalab.engine.Scenarios;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.viewmodel.LessonLibrary;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;

/**
 * The JavaFX application. Not a main class: {@link WindowLauncher#launch} starts it, so that JavaFX loads
 * from the plain class path of {@code vmalab.jar}.
 */
public final class VmaLabApp extends Application {
    private FxTaskRunner background;

    /** The application's icons (assets/vmalab-icon-N.png, packaged under org/vmalab/assets). */
    static List<javafx.scene.image.Image> icons() {
        List<javafx.scene.image.Image> out = new java.util.ArrayList<>();
        for (int size : new int[] {16, 32, 64, 256}) {
            java.io.InputStream in = VmaLabApp.class.getResourceAsStream("/org/vmalab/assets/vmalab-icon-" + size
                    + ".png");
            if (in != null) {
                out.add(new javafx.scene.image.Image(in));
            }
        }
        return out;
    }

    /**
     * What the window opens on: {@code --open=WHAT} (a lesson or scenario file, or a built-in lesson's id, as
     * {@code vmalab open} passes it) and {@code --part=N} (1-based); without them, the first built-in lesson.
     */
    record Opening(String what, int part) {
        static Opening of(List<String> raw) {
            String what = null;
            int part = 1;
            for (String a : raw) {
                if (a.startsWith("--open=")) {
                    what = a.substring("--open=".length());
                } else if (a.startsWith("--part=")) {
                    try {
                        part = Math.max(1, Integer.parseInt(a.substring("--part=".length())));
                    } catch (NumberFormatException e) {
                        part = 1;
                    }
                }
            }
            return what == null || what.isBlank() ? null : new Opening(what, part);
        }
    }

    @Override
    public void start(Stage stage) {
        Parameters p = getParameters();
        start(stage, Opening.of(p == null ? List.of() : p.getRaw()));
    }

    /** Opens the window on {@code opening}, or on the first built-in lesson when it is null. */
    void start(Stage stage, Opening opening) {
        Thread.currentThread().setUncaughtExceptionHandler(WindowLauncher::uncaught);
        background = new FxTaskRunner();
        Player player = new Player(background);
        MainView view = new MainView(player);
        show(stage, view, WindowPrefs.user());
        // the lessons (a bad file is listed with its error); the window opens on lesson 1 when it loads
        // built in (inside the jar, wherever it is), then the folders the user added
        LessonLibrary library = new LessonLibrary(LessonLibrary.Folders.preferences(
                java.util.prefs.Preferences.userRoot().node("org/vmalab/lessons")));
        view.setLessons(library, new PrefsProgress());
        if (opening != null && open(view, library, opening)) {
            return;
        }
        Lessons.Entry first = library.entries().stream().filter(Lessons.Entry::ok).findFirst().orElse(null);
        if (first != null) {
            view.openLesson(first.lesson(), 0);
        } else {
            player.load(Playable.of(Scenarios.defaultScenario()));
        }
    }

    /**
     * Opens {@code o}: a file that exists as a file of the user's (as File ▸ Open lesson does), else the built-in
     * lesson with that id from the library. False when it cannot be opened (a notice says why).
     */
    private static boolean open(MainView view, LessonLibrary library, Opening o) {
        Path f = Path.of(o.what());
        if (Files.isRegularFile(f)) {
            return view.menuBar().lessonFiles().openLesson(f, o.part() - 1);
        }
        BuiltinLessons.Item item = BuiltinLessons.find(o.what());
        if (item == null) {
            return false;
        }
        for (Lessons.Entry e : library.entries()) {
            if (e.ok() && e.path().getFileName().toString().equals(item.fileName())) {
                view.openLesson(e.lesson(), Math.min(o.part(), e.lesson().parts().size()) - 1);
                return true;
            }
        }
        return false;
    }

    /**
     * Shows {@code view} in {@code stage} at the size and place it had last time, if a screen still shows it, else on
     * most of the screen ({@link WindowPrefs#place}), in the theme chosen last. The scene is made at the window's
     * size, not at the view's own: the side panes keep the widths of the scene's first layout (the window's later
     * changes go to the tree), and a first layout at the view's own width (1173 px) left the lesson pane at its least
     * width in a 1280x720 window, the Check button of lesson 1's first question below the pane's fold.
     */
    static void show(Stage stage, MainView view, WindowPrefs prefs) {
        WindowPrefs.Place at = prefs.place(stage);
        stage.setScene(new javafx.scene.Scene(view, at.width(), at.height()));
        stage.setTitle("VMA Lab");
        stage.getIcons().addAll(icons());
        view.selectTheme(WindowLauncher.initialTheme(prefs.theme()));
        view.setOnThemeChosen(prefs::saveTheme);
        stage.show();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
        }
    }
}
