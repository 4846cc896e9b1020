package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.mm.Op;

/**
 * The symmetry reduction (interchangeable threads are one state of the search) explores fewer distinct states where
 * threads are alike, and changes nothing that is reported: the same outcomes with the same number of final states,
 * the same kinds of violation with the same shortest length, and every schedule reported replays to what it reports.
 */
class SymmetryExploreTest {
    static Stream<Arguments> symmetric() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("two get/put without the lock", Fixtures.twoGetPutNoLock()));
        a.add(Arguments.of("readers and munmap, patch", Fixtures.readersAndMunmap(Fixtures.with())));
        a.add(Arguments.of("readers and munmap, NO_LOCK", Fixtures.readersAndMunmap(Fixtures.with(
                ProtectionToggle.NO_LOCK))));
        a.add(Arguments.of("readers and munmap, NO_REFCOUNT", Fixtures.readersAndMunmap(Fixtures.with(
                ProtectionToggle.NO_REFCOUNT))));
        a.add(Arguments.of("readers and munmap, reader-preferring rwlock",
                Fixtures.readersAndMunmap(Fixtures.with().withPolicy(RwlockPolicy.READER_PREF))));
        a.add(Arguments.of("three readers without the lock", threeReaders(ProtectionToggle.NO_LOCK)));
        a.add(Arguments.of("three readers", threeReaders()));
        a.add(Arguments.of("two faulters and a writer (a convoy)", twoFaulters()));
        a.add(Arguments.of("two writers under RELAXED_STORES", twoRelaxedWriters()));
        return a.stream();
    }

    /** Three get_vma/put_vma readers of heap (without the lock: their count updates conflict). */
    static Scenario threeReaders(ProtectionToggle... t) {
        long heap = Scenarios.HEAP_ADDR;
        ThreadSpec.Role r = ThreadSpec.Role.SPF_READER;
        return Fixtures.layoutW("three readers", Fixtures.with(t),
                new ThreadSpec("T1", r, List.of(new Op.GetVma(heap), new Op.PutVma())),
                new ThreadSpec("T2", r, List.of(new Op.GetVma(heap), new Op.PutVma())),
                new ThreadSpec("T3", r, List.of(new Op.GetVma(heap), new Op.PutVma())));
    }

    /**
     * Two classic faulters on heap queue on mmap_sem while a writer unmaps heap: each faults before it (handled) or
     * after (SIGSEGV), so the outcomes name which one did what, and the search with symmetry sees one of each pair.
     */
    static Scenario twoFaulters() {
        var heap = Fixtures.vma("heap");
        return Fixtures.layoutW("two faulters", Fixtures.with(), Fixtures.thread("T1", new Op.Munmap(heap.start(),
                heap.end())), Fixtures.thread("T2", new Op.Fault(Scenarios.HEAP_ADDR, false)),
                Fixtures.thread("T3", new Op.Fault(Scenarios.HEAP_ADDR, false)));
    }

    /** RELAXED_STORES: two identical writers unmapping d and a reader (flush choices follow their thread). */
    static Scenario twoRelaxedWriters() {
        Scenario sb = Fixtures.storeBuffers();
        List<ThreadSpec> ts = new ArrayList<>(sb.threads());
        ts.add(new ThreadSpec("T3", ts.get(0).role(), ts.get(0).program()));
        return Scenario.of("two relaxed writers", sb.layout(), ts, sb.protection());
    }

    private static Map<String, Long> outcomes(ExploreResult r) {
        return ReductionEquivalenceTest.outcomes(r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symmetric")
    void symmetryFindsTheSameInFewerStates(String name, Scenario sc) {
        for (ExploreOptions o : List.of(Fixtures.single(), Fixtures.single().withReduction(false),
                Fixtures.single().withThreads(2))) {
            ExploreResult off = Explorer.run(sc, o.withSymmetry(false));
            ExploreResult on = Explorer.run(sc, o);
            assertTrue(off.complete() && on.complete(), on.incompleteReasons().toString());
            assertTrue(on.stats().symmetry());
            assertTrue(on.stats().symmetricThreads() >= 2);
            assertFalse(off.stats().symmetry());
            assertTrue(on.stats().distinctStates() < off.stats().distinctStates(), name + ": "
                    + on.stats().distinctStates() + " distinct states with symmetry, " + off.stats().distinctStates()
                    + " without");
            assertEquals(outcomes(off), outcomes(on), name + ": outcomes and their final states");
            assertEquals(ReductionEquivalenceTest.kinds(off), ReductionEquivalenceTest.kinds(on),
                    name + ": kinds and shortest lengths");
            assertTrue(off.shortestExact() && on.shortestExact());
            for (Finding f : on.findings()) {
                ReductionEquivalenceTest.assertReplays(sc, f);
            }
            for (FinalOutcome f : on.outcomes()) {
                assertReachesOutcome(sc, f);
            }
        }
    }

    /** An outcome's schedule replays to a final state that ends as the outcome says. */
    static void assertReachesOutcome(Scenario sc, FinalOutcome f) {
        Explorable m = Engine.explorable(sc, CheckLevel.FULL);
        for (int c : f.example()) {
            assertTrue(m.enabled(c), f.text() + ": " + f.example());
            m.step(c);
        }
        assertEquals(f.text(), SearchWorker.Ending.of(m).text());
    }

    @Test
    void threadsThatDifferAreNotGrouped() {
        Scenario sc = Fixtures.lesson9(Fixtures.with());
        ExploreResult on = Explorer.run(sc, Fixtures.single());
        ExploreResult off = Explorer.run(sc, Fixtures.single().withSymmetry(false));
        assertFalse(on.stats().symmetry());
        assertEquals(0, on.stats().symmetricThreads());
        assertEquals(off.stats().distinctStates(), on.stats().distinctStates());
        assertEquals(outcomes(off), outcomes(on));
        assertEquals(ReductionEquivalenceTest.kinds(off), ReductionEquivalenceTest.kinds(on));
    }

    /**
     * Random scenarios of two to four threads drawn from a few programs (so that some run the same one) under
     * random protections: the same findings and outcomes with and without symmetry.
     */
    @Test
    void randomScenariosFindTheSameWithAndWithoutSymmetry() {
        long heap = Scenarios.HEAP_ADDR;
        var lrw = Fixtures.vma("libc_rw");
        List<List<Op>> programs = List.of(
                List.of(new Op.GetVma(heap), new Op.PutVma()),
                List.of(new Op.Spf(heap, false)),
                List.of(new Op.Fault(heap, true)),
                List.of(new Op.FindVma(heap)),
                List.of(new Op.Munmap(lrw.start(), lrw.end())));
        ProtectionToggle[] toggles = {ProtectionToggle.NO_LOCK, ProtectionToggle.NO_REFCOUNT,
            ProtectionToggle.SPF_USES_VMACACHE, ProtectionToggle.CLEAR_BEFORE_ERASE};
        SplittableRandom rnd = new SplittableRandom(15);
        int grouped = 0;
        for (int i = 0; i < 14; i++) {
            int n = 2 + rnd.nextInt(3);
            List<ThreadSpec> ts = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                List<Op> p = programs.get(rnd.nextInt(t == 0 || rnd.nextBoolean() ? programs.size() : 2));
                ts.add(new ThreadSpec("T" + (t + 1), ThreadSpec.infer(p), p));
            }
            List<ProtectionToggle> on = new ArrayList<>();
            for (ProtectionToggle t : toggles) {
                if (rnd.nextInt(3) == 0) {
                    on.add(t);
                }
            }
            Scenario sc = Fixtures.layoutW("random " + i, Fixtures.with(on.toArray(new ProtectionToggle[0])),
                    ts.toArray(new ThreadSpec[0]));
            ExploreOptions o = Fixtures.single().withThreads(1 + rnd.nextInt(2));
            ExploreResult with = Explorer.run(sc, o);
            ExploreResult without = Explorer.run(sc, o.withSymmetry(false));
            String what = sc.title() + " " + ts.stream().map(t -> t.program().toString()).toList() + " " + on;
            assertTrue(with.complete() && without.complete(), what);
            assertEquals(outcomes(without), outcomes(with), what);
            assertEquals(ReductionEquivalenceTest.kinds(without), ReductionEquivalenceTest.kinds(with), what);
            assertTrue(with.stats().distinctStates() <= without.stats().distinctStates(), what);
            for (Finding f : with.findings()) {
                ReductionEquivalenceTest.assertReplays(sc, f);
            }
            grouped += with.stats().symmetry() ? 1 : 0;
        }
        assertTrue(grouped >= 4, "some random scenarios have interchangeable threads: " + grouped);
    }
}
