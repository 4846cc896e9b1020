package org.vmalab.explore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The visited-state table: 64-bit fingerprint to a packed 64-bit record, shared by all workers. Lock-striped
 * open addressing (512 segments, each a linear-probing table that doubles when 60% full): about 16 to 27 bytes
 * per state and no boxing. Many small segments keep a worker from waiting on another that was descheduled while
 * it held a segment (the machine may be shared).
 */
final class StateTable {
    /** Returned by {@link #compute} when the key was absent. */
    static final long ABSENT = Long.MIN_VALUE;

    /** Computes a key's new record from its old one ({@link #ABSENT} when new). */
    interface Update {
        long apply(long old);
    }

    private static final int SEGMENTS = 512;
    private final Segment[] segments = new Segment[SEGMENTS];
    private final AtomicLong size = new AtomicLong();

    StateTable() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    long size() {
        return size.get();
    }

    /** Atomically replaces the record of {@code key} by {@code u.apply(old)}; returns the old record. */
    long compute(long key, Update u) {
        long k = key == 0 ? 1 : key;
        Segment s = segments[(int) (k >>> 55)];
        synchronized (s) {
            int i = s.find(k);
            if (s.keys[i] == 0) {
                long v = u.apply(ABSENT);
                s.keys[i] = k;
                s.vals[i] = v;
                if (++s.count * 5L > s.keys.length * 3L) {
                    s.grow();
                }
                size.incrementAndGet();
                return ABSENT;
            }
            long old = s.vals[i];
            s.vals[i] = u.apply(old);
            return old;
        }
    }

    long get(long key) {
        long k = key == 0 ? 1 : key;
        Segment s = segments[(int) (k >>> 55)];
        synchronized (s) {
            int i = s.find(k);
            return s.keys[i] == 0 ? ABSENT : s.vals[i];
        }
    }

    /** Approximate bytes held. */
    long bytes() {
        long b = 0;
        for (Segment s : segments) {
            synchronized (s) {
                b += 16L * s.keys.length;
            }
        }
        return b;
    }

    private static final class Segment {
        long[] keys = new long[128];
        long[] vals = new long[128];
        int count;

        int find(long k) {
            int mask = keys.length - 1;
            int i = (int) Fingerprints.mix(k) & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void grow() {
            long[] ok = keys;
            long[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new long[ok.length * 2];
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] != 0) {
                    int i = find(ok[j]);
                    keys[i] = ok[j];
                    vals[i] = ov[j];
                }
            }
        }
    }
}
