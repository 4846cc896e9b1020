package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Trace;

/** What a kernel developer's own scenarios showed against v4.15 + SPF v8 (twelfth session). */
class KernelAuditTest {
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

    /** The one PUT_VMA_NOOP caption of {@code get_vma addr; put_vma} on layout W with {@code toggles}. */
    static String putNoopCaption(long addr, ProtectionToggle... toggles) {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.of(RwlockPolicy.QUEUED, toggles),
                Layouts.thread("T1", new Op.GetVma(addr), new Op.PutVma()), Layouts.thread("T2"));
        List<String> c = captionsAt(FaithfulPathsTest.run(sc), Loc.PUT_VMA_NOOP);
        assertEquals(1, c.size(), c::toString);
        return c.get(0);
    }

    /**
     * put_vma after a get_vma that found nothing (with the patch) drops nothing; the step said "(NO_REFCOUNT)",
     * a protection the run does not have.
     */
    @Test
    void aPutAfterAGetThatFoundNothingDoesNotBlameNoRefcount() {
        String c = putNoopCaption(0x7fffffffff000L + 0x1000_0000L);
        assertFalse(c.contains("NO_REFCOUNT"), c);
        assertTrue(c.contains("NULL"), c);
    }

    /** Before the patch there is no put_vma at all: the step says so, not "(NO_REFCOUNT)". */
    @Test
    void aPutBeforeThePatchDoesNotBlameNoRefcount() {
        String c = putNoopCaption(Scenarios.HEAP_ADDR, ProtectionToggle.PRE_PATCH);
        assertFalse(c.contains("NO_REFCOUNT"), c);
        assertTrue(c.contains("before the patch"), c);
    }

    /** With NO_REFCOUNT the step still names the toggle: get_vma took no reference. */
    @Test
    void aPutWithoutTheRefcountNamesTheToggle() {
        assertEquals("put_vma(heap): no reference to drop, nothing to do — get_vma took none (NO_REFCOUNT)",
                putNoopCaption(Scenarios.HEAP_ADDR, ProtectionToggle.NO_REFCOUNT));
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
        Trace t = FaithfulPathsTest.run(sc);
        assertEquals(List.of("EINVAL"), FaithfulPathsTest.results(t, 0));
        for (int i = 1; i <= t.size(); i++) {
            Loc l = t.step(i).loc();
            assertFalse(l == Loc.SEM_DOWN_WRITE || l == Loc.SEM_UP_WRITE, () -> "mmap_sem taken: " + l);
        }
        assertEquals(1, captionsAt(t, Loc.MPROTECT_EINVAL).size());
    }

    /**
     * A user fault at or above TASK_SIZE_MAX is a kernel-space fault for __do_page_fault(): it ends in
     * bad_area_nosemaphore() before the speculative hook and without mmap_sem (arch/x86/mm/fault.c).
     */
    @Test
    void aFaultAboveTaskSizeIsSigsegvWithoutALock() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Spf(Const.TASK_SIZE + 0x1000, true),
                        new Op.Fault(Const.TASK_SIZE, false)),
                Layouts.thread("T2"));
        Trace t = FaithfulPathsTest.run(sc);
        assertEquals(List.of("SIGSEGV", "SIGSEGV"), FaithfulPathsTest.results(t, 0));
        for (int i = 1; i <= t.size(); i++) {
            Loc l = t.step(i).loc();
            assertTrue(l == Loc.FAULT_KERNEL_ADDRESS, () -> "a lock or a walk: " + l);
        }
    }

    /**
     * v4.15's expand_downwards() counts only an accessible neighbour (VM_READ, VM_WRITE or VM_EXEC) that is not a
     * stack itself against the stack guard gap (the PROT_NONE fix of v4.13, for the JVM's guard pages): a
     * PROT_NONE mapping just below the gap lets the stack grow.
     */
    @Test
    void aProtNoneMappingInsideTheGuardGapDoesNotStopTheStack() {
        List<VmaSpec> layout = new ArrayList<>(Layouts.w());
        layout.add(new VmaSpec("guard", 0x7fffffe00000L, FaithfulPathsTest.STACK.start() - 0x100000, 0, false, 0));
        Scenario sc = Layouts.scenario(layout, Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(FaithfulPathsTest.BELOW_STACK, true)), Layouts.thread("T2"));
        Trace t = FaithfulPathsTest.run(sc);
        assertEquals(List.of("handled under mmap_sem"), FaithfulPathsTest.results(t, 0));
        assertEquals(1, captionsAt(t, Loc.EXPAND_START).size());
        String check = captionsAt(t, Loc.EXPAND_CHECK).get(0);
        assertTrue(check.contains("guard") && check.contains("PROT_NONE"), check);
    }

    /**
     * The guard-gap test is {@code address - prev->vm_end < stack_guard_gap}, with no wrap test of its own: a
     * stack with nothing below it grows to an address under stack_guard_gap (above mmap_min_addr).
     */
    @Test
    void aStackWithNothingBelowGrowsUnderTheGuardGapSize() {
        VmaSpec low = new VmaSpec("low", 0x80000L, 0x90000L, Layouts.RW | Const.VM_GROWSDOWN, false, 2);
        Scenario sc = Layouts.scenario(List.of(low), Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(0x7f000L, true)), Layouts.thread("T2"));
        Trace t = FaithfulPathsTest.run(sc);
        assertEquals(List.of("handled under mmap_sem"), FaithfulPathsTest.results(t, 0));
    }
}
