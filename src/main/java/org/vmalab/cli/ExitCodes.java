package org.vmalab.cli;

/** Exit codes of every command (documented in docs/CLI.md). */
public final class ExitCodes {
    /** Success; for {@code check}: complete and no violation. */
    public static final int OK = 0;
    /** {@code check}: a violation was found. */
    public static final int VIOLATION = 1;
    /** Bad input: a malformed file or command line, an unreadable or unwritable path. */
    public static final int BAD_INPUT = 2;
    /** {@code check}: cut short by a bound, no violation found (not a pass). */
    public static final int INCOMPLETE = 3;
    /** The window cannot open (no display). */
    public static final int NO_DISPLAY = 4;
    /** An internal error (a bug): reported in one line, never as a stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
