package org.vmalab.engine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free helpers of {@link Vm} against the plain unsigned comparisons they replace. */
class VmTest {
    /** Values at the edges of the unsigned and signed ranges, and the gaps' own: 0, a page, -PAGE_SIZE. */
    static final long[] EDGES = {0, 1, 2, 0x1000, 0x7fffffffffffffffL, 0x8000000000000000L, 0x8000000000000001L,
        -0x1000, -2, -1, 0x7ffffffff000L, 0x555555554000L};

    @Test
    void umaxIsTheUnsignedMaximum() {
        for (long a : EDGES) {
            for (long b : EDGES) {
                assertEquals(reference(a, b), Vm.umax(a, b), () -> Long.toHexString(a) + " " + Long.toHexString(b));
            }
        }
        SplittableRandom r = new SplittableRandom(15);
        for (int i = 0; i < 1_000_000; i++) {
            long a = r.nextLong();
            /* near a as often as far from it: the borrow's sign depends on the low bits then */
            long b = (i & 1) == 0 ? r.nextLong() : a + r.nextInt(5) - 2;
            assertEquals(reference(a, b), Vm.umax(a, b), () -> Long.toHexString(a) + " " + Long.toHexString(b));
        }
    }

    @Test
    void theUnsignedComparisonsAreLongCompareUnsigned() {
        SplittableRandom r = new SplittableRandom(16);
        int edges = EDGES.length * EDGES.length;
        for (int i = 0; i < 200_000 + edges; i++) {
            long a = i < edges ? EDGES[i / EDGES.length] : r.nextLong();
            long b = i < edges ? EDGES[i % EDGES.length] : (i & 1) == 0 ? r.nextLong() : a + r.nextInt(3) - 1;
            int c = Long.compareUnsigned(a, b);
            String at = Long.toHexString(a) + " " + Long.toHexString(b);
            assertEquals(c < 0, Vm.ult(a, b), at);
            assertEquals(c <= 0, Vm.ule(a, b), at);
            assertEquals(c > 0, Vm.ugt(a, b), at);
            assertEquals(c >= 0, Vm.uge(a, b), at);
        }
    }

    /** {@code if (b > a) a = b;} in unsigned arithmetic, as mm/mmap.c writes it. */
    private static long reference(long a, long b) {
        return Long.compareUnsigned(b, a) > 0 ? b : a;
    }
}
