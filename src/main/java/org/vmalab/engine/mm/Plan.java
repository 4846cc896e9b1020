package org.vmalab.engine.mm;

import java.util.Arrays;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * The steps a writer's operation will make, computed when it got {@code mmap_sem} (see {@link Kx}):
 * planned stores, and dynamic steps that run at their own time. Immutable; hashed by content.
 *
 * <p>Kept in columns of primitives, about 40 bytes a step and 16 a store (a munmap over 65,530 VMAs plans 1.3
 * million steps); {@link #item} gives one step as a record.
 */
public final class Plan {
    /** One item of a plan. */
    public sealed interface Item permits Planned, DynItem {
    }

    /**
     * A step of precomputed stores: {@code stores} holds (field ordinal, object, value) triples.
     *
     * @param more          the next item belongs to the same macro step
     * @param validateAfter NIL, or the {@code ignore} of a validate_mm_rb checkpoint right after this step
     *                      ({@link #NO_VALIDATE} for none)
     */
    public record Planned(Loc loc, Tag tag, int a, int b, long v, long[] stores, boolean more, int validateAfter,
                          Loc group, int groupA) implements Item {
        @Override
        public boolean equals(Object o) {
            return o instanceof Planned p && p.loc == loc && p.tag == tag && p.a == a && p.b == b && p.v == v
                    && Arrays.equals(p.stores, stores) && p.more == more && p.validateAfter == validateAfter;
        }

        @Override
        public int hashCode() {
            return ((loc.ordinal() * 31 + a) * 31 + b) * 31 + Long.hashCode(v) * 17 + Arrays.hashCode(stores);
        }
    }

    /** A dynamic step. */
    public record DynItem(Dyn dyn) implements Item {
    }

    public static final int NO_VALIDATE = -2;

    private static final Loc[] LOCS = Loc.values();
    private static final Tag[] TAGS = Tag.values();

    private final int n;
    private final int nStores;
    /** Loc ordinal of a planned step; for a dynamic step, -1 - its index in {@link #dyns}. */
    private final int[] loc;
    private final byte[] tag;
    private final int[] a;
    private final int[] b;
    private final long[] v;
    /** Stores of step i: {@code [storeEnd[i - 1], storeEnd[i])} in {@link #keys} and {@link #values}. */
    private final int[] storeEnd;
    /** {@code field ordinal << 26 | object} ({@link #key}). */
    private final int[] keys;
    private final long[] values;
    private final boolean[] more;
    private final int[] validateAfter;
    /** Loc ordinal of the step's macro group, or -1. */
    private final short[] group;
    private final int[] groupA;
    private final DynItem[] dyns;
    private final int hash;
    private final String label;
    private final long result;

    /**
     * Trims the builder's columns to their size: a plan is built before its steps are recorded, and lives while they
     * are, so a moment's copy now costs less than the slack would later.
     */
    private Plan(Builder bd, String label, long result) {
        this.n = bd.n;
        this.nStores = bd.nStores;
        this.loc = Arrays.copyOf(bd.loc, n);
        this.tag = Arrays.copyOf(bd.tag, n);
        this.a = Arrays.copyOf(bd.a, n);
        this.b = Arrays.copyOf(bd.b, n);
        this.v = Arrays.copyOf(bd.v, n);
        this.storeEnd = Arrays.copyOf(bd.storeEnd, n);
        this.keys = Arrays.copyOf(bd.keys, nStores);
        this.values = Arrays.copyOf(bd.values, nStores);
        this.more = Arrays.copyOf(bd.more, n);
        this.validateAfter = Arrays.copyOf(bd.validateAfter, n);
        this.group = Arrays.copyOf(bd.group, n);
        this.groupA = Arrays.copyOf(bd.groupA, n);
        this.dyns = Arrays.copyOf(bd.dyns, bd.nDyns);
        this.label = label;
        this.result = result;
        this.hash = contentHash() * 31 + label.hashCode();
    }

    public int size() {
        return n;
    }

    /** Is item {@code i} a dynamic step? */
    boolean isDynamic(int i) {
        return loc[i] < 0;
    }

    public Item item(int i) {
        if (loc[i] < 0) {
            return dyns[-1 - loc[i]];
        }
        int from = i == 0 ? 0 : storeEnd[i - 1];
        int to = storeEnd[i];
        long[] s = new long[3 * (to - from)];
        for (int k = from, j = 0; k < to; k++, j += 3) {
            s[j] = keys[k] >>> 26;
            int obj = keys[k] & MAX_OBJECT;
            s[j + 1] = obj == MAX_OBJECT ? -1 : obj;
            s[j + 2] = values[k];
        }
        return new Planned(LOCS[loc[i]], TAGS[tag[i]], a[i], b[i], v[i], s, more[i], validateAfter[i],
                group[i] < 0 ? null : LOCS[group[i]], groupA[i]);
    }

    /*
     * Item i read column by column, without making its record ({@link #item}): the thread that plays the plan reads
     * these.
     */

    /** Is item {@code i} a dynamic step? */
    public boolean dynamic(int i) {
        return loc[i] < 0;
    }

    /** The dynamic step of item {@code i} ({@link #dynamic}). */
    public Dyn dyn(int i) {
        return dyns[-1 - loc[i]].dyn();
    }

    /** Item {@code i}'s place in the code (a planned step). */
    public Loc loc(int i) {
        return LOCS[loc[i]];
    }

    public Tag tag(int i) {
        return TAGS[tag[i]];
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    public long v(int i) {
        return v[i];
    }

    /** The next item belongs to the same macro step. */
    public boolean more(int i) {
        return more[i];
    }

    /** {@link #NO_VALIDATE}, or the {@code ignore} of a validate_mm_rb checkpoint right after item {@code i}. */
    public int validateAfter(int i) {
        return validateAfter[i];
    }

    /** The macro group of item {@code i}, or null. */
    public Loc group(int i) {
        return group[i] < 0 ? null : LOCS[group[i]];
    }

    public int groupA(int i) {
        return groupA[i];
    }

    /** Item {@code i}'s stores are {@code [storesFrom(i), storesTo(i))}. */
    public int storesFrom(int i) {
        return i == 0 ? 0 : storeEnd[i - 1];
    }

    public int storesTo(int i) {
        return storeEnd[i];
    }

    /** The field of store {@code k}. */
    public Field storeField(int k) {
        return Field.of(keys[k] >>> 26);
    }

    /** The object of store {@code k} (-1 for none). */
    public int storeObject(int k) {
        int obj = keys[k] & MAX_OBJECT;
        return obj == MAX_OBJECT ? -1 : obj;
    }

    public long storeValue(int k) {
        return values[k];
    }

    /** What the operation returned when it was planned (an address, 0, or an error). */
    long result() {
        return result;
    }

    String label() {
        return label;
    }

    private int contentHash() {
        int h = 1;
        for (int i = 0; i < n; i++) {
            int x = loc[i] < 0 ? dyns[-1 - loc[i]].hashCode()
                    : ((loc[i] * 31 + a[i]) * 31 + b[i]) * 31 + Long.hashCode(v[i]) * 17;
            h = 31 * h + x;
        }
        for (int k = 0; k < nStores; k++) {
            h = 31 * h + relativeKey(keys[k]) * 7 + Long.hashCode(values[k]);
        }
        return h;
    }

    /**
     * A store's key for the hash, without the thread when the word is a thread's: a plan stores only its own thread's
     * words (the vmacache of the writer's find_vma), so two threads' plans that do the same have the same hash, and
     * so do the states that two interchangeable writers reach by the same steps (the explorer's symmetry reduction).
     */
    private static int relativeKey(int key) {
        return Field.of(key >>> 26).kind() == Field.Kind.THREAD
                ? key | MAX_OBJECT : key;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Plan p && p.hash == hash && p.n == n && p.nStores == nStores
                && Arrays.equals(p.loc, 0, n, loc, 0, n) && Arrays.equals(p.tag, 0, n, tag, 0, n)
                && Arrays.equals(p.a, 0, n, a, 0, n) && Arrays.equals(p.b, 0, n, b, 0, n)
                && Arrays.equals(p.v, 0, n, v, 0, n) && Arrays.equals(p.storeEnd, 0, n, storeEnd, 0, n)
                && Arrays.equals(p.keys, 0, nStores, keys, 0, nStores)
                && Arrays.equals(p.values, 0, nStores, values, 0, nStores) && Arrays.equals(p.more, 0, n, more, 0, n)
                && Arrays.equals(p.validateAfter, 0, n, validateAfter, 0, n) && Arrays.equals(p.dyns, dyns);
    }

    /** Objects below this fit in a store's key (a memory of 67 million VMAs would not fit in a JVM anyway). */
    static final int MAX_OBJECT = (1 << 26) - 1;

    /** The key of a store of {@code f} on {@code obj}. */
    static int key(org.vmalab.engine.memory.Field f, int obj) {
        if (obj >= MAX_OBJECT) {
            throw new IllegalArgumentException("object " + obj + " is beyond what a plan can keep");
        }
        return (f.ordinal() << 26) | (obj & MAX_OBJECT);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Collects a plan step by step (the {@link Planner}). */
    static final class Builder {
        private int n;
        private int[] loc = new int[16];
        private byte[] tag = new byte[16];
        private int[] a = new int[16];
        private int[] b = new int[16];
        private long[] v = new long[16];
        private int[] storeEnd = new int[16];
        private boolean[] more = new boolean[16];
        private int[] validateAfter = new int[16];
        private short[] group = new short[16];
        private int[] groupA = new int[16];
        /**
         * Macro group number of the last step (0 = none): consecutive steps of one group are joined by {@code more}.
         */
        private int lastGroupId;
        private int nStores;
        private int[] keys = new int[32];
        private long[] values = new long[32];
        private int nDyns;
        private DynItem[] dyns = new DynItem[4];

        public int size() {
            return n;
        }

        /** Steps or stores it has room for, whichever is more. */
        int capacity() {
            return Math.max(loc.length, keys.length);
        }

        /** Empty again, for the next plan: its columns are kept (every word of a step is written as it is added). */
        void reset() {
            n = 0;
            nStores = 0;
            lastGroupId = 0;
            Arrays.fill(dyns, 0, nDyns, null);
            nDyns = 0;
        }

        void store(int key, long value) {
            if (nStores == keys.length) {
                growStores();
            }
            keys[nStores] = key;
            values[nStores++] = value;
        }

        private void growStores() {
            keys = Arrays.copyOf(keys, nStores + (nStores >> 1));
            values = Arrays.copyOf(values, nStores + (nStores >> 1));
        }

        int pendingStores() {
            return nStores - (n == 0 ? 0 : storeEnd[n - 1]);
        }

        /**
         * Room for one more step: called only when the columns are full (rarely, as a machine's builder is kept), so
         * that C2 does not compile the copies into every writer's step where {@link #planned} is inlined.
         */
        private void grow() {
            int c = n + (n >> 1);
            loc = Arrays.copyOf(loc, c);
            tag = Arrays.copyOf(tag, c);
            a = Arrays.copyOf(a, c);
            b = Arrays.copyOf(b, c);
            v = Arrays.copyOf(v, c);
            storeEnd = Arrays.copyOf(storeEnd, c);
            more = Arrays.copyOf(more, c);
            validateAfter = Arrays.copyOf(validateAfter, c);
            group = Arrays.copyOf(group, c);
            groupA = Arrays.copyOf(groupA, c);
        }

        /** A planned step: the stores since the previous step, in group {@code gid} (0 = none). */
        void planned(Loc l, Tag t, int pa, int pb, long pv, int gid, Loc g, int ga) {
            if (n == loc.length) {
                grow();
            }
            loc[n] = l.ordinal();
            tag[n] = (byte) t.ordinal();
            a[n] = pa;
            b[n] = pb;
            v[n] = pv;
            storeEnd[n] = nStores;
            more[n] = false;
            validateAfter[n] = NO_VALIDATE;
            group[n] = (short) (g == null ? -1 : g.ordinal());
            groupA[n] = ga;
            /* the previous step runs on into this one when both are planned steps of one group */
            if (gid != 0 && n > 0 && lastGroupId == gid && loc[n - 1] >= 0) {
                more[n - 1] = true;
            }
            lastGroupId = gid;
            n++;
        }

        void dyn(Dyn d) {
            if (n == loc.length) {
                grow();
            }
            if (nDyns == dyns.length) {
                dyns = Arrays.copyOf(dyns, nDyns * 2);
            }
            dyns[nDyns] = new DynItem(d);
            loc[n] = -1 - nDyns++;
            tag[n] = 0;
            a[n] = 0;
            b[n] = 0;
            v[n] = 0;
            more[n] = false;
            storeEnd[n] = nStores;
            validateAfter[n] = NO_VALIDATE;
            group[n] = -1;
            groupA[n] = org.vmalab.engine.memory.Memory.NIL;
            lastGroupId = 0;
            n++;
        }

        /** The last planned step is followed by a {@code validate_mm_rb(ignore)} checkpoint. */
        void validateAfterLast(int ignore) {
            for (int i = n - 1; i >= 0; i--) {
                if (loc[i] >= 0) {
                    validateAfter[i] = ignore;
                    return;
                }
            }
        }

        Plan build(String label, long result) {
            return new Plan(this, label, result);
        }
    }
}
