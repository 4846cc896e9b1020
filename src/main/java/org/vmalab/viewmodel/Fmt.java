package org.vmalab.viewmodel;

import java.util.Locale;
import org.vmalab.engine.Numbers;

/** Number formatting shared by every panel: sizes in binary units, ranges as /proc/PID/maps prints them. */
public final class Fmt {
    private Fmt() {
    }

    /** {@code 555555554000-55555555c000}. */
    public static String range(long start, long end) {
        return Numbers.hexDigits(start) + "-" + Numbers.hexDigits(end);
    }

    /**
     * A size in binary units: exact when a unit divides it and the number stays short ({@code 2044 KiB},
     * {@code 16 KiB}, {@code 1 MiB}), else one decimal in the largest unit ({@code 42.7 TiB}).
     */
    public static String size(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        if (bytes < 0) {
            return Numbers.hex(bytes);
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        for (int u = units.length - 1; u >= 0; u--) {
            long unit = 1L << (10 * u);
            if (bytes % unit == 0 && bytes / unit < 10000) {
                return (bytes / unit) + " " + units[u];
            }
        }
        int u = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double v = bytes / (double) (1L << (10 * u));
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A gap value as the node shows it: hex, shortened to fit ({@code 0x2aaaa2266000} stays whole). */
    public static String gap(long v) {
        return Numbers.hex(v);
    }
}
