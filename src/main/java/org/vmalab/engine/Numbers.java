package org.vmalab.engine;

/**
 * Numbers as VMA Lab reads and writes them: {@code 0x55555575d000} (hex, lowercase, with {@code 0x}) or
 * {@code 4096} (decimal). The one parser and the one hex formatter of the program.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 0x1f000} (hex, up to 64 bits unsigned) or {@code 42} (decimal); {@code _} may separate digits. */
    public static long parse(String s) {
        String t = s.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return hexDigits(t.substring(2), s, "hex is 0x followed by 1 to 16 hex digits");
        }
        if (t.isEmpty() || t.length() > 19 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SyntaxException("bad number '" + Words.shorten(s) + "': write 0x1000 (hex) or 4096 (decimal)",
                    0);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new SyntaxException("number '" + Words.shorten(s) + "' is too large for 64 bits: write it in hex",
                    0);
        }
    }

    /** An address typed as hex, with or without {@code 0x} ({@code 7ffff7dd1000}); {@code _} may separate digits. */
    public static long parseHex(String s) {
        String t = s.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        return hexDigits(t, s, "write 1 to 16 hex digits, with or without 0x");
    }

    private static long hexDigits(String h, String s, String how) {
        if (h.isEmpty() || h.length() > 16 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new SyntaxException("bad number '" + Words.shorten(s) + "': " + how, 0);
        }
        return Long.parseUnsignedLong(h, 16);
    }

    /** {@code 0x} and lowercase hex: {@code 0x55555575d000}. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Lowercase hex without {@code 0x}, as /proc/PID/maps and the shell print numbers. */
    public static String hexDigits(long v) {
        return Long.toHexString(v);
    }
}
