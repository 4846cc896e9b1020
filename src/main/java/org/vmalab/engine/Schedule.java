package org.vmalab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which thread runs each step: an explicit prefix of thread indices, then a policy. A schedule is a small
 * value; with the seed it replays the same trace. {@link Trace#scheduleUsed()} is the explicit schedule
 * that a run actually followed.
 *
 * @param bound the run stops (reported as BOUND, never as a pass) after this many steps
 */
public record Schedule(List<Integer> prefix, Policy policy, long seed, int bound) {
    public static final int DEFAULT_BOUND = 100_000;

    /** What happens after the explicit prefix. */
    public enum Policy {
        /** Each runnable thread in turn, one step each, starting after the last one that ran. */
        ROUND_ROBIN,
        /** A runnable thread chosen by a seeded generator. */
        RANDOM,
        /** Stop when the prefix is used up. */
        STOP,
        /** The lowest-numbered runnable thread runs until it blocks or ends. */
        IN_ORDER
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

    public static Schedule explicit(List<Integer> threads) {
        return new Schedule(threads, Policy.STOP, 0, DEFAULT_BOUND);
    }

    public Schedule then(Policy p) {
        return new Schedule(prefix, p, seed, bound);
    }

    public Schedule withBound(int b) {
        return new Schedule(prefix, policy, seed, b);
    }

    /** The first {@code n} choices of this schedule's prefix followed by {@code thread}. */
    public static Schedule choose(List<Integer> used, int n, int thread, Policy then) {
        List<Integer> p = new ArrayList<>(used.subList(0, Math.min(n, used.size())));
        p.add(thread);
        return new Schedule(p, then, 0, DEFAULT_BOUND);
    }
}
