package org.vmalab.engine.sched;

import org.vmalab.engine.mm.Kx;

/**
 * A step whose effect depends on other threads: a lock that may spin, a reference drop whose result
 * depends on readers, the PTE zap. In a plan it is kept as an action and runs at its own time; in fast
 * mode {@link #fast} runs it at once.
 */
public interface Dyn extends Action {
    void fast(Kx k);

    /**
     * While a plan is computed: the part of the effect the later planned steps read (the stores are rolled back
     * with the plan's, and not captured: {@link #run} makes them again at the step's own time). Most dynamic steps
     * have none (a lock, a reference drop, the zap change nothing a writer's algorithm reads).
     */
    default void planEffect(Kx k) {
    }
}
