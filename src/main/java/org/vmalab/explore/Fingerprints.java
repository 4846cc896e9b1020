package org.vmalab.explore;

import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Cont;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.ThreadState;

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
 * the same fingerprint, and all workers share one visited table. The engine's words are canonical for that: a
 * VMA's {@code NAME} word depends on the name alone, and a word at its default value adds nothing to the memory
 * hash, so growing the VMA columns changes nothing.
 */
final class Fingerprints {
    private final Machine m;
    private final ThreadState[] states;
    private final long[] hashes;

    Fingerprints(Machine m) {
        this.m = m;
        int n = m.threadCount();
        this.states = new ThreadState[n];
        this.hashes = new long[n];
        m.memory().enableHashing();
    }

    // ---------------------------------------------------------------- the fingerprint

    /** The fingerprint of the current state. */
    long of() {
        long h = m.memory().hash();
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
