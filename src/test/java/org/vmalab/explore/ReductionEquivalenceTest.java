package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/**
 * The reduction changes how much is explored, never what is found: the same final states (per outcome, the same
 * number of distinct final states), the same kinds of violation with the same shortest length, the same distinct
 * states (sleep sets prune transitions, not states), with one worker or two, with or without state caching.
 */
class ReductionEquivalenceTest {
    static Stream<Arguments> scenarios() {
        List<Arguments> a = new ArrayList<>();
        for (ProtectionToggle t : AbTable.SETTINGS) {
            a.add(Arguments.of("lesson 9, " + AbTable.label(t), Fixtures.lesson9(AbTable.protection(
                    Fixtures.lesson9(Fixtures.with()), t))));
        }
        a.add(Arguments.of("lesson 8, NO_LOCK", Fixtures.lesson8(Fixtures.with(ProtectionToggle.NO_LOCK))));
        a.add(Arguments.of("lesson 8, patch", Fixtures.lesson8(Fixtures.with())));
        a.add(Arguments.of("lesson 11, SPF_USES_VMACACHE", Fixtures.lesson11(Fixtures.with(
                ProtectionToggle.SPF_USES_VMACACHE))));
        a.add(Arguments.of("lesson 11, patch", Fixtures.lesson11(Fixtures.with())));
        a.add(Arguments.of("readers and munmap, patch", Fixtures.readersAndMunmap(Fixtures.with())));
        a.add(Arguments.of("readers and munmap, NO_LOCK",
                Fixtures.readersAndMunmap(Fixtures.with(ProtectionToggle.NO_LOCK))));
        a.add(Arguments.of("readers and munmap, reader-preferring rwlock",
                Fixtures.readersAndMunmap(Fixtures.with().withPolicy(RwlockPolicy.READER_PREF))));
        a.add(Arguments.of("convoy, patch", Fixtures.convoy(Fixtures.with())));
        a.add(Arguments.of("brk and spf, patch", Fixtures.brkAndSpf(Fixtures.with())));
        a.add(Arguments.of("brk and spf, NO_REFCOUNT",
                Fixtures.brkAndSpf(Fixtures.with(ProtectionToggle.NO_REFCOUNT))));
        a.add(Arguments.of("two get/put without the lock", Fixtures.twoGetPutNoLock()));
        return a.stream();
    }

    /**
     * And the store buffers' flush choices (RELAXED_STORES): with state caching only, since without it every order
     * of the flushes is a schedule of its own.
     */
    static Stream<Arguments> cachedScenarios() {
        List<Arguments> a = new ArrayList<>(scenarios().toList());
        a.add(Arguments.of("store buffers, patch", Fixtures.storeBuffers()));
        a.add(Arguments.of("store buffers, NO_RELEASE", Fixtures.storeBuffers(ProtectionToggle.NO_RELEASE)));
        return a.stream();
    }

    /** Outcome text to number of distinct final states. */
    static Map<String, Long> outcomes(ExploreResult r) {
        Map<String, Long> m = new TreeMap<>();
        for (FinalOutcome o : r.outcomes()) {
            m.put(o.text(), o.finalStates());
        }
        return m;
    }

    /** Kind to shortest length. */
    static Map<String, Integer> kinds(ExploreResult r) {
        Map<String, Integer> m = new TreeMap<>();
        for (Finding f : r.findings()) {
            m.put(f.kind(), f.steps());
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cachedScenarios")
    void reductionFindsTheSameAsTheFullSearch(String name, Scenario sc) {
        ExploreResult full = Explorer.run(sc, Fixtures.single().withReduction(false));
        ExploreResult reduced = Explorer.run(sc, Fixtures.single());
        ExploreResult parallel = Explorer.run(sc, Fixtures.single().withThreads(2));
        assertTrue(full.complete() && reduced.complete() && parallel.complete(), full.incompleteReasons().toString());
        assertTrue(full.errors().isEmpty(), () -> full.errors().toString());
        assertEquals(outcomes(full), outcomes(reduced), "final outcomes");
        assertEquals(kinds(full), kinds(reduced), "kinds and shortest lengths");
        assertEquals(full.stats().distinctStates(), reduced.stats().distinctStates(), "distinct states");
        assertEquals(outcomes(full), outcomes(parallel), "final outcomes, two workers");
        assertEquals(kinds(full), kinds(parallel), "kinds, two workers");
        assertEquals(full.stats().distinctStates(), parallel.stats().distinctStates(), "distinct states, two workers");
        assertTrue(reduced.stats().states() <= full.stats().states(), "the reduction explores fewer transitions");
        for (ExploreResult r : List.of(full, reduced, parallel)) {
            assertTrue(r.shortestExact());
            for (Finding f : r.findings()) {
                assertReplays(sc, f);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void withoutStateCachingTheReductionFindsTheSame(String name, Scenario sc) {
        ExploreResult cached = Explorer.run(sc, Fixtures.single().withReduction(false));
        ExploreResult stateless = Explorer.run(sc, Fixtures.single().withStateCaching(false).withThreads(2));
        assertTrue(stateless.complete(), stateless.incompleteReasons().toString());
        assertEquals(outcomes(cached).keySet(), outcomes(stateless).keySet(), "final outcomes");
        assertEquals(kinds(cached), kinds(stateless), "kinds and shortest lengths");
    }

    static void assertReplays(Scenario sc, Finding f) {
        Trace t = Engine.run(sc, f.schedule());
        assertEquals(f.steps(), t.size(), f.kind());
        if (f.category() == Finding.Category.DEADLOCK) {
            assertTrue(t.outcome() != Outcome.COMPLETE, f.kind());
            return;
        }
        assertTrue(f.steps() > 0);
        assertTrue(t.step(t.size()).violations().stream().anyMatch(v -> v.kind().equals(f.kind())),
                () -> f.kind() + " not on the last step of " + f.threads() + ": " + t.step(t.size()).violations());
    }
}
