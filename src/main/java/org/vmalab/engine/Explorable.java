package org.vmalab.engine;

import java.util.List;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Footprint;
import org.vmalab.engine.trace.StepRecord;

/**
 * The engine as the explorer sees it: one running scenario whose threads are stepped one at a time, whose state
 * is saved and restored, identified by a fingerprint, and whose steps say what they touched. Made by
 * {@link Engine#explorable}; one per search thread (not thread-safe).
 *
 * <pre>{@code
 * Explorable m = Engine.explorable(scenario, CheckLevel.FULL);
 * Explorable.Mark start = m.save();
 * StepRecord r = m.step(0);               // thread 0 runs one step
 * long fp = m.fingerprint();              // the same state gives the same number, on every instance
 * Footprint f = m.footprint();            // what that step read and wrote
 * m.restore(start);                       // back to the state before it
 * }</pre>
 */
public interface Explorable {
    /** A saved state of this instance (only {@link #restore} on the same instance reads it). */
    interface Mark {
    }

    /**
     * The scheduling choices: the scenario's threads first ({@link #programThreads}), then, with RELAXED_STORES,
     * each thread's store-buffer flush choices. The explorer picks among all of them.
     */
    int threadCount();

    /** The scenario's threads: the first choices; {@link #threadNames} names them. */
    default int programThreads() {
        return threadCount();
    }

    String[] threadNames();

    /** Violations of the initial layout, before any step. */
    List<Violation> initialViolations();

    /** Can thread {@code t} be scheduled (not asleep, not finished)? A spinning thread can: it burns a step. */
    boolean enabled(int t);

    boolean done(int t);

    boolean allDone();

    /** Runs one step of {@code t} (it must be {@link #enabled}). */
    StepRecord step(int t);

    /**
     * Runs one step of {@code t} as {@link #step} does, for a search: what the step did is not recorded, only its
     * violations are returned (an empty list when there are none); {@link #idle} and {@link #footprint} answer for it
     * as for {@link #step}.
     */
    default List<Violation> advance(int t) {
        return step(t).violations();
    }

    /**
     * Did the step just taken change nothing but its thread's spin counter (a spin that leaves the state as it
     * was, which nothing can tell from not having run)?
     */
    boolean idle();

    /**
     * What the step just taken read and wrote (two steps are independent when their footprints say so). The instance
     * is reused by the next step: keep a copy ({@code new Footprint(f)}, {@link Footprint#copyFrom}).
     */
    Footprint footprint();

    /**
     * The step just taken's {@link #footprint}, handed over to keep (the machine will not change it again): the next
     * steps declare theirs into {@code spare} instead, a footprint the caller no longer needs (or into a new one when
     * it is null). A search keeps the footprints of its sleep sets this way without copying them.
     */
    default Footprint takeFootprint(Footprint spare) {
        return new Footprint(footprint());
    }

    /**
     * A 64-bit fingerprint of the whole state: every word of memory and every thread's continuation. It depends
     * on the state alone, not on the instance or on the order in which the state's names were met.
     */
    long fingerprint();

    /**
     * The classes of interchangeable threads: threads that run the same program in the same role, two or more to a
     * class (ascending thread ids). Renaming the threads of a class maps states to states, schedules to schedules and
     * findings to findings (the explorer's symmetry reduction). Empty when no two threads are alike.
     */
    default int[][] interchangeableThreads() {
        return new int[0][];
    }

    /**
     * The fingerprint of this state's orbit: equal for two states exactly when one is the other with the threads of
     * each class of {@link #interchangeableThreads} renamed (up to a 64-bit hash collision, as for
     * {@link #fingerprint}). It depends on the state alone. The state is renamed to one representative of its orbit;
     * {@code order} (null, or as long as {@link #threadCount}) receives that renaming of the scheduling choices:
     * choice {@code c} here is choice {@code order[c]} in the representative. Without interchangeable threads it is
     * {@link #fingerprint} and {@code order} is the identity.
     */
    default long canonicalFingerprint(int[] order) {
        if (order != null) {
            for (int c = 0; c < order.length; c++) {
                order[c] = c;
            }
        }
        return fingerprint();
    }

    /**
     * How many states are renamings of this one by {@link #interchangeableThreads} (itself included): fewer than all
     * renamings when some interchangeable threads are alike in every respect (renaming them gives the state itself).
     */
    default long orbitSize() {
        return 1;
    }

    /**
     * Scheduling choice {@code choice} once thread {@code t} is renamed {@code threads[t]} (a permutation of the
     * scenario's threads): a thread's choice is the renamed thread's, its store-buffer flush choices follow it.
     */
    default int renameChoice(int choice, int[] threads) {
        return choice < threads.length ? threads[choice] : choice;
    }

    Mark save();

    /**
     * Saves the state into {@code reuse}, a mark this instance made that is no longer needed (its state is forgotten),
     * or into a new mark when {@code reuse} is null: a search saves a state at every step and keeps few at a time.
     */
    default Mark save(Mark reuse) {
        return save();
    }

    /** Back to a state this instance saved (every later store is undone). */
    void restore(Mark mark);

    /** The quiescent checks of a final state (none while a writer holds mmap_sem). */
    List<Violation> finalCheck();

    /**
     * How thread {@code t} ended, in a few words: its last operation's result ("returns heap", "SIGSEGV",
     * "handled speculatively"), "done", or "stuck, blocked (why)" when it did not finish.
     */
    String threadOutcome(int t);

    /** Thread {@code t}'s scheduling state and what it waits for ("blocked (mmap_sem is write-held by T2)"). */
    String threadState(int t);

    /** The state in one line: VMAs in the tree, the freed ones, PTEs (and those outside every VMA). */
    String stateSummary();
}
