package org.vmalab.lesson;

import java.util.List;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;

/**
 * One run of a lesson: a scenario, the schedule it is played with, and what is said and asked along the way.
 *
 * @param summary   one line for the part list, or ""
 * @param schedule  the schedule to play; for an {@code explore} part, round-robin (a first run to look at)
 * @param explore   the file says {@code schedule: explore}: the interesting runs are found by the explorer
 * @param narration in file order (see {@link #timeline(Trace)} for them in step order)
 */
public record Part(String title, String summary, Scenario scenario, Schedule schedule, boolean explore,
                   List<Narration> narration, List<Checkpoint> checkpoints, Expectation expect, SourcePos pos) {
    public Part {
        narration = List.copyOf(narration);
        checkpoints = List.copyOf(checkpoints);
    }

    /** {@code Engine.run(scenario(), schedule())}. */
    public Trace run() {
        return Engine.run(scenario, schedule);
    }

    /** The narration and checkpoints placed on the steps of {@code t} (this part's run, or a variation of it). */
    public CueTimeline timeline(Trace t) {
        return CueTimeline.of(this, t);
    }
}
