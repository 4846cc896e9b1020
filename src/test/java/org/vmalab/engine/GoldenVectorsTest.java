package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.engine.memory.Memory.NIL;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Checker;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.mm.FastKx;
import org.vmalab.engine.mm.MmOps;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.Plan;
import org.vmalab.engine.mm.Planner;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.tree.Vm;

/** The golden vectors of SEMANTICS 8.3-8.9 (trees, gaps, searches, lookups, adjustments, lockless scans). */
class GoldenVectorsTest {
    static Machine layout(List<VmaSpec> layout) {
        return new Machine(Scenario.of("layout", layout, List.of(), Protection.PATCH), CheckLevel.FULL);
    }

    static Trace runOne(List<VmaSpec> layout, Protection p, Op... ops) {
        Scenario sc = Scenario.of("t", layout, List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(ops))), p);
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        return t;
    }

    @Test
    void treeAfterInsertingLayoutWInAddressOrder() throws IOException {
        Machine m = layout(Scenarios.layoutW());
        List<List<String>> g = Tables.golden("out_main.txt");
        assertEquals(g.get(0), Tables.dump(m.memory()), "8.3");
        assertEquals(0x7ffffffff000L, m.memory().mm(Field.HIGHEST_VM_END));
        assertEquals(7, m.memory().mm(Field.MAP_COUNT));
        assertTrue(m.initialViolations().isEmpty(), m.initialViolations()::toString);
    }

    @Test
    void execOrderGivesAnotherShapeWithTheSameGaps() throws IOException {
        Machine m = layout(Layouts.w("stack", "text", "data", "heap", "ld", "libc", "libc_rw"));
        List<List<String>> g = Tables.golden("out_main.txt");
        assertEquals(g.get(g.size() - 1), Tables.dump(m.memory()), "8.9");
    }

    @Test
    void everyTreeOfTheEraseGoldenFile() throws IOException {
        List<List<String>> g = Tables.golden("golden_erase.txt");
        List<List<String>> mine = new ArrayList<>();
        String[][] seqs = {{"heap"}, {"data"}, {"libc"}, {"stack"}, {"text"}, {"ld"}, {"ld", "data"},
                {"data", "ld"}};
        for (String[] seq : seqs) {
            mine.addAll(afterEach(Scenarios.layoutW(), seq));
        }
        mine.addAll(afterEach(Layouts.w("stack", "text", "data", "heap", "ld", "libc", "libc_rw"),
                new String[] {"text", "ld"}));
        assertEquals(g, mine);
    }

    private static List<List<String>> afterEach(List<VmaSpec> layout, String[] victims) {
        List<Op> ops = new ArrayList<>();
        for (String v : victims) {
            VmaSpec s = Layouts.byName(v);
            ops.add(new Op.Munmap(s.start(), s.end()));
        }
        Trace t = runOne(layout, Protection.PATCH, ops.toArray(new Op[0]));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        List<Integer> starts = t.operationStarts();
        List<List<String>> out = new ArrayList<>();
        TraceCursor c = t.cursor();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : t.size();
            out.add(Tables.dump(Recording.words(c.seek(end))));
        }
        return out;
    }

    @Test
    void unmappedAreaTopdownAndBottomUp() {
        Machine m = layout(Scenarios.layoutW());
        FastKx k = new FastKx(m.memory(), Protection.PATCH);
        long[][] cases = {{0x2000, 0x7ffff7ffd000L}, {0x801000, 0x7ffff71e3000L}, {0x300000, 0x7ffff76e4000L},
            {0x2aaaa2267000L, 0x2aaab32ed000L}};
        for (long[] c : cases) {
            assertEquals(c[1], MmOps.unmappedAreaTopdown(k, c[0], 0x10000, 0x7ffff7fff000L, 0, 0),
                    "topdown " + Numbers.hex(c[0]));
        }
        assertEquals(0x2aaaaaaab000L, MmOps.unmappedArea(k, 0x801000, 0x2aaaaaaab000L, 0x7ffffffff000L, 0, 0));
    }

    @Test
    void unmappedAreaTopdownPathOfTheStackGapExample() {
        Machine m = layout(Scenarios.layoutW());
        Plan p = Planner.plan(m.memory(), Protection.PATCH, NIL, "topdown",
                k -> MmOps.unmappedAreaTopdown(k, 0x801000, 0x10000, 0x7ffff7fff000L, 0, 0));
        List<String> path = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            Plan.Planned s = (Plan.Planned) p.item(i);
            path.add(s.loc().name().replace("UA_TD_", "") + ":" + m.memory().name(s.a()));
        }
        /* 8.4: data -> libc -> ld; stack gap not entered (gap start above HL); ld's own gap too small; left
           libc_rw subtree too small; climb to libc, reached from its right child; its gap fits */
        assertEquals(List.of("HIGHEST_NO:NULL", "GO_RIGHT:data", "GO_RIGHT:libc", "CHECK:ld", "UP_FROM_RIGHT:libc",
                "FOUND:libc"), path);
    }

    @Test
    void findVmaPaths() throws IOException {
        Machine m = layout(Scenarios.layoutW());
        Pattern row = Pattern.compile("find_vma\\((0x[0-9a-f]+)\\) -> (\\S+)\\s+path=(\\S+)");
        int n = 0;
        for (String line : Files.readAllLines(GoldenStepsTest.golden("out_main.txt"))) {
            Matcher mt = row.matcher(line);
            if (!mt.find()) {
                continue;
            }
            long addr = Long.parseUnsignedLong(mt.group(1).substring(2), 16);
            Plan p = Planner.plan(m.memory(), Protection.PATCH, NIL, "find", k -> MmOps.findVmaTree(k, addr));
            List<String> path = new ArrayList<>();
            for (int i = 1; i < p.size(); i++) {
                path.add(m.memory().name(((Plan.Planned) p.item(i)).a()));
            }
            int v = MmOps.findVmaTree(new FastKx(m.memory(), Protection.PATCH), addr);
            assertEquals(mt.group(2), v == NIL ? "None" : m.memory().name(v), line);
            assertEquals(mt.group(3), String.join("->", path), line);
            n++;
        }
        assertEquals(6, n);
    }

    @Test
    void brkGrowthIsAnInPlaceAdjustWithOneGapUpdate() throws IOException {
        Trace t = runOne(Scenarios.layoutW(), Protection.PATCH, new Op.Brk(0x55555579f000L));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        List<String> expected = adjustSection(0);
        assertEquals(expected, GoldenFormat.lines(t, 1, t.size()));
        assertEquals(Tables.golden("out_adjust.txt").get(0), Tables.dump(Recording.words(t.cursor().seek(t.size()))));
    }

    @Test
    void mergeCase1TakesTheAnonVmaAndFreesB() throws IOException {
        Trace t = runOne(Scenarios.layoutM(), Protection.PATCH,
                new Op.Mmap("hole", 0x7ffff7a10000L, 0x10000, Scenarios.RW, false, true, false));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        /* adjust.py spells two labels without the "mm." prefix */
        List<String> mine = GoldenFormat.lines(t, 1, t.size()).stream()
                .map(l -> l.replace("STORE mm.", "STORE ").replace(" (vmacache_invalidate)", "")).toList();
        assertEquals(adjustSection(1), mine);
        assertEquals(Tables.golden("out_adjust.txt").get(1), Tables.dump(Recording.words(t.cursor().seek(t.size()))));
        /* the transient overlap of A and B is visible between A3 and A4 */
        boolean overlapSeen = false;
        TraceCursor c = t.cursor();
        for (int i = 1; i <= t.size(); i++) {
            c.seek(i);
            if (!Checker.quiescentProblems(Recording.words(c), Protection.PATCH).stream()
                    .filter(p -> p.invariant() == Invariant.Q_BST).toList().isEmpty()) {
                overlapSeen = true;
            }
        }
        assertTrue(overlapSeen);
    }

    /** Step lines of section {@code k} of out_adjust.txt (its validate_mm_rb line is a check, not a step). */
    private static List<String> adjustSection(int k) throws IOException {
        List<List<String>> sections = new ArrayList<>();
        List<String> cur = null;
        for (String line : Files.readAllLines(GoldenStepsTest.golden("out_adjust.txt"))) {
            String s = line.strip();
            if (line.startsWith("== ")) {
                cur = new ArrayList<>();
                sections.add(cur);
            } else if (cur != null && line.startsWith("  ") && (s.startsWith("SEQ") || s.startsWith("STORE")
                    || s.startsWith("LOCK") || s.startsWith("UNLOCK") || s.startsWith("LIST")
                    || s.startsWith("ATOMIC") || s.startsWith("FREE") || s.startsWith("propagate-stop"))) {
                cur.add(s);
            }
        }
        return sections.get(k);
    }

    @Test
    void locklessLookupsBetweenWriterMicroStepsGiveTheGoldenAnomalies() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        String op = null;
        Pattern row = Pattern.compile("step\\s+(\\d+) .* lookup\\((\\w+)@(0x[0-9a-f]+)\\) -> (\\w+)");
        for (String line : Files.readAllLines(GoldenStepsTest.golden("out_lockless_scan.txt"))) {
            if (line.startsWith("== ")) {
                op = line.substring(3).split(" \\(")[0];
            }
            Matcher mt = row.matcher(line);
            if (mt.find()) {
                expected.add(op + " #" + mt.group(1) + " " + mt.group(2) + " -> " + mt.group(4));
            }
        }
        TreeSet<String> mine = new TreeSet<>();
        List<VmaSpec> w = Scenarios.layoutW();
        for (int i = 0; i < w.size(); i++) {
            mine.addAll(scan("insert " + w.get(i).name(), w.subList(0, i), w.subList(0, i),
                    Layouts.map(w.get(i))));
        }
        for (String victim : new String[] {"heap", "data", "libc"}) {
            VmaSpec v = Layouts.byName(victim);
            List<VmaSpec> rest = new ArrayList<>(w);
            rest.remove(v);
            mine.addAll(scan("munmap " + victim, w, rest, new Op.Munmap(v.start(), v.end())));
        }
        assertEquals(expected, mine);
    }

    /** Atomic lookups of start+0x1000 of every probe VMA after each golden micro-step of the writer's op. */
    private static List<String> scan(String title, List<VmaSpec> layout, List<VmaSpec> probes, Op op) {
        Scenario sc = Scenario.of("scan", layout, List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(op))), Protection.PATCH);
        Machine m = new Machine(sc, CheckLevel.NONE);
        List<String> out = new ArrayList<>();
        int golden = 0;
        while (!m.allDone()) {
            StepRecord s = m.step(0);
            if (GoldenFormat.NOT_IN_GOLDEN.contains(s.loc())) {
                continue;
            }
            golden++;
            for (VmaSpec p : probes) {
                long a = p.start() + 0x1000;
                int got = MmOps.findVmaTree(new FastKx(m.memory(), Protection.PATCH), a);
                boolean ok = got != NIL && (m.memory().name(got).equals(p.name()) || Vm.contains(m.memory(), got, a));
                if (!ok) {
                    out.add(title + " #" + golden + " " + p.name() + " -> " + (got == NIL ? "None"
                            : m.memory().name(got)));
                }
            }
        }
        return out;
    }
}
