package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 12, item 10: the window fits the screen it opens on and remembers its size, place and theme. */
class WindowPrefsTest {
    private final Preferences node = Preferences.userRoot().node("org/vmalab/test-window-" + System.nanoTime());

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void theFirstWindowFitsEveryScreenFrom1280x720To2560x1440() {
        for (double[] s : new double[][] {{1280, 720}, {1366, 768}, {1600, 1000}, {1920, 1080}, {2560, 1440},
            {3840, 2160}}) {
            // the usable area: less a panel at the top
            Rectangle2D screen = new Rectangle2D(0, 27, s[0], s[1] - 27);
            WindowPrefs.Place p = WindowPrefs.defaultPlace(screen);
            assertTrue(screen.contains(p.rect()), s[0] + "x" + s[1] + ": " + p);
            assertTrue(p.width() >= Math.min(WindowPrefs.MIN_WIDTH, screen.getWidth())
                    && p.height() >= Math.min(WindowPrefs.MIN_HEIGHT, screen.getHeight()), p.toString());
            assertTrue(s[0] > 2560 || p.width() >= screen.getWidth() * 0.74, "most of the screen: " + p);
        }
        assertTrue(WindowPrefs.defaultPlace(new Rectangle2D(0, 0, 1280, 720)).maximized(), "a small screen: all of it");
    }

    @Test
    void aRememberedPlaceIsUsedWhileAScreenShowsIt() {
        Rectangle2D primary = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 720);
        WindowPrefs.Place onRight = new WindowPrefs.Place(2000, 40, 1100, 650, false);
        assertEquals(onRight, WindowPrefs.choose(onRight, primary, List.of(primary, right)));
        // the projector on the right is gone: the default place on the primary screen
        WindowPrefs.Place back = WindowPrefs.choose(onRight, primary, List.of(primary));
        assertTrue(primary.contains(back.rect()), back.toString());
        // larger than any screen now: not used
        WindowPrefs.Place huge = new WindowPrefs.Place(0, 0, 2500, 1400, false);
        assertTrue(primary.contains(WindowPrefs.choose(huge, primary, List.of(primary)).rect()));
        assertEquals(WindowPrefs.defaultPlace(primary), WindowPrefs.choose(null, primary, List.of(primary)));
    }

    @Test
    void sizePlaceAndThemeAreRemembered() {
        WindowPrefs p = new WindowPrefs(node);
        assertNull(p.load());
        assertNull(p.theme());
        p.save(new WindowPrefs.Place(10, 20, 1300, 800, false));
        p.saveTheme(MainView.Theme.DARK);
        WindowPrefs again = new WindowPrefs(node);
        assertEquals(new WindowPrefs.Place(10, 20, 1300, 800, false), again.load());
        assertEquals(MainView.Theme.DARK, again.theme());
        assertEquals(MainView.Theme.DARK, WindowLauncher.initialTheme(again.theme()), "without VMALAB_THEME");
    }
}
