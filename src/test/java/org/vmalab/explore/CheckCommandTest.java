package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.cli.VmaLab;
import picocli.CommandLine;

/** {@code vmalab check FILE}: exit codes, the text report, the JSON, the A/B table, errors in one line. */
class CheckCommandTest {
    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    static final String LESSON9 = """
            title: lesson 9 for the check command
            layout: W
            threads:
              - name: T1
                role: spf-reader
                program: [spf 0x55555575e000]
              - name: T2
                role: writer
                program: [munmap 0x55555575d000 0x55555577e000]
            """;

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static Run check(String... args) {
        CommandLine cl = VmaLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] a = new String[args.length + 1];
        a[0] = "check";
        System.arraycopy(args, 0, a, 1, args.length);
        int rc = cl.execute(a);
        return new Run(rc, out.toString(), err.toString());
    }

    @Test
    void aViolationExitsOneAndPrintsItsShortestSchedule() throws IOException {
        Run r = check(file("nolock.yaml", LESSON9 + "protection: [NO_LOCK]\n").toString(), "--threads", "2");
        assertEquals(1, r.rc(), r.err());
        assertTrue(r.out().contains("I-UAF use-after-free"), r.out());
        assertTrue(r.out().contains("schedule: [T1 x"), r.out());
        assertTrue(r.out().contains("result: violation found (exit 1)"), r.out());
    }

    @Test
    void thePatchIsCompleteAndExitsZero() throws IOException {
        Run r = check(file("patch.yaml", LESSON9 + "schedule: explore\nexpect: {violations: false}\n").toString());
        assertEquals(0, r.rc(), r.err() + r.out());
        assertTrue(r.out().contains("violations: none"), r.out());
        assertTrue(r.out().contains("expectation of the part: holds"), r.out());
    }

    static final String TWO_READERS = """
            title: two readers and a writer
            layout: W
            threads:
              - name: T1
                program: [get_vma 0x55555575e000, put_vma]
              - name: T2
                program: [get_vma 0x55555575e000, put_vma]
              - name: T3
                program: [munmap 0x7ffff7dcb000 0x7ffff7dd1000]
            """;

    @Test
    @SuppressWarnings("unchecked")
    void theSymmetryReductionIsOnByDefaultAndNoSymmetryTurnsItOff() throws IOException {
        String f = file("readers.yaml", TWO_READERS).toString();
        Map<String, Object> on = ResultJsonTest.parse(check(f, "--json").out());
        Map<String, Object> off = ResultJsonTest.parse(check(f, "--json", "--no-symmetry").out());
        assertEquals(true, ((Map<String, Object>) on.get("options")).get("symmetry"));
        assertEquals(false, ((Map<String, Object>) off.get("options")).get("symmetry"));
        Map<String, Object> a = ((List<Map<String, Object>>) on.get("parts")).get(0);
        Map<String, Object> b = ((List<Map<String, Object>>) off.get("parts")).get(0);
        Map<String, Object> sa = (Map<String, Object>) a.get("stats");
        Map<String, Object> sb = (Map<String, Object>) b.get("stats");
        assertEquals(true, sa.get("symmetry"));
        assertEquals(2, ((Number) sa.get("symmetric_threads")).intValue());
        assertEquals(List.of(List.of("T1", "T2")), sa.get("interchangeable_threads"));
        assertEquals(false, sb.get("symmetry"));
        assertEquals(0, ((Number) sb.get("symmetric_threads")).intValue());
        assertTrue(((Number) sa.get("distinct_states")).longValue() < ((Number) sb.get("distinct_states")).longValue());
        assertEquals(texts(a), texts(b), "the same outcomes, as many final states");
        assertTrue(check(f).out().contains("T1 and T2 run the same program"));
    }

    /** Each outcome's text and final states. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(Map<String, Object> part) {
        return ((List<Map<String, Object>>) part.get("outcomes")).stream()
                .map(o -> o.get("text") + " " + o.get("final_states")).sorted().toList();
    }

    @Test
    void aBoundThatCutsExitsThree() throws IOException {
        Run r = check(file("patch.yaml", LESSON9).toString(), "--bound", "30");
        assertEquals(3, r.rc(), r.out());
        assertTrue(r.out().contains("incomplete"), r.out());
    }

    @Test
    void aPreemptionBoundThatCutsExitsThree() throws IOException {
        Run r = check(file("patch.yaml", LESSON9).toString(), "--preemptions", "1");
        assertEquals(3, r.rc(), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOnStandardOutput() throws IOException {
        Run r = check(file("parts.yaml", LESSON9 + """
                parts:
                  - title: no count
                    protection: [NO_REFCOUNT]
                  - title: the patch
                    protection: patch
                """).toString(), "--json");
        assertEquals(1, r.rc());
        Map<String, Object> m = ResultJsonTest.parse(r.out());
        assertEquals("vmalab-check", m.get("format"));
        assertEquals("violation", m.get("verdict"));
        assertEquals(1, m.get("exit_code"));
        List<Map<String, Object>> parts = (List<Map<String, Object>>) m.get("parts");
        assertEquals(2, parts.size());
        assertEquals("violation", parts.get(0).get("verdict"));
        assertEquals("NO_REFCOUNT", parts.get(0).get("protection"));
        assertEquals("pass", parts.get(1).get("verdict"));
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAbTableRunsEverySetting() throws IOException {
        Path f = file("ab.yaml", LESSON9);
        Run text = check(f.toString(), "--ab");
        assertEquals(0, text.rc(), text.out());
        for (String s : List.of("PATCH", "NO_LOCK", "NO_REFCOUNT", "NO_EMPTY_CHECK", "CLEAR_BEFORE_ERASE",
                "SPF_USES_VMACACHE", "PRE_PATCH")) {
            assertTrue(text.out().contains(s), s);
        }
        Run json = check(f.toString(), "--ab", "--json");
        Map<String, Object> m = ResultJsonTest.parse(json.out());
        assertEquals("vmalab-ab", m.get("format"));
        assertEquals(7, ((List<Object>) m.get("rows")).size());
    }

    @Test
    void badInputIsOneLineAndExitsTwo() throws IOException {
        Run bad = check(file("bad.yaml", "title: x\nlayout: W\nthreads: [{name: T1, program: [bogus 1]}]\n")
                .toString());
        assertEquals(2, bad.rc());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("bad.yaml:3:"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertEquals(2, check(dir.resolve("missing.yaml").toString()).rc());
        Path ok = file("ok.yaml", LESSON9);
        assertEquals(2, check(ok.toString(), "--part", "2").rc());
        assertEquals(2, check(ok.toString(), "--bound", "0").rc());
        assertEquals(2, check(ok.toString(), "--threads", "x").rc());
        assertEquals(2, check(ok.toString(), "--preemptions", "-3").rc());
    }

    /*
     * A built-in lesson searched without the state table and without the reduction enumerates every schedule:
     * days of work. The option fuzzer once drew "check 1 --no-cache --no-reduction" (lesson 01) and hung the
     * build. --time-limit ends such a run as incomplete, exit 3, saying why, for the plain and the A/B table.
     */
    @Test
    void aTimeLimitEndsAnEndlessSearchAsIncomplete() {
        Run r = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> check("01", "--no-cache", "--no-reduction", "--time-limit", "1", "-q"));
        assertEquals(3, r.rc(), r.out() + r.err());
        assertTrue(r.out().contains("stopped at the time limit (1 s)"), r.out());
        assertTrue(r.out().contains("incomplete"), r.out());
        Run json = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> check("01", "--no-cache", "--no-reduction", "--time-limit", "1", "--json"));
        assertEquals(3, json.rc(), json.err());
        Map<String, Object> m = ResultJsonTest.parse(json.out());
        assertEquals("incomplete", m.get("verdict"));
        assertTrue(json.out().contains("stopped at the time limit (1 s)"), json.out());
        Run ab = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> check("01", "--no-cache", "--no-reduction", "--ab", "--time-limit", "1", "-q"));
        assertEquals(3, ab.rc(), ab.out() + ab.err());
        assertTrue(ab.out().contains("stopped at the time limit (1 s)"), ab.out());
    }

    @Test
    void aSearchWithinItsTimeLimitIsUnchanged() throws IOException {
        Path f = file("fast.yaml", LESSON9);
        Run plain = check(f.toString(), "--json", "--threads", "1");
        Run limited = check(f.toString(), "--json", "--threads", "1", "--time-limit", "600");
        assertEquals(0, limited.rc(), limited.err());
        Map<String, Object> a = ResultJsonTest.parse(plain.out());
        Map<String, Object> b = ResultJsonTest.parse(limited.out());
        assertEquals(a.get("verdict"), b.get("verdict"));
        String timing = "[a-z_]*(_ms|_second)=[0-9.E-]+";
        assertEquals(String.valueOf(a.get("parts")).replaceAll(timing, ""),
                String.valueOf(b.get("parts")).replaceAll(timing, ""));
        assertEquals(2, check(f.toString(), "--time-limit", "0").rc());
    }
}
