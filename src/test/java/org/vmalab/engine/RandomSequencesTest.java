package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Checker;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.mm.Consoles;
import org.vmalab.engine.mm.FastKx;
import org.vmalab.engine.mm.MmConsole;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.Writers;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.tree.Vm;

/**
 * Seeded random sequences of maps and unmaps (as lib/rbtree_test.c does): every invariant after every
 * operation, and lookups, gaps and both searches against brute force over the list.
 */
class RandomSequencesTest {
    static final long BASE = 0x10000L;
    static final long SPAN = 0x7ffffffff000L - BASE;

    /** A random page-aligned range inside the user address space, small enough to leave gaps. */
    static long[] range(SplittableRandom r) {
        long pages = 1 + r.nextLong(r.nextInt(4) == 0 ? 4096 : 64);
        long start = BASE + (r.nextLong(SPAN / Const.PAGE_SIZE - pages)) * Const.PAGE_SIZE;
        if (r.nextInt(3) == 0) {
            /* cluster some mappings so that neighbours touch and gaps are 0 */
            start = 0x555555554000L + r.nextLong(0x2000) * Const.PAGE_SIZE;
        }
        return new long[] {start, start + pages * Const.PAGE_SIZE};
    }

    static void checkAll(MmConsole mm, SplittableRandom r, String where) {
        StateView m = Consoles.words(mm);
        List<Checker.Problem> p = Checker.quiescentProblems(m, Protection.PATCH);
        assertTrue(p.isEmpty(), () -> where + ": " + p);
        for (int i = 0; i < 8; i++) {
            long addr = r.nextInt(4) == 0 && m.mm(Field.MAP_COUNT) > 0
                    ? Vm.start(m, BruteForce.list(m).get(r.nextInt((int) m.mm(Field.MAP_COUNT)))) + r.nextInt(3) * 0x800
                    : BASE + r.nextLong(SPAN);
            assertEquals(BruteForce.findVma(m, addr), mm.find(addr), where + " find_vma " + Numbers.hex(addr));
        }
        for (int i = 0; i < 3; i++) {
            long len = Const.PAGE_SIZE * (1 + r.nextLong(r.nextBoolean() ? 16 : 1L << 30));
            long low = r.nextBoolean() ? Const.PAGE_SIZE : BASE + r.nextLong(SPAN / 2) & Const.PAGE_MASK;
            long high = r.nextBoolean() ? Const.MMAP_BASE : low + r.nextLong(SPAN - (low - BASE)) & Const.PAGE_MASK;
            assertEquals(BruteForce.topdown(m, len, low, high), mm.topdown(len, low, high),
                    where + " topdown " + Numbers.hex(len) + " " + Numbers.hex(low) + " " + Numbers.hex(high));
            assertEquals(BruteForce.bottomUp(m, len, low, high), mm.bottomup(len, low, high),
                    where + " bottomup " + Numbers.hex(len) + " " + Numbers.hex(low) + " " + Numbers.hex(high));
        }
    }

    @Test
    void twentyThousandRandomMapsAndUnmapsKeepEveryInvariant() {
        for (long seed : new long[] {1, 2, 3, 4}) {
            SplittableRandom r = new SplittableRandom(seed);
            MmConsole mm = new MmConsole();
            List<long[]> live = new ArrayList<>();
            int target = 50 + r.nextInt(400);
            for (int op = 0; op < 5000; op++) {
                boolean add = live.isEmpty() || (live.size() < target ? r.nextInt(10) < 7 : r.nextInt(10) < 3);
                if (add) {
                    long[] g = range(r);
                    boolean grows = r.nextInt(8) == 0;
                    boolean overlaps = false;
                    for (long[] l : live) {
                        overlaps |= Vm.ult(g[0], l[1]) && Vm.ult(l[0], g[1]);
                    }
                    assertEquals(!overlaps, mm.map(g[0], g[1], grows), "seed " + seed + " op " + op);
                    if (!overlaps) {
                        live.add(g);
                    }
                } else {
                    long[] g = live.remove(r.nextInt(live.size()));
                    assertTrue(mm.unmap(g[0], g[1]), "seed " + seed + " op " + op);
                }
                assertEquals(live.size(), mm.mapCount());
                checkAll(mm, r, "seed " + seed + " op " + op);
            }
        }
    }

    @Test
    void thePlannedPathAndTheDirectPathBuildTheSameTree() {
        SplittableRandom r = new SplittableRandom(7);
        for (int run = 0; run < 40; run++) {
            List<Op> ops = new ArrayList<>();
            List<long[]> live = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                if (live.isEmpty() || r.nextInt(3) > 0) {
                    long[] g = range(r);
                    ops.add(new Op.Map("m" + i, g[0], g[1], Scenarios.RW, false, 0));
                    live.add(g);
                } else {
                    long[] g = live.get(r.nextInt(live.size()));
                    long cut = g[0] + (r.nextLong((g[1] - g[0]) / Const.PAGE_SIZE)) * Const.PAGE_SIZE;
                    ops.add(new Op.Munmap(cut, cut + Const.PAGE_SIZE * (1 + r.nextInt(3))));
                }
            }
            Scenario sc = Scenario.of("r", List.of(), List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER, ops)),
                    Protection.PATCH);
            Trace t = Engine.run(sc, Schedule.roundRobin());
            assertEquals(Outcome.COMPLETE, t.outcome());
            assertTrue(t.violations().isEmpty(), t.violations()::toString);
            Memory direct = new Memory(64, 1, 1);
            direct.setMm(Field.GUARD_GAP, Const.STACK_GUARD_GAP);
            FastKx k = new FastKx(direct, Protection.PATCH);
            for (Op op : ops) {
                Writers.run(op, k);
            }
            assertEquals(Tables.dump(direct), Tables.dump(Recording.words(t.cursor().seek(t.size()))), "run " + run);
        }
    }

    @Test
    void randomMmapsMunmapsAndBrkThroughTheScheduledEngine() {
        SplittableRandom r = new SplittableRandom(11);
        for (int run = 0; run < 30; run++) {
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> ops.add(new Op.Mmap("a" + i, 0, Const.PAGE_SIZE * (1 + r.nextInt(64)), Scenarios.RW,
                            false, false, r.nextInt(4) == 0));
                    case 1 -> {
                        long[] g = range(r);
                        ops.add(new Op.Mmap("f" + i, g[0], g[1] - g[0], Scenarios.RW, r.nextBoolean(), true, false));
                    }
                    case 2 -> {
                        long[] g = range(r);
                        ops.add(new Op.Munmap(g[0], g[1]));
                    }
                    default -> ops.add(new Op.Brk(0x55555577e000L + Const.PAGE_SIZE * r.nextInt(64)));
                }
            }
            Scenario sc = Scenario.of("r", Scenarios.layoutW(), List.of(
                    new ThreadSpec("T1", ThreadSpec.Role.WRITER, ops)), Protection.PATCH);
            Trace t = Engine.run(sc, Schedule.roundRobin());
            assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
            assertTrue(t.violations().isEmpty(), () -> "run " + t.violations());
            StateView end = Recording.words(t.cursor().seek(t.size()));
            for (int v : BruteForce.list(end)) {
                assertTrue(Vm.has(end, v, Life.IN_TREE) && !Vm.isFreed(end, v));
            }
            assertTrue(Vm.root(end) != NIL);
        }
    }
}
