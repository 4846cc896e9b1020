package org.vmalab.engine.memory;

/**
 * The words of simulated memory, read and written: what kernel code runs against. {@link Memory} is one; a
 * kernel execution context ({@code engine.mm.Kx}) is another, which passes every store on to its memory.
 */
public interface WritableState extends StateView {
    /** One store. */
    void set(Field f, int obj, long value);

    /** One store into the mm. */
    default void setMm(Field f, long value) {
        set(f, 0, value);
    }
}
