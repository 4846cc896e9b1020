package org.vmalab.engine.memory;

/**
 * {@code RELAXED_STORES}: each thread's store buffer, kept in memory words like everything else (so a state's
 * fingerprint, the undo log and the trace cursor see it): thread {@code t}'s entries are the {@link Field#SB_KEY}
 * and {@link Field#SB_VAL} words of objects {@code t * CAPACITY + i}, oldest first, and {@link Field#T_SB_N} counts
 * them. An entry becomes visible to the other threads when it is flushed into its word; two entries for the same
 * word leave in program order (coherence), entries for different words in any order (a PSO-like machine, see
 * docs/MEMORY-MODEL.md).
 *
 * <p>Only the plain stores of a writer's plan to the shared words listed by {@link #buffered} wait here; the
 * lock words, the atomic counters, {@code vm_sequence}, the PTEs, the threads' own words and the ghost words are
 * stored at once.
 */
public final class StoreBuffer {
    /** Entries per thread; an append to a full buffer flushes its oldest entry first. */
    public static final int CAPACITY = 32;
    /** At most this many flush choices per thread: "the k-th entry that may leave now", k below it. */
    public static final int MAX_CHOICES = 16;
    /** The explorer's choices (threads and flush choices) fit in a 31-bit mask. */
    private static final int MAX_SCHEDULABLE = 31;

    private StoreBuffer() {
    }

    /** A word as an entry's key; 0 is no entry. */
    public static long key(Field f, int obj) {
        return ((long) (f.ordinal() + 1) << 32) | (obj & 0xffffffffL);
    }

    public static Field field(long key) {
        return Field.of((int) (key >>> 32) - 1);
    }

    public static int object(long key) {
        return (int) key;
    }

    /** The memory object of thread {@code t}'s entry {@code i}. */
    public static int slot(int t, int i) {
        return t * CAPACITY + i;
    }

    /** Flush choices per thread when the scenario has {@code threads} threads (every choice fits the mask). */
    public static int choicesPerThread(int threads) {
        int n = Math.max(1, threads);
        return Math.max(1, Math.min(MAX_CHOICES, (MAX_SCHEDULABLE - n) / n));
    }

    /**
     * Does a plain store to {@code f} wait in the store buffer? The tree's and the list's words of a VMA and the
     * mm's root, list head and counters: what the writers' plans store and lockless readers load.
     */
    public static boolean buffered(Field f) {
        return switch (f) {
            case VM_START, VM_END, VM_FLAGS, VM_PGOFF, RB_LEFT, RB_RIGHT, RB_PC, RB_GAP, VM_PREV, VM_NEXT, ROOT, MMAP,
                    MAP_COUNT, HIGHEST_VM_END, VMACACHE_SEQNUM -> true;
            default -> false;
        };
    }

    /** Entries waiting in thread {@code t}'s buffer. */
    public static int size(StateView m, int t) {
        return (int) m.get(Field.T_SB_N, t);
    }

    public static long keyAt(StateView m, int t, int i) {
        return m.get(Field.SB_KEY, slot(t, i));
    }

    public static long valueAt(StateView m, int t, int i) {
        return m.get(Field.SB_VAL, slot(t, i));
    }

    /** What thread {@code t} reads at a word: its own newest buffered store there, else memory. */
    public static long read(StateView m, int t, Field f, int obj) {
        long k = key(f, obj);
        for (int i = size(m, t) - 1; i >= 0; i--) {
            if (keyAt(m, t, i) == k) {
                return valueAt(m, t, i);
            }
        }
        return m.get(f, obj);
    }

    /** Memory as thread {@code t} reads it: its own buffered stores over the words everybody sees. */
    public static StateView ownView(StateView m, int t) {
        return new ViewOver(m) {
            @Override
            public long get(Field f, int obj) {
                return buffered(f) ? read(base, t, f, obj) : base.get(f, obj);
            }

            @Override
            public long mm(Field f) {
                return get(f, 0);
            }
        };
    }

    /**
     * The index of the {@code k}-th entry (0: the oldest) that may leave now, one with no older entry for the
     * same word; -1 when there are not that many.
     */
    public static int flushable(StateView m, int t, int k) {
        int n = size(m, t);
        int seen = 0;
        outer:
        for (int i = 0; i < n; i++) {
            long key = keyAt(m, t, i);
            for (int j = 0; j < i; j++) {
                if (keyAt(m, t, j) == key) {
                    continue outer;
                }
            }
            if (seen++ == k) {
                return i;
            }
        }
        return -1;
    }

    /** Appends a store to thread {@code t}'s buffer (which must not be full). */
    public static void append(WritableState m, int t, Field f, int obj, long value) {
        int n = size(m, t);
        if (n >= CAPACITY) {
            throw new IllegalStateException("store buffer full");
        }
        m.set(Field.SB_KEY, slot(t, n), key(f, obj));
        m.set(Field.SB_VAL, slot(t, n), value);
        m.set(Field.T_SB_N, t, n + 1);
    }

    /** Entry {@code i} of thread {@code t} leaves: the later ones move down, then its word is stored. */
    public static void flush(WritableState m, int t, int i) {
        int n = size(m, t);
        long key = keyAt(m, t, i);
        long value = valueAt(m, t, i);
        for (int j = i; j + 1 < n; j++) {
            m.set(Field.SB_KEY, slot(t, j), keyAt(m, t, j + 1));
            m.set(Field.SB_VAL, slot(t, j), valueAt(m, t, j + 1));
        }
        m.set(Field.SB_KEY, slot(t, n - 1), 0);
        m.set(Field.SB_VAL, slot(t, n - 1), 0);
        m.set(Field.T_SB_N, t, n - 1);
        m.set(field(key), object(key), value);
    }

    /** Every entry leaves, oldest first (a barrier); returns how many did. */
    public static int drain(WritableState m, int t) {
        int n = size(m, t);
        for (int i = 0; i < n; i++) {
            flush(m, t, 0);
        }
        return n;
    }
}
