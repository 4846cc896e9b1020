package org.vmalab.engine.sched;

/** A persistent stack of actions: the rest of a thread's program. {@code null} is the empty continuation. */
public record Cont(Action head, Cont tail) {
}
