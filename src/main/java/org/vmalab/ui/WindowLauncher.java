package org.vmalab.ui;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Opens the window ({@code vmalab} without arguments, through {@code org.vmalab.cli.Window}). Without a
 * display it says so in one line and returns 4; it never prints a stack trace.
 */
public final class WindowLauncher {
    /** Exit code when no display is available (see {@code ExitCodes.NO_DISPLAY}). */
    public static final int NO_DISPLAY = 4;
    /** Exit code of an internal error. */
    public static final int INTERNAL = 70;
    private static final String HINT = "use the headless commands, see vmalab --help";
    /** Kept strongly reachable so that its level sticks. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    /** The preferences store says "Created user preferences directory" once; not for the user's console. */
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

    private WindowLauncher() {
    }

    /** Opens the window and returns when it is closed: 0, or 4 without a display, or 70 on an internal error. */
    public static int launch(String[] args) {
        String why = noDisplay();
        if (why != null) {
            System.err.println("error: no display: " + why + "; " + HINT);
            return NO_DISPLAY;
        }
        // JavaFX warns about running from the class path; the jar does that on purpose
        JAVAFX_LOG.setLevel(Level.SEVERE);
        PREFS_LOG.setLevel(Level.SEVERE);
        try {
            Application.launch(VmaLabApp.class, args);
            return 0;
        } catch (Throwable e) {
            String m = message(e);
            if (m.contains("DISPLAY") || m.toLowerCase(Locale.ROOT).contains("display")
                    || m.contains("Unable to open")) {
                System.err.println("error: no display: the window cannot open (" + firstLine(m) + "); " + HINT);
                return NO_DISPLAY;
            }
            System.err.println("internal error: the window failed: " + firstLine(m) + " (please report it)");
            return INTERNAL;
        }
    }

    /** Why no window can open here, or null when one probably can. */
    static String noDisplay() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return null;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return null;
        }
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        if ((d == null || d.isBlank()) && (w == null || w.isBlank())) {
            return "neither DISPLAY nor WAYLAND_DISPLAY is set";
        }
        return null;
    }

    private static String message(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                b.append(t.getMessage()).append(' ');
            }
            b.append(t.getClass().getSimpleName()).append(' ');
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString().strip();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The theme from {@code VMALAB_THEME} (light, dark, colorblind, high-contrast) when it is set, else the one
     * chosen last ({@code remembered}, may be null), else light.
     */
    static MainView.Theme initialTheme(MainView.Theme remembered) {
        String t = System.getenv("VMALAB_THEME");
        if (t == null) {
            t = System.getProperty("vmalab.theme");
        }
        if (t == null) {
            return remembered != null ? remembered : MainView.Theme.LIGHT;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "dark" -> MainView.Theme.DARK;
            case "colorblind", "colourblind", "cb" -> MainView.Theme.COLORBLIND;
            case "high-contrast", "highcontrast", "hc" -> MainView.Theme.HIGH_CONTRAST;
            default -> MainView.Theme.LIGHT;
        };
    }

    /** An exception on the UI thread: one line on stderr, the window stays up. */
    static void uncaught(Thread t, Throwable e) {
        System.err.println("internal error: " + firstLine(message(e)) + " (please report it)");
    }
}
