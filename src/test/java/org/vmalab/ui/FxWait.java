package org.vmalab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.viewmodel.Player;

/** Waiting in TestFX tests without sleeping: run on the FX thread, wait for a condition, wait for a run. */
final class FxWait {
    /** Upper bound of every wait (a slow CI machine is no reason to fail; a hang still is). */
    static final int SECONDS = 120;

    private FxWait() {
    }

    /** Closes {@code stage} (if any) and hides every popup still showing (the notices a test raised). */
    static void closeWithPopups(javafx.stage.Stage stage) {
        fx(() -> {
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w instanceof javafx.stage.PopupWindow) {
                    w.hide();
                }
            }
            if (stage != null) {
                stage.close();
            }
            return null;
        });
    }

    /** Runs {@code c} on the FX thread and returns its value. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code c}, evaluated on the FX thread, is true. */
    static void waitFor(Callable<Boolean> c, String what) {
        try {
            WaitForAsyncUtils.waitFor(SECONDS, TimeUnit.SECONDS, () -> fx(c));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until {@code n} is shown and has stayed at the same place in its window for three checks in a row (a
     * pane still settling on a loaded machine moves a button between the robot's aim and its click).
     */
    static void settled(javafx.scene.Node n, String what) {
        javafx.geometry.Bounds[] last = new javafx.geometry.Bounds[1];
        int[] same = new int[1];
        waitFor(() -> {
            n.getScene().getRoot().applyCss();
            n.getScene().getRoot().layout();
            javafx.geometry.Bounds b = n.localToScreen(n.getLayoutBounds());
            boolean shown = n.isVisible() && b != null && b.getWidth() > 0 && b.getHeight() > 0;
            same[0] = shown && b.equals(last[0]) ? same[0] + 1 : 0;
            last[0] = b;
            return same[0] >= 2;
        }, what + " at rest");
    }

    static void until(String what, BooleanSupplier cond) {
        waitFor(cond::getAsBoolean, what);
    }

    /** Takes the player to step {@code i} and lays the window out (CSS and layout) once the FX thread is idle. */
    static void seek(Player player, javafx.scene.Parent view, int i) {
        fx(() -> {
            player.seek(i);
            return null;
        });
        layout(view);
    }

    /** Lays {@code view} out (CSS and layout) once the FX thread is idle, and waits for the FX thread again. */
    static void layout(javafx.scene.Parent view) {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.applyCss();
            view.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the player's engine run (if any) is installed and the FX thread is idle. */
    static void settle(Player player) {
        waitFor(() -> !player.busy() && player.trace() != null, "the engine run");
    }
}
