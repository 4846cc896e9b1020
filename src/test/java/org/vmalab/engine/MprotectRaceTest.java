package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * Issue 11 item 9: race (b) through mprotect's merge. mprotect(guard, rw-) makes heap absorb guard and arena
 * (vma_merge case 6, __vma_adjust's remove_next == 2), while T1's speculative fault holds arena. The patch's
 * put_vma(next) in __vma_adjust keeps arena alive for T1; without the count it is freed under T1.
 */
class MprotectRaceTest {
    static final long ARENA_ADDR = 0x555555770000L;

    static Scenario scenario(Protection p) {
        List<VmaSpec> layout = List.of(Layouts.byName("text"), Layouts.byName("data"),
                new VmaSpec("heap", 0x55555575d000L, 0x55555576e000L, Layouts.RW, false, 1),
                new VmaSpec("guard", 0x55555576e000L, 0x55555576f000L, Const.VM_READ, false, 1),
                new VmaSpec("arena", 0x55555576f000L, 0x55555577e000L, Layouts.RW, false, 1),
                Layouts.byName("libc"), Layouts.byName("stack"));
        return Layouts.scenario(layout, p, Layouts.thread("T1", new Op.Spf(ARENA_ADDR, false)),
                Layouts.thread("T2", new Op.Mprotect(0x55555576e000L, 0x55555576f000L, Layouts.RW)));
    }

    static Trace afterGetVma(Protection p) {
        Scenario sc = scenario(p);
        int get = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
        Trace t = Engine.run(sc, Races.slots(0, get, 1, Races.ALL, 0, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        return t;
    }

    @Test
    void thePatchKeepsTheSecondRemovedVmaAliveForTheReader() {
        Trace t = afterGetVma(Protection.PATCH);
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        assertTrue(Races.has(t, 1, Loc.ADJUST_REMOVE_AGAIN), "remove_next == 2");
        StepRecord free = null;
        for (StepRecord s : t.steps()) {
            if (s.loc() == Loc.FREE_VMA && t.vmaName(s.a()).equals("arena")) {
                free = s;
            }
        }
        assertEquals(0, free.thread(), "arena is freed by the reader's put_vma, not by __vma_adjust");
        assertTrue(Races.has(t, 0, Loc.CLASSIC_GOOD), Races.captions(t, 0));
    }

    @Test
    void withoutTheCountTheMergeFreesItUnderTheReader() {
        Trace t = afterGetVma(Races.prot(ProtectionToggle.NO_REFCOUNT));
        assertTrue(Races.kinds(t).contains(Invariant.I_UAF), t.violations()::toString);
        assertEquals("arena", t.vmaName(t.violations().get(0).vma()));
    }
}
