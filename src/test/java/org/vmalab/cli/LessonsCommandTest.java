package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.LessonLoader;

/** {@code vmalab lessons} lists the built-in lessons; validate and check take an id in place of a file. */
class LessonsCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        picocli.CommandLine cl = VmaLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsEveryBuiltInLessonWithItsIdAndTitle() throws Exception {
        Run r = run("lessons");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        var items = BuiltinLessons.list();
        assertEquals(items.size() + 1, lines.length, r.out());
        for (int i = 0; i < items.size(); i++) {
            String title = LessonLoader.load(items.get(i).path()).title();
            assertTrue(lines[i].startsWith(items.get(i).id() + " "), lines[i]);
            assertTrue(lines[i].contains(title), lines[i]);
        }
        assertTrue(lines[items.size()].startsWith(items.size() + " lessons"), lines[items.size()]);
    }

    @Test
    void anIdStandsForTheBuiltInLessonAndAnUnknownOneIsOneLine() {
        String id = BuiltinLessons.list().get(0).id();
        assertEquals(0, run("validate", id, "--no-run", "--quiet").code());
        assertEquals(ExitCodes.BAD_INPUT, run("validate", "nosuchlesson", "--no-run", "--quiet").code());
        assertEquals(BuiltinLessons.list().get(0).path(), LessonArgs.resolve(Path.of(id)));
        Run c = run("check", id, "--part", "1", "--json");
        assertTrue(c.code() == 0 || c.code() == 1 || c.code() == 3, c.err());
        assertTrue(c.out().contains("\"format\":\"vmalab-check\"") || c.out().contains("\"format\": \"vmalab-check\""),
                c.out());
        Run bad = run("check", "nosuchlesson");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertEquals("error: nosuchlesson: no such file, and no built-in lesson has this id (vmalab lessons lists "
                + "them)\n", bad.err());
        Run file = run("check", Path.of("lessons", "missing.yaml").toString());
        assertEquals(ExitCodes.BAD_INPUT, file.code());
        assertTrue(file.err().contains("missing.yaml"), file.err());
    }

    @Test
    void validateSaysAnUnknownIdAsCheckAndRenderSayItAndGoesOnWithTheOtherFiles() {
        String id = BuiltinLessons.list().get(0).id();
        Run r = run("validate", "nosuchlesson", id, "--no-run");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("error: nosuchlesson: no such file, and no built-in lesson has this id (vmalab lessons lists "
                + "them)\n", r.err());
        assertTrue(r.out().contains(": ok ("), "the next file is still validated: " + r.out());
    }

    @Test
    void aPartThatABuiltInLessonLacksIsNamedByTheIdGivenNotByItsPlaceInTheJar(@TempDir Path tmp) {
        String id = "05";
        Run c = run("check", id, "--part", "2");
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertEquals("error: 05: there is no part 2 (the file has 1 part)\n", c.err());
        Path out = tmp.resolve("slides");
        Run r = run("render", id, "--part", "2", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("error: 05: there is no part 2 (the file has 1 part)\n", r.err());
        assertFalse(Files.exists(out), "no folder made for nothing");
    }

    /**
     * A handout is a lesson's narration and questions with their pictures: of a scenario or a saved run, which has
     * neither, it was a page with a title and nothing else. The window offers no handout without a lesson; render
     * says why in one line and writes nothing.
     */
    @Test
    void aHandoutOfAFileWithoutNarrationIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Path scenario = Files.writeString(tmp.resolve("run.yaml"), "title: \"Address space imported from x\"\n"
                + "layout:\n  - heap 0x55555575d000-0x55555577e000 rw- anon_vma 1\nthreads: []\n");
        Path out = tmp.resolve("handouts");
        Run r = run("render", scenario.toString(), "--format", "html", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals("error: " + scenario + ": no handout: the file has no narration and no question (a lesson has "
                + "them; --format png or gif draws its steps)\n", r.err());
        assertFalse(Files.exists(out), "nothing written, no folder made");
    }
}
