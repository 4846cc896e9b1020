package org.vmalab.explore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The visited-state table: 64-bit fingerprint to a packed 64-bit record, shared by all workers. It keeps the
 * engine's fingerprint of a state ({@code Explorable.fingerprint}), not the state, as TLC and SPIN's
 * hash-compaction do: two different states with the same fingerprint would be taken for one and the second one's
 * successors would not be explored. With {@code n} distinct states the chance of any such collision is about
 * {@code n^2 / 2^65} (10^-8 for a million states, 3 * 10^-4 for a hundred million); the result reports it. Lock-striped
 * open addressing (512 segments, each a linear-probing table that doubles when 60% full, key and record
 * side by side): about 16 to 27 bytes
 * per state and no boxing. Many small segments keep a worker from waiting on another that was descheduled while
 * it held a segment (the machine may be shared).
 */
final class StateTable {
    /** The SplitMix64 finaliser: spreads a fingerprint over the table's slots. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

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
            long[] e = s.entries;
            if (e[i] == 0) {
                long v = u.apply(ABSENT);
                e[i] = k;
                e[i + 1] = v;
                if (++s.count * 10L > e.length * 3L) {
                    s.grow();
                }
                size.incrementAndGet();
                return ABSENT;
            }
            long old = e[i + 1];
            e[i + 1] = u.apply(old);
            return old;
        }
    }

    long get(long key) {
        long k = key == 0 ? 1 : key;
        Segment s = segments[(int) (k >>> 55)];
        synchronized (s) {
            int i = s.find(k);
            return s.entries[i] == 0 ? ABSENT : s.entries[i + 1];
        }
    }

    /** Approximate bytes held. */
    long bytes() {
        long b = 0;
        for (Segment s : segments) {
            synchronized (s) {
                b += 8L * s.entries.length;
            }
        }
        return b;
    }

    /** Key and record side by side (one cache line per probe); key 0 marks a free slot. */
    private static final class Segment {
        long[] entries = new long[2 * 128];
        int count;

        /** Index of {@code k}'s key, or of the free slot where it goes. */
        int find(long k) {
            int mask = (entries.length >> 1) - 1;
            int i = (int) mix(k) & mask;
            while (entries[2 * i] != 0 && entries[2 * i] != k) {
                i = (i + 1) & mask;
            }
            return 2 * i;
        }

        void grow() {
            long[] old = entries;
            entries = new long[old.length * 2];
            for (int j = 0; j < old.length; j += 2) {
                if (old[j] != 0) {
                    int i = find(old[j]);
                    entries[i] = old[j];
                    entries[i + 1] = old[j + 1];
                }
            }
        }
    }
}
