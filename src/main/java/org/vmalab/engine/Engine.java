package org.vmalab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

    public static Trace run(Scenario sc, Schedule schedule, CheckLevel level, Progress progress) {
        Machine mach = new Machine(sc, level);
        Memory initial = mach.memory().copy();
        List<StepRecord> steps = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        int n = mach.threadCount();
        SplittableRandom rnd = new SplittableRandom(schedule.seed());
        int rr = 0;
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
            if (k < schedule.prefix().size()) {
                t = schedule.prefix().get(k);
                if (t < 0 || t >= n) {
                    outcome = Outcome.INVALID_SCHEDULE;
                    message = "schedule position " + (k + 1) + ": there is no thread " + t;
                    break;
                }
                if (!mach.enabled(t)) {
                    outcome = Outcome.INVALID_SCHEDULE;
                    message = "schedule position " + (k + 1) + ": " + mach.threadName(t) + " cannot run ("
                            + (mach.done(t) ? "it has finished" : "it is asleep: "
                            + Waits.describe(mach.memory(), t, mach.threadNames())) + ")";
                    break;
                }
                rr = (t + 1) % n;
            } else if (schedule.policy() == Schedule.Policy.STOP) {
                outcome = Outcome.STOPPED;
                message = "the schedule ends here";
                break;
            } else if (schedule.policy() == Schedule.Policy.RANDOM) {
                int[] en = new int[n];
                int c = 0;
                for (int i = 0; i < n; i++) {
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
                    t = (t + 1) % n;
                }
                rr = (t + 1) % n;
            }
            steps.add(mach.step(t));
            used.add(t);
        }
        return new Trace(sc, schedule, initial, steps, mach.log().frozenCopy(), used, outcome, message,
                mach.initialViolations(), mach.memory(), mach.threadNames());
    }

    private static String waiting(Machine mach) {
        StringBuilder b = new StringBuilder();
        String[] names = mach.threadNames();
        for (int t = 0; t < mach.threadCount(); t++) {
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
