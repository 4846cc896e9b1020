package org.vmalab.engine.memory;

import org.vmalab.engine.trace.TraceCursor;

/**
 * Read-only access to the simulated memory at one moment: what the view, the checker and the exporters
 * read. {@link Memory} implements it; {@link TraceCursor} hands one out for any step of a trace.
 */
public interface StateView {
    long get(Field f, int obj);

    long mm(Field f);

    int vmaCapacity();

    int threadCount();

    int pteSlots();

    /** The VMA's name ({@code "NULL"} for NIL). */
    String name(int vma);
}
