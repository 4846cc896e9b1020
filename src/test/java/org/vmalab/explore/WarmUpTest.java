package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.Scenario;
import org.vmalab.lesson.LessonLoader;

/**
 * The workers after the first wait for the JVM's warm-up ({@link ExploreOptions#warmUp}, {@link Search#warm}) before
 * they take work; the results are those of any number of workers.
 */
class WarmUpTest {
    /** Lesson 1 part 2, the convoy: about 52,000 transitions, 24,000 distinct states, three outcomes. */
    private static Scenario convoy() throws Exception {
        return LessonLoader.load(LessonLoader.lessonsDirectory().resolve("01-mmap-sem-convoy.yaml")).parts().get(1)
                .scenario();
    }

    @Test
    void beforeTheWarmUpTheFirstWorkerSearchesAloneAndFindsWhatOneWorkerFinds() throws Exception {
        Scenario sc = convoy();
        ExploreResult one = Explorer.run(sc, ExploreOptions.defaults().withThreads(1));
        /* more transitions than this JVM will ever make: the second worker never takes work */
        ExploreResult alone = Explorer.run(sc, ExploreOptions.defaults().withThreads(2).withWarmUp(Long.MAX_VALUE));
        assertTrue(alone.complete());
        assertEquals(2, alone.stats().workers());
        assertEquals(1, alone.stats().tasks(), "the root only: no work handed to the second worker");
        assertEquals(one.stats().states(), alone.stats().states(), "the transitions of one worker, exactly");
        assertEquals(one.stats().distinctStates(), alone.stats().distinctStates());
        assertEquals(ReductionEquivalenceTest.outcomes(one), ReductionEquivalenceTest.outcomes(alone));
        assertEquals(one.findings().size(), alone.findings().size());
        assertTrue(alone.stats().warmUpNanos() > 0, "the second worker waited until the search ended");
    }

    @Test
    void aWarmJvmStartsEveryWorkerAtOnce() throws Exception {
        Scenario sc = convoy();
        ExploreResult one = Explorer.run(sc, ExploreOptions.defaults().withThreads(1));
        ExploreResult two = Explorer.run(sc, ExploreOptions.defaults().withThreads(2).withWarmUp(0));
        assertTrue(two.complete());
        assertEquals(one.stats().distinctStates(), two.stats().distinctStates());
        assertEquals(ReductionEquivalenceTest.outcomes(one), ReductionEquivalenceTest.outcomes(two));
        assertEquals(0, two.stats().warmUpNanos(), "no wait: 0 transitions are always made");
    }

    @Test
    void aNegativeWarmUpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.defaults().withWarmUp(-1));
    }

    @Test
    void theLibraryStartsEveryWorkerAtOnce() {
        assertEquals(0, ExploreOptions.defaults().warmUp());
    }
}
