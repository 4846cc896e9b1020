package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.lesson.Lesson;

/** Honest checkpoints, the hidden future, done marks, narration off the lesson's run, and a challenge played. */
class LessonSessionTest {
    @Test
    void aCheckpointIsCheckedItsVerdictStaysAndTheChoiceIsKept() {
        Lesson l = TestLessons.lesson();
        Player p = new Player(TaskRunner.INLINE);
        Lessons.Progress progress = Lessons.Progress.inMemory();
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, progress, TaskRunner.INLINE, null);
        assertEquals(5, p.horizon(), "the run beyond the question is hidden from the start");
        p.seek(5);
        assertNotNull(s.question());
        assertFalse(s.question().checked());
        p.stepForward();
        assertEquals(5, p.index(), "forward without a choice does not move past the question");
        p.firstViolation();
        assertEquals(5, p.index());
        s.select(0);
        p.stepForward();
        assertEquals(5, p.index(), "forward with a choice checks it");
        assertTrue(s.question().checked());
        assertFalse(s.question().right(), "T1 was wrong");
        assertEquals(0, progress.answer(s.key(), 0));
        s.select(1);
        assertEquals(0, s.question().selected(), "a checked answer cannot be changed");
        assertEquals(Integer.MAX_VALUE, p.horizon(), "answered: nothing is hidden any more");
        p.stepForward();
        assertEquals(6, p.index(), "then forward moves on");
        p.stepBack();
        assertEquals(0, s.question().selected(), "the choice is kept when stepping back");
        assertTrue(s.question().checked());
        LessonSession again = new LessonSession(p, l, 0, progress, TaskRunner.INLINE, null);
        assertTrue(again.question().checked(), "and in a new session (progress saved)");
    }

    @Test
    void aPartIsDoneOnlyWhenPlayedToItsEndWithEveryQuestionAnswered() {
        Lesson l = TestLessons.lesson();
        Player p = new Player(TaskRunner.INLINE);
        Lessons.Progress progress = Lessons.Progress.inMemory();
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, progress, TaskRunner.INLINE, null);
        s.update();
        assertFalse(s.done(), "not done when opened");
        p.end();
        s.update();
        assertFalse(s.done(), "played to the end but the question is open");
        assertTrue(s.reachedEnd());
        p.seek(5);
        s.select(1);
        assertTrue(s.check());
        assertTrue(s.question().right());
        assertTrue(s.done(), "now done");
    }

    @Test
    void offTheLessonsRunTheBannerAndTheContradictedNotes() {
        Lesson l = TestLessons.parse("""
                title: Claims
                layout: W
                threads:
                  - name: T1
                    program: [spf 0x55555575e000]
                  - name: T2
                    program: [munmap 0x55555575d000 0x55555577e000]
                schedule: [T1 x7, T2 *, T1 *]
                narration:
                  - at: start
                    title: Start
                    text: Two threads.
                  - at: end
                    title: No complaint
                    text: The checker reports no violation in this run.
                    claims: {clean: true}
                checkpoints:
                  - at: 3
                    question: q
                    choices: [a, b]
                    answer: a
                    explanation: e
                """);
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, Lessons.Progress.inMemory(), TaskRunner.INLINE, null);
        assertFalse(s.offRun());
        p.end();
        assertEquals("No complaint", p.playable().narration().said(p.trace(), p.index()).title());
        p.toggle(ProtectionToggle.NO_REFCOUNT, true);
        assertTrue(s.offRun(), "another protection: the narration describes another run");
        p.end();
        assertFalse(p.trace().violations().isEmpty());
        assertEquals("Start", p.playable().narration().said(p.trace(), p.index()).title(),
                "the card that says 'no violation' is hidden on a run with violations");
        assertEquals(List.of("No complaint"), s.hiddenNotes());
        for (String h : s.hiddenNotes()) {
            assertFalse(h.matches(".*[A-Z]+_[A-Z_]+.*"), "no raw step id: " + h);
        }
        p.reset();
        assertFalse(s.offRun());
    }


    @Test
    void aChallengeIsWonWithTheExplorersScheduleAndProvedWithThePatch() {
        Lessons.Progress progress = Lessons.Progress.inMemory();
        Challenge ch = challenge(progress);
        Player p = ch.player();
        LessonSession s = ch.session();
        ChallengeRun c = ch.run();
        assertNotNull(c);
        assertTrue(p.learnerSchedules());
        assertEquals(0, p.size(), "a challenge starts with no step");
        assertTrue(c.shortestDone());
        List<Integer> best = c.shortest().threads();
        assertEquals(Integer.MAX_VALUE, p.horizon());
        c.nextHint();
        assertEquals(List.of("Stop T1 on its way down to ld."), c.hintsShown());
        p.choose(1);
        assertEquals(1, p.size(), "the run stops where the learner's choices stop");
        p.undo();
        assertEquals(0, p.size(), "undo takes the step back");
        for (int t : best) {
            p.choose(t);
            s.update();
        }
        assertEquals(ChallengeRun.Phase.WON, c.phase());
        assertEquals(best, c.winning());
        assertFalse(s.done(), "with a patch phase to come, not done yet");
        c.withPatch();
        assertEquals(ChallengeRun.Phase.PATCH, c.phase());
        assertTrue(p.scenario().protection().toggles().isEmpty(), "the patch");
        assertEquals(0, p.size());
        for (int t : best) {
            p.choose(t);
        }
        p.chooseUntilBlocked(0);
        p.chooseUntilBlocked(1);
        p.chooseUntilBlocked(0);
        s.update();
        assertEquals(ChallengeRun.Phase.PATCH, c.phase(), "the explorer's schedule fails with the patch");
        assertEquals(1, c.attempts().size(), "the finished try is kept");
        assertTrue(c.attempts().get(0).stoppedBy().stream().anyMatch(w -> w.startsWith("mm_rb_lock")),
                c.attempts().toString());
        c.prove();
        assertEquals(ChallengeRun.Phase.PROVED, c.phase());
        assertTrue(c.proof().proves());
        assertTrue(c.partsOfPatch().stream().anyMatch(pt -> pt.toggle() == ProtectionToggle.NO_LOCK
                && pt.reaches() != null));
        s.update();
        assertTrue(s.done());
    }

    /** A schedule the learner did not make (the explorer's, handed to the player) is neither a win nor a try. */
    @Test
    void aRunTheLearnerDidNotScheduleIsNeitherAWinNorATry() {
        Challenge ch = challenge(Lessons.Progress.inMemory());
        Player p = ch.player();
        LessonSession s = ch.session();
        ChallengeRun c = ch.run();
        assertTrue(p.learnersRun(), "the challenge's start is the learner's");
        List<Integer> best = c.shortest().threads();
        Schedule handed = new Schedule(Schedule.slots(best), Schedule.Policy.STOP, p.schedule().seed(),
                p.schedule().bound());
        p.run(p.scenario(), handed, best.size());
        s.update();
        assertEquals(best, p.trace().scheduleUsed().subList(0, best.size()), "the explorer's schedule ran");
        assertFalse(p.learnersRun());
        assertEquals(ChallengeRun.Phase.TRYING, c.phase(), "the explorer's schedule is not the learner's win");
        p.undo();
        p.choose(best.get(best.size() - 1));
        s.update();
        assertEquals(ChallengeRun.Phase.TRYING, c.phase(), "nor is a step taken on top of it");

        p.reset();
        for (int t : best) {
            p.choose(t);
            s.update();
        }
        assertTrue(p.learnersRun());
        assertEquals(ChallengeRun.Phase.WON, c.phase(), "the same schedule, chosen step by step from the start");

        c.withPatch();
        Schedule toTheEnd = new Schedule(Schedule.slots(best), Schedule.Policy.ROUND_ROBIN, p.schedule().seed(),
                p.schedule().bound());
        p.run(p.scenario(), toTheEnd, 0);
        s.update();
        assertTrue(List.of(Outcome.COMPLETE, Outcome.DEADLOCK, Outcome.BOUND).contains(p.trace().outcome()),
                "the run ended: " + p.trace().outcome());
        assertEquals(List.of(), c.attempts(), "a finished run the learner did not make is not one of their tries");
        p.setProtection(p.scenario().protection());
        p.reset();
        for (int t : best) {
            p.choose(t);
        }
        for (int t = 0; t < p.trace().threadCount(); t++) {
            p.chooseUntilBlocked(t);
        }
        s.update();
        assertEquals(1, c.attempts().size(), "the learner's own finished try is kept");
    }

    @Test
    void theStepLimitStopsATry() {
        Lesson l = TestLessons.parse(TestLessons.CHALLENGE.replace("max_steps: 40", "max_steps: 30"));
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, Lessons.Progress.inMemory(), TaskRunner.INLINE, null);
        p.chooseUntilBlocked(1);
        assertEquals(25, p.size(), "T2 ran its whole insertion");
        p.chooseUntilBlocked(0);
        assertTrue(p.size() <= 30);
        for (int i = 0; i < 10; i++) {
            p.choose(0);
        }
        assertTrue(p.size() <= 30, "never beyond the limit: " + p.size());
        assertEquals(ChallengeRun.Phase.TRYING, s.challenge().phase());
        assertNull(s.question());
    }
    /**
     * "Watch it happen" does not jump over a question not yet answered: lesson 1's first question watched at step 94,
     * past the second question (step 92), whose answer the narration there gives away ("T2 and T3 woke together").
     */
    @Test
    void watchStopsAtTheNextOpenQuestion() {
        // a first question, at step 3, watched at step 7, after the lesson's own at step 5
        Lesson l = TestLessons.parse(TestLessons.TEXT.replace("      - at: 5\n", """
                      - at: 3
                        question: Who takes step 7?
                        choices: [T1, T2]
                        answer: T1
                        explanation: Round-robin alternates.
                        watch: {thread: T1, nth: 4}
                      - at: 5
                """));
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, Lessons.Progress.inMemory(), TaskRunner.INLINE, null);
        p.seek(3);
        assertEquals(7, s.question().checkpoint().watch(), "the first question is watched at step 7");
        s.select(0);
        assertTrue(s.check());
        assertEquals(5, s.watchStop(), "the second question comes first");
        s.watch();
        assertEquals(5, p.index(), "watch stops at the open question");
        assertFalse(s.question().checked());
        s.select(1);
        assertTrue(s.check());
        p.seek(3);
        assertEquals(7, s.watchStop(), "once it is answered, nothing stops the watch");
        s.watch();
        assertEquals(7, p.index());
    }

    /** A try that ends without the goal (every thread finished, or none can go on) says so, in words. */
    @Test
    void aTryThatEndsWithoutTheGoalSaysSo() {
        Challenge ch = challenge(Lessons.Progress.inMemory());
        Player p = ch.player();
        LessonSession s = ch.session();
        ChallengeRun c = ch.run();
        p.chooseUntilBlocked(0);
        s.update();
        assertNull(c.tryOver(), "T2 can still run: the try goes on");
        p.chooseUntilBlocked(1);
        s.update();
        assertEquals(Outcome.COMPLETE, p.trace().outcome());
        assertEquals(ChallengeRun.Phase.TRYING, c.phase(), "get_vma found ld: no goal");
        assertEquals("every thread has finished and the goal was not reached", c.tryOver());
        p.undo();
        s.update();
        assertNull(c.tryOver(), "a step back: the try goes on");
    }

    /**
     * A question answered (wrong, say) can be asked again: it is open once more, the run beyond it hidden, and the
     * new answer is the one kept. A student who misclicked, or a teacher who rehearsed the lesson before the class,
     * could not answer it again: the first check stayed for good.
     */
    @Test
    void aQuestionCanBeAskedAgain() {
        Lesson l = TestLessons.lesson();
        Player p = new Player(TaskRunner.INLINE);
        Lessons.Progress progress = Lessons.Progress.inMemory();
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, progress, TaskRunner.INLINE, null);
        p.seek(5);
        s.select(0);
        assertTrue(s.check());
        assertFalse(s.question().right());
        s.askAgain();
        assertFalse(s.question().checked(), "open again");
        assertEquals(-1, s.question().selected(), "with no choice picked");
        assertEquals(-1, progress.answer(s.key(), 0), "the old answer forgotten");
        assertEquals(5, p.horizon(), "the run beyond it hidden again");
        s.select(1);
        assertTrue(s.check());
        assertTrue(s.question().right());
        assertEquals(1, progress.answer(s.key(), 0));
    }

    /** The test challenge lesson's first part, loaded and opened as the window opens it, on an inline runner. */
    record Challenge(Player player, LessonSession session, ChallengeRun run) {
    }

    static Challenge challenge(Lessons.Progress progress) {
        Lesson l = TestLessons.parse(TestLessons.CHALLENGE);
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        LessonSession s = new LessonSession(p, l, 0, progress, TaskRunner.INLINE, null);
        return new Challenge(p, s, s.challenge());
    }
}
