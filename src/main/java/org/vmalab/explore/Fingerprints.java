package org.vmalab.explore;

import org.vmalab.engine.Cont;
import org.vmalab.engine.Machine;
import org.vmalab.engine.ThreadState;

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
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** Turns on the engine's incremental memory hash (once per machine). */
    static void enable(Machine m) {
        m.stateHash();
    }

    static long of(Machine m) {
        return of(m, null);
    }

    /** Remembers the last thread state seen per thread and its hash (thread states are immutable values). */
    static final class Cache {
        final ThreadState[] states;
        final long[] hashes;

        Cache(int threads) {
            states = new ThreadState[threads];
            hashes = new long[threads];
        }
    }

    static long of(Machine m, Cache c) {
        long h = m.memory().hash();
        int n = m.threadCount();
        for (int t = 0; t < n; t++) {
            ThreadState s = m.thread(t);
            long th;
            if (c == null) {
                th = thread(s);
            } else if (c.states[t] == s) {
                th = c.hashes[t];
            } else {
                th = thread(s);
                c.states[t] = s;
                c.hashes[t] = th;
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

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
