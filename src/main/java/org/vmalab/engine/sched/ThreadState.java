package org.vmalab.engine.sched;

import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Regs;

/**
 * The part of a simulated thread that is not in {@link Memory}: its continuation and registers, and the
 * index of the operation it runs. Immutable.
 */
record ThreadState(Cont cont, Regs regs, int op) {
    static final ThreadState INITIAL = new ThreadState(null, Regs.INITIAL, -1);
}
