package org.vmalab.engine.trace;

/** file:line of each {@link Loc}, taken from the pseudo-code listings (see {@link PseudoCode}). */
public final class LineTable {
    private LineTable() {
    }

    static int line(Loc loc) {
        return PseudoCode.get().line(loc);
    }

    /** {@code mm/mmap.c:2239}, or just the file when the line is unknown. */
    public static String where(Loc loc) {
        int n = line(loc);
        return n > 0 ? loc.file() + ":" + n : loc.file();
    }
}
