package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.engine.trace.Trace;

/**
 * Every shipped lesson loads, verifies (each cue finds its step, each expected outcome holds) and replays its
 * golden trace text, one file per part under {@code src/test/resources/golden-traces}. Run with
 * {@code -Dgolden.update=true} to rewrite the golden files after an intended change, then read the diff.
 */
class ShippedLessonsTest {
    static final Path LESSONS = Path.of("lessons");
    static final Path GOLDEN = Path.of("src/test/resources/golden-traces");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Path> lessonFiles() throws IOException {
        try (Stream<Path> s = Files.list(LESSONS)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The end of a sentence: a full stop, question or exclamation mark before a blank or the end. */
    static final Pattern SENTENCE_END = Pattern.compile("[.!?][)\"]?(\\s|$)");

    static String goldenName(Lesson l, int part) {
        return l.id() + ".part" + (part + 1) + ".txt";
    }

    @Test
    void thereAreSixteenLessonsAndTheFirstIsWhatTheAppOpensOn() throws Exception {
        List<Path> files = lessonFiles();
        assertEquals(16, files.size(), files::toString);
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            assertTrue(name.startsWith(String.format("%02d-", i + 1)), files::toString);
        }
        assertTrue(files.get(0).getFileName().toString().startsWith("01-"));
        assertEquals(files.get(0).toAbsolutePath().normalize().getParent(),
                LessonLoader.lessonsDirectory(), "the lessons directory is found from the working directory");
        List<LessonLoader.LessonFile> all = LessonLoader.loadDirectory(LESSONS);
        assertEquals(16, all.size());
        assertTrue(all.stream().allMatch(LessonLoader.LessonFile::ok), () -> all.stream()
                .filter(f -> !f.ok()).map(f -> f.error().getMessage()).collect(Collectors.joining("\n")));
    }

    @TestFactory
    Stream<DynamicTest> everyLessonIsCompleteAndVerifies() throws IOException {
        return lessonFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Lesson l = LessonLoader.load(f);
            String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            assertEquals(stem, l.id(), "the id is the file name");
            assertFalse(l.title().isBlank());
            assertFalse(l.summary().isBlank(), "a summary for the lesson browser");
            assertTrue(l.objectives().size() >= 2, "objectives");
            assertTrue(l.isNarrated());
            boolean required = false;
            for (Part p : l.parts()) {
                String part = l.id() + " '" + p.title() + "'";
                assertFalse(p.narration().isEmpty(), part + ": narration");
                assertTrue(p.expect().isStated(), part + ": an expected outcome for check and the tests");
                assertFalse(p.explore(), "shipped lessons use fixed schedules, so that their narration is checked");
                assertTrue(!p.checkpoints().isEmpty() || p.challenge() != null, part + ": a checkpoint or a challenge");
                if (p.challenge() == null) {
                    assertTrue(p.checkpoints().stream().anyMatch(c -> c.watch() != null), part + ": at least one "
                            + "question asks for a prediction about the picture (watch:)");
                }
                required |= !p.optional();
                for (Narration n : p.narration()) {
                    List<String> lines = n.text().strip().lines().filter(s -> !s.isBlank()).toList();
                    assertTrue(lines.size() <= 5 && n.text().length() <= 620, part + ", card '" + n.title()
                            + "': one idea in at most 5 lines (" + lines.size() + " lines, " + n.text().length()
                            + " characters)");
                }
                for (Checkpoint c : p.checkpoints()) {
                    int answer = c.answerText().length();
                    int other = 0;
                    for (int k = 0; k < c.choices().size(); k++) {
                        if (k != c.answer()) {
                            other = Math.max(other, c.choices().get(k).length());
                        }
                    }
                    assertTrue(answer <= other * 1.3 + 6, part + ", question '" + c.question() + "': the answer ("
                            + answer + " characters) is much longer than every other choice (" + other + ")");
                    for (int k = 0; k < c.choices().size(); k++) {
                        String why = c.whyNot(k).strip();
                        String where = part + ", question '" + c.question() + "', choice '" + c.choices().get(k) + "'";
                        if (k == c.answer()) {
                            continue;
                        }
                        assertFalse(why.isEmpty(), where + ": a reason why this choice is wrong (why_not)");
                        assertTrue(why.length() <= 240 && SENTENCE_END.matcher(why).results().count() <= 2,
                                where + ": one or two sentences (" + why.length() + " characters): " + why);
                        assertFalse(why.equals(c.explanation().strip()), where + ": not the explanation again");
                    }
                }
            }
            assertTrue(required, "a lesson is not only optional drills");
            List<LessonException> problems = LessonLoader.verify(l);
            assertTrue(problems.isEmpty(), () -> problems.stream().map(LessonException::getMessage)
                    .collect(Collectors.joining("\n")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPartMatchesItsGoldenTrace() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : lessonFiles()) {
            Lesson l;
            try {
                l = LessonLoader.load(f);
            } catch (LessonException e) {
                tests.add(DynamicTest.dynamicTest(f.toString(), () -> fail(e.getMessage())));
                continue;
            }
            for (int i = 0; i < l.parts().size(); i++) {
                int part = i;
                Lesson lesson = l;
                tests.add(DynamicTest.dynamicTest(goldenName(l, i), () -> checkGolden(lesson, part)));
            }
        }
        return tests.stream();
    }

    static void checkGolden(Lesson l, int part) throws IOException {
        Trace t = l.parts().get(part).run();
        String text = TraceText.render(l, part, t, false);
        Path g = GOLDEN.resolve(goldenName(l, part));
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(g, text, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(g), "missing golden trace " + g + " (run the tests with -Dgolden.update=true to "
                + "write it, then review it)");
        String expected = Files.readString(g, StandardCharsets.UTF_8);
        if (!expected.equals(text)) {
            assertEquals(expected, text, "the run of " + l.id() + " part " + (part + 1) + " differs from " + g
                    + "; if the change is intended, rerun with -Dgolden.update=true and review the diff");
        }
        /* the same run twice gives the same text: the engine is deterministic */
        assertEquals(text, TraceText.render(l, part, l.parts().get(part).run(), false));
    }

    @Test
    void theRaceLessonsHaveChallengesProvedWithThePatch() throws Exception {
        for (Path f : lessonFiles()) {
            Lesson l = LessonLoader.load(f);
            int n = Integer.parseInt(l.id().substring(0, 2));
            long challenges = l.parts().stream().filter(p -> p.challenge() != null).count();
            long proved = l.parts().stream().filter(p -> p.challenge() != null && p.challenge().patchUnreachable())
                    .count();
            if (n >= 11 && n <= 15) {
                assertTrue(proved >= 1, l.id() + ": a race lesson has a challenge that the patch makes impossible");
            } else if (n == 10) {
                assertTrue(challenges >= 2, l.id() + ": the scheduler's lesson is played as challenges");
            }
        }
    }

    @Test
    void noStaleGoldenFiles() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Path f : lessonFiles()) {
            Lesson l = LessonLoader.load(f);
            for (int i = 0; i < l.parts().size(); i++) {
                expected.add(goldenName(l, i));
            }
        }
        if (UPDATE) {
            try (Stream<Path> s = Files.list(GOLDEN)) {
                for (Path p : s.toList()) {
                    if (!expected.contains(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
            return;
        }
        try (Stream<Path> s = Files.list(GOLDEN)) {
            List<String> extra = s.map(p -> p.getFileName().toString()).filter(n -> !expected.contains(n)).toList();
            assertTrue(extra.isEmpty(), "golden traces of parts that no longer exist: " + extra);
        }
    }

    @Test
    void theTextLogCarriesTheWholeNarration() throws Exception {
        Lesson l = LessonLoader.load(LESSONS.resolve("02-find-vma.yaml"));
        String full = TraceText.render(l, 0, l.part().run(), true);
        assertTrue(full.contains("`find_vma` returns the lowest VMA with `vm_end > addr`"), full);
        assertTrue(full.contains("* data"), "the right choice of a checkpoint is marked");
        assertNotNull(l.scenario());
        assertNotNull(l.schedule());
    }
}
