package org.vmalab.engine;

/**
 * Runs kernel algorithms straight through, with no steps: the shell, the benchmarks, and the building of
 * a scenario's initial layout. Dynamic steps take effect at once.
 */
public final class FastKx extends Kx {
    public FastKx(Memory m, Protection prot) {
        super(m, prot);
    }

    @Override
    public void step(Loc loc, Tag tag, int a, int b, long v) {
    }

    @Override
    public void dyn(Dyn d) {
        d.fast(this);
    }

    @Override
    public boolean planning() {
        return false;
    }

    @Override
    public void group(Loc title, int a) {
    }

    @Override
    public void endGroup() {
    }

    @Override
    public int thread() {
        return Memory.NIL;
    }

    @Override
    public void validateMmRb(int ignore) {
    }
}
