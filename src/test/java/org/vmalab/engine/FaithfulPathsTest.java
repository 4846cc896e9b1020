package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/** Issue 11 items 4-8: where the model diverged from v4.15. */
class FaithfulPathsTest {
    static Trace run(Scenario sc) {
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        return t;
    }

    /** The results of thread {@code thread}'s operations, in order. */
    static List<String> results(Trace t, int thread) {
        List<String> out = new ArrayList<>();
        for (StepRecord s : t.steps()) {
            if (s.thread() == thread && s.result() != null) {
                out.add(s.result());
            }
        }
        return out;
    }

    static final VmaSpec XONLY = new VmaSpec("xonly", 0x600000000000L, 0x600000004000L, Const.VM_EXEC, false, 3);

    /** Item 5: x86 access_error accepts VM_READ, VM_EXEC or VM_WRITE for a read fault. */
    @Test
    void aReadFaultOnAnExecuteOnlyVmaIsServed() {
        List<VmaSpec> layout = new ArrayList<>(Layouts.w());
        layout.add(XONLY);
        Scenario sc = Layouts.scenario(layout, Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(XONLY.start(), false), new Op.Spf(XONLY.start() + 0x1000, false)),
                Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("handled under mmap_sem", "handled speculatively"), results(t, 0));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }

    /** Item 5, the other side: a write fault still needs VM_WRITE. */
    @Test
    void aWriteFaultOnAnExecuteOnlyVmaIsRefused() {
        List<VmaSpec> layout = new ArrayList<>(Layouts.w());
        layout.add(XONLY);
        Scenario sc = Layouts.scenario(layout, Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(XONLY.start(), true), new Op.Spf(XONLY.start(), true)),
                Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("SIGSEGV", "SIGSEGV"), results(t, 0));
    }

    /** Item 6: do_mmap's round_hint_to_min rounds the hint down to a page and raises it to mmap_min_addr. */
    @Test
    void theMmapHintIsRoundedDownAndRaisedToMmapMinAddr() {
        long rw = Layouts.RW;
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Mmap("a", 0x555555600800L, 0x1000, rw, false, false, false),
                        new Op.Mmap("b", 0x1000, 0x1000, rw, false, false, false),
                        new Op.Mmap("c", 0x1000, 0x1000, rw, false, true, false)));
        Trace t = run(sc);
        assertEquals(List.of("0x555555600000", "0x10000", "EPERM"), results(t, 0));
    }

    /**
     * Item 7: __split_vma copies the VMA when the copy step runs: a get_vma that raised heap's count after the
     * writer's plan was made is in the copy (2), and __vma_link_rb sets the copy's own count to 1 afterwards.
     */
    @Test
    void splitVmaCopiesTheCountOfTheMomentItRuns() {
        VmaSpec heap = Layouts.byName("heap");
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.GetVma(heap.end() - 0x1000), new Op.PutVma()),
                Layouts.thread("T2", new Op.Munmap(heap.start(), heap.start() + 0x1000)));
        int get = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
        Trace t = Engine.run(sc, Races.slots(1, 2, 0, get, 1, Races.ALL, 0, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        StepRecord inc = Races.first(t, Loc.GET_VMA_INC);
        StepRecord copy = Races.first(t, Loc.SPLIT_COPY);
        StepRecord reset = Races.first(t, Loc.LINK_RB_REFCOUNT);
        assertTrue(inc.index() < copy.index() && copy.index() < reset.index(), "get_vma ran between plan and copy");
        assertEquals(heap.name(), t.vmaName(copy.b()));
        assertEquals(2, Recording.words(t.cursor().seek(copy.index())).get(Field.REF_COUNT, copy.a()),
                "the copy's vm_ref_count");
        assertEquals(1, Recording.words(t.cursor().seek(reset.index())).get(Field.REF_COUNT, copy.a()),
                "reset by __vma_link_rb");
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }

    static final VmaSpec STACK = Layouts.byName("stack");
    static final long BELOW_STACK = STACK.start() - 0x1000;

    /** Item 4: a fault just below the stack lowers its vm_start (expand_downwards) and maps the page inside it. */
    @Test
    void aFaultBelowTheStackGrowsIt() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(BELOW_STACK + 0x10, true)), Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("handled under mmap_sem"), results(t, 0));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        StepRecord start = Races.first(t, Loc.EXPAND_START);
        assertEquals(STACK.name(), t.vmaName(start.a()));
        assertEquals(BELOW_STACK, Recording.words(t.cursor().seek(t.size())).get(Field.VM_START, start.a()));
        assertTrue(Races.has(t, 0, Loc.EXPAND_ANON_LOCK) && Races.has(t, 0, Loc.EXPAND_PTL_LOCK)
                && Races.has(t, 0, Loc.AUG_PROPAGATE), "anon_vma lock, page_table_lock, vma_gap_update");
    }

    /** Item 4: the speculative path gives a VM_GROWSDOWN VMA up (RETRY); the classic path grows it. */
    @Test
    void theSpeculativePathLeavesAGrowsDownVmaToTheClassicPath() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Spf(BELOW_STACK, true)), Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("handled under mmap_sem"), results(t, 0));
        String c = Races.captions(t, 0);
        assertTrue(c.contains("VM_GROWSDOWN"), c);
        assertTrue(Races.has(t, 0, Loc.SPF_ABORT) && Races.has(t, 0, Loc.CAN_REUSE)
                && Races.has(t, 0, Loc.EXPAND_START), c);
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }

    /** Item 4: a mapping that ends inside the stack guard gap below the stack refuses the growth: SIGSEGV. */
    @Test
    void theStackGuardGapRefusesTheGrowth() {
        List<VmaSpec> layout = new ArrayList<>(Layouts.w());
        layout.add(new VmaSpec("near", 0x7fffffe00000L, STACK.start() - 0x100000, Layouts.RW, false, 0));
        Scenario sc = Layouts.scenario(layout, Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(BELOW_STACK, true)), Layouts.thread("T2"));
        Trace t = run(sc);
        assertEquals(List.of("SIGSEGV"), results(t, 0));
        assertTrue(Races.has(t, 0, Loc.EXPAND_REFUSED), Races.captions(t, 0));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }

    /** Item 4: two faults below the stack: the second waits for the anon_vma lock, then finds it grown. */
    @Test
    void twoFaultsBelowTheStackAreSerializedByTheAnonVmaLock() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Fault(BELOW_STACK, true)),
                Layouts.thread("T2", new Op.Fault(BELOW_STACK + 0x800, false)));
        int lock = Races.stepsThrough(sc, 0, Loc.EXPAND_ANON_LOCK, 1);
        Trace t = Engine.run(sc, Races.slots(0, lock, 1, Races.ALL, 0, Races.ALL, 1, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(Races.has(t, 1, Loc.EXPAND_ANON_WAIT) && Races.has(t, 1, Loc.EXPAND_RACED),
                Races.captions(t, 1));
        assertEquals(List.of("handled under mmap_sem"), results(t, 1));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }

    /** do_brk_flags: a break that wraps above TASK_SIZE is refused by get_unmapped_area; brk returns the old one. */
    @Test
    void aBreakBeyondTaskSizeIsRefused() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Brk(0xffffffffffffffffL), new Op.Brk(0x55555579f000L)));
        Trace t = run(sc);
        assertEquals(List.of("brk 0x55555577e000", "brk 0x55555579f000"), results(t, 0));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
    }
}
