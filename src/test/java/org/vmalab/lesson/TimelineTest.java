package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Trace;

/** Narration and checkpoints land on the right steps, and the player's questions have simple answers. */
class TimelineTest {
    static final String TEXT = LoaderErrorsTest.OK + """
            narration:
              - at: start
                title: intro
                text: before anything
              - at: 3
                text: |
                  third step
                  second line
              - when: T2 ERASE_WRITE_LOCK
                text: the writer takes the lock
              - when: {thread: T1, step: PUT_VMA_DEC, nth: last}
                text: last put
              - at: end
                text: the end
            checkpoints:
              - when: {thread: T2, kind: lock, nth: 1}
                question: what next?
                choices: [a, b]
                answer: b
                explanation: because
            expect: {outcome: complete, violations: false}
            """;

    @Test
    void cuesArePlacedOnTheirSteps() throws Exception {
        Lesson l = LessonLoader.parse(TEXT, "t.yaml");
        Part p = l.part();
        Trace t = p.run();
        CueTimeline tl = p.timeline(t);
        assertTrue(tl.unplaced().isEmpty());
        assertEquals(6, tl.entries().size());
        assertEquals(0, tl.entries().get(0).step());
        assertEquals("intro", tl.narrationAt(0).orElseThrow().title());
        assertEquals("before anything", tl.narrationAt(2).orElseThrow().text());
        assertEquals("third step\nsecond line", tl.narrationAt(3).orElseThrow().text());
        int lock = -1;
        for (int i = 1; i <= t.size(); i++) {
            if (t.step(i).loc() == Loc.ERASE_WRITE_LOCK) {
                lock = i;
                break;
            }
        }
        assertEquals("the writer takes the lock", tl.narrationsAt(lock).get(0).text());
        assertEquals(lock, tl.narrationStepAt(lock + 1));
        assertEquals("the end", tl.narrationAt(t.size()).orElseThrow().text());
        int cp = tl.nextCheckpoint(0);
        assertTrue(cp > 0);
        assertEquals("b", tl.checkpointAt(cp).orElseThrow().answerText());
        assertEquals(-1, tl.nextCheckpoint(cp));
        assertTrue(CueTimeline.revealed(cp, cp + 1));
        assertEquals(List.of(), LessonLoader.verify(l));
    }

    @Test
    void eventCuesFollowTheEventWhenTheScheduleChanges() throws Exception {
        Lesson l = LessonLoader.parse(TEXT, "t.yaml");
        Part p = l.part();
        /* the user let the writer go first: the lock event moves, the position cue stays */
        Trace writerFirst = Engine.run(p.scenario(), new Schedule(List.of(new Schedule.Slot(1,
                Schedule.Slot.UNTIL_BLOCKED)), Schedule.Policy.ROUND_ROBIN, 0, Schedule.DEFAULT_BOUND));
        CueTimeline tl = p.timeline(writerFirst);
        CueTimeline.Entry lock = tl.entries().stream().filter(e -> e.cue() instanceof Narration n
                && n.text().startsWith("the writer")).findFirst().orElseThrow();
        assertEquals(Loc.ERASE_WRITE_LOCK, writerFirst.step(lock.step()).loc());
        assertEquals("third step\nsecond line", tl.narrationsAt(3).get(0).text());
        /* a stopped run without the event leaves the cue unplaced */
        Trace short3 = Engine.run(p.scenario(), Schedule.explicit(List.of(0, 0, 0)));
        CueTimeline t3 = p.timeline(short3);
        assertTrue(t3.unplaced().stream().anyMatch(c -> c instanceof Narration n && n.text().startsWith("the writer")));
    }

    @Test
    void theVerifierReportsCuesThatNeverHappenAndWrongExpectations() throws Exception {
        String bad = LoaderErrorsTest.OK + """
                narration:
                  - when: {thread: T1, step: ERASE_WRITE_LOCK}
                    text: never
                checkpoints:
                  - at: end
                    question: q
                    choices: [a, b]
                    answer: a
                    explanation: e
                expect: {violations: true, invariants: [I-UAF]}
                """;
        List<LessonException> problems = LessonLoader.verify(LessonLoader.parse(bad, "b.yaml"));
        List<String> m = problems.stream().map(LessonException::getMessage).toList();
        assertEquals(4, m.size(), m::toString);
        assertTrue(m.get(0).startsWith("b.yaml:10:5: narration anchored to the first step with thread T1, step "
                + "ERASE_WRITE_LOCK, which does not occur"), m::toString);
        assertTrue(m.stream().anyMatch(s -> s.startsWith("b.yaml:13:5: checkpoint on the last step")), m::toString);
        assertTrue(m.stream().anyMatch(s -> s.startsWith("b.yaml:18:9: part 'A small scenario': expected a violation "
                + "but the checker reports none")), m::toString);
        assertTrue(m.stream().anyMatch(s -> s.contains("expected a violation of I-UAF")), m::toString);
    }
}
