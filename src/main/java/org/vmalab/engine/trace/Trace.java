package org.vmalab.engine.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.vmalab.engine.Face;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.tree.Vm;

/**
 * An immutable run: the initial state, every step with its stores (old and new values), the schedule
 * actually followed, and how it ended. The same scenario and schedule give an identical trace. Memory per
 * step grows with what the step stored, not with the tree; {@link TraceCursor} materialises any step.
 */
@Face
public final class Trace {
    private final Scenario scenario;
    private final Memory initial;
    private final StepTable steps;
    private final DeltaLog deltas;
    private final List<Integer> scheduleUsed;
    private final Schedule schedule;
    private final Outcome outcome;
    private final String outcomeMessage;
    /** Null until {@link #initialCheck} made them (guarded by this). */
    private List<Violation> initialViolations;
    private List<Violation> violations;
    /** The initial state's checks, to make when first asked for (a trace of no step), or null. */
    private Supplier<List<Violation>> initialCheck;
    private final String[] vmaNames;
    private final String[] threadNames;

    /**
     * @param steps the steps, in order; the trace keeps the table (nobody may add to it afterwards), and the thread
     *              of each step is the schedule used
     */
    Trace(Scenario scenario, Schedule schedule, Memory initial, StepTable steps, DeltaLog deltas,
          Outcome outcome, String outcomeMessage, List<Violation> initialViolations,
          Supplier<List<Violation>> initialCheck, Memory last, String[] threadNames) {
        this.scenario = scenario;
        this.schedule = schedule;
        this.initial = initial;
        this.steps = steps;
        this.deltas = deltas;
        this.scheduleUsed = scenario.protection().relaxed() ? choices(steps, threadNames.length) : steps.threads();
        this.outcome = outcome;
        this.outcomeMessage = outcomeMessage;
        if (initialViolations != null || steps.size() > 0) {
            settle(initialViolations != null ? initialViolations : initialCheck.get());
        } else {
            this.initialCheck = initialCheck;
        }
        int n = Vm.allocated(last);
        this.vmaNames = new String[n];
        for (int i = 0; i < n; i++) {
            vmaNames[i] = last.name(i);
        }
        this.threadNames = threadNames.clone();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The schedule the run was asked to follow. */
    public Schedule schedule() {
        return schedule;
    }

    /** Number of steps. */
    public int size() {
        return steps.size();
    }

    /** Step {@code i}, 1-based (the state after it is cursor index {@code i}). */
    public StepRecord step(int i) {
        return steps.get(i);
    }

    /** Every step, in order (each record is made when it is read). */
    public List<StepRecord> steps() {
        return steps.asList();
    }

    /** The thread index of every step: replaying it with {@link Schedule.Policy#STOP} gives this trace. */
    /**
     * The schedule's choices with RELAXED_STORES: a flush step is its thread's, and its choice is the flush choice
     * {@code threads + thread * K + k} (its {@code b} is {@code k}).
     */
    private static List<Integer> choices(StepTable steps, int threads) {
        int k = StoreBuffer.choicesPerThread(threads);
        List<Integer> out = new ArrayList<>(steps.size());
        for (int i = 1; i <= steps.size(); i++) {
            StepRecord r = steps.get(i);
            out.add(r.loc() == Loc.SB_FLUSH ? threads + r.thread() * k + r.b() : r.thread());
        }
        return Collections.unmodifiableList(out);
    }

    public List<Integer> scheduleUsed() {
        return scheduleUsed;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String outcomeMessage() {
        return outcomeMessage;
    }

    /** The initial violations, then every step's. */
    public synchronized List<Violation> violations() {
        settle();
        return violations;
    }

    /**
     * Violations found in the initial layout (before any step). For a trace of no step they are made at the first
     * call, on the thread that asks (another thread asking meanwhile waits for them).
     */
    public synchronized List<Violation> initialViolations() {
        settle();
        return initialViolations;
    }

    private void settle() {
        if (initialCheck != null) {
            settle(initialCheck.get());
            initialCheck = null;
        }
    }

    private void settle(List<Violation> initial) {
        initialViolations = List.copyOf(initial);
        List<Violation> all = new ArrayList<>(initial);
        for (int i : steps.violationSteps()) {
            all.addAll(steps.get(i).violations());
        }
        violations = Collections.unmodifiableList(all);
    }

    /** Index of the first step with a violation, or -1. */
    public int firstViolationStep() {
        int[] v = steps.violationSteps();
        return v.length == 0 ? -1 : v[0];
    }

    public String vmaName(int id) {
        return id == Memory.NIL ? "NULL" : id >= 0 && id < vmaNames.length ? vmaNames[id] : "vma" + id;
    }

    public int vmaCount() {
        return vmaNames.length;
    }

    public String threadName(int t) {
        return t >= 0 && t < threadNames.length ? threadNames[t] : "-";
    }

    public String[] threadNames() {
        return threadNames.clone();
    }

    public int threadCount() {
        return threadNames.length;
    }

    Memory initialMemory() {
        return initial;
    }

    DeltaLog deltas() {
        return deltas;
    }

    /** Number of stores recorded by step {@code i}. */
    public int storeCount(int i) {
        return steps.deltaTo(i) - steps.deltaFrom(i);
    }

    /** What step {@code i} stored, typed and in words, in the order it stored it. */
    public List<Change> changes(int i) {
        StepRecord s = step(i);
        List<Change> out = new ArrayList<>(s.deltaTo() - s.deltaFrom());
        for (int k = s.deltaFrom(); k < s.deltaTo(); k++) {
            out.add(Views.change(this, deltas.field(k), deltas.object(k), deltas.oldValue(k), deltas.newValue(k)));
        }
        return Collections.unmodifiableList(out);
    }

    /** A cursor at the initial state. */
    public TraceCursor cursor() {
        return new TraceCursor(this);
    }

    /** The caption of step {@code i} ("Insert case 3 (mirror): left rotate at gparent: ..."). */
    public String caption(int i) {
        return Captions.of(this, step(i));
    }

    /** Approximate bytes held by the recorded steps and stores (not the initial state). */
    public long recordedBytes() {
        return deltas.bytes() + steps.bytes();
    }

    /** Indices of the steps at which a thread starts a new operation. */
    public List<Integer> operationStarts() {
        List<Integer> out = new ArrayList<>();
        int[] op = new int[threadNames.length];
        java.util.Arrays.fill(op, -1);
        int opField = Field.T_OP.ordinal();
        for (int i = 1; i <= steps.size(); i++) {
            int t = steps.thread(i);
            for (int k = steps.deltaFrom(i); k < steps.deltaTo(i); k++) {
                if (deltas.field(k).ordinal() == opField && deltas.object(k) == t) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }
}
