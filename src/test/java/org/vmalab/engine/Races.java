package org.vmalab.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/** Scenario and schedule builders for the race tests. */
final class Races {
    private Races() {
    }

    static final int ALL = Schedule.Slot.UNTIL_BLOCKED;
    static final VmaSpec HEAP = Scenarios.layoutW().get(2);

    static Protection prot(ProtectionToggle... t) {
        return Protection.of(RwlockPolicy.QUEUED, t);
    }

    /** Layout W, T1 a speculative fault on heap, T2 munmap(heap). */
    static Scenario lesson9(Protection p) {
        return Scenario.of("race b", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(Scenarios.HEAP_ADDR, false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(HEAP.start(), HEAP.end())))), p);
    }

    /** Slots from pairs (thread, count); the rest runs round-robin. */
    static Schedule slots(int... pairs) {
        List<Schedule.Slot> s = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            s.add(new Schedule.Slot(pairs[i], pairs[i + 1]));
        }
        return new Schedule(s, Schedule.Policy.ROUND_ROBIN, 0, 10_000);
    }

    /** Number of steps thread {@code t} takes, running alone first, up to and including its n-th step at loc. */
    static int stepsThrough(Scenario sc, int t, Loc loc, int n) {
        Machine m = new Machine(sc, CheckLevel.NONE);
        int count = 0;
        int seen = 0;
        while (m.enabled(t)) {
            StepRecord r = m.step(t);
            count++;
            if (r.loc() == loc && ++seen == n) {
                return count;
            }
        }
        throw new AssertionError(loc + " not reached by thread " + t);
    }

    static Set<Invariant> kinds(Trace t) {
        Set<Invariant> s = EnumSet.noneOf(Invariant.class);
        for (Violation v : t.violations()) {
            s.add(v.invariant());
        }
        return s;
    }

    static int count(Trace t, Invariant inv) {
        return (int) t.violations().stream().filter(v -> v.invariant() == inv).count();
    }

    static boolean has(Trace t, int thread, Loc loc) {
        for (StepRecord s : t.steps()) {
            if (s.thread() == thread && s.loc() == loc) {
                return true;
            }
        }
        return false;
    }

    static StepRecord first(Trace t, Loc loc) {
        for (StepRecord s : t.steps()) {
            if (s.loc() == loc) {
                return s;
            }
        }
        return null;
    }

    /** The outcome note of the last fault step of a thread ("SIGSEGV" etc. appear in captions). */
    static String captions(Trace t, int thread) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= t.size(); i++) {
            if (t.step(i).thread() == thread) {
                b.append(t.caption(i)).append('\n');
            }
        }
        return b.toString();
    }
}
