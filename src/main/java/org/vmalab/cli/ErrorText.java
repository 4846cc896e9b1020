package org.vmalab.cli;

/**
 * Makes any message safe to print as one error line on a terminal: line breaks and tabs become spaces, every
 * other control character (C0, DEL, C1, the bidirectional overrides and the line separators) is shown escaped
 * ({@code \x1b}, {@code \u202e}), so that nothing read from a file can move the cursor, change colours or ring
 * the bell; a run of more than {@link #MAX_TOKEN} characters without a blank is cut, and the whole line is cut at
 * {@link #MAX_LINE} characters.
 *
 * <pre>{@code
 * ErrorText.clean("a.yaml:3:1: unknown key 'x\u001b[31my'")   // a.yaml:3:1: unknown key 'x\x1b[31my'
 * }</pre>
 */
public final class ErrorText {
    /** The longest word shown whole; a longer one keeps its first {@link #KEEP} characters. */
    public static final int MAX_TOKEN = 80;
    static final int KEEP = 60;
    /** The longest error line. */
    public static final int MAX_LINE = 1000;

    private ErrorText() {
    }

    /** {@code s} as one terminal-safe line. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_LINE) + 32);
        int n = s.length();
        int i = 0;
        while (i < n && b.length() < MAX_LINE) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                i++;
                continue;
            }
            if (c == ' ') {
                b.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < n && !blank(s.charAt(end))) {
                end++;
            }
            int len = end - i;
            int keep = len > MAX_TOKEN ? KEEP : len;
            for (int k = i; k < i + keep; k++) {
                appendSafe(b, s.charAt(k));
            }
            if (len > MAX_TOKEN) {
                b.append("...(").append(len).append(" characters)");
            }
            i = end;
        }
        if (i < n) {
            b.setLength(Math.min(b.length(), MAX_LINE));
            b.append(" ...");
        }
        return b.toString().stripTrailing();
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static void appendSafe(StringBuilder b, char c) {
        if (c < 0x20 || c == 0x7f) {
            b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
        } else if (c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f || c == 0x061c || c == 0xfeff) {
            b.append(String.format("\\u%04x", (int) c));
        } else {
            b.append(c);
        }
    }

    /** True if {@code s} prints as itself: one line, no control character (for tests and fuzzers). */
    public static boolean isClean(String s) {
        return clean(s).equals(s);
    }
}
