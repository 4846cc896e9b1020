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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

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

    @Property(tries = 500)
    void randomTextGivesALessonOrALessonException(@ForAll @Size(max = 400) String text) {
        parseSafely(text);
    }

    @Property(tries = 500)
    void yamlLikeTextGivesALessonOrALessonException(@ForAll("yamlish") String text) {
        parseSafely(text);
    }

    @Property(tries = 800)
    void mutatedLessonsGiveALessonOrALessonException(@ForAll("mutated") String text) {
        parseSafely(text);
    }

    @Property(tries = 200)
    void randomBytesInAFileGiveALessonException(@ForAll @Size(max = 600) byte[] bytes) throws IOException {
        Path f = Files.createTempFile("fuzz", ".yaml");
        try {
            Files.write(f, bytes);
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
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings().withChars(YAMLISH).ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.integers().between(0, LESSONS.size() - 1).flatMap(i -> Arbitraries.longs()
                .flatMap(seed -> Arbitraries.integers().between(1, 8).map(n -> mutate(LESSONS.get(i), seed, n))));
    }

    /** {@code n} random edits: delete, insert YAML-ish characters, replace, duplicate, swap or cut lines. */
    static String mutate(String text, long seed, int n) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(text);
        for (int k = 0; k < n && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(7)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(20)));
                case 1 -> {
                    StringBuilder ins = new StringBuilder();
                    for (int j = r.nextInt(6) + 1; j > 0; j--) {
                        ins.append(YAMLISH.charAt(r.nextInt(YAMLISH.length())));
                    }
                    b.insert(at, ins);
                }
                case 2 -> b.setCharAt(at, YAMLISH.charAt(r.nextInt(YAMLISH.length())));
                case 3, 4 -> {
                    String[] lines = b.toString().split("\n", -1);
                    List<String> ls = new ArrayList<>(List.of(lines));
                    int i = r.nextInt(ls.size());
                    int j = r.nextInt(ls.size());
                    if (r.nextBoolean()) {
                        ls.add(j, ls.get(i));
                    } else {
                        String t = ls.get(i);
                        ls.set(i, ls.get(j));
                        ls.set(j, t);
                    }
                    b.setLength(0);
                    b.append(String.join("\n", ls));
                }
                case 5 -> b.setLength(at);
                default -> b.insert(at, (char) r.nextInt(0x3000));
            }
        }
        return b.toString();
    }
}
