package org.vmalab.explore;

import java.util.Arrays;

/**
 * A worker's record of the transitions it executed (from fingerprint, to fingerprint, thread), kept for the
 * shortest-schedule search after the exploration, plus the transitions and states where a finding showed. The
 * transitions are kept in chunks of {@value #CHUNK}: the buffer grows without copying what it holds (tens of millions
 * of transitions, hundreds of megabytes, would otherwise be copied again at every doubling).
 */
final class EdgeBuffer {
    private static final int SHIFT = 16;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] from = new long[4][];
    private long[][] to = new long[4][];
    private byte[][] thread = new byte[4][];
    /** Transitions kept. */
    int n;

    /** Transitions with a violation: from fingerprint, thread, kind id. */
    long[] vFrom = new long[64];
    int[] vThread = new int[64];
    int[] vKind = new int[64];
    int nv;

    /** Keeps a transition. */
    void add(long f, long t, int th) {
        reserve(1);
        keep(f, t, th);
    }

    /**
     * Keeps a transition for which {@link #reserve} made room. No branch: the search's compiled {@code expand}
     * inlines this, and a branch taken once in 65,536 transitions (a new chunk), never seen while the JIT profiled
     * the search, would throw that code away the first time it is taken.
     */
    void keep(long f, long t, int th) {
        int c = n >>> SHIFT;
        int i = n & MASK;
        from[c][i] = f;
        to[c][i] = t;
        thread[c][i] = (byte) th;
        n++;
    }

    /** Makes room for the next {@code k} transitions kept. */
    void reserve(int k) {
        for (int c = n >>> SHIFT; c <= (n + k - 1) >>> SHIFT; c++) {
            if (c == from.length) {
                from = Arrays.copyOf(from, c * 2);
                to = Arrays.copyOf(to, c * 2);
                thread = Arrays.copyOf(thread, c * 2);
            }
            if (from[c] == null) {
                from[c] = new long[CHUNK];
                to[c] = new long[CHUNK];
                thread[c] = new byte[CHUNK];
            }
        }
    }

    /** Transition {@code i}'s source state (its fingerprint). */
    long from(int i) {
        return from[i >>> SHIFT][i & MASK];
    }

    /** Transition {@code i}'s target state (its fingerprint). */
    long to(int i) {
        return to[i >>> SHIFT][i & MASK];
    }

    /** Transition {@code i}'s choice. */
    int thread(int i) {
        return thread[i >>> SHIFT][i & MASK];
    }

    void violation(long f, int th, int kind) {
        if (nv == vFrom.length) {
            int c = nv * 2;
            vFrom = Arrays.copyOf(vFrom, c);
            vThread = Arrays.copyOf(vThread, c);
            vKind = Arrays.copyOf(vKind, c);
        }
        vFrom[nv] = f;
        vThread[nv] = th;
        vKind[nv] = kind;
        nv++;
    }
}
