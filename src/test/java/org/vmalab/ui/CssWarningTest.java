package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmalab.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;
import org.vmalab.viewmodel.TaskRunner;

/**
 * Issue 12: the window's stylesheets (each theme's tokens, vmalab.css, classroom.css) style every node without a
 * failed lookup: JavaFX logs "Could not resolve '-vl-text'" or a ClassCastException on {@code javafx.css} when a
 * rule names a token no stylesheet in force defines. Checked for every theme, in presentation mode too (its bar
 * and pointer), and for a window styled before its theme was chosen (a benchmark shows its stage first).
 */
@ExtendWith(ApplicationExtension.class)
class CssWarningTest {
    private final List<String> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @BeforeEach
    void listen() {
        Logger.getLogger("javafx.css").addHandler(handler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("javafx.css").removeHandler(handler);
    }

    private List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** A window on the race in theme {@code t} (null: styled before any theme is chosen), in presentation mode. */
    private void window(MainView.Theme t) {
        fx(() -> {
            Player p = new Player(TaskRunner.INLINE);
            MainView v = new MainView(p);
            Scene scene = new Scene(v, 1280, 720);
            if (t != null) {
                // as the window does: the theme chosen before the stage is shown
                v.selectTheme(t);
            }
            stage.setScene(scene);
            stage.show();
            scene.getRoot().applyCss();
            p.load(Races.race(false));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            v.classroom().presentation().enter();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            v.classroom().presentation().leave();
            scene.getRoot().applyCss();
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(MainView.Theme.class)
    void everyThemeResolvesEveryLookup(MainView.Theme t) {
        window(t);
        assertEquals(List.of(), warnings(), "CSS warnings in the " + t + " theme");
    }

    @Test
    void aWindowStyledBeforeItsThemeIsChosenResolvesEveryLookup() {
        window(null);
        assertEquals(List.of(), warnings(), "CSS warnings before a theme was chosen");
    }
}
