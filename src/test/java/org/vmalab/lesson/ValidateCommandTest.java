package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.cli.ValidateCommand;
import org.vmalab.cli.VmaLab;
import picocli.CommandLine;

/** {@code vmalab validate FILE...}: exit 0 or 2, one line per problem, never a stack trace. */
class ValidateCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = VmaLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run direct(List<Path> files, boolean runParts) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ValidateCommand.run(files, runParts, false, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theShippedLessonsAreValid() throws IOException {
        List<Path> files;
        try (var s = Files.list(Path.of("lessons"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Run r = direct(files, true);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(files.size(), r.out().lines().count(), r.out());
        assertEquals(16, files.size(), files::toString);
        assertTrue(r.out().lines().allMatch(l -> l.contains(": ok (")), r.out());
    }

    @Test
    void everyKindOfBadFileIsOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, LoaderErrorsTest.OK);
        Path empty = dir.resolve("empty.yaml");
        Files.write(empty, new byte[0]);
        Path junk = dir.resolve("junk.bin");
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        Files.write(junk, bytes);
        Path nul = dir.resolve("nul.yaml");
        Files.write(nul, "title: a\u0000b\n".getBytes(StandardCharsets.UTF_8));
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, LoaderErrorsTest.OK.replace("schedule:", "schedul:"));
        Path missing = dir.resolve("missing.yaml");
        Path badRun = dir.resolve("badrun.yaml");
        Files.writeString(badRun, LoaderErrorsTest.OK + "expect: {violations: true}\n");

        Run r = direct(List.of(good, empty, junk, nul, typo, missing, dir, badRun), true);
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of(
                empty + ":1:1: the file is empty",
                junk + ":1:5: not valid UTF-8: byte 0x9f at offset 4 (save the file as UTF-8)",
                nul + ":1:9: a character that YAML does not allow here (code point U+0000): is this a text file?",
                typo + ":8:1: unknown key 'schedul' in the lesson (did you mean 'schedule'?)",
                missing + ":1:1: no such file",
                dir + ":1:1: is a directory, not a lesson file",
                badRun + ":9:9: part 'A small scenario': expected a violation but the checker reports none"), lines);
        assertEquals(good + ": ok (1 part)\n", r.out());
        assertFalse(r.err().contains("Exception"));
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void theCommandIsRegisteredWithExitCodes(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, LoaderErrorsTest.OK);
        assertEquals(0, run("validate", "--quiet", good.toString()).code());
        Run bad = run("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, bad.code());
        Run usage = run("validate");
        assertEquals(2, usage.code(), "a missing FILE is a usage error");
        assertTrue(run("validate", "--help").out().contains("FILE:LINE:COLUMN"));
        Path notRun = dir.resolve("expect.yaml");
        Files.writeString(notRun, LoaderErrorsTest.OK + "expect: {violations: true}\n");
        assertEquals(0, run("validate", "--no-run", "-q", notRun.toString()).code(), "--no-run checks the format only");
    }
}
