package org.vmalab.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The visited-state table: 64-bit fingerprint to a packed record, shared by all workers. It keeps the engine's
 * fingerprint of a state ({@code Explorable.fingerprint}), not the state, as TLC and SPIN's hash-compaction do: two
 * different states with the same fingerprint would be taken for one and the second one's successors would not be
 * explored; the result reports the chance of that ({@link #collisionProbability}). Open addressing in 512
 * segments, each a linear-probing table; a search with one worker takes no lock. With several workers a compact
 * segment takes no lock either: its slots are claimed and updated by compare-and-set, and its growth moves them one by
 * one ({@code Compact#computeShared}); a worker descheduled in the middle of an update (the machine may be shared, the
 * compiler and the collector run beside the workers) holds up no other worker, where a lock per segment made the other
 * worker wait for it as soon as it came to that segment, a few milliseconds later. Two layouts:
 * <ul>
 *   <li><b>compact</b> (the default search: no preemption bound): one 8-byte word per slot, the record's
 *   {@link #COMPACT_RECORD_BITS} bits (the sleep set and the final-state bit: all a search without a preemption
 *   bound needs until a step bound cuts it) beside {@link #TAG_BITS} bits of the mixed fingerprint; 512 segments
 *   keyed by another 9 bits of it, so that 58 bits of the fingerprint tell states apart: with {@code n} distinct
 *   states the chance of any collision is at most {@code n^2 / 2^59} (9 * 10^-5 for lesson 16's 7.2 million). A
 *   segment grows by half when 80% full, so it is 53% to 80% full: 10 to 15 bytes per distinct state;</li>
 *   <li><b>wide</b> (with a preemption bound, or after a step bound cut a compact search): key and a 64-bit record
 *   (sleep set, final bit, depth, preemptions) side by side, 16 bytes per slot, doubling when 60% full: 27 to 53
 *   bytes per distinct state; all 64 bits tell states apart ({@code n^2 / 2^65}).</li>
 * </ul>
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

    /** Record bits a compact slot keeps: the low 15 bits of a record (a sleep set of 14 threads, the final bit). */
    static final int COMPACT_RECORD_BITS = 15;
    /** Fingerprint bits a compact slot keeps beside its record. */
    static final int TAG_BITS = 64 - COMPACT_RECORD_BITS;
    private static final long RECORD_MASK = (1L << COMPACT_RECORD_BITS) - 1;
    private static final int SEGMENT_BITS = 9;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    private final boolean compact;
    /** More than one thread updates the table (a wide segment's update holds its lock). */
    private final boolean shared;
    private final Segment[] segments = new Segment[SEGMENTS];

    StateTable(boolean compact) {
        this(compact, true);
    }

    /**
     * {@code shared}: several workers update the table (by compare-and-set, or under a wide segment's lock); false:
     * one thread does (the search with one worker), with plain reads and writes.
     */
    StateTable(boolean compact, boolean shared) {
        this.compact = compact;
        this.shared = shared;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = compact ? new Compact() : new Wide();
        }
    }

    boolean compact() {
        return compact;
    }

    /** The distinct keys (exact once the updates stopped; while they run, a recent count). */
    long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.count;
        }
        return n;
    }

    /** The fingerprint bits that tell two states apart. */
    int distinguishingBits() {
        return compact ? TAG_BITS + SEGMENT_BITS : 64;
    }

    /** Upper estimate of the chance that two of {@code n} distinct states were taken for one. */
    double collisionProbability(long n) {
        return Math.min(1.0, (double) n * n / Math.pow(2, distinguishingBits() + 1));
    }

    /**
     * Atomically replaces the record of {@code key} by {@code u.apply(old)}; returns the old record. A compact table
     * keeps only the record's low {@link #COMPACT_RECORD_BITS} bits. With several workers {@code u} may be applied
     * more than once (again when another worker changed the record meanwhile): its last application counts.
     */
    long compute(long key, Update u) {
        long h = mix(key);
        Segment s = segments[(int) (h >>> (64 - SEGMENT_BITS))];
        if (!shared) {
            return s.compute(h, u);
        }
        return s.computeShared(h, u);
    }

    /** Approximate bytes held (once the updates stopped). */
    long bytes() {
        long b = 0;
        for (Segment s : segments) {
            b += s.bytes();
        }
        return b;
    }

    /** One share of the table; {@code h} is the mixed fingerprint. */
    private abstract static class Segment {
        int count;

        /** The update by one thread (no other updates the table). */
        abstract long compute(long h, Update u);

        /** The update while other threads may update the segment too. */
        abstract long computeShared(long h, Update u);

        abstract long bytes();
    }

    /** Key and record side by side (one cache line per probe); key 0 marks a free slot. */
    private static final class Wide extends Segment {
        long[] entries = new long[2 * 128];

        @Override
        synchronized long computeShared(long h, Update u) {
            return compute(h, u);
        }

        @Override
        long compute(long h, Update u) {
            long k = h == 0 ? 1 : h;
            int i = find(k);
            long[] e = entries;
            if (e[i] == 0) {
                e[i] = k;
                e[i + 1] = u.apply(ABSENT);
                if (++count * 10L > e.length * 3L) {
                    grow();
                }
                return ABSENT;
            }
            long old = e[i + 1];
            e[i + 1] = u.apply(old);
            return old;
        }

        @Override
        long bytes() {
            return 8L * entries.length;
        }

        /** Index of {@code k}'s key, or of the free slot where it goes. */
        int find(long k) {
            int mask = (entries.length >> 1) - 1;
            int i = (int) k & mask;
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

    /**
     * One word a slot: the tag (the low {@link #TAG_BITS} bits of the mixed fingerprint, never 0) above the
     * record; word 0 marks a free slot. The home slot comes from the tag's high 32 bits scaled to the capacity
     * (any capacity: the segment grows by half, not by doubling), so the tag alone rebuilds the table.
     *
     * <p>The update is inlined by the JIT into the search's {@code SearchWorker.arrive}, so its branches are written
     * for the compiler: each one is common both ways (the key found or not, a free slot or another key's, the record
     * changed or not, the probe ended or not). A branch that the compiled code has never seen taken is compiled as a
     * trap, and its first use throws the compiled {@code arrive} away (20 KB of code, recompiled by C2 while both
     * workers run the profiling code). A lost compare-and-set, a slot a growth has moved and the end of the array
     * therefore take the common paths (or arithmetic), and a segment's growth is frequent from the first updates on
     * (the segments start at {@link #INITIAL_SLOTS} slots); each of them used to throw {@code arrive} away once in a
     * JVM, two to four times in a 2-worker {@code check} (docs/PERFORMANCE.md, ninth session).
     */
    private static final class Compact extends Segment {
        private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
        private static final VarHandle COUNT;
        /** A slot whose word a growth has moved to the new array: tag 0, never a key's word. */
        private static final long MOVED = 1;
        /**
         * A new segment's slots: few, so that a search grows its segments from its first few thousand updates on,
         * while the JIT still profiles the update (a growth first met in compiled code would throw it away).
         */
        static final int INITIAL_SLOTS = 8;

        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(Segment.class, "count", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /**
         * Replaced only by {@link #grow} or {@link #growShared}; in a shared table, a slot of a replaced array holds
         * {@link #MOVED} once its word is in the new one.
         */
        volatile long[] slots = new long[INITIAL_SLOTS];

        private static long tag(long h) {
            long tag = h & ((1L << TAG_BITS) - 1);
            return tag == 0 ? 1 : tag;
        }

        /** The count of keys at which an array of {@code capacity} slots is more than 80% full and grows. */
        static int limit(int capacity) {
            return (int) (capacity * 4L / 5) + 1;
        }

        /** The slot after {@code i} in an array of {@code capacity}, the first after the last (no branch). */
        private static int next(int i, int capacity) {
            int j = i + 1;
            return j & ~((capacity - 1 - j) >> 31);
        }

        /** 1 if {@code a == b}, else 0 (no branch). */
        private static int same(long a, long b) {
            long d = a ^ b;
            return (int) (((d | -d) >>> 63) ^ 1);
        }

        /**
         * With several workers, no lock: a slot goes from free to a tag once and keeps that tag in its array, so
         * linear probing finds a key's slot while other threads insert; a slot is claimed, and a record replaced, by
         * compare-and-exchange, and when that fails the probe goes on from what the slot holds then (the update
         * applied again to it). Growth ({@link #growShared}) moves the words one slot at a time, each exchanged
         * atomically for {@link #MOVED}: an update that meets it starts again from its home slot in the segment's
         * array of the moment (the old one until the growth ends: its words not yet moved can still be updated, and
         * are carried over), an update made before it is carried over with its word. A worker descheduled in the
         * middle of an update holds up no other; one descheduled while it grows a segment holds up those that come
         * to that segment (they probe it again until the new array is there).
         */
        @Override
        long computeShared(long h, Update u) {
            long tag = tag(h);
            long[] s = slots;
            int i = home(tag, s.length);
            while (true) {
                long w = (long) SLOT.getVolatile(s, i);
                int done;
                long result;
                long[] into;
                if (w >>> COMPACT_RECORD_BITS == tag) {
                    long record = w & RECORD_MASK;
                    long next = tag << COMPACT_RECORD_BITS | (u.apply(record) & RECORD_MASK);
                    long seen = next == w ? w : (long) SLOT.compareAndExchange(s, i, w, next);
                    /* lost (another update, or a growth moved the slot): read the slot again */
                    done = same(seen, w);
                    result = record;
                    into = null;
                } else if (w >>> 1 == 0) {
                    /* free, or moved (the exchange then fails): claim it, or start again in the array of the moment */
                    long want = tag << COMPACT_RECORD_BITS | (u.apply(ABSENT) & RECORD_MASK);
                    long seen = (long) SLOT.compareAndExchange(s, i, 0L, want);
                    done = same(seen, 0L);
                    result = ABSENT;
                    into = s;
                    s = slots;
                    i = home(tag, s.length);
                } else {
                    done = 0;
                    result = ABSENT;
                    into = null;
                    i = next(i, s.length);
                }
                if (done != 0) {
                    if (into != null) {
                        /* one insertion takes the count to the array's limit: it grows the segment, alone */
                        int c = (int) COUNT.getAndAdd(this, 1) + 1;
                        if (c == limit(into.length)) {
                            growShared(into);
                        }
                    }
                    return result;
                }
            }
        }

        /**
         * Grows the segment by half: called by the one insertion that took the count to {@code full}'s limit (the
         * count goes up by one at a time, and no insertion into an older array reaches the limit of a newer one: an
         * array holds at most a fifth of its slots more once it is at its limit). The new array is allocated first:
         * running out of memory there leaves the segment as it was (the search then stops).
         */
        private void growShared(long[] full) {
            if (slots != full) {
                return;
            }
            long[] s = new long[full.length + (full.length >> 1)];
            for (int j = 0; j < full.length; j++) {
                long w = (long) SLOT.getAndSet(full, j, MOVED);
                if (w != 0) {
                    put(s, w);
                }
            }
            slots = s;
            capacity = s.length;
        }

        /**
         * {@code slots.length}, kept beside {@link #slots} for {@link #compute}: the home slot is found without reading
         * the array's header, which sits in a cache line of its own (one per segment) and often misses the cache; the
         * slot's own miss then waited for the header's. Read from here, the header is read only by the bounds check,
         * beside the slot. Only the update by one thread reads it (another thread's growth may be between the two
         * writes).
         */
        private int capacity = INITIAL_SLOTS;

        @Override
        long compute(long h, Update u) {
            long tag = tag(h);
            long[] s = slots;
            int cap = capacity;
            int i = home(tag, cap);
            while (true) {
                long w = s[i];
                if (w >>> COMPACT_RECORD_BITS == tag) {
                    long old = w & RECORD_MASK;
                    s[i] = tag << COMPACT_RECORD_BITS | (u.apply(old) & RECORD_MASK);
                    return old;
                }
                if (w == 0) {
                    s[i] = tag << COMPACT_RECORD_BITS | (u.apply(ABSENT) & RECORD_MASK);
                    if (++count == limit(cap)) {
                        grow();
                    }
                    return ABSENT;
                }
                i = next(i, cap);
            }
        }

        @Override
        long bytes() {
            return 8L * slots.length;
        }

        private static int home(long tag, int capacity) {
            return (int) (((tag >>> (TAG_BITS - 32)) * capacity) >>> 32);
        }

        void grow() {
            long[] old = slots;
            long[] s = new long[old.length + (old.length >> 1)];
            for (long w : old) {
                if (w != 0) {
                    put(s, w);
                }
            }
            slots = s;
            capacity = s.length;
        }

        /** Puts a slot's word in an array no other thread sees yet. */
        private static void put(long[] s, long w) {
            int i = home(w >>> COMPACT_RECORD_BITS, s.length);
            while (s[i] != 0) {
                i = next(i, s.length);
            }
            s[i] = w;
        }
    }
}
