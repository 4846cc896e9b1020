package org.vmalab.cli;

/** Opens the window when the UI is on the class path and a display is available. */
final class WindowOpener {
    private WindowOpener() {
    }

    static int open(String[] args) {
        try {
            Class<?> c = Class.forName("org.vmalab.ui.WindowLauncher");
            Object r = c.getMethod("launch", String[].class).invoke(null, (Object) args);
            return (Integer) r;
        } catch (ClassNotFoundException e) {
            System.err.println("error: this build has no window; use a command (vmalab --help)");
            return ExitCodes.NO_DISPLAY;
        } catch (ReflectiveOperationException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            System.err.println("internal error: the window could not start: " + c + " (please report it)");
            return ExitCodes.INTERNAL;
        }
    }
}
