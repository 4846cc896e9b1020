package org.vmalab.explore;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.sched.Schedule;

/** Turning a thread-per-step list into an engine schedule and into words. */
public final class Schedules {
    private Schedules() {
    }

    /** Explicit slots (consecutive steps of one thread merged into one slot), then STOP. */
    public static Schedule of(List<Integer> threads) {
        List<Schedule.Slot> slots = new ArrayList<>();
        int i = 0;
        while (i < threads.size()) {
            int t = threads.get(i);
            int j = i;
            while (j < threads.size() && threads.get(j) == t) {
                j++;
            }
            slots.add(new Schedule.Slot(t, j - i));
            i = j;
        }
        return new Schedule(slots, Schedule.Policy.STOP, 0, Math.max(Schedule.DEFAULT_BOUND, threads.size() + 1));
    }

    static List<Integer> list(int[] path) {
        List<Integer> l = new ArrayList<>(path.length);
        for (int t : path) {
            l.add(t);
        }
        return l;
    }

    /** A run of consecutive steps of one thread in a schedule. */
    public record Run(int thread, int steps) {
    }

    /** The runs of one thread in {@code threads}, in order (T1 T1 T2 T1 is T1 x2, T2 x1, T1 x1). */
    public static List<Run> runs(List<Integer> threads) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < threads.size()) {
            int t = threads.get(i);
            int j = i;
            while (j < threads.size() && threads.get(j) == t) {
                j++;
            }
            runs.add(new Run(t, j - i));
            i = j;
        }
        return runs;
    }

    /** A thread's name, or "T?" for an index outside {@code names}. */
    public static String name(int thread, String[] names) {
        return thread >= 0 && thread < names.length ? names[thread] : "T?";
    }

    /** "T1 x3 -> T2 x25 -> T1 x2" (runs of one thread), or "no step" for an empty schedule. */
    public static String shape(List<Integer> threads, String[] names) {
        if (threads.isEmpty()) {
            return "no step";
        }
        StringBuilder b = new StringBuilder();
        for (Run r : runs(threads)) {
            b.append(b.length() > 0 ? " -> " : "").append(name(r.thread(), names)).append(" x").append(r.steps());
        }
        return b.toString();
    }
}
