package org.vmalab.engine.sched;

/** A persistent stack of actions: the rest of a thread's program. {@code null} is the empty continuation. */
public record Cont(Action head, Cont tail) {
    /** Pushes {@code as} so that {@code as[0]} runs first. */
    static Cont pushAll(Cont c, Action... as) {
        for (int i = as.length - 1; i >= 0; i--) {
            c = new Cont(as[i], c);
        }
        return c;
    }
}
