package org.vmalab.viewmodel;

import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;

/**
 * Safe access to the pseudo-C listings and the line table: a missing or broken listing never breaks the
 * window; the panel says what is missing instead.
 */
public final class Kernel {
    private static volatile String loadError;

    private Kernel() {
    }

    /** The listing a step at {@code loc} is shown in, or null (none written yet, or unreadable). */
    public static Listing listing(Loc loc) {
        if (loc == null) {
            return null;
        }
        try {
            return loc.listing();
        } catch (RuntimeException e) {
            loadError = e.getMessage();
            return null;
        }
    }

    /** {@code mm/mmap.c:2239}, or the file alone. */
    public static String where(Loc loc) {
        if (loc == null) {
            return "";
        }
        try {
            return loc.where();
        } catch (RuntimeException e) {
            loadError = e.getMessage();
            return loc.file();
        }
    }

    /** Why the listings could not be read, or null if they could. */
    public static String loadError() {
        return loadError;
    }
}
