package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/** What a kernel developer's own scenarios showed against v4.15 + SPF v8 (twelfth session). */
class KernelAuditTest {
    static Trace run(Scenario sc) {
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        return t;
    }

    /** The captions of every step at {@code loc}. */
    static List<String> captionsAt(Trace t, Loc loc) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            if (t.step(i).loc() == loc) {
                out.add(t.caption(i));
            }
        }
        return out;
    }

    /**
     * put_vma after a get_vma that found nothing (with the patch) drops nothing; the step said "(NO_REFCOUNT)",
     * a protection the run does not have.
     */
    @Test
    void aPutAfterAGetThatFoundNothingDoesNotBlameNoRefcount() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.GetVma(0x7fffffffff000L + 0x1000_0000L), new Op.PutVma()),
                Layouts.thread("T2"));
        List<String> c = captionsAt(run(sc), Loc.PUT_VMA_NOOP);
        assertEquals(1, c.size(), c::toString);
        assertFalse(c.get(0).contains("NO_REFCOUNT"), c.get(0));
        assertTrue(c.get(0).contains("NULL"), c.get(0));
    }

    /** Before the patch there is no put_vma at all: the step says so, not "(NO_REFCOUNT)". */
    @Test
    void aPutBeforeThePatchDoesNotBlameNoRefcount() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.PRE_PATCH),
                Layouts.thread("T1", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()),
                Layouts.thread("T2"));
        List<String> c = captionsAt(run(sc), Loc.PUT_VMA_NOOP);
        assertEquals(1, c.size(), c::toString);
        assertFalse(c.get(0).contains("NO_REFCOUNT"), c.get(0));
        assertTrue(c.get(0).contains("before the patch"), c.get(0));
    }

    /** With NO_REFCOUNT the step still names the toggle: get_vma took no reference. */
    @Test
    void aPutWithoutTheRefcountNamesTheToggle() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.NO_REFCOUNT),
                Layouts.thread("T1", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()),
                Layouts.thread("T2"));
        List<String> c = captionsAt(run(sc), Loc.PUT_VMA_NOOP);
        assertEquals(List.of("put_vma(heap): no reference to drop, nothing to do — get_vma took none (NO_REFCOUNT)"),
                c);
    }

    /**
     * do_mprotect_pkey() returns -EINVAL for an unaligned start before down_write_killable(&mm->mmap_sem)
     * (mm/mprotect.c): the writer never takes the semaphore, so a reader holding it for read does not delay it.
     */
    @Test
    void anUnalignedMprotectFailsWithoutTakingMmapSem() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Mprotect(Scenarios.HEAP_ADDR + 1, Scenarios.HEAP_ADDR + 0x1000,
                        Const.VM_READ)),
                Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("EINVAL"), FaithfulPathsTest.results(t, 0));
        for (int i = 1; i <= t.size(); i++) {
            Loc l = t.step(i).loc();
            assertFalse(l == Loc.SEM_DOWN_WRITE || l == Loc.SEM_UP_WRITE, () -> "mmap_sem taken: " + l);
        }
        assertEquals(1, captionsAt(t, Loc.MPROTECT_EINVAL).size());
    }
}
