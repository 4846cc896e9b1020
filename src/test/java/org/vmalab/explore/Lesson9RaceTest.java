package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Trace;

/**
 * Lesson 9 (SEMANTICS 6(a3), 6(b)): layout W, T1 a speculative fault on heap, T2 munmap(heap). Without the lock
 * or without the count the search finds the use-after-free, without the RB_EMPTY_NODE check the PTE installed
 * into the erased VMA; with the patch nothing, and the search is complete.
 */
class Lesson9RaceTest {
    static ExploreResult explore(ProtectionToggle... t) {
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with(t)), ExploreOptions.defaults().withThreads(2));
        assertTrue(r.complete(), r.incompleteReasons().toString());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r;
    }

    static Finding find(ExploreResult r, Invariant inv) {
        for (Finding f : r.findings()) {
            if (f.invariant() == inv) {
                return f;
            }
        }
        return null;
    }

    /** The finding's schedule, replayed by the engine, shows the same kind of violation on its last step. */
    static Violation replay(Scenario sc, Finding f) {
        Trace t = Engine.run(sc, f.schedule());
        assertEquals(f.steps(), t.size());
        for (Violation v : t.step(t.size()).violations()) {
            if (v.kind().equals(f.kind())) {
                return v;
            }
        }
        throw new AssertionError(f.kind() + " is not on the last step of " + f.threads());
    }

    @Test
    void withoutTheLockTheReaderWalksOntoTheFreedHeap() {
        ExploreResult r = explore(ProtectionToggle.NO_LOCK);
        Finding uaf = find(r, Invariant.I_UAF);
        assertNotNull(uaf, r.findings().toString());
        Violation v = replay(r.scenario(), uaf);
        assertEquals(0, v.thread());
        assertTrue(v.message().contains("heap"), v.message());
        assertTrue(r.breaks("I-FREE"), "resurrection or double free as well");
        assertEquals(ExploreResult.Verdict.VIOLATION, r.verdict());
    }

    @Test
    void withoutTheCountTheReaderUsesTheHeapAfterReadUnlock() {
        ExploreResult r = explore(ProtectionToggle.NO_REFCOUNT);
        Finding uaf = find(r, Invariant.I_UAF);
        assertNotNull(uaf, r.findings().toString());
        Violation v = replay(r.scenario(), uaf);
        assertEquals(0, v.thread());
        /* the lock is there: the freed VMA is reached after the walk, not during it */
        Trace t = Engine.run(r.scenario(), uaf.schedule());
        assertTrue(t.caption(t.size()).length() > 0);
    }

    @Test
    void withoutTheEmptyCheckTheFaultMapsAPageIntoTheUnmappedHeap() {
        ExploreResult r = explore(ProtectionToggle.NO_EMPTY_CHECK);
        Finding pte = find(r, Invariant.SPF_PTE);
        assertNotNull(pte, r.findings().toString());
        replay(r.scenario(), pte);
        assertTrue(find(r, Invariant.I_UAF) == null, "the count still protects the memory");
    }

    @Test
    void withThePatchNoScheduleBreaksAnInvariant() {
        ExploreResult r = explore();
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertEquals(ExploreResult.Verdict.PASS, r.verdict());
        assertTrue(r.outcomes().stream().anyMatch(o -> o.text().startsWith("T1: SIGSEGV")), "fault after unmap");
        assertTrue(r.outcomes().stream().anyMatch(o -> o.text().startsWith("T1: handled speculatively")),
                "fault before unmap");
        for (FinalOutcome o : r.outcomes()) {
            assertTrue(o.text().contains("freed: heap"), o.text());
            Trace t = Engine.run(r.scenario(), o.schedule());
            assertEquals(org.vmalab.engine.trace.Outcome.COMPLETE, t.outcome(), o.text());
        }
    }

    @Test
    void theCompleteSearchIsSmallAndFast() {
        ExploreResult r = explore();
        assertTrue(r.stats().distinctStates() < 100_000, r.stats().toString());
        assertTrue(r.stats().elapsedSeconds() < 30, r.stats().toString());
    }
}
