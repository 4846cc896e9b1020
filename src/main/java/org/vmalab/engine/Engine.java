package org.vmalab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.sched.Waits;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.StepTable;
import org.vmalab.engine.trace.Trace;

/**
 * {@code Trace run(Scenario, Schedule)}: the one entry point every other part uses. Deterministic: no
 * clock, no unseeded randomness; the same scenario and schedule give the same trace, store for store.
 */
public final class Engine {
    private Engine() {
    }

    public static Trace run(Scenario sc, Schedule schedule) {
        return run(sc, schedule, CheckLevel.FULL);
    }

    public static Trace run(Scenario sc, Schedule schedule, CheckLevel level) {
        return run(sc, schedule, level, null);
    }

    /** Progress callback for long runs (the window runs them off the FX thread). */
    public interface Progress {
        /** Called every few thousand steps; return false to stop (the run ends as BOUND). */
        boolean step(int done, int bound);
    }

    /**
     * The engine as the explorer drives it: the scenario's initial state, stepped one thread at a time, saved,
     * restored and fingerprinted ({@link Explorable}).
     *
     * @throws ScenarioException when the initial layout cannot be built
     */
    public static Explorable explorable(Scenario sc, CheckLevel level) {
        Machine m = new Machine(sc, level);
        m.fingerprint(); /* turns the memory hash on before the first step */
        m.declareFootprints();
        return m;
    }

    public static Trace run(Scenario sc, Schedule schedule, CheckLevel level, Progress progress) {
        /* a run without threads takes no step: its initial checks are made when the trace is first asked for them,
           maybe on another thread while its first scene is built (an import of a million VMAs) */
        boolean later = sc.threads().isEmpty();
        Machine mach = later ? Machine.checkingLater(sc, level) : new Machine(sc, level);
        int n = mach.threadCount();
        /* a run without threads (an import) takes no step: its initial memory is the machine's own, not a copy of it
           (the columns of a million VMAs are 130 MB) */
        Memory initial = n == 0 ? mach.memory() : mach.memory().copy();
        StepTable steps = new StepTable();
        /* the policies run the threads; flush choices (RELAXED_STORES) are taken only when the schedule names them */
        int real = mach.programThreads();
        SplittableRandom rnd = new SplittableRandom(schedule.seed());
        int rr = 0;
        int slot = 0;
        int inSlot = 0;
        Outcome outcome;
        String message;
        while (true) {
            if (mach.allDone()) {
                outcome = Outcome.COMPLETE;
                message = "every thread finished";
                break;
            }
            if (steps.size() >= schedule.bound()) {
                outcome = Outcome.BOUND;
                message = "stopped at the bound of " + schedule.bound() + " steps: " + waiting(mach);
                break;
            }
            if (progress != null && steps.size() % 4096 == 0 && steps.size() > 0
                    && !progress.step(steps.size(), schedule.bound())) {
                outcome = Outcome.BOUND;
                message = "cancelled after " + steps.size() + " steps";
                break;
            }
            if (!mach.anyEnabled()) {
                outcome = Outcome.DEADLOCK;
                message = "deadlock: no thread can run; " + waiting(mach);
                break;
            }
            int k = steps.size();
            int t;
            while (slot < schedule.prefix().size() && slotDone(schedule.prefix().get(slot), inSlot, mach)) {
                slot++;
                inSlot = 0;
            }
            if (slot < schedule.prefix().size()) {
                Schedule.Slot sl = schedule.prefix().get(slot);
                t = sl.thread();
                if (t < 0 || t >= n) {
                    outcome = Outcome.INVALID_SCHEDULE;
                    message = "schedule position " + (k + 1) + ": there is no thread " + t;
                    break;
                }
                if (!mach.enabled(t)) {
                    outcome = Outcome.INVALID_SCHEDULE;
                    message = "schedule position " + (k + 1) + ": " + mach.threadName(t) + " cannot run ("
                            + (t >= real ? "its store buffer has no such entry" : mach.done(t) ? "it has finished"
                            : "it is asleep: "
                            + Waits.describe(mach.memory(), t, mach.threadNames())) + ")";
                    break;
                }
                inSlot++;
                if (t < real) {
                    rr = (t + 1) % real;
                }
            } else if (schedule.policy() == Schedule.Policy.STOP) {
                outcome = Outcome.STOPPED;
                message = "the schedule ends here";
                break;
            } else if (schedule.policy() == Schedule.Policy.RANDOM) {
                int[] en = new int[real];
                int c = 0;
                for (int i = 0; i < real; i++) {
                    if (mach.enabled(i)) {
                        en[c++] = i;
                    }
                }
                t = en[rnd.nextInt(c)];
            } else if (schedule.policy() == Schedule.Policy.IN_ORDER) {
                t = 0;
                while (!mach.enabled(t)) {
                    t++;
                }
            } else {
                t = rr;
                while (!mach.enabled(t)) {
                    t = (t + 1) % real;
                }
                rr = (t + 1) % real;
            }
            StepRecord rec = mach.step(t);
            if (slot < schedule.prefix().size() && schedule.prefix().get(slot).untilBlocked() && rec.waiting()) {
                slot++;
                inSlot = 0;
            }
            steps.add(rec);
        }
        if (outcome == Outcome.COMPLETE && steps.size() > 0) {
            StepRecord last = steps.get(steps.size());
            List<Violation> fin = mach.finalCheck(last);
            if (mach.finalCheckRan(last)) {
                steps.replaceLast(last.with(fin, StepRecord.CHECK_QUIESCENT));
            }
        }
        return Recording.trace(sc, schedule, initial, steps, mach.log().handOver(), outcome, message,
                later ? null : mach.initialViolations(), later ? mach::initialViolations : null, mach.memory(),
                mach.threadNames());
    }

    /** Is this slot used up? An until-blocked slot ends when its thread can no longer run. */
    private static boolean slotDone(Schedule.Slot s, int inSlot, Machine mach) {
        if (s.untilBlocked()) {
            return s.thread() >= 0 && s.thread() < mach.threadCount() && !mach.enabled(s.thread());
        }
        return inSlot >= s.count();
    }

    private static String waiting(Machine mach) {
        StringBuilder b = new StringBuilder();
        String[] names = mach.threadNames();
        for (int t = 0; t < mach.programThreads(); t++) {
            if (mach.done(t)) {
                continue;
            }
            String w = Waits.describe(mach.memory(), t, names);
            b.append(b.length() > 0 ? "; " : "").append(names[t]).append(' ')
                    .append(Status.name(mach.memory().get(Field.T_STATUS, t)))
                    .append(w.isEmpty() ? "" : " (" + w + ")");
        }
        return b.toString();
    }
}
