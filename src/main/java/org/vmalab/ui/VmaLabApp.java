package org.vmalab.ui;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vmalab.engine.Scenarios;
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

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler(WindowLauncher::uncaught);
        background = new FxTaskRunner();
        Player player = new Player(background);
        MainView view = new MainView(player);
        WindowPrefs prefs = WindowPrefs.user();
        javafx.scene.Scene scene = new javafx.scene.Scene(view);
        stage.setScene(scene);
        stage.setTitle("VMA Lab");
        stage.getIcons().addAll(icons());
        // the size and place it had last time, if a screen still shows it; else most of the screen
        prefs.place(stage);
        view.selectTheme(WindowLauncher.initialTheme(prefs.theme()));
        view.setOnThemeChosen(prefs::saveTheme);
        stage.show();
        // the lessons (a bad file is listed with its error); the window opens on lesson 1 when it loads
        // built in (inside the jar, wherever it is), then the folders the user added
        LessonLibrary library = new LessonLibrary(LessonLibrary.Folders.preferences(
                java.util.prefs.Preferences.userRoot().node("org/vmalab/lessons")));
        view.setLessons(library, new PrefsProgress());
        Lessons.Entry first = library.entries().stream().filter(Lessons.Entry::ok).findFirst().orElse(null);
        if (first != null) {
            view.openLesson(first.lesson(), 0);
        } else {
            player.load(Playable.of(Scenarios.defaultScenario()));
        }
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
        }
    }
}
