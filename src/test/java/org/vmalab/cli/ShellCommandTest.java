package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {
    record Result(int rc, String out, String err) {
    }

    static Result run(String input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(input.getBytes(StandardCharsets.UTF_8));
    }

    static Result run(byte[] input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ShellCommand.run(new ByteArrayInputStream(input), new PrintWriter(out, true),
                new PrintWriter(err, true), "stdin");
        return new Result(rc, out.toString(), err.toString());
    }

    static final String W = """
            map 555555554000 55555555c000
            map 0x55555575b000 0x55555575d000
            map 55555575d000 55555577e000
            map 7ffff79e4000 7ffff7bcb000
            map 7ffff7dcb000 7ffff7dd1000
            map 7ffff7dd5000 7ffff7dfc000
            map 7ffffffde000 7ffffffff000 growsdown
            """;

    @Test
    void theIssueExampleDump() throws IOException {
        Result r = run("map 555555554000 55555555c000  # text\nmap 55555575b000 55555575d000\ndump\n");
        assertEquals("ok\nok\n(555555554000-55555555c000 B 555555554000 . (55555575b000-55555575d000 R 1ff000 . .))\n",
                r.out());
        assertEquals(0, r.rc());
    }

    @Test
    void layoutWGivesTheTreeGapsAndSearchesOfSemantics8() throws IOException {
        Result r = run(W + """
                dump
                stats
                find 555555600000
                find 7ffffffff000
                find 0x7fffffffe000
                topdown 2000 10000 7ffff7fff000
                topdown 801000 10000 7ffff7fff000
                topdown 2aaaa2267000 10000 7ffff7fff000
                bottomup 801000 2aaaaaaab000 7ffffffff000
                topdown 7ffffffff000 10000 7ffff7fff000
                """);
        String[] lines = r.out().split("\n");
        assertEquals("(55555575b000-55555575d000 B 555555554000 (555555554000-55555555c000 B 555555554000 . .) "
                + "(7ffff79e4000-7ffff7bcb000 R 2aaaa2266000 (55555575d000-55555577e000 B 0 . .) "
                + "(7ffff7dd5000-7ffff7dfc000 B 80e2000 (7ffff7dcb000-7ffff7dd1000 R 200000 . .) "
                + "(7ffffffde000-7ffffffff000 R 80e2000 . .))))", lines[7]);
        assertEquals("count=7 highest=7ffffffff000", lines[8]);
        assertEquals("55555575b000-55555575d000", lines[9]);
        assertEquals("none", lines[10]);
        assertEquals("7ffffffde000-7ffffffff000", lines[11]);
        assertEquals("7ffff7ffd000", lines[12]);
        assertEquals("7ffff71e3000", lines[13]);
        assertEquals("2aaab32ed000", lines[14]);
        assertEquals("2aaaaaaab000", lines[15]);
        assertEquals("ENOMEM", lines[16]);
        assertEquals(0, r.rc(), r.err());
    }

    @Test
    void unmapIsExactAndMapRefusesOverlaps() throws IOException {
        Result r = run(W + """
                map 55555575c000 55555575e000
                unmap 55555575d000 55555577d000
                unmap 55555575d000 55555577e000
                find 55555575e000
                stats
                unmap 55555575d000 55555577e000
                """);
        String[] l = r.out().split("\n");
        assertEquals("ENOMEM", l[7]);
        assertEquals("EINVAL", l[8]);
        assertEquals("ok", l[9]);
        assertEquals("7ffff79e4000-7ffff7bcb000", l[10]);
        assertEquals("count=6 highest=7ffffffff000", l[11]);
        assertEquals("EINVAL", l[12]);
    }

    @Test
    void badLinesAreReportedAndSkippedAndTheExitCodeIsTwo() throws IOException {
        Result r = run("map 1000 2000\nfrobnicate\nmap 3000\nmap zz 4000\nmap 5000 4000\n\n"
                + "   # just a comment\nstats\n");
        assertEquals("ok\ncount=1 highest=2000\n", r.out());
        assertEquals(2, r.rc());
        String[] e = r.err().split("\n");
        assertEquals(4, e.length);
        assertTrue(e[0].startsWith("error: stdin:2: unknown command 'frobnicate'"), e[0]);
        assertTrue(e[1].startsWith("error: stdin:3: usage: map START END"), e[1]);
        assertTrue(e[2].startsWith("error: stdin:4: 'zz' is not a hex number"), e[2]);
        assertTrue(e[3].startsWith("error: stdin:5: START must be below END"), e[3]);
    }

    @Test
    void theJarCommandReadsAFileAndReportsAMissingOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cmds.txt");
        Files.writeString(f, "map 1000 3000\nfind 2000\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = VmaLab.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("shell", dir.resolve("missing.txt").toString()));
        assertTrue(err.toString().contains("missing.txt: no such file"), err.toString());
        assertEquals(2, cl.execute("shell", dir.toString()));
        assertTrue(err.toString().contains("is a directory"), err.toString());
    }

    /** Issue 11 item 8: a map that reaches above TASK_SIZE is refused like mmap refuses it, so unmap agrees. */
    @Test
    void aMapAboveTaskSizeIsRefused() throws IOException {
        Result r = run("map 7ffffffff000 800000000000\nunmap 7ffffffff000 800000000000\nmap 7fffffffe000 7ffffffff000\n"
                + "stats\n");
        assertEquals("ENOMEM\nEINVAL\nok\ncount=1 highest=7ffffffff000\n", r.out());
        assertEquals(0, r.rc());
    }

    /** Issue 14 (13): an invalid line is reported at its own line; the lines before it all run. */
    @Test
    void invalidUtf8IsReportedAtItsLineAndEveryOtherLineRuns() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 1; i <= 2000; i++) {
            b.writeBytes(("map " + Long.toHexString(i * 0x2000L) + " " + Long.toHexString(i * 0x2000L + 0x1000)
                    + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes(new byte[] {'m', 'a', 'p', ' ', (byte) 0xc3, '(', '\n'});
        b.writeBytes("stats\n".getBytes(StandardCharsets.US_ASCII));
        Result r = run(b.toByteArray());
        assertEquals(2, r.rc());
        assertEquals("error: stdin:2001: not valid UTF-8\n", r.err());
        assertTrue(r.out().endsWith("count=2000 highest=fa1000\n"), r.out().substring(r.out().length() - 40));
    }

    /** Issue 14 (1): endless binary input (/dev/zero) stops at once with one line, in little memory. */
    @Test
    void binaryOrEndlessInputStopsWithOneLine() throws IOException {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, ShellCommand.run(zeros, new PrintWriter(out), new PrintWriter(err), "stdin"));
        assertEquals("error: stdin:1: binary data (a NUL byte), not a command (stopped here)\n", err.toString());
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        err = new StringWriter();
        assertEquals(2, ShellCommand.run(endless, new PrintWriter(out), new PrintWriter(err), "cmds.txt"));
        assertTrue(err.toString().startsWith("error: cmds.txt:1: the line is longer than 4096 bytes"), err.toString());
        assertEquals(1, err.toString().split("\n").length);
    }

    /** Issue 14 (4): the shell's mm has the kernel's max_map_count; one more map is ENOMEM, not a memory error. */
    @Test
    void mapCountStopsAtMaxMapCount() throws IOException {
        StringBuilder b = new StringBuilder();
        for (long i = 0; i < 65_531; i++) {
            b.append("map ").append(Long.toHexString(0x10000000L + i * 0x2000)).append(' ')
                    .append(Long.toHexString(0x10000000L + i * 0x2000 + 0x1000)).append('\n');
        }
        b.append("stats\n");
        Result r = run(b.toString());
        assertTrue(r.out().endsWith("ok\nENOMEM\ncount=65530 highest=2fff3000\n"),
                r.out().substring(r.out().length() - 60));
        assertEquals(0, r.rc());
    }

    /** Issue 14 (16): a shell error names the file, escapes control characters and cuts a huge word. */
    @Test
    void shellErrorsNameTheFileAndAreSafeToPrint(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cmds.txt");
        Files.writeString(f, "map 1000 2000\n\u001b]0;pwned\u0007 1 2\nfind " + "f".repeat(3000) + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, VmaLab.run(new String[] {"shell", f.toString()}, InputStream.nullInputStream(),
                new PrintWriter(out), new PrintWriter(err)));
        String[] e = err.toString().split("\n");
        assertEquals(2, e.length, err.toString());
        assertTrue(e[0].startsWith("error: " + f + ":2: unknown command '\\x1b]0;pwned\\x07'"), e[0]);
        assertTrue(e[1].startsWith("error: " + f + ":3: 'fff"), e[1]);
        assertTrue(e[1].length() < 300, e[1]);
    }

    /** Issue 11: mprotect, brk and mmap run the engine's real paths (vma_merge, split, brk's merge, the hint). */
    @Test
    void mprotectBrkAndMmapRunTheKernelPaths() throws IOException {
        Result r = run("""
                map 7ffff7a00000 7ffff7a30000
                mprotect 7ffff7a10000 7ffff7a20000 r--
                stats
                mprotect 7ffff7a10000 7ffff7a20000 rw-
                stats
                find 7ffff7a15000
                mprotect 7ffff7a40000 7ffff7a50000 r--
                brk
                brk 55555577e000
                find 55555575d000
                brk 55555579f000
                find 55555575d000
                stats
                mmap 1000 hint 555555600800
                mmap 1000 fixed 1000
                mprotect 7ffff7a10000 7ffff7a20000 rw
                """);
        assertEquals("""
                ok
                ok
                count=3 highest=7ffff7a30000
                ok
                count=1 highest=7ffff7a30000
                7ffff7a00000-7ffff7a30000
                ENOMEM
                55555575d000
                55555577e000
                55555575d000-55555577e000
                55555579f000
                55555575d000-55555579f000
                count=2 highest=7ffff7a30000
                555555600000
                EPERM
                """, r.out());
        assertTrue(r.err().contains("error: stdin:16: 'rw' is not a protection"), r.err());
        assertEquals(2, r.rc());
    }
}
