package org.vmalab.engine.sched;

import java.util.Arrays;
import org.vmalab.engine.Face;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.FieldSet;

/**
 * What one executed step touched: the words it stored, exactly (its stores in the delta log), and the words it
 * read, as the step's code declared them while it ran ({@link Exec#reads}): fields of one object, fields of every
 * object, or everything. Two steps of different threads are independent when neither stores a word the other
 * reads or stores; then they commute (the same state in either order, the same violations), which is what the
 * explorer's sleep sets rely on. A read a step forgot to declare would make that reduction unsound: a test runs
 * random scenarios with the memory's read tracking on and checks every step's reads against its declaration.
 *
 * <p>Two rules hold for every step without a declaration. It reads every field of its own thread (its status,
 * the locks it holds, its references, its continuation's words): a step of another thread that wakes it (stores
 * its {@code T_STATUS}) is therefore dependent with it. And no step reads the {@link #PRIVATE_THREAD_FIELDS} of
 * another thread. A VMA's name is text, not a read: it is stored once, before the VMA is linked anywhere
 * ({@code Memory#name} is not tracked).
 */
@Face
public final class Footprint {
    /** Thread fields that only the owning thread reads (display or private caches): never read by others. */
    static final long PRIVATE_THREAD_FIELDS = FieldSet.of(Field.T_LOC, Field.T_NODE, Field.T_OP, Field.T_SPINS,
            Field.T_VC_SEQ, Field.T_VC0, Field.T_VC1, Field.T_VC2, Field.T_VC3).bits();

    int thread;
    /** Reads every word (except other threads' private fields). */
    private boolean all;
    /** Fields read for every object. */
    private long anyMask;
    /** Fields read for one object: {@code atomMask[i]} of object {@code atomObj[i]}. */
    private long[] atomMask = new long[4];
    private int[] atomObj = new int[4];
    private int atoms;
    /** Stores: {@code field << 32 | object}. */
    private long[] writes = new long[8];
    private int nWrites;
    /**
     * Summaries for the quick test in {@link #independent}: every field read (for any object: {@link #anyMask} and
     * the atoms' masks), every field stored (but the step's own thread's private words), the threads whose thread
     * fields were stored (ids below 64), and whether a thread field of a thread 64 or above was stored (then the quick
     * test does not answer).
     */
    private long readFields;
    private long writeFields;
    private long writtenThreads;
    private boolean writtenThreadsOver;

    Footprint(int thread) {
        this.thread = thread;
    }

    /** Empties this footprint for a new step of {@code t} (a footprint is reused, step after step). */
    void reset(int t) {
        thread = t;
        all = false;
        anyMask = 0;
        atoms = 0;
        nWrites = 0;
        readFields = 0;
        writeFields = 0;
        writtenThreads = 0;
        writtenThreadsOver = false;
    }

    /** A copy of {@code o} (that one may then be reused): the explorer keeps the footprints of its sleep sets. */
    public Footprint(Footprint o) {
        this(o.thread);
        copyFrom(o);
    }

    /** Makes this footprint equal to {@code o}, reusing this one's arrays. */
    public void copyFrom(Footprint o) {
        thread = o.thread;
        all = o.all;
        anyMask = o.anyMask;
        if (atomMask.length < o.atoms) {
            atomMask = new long[o.atomMask.length];
            atomObj = new int[o.atomObj.length];
        }
        System.arraycopy(o.atomMask, 0, atomMask, 0, o.atoms);
        System.arraycopy(o.atomObj, 0, atomObj, 0, o.atoms);
        atoms = o.atoms;
        if (writes.length < o.nWrites) {
            writes = new long[o.writes.length];
        }
        System.arraycopy(o.writes, 0, writes, 0, o.nWrites);
        nWrites = o.nWrites;
        readFields = o.readFields;
        writeFields = o.writeFields;
        writtenThreads = o.writtenThreads;
        writtenThreadsOver = o.writtenThreadsOver;
    }

    static long key(Field f, int obj) {
        return ((long) f.ordinal() << 32) | (obj & 0xffffffffL);
    }

    void readEverything() {
        all = true;
    }

    void readEvery(FieldSet s) {
        anyMask |= s.bits();
        readFields |= s.bits();
    }

    /** Reads the fields {@code s} of object {@code obj} (ignored for NIL). */
    void read(FieldSet s, int obj) {
        read(s.bits(), obj);
    }

    void read(long mask, int obj) {
        if (obj < 0 || all) {
            return;
        }
        readFields |= mask;
        for (int i = 0; i < atoms; i++) {
            if (atomObj[i] == obj) {
                atomMask[i] |= mask;
                return;
            }
        }
        if (atoms == atomObj.length) {
            atomObj = Arrays.copyOf(atomObj, atoms * 2);
            atomMask = Arrays.copyOf(atomMask, atoms * 2);
        }
        atomObj[atoms] = obj;
        atomMask[atoms] = mask;
        atoms++;
    }

    /** The step stored field {@code f} of object {@code obj} (told at each store, in the order they are made). */
    void wrote(Field f, int obj) {
        if (nWrites == writes.length) {
            writes = Arrays.copyOf(writes, nWrites * 2);
        }
        writes[nWrites++] = key(f, obj);
        long b = 1L << f.ordinal();
        if (f.kind() != Field.Kind.THREAD) {
            writeFields |= b;
            return;
        }
        if (obj != thread || (PRIVATE_THREAD_FIELDS & b) == 0) {
            /* no other step reads a thread's private words; a store of them by another is in writtenThreads */
            writeFields |= b;
        }
        if (obj >= 0 && obj < 64) {
            writtenThreads |= 1L << obj;
        } else {
            writtenThreadsOver = true;
        }
    }

    /** Did this step read field {@code f} of object {@code obj}, by its declaration and the two rules? */
    boolean reads(Field f, int obj) {
        long b = 1L << f.ordinal();
        if (f.kind() == Field.Kind.THREAD) {
            if (obj == thread) {
                return true;
            }
            if ((PRIVATE_THREAD_FIELDS & b) != 0) {
                return false;
            }
        }
        if (all || (anyMask & b) != 0) {
            return true;
        }
        for (int i = 0; i < atoms; i++) {
            if (atomObj[i] == obj && (atomMask[i] & b) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Did this step store field {@code f} of object {@code obj}? */
    boolean writes(Field f, int obj) {
        return writesKey(key(f, obj));
    }

    private boolean writesKey(long key) {
        for (int i = 0; i < nWrites; i++) {
            if (writes[i] == key) {
                return true;
            }
        }
        return false;
    }

    /**
     * Independent: different threads, and neither stores a word the other reads or stores. Conservative: any
     * doubt is a dependence.
     */
    public boolean independent(Footprint o) {
        if (o.thread == thread) {
            return false;
        }
        return quicklyIndependent(o) || independentByWords(o);
    }

    /** {@link #independent}, word by word (the test below {@link #quicklyIndependent} only shortens). */
    boolean independentByWords(Footprint o) {
        if (o.thread == thread) {
            return false;
        }
        for (int i = 0; i < nWrites; i++) {
            long k = writes[i];
            Field f = Field.of((int) (k >>> 32));
            if (o.reads(f, (int) k) || o.writesKey(k)) {
                return false;
            }
        }
        for (int i = 0; i < o.nWrites; i++) {
            long k = o.writes[i];
            if (reads(Field.of((int) (k >>> 32)), (int) k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common case at a glance: neither stores a field (of any object) the other reads or stores, nor a word of the
     * other's thread (which the other always reads). True only when the word-by-word test below would say so too.
     */
    boolean quicklyIndependent(Footprint o) {
        if (writtenThreadsOver || o.writtenThreadsOver || thread < 0 || thread >= 64 || o.thread < 0
                || o.thread >= 64) {
            return false;
        }
        long reads = all ? -1L : readFields;
        long oReads = o.all ? -1L : o.readFields;
        return (writeFields & (oReads | o.writeFields)) == 0 && (o.writeFields & reads) == 0
                && (writtenThreads & (1L << o.thread)) == 0 && (o.writtenThreads & (1L << thread)) == 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("T").append(thread).append(all ? " reads everything" : " reads");
        if (anyMask != 0) {
            b.append(' ').append(new FieldSet(anyMask)).append("[*]");
        }
        for (int i = 0; i < atoms; i++) {
            b.append(' ').append(new FieldSet(atomMask[i])).append('[').append(atomObj[i]).append(']');
        }
        b.append("; writes");
        for (int i = 0; i < nWrites; i++) {
            b.append(' ').append(Field.of((int) (writes[i] >>> 32)).name()).append('[').append((int) writes[i])
                    .append(']');
        }
        return b.toString();
    }
}
