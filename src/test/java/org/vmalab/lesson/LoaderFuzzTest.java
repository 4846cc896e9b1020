package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.Fuzz;

/**
 * Random text and mutated lessons never make the loader throw anything but its own {@link LessonException}
 * (with a located one-line message), and never make it hang: each try has a time limit.
 */
class LoaderFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    static final List<String> LESSONS = read();
    static final String YAMLISH = ":-[]{},&*!|>'\"#%@`?\n\n\t  0x123abcTWxyz_.";

    static List<String> read() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(LoaderErrorsTest.OK);
        return out;
    }

    /** Parses within the time limit; only a located LessonException may come out. */
    static void parseSafely(String text) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                LessonLoader.parse(text, "fuzz.yaml");
            } catch (LessonException e) {
                check(e);
            }
        });
    }

    static void check(LessonException e) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertFalse(m.contains("internal error"), m);
        assertFalse(e.line() < 1 || e.column() < 1, m);
    }

    /** Random printable and unprintable text. */
    @TestFactory
    Stream<DynamicTest> randomTextGivesALessonOrALessonException() {
        return Fuzz.cases("loader-text", 500, r -> {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(400); i > 0; i--) {
                b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x80)));
            }
            return new Fuzz.Text(b.toString());
        }, in -> parseSafely(in.text()));
    }

    @TestFactory
    Stream<DynamicTest> yamlLikeTextGivesALessonOrALessonException() {
        return Fuzz.cases("loader-yamlish", 500, r -> {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(300); i > 0; i--) {
                b.append(YAMLISH.charAt(r.nextInt(YAMLISH.length())));
            }
            return new Fuzz.Text(b.toString());
        }, in -> parseSafely(in.text()));
    }

    @TestFactory
    Stream<DynamicTest> mutatedLessonsGiveALessonOrALessonException() {
        return Fuzz.cases("loader-mutated", 800, r -> new Fuzz.Text(mutate(LESSONS.get(r.nextInt(LESSONS.size())),
                r.nextLong(), 1 + r.nextInt(8))), in -> parseSafely(in.text()));
    }

    @TestFactory
    Stream<DynamicTest> randomBytesInAFileGiveALessonException() {
        return Fuzz.cases("loader-bytes", 200, r -> {
            byte[] b = new byte[r.nextInt(600)];
            r.nextBytes(b);
            return new Fuzz.Bytes(b);
        }, in -> {
            Path f = Files.createTempFile("fuzz", ".yaml");
            try {
                Files.write(f, in.bytes());
                assertTimeoutPreemptively(LIMIT, () -> {
                    try {
                        LessonLoader.load(f);
                    } catch (LessonException e) {
                        check(e);
                    }
                });
            } finally {
                Files.deleteIfExists(f);
            }
        });
    }

    /** {@code n} random edits (see {@link Fuzz#mutate}). */
    static String mutate(String text, long seed, int n) {
        return Fuzz.mutate(text, new Random(seed), n, YAMLISH);
    }
}
