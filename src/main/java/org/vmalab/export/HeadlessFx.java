package org.vmalab.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without any display, for {@code vmalab render}: Monocle's headless glass and the
 * software renderer, chosen by system properties set here before the toolkit starts (Monocle is on the runtime
 * class path). Monocle's headless screen is 1280x800 unless {@code headless.geometry} says otherwise; it is
 * sized here to hold the largest image asked for. If the toolkit is already running (tests, the window), it is
 * used as it is.
 */
public final class HeadlessFx {
    /** Kept strongly reachable so that the levels stick. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");
    private static boolean started;

    private HeadlessFx() {
    }

    /**
     * Starts the toolkit headless (once) with a screen of at least {@code width} x {@code height}.
     *
     * @throws IllegalStateException when the toolkit cannot start
     */
    public static synchronized void start(int width, int height) {
        if (started) {
            return;
        }
        // JavaFX warns about running from the class path, which the jar does on purpose
        JAVAFX_LOG.setLevel(Level.SEVERE);
        PREFS_LOG.setLevel(Level.SEVERE);
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("headless.geometry", Math.max(1280, width) + "x" + Math.max(800, height) + "-32");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        try {
            if (!up.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the JavaFX toolkit started");
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result; its exception is rethrown as it is. */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
