package org.vmalab.engine.sched;

import java.util.Objects;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Regs;

/**
 * The part of a simulated thread that is not in {@link Memory}: its continuation, as the action it runs next ({@code
 * first}, null when there is none) and the {@code rest}, its registers and the index of the operation it runs.
 * Immutable. The first action needs no {@link Cont} cell: a step that takes one action off and pushes one (most
 * steps) makes no cell, and a step that changes nothing (a spin) keeps its state object. It carries its hash
 * ({@link #hash()}, made once with it): a fingerprint reads it, and a restore that puts the object back puts its hash
 * back.
 */
final class ThreadState {
    static final ThreadState INITIAL = new ThreadState(null, null, Regs.INITIAL, -1);

    private final Action first;
    private final Cont rest;
    private final Regs regs;
    private final int op;
    private final long hash;

    ThreadState(Action first, Cont rest, Regs regs, int op) {
        this.first = first;
        this.rest = rest;
        this.regs = regs;
        this.op = op;
        this.hash = Machine.threadHash(first, rest, regs, op);
    }

    Action first() {
        return first;
    }

    Cont rest() {
        return rest;
    }

    Regs regs() {
        return regs;
    }

    int op() {
        return op;
    }

    /** {@code Machine.threadHash} of this state: equal states, equal hashes. */
    long hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ThreadState s && hash == s.hash && op == s.op && regs.equals(s.regs)
                && Objects.equals(first, s.first) && Objects.equals(rest, s.rest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ThreadState[first=" + first + ", rest=" + rest + ", regs=" + regs + ", op=" + op + "]";
    }
}
