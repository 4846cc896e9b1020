package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.trace.Trace;

/**
 * Issue 11 item 11: the explorer schedules the store buffers' flushes like threads. With the patch under
 * RELAXED_STORES every schedule is safe; without the release of write_unlock in __vma_rb_erase (NO_RELEASE) it
 * finds race (c2) (the marker visible while the node is still linked) and, because a reader that takes read_lock
 * after that unlock may still see the old tree, a use-after-free; the A/B table has a NO_RELEASE row.
 */
class StoreBufferExploreTest {
    @Test
    void thePatchIsSafeAndNoReleaseShowsRaceC2() {
        ExploreResult patch = Explorer.run(Fixtures.storeBuffers(), Fixtures.single());
        assertTrue(patch.complete() && patch.findings().isEmpty(), () -> patch.findings().toString());
        ExploreResult bad = Explorer.run(Fixtures.storeBuffers(ProtectionToggle.NO_RELEASE), Fixtures.single());
        List<String> kinds = bad.findings().stream().map(Finding::kind).toList();
        assertTrue(kinds.contains("I-CLEAR"), kinds::toString);
        assertTrue(kinds.stream().anyMatch(k -> k.startsWith("I-UAF")), kinds::toString);
        Finding c2 = bad.findings().stream().filter(f -> f.kind().equals("I-CLEAR")).findFirst().orElseThrow();
        Scenario sc = Fixtures.storeBuffers(ProtectionToggle.NO_RELEASE);
        String text = Reports.scheduleText(c2.threads(), Results.names(sc));
        assertTrue(text.contains("T1.sb"), text);
        Trace t = Engine.run(sc, Schedules.of(c2.threads()));
        assertEquals(c2.threads(), t.scheduleUsed());
        assertTrue(t.violations().stream().anyMatch(v -> v.invariant().name().equals("I_CLEAR")),
                t.violations()::toString);
    }

    @Test
    void theAbTableOfARelaxedScenarioHasANoReleaseRow() {
        Scenario sc = Fixtures.storeBuffers();
        assertEquals(ProtectionToggle.NO_RELEASE, AbTable.settings(sc).get(AbTable.settings(sc).size() - 1));
        assertEquals(AbTable.SETTINGS, AbTable.settings(Fixtures.lesson9(Fixtures.with())));
    }
}
