package org.vmalab.engine.sched;

import java.util.Objects;

/**
 * A persistent stack of actions: the rest of a thread's program. {@code null} is the empty continuation. Immutable: a
 * cell carries the hash of itself and its tail ({@link #hash()}), made once when the cell is made, so that a thread's
 * hash ({@code Machine.threadHash}) does not walk its continuation.
 */
public final class Cont {
    /** The hash of the empty continuation, under every cell's. */
    static final long EMPTY_HASH = 0x243F6A8885A308D3L;

    private final Action head;
    private final Cont tail;
    private final long hash;

    public Cont(Action head, Cont tail) {
        this.head = Objects.requireNonNull(head);
        this.tail = tail;
        this.hash = Machine.hashAction(tail == null ? EMPTY_HASH : tail.hash, head);
    }

    public Action head() {
        return head;
    }

    public Cont tail() {
        return tail;
    }

    /** A 64-bit hash of the actions from this cell to the bottom, in order (equal stacks, equal hashes). */
    long hash() {
        return hash;
    }

    /** The same actions, in the same order (as a record of {@code head} and {@code tail} would compare them). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Cont)) {
            return false;
        }
        Cont a = this;
        Cont b = (Cont) o;
        while (a != b) {
            if (a == null || b == null || a.hash != b.hash || !a.head.equals(b.head)) {
                return false;
            }
            a = a.tail;
            b = b.tail;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Cont[");
        for (Cont c = this; c != null; c = c.tail) {
            s.append(c == this ? "" : ", ").append(c.head);
        }
        return s.append(']').toString();
    }
}
