package org.vmalab.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * A progress bar on standard error for long work ({@code check}: states, {@code render}: steps or pictures,
 * {@code import}: lines), drawn by the progressbar library: the count, the rate and, when the total is known, the
 * time left. It appears only when standard error is a terminal and only once the work has taken more than a
 * second; in a pipe, a file or CI nothing is written at all, and {@code --quiet} turns it off. It is cleared when
 * the work ends, so what stays on the screen is the command's own output.
 */
final class TermProgress implements AutoCloseable {
    /** Work shorter than this shows no bar. */
    static final long DELAY_NANOS = 1_000_000_000L;

    /** Is standard error a terminal? Tests set it; null asks the system. */
    static volatile Boolean stderrTerminalForTests;
    private static Boolean stderrTerminal;

    private final String task;
    private final String unit;
    private final PrintStream err;
    private final int width;
    private final boolean on;
    private final long delayNanos;
    private final long started = System.nanoTime();
    private long max;
    private long current;
    private String extra = "";
    private ProgressBar bar;

    private TermProgress(String task, String unit, long max, PrintStream err, boolean on, long delayNanos) {
        this.delayNanos = delayNanos;
        this.task = task;
        this.unit = unit;
        this.max = max;
        this.err = err;
        this.on = on;
        this.width = on && err == System.err ? stderrWidth() : 100;
    }

    /**
     * Progress of {@code task}, counted in {@code unit}s ("states", "steps", "lines") out of {@code max} (-1: not
     * known); shown on standard error unless {@code quiet} or standard error is not a terminal.
     */
    static TermProgress start(String task, String unit, long max, boolean quiet) {
        return new TermProgress(task, unit, max, System.err, !quiet && stderrIsTerminal(), DELAY_NANOS);
    }

    /** Progress drawn on {@code err} whatever it is, once the work has taken {@code delayNanos} (tests). */
    static TermProgress to(PrintStream err, String task, String unit, long max, long delayNanos) {
        return new TermProgress(task, unit, max, err, true, delayNanos);
    }

    /** Is the bar drawn (it is due and has been started)? */
    synchronized boolean showing() {
        return bar != null;
    }

    synchronized void stepTo(long n) {
        current = n;
        update();
    }

    /** The total, once it is known. */
    synchronized void maxHint(long m) {
        max = m;
        if (bar != null) {
            bar.maxHint(m);
        }
    }

    synchronized void step() {
        stepTo(current + 1);
    }

    synchronized void extra(String s) {
        extra = s == null ? "" : s;
        update();
    }

    private void update() {
        if (!on) {
            return;
        }
        long elapsed = System.nanoTime() - started;
        if (bar == null) {
            if (elapsed < delayNanos) {
                return;
            }
            ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                    .setStyle(ascii() ? ProgressBarStyle.ASCII : ProgressBarStyle.UNICODE_BLOCK)
                    .setConsumer(new Line(err, width))
                    .setUpdateIntervalMillis(200).continuousUpdate().clearDisplayOnFinish()
                    .setUnit(" " + unit, 1).startsFrom(current, Duration.ofNanos(elapsed));
            if (max < 0) {
                b.hideEta();
            } else {
                b.showSpeed(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            }
            bar = b.build();
        }
        bar.stepTo(current);
        bar.setExtraMessage(max >= 0 && !extra.isEmpty() ? " " + extra : extra);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** One line of a terminal, rewritten in place and wiped when the work ends (the command's output follows). */
    private static final class Line extends ConsoleProgressBarConsumer {
        private final PrintStream out;
        private final int width;

        Line(PrintStream out, int width) {
            super(out, width - 1);
            this.out = out;
            this.width = width;
        }

        @Override
        public void clear() {
            out.print("\r" + " ".repeat(Math.max(0, width - 1)) + "\r");
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** The terminal's width in columns (JLine asks the terminal of standard error), 80 when it cannot tell. */
    private static int stderrWidth() {
        try {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                int w = TerminalProvider.load("exec").systemStreamWidth(SystemStream.Error);
                if (w >= 20) {
                    return Math.min(w, 200);
                }
            }
        } catch (Exception | LinkageError e) {
            // the default below
        }
        return 80;
    }

    /** The Windows console shows block characters only with a suitable code page: plain ASCII there. */
    private static boolean ascii() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Is standard error a terminal? JLine's probe ({@code test -t 2}) where there is a POSIX shell; on Windows,
     * a console on standard input and output; never when {@code TERM=dumb}.
     */
    static synchronized boolean stderrIsTerminal() {
        Boolean forced = stderrTerminalForTests;
        if (forced != null) {
            return forced;
        }
        if (stderrTerminal == null) {
            stderrTerminal = probe();
        }
        return stderrTerminal;
    }

    private static boolean probe() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return System.console() != null;
        }
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return System.console() != null;
        }
    }
}
