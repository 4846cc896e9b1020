package org.vmalab.engine.mm;

import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * Where a step of kernel code is recorded: a kernel context ({@link Kx}) when the code runs straight through or
 * into a plan, a thread's step ({@code engine.sched.Exec}) when a reader runs it one step per turn. Lets the two
 * share the code of a step ({@link FindVma#visit}).
 */
public interface Stepper {
    /**
     * Ends one atomic step. {@code a} and {@code b} are the VMA ids the step is about (NIL if none), {@code v} a
     * value for the caption.
     */
    void step(Loc loc, Tag tag, int a, int b, long v);
}
