package org.vmalab.explore;

import java.util.List;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Schedule;

/**
 * One kind of bad outcome the search found, with its shortest schedule.
 *
 * @param kind        the grouping key: {@link Violation#kind()} (invariant and the first words of the message), or
 *                    "DEADLOCK" for a state where no thread can make progress
 * @param invariant   the invariant broken, null for a deadlock
 * @param example     the violation as reported on the last step of {@link #threads()} (null for a deadlock)
 * @param summary     plain words: what happened and how to get there
 * @param threads     the shortest schedule as the thread of each step; replayed with {@link #schedule()}
 * @param schedule    {@code threads} as an engine schedule of explicit slots (policy STOP): {@code Engine.run}
 *                    reproduces the violation on its last step (a deadlock: the run ends DEADLOCK)
 * @param shortest    true when {@code threads} is a shortest schedule to this kind in the explored state graph
 * @param occurrences how many explored transitions (or final states) showed this kind
 */
public record Finding(String kind, Category category, Invariant invariant, Violation example, String summary,
                      List<Integer> threads, Schedule schedule, boolean shortest, long occurrences) {
    /** What kind of finding. */
    public enum Category { VIOLATION, DEADLOCK }

    public Finding {
        threads = List.copyOf(threads);
    }

    /** A design rule broken (lock and reference rules), not a consequence: listed after the consequences. */
    public boolean rule() {
        return invariant != null && invariant.rule();
    }

    /** Number of steps of the shortest schedule. */
    public int steps() {
        return threads.size();
    }
}
