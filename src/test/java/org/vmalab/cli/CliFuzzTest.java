package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.Fuzz;

/**
 * Issue 14: the command line's contract, asserted on generated inputs of every surface (lesson and scenario
 * files, saved runs, maps files, shell lines, options): an exit code in the documented set (never 70), every
 * line on standard error one clean line and at most one error for the single-input commands, no stack trace,
 * nothing left behind (no temporary file; no output when the command failed). Each fuzzer runs for a fixed budget
 * ({@code -Dfuzz.millis}, {@code -Dfuzz.seed}); the inputs that ever failed are in {@code fuzz-corpus/}.
 */
class CliFuzzTest {
    static final Set<Integer> CODES = Set.of(0, 1, 2, 3);
    static final String YAMLISH = ":-[]{},&*!|>'\"#%@`?\n\n\t  0x123abcTWxyz_.";
    static final List<String> LESSONS = lessons();

    static List<String> lessons() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.add(ReliabilityTest.SCENARIO + "schedule: explore\n");
        return out;
    }

    /** Runs one command in a fresh folder and checks the contract; returns what it printed on standard error. */
    static String contract(byte[] stdin, Path dir, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Path> before;
        try (Stream<Path> s = Files.walk(dir)) {
            before = s.toList();
        }
        int rc = VmaLab.run(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
        String e = err.toString();
        String what = String.join(" ", args) + " -> " + rc + ": " + (e.length() > 500 ? e.substring(0, 500) : e);
        assertTrue(CODES.contains(rc), "exit code outside the documented set: " + what);
        assertFalse(e.contains("\tat ") || e.contains("Exception in thread") || e.contains("internal error"), what);
        int errors = 0;
        for (String line : e.isEmpty() ? List.<String>of() : List.of(e.split("\n"))) {
            assertTrue(ErrorText.isClean(line), "not a clean line: " + what);
            assertFalse(line.isBlank(), what);
            if (!line.startsWith("note: ") && !line.startsWith("warning: ") && !line.startsWith("progress: ")) {
                errors++;
            }
        }
        if (!args[0].equals("validate") && !args[0].equals("shell")) {
            assertTrue(errors <= 1, "more than one error line: " + what);
        }
        if (rc == 2) {
            assertTrue(errors >= 1, "a failure says why: " + what);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> after = s.toList();
            assertTrue(after.stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "a temporary file was left: " + what);
            if (rc == 2) {
                assertEquals(before, after, "a failed command changed the folder: " + what);
            }
        }
        return e;
    }

    static Path fresh() throws IOException {
        return Files.createTempDirectory("vmalab-fuzz");
    }

    static void clean(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A lesson or scenario file: validated, validated without running, and checked with small bounds. */
    static void lessonContract(Fuzz.Input in) throws IOException {
        Path dir = fresh();
        try {
            Path f = dir.resolve("f.yaml");
            Files.write(f, in.bytes());
            contract(new byte[0], dir, "validate", "--no-run", f.toString());
            contract(new byte[0], dir, "validate", f.toString());
            contract(new byte[0], dir, "check", f.toString(), "--bound", "40", "--preemptions", "1", "--threads", "1",
                    "--part", "1", "--time-limit", String.valueOf(CHECK_SECONDS));
        } finally {
            clean(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> lessonFiles() throws IOException {
        return Stream.concat(Fuzz.corpus("lesson", CliFuzzTest::lessonContract), Fuzz.cases("lesson", 400,
                r -> new Fuzz.Text(Fuzz.mutate(LESSONS.get(r.nextInt(LESSONS.size())), r, 1 + r.nextInt(6), YAMLISH)),
                CliFuzzTest::lessonContract));
    }

    /** A saved run (what the window's "save run" and import write) with a few edits. */
    @TestFactory
    Stream<DynamicTest> savedRuns() {
        return Fuzz.cases("saved-run", 200, r -> {
            StringBuilder b = new StringBuilder("# VMA Lab scenario: java -jar vmalab.jar validate FILE checks it\n"
                    + "title: \"saved\"\nlayout:\n");
            long at = 0x400000;
            for (int i = r.nextInt(8); i >= 0; i--) {
                long end = at + (1 + r.nextInt(16)) * 0x1000L;
                b.append("  - v").append(i).append(" 0x").append(Long.toHexString(at)).append("-0x")
                        .append(Long.toHexString(end)).append(Fuzz.pick(r, " rw-", " r-x file", " rw- anon_vma 1"))
                        .append('\n');
                at = end + r.nextInt(3) * 0x1000L;
            }
            b.append("threads:\n  - name: T1\n    program: [").append(Fuzz.pick(r, "spf 0x400000", "munmap 0x400000 "
                    + "0x401000", "get_vma 0x400000, put_vma", "brk 0x500000", "mmap 0x2000")).append("]\n");
            b.append("protection: ").append(Fuzz.pick(r, "patch", "[NO_LOCK]", "[PRE_PATCH]")).append('\n');
            b.append("schedule: ").append(Fuzz.pick(r, "round-robin", "explore", "[T1 x3, stop]")).append('\n');
            return new Fuzz.Text(Fuzz.mutate(b.toString(), r, r.nextInt(4), YAMLISH));
        }, CliFuzzTest::lessonContract);
    }

    static void mapsContract(Fuzz.Input in) throws IOException {
        Path dir = fresh();
        try {
            Path m = dir.resolve("p.maps");
            Files.write(m, in.bytes());
            contract(new byte[0], dir, "import", m.toString(), "--out", dir.resolve("s.yaml").toString());
            Files.deleteIfExists(dir.resolve("s.yaml"));
            contract(new byte[0], dir, "import", m.toString(), "--out", dir.resolve("s.yaml").toString(), "--lenient");
            if (Files.exists(dir.resolve("s.yaml"))) {
                contract(new byte[0], dir, "validate", "--no-run", dir.resolve("s.yaml").toString());
            }
        } finally {
            clean(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> mapsFiles() throws IOException {
        return Stream.concat(Fuzz.corpus("maps", CliFuzzTest::mapsContract), Fuzz.cases("maps", 300, r -> {
            StringBuilder b = new StringBuilder();
            long at = 0x400000L << r.nextInt(20);
            for (int i = r.nextInt(12); i >= 0; i--) {
                long end = at + (1 + r.nextInt(64)) * 0x1000L;
                b.append(Long.toHexString(at)).append('-').append(Long.toHexString(end)).append(' ')
                        .append(Fuzz.pick(r, "r-xp", "rw-p", "r--s", "---p")).append(" 00000000 08:01 ")
                        .append(r.nextInt(99999)).append(Fuzz.pick(r, "", " /usr/lib/libc.so.6", " [heap]",
                                " [stack]", " [vsyscall]", " /lib/libc~2", " /x (deleted)", " [anon:x]"))
                        .append(r.nextInt(5) == 0 ? "\r\n" : "\n");
                at = end + r.nextInt(3) * 0x1000L;
            }
            return new Fuzz.Text(Fuzz.mutate(b.toString(), r, r.nextInt(5), "0123456789abcdef-: /[]\n\u0000\u00ff"));
        }, CliFuzzTest::mapsContract));
    }

    static void shellContract(Fuzz.Input in) throws IOException {
        Path dir = fresh();
        try {
            contract(in.bytes(), dir, "shell");
            Path f = dir.resolve("cmds.txt");
            Files.write(f, in.bytes());
            contract(new byte[0], dir, "shell", f.toString());
        } finally {
            clean(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> shellLines() throws IOException {
        return Stream.concat(Fuzz.corpus("shell", CliFuzzTest::shellContract), Fuzz.cases("shell", 400, r -> {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(20); i >= 0; i--) {
                String a = Long.toHexString(r.nextInt(64) * 0x1000L);
                String c = Long.toHexString(r.nextInt(64) * 0x1000L + 0x1000);
                b.append(Fuzz.pick(r, "map " + a + " " + c, "map " + a + " " + c + " growsdown", "unmap " + a + " " + c,
                        "find " + a, "topdown 1000 0 " + c, "bottomup 1000 " + a + " fffff000", "dump", "stats",
                        "# comment", "", "map 0x" + a + " 0X" + c)).append('\n');
            }
            byte[] text = Fuzz.mutate(b.toString(), r, r.nextInt(4), "0123456789abcdefx #\n\u0000\u00e9")
                    .getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(6) == 0 && text.length > 0) {
                text[r.nextInt(text.length)] = (byte) (0x80 + r.nextInt(0x80)); /* invalid UTF-8 */
            }
            return new Fuzz.Bytes(text);
        }, CliFuzzTest::shellContract));
    }

    /** The time limit of every {@code check} a fuzzer runs, in seconds. */
    static final int CHECK_SECONDS = 10;

    static final String[][] OPTIONS = {
        {"validate", "--no-run", "--quiet", "-q", "--trace"},
        {"check", "--bound", "--json", "--preemptions", "--no-reduction", "--no-symmetry", "--no-cache", "--threads",
            "--part", "--ab", "--progress"},
        {"import", "--out", "--lenient", "--force"},
        {"shell"},
        {"render", "--out", "--format", "--steps", "--scale", "--size", "--panel", "--part", "--theme", "--delay",
            "--hold", "--once", "--no-header", "--force"},
    };
    static final String[] VALUES = {"0", "1", "2", "-1", "99999999999", "png", "svg", "gif", "bmp", "0..2", "end",
        "3..1", "640x400", "9000x9000", "1x1", "tree", "dark", "nope", "", "--", "-", "\u001b[2J", "x".repeat(200)};

    /**
     * The scenario the option fuzzer runs: two short lockless lookups, so that every option combination ends in
     * seconds. With a writer, {@code check --no-reduction --no-cache} (a stateless search of every interleaving,
     * exponential by design) ran for more than 18 minutes and hung the build.
     */
    static final String OPTIONS_SCENARIO = """
            title: two lookups
            layout: W
            threads:
              - name: T1
                program: [get_vma 0x55555575e000]
              - name: T2
                program: [get_vma 0x7ffff7dcb000]
            schedule: [T1 x4, T2 *, round-robin]
            """;

    static void optionsContract(Fuzz.Input in) throws IOException {
        Path dir = fresh();
        try {
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, OPTIONS_SCENARIO);
            List<String> args = new ArrayList<>();
            for (String a : in.text().split("\n", -1)) {
                args.add(a.replace("@FILE", f.toString()).replace("@DIR", dir.resolve("out").toString()));
            }
            if (args.get(0).equals("render")) {
                return; /* starting JavaFX for each case costs the budget: render's options are checked by unit tests */
            }
            if (args.get(0).equals("check")) {
                /*
                 * A drawn value can name a built-in lesson ("1" is lesson 01), and with --no-cache --no-reduction
                 * its search enumerates every schedule: days. That hung a clean clone's build; the limit ends it.
                 */
                args.addAll(1, List.of("--time-limit", String.valueOf(CHECK_SECONDS)));
            }
            contract(new byte[0], dir, args.toArray(String[]::new));
        } finally {
            clean(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> options() throws IOException {
        return Stream.concat(Fuzz.corpus("options", CliFuzzTest::optionsContract), Fuzz.cases("options", 300, r -> {
            String[] cmd = OPTIONS[r.nextInt(OPTIONS.length - 1)];
            List<String> a = new ArrayList<>(List.of(cmd[0]));
            for (int i = r.nextInt(5); i >= 0; i--) {
                a.add(r.nextInt(3) == 0 ? Fuzz.pick(r, VALUES) : r.nextInt(4) == 0 ? "@FILE"
                        : cmd[r.nextInt(cmd.length)]);
                if (r.nextBoolean()) {
                    a.add(Fuzz.pick(r, VALUES));
                }
            }
            if (r.nextBoolean()) {
                a.add(1, cmd[0].equals("import") ? "@DIR" : "@FILE");
            }
            return new Fuzz.Text(String.join("\n", a));
        }, CliFuzzTest::optionsContract));
    }
}
