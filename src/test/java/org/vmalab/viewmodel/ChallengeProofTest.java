package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Challenge;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/** The explorer's side of a challenge: the shortest schedule to the goal, the proof with the patch, the parts. */
class ChallengeProofTest {
    @Test
    void theShortestScheduleReachesTheGoalAndThePatchIsProved() throws Exception {
        Lesson l = TestLessons.parse(TestLessons.CHALLENGE);
        Part p = l.part();
        Challenge c = p.challenge();
        ChallengeProof.Shortest s = ChallengeProof.shortest(c, p.scenario());
        assertNotNull(s);
        Trace t = Engine.run(p.scenario(), s.schedule());
        assertEquals(s.steps(), c.reachedAt(t), "the goal is reached on the shortest schedule's last step");
        assertTrue(s.steps() <= c.reachedAt(p.run()), "no longer than the lesson's own solution");
        ChallengeProof.PatchProof pp = ChallengeProof.withPatch(c, p.scenario());
        assertTrue(pp.proves(), pp.incomplete());
        assertTrue(pp.scenario().protection().toggles().isEmpty());
        assertTrue(pp.schedules().compareTo(BigInteger.ONE) > 0, "schedules counted: " + pp.schedules());
        List<ChallengeProof.PartOfPatch> parts = ChallengeProof.partsOfPatch(c, p.scenario());
        assertEquals(ChallengeProof.PARTS.size(), parts.size());
        for (ChallengeProof.PartOfPatch pt : parts) {
            assertTrue(pt.complete());
            assertEquals(pt.toggle() == ProtectionToggle.NO_LOCK, pt.reaches() != null, pt.toggle() + " alone");
        }
        assertTrue(ChallengeProof.verify(l).isEmpty(), () -> ChallengeProof.verify(l).toString());
    }

    @Test
    void aGoalThatIsNotAViolationIsSearchedBreadthFirst() throws Exception {
        Lesson l = LessonLoader.parse("""
                title: Toy
                layout: W
                threads:
                  - name: T1
                    program: [fault 0x55555575e000]
                  - name: T2
                    program: [brk 0x55555579f000]
                schedule: [T2, T1]
                challenge:
                  goal: {text: Make T1 sleep., thread: T1, step: SEM_DOWN_READ_SLEEP}
                  max_steps: 10
                """, "toy.yaml");
        Challenge c = l.part().challenge();
        ChallengeProof.Shortest s = ChallengeProof.shortest(c, l.part().scenario());
        assertEquals(List.of(1, 0), s.threads(), "T2 takes mmap_sem, then T1 sleeps");
        assertTrue(ChallengeProof.verify(l).isEmpty());
        assertTrue(ChallengeProof.partsOfPatch(c, l.part().scenario()).isEmpty(), "no explorer for an event goal");
        assertNull(ChallengeProof.withPatch(c, l.part().scenario()).reached());
    }

    @Test
    void theGuidesChallengeExampleValidates() throws Exception {
        String md = java.nio.file.Files.readString(java.nio.file.Path.of("docs/WRITING-LESSONS.md"));
        int a = md.indexOf("<!-- challenge-example:start -->");
        int b = md.indexOf("<!-- challenge-example:end -->");
        assertTrue(a >= 0 && b > a, "the guide marks its challenge example");
        String block = md.substring(a, b);
        Lesson l = LessonLoader.parse(block.substring(block.indexOf("```yaml\n") + 8, block.lastIndexOf("```")),
                "WRITING-LESSONS.md");
        assertEquals("98-challenge", l.id());
        assertNotNull(l.part().challenge());
        assertTrue(LessonLoader.verify(l).isEmpty(), () -> LessonLoader.verify(l).toString());
        assertTrue(ChallengeProof.verify(l).isEmpty(), () -> ChallengeProof.verify(l).toString());
    }
    /**
     * The proof card lists each part of the patch as "without WORDS": the words name the part itself, with no
     * "without" or "not" of their own ("without get_vma's walk without the vmacache" read as a double negative).
     */
    @Test
    void eachPartOfThePatchReadsAfterWithout() {
        for (ProtectionToggle t : ProtectionToggle.values()) {
            String w = ChallengeProof.words(t);
            assertTrue(!w.contains("without") && !w.contains(" not "), t + ": without " + w);
        }
    }

    /**
     * A goal tried again with the patch ("With the patch: " and the goal) says only what to make happen: a goal that
     * also named what the part takes away read "With the patch: Without mm_rb_lock, make heap be freed twice" (lesson
     * 12), or "The lock is back but the reference count is not" once the count was back. The part's narration and
     * its protection toggles say what it takes away.
     */
    @Test
    void aGoalTriedWithThePatchDoesNotSayWhatThePartTakesAway() throws Exception {
        List<String> bad = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("lessons"))) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                Lesson l = LessonLoader.load(f);
                for (Part p : l.parts()) {
                    Challenge c = p.challenge();
                    if (c == null || !c.patchUnreachable()) {
                        continue;
                    }
                    String t = c.text().toLowerCase(java.util.Locale.ROOT);
                    for (String w : List.of("without", "with the ", "ignores", " is not", "too early", "is back")) {
                        if (t.contains(w)) {
                            bad.add(l.id() + " \"" + c.text() + "\" says '" + w + "'");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}
