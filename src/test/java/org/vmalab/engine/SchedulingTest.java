package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/** Granularity, the pre-patch kernel, and the ways a run can end. */
class SchedulingTest {
    @Test
    void macroGranularityRunsAGroupAsOneStep() {
        List<Op> ops = List.of(Layouts.map(Scenarios.layoutW().get(6)));
        Scenario micro = Scenario.of("m", Scenarios.layoutW().subList(0, 6),
                List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER, ops)), Protection.PATCH);
        Trace a = Engine.run(micro, Schedule.roundRobin());
        Trace b = Engine.run(micro.withGranularity(Granularity.MACRO), Schedule.roundRobin());
        assertTrue(b.size() < a.size(), b.size() + " < " + a.size());
        assertTrue(b.violations().isEmpty());
        /* the I3m rotation of stack (7 stores) is one step, captioned with the case */
        boolean rotation = false;
        for (int i = 1; i <= b.size(); i++) {
            if (b.step(i).loc() == Loc.INS_CASE3_M) {
                rotation = true;
                assertEquals(7, b.step(i).micro());
                assertTrue(b.caption(i).startsWith("Insert case 3 (mirror)"), b.caption(i));
            }
        }
        assertTrue(rotation);
        assertEquals(Tables.dump(Recording.words(a.cursor().seek(a.size()))),
                Tables.dump(Recording.words(b.cursor().seek(b.size()))));
    }

    @Test
    void macroStepsNeverSpanALockAcquisition() {
        Trace t = Engine.run(Races.lesson9(Protection.PATCH).withGranularity(Granularity.MACRO),
                Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome());
        for (StepRecord s : t.steps()) {
            if (s.micro() > 1) {
                assertTrue(s.loc().kind() != Loc.Kind.LOCK, s.loc().toString());
            }
        }
    }

    @Test
    void prePatchKernelHasNoSpeculativePathNoLockNoCount() {
        Trace t = Engine.run(Races.lesson9(Races.prot(ProtectionToggle.PRE_PATCH)), 
                Races.slots(0, 1, 1, 2, 0, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        for (StepRecord s : t.steps()) {
            assertTrue(!s.loc().name().contains("WRITE_LOCK") && s.loc() != Loc.LINK_RB_REFCOUNT
                    && s.loc() != Loc.RB_CLEAR_NODE && s.loc() != Loc.PUT_VMA_DEC && s.loc().kind() != Loc.Kind.SEQ,
                    s.loc().toString());
        }
        assertEquals(Loc.SPF_NO_SPF, t.step(1).loc());
        assertTrue(Races.has(t, 0, Loc.SEM_DOWN_READ_SLEEP), "the fault sleeps behind munmap's mmap_sem");
        StepRecord free = Races.first(t, Loc.FREE_VMA);
        assertEquals(1, free.thread(), "remove_vma frees at once");
    }

    @Test
    void aThreadThatWaitsForItselfIsADeadlock() {
        Scenario sc = Scenario.of("dl", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.DownWrite(), new Op.DownRead()))),
                Protection.PATCH);
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.DEADLOCK, t.outcome());
        assertTrue(t.outcomeMessage().contains("T1 blocked (mmap_sem is write-held by T1)"), t.outcomeMessage());
        assertTrue(t.violations().stream().anyMatch(v -> v.invariant() == Invariant.I_LOCK));
    }

    @Test
    void aBoundIsReportedAsBoundNeverAsAPass() {
        Trace t = Engine.run(Races.lesson9(Protection.PATCH), Schedule.roundRobin().withBound(10));
        assertEquals(Outcome.BOUND, t.outcome());
        assertEquals(10, t.size());
    }

    @Test
    void anExplicitScheduleThatNamesASleepingThreadIsRejectedInWords() {
        Scenario sc = Scenario.of("s", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.DownWrite(), new Op.UpWrite())),
                new ThreadSpec("T2", ThreadSpec.Role.CLASSIC_READER, List.of(new Op.Fault(Scenarios.HEAP_ADDR,
                        false)))), Protection.PATCH);
        Trace t = Engine.run(sc, Schedule.explicit(List.of(0, 1, 1)));
        assertEquals(Outcome.INVALID_SCHEDULE, t.outcome());
        assertEquals("schedule position 3: T2 cannot run (it is asleep: mmap_sem is write-held by T1)",
                t.outcomeMessage());
    }

    @Test
    void wakeUpHandsTheLockToTheRunOfReadersAtTheHead() {
        Scenario sc = Scenario.of("convoy", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(0x7ffff7dcb000L, 0x7ffff7dd1000L))),
                new ThreadSpec("T2", ThreadSpec.Role.CLASSIC_READER, List.of(new Op.Fault(Scenarios.HEAP_ADDR,
                        false))),
                new ThreadSpec("T3", ThreadSpec.Role.CLASSIC_READER, List.of(new Op.Fault(Scenarios.HEAP_ADDR,
                        true)))), Protection.PATCH);
        Trace t = Engine.run(sc, Races.slots(0, 1, 1, Races.ALL, 2, Races.ALL, 0, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome());
        StepRecord up = Races.first(t, Loc.SEM_UP_WRITE);
        assertTrue(up.note().contains("wakes T2, T3"), up.note());
    }

    @Test
    void aStepSaysWhichChecksRanAndTheResultOfTheOperationItEnds() {
        Trace t = Engine.run(Races.lesson9(Protection.PATCH), Races.slots(0, 8, 1, Races.ALL, 0, Races.ALL));
        StepRecord up = Races.first(t, Loc.SEM_UP_WRITE);
        assertEquals(StepRecord.CHECK_STEP | StepRecord.CHECK_QUIESCENT, up.checks());
        assertEquals("0", up.result(), "munmap returns 0");
        StepRecord d1 = Races.first(t, Loc.DETACH_PREV_NULL);
        assertTrue((d1.checks() & StepRecord.CHECK_VALIDATE) != 0, "validate_mm_rb(ignore = heap) before X1");
        StepRecord last = t.step(t.size());
        assertEquals(0, last.thread());
        assertEquals("SIGSEGV", last.result());
        assertEquals(1, t.steps().stream().filter(s -> s.thread() == 0 && s.result() != null).count());
    }

    /** Three writers of mmap_sem: T1 holds it, T2 waits, T1 releases it, T3 arrives before T2 runs. */
    static Trace writers(Protection p, int... slots) {
        Scenario sc = Layouts.scenario(Layouts.w(), p,
                Layouts.thread("T1", new Op.DownWrite(), new Op.UpWrite()),
                Layouts.thread("T2", new Op.DownWrite(), new Op.UpWrite()),
                Layouts.thread("T3", new Op.DownWrite(), new Op.UpWrite()));
        Trace t = Engine.run(sc, Races.slots(slots));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        return t;
    }

    /** Issue 11 item 12: without the option, up_write hands mmap_sem to the waiting writer (FIFO). */
    @Test
    void mmapSemIsHandedToTheWaitingWriter() {
        Trace t = writers(Protection.PATCH, 0, 1, 1, 1, 0, 1, 2, 1, 1, 1);
        assertEquals(Loc.SEM_DOWN_WRITE_SLEEP, t.step(4).loc(), "T3 queues behind T2");
        assertEquals(Loc.SEM_WOKEN, t.step(5).loc(), "T2 holds it");
    }

    /**
     * Issue 11 item 12: with RWSEM_WRITER_STEAL a woken writer must take the lock itself (rwsem_try_write_lock),
     * and a writer arriving while the lock is free takes it although another writer waits (optimistic spinning).
     */
    @Test
    void aWriterStealsMmapSemFromTheWokenWriter() {
        Trace t = writers(Races.prot(ProtectionToggle.RWSEM_WRITER_STEAL), 0, 1, 1, 1, 0, 1, 2, 1, 1, 1, 2, 1);
        assertEquals(Loc.SEM_DOWN_WRITE, t.step(4).loc(), "T3 steals the free lock");
        assertEquals(2, t.step(4).thread());
        assertEquals(Loc.SEM_DOWN_WRITE_SLEEP, t.step(5).loc(), "T2 finds it taken and sleeps again");
        assertEquals(Loc.SEM_UP_WRITE, t.step(6).loc());
        assertTrue(Races.has(t, 1, Loc.SEM_WRITE_TAKE), "T2 gets it after T3");
    }
}
