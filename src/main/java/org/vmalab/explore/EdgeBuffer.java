package org.vmalab.explore;

import java.util.Arrays;

/**
 * A worker's record of the transitions it executed (from fingerprint, to fingerprint, thread), kept for the
 * shortest-schedule search after the exploration, plus the transitions and states where a finding showed.
 */
final class EdgeBuffer {
    long[] from = new long[1024];
    long[] to = new long[1024];
    byte[] thread = new byte[1024];
    int n;

    /** Transitions with a violation: from fingerprint, thread, kind id. */
    long[] vFrom = new long[64];
    int[] vThread = new int[64];
    int[] vKind = new int[64];
    int nv;

    void add(long f, long t, int th) {
        if (n == from.length) {
            int c = n * 2;
            from = Arrays.copyOf(from, c);
            to = Arrays.copyOf(to, c);
            thread = Arrays.copyOf(thread, c);
        }
        from[n] = f;
        to[n] = t;
        thread[n] = (byte) th;
        n++;
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
