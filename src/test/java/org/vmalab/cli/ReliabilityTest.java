package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the defects found with hostile inputs, one test each (the number is the defect's in the issue). Every
 * command runs in-process through {@link VmaLab#run(String[], InputStream, PrintWriter, PrintWriter)}, the path
 * the jar takes.
 */
class ReliabilityTest {
    @TempDir
    Path dir;

    /** What one command did. */
    record Run(int rc, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        /** The contract of every error: one line, printable, no stack trace. */
        Run oneCleanErrorLine() {
            assertEquals(1, errLines().size(), err);
            assertTrue(ErrorText.isClean(errLines().get(0)), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
            return this;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = VmaLab.run(args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err));
        return new Run(rc, out.toString(), err.toString());
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static final String SCENARIO = """
            title: two threads
            layout: W
            threads:
              - name: T1
                program: [spf 0x55555575e000]
              - name: T2
                program: [munmap 0x55555575d000 0x55555577e000]
            """;

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    // ------------------------------------------------------------------ 1: bounded reading

    @Test
    void d1aDeviceAsALessonIsRefusedByItsSizeNotByRunningOutOfMemory() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        for (String cmd : List.of("check", "validate", "render")) {
            Run r = cmd.equals("render") ? run(cmd, zero.toString(), "--out", dir.resolve("o").toString())
                    : run(cmd, zero.toString());
            assertEquals(2, r.rc(), cmd + ": " + r.err());
            r.oneCleanErrorLine();
            assertTrue(r.err().contains("too large") && r.err().contains("8 MiB"), r.err());
        }
    }

    @Test
    void d1aHugeMapsFileIsRefusedWithoutReadingItAll() throws IOException {
        Path big = dir.resolve("big.maps");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 30); /* sparse: a gigabyte of NUL bytes and no line end */
        }
        Run r = run("import", big.toString(), "--out", dir.resolve("x.yaml").toString()).oneCleanErrorLine();
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("big.maps:1: the line is too long"), r.err());
        r = run("import", big.toString(), "--out", dir.resolve("x.yaml").toString(), "--lenient").oneCleanErrorLine();
        assertTrue(r.err().contains("too large for a maps file (more than 64 MiB"), r.err());
        assertFalse(Files.exists(dir.resolve("x.yaml")));
    }

    // ------------------------------------------------------------------ 3: every command exits

    /** A thread that dies of running out of memory wakes the command's thread, which reports it in one line. */
    @Test
    void d3aThreadDyingOfOutOfMemoryEndsTheCommandWithOneLine() {
        Fatal.install();
        Fatal.doing("drawing step 0 of x.yaml as a 8000x8000 image");
        CompletableFuture<Object> never = new CompletableFuture<>();
        Thread fx = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "pretend JavaFX thread");
        fx.start();
        StringWriter err = new StringWriter();
        int rc;
        try {
            never.get();
            rc = -1;
        } catch (Exception e) {
            rc = Fatal.report(e, new PrintWriter(err));
        }
        Thread.interrupted();
        assertEquals(2, rc);
        assertEquals("error: out of memory while drawing step 0 of x.yaml as a 8000x8000 image (this Java has a heap "
                + "of " + Fatal.heapMiB() + " MiB: give it more, e.g. java -Xmx2g -jar vmalab.jar ...)\n",
                        err.toString());
    }

    // ------------------------------------------------------------------ 6: the commands agree

    @Test
    void d6aScenarioTheModelCannotRunIsBadInputForEveryCommand() throws IOException {
        Path f = file("refs.yaml", "title: four references\nlayout: W\nthreads:\n  - name: T1\n    program: [get_vma "
                + "0x55555575e000, get_vma 0x55555575e000, get_vma 0x55555575e000, get_vma 0x55555575e000]\n"
                + "schedule: explore\n");
        Run v = run("validate", f.toString());
        assertEquals(2, v.rc(), v.out() + v.err());
        v.oneCleanErrorLine();
        Run c = run("check", f.toString());
        assertEquals(2, c.rc(), c.err());
        c.oneCleanErrorLine();
        assertTrue(c.err().contains("holds more than 3 VMA references"), c.err());
    }

    // ------------------------------------------------------------------ 11, 12: anchors

    @Test
    void d11aStepCountAfterAnUnquotedHashIsAnErrorNotAComment() throws IOException {
        Path f = file("c.yaml", SCENARIO + "schedule: [T1 x8, T2 *, round-robin]\nnarration:\n  - when: T1 #99999\n"
                + "    text: hello\n");
        Run r = run("validate", "--no-run", f.toString());
        assertEquals(2, r.rc(), r.out());
        r.oneCleanErrorLine();
        assertTrue(r.err().contains("c.yaml:10:11: '#' after a blank starts a YAML comment"), r.err());
        Path q = file("q.yaml", SCENARIO + "schedule: [T1 x8, T2 *, round-robin]\nnarration:\n  - when: \"T1 #2\"\n"
                + "    text: hello\n");
        assertEquals(0, run("validate", "--no-run", q.toString()).rc());
    }

    @Test
    void d12aStepNumbersDoNotWrap() throws IOException {
        for (String at : List.of("0xffffffff00000005", "0x8000000000000000", "0xffffffffffffffff")) {
            Path f = file("a.yaml", SCENARIO + "schedule: [T1 x8, T2 *, round-robin]\nnarration:\n  - at: " + at
                    + "\n    text: hello\n");
            Run r = run("validate", "--no-run", f.toString());
            assertEquals(2, r.rc(), at);
            r.oneCleanErrorLine();
            assertTrue(r.err().contains("is beyond any run"), r.err());
        }
    }

    // ------------------------------------------------------------------ 14, 15: import

    @Test
    void d14LenientImportOfNothingValidIsAnError() throws IOException {
        Path m = file("junk.maps", "hello\nworld\n");
        Run r = run("import", m.toString(), "--out", dir.resolve("x.yaml").toString(), "--lenient");
        assertEquals(2, r.rc());
        r.oneCleanErrorLine();
        assertTrue(r.err().contains("no mapping in the file (2 malformed lines skipped)"), r.err());
        assertFalse(Files.exists(dir.resolve("x.yaml")));
    }

    @Test
    void d15ImportNeverReplacesADanglingLinkAndWritesReadableUniqueNames() throws IOException {
        Path m = file("p.maps", """
                555555554000-55555555c000 r-xp 00000000 08:01 1 /lib/libc~2
                55555555c000-55555555d000 r--p 00000000 08:01 1 /lib/libc
                55555555d000-55555555e000 rw-p 00000000 08:01 1 /lib/libc
                """);
        Path link = dir.resolve("link.yaml");
        Files.createSymbolicLink(link, dir.resolve("nowhere.yaml"));
        Run r = run("import", m.toString(), "--out", link.toString());
        assertEquals(2, r.rc());
        r.oneCleanErrorLine();
        assertTrue(r.err().contains("already exists"), r.err());
        assertTrue(Files.isSymbolicLink(link));
        Path out = dir.resolve("p.yaml");
        assertEquals(0, run("import", m.toString(), "--out", out.toString()).rc());
        String text = Files.readString(out);
        assertTrue(text.contains("libc~2 0x555555554000") && text.contains("libc 0x55555555c000")
                && text.contains("libc~3 0x55555555d000"), text);
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        assertEquals(usual, Files.getPosixFilePermissions(out), "the umask's permissions, not owner-only");
        assertEquals(0, run("validate", out.toString()).rc());
    }

    // ------------------------------------------------------------------ 16: untidy errors

    @Test
    void d16OptionErrorsAreOneLine() {
        for (String[] a : List.of(new String[] {"check", "--bogus"}, new String[] {"render"},
                new String[] {"frobnicate"}, new String[] {"check", "x.yaml", "--bound", "many"})) {
            Run r = run(a);
            assertEquals(2, r.rc(), String.join(" ", a));
            r.oneCleanErrorLine();
            assertTrue(r.err().startsWith("error: "), r.err());
        }
    }

    @Test
    void d16ControlCharactersAndHugeWordsNeverReachTheTerminal() throws IOException {
        Path f = file("esc.yaml", "title: x\nlayout: W\n\"\\e]0;pwned\\a\\e[31m\": 1\n");
        Run r = run("validate", "--no-run", f.toString());
        assertEquals(2, r.rc());
        r.oneCleanErrorLine();
        assertTrue(r.err().contains("\\x1b]0;pwned\\x07\\x1b[31m"), r.err());
        Path g = file("long.yaml", "title: x\nlayout: W\nthreads:\n  - name: T1\n    program: [find_vma "
                + "1".repeat(10_000_000) + "]\n");
        r = run("validate", "--no-run", g.toString());
        assertEquals(2, r.rc());
        r.oneCleanErrorLine();
        assertTrue(r.err().length() < 400, r.err().length() + ": " + r.err().substring(0, 100));
    }

    // ------------------------------------------------------------------ 17, 18

    @Test
    void d17aLargeLayoutSharedByManyPartsIsReadOnce() throws IOException {
        StringBuilder b = new StringBuilder("title: many parts\nlayout:\n");
        for (int i = 0; i < 65_530; i++) {
            long s = 0x10000000L + i * 0x2000L;
            b.append("  - v").append(i).append(" 0x").append(Long.toHexString(s)).append("-0x")
                    .append(Long.toHexString(s + 0x1000)).append(" rw-\n");
        }
        b.append("threads: []\nparts:\n");
        for (int i = 0; i < 40; i++) {
            b.append("  - title: part ").append(i).append("\n    schedule: round-robin\n");
        }
        Path f = file("parts.yaml", b.toString());
        Run r = run("validate", "--no-run", f.toString());
        assertEquals(0, r.rc(), r.err());
    }

    @Test
    void d18ThreadsAreCappedAtTheProcessors() throws IOException {
        Path f = file("s.yaml", SCENARIO + "schedule: explore\n");
        Run r = run("check", f.toString(), "--threads", "1024");
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(r.out().contains(", " + cores + (cores == 1 ? " worker)" : " workers)")), r.out());
        assertEquals("", r.err());
    }
}
