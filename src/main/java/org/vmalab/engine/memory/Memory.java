package org.vmalab.engine.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulated machine's memory: one word per (field, object). Mutable; every store goes through
 * {@link #set}, which tells the current {@link Recorder} (if any) the old and new value, so that a step's
 * delta can be recorded, undone and replayed. Reads are plain array loads.
 *
 * <p>An incremental Zobrist-style hash of the whole memory is kept when {@link #enableHashing()} was called
 * (the explorer's visited-state table uses it).
 */
public final class Memory implements Words {
    public static final int NIL = -1;

    private final long[][] cols = new long[Field.count()][];
    private int vmaCapacity;
    private final int threads;
    private final int ptes;
    private final NameTable names;
    private Recorder recorder;
    private boolean hashing;
    /** hashing or a recorder: stores must be reported. */
    private boolean observed;
    private long hash;

    /** Receives every store, in order. */
    public interface Recorder {
        void stored(Field f, int obj, long old, long value);
    }

    public Memory(int vmaCapacity, int threads, int ptes) {
        this.vmaCapacity = Math.max(4, vmaCapacity);
        this.threads = threads;
        this.ptes = ptes;
        this.names = new NameTable();
        for (Field f : Field.values()) {
            int n = switch (f.kind()) {
                case VMA -> this.vmaCapacity;
                case MM -> 1;
                case THREAD -> threads;
                case PTE -> ptes;
            };
            long[] c = new long[n];
            if (f.defaultsToNil()) {
                Arrays.fill(c, NIL);
            }
            cols[f.ordinal()] = c;
        }
    }

    private Memory(Memory o) {
        this.vmaCapacity = o.vmaCapacity;
        this.threads = o.threads;
        this.ptes = o.ptes;
        this.names = o.names;
        for (int i = 0; i < cols.length; i++) {
            cols[i] = o.cols[i].clone();
        }
        this.hashing = o.hashing;
        this.observed = o.hashing;
        this.hash = o.hash;
    }

    /** A deep copy of the words (the name table is shared: it only grows). */
    public Memory copy() {
        return new Memory(this);
    }

    @Override
    public long get(Field f, int obj) {
        return cols[f.ordinal()][obj];
    }

    /** Reads an MM field. */
    @Override
    public long mm(Field f) {
        return cols[f.ordinal()][0];
    }

    /** One store. */
    @Override
    public void set(Field f, int obj, long value) {
        long[] c = cols[f.ordinal()];
        if (!observed) {
            c[obj] = value;
            return;
        }
        long old = c[obj];
        c[obj] = value;
        if (hashing && old != value) {
            hash ^= zobrist(f, obj, old) ^ zobrist(f, obj, value);
        }
        if (recorder != null) {
            recorder.stored(f, obj, old, value);
        }
    }

    @Override
    public void setMm(Field f, long value) {
        set(f, 0, value);
    }

    /** Writes without telling the recorder (used to apply or undo recorded deltas). */
    public void poke(Field f, int obj, long value) {
        long[] c = cols[f.ordinal()];
        long old = c[obj];
        c[obj] = value;
        if (hashing && old != value) {
            hash ^= zobrist(f, obj, old) ^ zobrist(f, obj, value);
        }
    }

    public Recorder recorder() {
        return recorder;
    }

    public void recorder(Recorder r) {
        this.recorder = r;
        this.observed = hashing || r != null;
    }

    /** Puts a VMA slot back to its zeroed state (a recycled slot in fast mode; not recorded). */
    public void resetVma(int id) {
        for (Field f : Field.VMA_FIELDS) {
            long v = f.defaultsToNil() ? NIL : 0;
            if (hashing) {
                poke(f, id, v);
            } else {
                cols[f.ordinal()][id] = v;
            }
        }
    }

    @Override
    public int vmaCapacity() {
        return vmaCapacity;
    }

    @Override
    public int threadCount() {
        return threads;
    }

    @Override
    public int pteSlots() {
        return ptes;
    }

    /** Makes room for VMA id {@code id}. */
    public void ensureVma(int id) {
        if (id < vmaCapacity) {
            return;
        }
        int n = Math.max(id + 1, vmaCapacity * 2);
        for (Field f : Field.VMA_FIELDS) {
            {
                long[] c = Arrays.copyOf(cols[f.ordinal()], n);
                if (f.defaultsToNil()) {
                    Arrays.fill(c, vmaCapacity, n, NIL);
                }
                cols[f.ordinal()] = c;
            }
        }
        if (hashing) {
            for (Field f : Field.VMA_FIELDS) {
                for (int i = vmaCapacity; i < n; i++) {
                    hash ^= zobrist(f, i, cols[f.ordinal()][i]);
                }
            }
        }
        vmaCapacity = n;
    }

    // ---------------------------------------------------------------- names

    @Override
    public String name(int vma) {
        if (vma == NIL) {
            return "NULL";
        }
        String n = names.get((int) get(Field.NAME, vma));
        return n != null ? n : "vma" + vma;
    }

    /** Interns a name, returning its index for {@link Field#NAME}. */
    public int intern(String name) {
        /* allocations in a row mostly reuse one name (the shell, benchmarks): skip the table then */
        if (name == lastName) {
            return lastIndex;
        }
        int i = names.intern(name);
        lastName = name;
        lastIndex = i;
        return i;
    }

    private String lastName;
    private int lastIndex;

    /** Names of VMAs: an append-only table shared by copies of a memory (so ids stay meaningful). */
    static final class NameTable {
        private final List<String> list = new ArrayList<>();
        private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

        synchronized int intern(String name) {
            Integer i = index.get(name);
            if (i != null) {
                return i;
            }
            list.add(name);
            index.put(name, list.size() - 1);
            return list.size() - 1;
        }

        synchronized String get(int i) {
            return i >= 0 && i < list.size() ? list.get(i) : null;
        }
    }

    // ---------------------------------------------------------------- hashing

    public void enableHashing() {
        if (hashing) {
            return;
        }
        hashing = true;
        observed = true;
        long h = 0;
        for (Field f : Field.values()) {
            long[] c = cols[f.ordinal()];
            for (int i = 0; i < c.length; i++) {
                h ^= zobrist(f, i, c[i]);
            }
        }
        hash = h;
    }

    /** Hash of every word (only meaningful after {@link #enableHashing()}). */
    public long hash() {
        return hash;
    }

    /** The hash of one word; {@link #hash()} is the XOR of it over every word (the explorer uses it too). */
    public static long zobrist(Field f, int obj, long value) {
        long x = value * 0x9E3779B97F4A7C15L + ((long) f.ordinal() << 40) + obj * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
