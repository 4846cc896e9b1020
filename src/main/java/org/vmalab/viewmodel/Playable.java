package org.vmalab.viewmodel;

import java.util.Objects;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;

/**
 * What the player plays: a scenario, the schedule to run it with, and narration. The default scenario is
 * one; a lesson is another (its loader supplies the three parts), so the window needs nothing else to play
 * a lesson.
 *
 * @param id a stable key (a lesson id, or "default")
 */
public record Playable(String id, String title, String summary, Scenario scenario, Schedule schedule,
                       Narration narration) {
    public Playable {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(schedule, "schedule");
        narration = narration == null ? Narration.NONE : narration;
        title = title == null || title.isBlank() ? scenario.title() : title;
        summary = summary == null ? "" : summary;
    }

    /** A bare scenario, round-robin, no narration. */
    public static Playable of(Scenario scenario) {
        return new Playable("scenario", scenario.title(), "", scenario, org.vmalab.engine.sched.Schedule.roundRobin(),
                Narration.NONE);
    }

    /** The same run with another scenario (an edit in the form). */
    public Playable withScenario(Scenario s) {
        return new Playable(id, title, summary, s, schedule, narration);
    }
}
