package org.vmalab.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Cont;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.ThreadState;
import org.vmalab.engine.trace.StepRecord;

/**
 * 64-bit fingerprints of machine states, as TLC and SPIN's hash-compaction store them: the visited table keeps
 * the fingerprint, not the state, so two different states with the same fingerprint would be taken for one and
 * the second one's successors would not be explored. With {@code n} distinct states the chance of any such
 * collision is about {@code n^2 / 2^65} (10^-8 for a million states, 3 * 10^-4 for a hundred million); the
 * result reports it.
 *
 * <p>The fingerprint combines the engine's incremental Zobrist hash of every memory word (which covers the lock
 * words, the vmacache, each thread's status, position and held references) with a 64-bit hash of every thread's
 * continuation (its actions, registers and operation index), walked action by action.
 *
 * <p>It must not depend on which worker computed it: a worker replays another's schedule prefix and must find
 * the same fingerprint, and all workers share one visited table. Two words of the engine's memory are
 * machine-local: a VMA's {@code NAME} is an index into the machine's own append-only name table (a name
 * generated during the search, such as {@code heap'}, gets the next index of whichever machine meets it first;
 * writers' plans carry these indices too), and the Zobrist hash covers every slot of the VMA columns, whose
 * number grows when a plan allocates past it. So before hashing starts ({@link #prepare}) every worker's machine
 * interns, in one fixed order, every name the scenario's writers can give a VMA, and grows its VMA columns to
 * the same capacity; and, for the names that list misses, the {@code NAME} words are taken out of the memory
 * hash and replaced by a hash of the name itself, with the engine's hash of one word, {@link Memory#zobrist}.
 */
final class Fingerprints {
    private final Machine m;
    private final ThreadState[] states;
    private final long[] hashes;
    /** String hash of name-table index i (this machine's table), or 0 when not seen yet. */
    private long[] nameHash = new long[64];

    Fingerprints(Machine m) {
        this.m = m;
        int n = m.threadCount();
        this.states = new ThreadState[n];
        this.hashes = new long[n];
    }

    /**
     * Grows the machine's VMA columns to a capacity that depends only on the scenario (room for every VMA its
     * writers could allocate), then turns on the engine's incremental memory hash.
     */
    static void prepare(Machine m) {
        int writers = 0;
        List<String> bases = new ArrayList<>();
        for (VmaSpec v : m.scenario().layout()) {
            bases.add(v.name());
        }
        for (var t : m.scenario().threads()) {
            for (Op op : t.program()) {
                if (op.isWriter()) {
                    writers++;
                }
                if (op instanceof Op.Map x) {
                    bases.add(x.name());
                } else if (op instanceof Op.Mmap x) {
                    bases.add(x.name());
                }
            }
        }
        bases.add("brk");
        /* the names a plan may give a VMA (MmOps.uniqueName adds primes), interned in one fixed order */
        Memory mem = m.memory();
        int primes = Math.min(64, 2 * writers + 2);
        for (String b : bases) {
            String n = b;
            for (int i = 0; i <= primes; i++) {
                mem.intern(n);
                n = n + "'";
            }
        }
        long want = m.scenario().layout().size() + 16L + 4L * writers;
        mem.ensureVma((int) Math.min(1 << 24, want));
        m.stateHash();
    }

    // ---------------------------------------------------------------- the NAME correction

    /** The correction for the current state, computed from every VMA slot. */
    long names() {
        Memory mem = m.memory();
        long c = 0;
        for (int v = 0; v < mem.vmaCapacity(); v++) {
            c ^= nameTerm(v, mem.get(Field.NAME, v), true);
        }
        return c;
    }

    /** The correction after {@code rec}, from the correction before it: only its NAME stores matter. */
    long names(long before, StepRecord rec) {
        DeltaLog log = m.log();
        long c = before;
        for (int i = rec.deltaFrom(); i < rec.deltaTo(); i++) {
            if (log.field(i) == Field.NAME) {
                int v = log.object(i);
                long old = log.oldValue(i);
                long now = log.newValue(i);
                if (old != now) {
                    c ^= nameTerm(v, old, false) ^ nameTerm(v, now, false);
                }
            }
        }
        return c;
    }

    /** Takes name index {@code idx} in slot {@code v} out of the Zobrist hash and puts its string in. */
    private long nameTerm(int v, long idx, boolean current) {
        return zobrist(Field.NAME, v, idx) ^ mix(0x5851F42D4C957F2DL + v * 0x9E3779B97F4A7C15L + nameHash(v, idx,
                current));
    }

    private long nameHash(int v, long idx, boolean current) {
        if (idx < 0 || idx > Integer.MAX_VALUE - 1) {
            return idx;
        }
        int i = (int) idx;
        if (i >= nameHash.length) {
            nameHash = Arrays.copyOf(nameHash, Math.max(i + 1, nameHash.length * 2));
        }
        if (nameHash[i] == 0) {
            Memory mem = m.memory();
            String s;
            if (current || mem.get(Field.NAME, v) == idx) {
                s = mem.name(v);
            } else {
                s = nameOf(mem, idx);
            }
            nameHash[i] = s == null ? idx : mix(s.hashCode() * 0xC2B2AE3D27D4EB4FL + s.length()) | 1;
        }
        return nameHash[i];
    }

    /** The string of name index {@code idx}: found through a slot holding it now (or null). */
    private static String nameOf(Memory mem, long idx) {
        for (int v = 0; v < mem.vmaCapacity(); v++) {
            if (mem.get(Field.NAME, v) == idx) {
                return mem.name(v);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the fingerprint

    /** The fingerprint of the current state, given its NAME correction. */
    long of(long names) {
        long h = m.memory().hash() ^ names;
        int n = states.length;
        for (int t = 0; t < n; t++) {
            ThreadState s = m.thread(t);
            long th;
            if (states[t] == s) {
                th = hashes[t];
            } else {
                th = thread(s);
                states[t] = s;
                hashes[t] = th;
            }
            h = mix(h + 0x9E3779B97F4A7C15L * (t + 1) + th);
        }
        return h;
    }

    /** The fingerprint of the current state, from scratch. */
    long of() {
        return of(names());
    }

    static long thread(ThreadState s) {
        long x = mix(s.op() * 0xC2B2AE3D27D4EB4FL + s.regs().vma());
        x = mix(x ^ s.regs().last().hashCode());
        for (Cont c = s.cont(); c != null; c = c.tail()) {
            Object a = c.head();
            x = mix(x * 31 + a.hashCode() + ((long) a.getClass().getName().hashCode() << 32));
        }
        return x;
    }

    /** The engine's hash of one word ({@link Memory#zobrist}). */
    static long zobrist(Field f, int obj, long value) {
        return Memory.zobrist(f, obj, value);
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
