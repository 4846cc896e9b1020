package org.vmalab.engine.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.CorruptTreeException;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * {@link FindVma#walk}, the straight-through {@code __find_vma}, takes the same steps and gives the same answer as
 * {@link FindVma#visit} node after node (the one-node form the readers run a turn at a time), for both walkers, on
 * random trees and at every kind of address: a VMA's first and last byte, its end, a hole, below and above them all;
 * and a cycle in a corrupted tree stops it (and {@code find_vma_links}) with an exception.
 */
class FindVmaWalkTest {
    /** A kernel context that keeps its steps as text. */
    static final class Recording extends Kx {
        final List<String> steps = new ArrayList<>();

        Recording(Memory m) {
            super(m, Protection.PATCH);
        }

        @Override
        public void step(Loc loc, Tag tag, int a, int b, long v) {
            steps.add(loc + " " + tag + " " + a + " " + b + " " + Long.toHexString(v));
        }

        @Override
        void dyn(Dyn d) {
            d.fast(this);
        }

        @Override
        public void group(Loc title, int a) {
        }

        @Override
        public void endGroup() {
        }

        @Override
        int thread() {
            return NIL;
        }

        @Override
        void validateMmRb(int ignore) {
        }
    }

    @Test
    void theWalkTakesTheStepsOfItsVisits() {
        SplittableRandom r = new SplittableRandom(15);
        for (int round = 0; round < 20; round++) {
            Memory m = new Memory(64, 1, 1);
            m.setMm(Field.GUARD_GAP, Const.STACK_GUARD_GAP);
            FastKx fast = new FastKx(m, Protection.PATCH);
            int n = round == 0 ? 0 : 1 + r.nextInt(round * 20);
            List<long[]> ranges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = 0x100000L + (long) r.nextInt(4096) * Const.PAGE_SIZE * 4;
                long e = s + Const.PAGE_SIZE * (1 + r.nextInt(3));
                int v = MmOps.allocVma(fast, "v", s, e, Scenarios.RW, false, 0);
                if (MmOps.insertVmStruct(fast, v) == 0) {
                    ranges.add(new long[] {s, e});
                }
            }
            List<Long> addrs = new ArrayList<>(List.of(0L, 0xfffL, 0x100000L, -1L, -Const.PAGE_SIZE));
            for (long[] se : ranges) {
                addrs.addAll(List.of(se[0], se[1] - 1, se[1], se[0] - 1, se[1] + Const.PAGE_SIZE));
            }
            for (int i = 0; i < 50; i++) {
                addrs.add(r.nextLong(0x100000L, 0x100000L + 4096L * Const.PAGE_SIZE * 4 + Const.PAGE_SIZE));
            }
            for (FindVma.Walker w : FindVma.Walker.values()) {
                for (long addr : addrs) {
                    Recording walk = new Recording(m);
                    int found = FindVma.walk(walk, w, addr);
                    Recording visits = new Recording(m);
                    int expected = byVisits(visits, w, addr);
                    String at = w + " at " + Long.toHexString(addr) + ", " + ranges.size() + " VMAs";
                    assertEquals(expected, found, at);
                    assertEquals(visits.steps, walk.steps, at);
                    /* and the answer is find_vma's: the lowest VMA that ends above addr */
                    assertEquals(lowestEndingAbove(m, addr), found == NIL ? NIL : Vm.start(m, found), at);
                }
            }
        }
    }

    /** A tree whose leftmost path runs back to the root: both walks stop with the corruption named, not in a loop. */
    @Test
    void aCycleStopsTheWalks() {
        Memory m = new Memory(8, 1, 1);
        FastKx fast = new FastKx(m, Protection.PATCH);
        for (int i = 0; i < 7; i++) {
            long s = 0x100000L + i * 0x10000L;
            MmOps.insertVmStruct(fast, MmOps.allocVma(fast, "v", s, s + Const.PAGE_SIZE, Scenarios.RW, false, 0));
        }
        int node = Vm.root(m);
        while (Vm.left(m, node) != NIL) {
            node = Vm.left(m, node);
        }
        m.setRbLeft(node, Vm.root(m));
        CorruptTreeException walk = assertThrows(CorruptTreeException.class,
                () -> FindVma.walk(fast, FindVma.Walker.FIND_VMA, 0x1000));
        assertEquals("find_vma walked in a cycle", walk.getMessage());
        CorruptTreeException links = assertThrows(CorruptTreeException.class,
                () -> MmOps.findVmaLinks(fast, 0x1000, 0x2000));
        assertEquals("find_vma_links walked in a cycle", links.getMessage());
    }

    /** The loop of {@code __find_vma} from the root, one {@link FindVma#visit} a node. */
    private static int byVisits(Recording k, FindVma.Walker w, long addr) {
        int node = Vm.root(k);
        int vma = NIL;
        k.step(w.root(), Tag.NONE, node, NIL, addr);
        while (node != NIL) {
            FindVma.Visit v = FindVma.visit(k, k, w, node, addr);
            vma = v.best(node, vma);
            if (v == FindVma.Visit.FOUND) {
                break;
            }
            node = v.next(k, node);
        }
        return vma;
    }

    private static long lowestEndingAbove(Memory m, long addr) {
        for (int v = (int) m.mm(Field.MMAP); v != NIL; v = Vm.next(m, v)) {
            if (Vm.ugt(Vm.end(m, v), addr)) {
                return Vm.start(m, v);
            }
        }
        return NIL;
    }
}
