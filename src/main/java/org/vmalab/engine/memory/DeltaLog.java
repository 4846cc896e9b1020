package org.vmalab.engine.memory;

import java.util.Arrays;

/**
 * A growable log of stores: key ({@code field << 26 | object}), old value, new value, 20 bytes each. The trace keeps
 * one for the whole run; the explorer uses one as its undo stack. Kept in chunks of {@value #CHUNK} stores, so that a
 * long run (a munmap over 65,530 VMAs stores 2.9 million words) grows without copying what it holds.
 */
public final class DeltaLog {
    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /** Objects (VMA, thread or PTE slot numbers) below this fit in a key. */
    static final int MAX_OBJECT = 1 << 26;

    static {
        if (Field.count() > 64) {
            throw new ExceptionInInitializerError("a key keeps 6 bits of field");
        }
    }

    private int[][] keys = new int[1][];
    private long[][] olds = new long[1][];
    private long[][] news = new long[1][];
    private int n;
    /**
     * The chunk that store {@code n} goes to ({@code keys[base >>> SHIFT]} and its two companions), kept apart so that
     * {@link #add} (the explorer's every store) reaches it without the chunk tables.
     */
    private int[] curKeys;
    private long[] curOlds;
    private long[] curNews;
    private int base;

    public DeltaLog() {
        keys[0] = new int[256];
        olds[0] = new long[256];
        news[0] = new long[256];
        current(0);
    }

    public void add(Field f, int obj, long old, long value) {
        int i = n - base;
        if (i >= curKeys.length) {
            room();
            i = n - base;
        }
        if (obj >= MAX_OBJECT - 1) {
            throw new IllegalArgumentException("object " + obj + " is beyond what the log can keep");
        }
        curKeys[i] = (f.ordinal() << 26) | (obj & (MAX_OBJECT - 1));
        curOlds[i] = old;
        curNews[i] = value;
        n++;
    }

    /** Makes chunk {@code c} the current one. */
    private void current(int c) {
        curKeys = keys[c];
        curOlds = olds[c];
        curNews = news[c];
        base = c << SHIFT;
    }

    /** The current chunk is full: the first chunk grows, else the next one is made (or found: an undo keeps it). */
    private void room() {
        int c = n >>> SHIFT;
        int i = n & MASK;
        if (c == keys.length) {
            keys = Arrays.copyOf(keys, c * 2);
            olds = Arrays.copyOf(olds, c * 2);
            news = Arrays.copyOf(news, c * 2);
        }
        if (keys[c] == null) {
            keys[c] = new int[CHUNK];
            olds[c] = new long[CHUNK];
            news[c] = new long[CHUNK];
        } else if (i == keys[c].length) {
            /* the first chunk starts small (an explorer's undo stack stays small) and grows to a full one */
            int len = Math.min(CHUNK, keys[c].length * 2);
            keys[c] = Arrays.copyOf(keys[c], len);
            olds[c] = Arrays.copyOf(olds[c], len);
            news[c] = Arrays.copyOf(news[c], len);
        }
        current(c);
    }

    private static int obj(int key) {
        return key & (MAX_OBJECT - 1);
    }

    /** Number of stores. */
    public int size() {
        return n;
    }

    public Field field(int i) {
        return Field.of(keys[i >>> SHIFT][i & MASK] >>> 26);
    }

    public int object(int i) {
        int o = obj(keys[i >>> SHIFT][i & MASK]);
        return o == MAX_OBJECT - 1 ? Memory.NIL : o;
    }

    public long oldValue(int i) {
        return olds[i >>> SHIFT][i & MASK];
    }

    public long newValue(int i) {
        return news[i >>> SHIFT][i & MASK];
    }

    /** Undoes stores {@code [from, size)} in reverse order and forgets them. */
    public void undoTo(int from, Memory m) {
        for (int i = n - 1; i >= from; i--) {
            int c = i >>> SHIFT;
            int j = i & MASK;
            int key = keys[c][j];
            int o = obj(key);
            m.poke(Field.of(key >>> 26), o == MAX_OBJECT - 1 ? Memory.NIL : o, olds[c][j]);
        }
        n = Math.min(n, from);
        if (n < base) {
            current(n >>> SHIFT);
        }
    }

    /** Applies stores {@code [from, to)} forward. */
    public void redo(int from, int to, Memory m) {
        for (int i = from; i < to; i++) {
            m.poke(field(i), object(i), newValue(i));
        }
    }

    /** Applies stores {@code [from, to)} backward. */
    public void undo(int from, int to, Memory m) {
        for (int i = to - 1; i >= from; i--) {
            m.poke(field(i), object(i), oldValue(i));
        }
    }

    /**
     * The stores {@code [0, size)}, for a trace to keep: the chunks are handed over, not copied (a copy of the log
     * of a long run would double its memory at the moment it ends), and this log starts empty.
     */
    public DeltaLog handOver() {
        DeltaLog d = new DeltaLog();
        d.keys = keys;
        d.olds = olds;
        d.news = news;
        d.n = n;
        keys = new int[][] {new int[256]};
        olds = new long[][] {new long[256]};
        news = new long[][] {new long[256]};
        n = 0;
        current(0);
        d.current(d.n >>> SHIFT < d.keys.length && d.keys[d.n >>> SHIFT] != null ? d.n >>> SHIFT : 0);
        return d;
    }

    /** An immutable copy of stores {@code [0, size)}. */
    public DeltaLog frozenCopy() {
        DeltaLog d = new DeltaLog();
        for (int i = 0; i < n; i++) {
            d.add(field(i), object(i), oldValue(i), newValue(i));
        }
        return d;
    }

    /** Bytes held. */
    public long bytes() {
        long b = 16;
        for (int[] k : keys) {
            b += k == null ? 8 : 8 + 20L * k.length;
        }
        return b;
    }
}
