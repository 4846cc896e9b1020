package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * mprotect through vma_merge cases 4 to 8 and the split path, every micro-step against
 * {@code golden/golden_mprotect_steps.txt} (written from the engine and checked by hand against v4.15
 * mm/mprotect.c and mm/mmap.c with SPF v8 1-17; see the file's header).
 */
class GoldenMprotectTest {
    static final long A = 0x7ffff7a00000L;
    static final long B = 0x7ffff7a10000L;
    static final long C = 0x7ffff7a20000L;
    static final long D = 0x7ffff7a30000L;
    static final long RW = Layouts.RW;
    static final long R = Const.VM_READ;
    static final long RX = Const.VM_READ | Const.VM_EXEC;

    /** text, A [A, B), B [B, C), C [C, D), stack, with the given flags and anon_vma ids. */
    static List<VmaSpec> layout(long fa, long fb, long fc, long anonC) {
        return List.of(Layouts.byName("text"), new VmaSpec("A", A, B, fa, false, 1),
                new VmaSpec("B", B, C, fb, false, 1),
                new VmaSpec("C", C, D, fc, false, anonC), Layouts.byName("stack"));
    }

    /** One case: its title (the section header), layout and mprotect. */
    record Case(String title, int mergeCase, List<VmaSpec> layout, Op.Mprotect op) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("case 4: the end of A becomes r--, B grows down", 4, layout(RW, R, RW, 1),
                        new Op.Mprotect(B - 0x4000, B, R)),
                new Case("case 5: the start of B becomes rw-, A grows up", 5, layout(RW, R, RX, 1),
                        new Op.Mprotect(B, B + 0x4000, RW)),
                new Case("case 6: B becomes rw-, A absorbs B and C (remove_next == 2)", 6, layout(RW, R, RW, 1),
                        new Op.Mprotect(B, C, RW)),
                new Case("case 7: B becomes rw-, A absorbs B (C has another anon_vma)", 7, layout(RW, R, RW, 2),
                        new Op.Mprotect(B, C, RW)),
                new Case("case 8: B becomes rw-, C grows down over it and B goes (remove_next == 3)", 8,
                        layout(RX, R, RW, 1), new Op.Mprotect(B, C, RW)),
                new Case("no merge: the middle of B becomes rwx, split below and above", 0, layout(RW, R, RW, 1),
                        new Op.Mprotect(B + 0x4000, B + 0x8000, RW | Const.VM_EXEC)));
    }

    static Trace run(Case c) {
        Scenario sc = Layouts.scenario(c.layout(), Protection.PATCH, Layouts.thread("T1", c.op()));
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(t.violations().isEmpty(), () -> c.title() + ": " + t.violations());
        return t;
    }

    /** The file's text for all cases (the golden file is this, checked by hand). */
    static List<String> render() {
        List<String> out = new ArrayList<>();
        for (Case c : cases()) {
            Trace t = run(c);
            out.add("### mprotect(" + Numbers.hex(c.op().start()) + ", " + Numbers.hex(c.op().end()) + ") "
                    + c.title());
            int i = 0;
            for (String l : GoldenFormat.lines(t, 1, t.size())) {
                out.add(String.format("%4d %s", ++i, l));
            }
            out.addAll(Tables.dump(Recording.words(t.cursor().seek(t.size()))));
            out.add("");
        }
        return out;
    }

    @Test
    void everyCaseMatchesTheGoldenSteps() throws IOException {
        List<String> file = Files.readAllLines(GoldenStepsTest.golden("golden_mprotect_steps.txt"));
        List<String> body = new ArrayList<>();
        boolean started = false;
        for (String l : file) {
            started |= l.startsWith("### ");
            if (started) {
                body.add(l);
            }
        }
        assertEquals(body, render());
    }

    @Test
    void theMergeCaseIsTheOneTheTitleSays() {
        for (Case c : cases()) {
            Trace t = run(c);
            int seen = 0;
            for (StepRecord s : t.steps()) {
                if (s.loc().name().startsWith("MERGE_CASE")) {
                    seen = (int) s.v();
                }
            }
            assertEquals(c.mergeCase(), seen, c.title());
            if (c.mergeCase() == 6) {
                assertTrue(Races.has(t, 0, Loc.ADJUST_REMOVE_AGAIN), c.title());
            }
        }
    }
}
