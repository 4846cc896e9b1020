package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.lesson.BuiltinLessons;

/**
 * {@code vmalab open FILE|ID [--part N]}: the file is read before any window opens, a bad one is one line and exit
 * code 2; a good one opens the window with the arguments the application reads. No window opens here: the
 * opener is replaced by one that records its arguments.
 */
class OpenCommandTest {
    private final AtomicReference<String[]> opened = new AtomicReference<>();
    private ToIntFunction<String[]> before;

    @TempDir
    Path dir;

    @BeforeEach
    void record() {
        before = OpenCommand.opener;
        OpenCommand.opener = a -> {
            opened.set(a);
            return 0;
        };
    }

    @AfterEach
    void restore() {
        OpenCommand.opener = before;
    }

    @Test
    void aBuiltInLessonByItsIdAtAPart() {
        String id = BuiltinLessons.list().get(11).id();
        LessonsCommandTest.Run r = LessonsCommandTest.run("open", id, "--part", "3");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new String[] {"--open=" + id, "--part=3"}, opened.get());
        assertEquals("", r.err());
    }

    @Test
    void aFileOfTheUsersByItsAbsolutePath() throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.copy(BuiltinLessons.list().get(0).path(), f);
        LessonsCommandTest.Run r = LessonsCommandTest.run("open", f.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new String[] {"--open=" + f.toAbsolutePath().normalize(), "--part=1"}, opened.get());
    }

    @Test
    void badInputIsOneLineAndNoWindow() throws Exception {
        LessonsCommandTest.Run none = LessonsCommandTest.run("open", "nosuchlesson");
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertEquals("error: nosuchlesson: no such file, and no built-in lesson has this id (vmalab lessons lists "
                + "them)\n", none.err());

        String id = BuiltinLessons.list().get(1).id();
        LessonsCommandTest.Run part = LessonsCommandTest.run("open", id, "--part", "9");
        assertEquals(ExitCodes.BAD_INPUT, part.code());
        assertTrue(part.err().matches("error: " + id + ": there is no part 9 \\(the file has \\d+ parts?\\)\n"),
                part.err());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "title: broken\nparts:\n  - title: one\n    scenario: [unclosed\n");
        LessonsCommandTest.Run malformed = LessonsCommandTest.run("open", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, malformed.code());
        assertEquals(1, malformed.err().lines().count(), malformed.err());
        assertTrue(malformed.err().contains("bad.yaml:"), malformed.err());
        assertNull(opened.get(), "no window opened");
    }
}
