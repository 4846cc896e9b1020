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

    // The stores of the words a tree walk and a gap update read, one call each without a field lookup (Memory keeps
    // them side by side); each is the store {@code set(FIELD, v, value)}.

    /** {@code vma->vm_start = value}. */
    default void setVmStart(int v, long value) {
        set(Field.VM_START, v, value);
    }

    /** {@code vma->vm_end = value}. */
    default void setVmEnd(int v, long value) {
        set(Field.VM_END, v, value);
    }

    /** {@code WRITE_ONCE(vma->vm_rb.rb_left, child)}. */
    default void setRbLeft(int v, int child) {
        set(Field.RB_LEFT, v, child);
    }

    /** {@code WRITE_ONCE(vma->vm_rb.rb_right, child)}. */
    default void setRbRight(int v, int child) {
        set(Field.RB_RIGHT, v, child);
    }

    /** {@code vma->vm_rb.__rb_parent_color = pc}. */
    default void setRbParentColor(int v, long pc) {
        set(Field.RB_PC, v, pc);
    }

    /** {@code vma->rb_subtree_gap = gap}. */
    default void setRbSubtreeGap(int v, long gap) {
        set(Field.RB_GAP, v, gap);
    }

    /** {@code vma->vm_prev = prev}. */
    default void setVmPrev(int v, int prev) {
        set(Field.VM_PREV, v, prev);
    }

    /** {@code vma->vm_flags = flags}. */
    default void setVmFlags(int v, long flags) {
        set(Field.VM_FLAGS, v, flags);
    }
}
