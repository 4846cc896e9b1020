package org.vmalab.engine.sched;

import java.util.Arrays;
import org.vmalab.engine.Face;
import org.vmalab.engine.memory.Field;

/**
 * What one executed step touched: its stores exactly (from the delta log) and a conservative over-approximation
 * of the words it read (see {@link ReadSets}). Two steps of different threads are independent when neither
 * stores a word the other reads or stores; then they commute (same state in either order, same violations),
 * which is what the explorer's sleep sets rely on.
 *
 * <p>Every step implicitly reads every field of its own thread (its status, the locks it holds, its references):
 * a step of another thread that wakes it (stores its {@code T_STATUS}) is therefore dependent with it.
 */
@Face
public final class Footprint {
    /** Thread fields that only the owning thread reads (display or private caches): never read by others. */
    static final long PRIVATE_THREAD_FIELDS = bits(Field.T_LOC, Field.T_NODE, Field.T_OP, Field.T_SPINS,
            Field.T_VC_SEQ, Field.T_VC0, Field.T_VC1, Field.T_VC2, Field.T_VC3);

    static {
        if (Field.count() > 64) {
            throw new IllegalStateException("Footprint packs fields into a 64-bit mask: " + Field.count() + " fields");
        }
    }

    final int thread;
    /** Reads every word (except other threads' private fields). */
    boolean all;
    /** Fields read for every object. */
    long anyMask;
    /** Fields read for one object: {@code atomMask[i]} of object {@code atomObj[i]}. */
    long[] atomMask = new long[4];
    int[] atomObj = new int[4];
    int atoms;
    /** Stores: {@code field << 32 | object}. */
    long[] writes;
    int nWrites;

    Footprint(int thread) {
        this.thread = thread;
    }

    static long bit(Field f) {
        return 1L << f.ordinal();
    }

    static long bits(Field... fs) {
        long b = 0;
        for (Field f : fs) {
            b |= bit(f);
        }
        return b;
    }

    static long key(Field f, int obj) {
        return ((long) f.ordinal() << 32) | (obj & 0xffffffffL);
    }

    void readAll() {
        all = true;
    }

    void readAny(long mask) {
        anyMask |= mask;
    }

    /** Reads the fields {@code mask} of object {@code obj} (ignored for NIL). */
    void read(long mask, int obj) {
        if (obj < 0) {
            return;
        }
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

    void read(Field f, int obj) {
        read(bit(f), obj);
    }

    /** Does this step read field {@code f} of object {@code obj}? */
    boolean reads(int fieldOrdinal, int obj) {
        Field f = Field.of(fieldOrdinal);
        long b = 1L << fieldOrdinal;
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

    boolean writesKey(long key) {
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
        for (int i = 0; i < nWrites; i++) {
            long k = writes[i];
            if (o.reads((int) (k >>> 32), (int) k) || o.writesKey(k)) {
                return false;
            }
        }
        for (int i = 0; i < o.nWrites; i++) {
            long k = o.writes[i];
            if (reads((int) (k >>> 32), (int) k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("T").append(thread).append(all ? " reads ALL" : " reads");
        for (Field f : Field.values()) {
            if ((anyMask & bit(f)) != 0) {
                b.append(' ').append(f.name()).append("[*]");
            }
        }
        for (int i = 0; i < atoms; i++) {
            for (Field f : Field.values()) {
                if ((atomMask[i] & bit(f)) != 0) {
                    b.append(' ').append(f.name()).append('[').append(atomObj[i]).append(']');
                }
            }
        }
        b.append("; writes");
        for (int i = 0; i < nWrites; i++) {
            b.append(' ').append(Field.of((int) (writes[i] >>> 32)).name()).append('[').append((int) writes[i])
                    .append(']');
        }
        return b.toString();
    }
}
