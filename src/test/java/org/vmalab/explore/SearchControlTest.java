package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/** Bounds, cancel, progress, deadlocks: a run cut short is never a pass. */
class SearchControlTest {
    @Test
    void aStepBoundThatCutsMakesTheRunIncomplete() {
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with()), Fixtures.single().withStepBound(40));
        assertFalse(r.complete());
        assertEquals(ExploreResult.Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReasons().get(0).startsWith("step bound 40"), r.incompleteReasons().toString());
    }

    @Test
    void aStepBoundThatCutsStillReportsWhatItFound() {
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with(ProtectionToggle.NO_LOCK)),
                Fixtures.single().withStepBound(56));
        assertFalse(r.complete());
        assertEquals(ExploreResult.Verdict.VIOLATION, r.verdict());
        assertTrue(r.breaks("I-UAF"));
    }

    /**
     * With two workers (the reduction's pilot walked apart on a compact table of its own, the search from the start) a
     * step bound that cuts gives what one worker gives: the search starts again with the wide table, and the verdict,
     * the reasons, the findings and the distinct states are the same.
     */
    @Test
    void aStepBoundThatCutsWithTwoWorkersGivesWhatOneWorkerGives() {
        for (int bound : new int[] {40, 56}) {
            Scenario sc = Fixtures.lesson9(Fixtures.with(ProtectionToggle.NO_LOCK));
            ExploreResult one = Explorer.run(sc, Fixtures.single().withStepBound(bound));
            ExploreResult two = Explorer.run(sc, Fixtures.single().withThreads(2).withStepBound(bound));
            assertFalse(two.complete());
            assertEquals(one.verdict(), two.verdict(), "bound " + bound);
            assertEquals(one.incompleteReasons(), two.incompleteReasons(), "bound " + bound);
            assertEquals(ReductionEquivalenceTest.kinds(one), ReductionEquivalenceTest.kinds(two), "bound " + bound);
            assertEquals(one.stats().distinctStates(), two.stats().distinctStates(), "bound " + bound);
        }
    }

    @Test
    void aPreemptionBoundSwitchesTheReductionOffAndIsIncompleteWhenItCuts() {
        ExploreOptions o = Fixtures.single().withPreemptionBound(0);
        assertFalse(o.reductionInEffect());
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with()), o);
        assertFalse(r.complete());
        assertEquals(ExploreResult.Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReasons().get(0).startsWith("preemption bound 0"));
        assertEquals(0, r.stats().sleepPruned());
    }

    @Test
    void twoPreemptionsFindTheUseAfterFree() {
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with(ProtectionToggle.NO_REFCOUNT)),
                Fixtures.single().withPreemptionBound(2));
        assertTrue(r.breaks("I-UAF"), r.findings().toString());
        for (Finding f : r.findings()) {
            ReductionEquivalenceTest.assertReplays(r.scenario(), f);
        }
    }

    @Test
    void aLargeEnoughPreemptionBoundIsComplete() {
        ExploreResult bounded = Explorer.run(Fixtures.twoGetPutNoLock(), Fixtures.single().withPreemptionBound(250));
        ExploreResult full = Explorer.run(Fixtures.twoGetPutNoLock(), Fixtures.single().withReduction(false));
        assertTrue(bounded.complete());
        assertEquals(ReductionEquivalenceTest.outcomes(full), ReductionEquivalenceTest.outcomes(bounded));
    }

    @Test
    void cancelStopsTheSearchAndTheResultSaysSo() throws Exception {
        Scenario big = Fixtures.threeGetVmaNoLock();
        List<Progress> seen = new CopyOnWriteArrayList<>();
        Exploration x = Explorer.start(big, Fixtures.plain().withThreads(2).withProgressMillis(10), seen::add);
        Thread.sleep(50);
        x.cancel();
        ExploreResult r = x.future().get(30, TimeUnit.SECONDS);
        assertTrue(x.isDone());
        assertFalse(r.complete());
        assertTrue(r.incompleteReasons().contains("cancelled"));
        assertEquals(ExploreResult.Verdict.INCOMPLETE, r.verdict());
        assertTrue(seen.get(seen.size() - 1).finished());
    }

    @Test
    void progressIsReportedOffTheCallersThread() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ExploreResult r = Explorer.run(Fixtures.threeGetVmaNoLock(), Fixtures.plain().withProgressMillis(20), p -> {
            seen.add(p);
            threads.add(Thread.currentThread().getName());
        });
        assertTrue(r.complete());
        Progress last = seen.get(seen.size() - 1);
        assertTrue(last.finished());
        assertEquals(r.stats().states(), last.states());
        assertTrue(threads.stream().allMatch(n -> n.startsWith("vmalab-explore")), threads.toString());
    }

    @Test
    void aDeadlockIsAFindingWithItsSchedule() {
        Scenario sc = Fixtures.layoutW("self deadlock", Fixtures.with(), Fixtures.thread("T1", new Op.DownRead(),
                new Op.DownWrite()), Fixtures.thread("T2", new Op.GetVma(Fixtures.TEXT_ADDR)));
        ExploreResult r = Explorer.run(sc, Fixtures.single());
        Finding d = r.finding("DEADLOCK");
        assertNotNull(d, r.findings().toString());
        assertEquals(Finding.Category.DEADLOCK, d.category());
        Trace t = Engine.run(sc, d.schedule());
        assertEquals(Outcome.DEADLOCK, t.outcome());
        assertTrue(d.summary().contains("T1"), d.summary());
        assertTrue(r.outcomes().stream().anyMatch(FinalOutcome::deadlock));
        assertTrue(r.breaks("I-LOCK"));
    }

    /** Issue 14 (2): running out of memory anywhere in the search ends it as incomplete, never as a thrown error. */
    @Test
    void runningOutOfMemoryEndsTheSearchAsIncomplete() {
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        ExploreResult r = Explorer.run(Fixtures.threeGetVmaNoLock(), Fixtures.plain().withThreads(2)
                .withProgressMillis(10), p -> {
                    if (thrown.compareAndSet(false, true)) {
                        throw new OutOfMemoryError("Java heap space (test)");
                    }
                });
        assertTrue(thrown.get());
        assertFalse(r.complete());
        assertEquals(ExploreResult.Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReasons().stream().anyMatch(s -> s.startsWith("out of memory")),
                r.incompleteReasons().toString());
        assertFalse(r.incompleteReasons().contains("cancelled"), r.incompleteReasons().toString());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.defaults().withStepBound(0));
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.defaults().withPreemptionBound(-2));
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.defaults().withThreads(-1));
    }
}
