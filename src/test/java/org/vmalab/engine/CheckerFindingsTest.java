package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Checker;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/** Issue 11 items 1-2: the checker's false findings (a shared subtree taken for a cycle, LOOKUP). */
class CheckerFindingsTest {
    /** munmap(data) erases a node with two children through its successor (E3); with the marker stored first. */
    @Test
    void aSharedSubtreeIsNotACycleAndTheOtherChecksStillRun() {
        VmaSpec data = Layouts.byName("data");
        Scenario sc = Layouts.scenario(Layouts.w(), Races.prot(ProtectionToggle.CLEAR_BEFORE_ERASE),
                Layouts.thread("T1", new Op.Munmap(data.start(), data.end())));
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        Set<Invariant> kinds = Races.kinds(t);
        assertFalse(kinds.contains(Invariant.I_TERM), "a DAG is not a cycle: " + t.violations());
        assertTrue(kinds.contains(Invariant.Q_RB), t.violations()::toString);
        assertTrue(kinds.contains(Invariant.Q_BST), t.violations()::toString);
    }

    /** A real cycle is still I-TERM (the black-height and gap recursions are skipped, the rest runs). */
    @Test
    void aRealCycleIsStillITerm() {
        Machine m = new Machine(Scenario.of("cycle", Layouts.w(), List.of(), Protection.PATCH), CheckLevel.FULL);
        Memory mem = m.memory();
        int heap = 2;
        int data = 1;
        mem.poke(Field.RB_LEFT, heap, data); // heap (under libc, under data) points back up to data
        List<Checker.Problem> p = Checker.quiescentProblems(mem, Protection.PATCH);
        assertTrue(p.stream().anyMatch(x -> x.invariant() == Invariant.I_TERM && x.message().contains("cycle")),
                p::toString);
        assertTrue(p.stream().anyMatch(x -> x.invariant() == Invariant.Q_LIST), p::toString);
    }

    /** A walker that runs between rb_link_node's two stores cannot reach the new VMA: missing it is right. */
    @Test
    void lookupIsNotBlamedForAVmaNotYetLinked() {
        VmaSpec stack = Layouts.byName("stack");
        Scenario sc = Layouts.scenario(Layouts.w("text", "data", "heap", "libc", "libc_rw", "ld"),
                Races.prot(ProtectionToggle.NO_LOCK),
                Layouts.thread("T1", new Op.GetVma(0x7fffffffe000L)),
                Layouts.thread("T2", Layouts.map(stack)));
        int linkNode = Races.stepsThrough(sc, 1, Loc.RB_LINK_NODE, 1);
        Trace t = Engine.run(sc, Races.slots(1, linkNode, 0, Races.ALL, 1, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(Races.has(t, 0, Loc.GET_VMA_RIGHT), "T1 walked while stack was not yet linked");
        assertEquals(0, Races.count(t, Invariant.LOOKUP), t.violations()::toString);
    }

    /**
     * The merge overlap window: libc_rw already covers ld's range while ld, being erased through its successor (E2),
     * is still linked. A walker returning ld returns a reachable VMA that contains the address.
     */
    @Test
    void lookupAcceptsEitherVmaOfTheMergeOverlapWindow() {
        long rw = Layouts.RW;
        List<VmaSpec> layout = List.of(
                Layouts.byName("text"), Layouts.byName("data"), Layouts.byName("heap"), Layouts.byName("libc"),
                new VmaSpec("libc_rw", 0x7ffff7dcb000L, 0x7ffff7dd1000L, rw, false, 0),
                new VmaSpec("ld", 0x7ffff7dd5000L, 0x7ffff7dfc000L, rw, false, 0),
                Layouts.byName("stack"));
        Scenario sc = Layouts.scenario(layout, Races.prot(ProtectionToggle.NO_LOCK),
                Layouts.thread("T1", new Op.GetVma(0x7ffff7dd6000L)),
                Layouts.thread("T2", new Op.Mmap("hole", 0x7ffff7dd1000L, 0x4000, rw, false, true, false)));
        int copy = Races.stepsThrough(sc, 1, Loc.AUG_COPY, 1);
        Trace t = Engine.run(sc, Races.slots(1, copy, 0, Races.ALL, 1, Races.ALL));
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(Races.has(t, 0, Loc.GET_VMA_FOUND), "T1 stopped at a VMA that contains the address");
        assertEquals(0, Races.count(t, Invariant.LOOKUP), t.violations()::toString);
    }

    /** The race the check exists for is still found: a walker stranded by a rotation (race (a1)). */
    @Test
    void lookupStillFindsTheStrandedWalker() {
        VmaSpec stack = Layouts.byName("stack");
        Scenario sc = Layouts.scenario(Layouts.w("text", "data", "heap", "libc", "libc_rw", "ld"),
                Races.prot(ProtectionToggle.NO_LOCK),
                Layouts.thread("T1", new Op.GetVma(0x7ffff7dd6000L)),
                Layouts.thread("T2", Layouts.map(stack)));
        Trace t = Engine.run(sc, Races.slots(0, 3, 1, Races.ALL, 0, Races.ALL));
        assertEquals(1, Races.count(t, Invariant.LOOKUP), t.violations()::toString);
    }
}
