package org.vmalab.engine.sched;

import org.vmalab.engine.mm.Kx;

/**
 * A step whose effect depends on other threads: a lock that may spin, a reference drop whose result
 * depends on readers, the PTE zap. In a plan it is kept as an action and runs at its own time; in fast
 * mode {@link #fast} runs it at once.
 */
public interface Dyn extends Action {
    void fast(Kx k);
}
