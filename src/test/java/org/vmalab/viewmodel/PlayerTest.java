package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;

/** The view model without a toolkit: navigation, being the scheduler, protections, playback. */
class PlayerTest {
    private Player p;
    private int fired;

    @BeforeEach
    void setUp() {
        p = new Player(TaskRunner.INLINE);
        p.addListener(x -> fired++);
        p.load(Playable.of(Scenarios.defaultScenario()));
    }

    @Test
    void loadsTheDefaultScenarioAtTheStart() {
        Trace expected = Engine.run(Scenarios.defaultScenario(), Schedule.roundRobin());
        assertEquals(expected.size(), p.size());
        assertEquals(0, p.index());
        assertNotNull(p.scene());
        assertEquals(0, p.scene().index());
        assertFalse(p.busy());
        assertTrue(fired >= 2, "busy, then done");
    }

    @Test
    void stepsForwardAndBackOneAtATime() {
        p.stepForward();
        assertEquals(1, p.index());
        assertEquals(Player.Move.FORWARD_ONE, p.lastMove());
        assertNotNull(p.previousScene());
        assertEquals(0, p.previousScene().index());
        p.stepBack();
        assertEquals(0, p.index());
        assertEquals(Player.Move.JUMP, p.lastMove(), "going back snaps");
        assertNull(p.previousScene());
        p.stepBack();
        assertEquals(0, p.index(), "clamped at the start");
        p.end();
        assertEquals(p.size(), p.index());
        p.stepForward();
        assertEquals(p.size(), p.index(), "clamped at the end");
        p.home();
        assertEquals(0, p.index());
    }

    @Test
    void operationsJumpToTheirBoundaries() {
        List<Integer> starts = p.operationStarts();
        assertEquals(List.of(1, 2), starts, "T1's spf at step 1, T2's munmap at step 2");
        p.operationForward();
        assertEquals(1, p.index(), "just before T2's operation starts");
        p.operationForward();
        assertEquals(p.size(), p.index(), "no later operation: the end");
        p.operationBack();
        assertEquals(1, p.index());
        p.operationBack();
        assertEquals(0, p.index());
    }

    @Test
    void chooseTheNextThreadCutsTheScheduleAndReplays() {
        assertEquals(0, p.trace().scheduleUsed().get(0), "round-robin starts with T1");
        p.choose(1);
        assertEquals(1, p.index());
        assertEquals(1, p.trace().step(1).thread(), "T2 took step 1");
        assertEquals(Player.Move.FORWARD_ONE, p.lastMove(), "the choice animates");
        assertEquals("T2", p.scene().step().threadName());
        // choosing the thread the trace already runs next just moves on
        Trace before = p.trace();
        int next = before.scheduleUsed().get(1);
        p.choose(next);
        assertSame(before, p.trace());
        assertEquals(2, p.index());
    }

    @Test
    void aFinishedThreadCannotBeChosen() {
        p.end();
        Trace before = p.trace();
        p.choose(0);
        assertSame(before, p.trace());
        assertTrue(p.message().contains("T1 has finished"), p.message());
        assertFalse(p.canRun(0));
        p.choose(7);
        assertTrue(p.message().contains("no thread 8"), p.message());
    }

    @Test
    void runUntilBlockedRunsOneThreadToItsEnd() {
        p.chooseUntilBlocked(1);
        Trace t = p.trace();
        int k = p.index();
        assertTrue(k > 10, "T2 ran its whole munmap: " + k);
        for (int i = 1; i <= k; i++) {
            assertEquals(1, t.step(i).thread());
        }
        assertTrue(p.message().startsWith("T2 ran " + k + " steps"), p.message());
    }

    @Test
    void aProtectionMakesAViolationAppearAndDisappear() {
        p.load(Races.race(false));
        assertEquals(-1, p.trace().firstViolationStep(), "the patch: no violation");
        p.end();
        p.toggle(ProtectionToggle.NO_REFCOUNT, true);
        assertTrue(p.scenario().protection().has(ProtectionToggle.NO_REFCOUNT));
        int first = p.trace().firstViolationStep();
        assertTrue(first > 0, "without the refcount, T1 uses heap after T2 freed it");
        assertEquals("I_UAF", p.trace().step(first).violations().get(0).invariant().name());
        assertEquals(p.size(), p.index(), "the cursor stays where it was (clamped)");
        assertFalse(p.scene().checks().soFar().isEmpty());
        p.firstViolation();
        assertEquals(first, p.index());
        p.toggle(ProtectionToggle.NO_REFCOUNT, false);
        assertEquals(-1, p.trace().firstViolationStep(), "with the patch again, the violation is gone");
        assertTrue(p.scene().checks().soFar().isEmpty());
    }

    @Test
    void prePatchExcludesTheOtherToggles() {
        p.toggle(ProtectionToggle.NO_LOCK, true);
        p.toggle(ProtectionToggle.PRE_PATCH, true);
        assertEquals(java.util.Set.of(ProtectionToggle.PRE_PATCH), p.scenario().protection().toggles());
        p.toggle(ProtectionToggle.NO_EMPTY_CHECK, true);
        assertEquals(java.util.Set.of(ProtectionToggle.NO_EMPTY_CHECK), p.scenario().protection().toggles());
        p.setPolicy(RwlockPolicy.READER_PREF);
        assertEquals(RwlockPolicy.READER_PREF, p.scenario().protection().policy());
    }

    @Test
    void resetGoesBackToThePlayable() {
        p.choose(1);
        p.toggle(ProtectionToggle.NO_LOCK, true);
        p.reset();
        assertEquals(0, p.index());
        assertTrue(p.scenario().protection().toggles().isEmpty());
        assertEquals(0, p.trace().scheduleUsed().get(0));
    }

    @Test
    void playbackTicksAndStopsAtTheEnd() {
        p.play();
        assertTrue(p.playing());
        p.tick();
        p.tick();
        assertEquals(2, p.index());
        p.seek(p.size() - 1);
        p.tick();
        assertEquals(p.size(), p.index());
        assertFalse(p.playing(), "stops at the end");
        p.play();
        assertEquals(0, p.index(), "play at the end starts over");
        p.setSpeed(1000);
        assertEquals(60, p.speed());
    }

    @Test
    void playbackPausesAtACheckpoint() {
        Narration n = new Narration() {
            @Override
            public String textAt(Trace trace, int index) {
                return index == 3 ? "Now T1 walks the tree." : "";
            }

            @Override
            public List<Checkpoint> checkpoints(Trace trace) {
                return List.of(new Checkpoint(3, "Which thread runs next?", List.of("T1", "T2"), 1, ""));
            }
        };
        p.load(new Playable("l", "lesson", "", Scenarios.defaultScenario(), Schedule.roundRobin(), n));
        p.play();
        for (int i = 0; i < 6; i++) {
            p.tick();
        }
        assertEquals(3, p.index());
        assertFalse(p.playing());
        assertNotNull(p.checkpoint());
        assertEquals("Now T1 walks the tree.", p.scene().narration());
    }

    /** Background work and posts kept until the test runs them. */
    static final class Deferred implements TaskRunner {
        final List<Runnable> work = new ArrayList<>();
        final List<Runnable> posted = new ArrayList<>();

        @Override
        public void execute(Runnable r) {
            work.add(r);
        }

        @Override
        public void post(Runnable r) {
            posted.add(r);
        }

        /** Runs the work and the posts, and what they start in turn, until nothing is left. */
        void drain() {
            while (!work.isEmpty() || !posted.isEmpty()) {
                List<Runnable> w = new ArrayList<>(work);
                work.clear();
                w.forEach(Runnable::run);
                List<Runnable> ps = new ArrayList<>(posted);
                posted.clear();
                ps.forEach(Runnable::run);
            }
        }
    }

    @Test
    void backgroundWorkIsPostedAndStaleResultsAreDropped() {
        Deferred deferred = new Deferred();
        Player q = new Player(deferred);
        q.load(Playable.of(Scenarios.defaultScenario()));
        assertTrue(q.busy());
        assertNull(q.trace(), "nothing yet: the UI thread did not wait");
        q.load(Races.race(true));
        deferred.work.forEach(Runnable::run);
        deferred.posted.forEach(Runnable::run);
        assertFalse(q.busy());
        assertTrue(q.trace().firstViolationStep() > 0, "the second load wins");
    }

    /**
     * A learner's choices pressed while a run is still being made are kept and taken in order, not dropped: pressing
     * 1 seven times quickly in lesson 12's challenge gave T1 four steps, as the keys that came during a run were lost.
     * Another command (a reset, another lesson) forgets the ones still waiting.
     */
    @Test
    void choicesMadeWhileARunIsMadeAreKeptInOrder() {
        Deferred deferred = new Deferred();
        Runnable drain = deferred::drain;
        Player q = new Player(deferred);
        q.load(Lessons.playable(TestLessons.parse(TestLessons.CHALLENGE), 0));
        drain.run();
        assertEquals(0, q.size());
        q.choose(0);
        assertTrue(q.busy());
        q.choose(0);
        q.choose(0);
        q.chooseUntilBlocked(1);
        q.undo();
        drain.run();
        assertFalse(q.busy());
        assertEquals(List.of(0, 0, 0), q.trace().scheduleUsed().subList(0, 3), "three steps of T1, in order");
        int t2 = q.size() - 3;
        assertTrue(t2 > 1, "then T2 until it blocked, less the step taken back: " + t2);
        assertEquals(1, (int) q.trace().scheduleUsed().get(q.size() - 1));
        q.choose(0);
        q.choose(0);
        q.reset();
        drain.run();
        assertEquals(0, q.size(), "a reset forgets the choices still waiting");
    }

    /**
     * Shift and a number says "finished" when that thread finished, though another thread has not: lesson 10's
     * "Let T1 go first, all the way" said "T1 ran 13 steps until it could not go on" once T1's fault was done.
     */
    @Test
    void aThreadRunUntilItEndsIsSaidToHaveFinished() {
        Player q = new Player(TaskRunner.INLINE);
        q.load(Lessons.playable(TestLessons.parse(TestLessons.CHALLENGE), 0));
        q.chooseUntilBlocked(0);
        assertTrue(q.message().endsWith("until it finished."), q.message());
    }
}
