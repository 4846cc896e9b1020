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
 * @param challenge  the learner is the scheduler and has a goal, or null; {@code schedule} is then a solution
 *                   (the run {@code validate} prints and the golden trace records), not what the learner sees
 * @param optional   a drill the learner may skip: the lesson is done without it
 * @param doneTitle  the title shown once the part is done; {@code title} must not give the answer away
 */
public record Part(String title, String summary, Scenario scenario, Schedule schedule, boolean explore,
                   List<Narration> narration, List<Checkpoint> checkpoints, Expectation expect, Challenge challenge,
                   boolean optional, String doneTitle, SourcePos pos) {
    public Part {
        narration = List.copyOf(narration);
        checkpoints = List.copyOf(checkpoints);
        doneTitle = doneTitle == null || doneTitle.isBlank() ? title : doneTitle;
    }

    /** The title to show: {@link #doneTitle()} once the part is done, else the neutral {@link #title()}. */
    public String title(boolean done) {
        return done ? doneTitle : title;
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
