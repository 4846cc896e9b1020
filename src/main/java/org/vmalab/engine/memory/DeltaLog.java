package org.vmalab.engine.memory;

import java.util.Arrays;

/**
 * A growable log of stores, three longs each: key ({@code field << 32 | object}), old value, new value.
 * The trace keeps one for the whole run; the explorer uses one as its undo stack.
 */
public final class DeltaLog {
    private long[] a = new long[3 * 256];
    private int n;

    public void add(Field f, int obj, long old, long value) {
        if (n + 3 > a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[n] = ((long) f.ordinal() << 32) | (obj & 0xffffffffL);
        a[n + 1] = old;
        a[n + 2] = value;
        n += 3;
    }

    /** Number of stores. */
    public int size() {
        return n / 3;
    }

    public Field field(int i) {
        return Field.of((int) (a[3 * i] >>> 32));
    }

    public int object(int i) {
        return (int) a[3 * i];
    }

    public long oldValue(int i) {
        return a[3 * i + 1];
    }

    public long newValue(int i) {
        return a[3 * i + 2];
    }

    /** Undoes stores {@code [from, size)} in reverse order and forgets them. */
    public void undoTo(int from, Memory m) {
        for (int i = size() - 1; i >= from; i--) {
            m.poke(field(i), object(i), oldValue(i));
        }
        n = from * 3;
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

    /** An immutable copy of stores {@code [0, size)}, trimmed. */
    public DeltaLog frozenCopy() {
        DeltaLog d = new DeltaLog();
        d.a = Arrays.copyOf(a, n);
        d.n = n;
        return d;
    }

    /** Bytes held. */
    public long bytes() {
        return 16L + 8L * a.length;
    }
}
