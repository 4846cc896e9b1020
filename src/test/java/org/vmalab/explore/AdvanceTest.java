package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.lesson.LessonLoader;

/**
 * The search's step ({@link Explorable#advance}, no record of the step) leaves the engine exactly where the trace's
 * step ({@link Explorable#step}) does: the same states, the same violations, the same idle spins and footprints, on
 * random schedules with restores in between, as the search runs them.
 */
class AdvanceTest {
    @ParameterizedTest
    @CsvSource({"16-fairness-and-cost.yaml, 1, false, true", "14-race-c-clear-node.yaml, 1, true, false",
            "14-race-c-clear-node.yaml, 5, false, false", "12-race-b-use-after-free.yaml, 2, false, false",
            "11-race-a-lockless-walk.yaml, 1, false, false", "01-mmap-sem-convoy.yaml, 2, false, false"})
    void advanceGoesWhereStepGoes(String file, int part, boolean someViolation, boolean someIdle) throws Exception {
        Scenario sc = LessonLoader.load(LessonLoader.lessonsDirectory().resolve(file)).parts().get(part - 1)
                .scenario();
        Explorable a = Engine.explorable(sc, CheckLevel.FULL);
        Explorable b = Engine.explorable(sc, CheckLevel.FULL);
        Explorable.Mark a0 = a.save();
        Explorable.Mark b0 = b.save();
        SplittableRandom rnd = new SplittableRandom(file.hashCode() * 31L + part);
        int steps = 0;
        int violations = 0;
        int idle = 0;
        for (int run = 0; run < 60; run++) {
            a.restore(a0);
            b.restore(b0);
            Explorable.Mark am = a.save();
            Explorable.Mark bm = b.save();
            int back = 0;
            while (!a.allDone()) {
                List<Integer> enabled = new ArrayList<>();
                for (int t = 0; t < a.threadCount(); t++) {
                    if (a.enabled(t)) {
                        enabled.add(t);
                    }
                    assertEquals(a.enabled(t), b.enabled(t));
                }
                if (enabled.isEmpty()) {
                    break;
                }
                int t = enabled.get(rnd.nextInt(enabled.size()));
                List<Violation> byStep = a.step(t).violations();
                List<Violation> byAdvance = b.advance(t);
                steps++;
                assertEquals(byStep, byAdvance, "step " + steps);
                assertEquals(a.idle(), b.idle(), "step " + steps);
                assertEquals(a.footprint().toString(), b.footprint().toString(), "step " + steps);
                assertEquals(a.fingerprint(), b.fingerprint(), "step " + steps);
                violations += byStep.size();
                idle += a.idle() ? 1 : 0;
                if (rnd.nextInt(6) == 0) {
                    am = a.save(am);
                    bm = b.save(bm);
                } else if (rnd.nextInt(6) == 0 && back++ < 20) {
                    /* back to a state saved a few steps ago, as the search does */
                    a.restore(am);
                    b.restore(bm);
                    assertEquals(a.fingerprint(), b.fingerprint());
                }
            }
        }
        assertTrue(steps > 500, steps + " steps");
        assertTrue(violations > 0 || !someViolation, "steps with violations were compared");
        assertTrue(idle > 0 || !someIdle, "idle spins were compared");
    }
}
