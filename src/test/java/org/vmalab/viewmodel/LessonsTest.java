package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.lesson.Lesson;

/** Lessons in the player: narration in step with the cursor, checkpoints, parts, progress, bad files. */
class LessonsTest {
    @Test
    void narrationFollowsTheCursor() {
        Lesson l = TestLessons.lesson();
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        Narration n = p.playable().narration();
        Narration.Said s0 = n.said(p.trace(), 0);
        assertEquals("Two threads", s0.title());
        assertEquals(0, s0.index());
        p.seek(2);
        assertEquals("Two threads", n.said(p.trace(), 2).title(), "in force until the next cue");
        p.seek(3);
        Narration.Said s3 = n.said(p.trace(), 3);
        assertEquals("The walk", s3.title());
        assertEquals("T1 walks the tree under `mm_rb_lock`.", s3.text());
        assertTrue(p.scene().narration().startsWith("The walk: "), p.scene().narration());
        assertTrue(n.unplaced(p.trace()).isEmpty());
    }

    @Test
    void playbackPausesAtTheCheckpoint() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(TestLessons.lesson(), 0));
        assertEquals(1, p.checkpoints().size());
        Narration.Checkpoint c = p.checkpoints().get(0);
        assertEquals(5, c.index());
        assertEquals("Who takes step 6?", c.question());
        assertEquals(1, c.answer());
        p.play();
        for (int i = 0; i < 20; i++) {
            p.tick();
        }
        assertEquals(5, p.index());
        assertFalse(p.playing());
        assertNotNull(p.checkpoint());
        p.stepForward();
        assertNull(p.checkpoint());
        assertEquals(1, p.trace().step(6).thread(), "the answer: T2 takes step 6");
    }

    @Test
    void partsPlayTheirOwnScenarioAndSchedule() {
        Lesson l = TestLessons.lesson();
        Playable second = Lessons.playable(l, 1);
        assertEquals("t-race#2", second.id());
        assertEquals("A test lesson — No refcount", second.title());
        assertTrue(second.scenario().protection().has(ProtectionToggle.NO_REFCOUNT));
        Player p = new Player(TaskRunner.INLINE);
        p.load(second);
        assertTrue(p.trace().firstViolationStep() > 0, "the use-after-free of the race");
        p.choose(1);
        p.reset();
        assertEquals(0, p.index());
        assertEquals("t-race#2", p.playable().id());
    }

    @Test
    void progressCountsPartsPlayedToTheEnd() {
        Lesson l = TestLessons.lesson();
        Lessons.Progress pr = Lessons.Progress.inMemory();
        assertFalse(Lessons.done(l, pr));
        pr.markDone(Lessons.key(l, 0));
        assertEquals(1, Lessons.partsDone(l, pr));
        assertFalse(Lessons.done(l, pr));
        pr.markDone(Lessons.key(l, 1));
        assertTrue(Lessons.done(l, pr));
    }

    @Test
    void aBadFileIsListedWithItsErrorAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-good.yaml"), TestLessons.TEXT);
        Files.writeString(dir.resolve("02-bad.yaml"), "id: bad\ntitle: [unclosed\n");
        Files.write(dir.resolve("03-junk.yaml"), new byte[] {(byte) 0xff, 0, 1, 2});
        List<Lessons.Entry> es = Lessons.load(dir);
        assertEquals(3, es.size());
        assertTrue(es.get(0).ok());
        assertEquals("t-race", es.get(0).id());
        assertFalse(es.get(1).ok());
        assertTrue(es.get(1).error().startsWith(dir.resolve("02-bad.yaml").toString() + ":"), es.get(1).error());
        assertEquals("02-bad", es.get(1).id());
        assertFalse(es.get(2).ok());
        assertTrue(Lessons.load(dir.resolve("missing")).isEmpty());
        assertTrue(Lessons.load(null).isEmpty());
    }

    /**
     * What a student reads of the shipped lessons (titles, done titles, summaries, objectives, narration, questions,
     * choices, explanations, the reasons of wrong choices, goals and hints) names no internal id: no protection
     * toggle, lock policy or step name as the code spells it, and no spec section. Lesson 16's done titles said
     * "READER_PREF: ..." and "QUEUED: ...".
     */
    @Test
    void theShippedLessonsTextNamesNoInternalId() throws Exception {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Enum<?> e : ProtectionToggle.values()) {
            ids.add(e.name());
        }
        for (Enum<?> e : org.vmalab.engine.RwlockPolicy.values()) {
            ids.add(e.name());
        }
        for (Enum<?> e : org.vmalab.engine.trace.Loc.values()) {
            ids.add(e.name());
        }
        // kernel identifiers that happen to be spelled like a step: a student meets them in the kernel's code
        ids.removeAll(List.of("RB_CLEAR_NODE", "RB_EMPTY_NODE"));
        List<String> found = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("lessons"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                Lesson l = org.vmalab.lesson.LessonLoader.load(f);
                List<String> texts = new java.util.ArrayList<>(List.of(l.title(), l.summary()));
                texts.addAll(l.objectives());
                for (org.vmalab.lesson.Part p : l.parts()) {
                    texts.add(p.title());
                    texts.add(p.doneTitle() == null ? "" : p.doneTitle());
                    for (org.vmalab.lesson.Narration n : p.narration()) {
                        texts.add(n.title() == null ? "" : n.title());
                        texts.add(n.text());
                    }
                    for (org.vmalab.lesson.Checkpoint c : p.checkpoints()) {
                        texts.add(c.question());
                        texts.addAll(c.choices());
                        texts.add(c.explanation());
                        texts.addAll(c.whyNot());
                    }
                    if (p.challenge() != null) {
                        texts.add(p.challenge().text());
                        texts.addAll(p.challenge().hints());
                    }
                }
                for (String t : texts) {
                    for (String w : (t == null ? "" : t).split("[^A-Za-z0-9_§]+")) {
                        if (ids.contains(w) || w.startsWith("§") || w.equals("SEMANTICS")) {
                            found.add(l.id() + ": " + w + " in \"" + t + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
