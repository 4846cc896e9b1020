package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Scenario;
import org.vmalab.lesson.LessonLoader;

/**
 * The search's judgement of its reduction is made on counted work ({@link Search#judge}): the same decision, after the
 * same number of transitions, with any number of workers and whatever the timing.
 */
class ReductionJudgementTest {
    /** Pilot length for these small searches: the lessons' parts judge after 10,000 transitions. */
    private static final long JUDGE_AFTER = 2_000;

    private static Scenario part(String file, int part) throws Exception {
        return LessonLoader.load(LessonLoader.lessonsDirectory().resolve(file)).parts().get(part - 1).scenario();
    }

    private static ExploreResult search(Scenario sc, int workers) {
        Exploration x = new Exploration(sc, ExploreOptions.defaults().withThreads(workers), ProgressListener.NONE,
                true, JUDGE_AFTER);
        x.start();
        return x.join();
    }

    @Test
    void theReductionPaysWhenItPrunesMoreThanItsCountedCost() {
        assertTrue(Search.reductionPays(100_000, 112_000, 162_000), "lesson 16: 1.1 transitions pruned for each made");
        assertFalse(Search.reductionPays(100_000, 0, 363_000), "lesson 14 part 5: nothing pruned");
        assertFalse(Search.reductionPays(100_000, 2_000, 100_000), "2% pruned, 3% spent");
        assertTrue(Search.reductionPays(100_000, 4_000, 100_000), "4% pruned, 3% spent");
    }

    /** Lesson 14 part 4: under store buffers no two steps commute, the sleep sets prune nothing. */
    @Test
    void aReductionThatPrunesNothingIsSwitchedOffAfterThePilotWithAnyNumberOfWorkers() throws Exception {
        Scenario sc = part("14-race-c-clear-node.yaml", 4);
        List<String> seen = new ArrayList<>();
        for (int workers : new int[] {1, 2, 3, 2, 1, 3}) {
            ExploreResult r = search(sc, workers);
            assertTrue(r.complete());
            seen.add(workers + " workers: off at " + r.stats().reductionOffAt() + ", distinct "
                    + r.stats().distinctStates());
            assertEquals(JUDGE_AFTER, r.stats().reductionOffAt(), String.join("; ", seen));
        }
        ExploreResult whole = Explorer.run(sc, ExploreOptions.defaults().withThreads(1));
        assertEquals(Search.JUDGE_AFTER, whole.stats().reductionOffAt(), "the default pilot of 10,000");
    }

    /** Lesson 1 part 2: the convoy's sleep sets save a fifth of the transitions. */
    @Test
    void aReductionThatPaysStaysOnWithAnyNumberOfWorkers() throws Exception {
        Scenario sc = part("01-mmap-sem-convoy.yaml", 2);
        long distinct = -1;
        for (int workers : new int[] {1, 2, 3, 2}) {
            ExploreResult r = search(sc, workers);
            assertTrue(r.complete());
            assertEquals(-1, r.stats().reductionOffAt(), workers + " workers");
            if (distinct >= 0) {
                assertEquals(distinct, r.stats().distinctStates());
            }
            distinct = r.stats().distinctStates();
        }
    }
}
