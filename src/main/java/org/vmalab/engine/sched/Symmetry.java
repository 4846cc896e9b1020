package org.vmalab.engine.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;

/**
 * Interchangeable threads and the canonical form of a state under their permutations: the explorer's symmetry
 * reduction (as TLC's symmetry sets and SPIN's symmetric processes do).
 *
 * <p>Two threads are interchangeable when they run the same program in the same role: they start in the same state
 * (every thread starts at the beginning of its program with its words at their defaults), and the machine treats a
 * thread id only as a name: nothing orders threads by their ids, so renaming the threads of a state renames the
 * states it leads to. A thread's id appears in its own words ({@link Field.Kind#THREAD} and its store buffer), in
 * the lock owners ({@link Field#isThreadPointer()}: mmap_sem's writer, mm_rb_lock's writer and waiting writer, the
 * PTE lock, the anon_vma lock, of both mm objects) and in the packed wait queues ({@link WaitQueue}:
 * mmap_sem's and mm_rb_lock's); a thread's continuation holds no other thread's id.
 *
 * <p>The canonical form sorts the threads of each class by a key made of everything about one thread: its
 * continuation, its words (as the memory hashes them apart from its id: {@link Memory#threadContent}, so that no word
 * is read again), and where the shared words name it (which lock it owns, its place in each queue). Threads
 * with equal keys are the same in every respect, so the order among them does not matter; the sorted order is a
 * permutation of the state to one representative of its orbit, and the canonical fingerprint is that
 * representative's: the memory hash without the class members' words, the owners and queues renamed, and each
 * member's key at its canonical place.
 */
final class Symmetry {
    /** The words whose value is a thread id, per mm object. */
    private static final Field[] OWNERS = Arrays.stream(Field.values()).filter(Field::isThreadPointer)
            .toArray(Field[]::new);
    /** The packed wait queues, per mm object. */
    private static final Field[] QUEUES = {Field.SEM_QUEUE, Field.RB_QUEUE};
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The classes of interchangeable threads: two or more threads each, ascending; none when no two are alike. */
    final int[][] classes;
    private final int n;
    private final boolean[] grouped;
    /** Per thread of a class, its key: {@link #KEY_BITS} bits of a hash of everything about it. */
    private final long[] key;
    private static final int INDEX_BITS = 4;
    private static final int KEY_SHIFT = INDEX_BITS + 1;
    static final int KEY_BITS = 64 - KEY_SHIFT;
    /** Per class, its members' sort keys: the key, then the member's place in the class (below 2^63). */
    private final long[][] sortKeys;
    private final int[] perm;
    private final int[] inv;
    private final long[] owners = new long[OWNERS.length * Memory.MM_OBJECTS];
    private final long[] queues = new long[QUEUES.length * Memory.MM_OBJECTS];
    /** Per class, a buffer for its members in key order. */
    private final int[][] sorted;
    /**
     * The owners ({@code named[0, nNamed)}, indices into {@link #owners}) whose value is a member of a class, and the
     * queues that are not empty ({@code queued[0, nQueued)}, into {@link #queues}): all that a renaming can change.
     */
    private final int[] named = new int[OWNERS.length * Memory.MM_OBJECTS];
    private int nNamed;
    private final int[] queued = new int[QUEUES.length * Memory.MM_OBJECTS];
    private int nQueued;
    /** Per thread, where the shared words name it (owners, queue places), hashed. */
    private final long[] roles;
    /** {@link #owners}, {@link #queues} and {@link #roles} are those of the memory at this many naming stores. */
    private long namingSeen;
    private boolean namingValid;

    Symmetry(Scenario sc) {
        this.classes = classesOf(sc);
        this.n = sc.threads().size();
        this.grouped = new boolean[n];
        for (int[] c : classes) {
            for (int t : c) {
                grouped[t] = true;
            }
        }
        this.key = new long[n];
        this.perm = new int[n];
        this.inv = new int[n];
        this.sorted = new int[classes.length][];
        this.sortKeys = new long[classes.length][];
        for (int i = 0; i < classes.length; i++) {
            sorted[i] = classes[i].clone();
            sortKeys[i] = new long[classes[i].length];
            if (classes[i].length > 1 << INDEX_BITS) {
                throw new IllegalArgumentException("a class of more than " + (1 << INDEX_BITS) + " threads");
            }
        }
        this.roles = new long[n];
    }

    /** Threads with the same program and the same role, in classes of two or more (ascending). */
    static int[][] classesOf(Scenario sc) {
        List<ThreadSpec> ts = sc.threads();
        boolean[] taken = new boolean[ts.size()];
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < ts.size(); t++) {
            if (taken[t]) {
                continue;
            }
            List<Integer> c = new ArrayList<>(List.of(t));
            for (int u = t + 1; u < ts.size(); u++) {
                if (!taken[u] && ts.get(u).program().equals(ts.get(t).program())
                        && ts.get(u).role() == ts.get(t).role()) {
                    c.add(u);
                    taken[u] = true;
                }
            }
            if (c.size() > 1) {
                out.add(c.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out.toArray(new int[0][]);
    }

    boolean any() {
        return classes.length > 0;
    }

    /**
     * The canonical fingerprint of the state ({@code m}'s words, {@code ts[t]} the rest of thread {@code t}'s state,
     * read by its {@link ThreadState#hash()}), and in {@code order} (if not null; as long as the scheduling choices)
     * the choice each choice is in the representative: thread {@code t} becomes thread {@code order[t]}, and its flush
     * choices (RELAXED_STORES, {@code perThread} per thread after the threads) follow it.
     */
    long canonical(Memory m, ThreadState[] ts, int[] order, int perThread) {
        long naming = m.threadNamingStores();
        if (!namingValid || naming != namingSeen) {
            /* the owners and queues, and where they name each thread, only when a store may have changed them */
            for (int mm = 0; mm < Memory.MM_OBJECTS; mm++) {
                for (int j = 0; j < OWNERS.length; j++) {
                    owners[mm * OWNERS.length + j] = m.get(OWNERS[j], mm);
                }
                for (int j = 0; j < QUEUES.length; j++) {
                    queues[mm * QUEUES.length + j] = m.get(QUEUES[j], mm);
                }
            }
            roles();
            namingSeen = naming;
            namingValid = true;
        }
        long h = m.hash();
        boolean moved = false;
        for (int t = 0; t < n; t++) {
            perm[t] = t;
            inv[t] = t;
        }
        for (int k = 0; k < classes.length; k++) {
            int[] c = classes[k];
            int[] sorted = this.sorted[k];
            long[] sk = sortKeys[k];
            for (int i = 0; i < c.length; i++) {
                int t = c[i];
                long part = m.threadPart(t);
                h ^= part;
                long kt = Machine.mix(step(ts[t].hash(), Memory.threadContent(part, t)) ^ roles[t]) >>> KEY_SHIFT;
                key[t] = kt;
                sk[i] = kt << INDEX_BITS | i;
            }
            for (int i = 0; i < c.length; i++) {
                /* sorted by key, equal keys in their order in the class: the sort keys (key, then place in the class)
                   are distinct and below 2^63, so a member's place is the number of sort keys below its own, counted
                   with no branch (the keys are random: a comparison's branch is mispredicted half the time) and no
                   early exit (a sort's inner loop that stopped at a data-dependent place gave C2 a loop limit check
                   that failed and a recompile) */
                long ki = sk[i];
                int place = 0;
                for (int j = 0; j < c.length; j++) {
                    place += (int) ((sk[j] - ki) >>> 63);
                }
                sorted[place] = c[i];
            }
            for (int r = 0; r < c.length; r++) {
                perm[sorted[r]] = c[r];
                inv[c[r]] = sorted[r];
                moved |= sorted[r] != c[r];
            }
        }
        if (moved) {
            /* the renamed owners and queues: only those that name a member of a class (owners) or anyone (queues) */
            for (int k = 0; k < nNamed; k++) {
                int j = named[k];
                int v = (int) owners[j];
                if (perm[v] != v) {
                    Field f = OWNERS[j % OWNERS.length];
                    int mm = j / OWNERS.length;
                    h ^= Memory.zobrist(f, mm, v) ^ Memory.zobrist(f, mm, perm[v]);
                }
            }
            for (int k = 0; k < nQueued; k++) {
                int j = queued[k];
                long q = queues[j];
                long r = WaitQueue.renamed(q, perm);
                if (r != q) {
                    Field f = QUEUES[j % QUEUES.length];
                    int mm = j / QUEUES.length;
                    h ^= Memory.zobrist(f, mm, q) ^ Memory.zobrist(f, mm, r);
                }
            }
        }
        /* each place's part mixed apart from the others' (no mix waits for the one before) and summed */
        long places = 0;
        for (int p = 0; p < n; p++) {
            int t = inv[p];
            places += Machine.mix(GOLDEN * (p + 1) + (grouped[t] ? key[t] : ts[t].hash()));
        }
        if (order != null) {
            for (int c = 0; c < order.length; c++) {
                order[c] = rename(c, perm, perThread);
            }
        }
        return Machine.mix(h ^ places);
    }

    /**
     * How many states are renamings of the state (itself included): the renamings of each class, but those that only
     * exchange threads with equal keys (alike in every respect) give the state itself.
     */
    long orbitSize(Memory m, ThreadState[] ts, int perThread) {
        canonical(m, ts, null, perThread);
        long size = 1;
        for (int[] c : classes) {
            long[] keys = new long[c.length];
            for (int i = 0; i < c.length; i++) {
                keys[i] = key[c[i]];
            }
            Arrays.sort(keys);
            int run = 0;
            for (int i = 0; i < keys.length; i++) {
                run = i > 0 && keys[i] == keys[i - 1] ? run + 1 : 1;
                size = size * (i + 1) / run; /* k! / (m1! m2! ...), one factor at a time: exact at every step */
            }
        }
        return size;
    }

    /** Choice {@code c} when thread {@code t} is renamed {@code threads[t]}. */
    int rename(int c, int[] threads, int perThread) {
        if (c < n) {
            return threads[c];
        }
        int t = (c - n) / perThread;
        return n + threads[t] * perThread + (c - n) % perThread;
    }

    /** Where the shared words name each thread ({@link #owners} and {@link #queues} read): which lock, which place. */
    private void roles() {
        Arrays.fill(roles, 0);
        nNamed = 0;
        nQueued = 0;
        for (int j = 0; j < owners.length; j++) {
            long v = owners[j];
            if (v >= 0 && v < n) {
                roles[(int) v] = step(roles[(int) v], 0x100 + j);
                if (grouped[(int) v]) {
                    named[nNamed++] = j;
                }
            }
        }
        for (int j = 0; j < queues.length; j++) {
            long q = queues[j];
            if (q != 0) {
                queued[nQueued++] = j;
            }
            for (int i = 0; q != 0; i++, q = WaitQueue.pop(q)) {
                int t = WaitQueue.tid(q, 0);
                roles[t] = step(roles[t], 0x1000 + 0x100 * j + 2 * i + (WaitQueue.isWrite(q, 0) ? 1 : 0));
            }
        }
    }

    private static long step(long x, long v) {
        x = (x ^ v) * GOLDEN;
        return x ^ (x >>> 29);
    }
}
