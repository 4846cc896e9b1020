package org.vmalab.export;

import java.util.Locale;

/**
 * A range of cursor indices of a run, both ends included: 0 is the initial state, {@code size} the state after
 * the last step. Written {@code N}, {@code A..B}, {@code A..}, {@code ..B}; {@code end} stands for the last step.
 */
public record StepRange(int from, int to) {
    public StepRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
    }

    /** Every index of a run of {@code size} steps: 0..size. */
    public static StepRange all(int size) {
        return new StepRange(0, size);
    }

    /** The last state only. */
    public static StepRange end(int size) {
        return new StepRange(size, size);
    }

    public int count() {
        return to - from + 1;
    }

    /**
     * Parses {@code text} for a run of {@code size} steps.
     *
     * @throws IllegalArgumentException with a message in words
     */
    public static StepRange parse(String text, int size) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("expected N, A..B, A.. or ..B");
        }
        int dots = t.indexOf("..");
        int a;
        int b;
        if (dots < 0) {
            a = index(t, size);
            b = a;
        } else {
            String l = t.substring(0, dots).strip();
            String r = t.substring(dots + 2).strip();
            a = l.isEmpty() ? 0 : index(l, size);
            b = r.isEmpty() ? size : index(r, size);
        }
        if (a > size || b > size) {
            throw new IllegalArgumentException("the run has " + size + " step" + (size == 1 ? "" : "s")
                    + " (indices 0.." + size + ")");
        }
        if (b < a) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        return new StepRange(a, b);
    }

    private static int index(String s, int size) {
        if (s.equals("end") || s.equals("last")) {
            return size;
        }
        if (s.equals("start")) {
            return 0;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < 0) {
                throw new IllegalArgumentException("a step index is 0 or more");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a step index (expected a number, start or end)");
        }
    }
}
