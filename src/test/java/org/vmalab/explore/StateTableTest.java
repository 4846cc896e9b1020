package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.ProtectionToggle;

/** The visited table, compact and wide, against a plain map; a step bound moves a search to the wide table. */
class StateTableTest {
    /** Each visit adds one to the key's record (the compact table keeps its low 15 bits). */
    private static void visitAll(StateTable t, Map<Long, Long> ref, long[] keys, long mask) {
        for (long k : keys) {
            long expected = ref.getOrDefault(k, StateTable.ABSENT);
            long old = t.compute(k, o -> o == StateTable.ABSENT ? 1 : (o + 1) & mask);
            assertEquals(expected, old, "key " + k);
            ref.put(k, expected == StateTable.ABSENT ? 1 : (expected + 1) & mask);
        }
    }

    private static long[] keys(int n, int distinct) {
        SplittableRandom r = new SplittableRandom(15);
        long[] pool = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            /* fingerprints as the engine gives them, and a few that differ in one bit, and 0 */
            pool[i] = i == 0 ? 0 : i % 7 == 0 ? pool[i - 1] ^ (1L << (i % 64)) : r.nextLong();
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i < distinct ? pool[i] : pool[r.nextInt(distinct)];
        }
        return keys;
    }

    @Test
    void bothTablesAgreeWithAMapAndTheCompactOneTakesAtMostSixteenBytesAState() {
        long[] keys = keys(3_000_000, 1_200_000);
        for (int layout = 0; layout < 3; layout++) {
            boolean compact = layout != 1;
            /* the third: compact and updated by one thread only (no locks) */
            StateTable t = new StateTable(compact, layout != 2);
            Map<Long, Long> ref = new HashMap<>();
            visitAll(t, ref, keys, compact ? (1L << StateTable.COMPACT_RECORD_BITS) - 1 : -1L);
            assertEquals(ref.size(), t.size(), "distinct keys, compact " + compact);
            double perState = t.bytes() / (double) t.size();
            if (compact) {
                assertTrue(perState <= 16, perState + " bytes a state");
                assertEquals(58, t.distinguishingBits());
            } else {
                assertTrue(perState > 16, perState + " bytes a state");
                assertEquals(64, t.distinguishingBits());
            }
        }
    }

    /**
     * Four threads visit the same keys in different orders, each visit adding one to the key's record: every visit
     * counts once (no update lost while segments grow under them), and each key is in the table once.
     */
    @Test
    void concurrentUpdatesOfTheSharedTablesLoseNothing() throws Exception {
        int distinct = 400_000;
        int rounds = 3;
        long[] pool = keys(distinct, distinct);
        for (boolean compact : new boolean[] {true, false}) {
            StateTable t = new StateTable(compact, true);
            Thread[] threads = new Thread[4];
            Throwable[] failure = new Throwable[1];
            for (int w = 0; w < threads.length; w++) {
                long seed = w;
                threads[w] = new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int[] order = new int[distinct];
                    for (int i = 0; i < distinct; i++) {
                        order[i] = i;
                    }
                    for (int round = 0; round < rounds; round++) {
                        for (int i = distinct - 1; i > 0; i--) {
                            int j = r.nextInt(i + 1);
                            int x = order[i];
                            order[i] = order[j];
                            order[j] = x;
                        }
                        for (int i : order) {
                            t.compute(pool[i], o -> o == StateTable.ABSENT ? 1 : o + 1);
                        }
                    }
                });
                threads[w].setUncaughtExceptionHandler((th, e) -> failure[0] = e);
                threads[w].start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(null, failure[0]);
            java.util.Set<Long> unique = new java.util.HashSet<>();
            for (long k : pool) {
                unique.add(k);
            }
            assertEquals(unique.size(), t.size(), "distinct keys, compact " + compact);
            for (long k : unique) {
                long visits = (long) threads.length * rounds;
                long record = t.compute(k, o -> o);
                assertEquals(visits, record, "visits of key " + k + ", compact " + compact);
            }
        }
    }

    @Test
    void aStepBoundThatCutsACompactSearchRunsItAgainWithTheWideTable() {
        ExploreOptions o = Fixtures.single().withStepBound(56);
        var sc = Fixtures.lesson9(Fixtures.with(ProtectionToggle.NO_LOCK));
        Exploration x = new Exploration(sc, o, ProgressListener.NONE, true);
        x.start();
        ExploreResult compact = x.join();
        assertFalse(x.search().table.compact(), "the search went on with the wide table");
        assertFalse(x.isCancelled());
        Exploration w = new Exploration(sc, o, ProgressListener.NONE, false);
        w.start();
        ExploreResult wide = w.join();
        assertEquals(wide.stats().states(), compact.stats().states());
        assertEquals(wide.stats().distinctStates(), compact.stats().distinctStates());
        assertEquals(wide.verdict(), compact.verdict());
        assertEquals(wide.incompleteReasons(), compact.incompleteReasons());
        assertEquals(wide.findings().stream().map(Finding::kind).toList(),
                compact.findings().stream().map(Finding::kind).toList());
    }
}
