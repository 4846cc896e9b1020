package org.vmalab.lesson;

import java.util.List;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/**
 * A part in which the learner is the scheduler and has a goal ("make T1 read heap after it is freed"): the
 * learner picks each step; the goal is reached at the first step that matches {@link #goal()} (or when the run
 * ends in a deadlock, for a {@link #deadlock()} goal). Hints unlock one at a time; {@link #maxSteps()} bounds a
 * try. With {@link #patchUnreachable()} the lesson promises that the same goal cannot be reached with the patch:
 * {@code validate} and the window prove it with the explorer's complete search.
 *
 * @param text             the goal in the learner's words
 * @param goal             the event that reaches the goal, or null for a deadlock goal
 * @param deadlock         the goal is a run in which no thread can go on
 * @param hints            revealed one at a time, in order
 * @param maxSteps         the longest schedule the learner may build
 * @param patchUnreachable the same goal with the patch must be unreachable (and the window proves it)
 */
public record Challenge(String text, Anchor.Event goal, boolean deadlock, List<String> hints, int maxSteps,
                        boolean patchUnreachable, SourcePos pos) {
    /** Longest step limit a file may ask for. */
    public static final int MAX_STEPS = 2_000;

    public Challenge {
        hints = List.copyOf(hints);
        if ((goal == null) != deadlock) {
            throw new IllegalArgumentException("a goal is an event or a deadlock");
        }
    }

    /** The invariant whose violation the goal asks for, or null (a deadlock, or an event without a violation). */
    public Invariant invariant() {
        return goal == null ? null : goal.invariant();
    }

    /** Can the explorer decide this goal (a violation or a deadlock)? */
    public boolean explorable() {
        return deadlock || goal.violation();
    }

    /** The step (1-based) at which {@code t} reaches the goal, or -1. A deadlock goal is reached at the last step. */
    public int reachedAt(Trace t) {
        if (deadlock) {
            return t.outcome() == Outcome.DEADLOCK ? t.size() : -1;
        }
        for (int i = 1; i <= t.size(); i++) {
            if (goal.matches(t, i)) {
                return i;
            }
        }
        return -1;
    }
}
