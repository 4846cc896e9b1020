package org.vmalab.engine.sched;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.Face;
import org.vmalab.engine.trace.Trace;

/**
 * Which thread runs each step: an explicit prefix of slots, then a policy. A schedule is a small value;
 * with its seed it replays the same trace. {@link Trace#scheduleUsed()} is the explicit list of threads
 * that a run actually followed.
 *
 * @param bound the run stops (reported as BOUND, never as a pass) after this many steps
 */
@Face
public record Schedule(List<Slot> prefix, Policy policy, long seed, int bound) {
    public static final int DEFAULT_BOUND = 100_000;

    /** What happens after the explicit prefix. */
    public enum Policy {
        /** Each runnable thread in turn, one step each, starting after the last one that ran. */
        ROUND_ROBIN,
        /** A runnable thread chosen by a seeded generator. */
        RANDOM,
        /** Stop when the prefix is used up. */
        STOP,
        /** The lowest-numbered runnable thread runs. */
        IN_ORDER
    }

    /**
     * {@code count} steps of {@code thread}; {@link #UNTIL_BLOCKED} runs it until it finishes, spins or
     * sleeps.
     */
    public record Slot(int thread, int count) {
        public static final int UNTIL_BLOCKED = -1;

        public boolean untilBlocked() {
            return count == UNTIL_BLOCKED;
        }
    }

    public Schedule {
        prefix = List.copyOf(prefix);
    }

    public static Schedule roundRobin() {
        return new Schedule(List.of(), Policy.ROUND_ROBIN, 0, DEFAULT_BOUND);
    }

    public static Schedule random(long seed) {
        return new Schedule(List.of(), Policy.RANDOM, seed, DEFAULT_BOUND);
    }

    /** One step per entry, then stop. */
    public static Schedule explicit(List<Integer> threads) {
        return new Schedule(slots(threads), Policy.STOP, 0, DEFAULT_BOUND);
    }

    public static List<Slot> slots(List<Integer> threads) {
        List<Slot> s = new ArrayList<>(threads.size());
        for (int t : threads) {
            s.add(new Slot(t, 1));
        }
        return s;
    }

    public Schedule then(Policy p) {
        return new Schedule(prefix, p, seed, bound);
    }

    public Schedule withBound(int b) {
        return new Schedule(prefix, policy, seed, b);
    }

    public Schedule withSeed(long s) {
        return new Schedule(prefix, policy, s, bound);
    }

    /**
     * "What if {@code thread} ran now?": the first {@code n} threads actually used, then {@code thread}, then
     * {@code then}.
     */
    public static Schedule choose(List<Integer> used, int n, int thread, Policy then) {
        List<Integer> p = new ArrayList<>(used.subList(0, Math.min(n, used.size())));
        p.add(thread);
        return new Schedule(slots(p), then, 0, DEFAULT_BOUND);
    }
}
