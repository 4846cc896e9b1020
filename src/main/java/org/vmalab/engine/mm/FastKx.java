package org.vmalab.engine.mm;

import org.vmalab.engine.Protection;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * Runs kernel algorithms straight through, with no steps: the shell, the benchmarks, and the building of
 * a scenario's initial layout. Dynamic steps take effect at once.
 */
public final class FastKx extends Kx {
    private final boolean recycle;
    private int[] free = new int[16];
    private int nfree;

    public FastKx(Memory m, Protection prot) {
        this(m, prot, false);
    }

    /**
     * @param recycle reuse the slots of freed VMAs (kmem_cache does): for long runs without a trace (the shell,
     *                benchmarks). A trace never recycles, so that a use-after-free stays visible.
     */
    public FastKx(Memory m, Protection prot, boolean recycle) {
        this(m, prot, recycle, Memory.NIL);
    }

    /**
     * @param task the thread of {@code m} whose vmacache {@code find_vma} uses, as the kernel's uses the current
     *             task's ({@code vmacache_find}, {@code vmacache_update}): the shell's one task; NIL: no task, no
     *             cache (building a layout, benchmarks of the tree alone)
     */
    public FastKx(Memory m, Protection prot, boolean recycle, int task) {
        super(m, prot);
        this.recycle = recycle;
        this.task = task;
    }

    private final int task;

    @Override
    int reusedSlot() {
        if (nfree == 0) {
            return Memory.NIL;
        }
        int id = free[--nfree];
        m.resetVma(id);
        return id;
    }

    @Override
    public void freed(int vma) {
        if (!recycle) {
            return;
        }
        if (nfree == free.length) {
            free = java.util.Arrays.copyOf(free, nfree * 2);
        }
        free[nfree++] = vma;
    }

    @Override
    public void step(Loc loc, Tag tag, int a, int b, long v) {
    }

    @Override
    public void dyn(Dyn d) {
        d.fast(this);
    }

    @Override
    public void group(Loc title, int a) {
    }

    @Override
    public void endGroup() {
    }

    @Override
    public int thread() {
        return task;
    }

    @Override
    public void validateMmRb(int ignore) {
    }
}
