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

    /**
     * The page address in PTE slot {@code slot} (0: empty): {@code get(PTE_ADDR, slot)}, which {@link Memory} reads
     * from its column directly, so that a loop over the slots compiles without the test for a VMA's hot words.
     */
    default long pteAddr(int slot) {
        return get(Field.PTE_ADDR, slot);
    }

    // The words of a VMA that tree walks and gap updates read, one call each (Memory keeps them side by side).

    /** {@code vm_start}. */
    default long vmStart(int v) {
        return get(Field.VM_START, v);
    }

    /** {@code vm_end}. */
    default long vmEnd(int v) {
        return get(Field.VM_END, v);
    }

    /** {@code vm_rb.rb_left}. */
    default int rbLeft(int v) {
        return (int) get(Field.RB_LEFT, v);
    }

    /** {@code vm_rb.rb_right}. */
    default int rbRight(int v) {
        return (int) get(Field.RB_RIGHT, v);
    }

    /** {@code vm_rb.__rb_parent_color}. */
    default long rbParentColor(int v) {
        return get(Field.RB_PC, v);
    }

    /** {@code rb_subtree_gap}. */
    default long rbSubtreeGap(int v) {
        return get(Field.RB_GAP, v);
    }

    /** {@code vm_prev}. */
    default int vmPrev(int v) {
        return (int) get(Field.VM_PREV, v);
    }

    /** {@code vm_flags}. */
    default long vmFlags(int v) {
        return get(Field.VM_FLAGS, v);
    }
}
