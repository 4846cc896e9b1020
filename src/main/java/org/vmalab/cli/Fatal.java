package org.vmalab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one way out of every command when something goes wrong: a {@link UserError} is its own line and exit code;
 * running out of memory, anywhere, on any thread, is one line saying what the command was doing (what was too
 * large for the heap) and exit code 2 (3 while {@code check} explores: the search is incomplete); anything else
 * is an internal error, one line, exit code 70. Never a stack trace.
 *
 * <p>A few megabytes of headroom are held from the start and dropped when memory runs out, so that the way out
 * (the message, the clean-up of temporary files, the exit) can run. A thread that dies of an exception (the
 * JavaFX thread, a timer) hands it to the command's thread, which is woken and reports it: the command never
 * waits for an answer that cannot come.
 */
public final class Fatal {
    static final int HEADROOM_BYTES = 8 << 20;

    private static volatile byte[] headroom = new byte[HEADROOM_BYTES];
    private static volatile String activity = "starting";
    private static volatile int outOfMemoryCode = ExitCodes.BAD_INPUT;
    private static volatile Throwable uncaught;
    private static volatile Thread commandThread;

    private Fatal() {
    }

    /** Called once by the command's thread before it runs: installs the handler of threads that die. */
    static void install() {
        commandThread = Thread.currentThread();
        uncaught = null;
        activity = "starting";
        outOfMemoryCode = ExitCodes.BAD_INPUT;
        if (headroom == null) {
            headroom = new byte[HEADROOM_BYTES];
        }
        Thread.setDefaultUncaughtExceptionHandler(Fatal::died);
    }

    /** A thread died of {@code e}: keep the first such error and wake the command's thread. Allocates nothing. */
    private static void died(Thread t, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            headroom = null;
        }
        if (uncaught == null) {
            uncaught = e;
        }
        Thread c = commandThread;
        if (c != null && c != t) {
            c.interrupt();
        }
    }

    /**
     * What the command is doing now, as it would end "out of memory while ...": name the input and its size
     * ("reading big.yaml", "drawing step 12 as a 8000x8000 image").
     */
    public static void doing(String what) {
        doing(what, ExitCodes.BAD_INPUT);
    }

    /** As {@link #doing(String)}, with the exit code that running out of memory then means. */
    public static void doing(String what, int codeIfOutOfMemory) {
        activity = what;
        outOfMemoryCode = codeIfOutOfMemory;
    }

    /** The error a dying thread left, if any (and forgets it). */
    static Throwable takeUncaught() {
        Throwable t = uncaught;
        uncaught = null;
        return t;
    }

    /** True if {@code e} or one of its causes is an {@link OutOfMemoryError}. */
    public static boolean outOfMemory(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    /** Reports {@code e} as one line on {@code err}; returns the exit code. */
    static int report(Throwable e, PrintWriter err) {
        Throwable first = takeUncaught();
        Throwable t = first != null && !(e instanceof UserError) ? first : e;
        if (outOfMemory(t)) {
            headroom = null;
            return line(err, "error: out of memory while " + activity + " (this Java has a heap of "
                    + heapMiB() + " MiB: give it more, e.g. java -Xmx2g -jar vmalab.jar ...)", outOfMemoryCode);
        }
        t = unwrap(t);
        if (t instanceof UserError u) {
            return line(err, "error: " + u.getMessage(), u.exitCode());
        }
        if (t instanceof StackOverflowError) {
            return line(err, "error: nested too deeply while " + activity, ExitCodes.BAD_INPUT);
        }
        return line(err, "internal error: " + t + " while " + activity + " (please report it)", ExitCodes.INTERNAL);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static int line(PrintWriter err, String text, int code) {
        err.println(ErrorText.clean(text));
        err.flush();
        return code;
    }

    static String heapMiB() {
        return String.format(Locale.ROOT, "%d", Runtime.getRuntime().maxMemory() >> 20);
    }
}
