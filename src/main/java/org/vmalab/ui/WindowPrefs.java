package org.vmalab.ui;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, position and theme, remembered between sessions ({@code java.util.prefs}, node
 * {@code org/vmalab/window}), and a first size that fits the screen the window opens on (1280x720 to
 * 2560x1440 and beyond). A remembered place that no screen shows any more (a projector unplugged) is dropped
 * for the default one.
 */
final class WindowPrefs {
    /** The window's size and place; {@code maximized} when it filled the screen. */
    record Place(double x, double y, double width, double height, boolean maximized) {
        Rectangle2D rect() {
            return new Rectangle2D(x, y, width, height);
        }
    }

    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    private final Preferences node;

    WindowPrefs(Preferences node) {
        this.node = node;
    }

    static WindowPrefs user() {
        return new WindowPrefs(Preferences.userRoot().node("org/vmalab/window"));
    }

    /** The first place on a screen whose usable area is {@code screen}: most of it, never more than 1920x1200. */
    static Place defaultPlace(Rectangle2D screen) {
        if (screen.getWidth() <= 1366 || screen.getHeight() <= 768) {
            // a small screen (a laptop, a projector at 1280x720): all of it
            return new Place(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight(), true);
        }
        double w = Math.min(1920, Math.round(screen.getWidth() * 0.9));
        double h = Math.min(1200, Math.round(screen.getHeight() * 0.9));
        return new Place(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false);
    }

    /**
     * Where the window opens: the remembered place when a screen (of {@code screens}) still shows its title bar
     * and it fits that screen, otherwise the default place on {@code primary}.
     */
    static Place choose(Place saved, Rectangle2D primary, List<Rectangle2D> screens) {
        if (saved != null && saved.width() >= 200 && saved.height() >= 150) {
            for (Rectangle2D s : screens) {
                // the top-left corner and the title bar must be on this screen, the size not larger than it
                if (s.contains(saved.x() + 20, saved.y() + 10) && saved.width() <= s.getWidth() + 1
                        && saved.height() <= s.getHeight() + 1) {
                    return saved;
                }
            }
        }
        return defaultPlace(primary);
    }

    Place load() {
        if (node.getDouble("width", -1) <= 0) {
            return null;
        }
        return new Place(node.getDouble("x", 0), node.getDouble("y", 0), node.getDouble("width", 0),
                node.getDouble("height", 0), node.getBoolean("maximized", false));
    }

    void save(Place p) {
        node.putDouble("x", p.x());
        node.putDouble("y", p.y());
        node.putDouble("width", p.width());
        node.putDouble("height", p.height());
        node.putBoolean("maximized", p.maximized());
        flush();
    }

    /** The theme chosen last, or null. */
    MainView.Theme theme() {
        String t = node.get("theme", null);
        for (MainView.Theme x : MainView.Theme.values()) {
            if (x.name().equals(t)) {
                return x;
            }
        }
        return null;
    }

    void saveTheme(MainView.Theme t) {
        if (t != null) {
            node.put("theme", t.name());
            flush();
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // not remembered this time; the window works the same
        }
    }

    /**
     * Puts {@code stage} where it opens (before it is shown) and remembers where it is when it closes; returns that
     * place.
     */
    Place place(Stage stage) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Place p = choose(load(), Screen.getPrimary().getVisualBounds(), screens);
        Rectangle2D on = Screen.getScreensForRectangle(p.rect()).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, on.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, on.getHeight()));
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
        stage.setOnHiding(e -> {
            if (!stage.isFullScreen()) {
                save(new Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
            }
        });
        return p;
    }
}
