package org.vmalab.engine.memory;

/**
 * A view of memory that answers some words differently from the memory under it ({@link #base}) and passes
 * everything else through: the child's mm of a fork, a thread's own view with its store buffer on top.
 */
public abstract class ViewOver implements StateView {
    protected final StateView base;

    protected ViewOver(StateView base) {
        this.base = base;
    }

    @Override
    public int vmaCapacity() {
        return base.vmaCapacity();
    }

    @Override
    public int threadCount() {
        return base.threadCount();
    }

    @Override
    public int pteSlots() {
        return base.pteSlots();
    }

    @Override
    public String name(int vma) {
        return base.name(vma);
    }
}
