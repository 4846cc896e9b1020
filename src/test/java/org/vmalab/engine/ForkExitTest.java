package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Checker;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;

/** Issue 11 item 10: fork's dup_mmap and exit's exit_mmap. */
class ForkExitTest {
    static Trace run(Scenario sc, Schedule s) {
        Trace t = Engine.run(sc, s);
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        return t;
    }

    /** The child's tree after dup_mmap of layout W (each copy appended at the right) is the tree of 8.3. */
    @Test
    void theChildsTreeIsLayoutWsTree() throws IOException {
        Trace t = run(Layouts.scenario(Layouts.w(), Protection.PATCH, Layouts.thread("T1", new Op.Fork())),
                Schedule.roundRobin());
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        TraceCursor c = t.cursor().seek(t.size());
        List<String> child = new ArrayList<>();
        for (String row : Tables.dump(Checker.childView(Recording.words(c)))) {
            child.add(row.replace("child:", "").replaceAll("\\s+", " "));
        }
        List<String> golden = new ArrayList<>();
        for (String row : Tables.golden("out_main.txt").get(0)) {
            golden.add(row.replaceAll("\\s+", " "));
        }
        assertEquals(golden, child, "8.3");
        assertEquals(7, Recording.words(c).get(Field.MAP_COUNT, Memory.CHILD_MM));
        assertEquals(0x7ffffffff000L, Recording.words(c).get(Field.HIGHEST_VM_END, Memory.CHILD_MM));
        assertEquals(Tables.golden("out_main.txt").get(0), Tables.dump(Recording.words(c)),
                "the parent's tree is untouched");
    }

    /**
     * A speculative fault of the parent holds heap while fork copies it: the copy gets heap's count (2), which the
     * child's __vma_link_rb sets to 1; the parent's reader is not held up by fork (it takes no mmap_sem).
     */
    @Test
    void aParentsReaderDuringForkAndTheCopiedCount() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Spf(Scenarios.HEAP_ADDR, false)), Layouts.thread("T2", new Op.Fork()));
        int get = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
        Trace t = run(sc, Races.slots(0, get, 1, Races.ALL, 0, Races.ALL));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        StepRecord copy = null;
        StepRecord reset = null;
        for (StepRecord s : t.steps()) {
            if (s.loc() == Loc.FORK_COPY && t.vmaName(s.b()).equals("heap")) {
                copy = s;
            }
            if (copy != null && reset == null && s.loc() == Loc.LINK_RB_REFCOUNT && s.a() == copy.a()) {
                reset = s;
            }
        }
        assertEquals(2, copy.v(), "the copy carries T1's reference");
        assertEquals(1, Recording.words(t.cursor().seek(reset.index())).get(Field.REF_COUNT, copy.a()));
        assertTrue(Races.has(t, 0, Loc.SPF_S7_INSTALL), "T1's fault is handled speculatively during the fork");
    }

    /** After fork, munmap(heap) in the parent: the patch keeps heap for its reader; without the count, UAF. */
    @Test
    void forkThenMunmapWithAndWithoutTheCount() {
        VmaSpec heap = Layouts.byName("heap");
        for (boolean patch : new boolean[] {true, false}) {
            Scenario sc = Layouts.scenario(Layouts.w(), patch ? Protection.PATCH
                            : Races.prot(ProtectionToggle.NO_REFCOUNT),
                    Layouts.thread("T1", new Op.Spf(Scenarios.HEAP_ADDR, false)),
                    Layouts.thread("T2", new Op.Fork(), new Op.Munmap(heap.start(), heap.end())));
            int get = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
            Trace t = run(sc, Races.slots(0, get, 1, Races.ALL, 0, Races.ALL));
            assertEquals(patch, t.violations().isEmpty(), t.violations()::toString);
            if (!patch) {
                assertTrue(Races.kinds(t).contains(Invariant.I_UAF), t.violations()::toString);
            }
        }
    }

    /**
     * exit: a thread's mmput only drops mm_users; the last user runs exit_mmap, which removes (and frees) every VMA
     * through remove_vma/put_vma. A reader holding a VMA is itself a user: the mm cannot die under it.
     */
    @Test
    void theLastUserRunsExitMmap() {
        Scenario sc = Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma(), new Op.Exit()),
                Layouts.thread("T2", new Op.Exit()));
        int get = Races.stepsThrough(sc, 0, Loc.RB_READ_UNLOCK, 1);
        Trace t = run(sc, Races.slots(0, get, 1, Races.ALL, 0, Races.ALL));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        assertTrue(Races.has(t, 1, Loc.MMPUT) && Races.has(t, 0, Loc.MMPUT_LAST), "T2 leaves first, T1 is the last");
        int frees = 0;
        for (StepRecord s : t.steps()) {
            if (s.loc() == Loc.FREE_VMA) {
                frees++;
                assertEquals(0, s.thread());
            }
        }
        assertEquals(7, frees);
        TraceCursor c = t.cursor().seek(t.size());
        assertEquals(1, Recording.words(c).mm(Field.MM_DEAD));
    }

    /** dup_mmap and exit_mmap of layout W, every micro-step, against golden/golden_fork_exit_steps.txt. */
    @Test
    void forkAndExitMatchTheGoldenSteps() throws IOException {
        Trace t = run(Layouts.scenario(Layouts.w(), Protection.PATCH,
                Layouts.thread("T1", new Op.Fork(), new Op.Exit())), Schedule.roundRobin());
        List<String> file = Files.readAllLines(GoldenStepsTest.golden("golden_fork_exit_steps.txt"));
        List<String> body = file.subList(file.indexOf("### fork") , file.size());
        assertEquals(body, render(t));
    }

    static List<String> render(Trace t) {
        List<String> out = new ArrayList<>();
        List<Integer> starts = t.operationStarts();
        String[] titles = {"### fork", "### exit"};
        for (int i = 0; i < starts.size(); i++) {
            out.add(titles[i]);
            int to = i + 1 < starts.size() ? starts.get(i + 1) - 1 : t.size();
            int n = 0;
            for (String l : GoldenFormat.lines(t, starts.get(i), to)) {
                out.add(String.format("%4d %s", ++n, l));
            }
            if (i == 0) {
                out.addAll(Tables.dump(Checker.childView(Recording.words(t.cursor().seek(to)))));
            }
            out.add("");
        }
        return out;
    }
}
