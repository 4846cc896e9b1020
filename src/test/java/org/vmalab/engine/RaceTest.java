package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.engine.Races.ALL;
import static org.vmalab.engine.Races.prot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * Every race of SEMANTICS section 6: with its protection off the bad outcome is detected; with the patch
 * the same interleaving is impossible or harmless.
 */
class RaceTest {
    static final long LD_ADDR = 0x7ffff7dd6000L;

    // ------------------------------------------------------------------ (a1) reader stranded by a rotation

    static Scenario a1(Protection p) {
        List<VmaSpec> six = Scenarios.layoutW().subList(0, 6);
        VmaSpec stack = Scenarios.layoutW().get(6);
        return Scenario.of("a1", six, List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.GetVma(LD_ADDR))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(Layouts.map(stack)))), p);
    }

    @Test
    void a1WithoutTheLockAWalkerMissesLdAfterTheRotation() {
        /* T1: load root, visit data (right), visit libc (right, to libc_rw); T2 links stack; T1 goes on */
        Trace t = Engine.run(a1(prot(ProtectionToggle.NO_LOCK)), Races.slots(0, 3, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertEquals(Set.of(Invariant.LOOKUP), Races.kinds(t), t.violations()::toString);
        assertTrue(Races.captions(t, 0).contains("visit libc_rw: vm_end <= addr, go right to NULL"));
    }

    @Test
    void a1WithThePatchTheWriterSpinsUntilTheReaderLeaves() {
        Trace t = Engine.run(a1(Protection.PATCH), Races.slots(0, 4, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        assertTrue(Races.has(t, 1, Loc.LINK_WRITE_SPIN) || Races.has(t, 1, Loc.LINK_WRITE_WAITING));
        assertTrue(Races.captions(t, 0).contains("visit ld: contains"), () -> Races.captions(t, 0));
    }

    @Test
    void a1EveryInterleavingWithThePatchFindsLd() {
        Scenario sc = a1(Protection.PATCH);
        int readerSteps = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
        for (int k = 0; k <= readerSteps; k++) {
            Trace t = Engine.run(sc, Races.slots(0, k, 1, ALL, 0, ALL));
            assertTrue(t.violations().isEmpty(), "after " + k + " reader steps: " + t.violations());
            assertTrue(Races.captions(t, 0).contains("get_vma returns ld"), "after " + k + " reader steps");
        }
    }

    // ------------------------------------------------------------------ (a3) walking onto a freed node

    @Test
    void a3WithoutTheLockUseAfterFreeResurrectionAndDoubleFree() {
        /* T1: entry, load root, visit data, visit libc (holds heap); T2 munmaps and frees heap; T1 goes on */
        Trace t = Engine.run(Races.lesson9(prot(ProtectionToggle.NO_LOCK)), Races.slots(0, 4, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(Races.count(t, Invariant.I_UAF) >= 5, t.violations()::toString);
        List<String> free = t.violations().stream().filter(v -> v.invariant() == Invariant.I_FREE)
                .map(Violation::message).toList();
        assertTrue(free.stream().anyMatch(m -> m.startsWith("resurrection")), free::toString);
        assertTrue(free.stream().anyMatch(m -> m.startsWith("double free")), free::toString);
        assertTrue(Races.captions(t, 0).contains("SIGSEGV"));
    }

    // ------------------------------------------------------------------ (b) the reference count

    @Test
    void bWithoutTheRefcountFiveUsesAfterFree() {
        /* T1 finishes get_vma (entry, lock, root, 3 visits, unlock), T2 runs munmap to the end, T1 goes on */
        Trace t = Engine.run(Races.lesson9(prot(ProtectionToggle.NO_REFCOUNT)), Races.slots(0, 7, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertEquals(Set.of(Invariant.I_UAF), Races.kinds(t), t.violations()::toString);
        /* as out_race.txt: S2, S3, S5, S6 and can_reuse_spf_vma read the freed heap */
        assertEquals(5, Races.count(t, Invariant.I_UAF), t.violations()::toString);
    }

    @Test
    void bWithThePatchTheReaderFreesHeapLateUnderMmapSemRead() {
        Trace t = Engine.run(Races.lesson9(Protection.PATCH), Races.slots(0, 8, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        StepRecord free = Races.first(t, Loc.FREE_VMA);
        assertNotNull(free);
        assertEquals(0, free.thread(), "heap is freed by the reader");
        assertTrue(free.note().contains("can") || free.note().contains("put_vma"), free.note());
        assertTrue(free.note().contains("mmap_sem held for read"), free.note());
        String c = Races.captions(t, 0);
        assertTrue(c.contains("RB_EMPTY_NODE(heap)"), c);
        assertTrue(c.contains("SIGSEGV"), c);
        /* count 1 -> 2 -> 1 -> 0 */
        List<Long> counts = new ArrayList<>();
        for (StepRecord s : t.steps()) {
            if (s.loc() == Loc.GET_VMA_INC || s.loc() == Loc.PUT_VMA_DEC) {
                counts.add(s.v());
            }
        }
        assertEquals(List.of(2L, 1L, 0L), counts);
    }

    @Test
    void writerFirstTheReaderSpinsThenFindsLibc() {
        Scenario sc = Races.lesson9(Protection.PATCH);
        int w = Races.stepsThrough(sc, 1, Loc.ERASE_WRITE_LOCK, 1);
        Trace t = Engine.run(sc, Races.slots(1, w, 0, ALL, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        assertTrue(Races.has(t, 0, Loc.RB_READ_SPIN));
        String c = Races.captions(t, 0);
        assertTrue(c.contains("get_vma returns libc"), c);
        assertTrue(c.contains("vm_ops set"), c);
        assertTrue(c.contains("SIGSEGV"), c);
    }

    @Test
    void lastCheckInsideTheEraseWindowIsLegalAndTheZapRemovesThePte() {
        Scenario sc = Races.lesson9(Protection.PATCH);
        int w = Races.stepsThrough(sc, 1, Loc.ERASE_WRITE_LOCK, 1) + 1;
        int r = Races.stepsThrough(sc, 0, Loc.SPF_S2_SEQ, 1);
        Trace t = Engine.run(sc, Races.slots(0, r, 1, w, 0, ALL, 1, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        assertTrue(Races.has(t, 0, Loc.SPF_S7_INSTALL), "the reader installs its PTE");
        StepRecord zap = Races.first(t, Loc.ZAP);
        assertTrue(zap.note().contains("removes 1 PTE"), zap.note());
    }

    @Test
    void withoutTheEmptyCheckThePageLandsInTheUnmappedHeap() {
        Trace t = Engine.run(Races.lesson9(prot(ProtectionToggle.NO_EMPTY_CHECK)), Races.slots(0, 8, 1, ALL, 0, ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertEquals(Set.of(Invariant.SPF_PTE, Invariant.Q_PTE), Races.kinds(t), t.violations()::toString);
        assertEquals(2, Races.count(t, Invariant.SPF_PTE), "erased at the last check, and a torn-down chain");
    }

    @Test
    void noInterleavingOfTheLesson9RaceBreaksThePatch() {
        Scenario sc = Races.lesson9(Protection.PATCH);
        int readerSteps = Races.stepsThrough(sc, 0, Loc.SPF_S7_INSTALL, 1);
        for (int k = 0; k <= readerSteps; k++) {
            for (int w = 1; w <= 60; w += 3) {
                Trace t = Engine.run(sc, Races.slots(0, k, 1, w, 0, ALL, 1, ALL));
                assertTrue(t.violations().isEmpty(), "reader " + k + ", writer " + w + ": " + t.violations());
            }
        }
    }

    // ------------------------------------------------------------------ (c1) RB_CLEAR_NODE placement

    @Test
    void c1ClearingBeforeTheEraseCorruptsTheTree() {
        Scenario sc = Scenario.of("c1", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(Races.HEAP.start(),
                        Races.HEAP.end()))),
                new ThreadSpec("T2", ThreadSpec.Role.CLASSIC_READER, 
                        List.of(new Op.Fault(Scenarios.HEAP_ADDR, false)))),
                prot(ProtectionToggle.CLEAR_BEFORE_ERASE));
        Trace t = Engine.run(sc, Races.slots(0, ALL, 1, ALL));
        Set<Invariant> k = Races.kinds(t);
        assertTrue(k.containsAll(Set.of(Invariant.I_CLEAR, Invariant.I_REACH, Invariant.Q_RB, Invariant.Q_LIST,
                Invariant.I_UAF)), k::toString);
        List<String> rb = t.violations().stream().filter(v -> v.invariant() == Invariant.Q_RB)
                .map(Violation::message).toList();
        assertTrue(rb.stream().anyMatch(m -> m.contains("red-red")), rb::toString);
        assertTrue(rb.stream().anyMatch(m -> m.contains("black heights differ")), rb::toString);
        assertTrue(rb.stream().anyMatch(m -> m.contains("parent pointer of heap")), rb::toString);
        assertTrue(Races.captions(t, 0)
                .contains("Erase case 1: at most one child, splice it in: heap.rb_right := NULL"));
    }

    // ------------------------------------------------------------------ (d) the vmacache

    static Scenario d(Protection p) {
        return Scenario.of("d", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.MIXED, List.of(new Op.Fault(Scenarios.HEAP_ADDR, false),
                        new Op.Spf(Scenarios.HEAP_ADDR, false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(Races.HEAP.start(),
                        Races.HEAP.end())))), p);
    }

    @Test
    void dTheSpeculativePathMustNotUseTheVmacache() {
        Scenario sc = d(prot(ProtectionToggle.SPF_USES_VMACACHE));
        int hit = Races.stepsThrough(sc, 0, Loc.VMACACHE_HIT, 1);
        Trace t = Engine.run(sc, Races.slots(0, hit, 1, ALL, 0, ALL));
        Set<Invariant> k = Races.kinds(t);
        assertTrue(k.containsAll(Set.of(Invariant.I_UAF, Invariant.I_LOCK, Invariant.I_GET)), k::toString);
        assertTrue(t.violations().stream().anyMatch(v -> v.message().startsWith("resurrection")));
    }

    @Test
    void dWithThePatchGetVmaIgnoresTheCacheAndNoInterleavingBreaks() {
        Scenario sc = d(Protection.PATCH);
        int total = Races.stepsThrough(sc, 0, Loc.PUT_VMA_DEC, 1);
        for (int k = 0; k <= total; k += 2) {
            Trace t = Engine.run(sc, Races.slots(0, k, 1, ALL, 0, ALL));
            assertTrue(t.violations().isEmpty(), "after " + k + ": " + t.violations());
        }
    }

    @Test
    void dUnderMmapSemTheWriterSleeps() {
        Scenario sc = Scenario.of("d-sem", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.CLASSIC_READER, List.of(new Op.DownRead(),
                        new Op.FindVma(Scenarios.HEAP_ADDR), new Op.UpRead())),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(Races.HEAP.start(),
                        Races.HEAP.end())))), Protection.PATCH);
        Trace t = Engine.run(sc, Races.slots(0, 3, 1, ALL, 0, ALL));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        StepRecord sleep = Races.first(t, Loc.SEM_DOWN_WRITE_SLEEP);
        assertNotNull(sleep);
        assertTrue(sleep.note().contains("mmap_sem is read-held by T1"), sleep.note());
    }

    // ------------------------------------------------------------------ fairness (lesson 12)

    static Scenario starvation(RwlockPolicy policy) {
        List<Op> loop = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loop.add(new Op.GetVma(Scenarios.HEAP_ADDR));
            loop.add(new Op.PutVma());
        }
        VmaSpec libcRw = Scenarios.layoutW().get(4);
        return Scenario.of("starve", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, loop),
                new ThreadSpec("T2", ThreadSpec.Role.SPF_READER, loop),
                new ThreadSpec("T3", ThreadSpec.Role.SPF_READER, loop),
                new ThreadSpec("T4", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(libcRw.start(), libcRw.end()))),
                new ThreadSpec("T5", ThreadSpec.Role.CLASSIC_READER, 
                        List.of(new Op.Fault(Scenarios.HEAP_ADDR, false)))), new Protection(Set.of(), policy));
    }

    /**
     * A relay: T1 enters get_vma, T4 takes mmap_sem and tries write_lock, then the next reader always takes
     * read_lock before the current one leaves, with one writer turn between each.
     */
    static Schedule relay() {
        List<Schedule.Slot> s = new ArrayList<>();
        s.add(new Schedule.Slot(0, 1));
        s.add(new Schedule.Slot(3, ALL));
        for (int j = 0; j < 11; j++) {
            s.add(new Schedule.Slot((j + 1) % 3, 1));
            s.add(new Schedule.Slot(3, 1));
            s.add(new Schedule.Slot(j % 3, 7));
            s.add(new Schedule.Slot(3, 1));
        }
        return new Schedule(s, Schedule.Policy.ROUND_ROBIN, 0, 10_000);
    }

    static int firstIndex(Trace t, int thread, Loc loc) {
        for (StepRecord s : t.steps()) {
            if (s.thread() == thread && s.loc() == loc) {
                return s.index();
            }
        }
        return -1;
    }

    static int spinsBefore(Trace t, int thread, int index) {
        int n = 0;
        for (StepRecord s : t.steps()) {
            if (s.index() < index && s.thread() == thread && s.waiting()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void readerPreferringLockLetsOverlappingReadersStarveTheWriter() {
        Trace pref = Engine.run(starvation(RwlockPolicy.READER_PREF), relay());
        assertEquals(Outcome.COMPLETE, pref.outcome(), pref.outcomeMessage());
        assertTrue(pref.violations().isEmpty(), pref.violations()::toString);
        int got = firstIndex(pref, 3, Loc.ERASE_WRITE_LOCK);
        int spins = spinsBefore(pref, 3, got);
        assertTrue(spins >= 20, "the writer spins through the relay: " + spins);
        /* ... while it holds mmap_sem for write, so the classic faulter T5 sleeps */
        assertTrue(Races.captions(pref, 4).contains("mmap_sem is write-held by T4"), Races.captions(pref, 4));

        Trace queued = Engine.run(starvation(RwlockPolicy.QUEUED), relay());
        assertTrue(queued.violations().isEmpty(), queued.violations()::toString);
        int gotQ = firstIndex(queued, 3, Loc.ERASE_WRITE_LOCK);
        /* queued: only the readers inside before _QW_WAITING was set delay the writer (T1, and T2 which slipped in) */
        assertTrue(spinsBefore(queued, 3, gotQ) <= 5, "queued writer spins: " + spinsBefore(queued, 3, gotQ));
        String readers = Races.captions(queued, 0) + Races.captions(queued, 1) + Races.captions(queued, 2);
        assertTrue(readers.contains("writer T4 is waiting for mm_rb_lock"), readers);
    }
}
