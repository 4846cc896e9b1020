package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.lesson.BuiltinLessons;

/** {@code check} lets the first worker search alone while a cold JVM compiles the search, and says how long. */
class CheckWarmUpTest {
    @Test
    void checkWaitsForTheJvmsFirstMillionTransitions() {
        assertEquals(ExploreOptions.COLD_JVM_WARM_UP, new CheckCommand().options().warmUp());
        assertEquals(1 << 20, ExploreOptions.COLD_JVM_WARM_UP);
    }

    @Test
    void theJsonSaysHowLongTheOtherWorkersWaited() {
        String id = BuiltinLessons.list().get(0).id();
        LessonsCommandTest.Run r = LessonsCommandTest.run("check", id, "--part", "1", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\"warm_up_ms\": ?[0-9.]+.*"), r.out());
    }
}
