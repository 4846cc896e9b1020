package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.TraceText;

/** The step log: TraceText's step lines, violations under their step, narration where it is placed. */
class StepLogTest {
    @Test
    void stepLinesAreTraceTextsAndViolationsFollowTheirStep() {
        Playable p = Races.race(true);
        Trace t = Engine.run(p.scenario(), p.schedule());
        StepLog log = new StepLog(t, p.narration(), List.of());
        assertEquals(t.size() + 1, log.size());
        for (int i = 1; i <= t.size(); i++) {
            String line = log.stepLine(i);
            assertTrue(line.contains(t.threadName(t.step(i).thread()) + " " + t.caption(i)), line);
            assertTrue(line.strip().startsWith(Integer.toString(i)), line);
        }
        int v = t.firstViolationStep();
        assertTrue(v > 0, "NO_REFCOUNT: a violation");
        assertTrue(log.bad(v));
        assertTrue(log.entry(v, v).contains("!! " + t.step(v).violations().get(0).invariant().id()), log.entry(v, v));
        String all = log.text(0, t.size(), t.size());
        assertTrue(all.startsWith("# "), all);
        assertEquals(t.size() + 1 + 2 + t.violations().size(), all.split("\n").length, "header 2, a line per step,"
                + " a line per violation");
    }

    @Test
    void aLessonsNarrationIsPlacedAndCheckpointAnswersWaitForTheCursor() {
        Lesson l = TestLessons.lesson();
        Playable p = Lessons.playable(l, 0);
        Trace t = Engine.run(p.scenario(), p.schedule());
        List<Narration.Checkpoint> cps = p.narration().checkpoints(t);
        StepLog log = new StepLog(t, p.narration(), cps);
        String full = TraceText.render(l, 0, t, true);
        for (int i = 1; i <= t.size(); i++) {
            assertTrue(full.contains(log.stepLine(i) + "\n"), "TraceText has the same step line: " + log.stepLine(i));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= t.size(); i++) {
            b.append(log.entry(i, t.size())).append('\n');
        }
        assertTrue(b.toString().contains(">> narration"), b.toString());
        if (!cps.isEmpty()) {
            Narration.Checkpoint c = cps.get(0);
            assertTrue(log.entry(c.index(), c.index()).contains("?? checkpoint: "));
            assertTrue(!log.entry(c.index(), c.index()).contains("answer:"), "not before stepping on");
            assertTrue(log.entry(c.index(), c.index() + 1).contains("answer: " + c.choices().get(c.answer())));
        }
    }

    /** Once the cursor is past a question, the log gives the reason of each wrong choice, after the answer. */
    @Test
    void theReasonsOfTheWrongChoicesFollowTheAnswer() {
        Lesson l = TestLessons.lesson();
        Playable p = Lessons.playable(l, 0);
        Trace t = Engine.run(p.scenario(), p.schedule());
        Narration.Checkpoint c = p.narration().checkpoints(t).get(0);
        assertEquals(List.of("T1", "T2"), c.choices());
        Narration.Checkpoint why = new Narration.Checkpoint(c.index(), c.question(), c.choices(), c.answer(),
                c.explanation(), List.of("Round-robin gave T1\nstep 5.", ""), c.id(), c.watch());
        StepLog log = new StepLog(t, p.narration(), List.of(why));
        assertTrue(!log.entry(c.index(), c.index()).contains("not a)"), "not before stepping on");
        String after = log.entry(c.index(), c.index() + 1);
        assertTrue(after.lines().anyMatch(x -> x.strip().equals("not a): Round-robin gave T1 step 5."))
                && after.indexOf("answer: T2") < after.indexOf("not a)"), "a line of its own, after the answer: "
                + after);
    }
}
