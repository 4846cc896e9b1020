package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;

/** Same scenario and schedule give the same trace; replaying scheduleUsed gives it again. */
class DeterminismTest {
    /** Everything a trace records, as text: steps, captions, stores, violations, outcome. */
    static List<String> fingerprint(Trace t) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            StepRecord s = t.step(i);
            StringBuilder b = new StringBuilder(t.threadName(s.thread())).append(' ').append(t.caption(i));
            for (int k = s.deltaFrom(); k < s.deltaTo(); k++) {
                Recording.Store st = Recording.store(t, k);
                b.append(" | ").append(st.field()).append('[').append(st.object()).append("] ")
                        .append(st.oldValue()).append("->").append(st.newValue());
            }
            b.append(' ').append(s.violations());
            out.add(b.toString());
        }
        out.add(t.outcome() + " " + t.outcomeMessage());
        return out;
    }

    static Scenario busy() {
        return Scenario.of("busy", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(Scenarios.HEAP_ADDR, false),
                        new Op.GetVma(0x7ffff7dd6000L), new Op.PutVma())),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(0x55555575d000L, 0x55555577e000L),
                        new Op.Mmap("anon", 0, 0x3000, Scenarios.RW, false, false, false))),
                new ThreadSpec("T3", ThreadSpec.Role.CLASSIC_READER, List.of(new Op.Fault(0x7ffffffe0000L, true)))),
                Races.prot(ProtectionToggle.NO_REFCOUNT));
    }

    @Test
    void twoRunsOneTrace() {
        for (long seed = 1; seed <= 20; seed++) {
            Trace a = Engine.run(busy(), Schedule.random(seed));
            Trace b = Engine.run(busy(), Schedule.random(seed));
            assertEquals(fingerprint(a), fingerprint(b), "seed " + seed);
        }
    }

    @Test
    void replayingTheScheduleUsedGivesTheSameTrace() {
        for (long seed = 1; seed <= 20; seed++) {
            Trace a = Engine.run(busy(), Schedule.random(seed));
            Trace b = Engine.run(busy(), Schedule.explicit(a.scheduleUsed()));
            List<String> fa = fingerprint(a);
            List<String> fb = fingerprint(b);
            assertEquals(fa.subList(0, fa.size() - 1), fb.subList(0, fb.size() - 1), "seed " + seed);
            assertEquals(a.violations(), b.violations());
        }
    }

    @Test
    void differentSeedsExploreDifferentInterleavings() {
        List<List<Integer>> seen = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            List<Integer> s = Engine.run(busy(), Schedule.random(seed)).scheduleUsed();
            if (!seen.contains(s)) {
                seen.add(s);
            }
        }
        assertTrue(seen.size() > 5, "random schedules differ: " + seen.size());
    }

    @Test
    void seekingAnywhereGivesTheStateOfARunCutThere() {
        Trace t = Engine.run(busy(), Schedule.random(3));
        TraceCursor c = t.cursor();
        int[] targets = {t.size(), 1, t.size() / 2, 0, t.size() - 1, 7};
        for (int i : targets) {
            c.seek(i);
            Trace cut = Engine.run(busy(), Schedule.explicit(t.scheduleUsed().subList(0, i)));
            TraceCursor d = cut.cursor().seek(cut.size());
            for (Field f : Field.values()) {
                int n = switch (f.kind()) {
                    case VMA -> Math.min(t.vmaCount(), cut.vmaCount());
                    case MM -> 1;
                    case THREAD -> t.threadCount();
                    case PTE -> Machine.PTE_SLOTS;
                    case SB -> t.threadCount() * StoreBuffer.CAPACITY;
                };
                for (int o = 0; o < n; o++) {
                    assertEquals(Recording.words(d).get(f, o), Recording.words(c).get(f, o),
                            "index " + i + " " + f + "[" + o + "]");
                }
            }
        }
    }
}
