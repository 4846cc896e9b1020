package org.vmalab.engine;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.vmalab.engine.bench.TreeOpsBenchAccess;
import org.vmalab.engine.memory.Field;

/**
 * One of the tree benchmarks' operations in a loop, for a profiler (issue 15; a bench main on the test class path,
 * not a test): first the stores per operation by field (a recorder on {@link TreeCoreBench}'s memory, link + unlink),
 * then the operation alone for the given seconds. {@code java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
 * -XX:StartFlightRecording=filename=x.jfr,settings=profile -cp <test class path> org.vmalab.engine.TreeProfileReport
 * core|shell N SECONDS}: {@code core} is {@code TreeCoreBench.vmaLinkUnlink}, {@code shell} the shell's map + unmap.
 */
public final class TreeProfileReport {
    private TreeProfileReport() {
    }

    public static void main(String[] args) {
        String what = args[0];
        int n = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        storesPerOp(n);
        LongSupplier op;
        if (what.equals("core")) {
            TreeCoreBench core = new TreeCoreBench();
            core.n = n;
            core.setup();
            op = core::vmaLinkUnlink;
        } else {
            op = TreeOpsBenchAccess.create(n).mapUnmap();
        }
        long sink = 0;
        long ops = 0;
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100_000; i++) {
                sink += op.getAsLong();
            }
            ops += 100_000;
        }
        System.out.printf(Locale.ROOT, "%s n=%d: %,d operations, %.1f ns each (wall)%s%n", what, n, ops,
                (System.nanoTime() - t0) / (double) ops, sink == 42 ? " " : "");
    }

    /** Stores per link + unlink, by field. */
    static void storesPerOp(int n) {
        TreeCoreBench core = new TreeCoreBench();
        core.n = n;
        core.setup();
        long[] c = new long[Field.count()];
        core.m.recorder((f, obj, old, v) -> c[f.ordinal()]++);
        int ops = 100_000;
        for (int i = 0; i < ops; i++) {
            core.vmaLinkUnlink();
        }
        core.m.recorder(null);
        StringBuilder b = new StringBuilder("link + unlink, n=" + n + ", stores per operation:");
        long total = 0;
        for (Field f : Field.values()) {
            if (c[f.ordinal()] > 0) {
                b.append(String.format(Locale.ROOT, " %s %.2f", f.cName(), c[f.ordinal()] / (double) ops));
                total += c[f.ordinal()];
            }
        }
        System.out.println(b + String.format(Locale.ROOT, "; total %.1f", total / (double) ops));
    }
}
