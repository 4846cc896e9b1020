package org.vmalab.engine.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Const;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.Op;

/**
 * The initial layout linked at the rightmost leaf with the gaps computed once ({@code MmOps.LayoutLink}) leaves
 * the same memory, word for word, and the same fingerprint and initial findings as {@code insert_vm_struct} one
 * VMA at a time.
 */
class LayoutLinkTest {
    private static final long PAGE = Const.PAGE_SIZE;

    /** Every word of both machines' memories, the fingerprints and the initial violations agree. */
    private static void assertSame(Scenario sc) {
        Machine slow = new Machine(sc, CheckLevel.FULL, false);
        Machine fast = new Machine(sc, CheckLevel.FULL, true);
        Memory a = slow.memory();
        Memory b = fast.memory();
        assertEquals(a.vmaCapacity(), b.vmaCapacity());
        for (Field f : Field.values()) {
            int n = switch (f.kind()) {
                case VMA -> a.vmaCapacity();
                case MM -> Memory.MM_OBJECTS;
                case THREAD -> a.threadCount();
                case PTE -> a.pteSlots();
                case SB -> a.threadCount() * StoreBuffer.CAPACITY;
            };
            for (int i = 0; i < n; i++) {
                if (a.get(f, i) != b.get(f, i)) {
                    throw new AssertionError(sc.title() + ": " + f + " of " + i + " is " + b.get(f, i)
                            + ", insert_vm_struct leaves " + a.get(f, i));
                }
            }
        }
        assertEquals(slow.initialViolations().toString(), fast.initialViolations().toString(), sc.title());
        assertEquals(slow.fingerprint(), fast.fingerprint(), sc.title());
    }

    private static Scenario scenario(String title, List<VmaSpec> layout, Protection p, long guard) {
        List<ThreadSpec> threads = List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(new Op.Munmap(0x10000000L, 0x10001000L))));
        return new Scenario(title, layout, threads, p, Granularity.MICRO, 0, guard, Const.MMAP_BASE);
    }

    private static long flags(SplittableRandom r) {
        long f = Scenarios.RW;
        int k = r.nextInt(10);
        if (k == 0) {
            f |= Const.VM_GROWSDOWN;
        } else if (k == 1) {
            f |= Const.VM_GROWSUP;
        }
        return f;
    }

    /** {@code n} VMAs in ascending order from {@code base}, gaps of 0 to 15 pages (0: adjacent). */
    private static List<VmaSpec> ascending(SplittableRandom r, int n, long base) {
        List<VmaSpec> out = new ArrayList<>(n);
        long addr = base;
        for (int i = 0; i < n; i++) {
            addr += r.nextInt(16) * PAGE;
            long len = (1 + r.nextInt(8)) * PAGE;
            String name = i == 1 ? "[heap]" : "v" + i;
            out.add(new VmaSpec(name, addr, addr + len, flags(r), r.nextBoolean(), r.nextInt(3)));
            addr += len;
        }
        return out;
    }

    @Test
    void randomAscendingLayoutsOfZeroToFiveThousandVmas() {
        SplittableRandom r = new SplittableRandom(15);
        int[] sizes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 100, 255, 256, 257, 1000, 1023,
            1024, 4095, 4096, 5000};
        for (int n : sizes) {
            long guard = r.nextInt(3) == 0 ? 0 : r.nextInt(4) * 0x100000L;
            Protection p = n % 2 == 0 ? Protection.PATCH : Protection.of(RwlockPolicy.QUEUED,
                    ProtectionToggle.PRE_PATCH);
            assertSame(scenario("ascending " + n, ascending(r, n, 0x10000L + r.nextInt(64) * PAGE), p, guard));
        }
        for (int i = 0; i < 40; i++) {
            int n = r.nextInt(5001);
            assertSame(scenario("random " + n, ascending(r, n, r.nextInt(1 << 20) * PAGE), Protection.PATCH,
                    0x100000L));
        }
    }

    @Test
    void oddShapes() {
        SplittableRandom r = new SplittableRandom(7);
        /* at the top of the address space: vm_end_gap of a VM_GROWSUP VMA clamps at -PAGE_SIZE */
        List<VmaSpec> top = new ArrayList<>();
        long a = -64 * PAGE;
        for (int i = 0; i < 20; i++) {
            top.add(new VmaSpec("t" + i, a, a + 2 * PAGE, i % 3 == 0 ? Scenarios.RW | Const.VM_GROWSUP
                    : Scenarios.RW | Const.VM_GROWSDOWN, false, 0));
            a += 3 * PAGE;
        }
        assertSame(scenario("top of the address space", top, Protection.PATCH, 0x100000L));
        /* a stack at 0: vm_start_gap clamps at 0 */
        assertSame(scenario("stack at zero", List.of(new VmaSpec("s", 0, PAGE, Scenarios.RW | Const.VM_GROWSDOWN,
                false, 0), new VmaSpec("b", 2 * PAGE, 3 * PAGE, Scenarios.RW, false, 0)), Protection.PATCH,
                0x100000L));
        /* the lessons' layouts, some of them not in ascending order */
        assertSame(scenario("W", Scenarios.layoutW(), Protection.PATCH, Const.STACK_GUARD_GAP));
        assertSame(scenario("M", Scenarios.layoutM(), Protection.PATCH, Const.STACK_GUARD_GAP));
        List<VmaSpec> w = new ArrayList<>(Scenarios.layoutW());
        Collections.reverse(w);
        assertSame(scenario("W reversed", w, Protection.PATCH, Const.STACK_GUARD_GAP));
        for (int i = 0; i < 30; i++) {
            /* ascending, then one VMA below the others, then ascending again: the rest by insert_vm_struct */
            List<VmaSpec> l = ascending(r, 1 + r.nextInt(2000), 0x40000000L);
            l.add(r.nextInt(l.size() + 1), new VmaSpec("low" + i, PAGE * (1 + r.nextInt(100)),
                    PAGE * 101, Scenarios.RW, false, 0));
            assertSame(scenario("one out of order " + i, l, Protection.PATCH, 0x100000L));
        }
        List<VmaSpec> shuffled = ascending(r, 3000, 0x40000000L);
        Collections.shuffle(shuffled, new Random(3));
        assertSame(scenario("shuffled", shuffled, Protection.PATCH, 0x100000L));
        List<VmaSpec> descending = ascending(r, 1000, 0x40000000L);
        Collections.reverse(descending);
        assertSame(scenario("descending", descending, Protection.PATCH, 0x100000L));
    }

    @Test
    void anOverlapIsRefusedWithTheSameMessage() {
        List<VmaSpec> l = ascending(new SplittableRandom(1), 500, 0x40000000L);
        VmaSpec v = l.get(300);
        l.add(new VmaSpec("late", v.start(), v.end(), Scenarios.RW, false, 0));
        Scenario sc = scenario("overlap", l, Protection.PATCH, 0x100000L);
        String slow = assertThrows(ScenarioException.class, () -> new Machine(sc, CheckLevel.FULL, false))
                .getMessage();
        String fast = assertThrows(ScenarioException.class, () -> new Machine(sc, CheckLevel.FULL, true))
                .getMessage();
        assertEquals(slow, fast);
        assertTrue(fast.contains("late"), fast);
    }
}
