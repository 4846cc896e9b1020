package org.vmalab.explore;

import java.util.List;
import org.vmalab.engine.sched.Schedule;

/**
 * The engine threw on some schedule: the schedule that leads to it, so that it can be reproduced.
 *
 * @param scenarioProblem the scenario asks for something the model refuses (a ScenarioException), rather than a
 *                        bug in the model
 */
public record EngineError(String message, List<Integer> threads, Schedule schedule, boolean scenarioProblem) {
    public EngineError {
        threads = List.copyOf(threads);
    }
}
