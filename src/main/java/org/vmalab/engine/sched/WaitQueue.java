package org.vmalab.engine.sched;

import org.vmalab.engine.memory.Memory;

/**
 * A FIFO of (thread, read|write) packed into one word, so that a lock's wait list is an ordinary field
 * of {@link Memory}: five bits per entry, head in the low bits, at most {@link #CAPACITY} entries and
 * thread ids below 15.
 */
public final class WaitQueue {
    static final int CAPACITY = 12;
    public static final int MAX_THREADS = 15;

    private WaitQueue() {
    }

    private static int entry(long q, int i) {
        return (int) ((q >>> (5 * i)) & 31);
    }

    public static int size(long q) {
        int n = 0;
        while (n < CAPACITY && entry(q, n) != 0) {
            n++;
        }
        return n;
    }

    static boolean isEmpty(long q) {
        return q == 0;
    }

    static long push(long q, int tid, boolean write) {
        int n = size(q);
        if (n >= CAPACITY || tid < 0 || tid >= MAX_THREADS) {
            throw new IllegalStateException("wait queue full");
        }
        long e = ((long) (tid + 1) << 1) | (write ? 1 : 0);
        return q | (e << (5 * n));
    }

    public static int tid(long q, int i) {
        return (entry(q, i) >>> 1) - 1;
    }

    public static boolean isWrite(long q, int i) {
        return (entry(q, i) & 1) != 0;
    }

    static int headTid(long q) {
        return q == 0 ? Memory.NIL : tid(q, 0);
    }

    static boolean headIsWrite(long q) {
        return isWrite(q, 0);
    }

    static long pop(long q) {
        return q >>> 5;
    }

    static int indexOf(long q, int tid) {
        int n = size(q);
        for (int i = 0; i < n; i++) {
            if (tid(q, i) == tid) {
                return i;
            }
        }
        return -1;
    }

    /** The queue with each thread {@code t} in it renamed {@code names[t]} (same order, same read/write bits). */
    static long renamed(long q, int[] names) {
        long r = 0;
        for (int i = 0; i < CAPACITY; i++) {
            int e = entry(q, i);
            if (e == 0) {
                break;
            }
            long renamed = ((long) (names[(e >>> 1) - 1] + 1) << 1) | (e & 1);
            r |= renamed << (5 * i);
        }
        return r;
    }

    /** The queue without {@code tid}'s entry (the others keep their order); unchanged if it is not queued. */
    static long remove(long q, int tid) {
        int i = indexOf(q, tid);
        if (i < 0) {
            return q;
        }
        long low = q & ((1L << (5 * i)) - 1);
        long high = q >>> (5 * (i + 1));
        return low | (high << (5 * i));
    }
}
