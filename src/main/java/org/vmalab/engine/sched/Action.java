package org.vmalab.engine.sched;

/**
 * One piece of a simulated thread's continuation. Running it either records exactly one atomic step
 * (through {@link Exec#step}) or only pushes further actions (control flow, no step). Actions are
 * immutable values (records): a thread's whole future is a persistent stack of them, so the explorer can
 * save and restore a thread by keeping a reference, and hash it by value.
 */
public interface Action {
    void run(Exec x);
}
