package org.vmalab.engine.bench;

import java.util.function.LongSupplier;

/** {@link TreeOpsBench}'s state and operations for a main outside its package (TreeCpuReport). */
public final class TreeOpsBenchAccess {
    private TreeOpsBenchAccess() {
    }

    /** The shell's map+unmap and TreeMap's put+remove on the same keys. */
    public record Ops(LongSupplier mapUnmap, LongSupplier treeMapPutRemove) {
    }

    public static Ops create(int n) {
        TreeOpsBench b = new TreeOpsBench();
        b.n = n;
        b.setup();
        return new Ops(() -> b.vmaMapUnmap() ? 1 : 0, () -> b.treeMapPutRemove() == null ? 0 : 1);
    }
}
