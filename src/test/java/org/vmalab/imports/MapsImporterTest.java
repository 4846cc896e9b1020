package org.vmalab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.cli.VmaLab;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Const;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.sched.Machine;
import org.vmalab.lesson.LessonLoader;

class MapsImporterTest {
    /** /bin/cat on Ubuntu 18.04 (kernel 4.15), ASLR off: the source of SEMANTICS layout W. */
    static final String CAT = """
            555555554000-55555555c000 r-xp 00000000 08:01 1180733                    /bin/cat
            55555575b000-55555575c000 r--p 00007000 08:01 1180733                    /bin/cat
            55555575c000-55555575d000 rw-p 00008000 08:01 1180733                    /bin/cat
            55555575d000-55555577e000 rw-p 00000000 00:00 0                          [heap]
            7ffff79e4000-7ffff7bcb000 r-xp 00000000 08:01 1183451                    /lib/x86_64-linux-gnu/libc-2.27.so
            7ffff7bcb000-7ffff7dcb000 ---p 001e7000 08:01 1183451                    /lib/x86_64-linux-gnu/libc-2.27.so
            7ffff7dcb000-7ffff7dcf000 r--p 001e7000 08:01 1183451                    /lib/x86_64-linux-gnu/libc-2.27.so
            7ffff7dcf000-7ffff7dd1000 rw-p 001eb000 08:01 1183451                    /lib/x86_64-linux-gnu/libc-2.27.so
            7ffff7dd1000-7ffff7dd5000 rw-p 00000000 00:00 0
            7ffff7dd5000-7ffff7dfc000 r-xp 00000000 08:01 1183423                    /lib/x86_64-linux-gnu/ld-2.27.so
            7ffff7ff7000-7ffff7ffa000 r--p 00000000 00:00 0                          [vvar]
            7ffff7ffa000-7ffff7ffc000 r-xp 00000000 00:00 0                          [vdso]
            7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
            ffffffffff600000-ffffffffff601000 r-xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void catBecomesALayoutNamedAfterItsFiles() throws MapsException {
        MapsImporter.Result r = MapsImporter.parse(CAT, "cat.maps", false);
        assertEquals(13, r.vmas().size());
        assertEquals(List.of("cat", "cat~2", "cat~3", "[heap]", "libc-2.27.so", "libc-2.27.so~2", "libc-2.27.so~3",
                "libc-2.27.so~4", "[anon]", "ld-2.27.so", "[vvar]", "[vdso]", "[stack]"),
                r.vmas().stream().map(VmaSpec::name).toList());
        VmaSpec heap = r.vmas().get(3);
        assertEquals(Const.VM_READ | Const.VM_WRITE, heap.flags());
        assertTrue(!heap.hasOps() && heap.anonVma() != 0, "the heap is anonymous and has an anon_vma");
        VmaSpec stack = r.vmas().get(12);
        assertTrue(stack.growsDown());
        assertTrue(r.vmas().get(0).hasOps() && r.vmas().get(11).hasOps(), "files and [vdso] have vm_ops");
        assertEquals(0, r.vmas().get(5).flags(), "---p");
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("cat.maps:14: skipped [vsyscall]"));
        Machine m = new Machine(MapsImporter.scenario(r), CheckLevel.FULL);
        assertTrue(m.initialViolations().isEmpty(), m.initialViolations()::toString);
        assertEquals(0x7ffffffff000L, m.memory().mm(Field.HIGHEST_VM_END));
    }

    @Test
    void aMalformedLineNamesTheFileTheLineAndTheField() {
        String bad = CAT.replace("55555575b000-55555575c000 r--p", "55555575b000-55555575c000 r--q");
        MapsException e = assertThrows(MapsException.class, () -> MapsImporter.parse(bad, "x.maps", false));
        assertEquals("x.maps:2: expected permissions such as r-xp, found 'r--q'", e.getMessage());
        assertEquals("x.maps:1: expected START-END in hex, found 'zz-10'",
                assertThrows(MapsException.class, () -> MapsImporter.parse("zz-10 r-xp 0 0:0 0\n", "x.maps",
                        false)).getMessage());
        assertEquals("x.maps:1: [0x1000, 0x1800) is not page aligned",
                assertThrows(MapsException.class, () -> MapsImporter.parse("1000-1800 r-xp 0 0:0 0\n", "x.maps",
                        false)).getMessage());
        assertTrue(assertThrows(MapsException.class, () -> MapsImporter.parse(
                "3000-5000 r-xp 0 0:0 0\n2000-4000 r-xp 0 0:0 0\n", "x.maps", false)).getMessage()
                .startsWith("x.maps:2: [0x2000, 0x4000) overlaps or precedes"));
        assertTrue(assertThrows(MapsException.class, () -> MapsImporter.parse("hello\n\n", "x.maps", false))
                .getMessage().startsWith("x.maps:1: "));
        assertTrue(assertThrows(MapsException.class, () -> MapsImporter.parse("", "x.maps", false))
                .getMessage().startsWith("x.maps:1: no mapping"));
    }

    @Test
    void lenientSkipsMalformedLinesAndCountsThem() throws MapsException {
        String bad = CAT.replace("[heap]", "[heap]\nthis is not a maps line\n1-2 r-xp 0 0:0 0");
        MapsImporter.Result r = MapsImporter.parse(bad, "x.maps", true);
        assertEquals(2, r.malformedSkipped());
        assertEquals(13, r.vmas().size());
    }

    @Test
    void theImportCommandWritesAScenarioThatLoadsBack(@TempDir Path dir) throws Exception {
        Path maps = dir.resolve("cat.maps");
        Files.writeString(maps, CAT);
        Path out = dir.resolve("cat.yaml");
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = VmaLab.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("import", maps.toString(), "--out", out.toString()));
        Scenario back = LessonLoader.load(out).scenario();
        assertEquals(MapsImporter.parse(CAT, "cat.maps", false).vmas(), back.layout());
        /* never overwrite without --force; a missing folder is a one-line error; nothing is half-written */
        assertEquals(2, cl.execute("import", maps.toString(), "--out", out.toString()));
        assertEquals(0, cl.execute("import", maps.toString(), "--out", out.toString(), "--force"));
        assertEquals(2, cl.execute("import", maps.toString(), "--out", dir.resolve("no/such/dir/x.yaml").toString()));
        Files.writeString(dir.resolve("bad.maps"), "1000-2000 r-xp 0 0:0 0\nbroken\n");
        assertEquals(2, cl.execute("import", dir.resolve("bad.maps").toString(), "--out",
                dir.resolve("bad.yaml").toString()));
        assertTrue(err.toString().contains("bad.maps:2: expected START-END in hex"), err.toString());
        assertTrue(!Files.exists(dir.resolve("bad.yaml")));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** A synthetic maps file of n VMAs with holes between them. */
    static String synthetic(int n) {
        StringBuilder b = new StringBuilder(n * 80);
        long a = 0x10000000L;
        for (int i = 0; i < n; i++) {
            long len = Const.PAGE_SIZE * (1 + i % 5);
            b.append(Long.toHexString(a)).append('-').append(Long.toHexString(a + len)).append(i % 3 == 0
                    ? " rw-p 00000000 00:00 0\n" : " r--p 00000000 08:01 42 /usr/lib/lib" + (i % 97) + ".so\n");
            a += len + Const.PAGE_SIZE * (i % 4);
        }
        return b.toString();
    }

    @Test
    void sixtyFiveThousandFiveHundredThirtyVmasImportAndBuild(@TempDir Path dir) throws Exception {
        MapsImporter.Result r = MapsImporter.parse(synthetic(Const.MAX_MAP_COUNT), "big.maps", false);
        assertEquals(Const.MAX_MAP_COUNT, r.vmas().size());
        Machine m = new Machine(MapsImporter.scenario(r), CheckLevel.ESSENTIAL);
        assertTrue(m.initialViolations().isEmpty());
        assertEquals(Const.MAX_MAP_COUNT, m.memory().mm(Field.MAP_COUNT));
        Path out = dir.resolve("big.yaml");
        org.vmalab.lesson.ScenarioWriter.write(MapsImporter.scenario(r),
                org.vmalab.engine.sched.Schedule.roundRobin(), out);
        assertEquals(Const.MAX_MAP_COUNT, LessonLoader.load(out).scenario().layout().size());
        assertTrue(assertThrows(MapsException.class, () -> MapsImporter.parse(synthetic(Const.MAX_MAP_COUNT + 1),
                "huge.maps", false)).getMessage().contains("more than 65530 VMAs"));
    }
    /**
     * {@code vm.max_map_count} is a tunable: {@code --max-map-count N} takes more VMAs, the scenario file keeps N at
     * its top, the loader then takes a file larger than its default 8 MiB (and refuses it without the declaration),
     * and the engine refuses a split at N as the kernel does.
     */
    @Test
    void maxMapCountRaisesTheLimitsAndTheScenarioKeepsIt(@TempDir Path dir) throws Exception {
        int n = 180_000;
        Path maps = dir.resolve("big.maps");
        Files.writeString(maps, synthetic(n));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path yaml = dir.resolve("big.yaml");
        int rc = cli(out, err, "import", maps.toString(), "--out",
                yaml.toString(), "--max-map-count", "200000");
        assertEquals(0, rc, err.toString());
        assertTrue(Files.size(yaml) > 8 << 20, "the scenario is larger than the default 8 MiB: " + Files.size(yaml));
        assertTrue(Files.readString(yaml).lines().limit(3).anyMatch("max_map_count: 200000"::equals));
        Scenario sc = LessonLoader.load(yaml).scenario();
        assertEquals(n, sc.layout().size());
        assertEquals(200_000, sc.maxMapCount());

        /* the same file without the declaration: refused by its size, in one line naming the way out */
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, Files.readString(yaml).replace("max_map_count: 200000\n", ""));
        String msg = assertThrows(org.vmalab.lesson.LessonException.class, () -> LessonLoader.load(plain))
                .getMessage();
        assertTrue(msg.contains("the file is too large") && msg.contains("max_map_count: N"), msg);

        /* the default refuses the file, naming the option; a value past the model's limit is refused */
        rc = cli(out, err, "import", maps.toString(), "--out",
                dir.resolve("x.yaml").toString());
        assertEquals(2, rc);
        assertTrue(err.toString().contains("more than 65530 VMAs (max_map_count, the kernel's default; import "
                + "--max-map-count N raises it)"), err.toString());
        StringWriter err2 = new StringWriter();
        rc = cli(out, err2, "import", maps.toString(), "--out",
                dir.resolve("y.yaml").toString(), "--max-map-count", "5000000");
        assertEquals(2, rc);
        assertEquals(1, err2.toString().strip().lines().count(), err2.toString());
        assertTrue(err2.toString().contains("--max-map-count: max_map_count 5000000 is outside 1..4194304"),
                err2.toString());
        assertTrue(!Files.exists(dir.resolve("x.yaml")) && !Files.exists(dir.resolve("y.yaml")));
    }

    private static int cli(StringWriter out, StringWriter err, String... args) {
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int rc = VmaLab.run(args, java.io.InputStream.nullInputStream(), o, e);
        o.flush();
        e.flush();
        return rc;
    }

    /** The engine reads the tunable: a munmap that splits a VMA needs map_count below it (mm/mmap.c do_munmap). */
    @Test
    void theEngineRefusesASplitAtMaxMapCount() {
        List<VmaSpec> three = List.of(new VmaSpec("a", 0x10000000L, 0x10004000L, Const.VM_READ, false, 0),
                new VmaSpec("b", 0x10010000L, 0x10014000L, Const.VM_READ, false, 0),
                new VmaSpec("c", 0x10020000L, 0x10024000L, Const.VM_READ, false, 0));
        Scenario sc = Scenario.of("three", three, List.of(), org.vmalab.engine.Protection.PATCH);
        for (int max : new int[] {3, 4, Const.MAX_MAP_COUNT}) {
            Machine m = new Machine(sc.withMaxMapCount(max), CheckLevel.ESSENTIAL);
            assertEquals(max, m.memory().mm(Field.MAX_MAP_COUNT));
            var k = new org.vmalab.engine.mm.FastKx(m.memory(), org.vmalab.engine.Protection.PATCH);
            long r = org.vmalab.engine.mm.MmOps.doMunmap(k, 0x10011000L, Const.PAGE_SIZE);
            assertEquals(max == 3 ? org.vmalab.engine.mm.MmOps.ENOMEM : 0, r, "max_map_count " + max);
            assertEquals(max == 3 ? 3 : 4, m.memory().mm(Field.MAP_COUNT));
        }
    }
    /** The fast reading of a line agrees with the regular expression on every line it reads (fuzzed lines). */
    @Test
    void theFastReadingAgreesWithThePattern() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        String[] seeds = CAT.lines().toArray(String[]::new);
        String alphabet = "0123456789abcdefABCDEFxyz-: \t\r\u000b\f\u0085\u2028\u0660\uff10rwxps[]/.~";
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder(seeds[r.nextInt(seeds.length)]);
            for (int k = r.nextInt(4); k > 0 && b.length() > 0; k--) {
                int at = r.nextInt(b.length());
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                    case 0 -> b.setCharAt(at, c);
                    case 1 -> b.insert(at, c);
                    default -> b.deleteCharAt(at);
                }
            }
            String[] both = MapsImporter.bothReadings(b.toString());
            if (both[0] != null) {
                read++;
                assertEquals(both[1], both[0], "line '" + b + "'");
            }
        }
        assertTrue(read > 20_000, read + " lines read fast");
    }
    /** The window reads up to 1,048,576 VMAs and keeps the kernel's default max_map_count when the file fits in it. */
    @Test
    void theWindowReadsUpToAMillionVmas(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("cat.maps");
        Files.writeString(small, CAT);
        assertEquals(Const.MAX_MAP_COUNT, MapsImporter.readForWindow(small).maxMapCount());
        Path big = dir.resolve("big.maps");
        Files.writeString(big, synthetic(Const.MAX_MAP_COUNT + 1));
        MapsImporter.Result r = MapsImporter.readForWindow(big);
        assertEquals(Const.MAX_MAP_COUNT + 1, r.vmas().size());
        assertEquals(1 << 20, MapsImporter.scenario(r).maxMapCount());
    }

    /**
     * {@code n} lines in address order with names that repeat (so that the unique names depend on the lines before),
     * a [vsyscall] line at the end, and {@code bad} (1-based; 0: none) a line no reading accepts.
     */
    private static String many(int n, int bad) {
        StringBuilder b = new StringBuilder();
        long at = 0x10000000L;
        for (int i = 1; i <= n; i++) {
            if (i == bad) {
                b.append("this is no mapping\n");
                continue;
            }
            long end = at + 0x1000L * (1 + i % 3);
            b.append(Long.toHexString(at)).append('-').append(Long.toHexString(end))
                    .append(i % 2 == 0 ? " rw-p" : " r-xp")
                    .append(" 00000000 08:01 ").append(i).append("   ").append(i % 5 == 0 ? "" : "/lib/lib" + (i % 7)
                    + ".so").append(i % 11 == 0 ? "\r\n" : "\n");
            if (i % 13 == 0) {
                b.append("\n");
            }
            at = end + 0x1000L * (i % 4);
        }
        b.append("ffffffffff600000-ffffffffff601000 r-xp 00000000 00:00 0                  [vsyscall]\n");
        return b.toString();
    }

    @Test
    void aFileOfManyLinesReadInTwoStagesGivesWhatOnePassGives(@TempDir Path dir) throws Exception {
        String text = many(9_000, 0);
        Path f = dir.resolve("many.maps");
        Files.writeString(f, text);
        MapsImporter.Result read = MapsImporter.read(f, false);
        MapsImporter.Result parsed = MapsImporter.parse(text, f.toString(), false);
        assertEquals(parsed.vmas(), read.vmas());
        assertEquals(parsed.notes(), read.notes());
        assertEquals(9_000, read.vmas().size());
        assertEquals("lib1.so~2", read.vmas().get(7).name(), "names made unique in file order");
    }

    /**
     * Lines whole in the reader's chunk are decoded where they lie, the others (across a chunk's end, the last one
     * without a newline) byte by byte: both read as the text does, with CRLF ends, blank lines, names in UTF-8 and
     * bytes that are not UTF-8, lines of every length around the chunk's size.
     */
    @Test
    void linesAcrossTheReadersChunksReadAsTheTextDoes(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.Random r = new java.util.Random(3);
        long at = 0x10000000L;
        for (int i = 1; i <= 6_000; i++) {
            long end = at + 0x1000L * (1 + r.nextInt(3));
            out.writeBytes((Long.toHexString(at) + "-" + Long.toHexString(end) + " r-xp 00000000 08:01 " + i + " /l/")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(("x".repeat(r.nextInt(120)) + (i % 7 == 0 ? "é€" : "")).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            if (i % 9 == 0) {
                out.write(0xff);
                out.write(0xc3);
            }
            out.writeBytes((i % 5 == 0 ? "\r\n" : "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (i % 17 == 0) {
                out.write('\n');
            }
            at = end + 0x1000L * r.nextInt(3);
        }
        out.writeBytes((Long.toHexString(at) + "-" + Long.toHexString(at + 0x1000) + " rw-p 00000000 00:00 0 [stack]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = out.toByteArray();
        assertTrue(bytes.length > 4 * 65_536, "several chunks: " + bytes.length);
        Path f = dir.resolve("chunks.maps");
        Files.write(f, bytes);
        MapsImporter.Result read = MapsImporter.read(f, false);
        MapsImporter.Result parsed = MapsImporter.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                f.toString(), false);
        assertEquals(6_001, read.vmas().size());
        assertEquals(parsed.vmas(), read.vmas());
        assertEquals(parsed.notes(), read.notes());
    }

    @Test
    void theFirstBadLineOfAManyLineFileIsTheOneNamedAndLenientSkipsIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.maps");
        String bad = many(9_000, 6_001);
        Files.writeString(f, bad);
        // the file's line number (the blank lines count)
        long badLine = bad.substring(0, bad.indexOf("this is no")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(badLine > 6_001);
        MapsException e = assertThrows(MapsException.class, () -> MapsImporter.read(f, false));
        assertTrue(e.getMessage().startsWith(f + ":" + badLine + ": "), e.getMessage());
        MapsImporter.Result r = MapsImporter.read(f, true);
        assertEquals(8_999, r.vmas().size());
        assertEquals(1, r.malformedSkipped());
        // a line too long, deep in the file, is said with its number
        String longLine = "10-20 r-xp 00000000 08:01 1 /" + "x".repeat(MapsImporter.MAX_LINE + 10) + "\n";
        String text = many(5_000, 0);
        int cut = text.indexOf('\n', text.length() / 2) + 1;
        int lineNo = (int) text.substring(0, cut).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(f, text.substring(0, cut) + longLine + text.substring(cut));
        e = assertThrows(MapsException.class, () -> MapsImporter.read(f, false));
        assertEquals(f + ":" + lineNo + ": the line is too long (more than " + MapsImporter.MAX_LINE + " bytes)",
                e.getMessage());
    }

    /** The names a set of every name taken gives: the importer's rule as it was written first. */
    private static final class EveryNameTaken {
        private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        private final java.util.Set<String> names = new java.util.HashSet<>();

        String name(String base) {
            String n = base;
            int k = seen.merge(base, 1, Integer::sum);
            if (k > 1) {
                n = base + "~" + k;
            }
            while (!names.add(n)) {
                k = seen.merge(base, 1, Integer::sum);
                n = base + "~" + k;
            }
            return n;
        }
    }

    @Test
    void uniqueNamesAreTheNamesASetOfEveryNameTakenGives() {
        // bases that a count can collide with: with ~, ~ and digits, leading zeros, an empty count, nested counts
        String[] bases = {"a", "a~2", "a~3", "a~2~2", "a~2~3", "a~02", "a~1", "a~", "~", "~2", "~~2", "a~10", "a~11",
            "b", "b~2", "a~2~2~2", "libc.so.6", "libc.so.6~2", "a~999999999", "a~2147483648", "a~x"};
        java.util.Random r = new java.util.Random(17);
        int collisions = 0;
        for (int run = 0; run < 3000; run++) {
            EveryNameTaken want = new EveryNameTaken();
            MapsImporter.UniqueNames got = new MapsImporter.UniqueNames();
            java.util.Set<String> given = new java.util.HashSet<>();
            java.util.Map<String, Integer> met = new java.util.HashMap<>();
            int len = 1 + r.nextInt(40);
            for (int i = 0; i < len; i++) {
                String base = bases[r.nextInt(r.nextBoolean() ? 4 : bases.length)];
                String n = want.name(base);
                assertEquals(n, got.name(base), "run " + run + ", name " + i + " of base " + base);
                assertTrue(given.add(n), n + " given twice");
                int k = met.merge(base, 1, Integer::sum);
                if (!n.equals(k == 1 ? base : base + "~" + k)) {
                    collisions++;
                }
            }
        }
        assertTrue(collisions > 100, "names skipped past a taken one: " + collisions);
        // a file of a million names of a few bases, in one pass
        EveryNameTaken want = new EveryNameTaken();
        MapsImporter.UniqueNames got = new MapsImporter.UniqueNames();
        for (int i = 0; i < 200_000; i++) {
            String base = i % 7 == 3 ? "x~" + (i % 50) : "lib" + (i % 5) + ".so";
            assertEquals(want.name(base), got.name(base));
        }
    }
}
