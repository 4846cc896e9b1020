package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.explore.Schedules;

/** The two ways a schedule is said in words share one reading of its runs. */
class ScheduleShapeTest {
    static final String[] NAMES = {"T1", "T2"};

    @Test
    void runsOfOneThreadAreCounted() {
        assertEquals(List.of(new Schedules.Run(0, 2), new Schedules.Run(1, 1), new Schedules.Run(0, 1)),
                Schedules.runs(List.of(0, 0, 1, 0)));
        assertEquals(List.of(), Schedules.runs(List.of()));
    }

    @Test
    void theExplorerAndTheLearnerSayTheSameScheduleTheirWay() {
        List<Integer> s = List.of(0, 0, 0, 1, 1, 5);
        assertEquals("T1 x3 -> T2 x2 -> T? x1", Schedules.shape(s, NAMES));
        assertEquals("T1 ×3 → T2 ×2 → T?", ChallengeRun.shape(s, NAMES));
        assertEquals("no step", ChallengeRun.shape(List.of(), NAMES));
    }
}
