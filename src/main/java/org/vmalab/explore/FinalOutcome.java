package org.vmalab.explore;

import java.util.List;
import org.vmalab.engine.sched.Schedule;

/**
 * A distinct way the scenario can end: what each thread's last operation returned and a short summary of the
 * final state. Final states that print the same are grouped.
 *
 * @param text        one line: "T1: SIGSEGV; T2: 0 | tree: 6 VMAs, freed: heap, PTEs: 0"
 * @param threads     per thread, its last outcome ("SIGSEGV", "handled speculatively", "returns heap", ...)
 * @param state       the final state in a few words
 * @param deadlock    the run cannot finish from here (some thread never completes)
 * @param finalStates distinct final states with this text
 * @param example     a shortest schedule to one of them (thread per step)
 */
public record FinalOutcome(String text, List<String> threads, String state, boolean deadlock, long finalStates,
                           List<Integer> example, Schedule schedule) {
    public FinalOutcome {
        threads = List.copyOf(threads);
        example = List.copyOf(example);
    }
}
