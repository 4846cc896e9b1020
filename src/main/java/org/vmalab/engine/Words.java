package org.vmalab.engine;

import java.util.Collection;
import java.util.Locale;

/** Helpers for messages about what someone typed: a long text shortened, "did you mean" suggestions. */
public final class Words {
    private Words() {
    }

    /** The text on one line, at most 40 characters. */
    public static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }

    /** " (did you mean 'x'?)", or the valid words when none is close (" (expected one of: ...)"). */
    public static String suggest(String word, Collection<String> valid) {
        String best = nearest(word, valid);
        if (best != null) {
            return " (did you mean '" + best + "'?)";
        }
        if (valid.size() > 24) {
            return " (no valid name is close; docs/WRITING-LESSONS.md lists them)";
        }
        return " (expected one of: " + String.join(", ", valid) + ")";
    }

    /** The valid word closest to {@code word}, or null if none is close. */
    public static String nearest(String word, Collection<String> valid) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String v : valid) {
            int d = distance(w, v.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.max(2, Math.min(word.length(), best.length()) / 2);
        return bestD <= limit || best.toLowerCase(Locale.ROOT).startsWith(w) && w.length() >= 2 ? best : null;
    }

    /** Levenshtein distance, with a cap on the text length so that it stays cheap. */
    static int distance(String a, String b) {
        String x = a.length() > 64 ? a.substring(0, 64) : a;
        String y = b.length() > 64 ? b.substring(0, 64) : b;
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int c = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
