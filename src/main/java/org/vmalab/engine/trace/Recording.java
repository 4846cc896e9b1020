package org.vmalab.engine.trace;

import java.util.List;
import java.util.function.Supplier;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.sched.Schedule;

/**
 * The engine's own side of a trace, in raw words: making one from what a run recorded, its stores one by one,
 * and the words at a cursor's index. Not part of the face: outside the engine a trace is read through its typed
 * views ({@link TraceCursor#vma(int)}, {@link Trace#changes(int)}, ...).
 */
public final class Recording {
    private Recording() {
    }

    /**
     * The trace of a finished run.
     *
     * @param steps the steps, in order; the trace keeps the table (nobody may add to it afterwards), and the
     *              thread of each step is the schedule used
     */
    public static Trace trace(Scenario scenario, Schedule schedule, Memory initial, StepTable steps, DeltaLog deltas,
                              Outcome outcome, String outcomeMessage, List<Violation> initialViolations, Memory last,
                              String[] threadNames) {
        return trace(scenario, schedule, initial, steps, deltas, outcome, outcomeMessage, initialViolations, null,
                last, threadNames);
    }

    /**
     * As above, the initial violations given now or, for a trace of no step, made by {@code initialCheck} when first
     * asked for ({@link Trace#initialViolations()}).
     */
    public static Trace trace(Scenario scenario, Schedule schedule, Memory initial, StepTable steps, DeltaLog deltas,
                              Outcome outcome, String outcomeMessage, List<Violation> initialViolations,
                              Supplier<List<Violation>> initialCheck, Memory last, String[] threadNames) {
        return new Trace(scenario, schedule, initial, steps, deltas, outcome, outcomeMessage, initialViolations,
                initialCheck, last, threadNames);
    }

    /** One recorded store. */
    public record Store(Field field, int object, long oldValue, long newValue) {
    }

    /** Store {@code k} of the whole run: field, object, old and new value. */
    public static Store store(Trace t, int k) {
        DeltaLog d = t.deltas();
        return new Store(d.field(k), d.object(k), d.oldValue(k), d.newValue(k));
    }

    /** The raw words at the cursor's index (VMA names from the trace). */
    public static StateView words(TraceCursor c) {
        return c.words;
    }
}
