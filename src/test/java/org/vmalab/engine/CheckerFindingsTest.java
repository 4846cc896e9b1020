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
}
