package org.vmalab.engine.sched;

import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Regs;

/**
 * The part of a simulated thread that is not in {@link Memory}: its continuation, as the action it runs next ({@code
 * first}, null when there is none) and the {@code rest}, its registers and the index of the operation it runs.
 * Immutable. The first action needs no {@link Cont} cell: a step that takes one action off and pushes one (most
 * steps) makes no cell, and a step that changes nothing (a spin) keeps its state object.
 */
record ThreadState(Action first, Cont rest, Regs regs, int op) {
    static final ThreadState INITIAL = new ThreadState(null, null, Regs.INITIAL, -1);
}
