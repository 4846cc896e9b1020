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
        return started(sc, workers, JUDGE_AFTER).join();
    }

    private static Exploration started(Scenario sc, int workers, long judgeAfter) {
        Exploration x = new Exploration(sc, ExploreOptions.defaults().withThreads(workers), ProgressListener.NONE,
                true, judgeAfter);
        x.start();
        return x;
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

    /**
     * With two workers the pilot is walked apart, on the first worker's own table, while the other worker searches; the
     * search ends after it, so the pilot walks exactly the transitions one worker judges on, and what is found is what
     * one worker finds.
     */
    @Test
    void withTwoWorkersThePilotIsWalkedApartAndTheSearchWaitsForIt() throws Exception {
        Scenario sc = part("14-race-c-clear-node.yaml", 4);
        Exploration one = started(sc, 1, JUDGE_AFTER);
        ExploreResult r1 = one.join();
        assertEquals(-1, one.search().pilotWalked, "one worker: the pilot is the search itself");
        for (int i = 0; i < 3; i++) {
            Exploration two = started(sc, 2, JUDGE_AFTER);
            ExploreResult r2 = two.join();
            assertEquals(JUDGE_AFTER, two.search().pilotWalked);
            assertEquals(JUDGE_AFTER, r2.stats().reductionOffAt());
            assertEquals(r1.stats().distinctStates(), r2.stats().distinctStates());
            assertEquals(ReductionEquivalenceTest.outcomes(r1), ReductionEquivalenceTest.outcomes(r2));
            assertEquals(ReductionEquivalenceTest.kinds(r1), ReductionEquivalenceTest.kinds(r2));
        }
    }

    /**
     * A search within the pilot's length: the pilot walks all of it again, and the search still keeps its reduction.
     */
    @Test
    void aSearchWithinThePilotKeepsItsReductionWithTwoWorkers() throws Exception {
        Scenario sc = part("14-race-c-clear-node.yaml", 4);
        ExploreResult one = started(sc, 1, 1_000_000).join();
        Exploration two = started(sc, 2, 1_000_000);
        ExploreResult r = two.join();
        assertTrue(r.complete());
        assertEquals(-1, r.stats().reductionOffAt());
        assertEquals(one.stats().states() - 1, two.search().pilotWalked,
                "the whole search (its transitions: the states but the initial one), walked by the pilot as by "
                        + "one worker");
    }

    /** Cancelling stops the pilot too (it would otherwise walk all of lesson 16's 3.9 million transitions first). */
    @Test
    void cancelStopsThePilot() throws Exception {
        Exploration x = started(part("16-fairness-and-cost.yaml", 1), 2, Long.MAX_VALUE);
        x.cancel();
        ExploreResult r = x.join();
        assertFalse(r.complete());
        assertTrue(x.search().pilotWalked < 1_000_000, "the pilot walked " + x.search().pilotWalked);
    }
}
