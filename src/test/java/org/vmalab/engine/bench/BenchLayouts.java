package org.vmalab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vmalab.engine.Const;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.VmaSpec;

/** Random one-page VMAs on a grid of 64 KiB slots: n mapped, the rest free for map/unmap pairs. */
final class BenchLayouts {
    static final long SLOT = 0x10000;
    static final long BASE = 0x100000000L;

    private BenchLayouts() {
    }

    /** A shuffled list of 4n slot numbers; the first n are the initial VMAs. */
    static long[] slots(int n, long seed) {
        long[] s = new long[4 * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = s.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    static long start(long slot) {
        return BASE + slot * SLOT;
    }

    static long end(long slot) {
        return start(slot) + Const.PAGE_SIZE * (1 + (slot % 7));
    }

    static List<VmaSpec> layout(long[] slots, int n) {
        List<VmaSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new VmaSpec("v" + i, start(slots[i]), end(slots[i]), Scenarios.RW, false, 0));
        }
        out.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        return out;
    }
}
