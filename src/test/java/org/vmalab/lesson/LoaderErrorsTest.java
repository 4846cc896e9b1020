package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per class of error the loader reports; each is one line at the right line and column. */
class LoaderErrorsTest {
    static final String OK = """
            title: A small scenario
            layout: W
            threads:
              - name: T1
                program: [spf 0x55555575e000]
              - name: T2
                program: [munmap 0x55555575d000 0x55555577e000]
            schedule: [T1 x8, T2 *, round-robin]
            """;

    /** Parses {@code text} expecting an error; checks line, column and a piece of the message. */
    static LessonException error(String text, int line, int column, String contains) {
        LessonException e = assertThrows(LessonException.class, () -> LessonLoader.parse(text, "t.yaml"));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.startsWith("t.yaml:" + line + ":" + column + ": "), "location of: " + m);
        assertTrue(m.contains(contains), "'" + contains + "' in: " + m);
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertEquals("t.yaml", e.source());
        return e;
    }

    @Test
    void theBaseTextIsValid() throws Exception {
        Lesson l = LessonLoader.parse(OK, "dir/small.yaml");
        assertEquals("small", l.id());
        assertEquals(2, l.scenario().threads().size());
    }

    @Test
    void unknownKeyWithTheNearestValidKey() {
        error(OK + "shedule: round-robin\n", 9, 1, "unknown key 'shedule' in the lesson (did you mean 'schedule'?)");
        error("title: t\nlayout:\n  - {name: a, start: 0x1000, ned: 0x2000}\nthreads: []\n", 3, 30,
                "did you mean 'end'?");
        error(OK + "narration:\n  - when: {thred: T1}\n    text: x\n", 10, 12, "did you mean 'thread'?");
        error(OK + "zzzzzzzz: 1\n", 9, 1, "expected one of: id, title,");
    }

    @Test
    void wrongType() {
        error("title: t\nlayout: {a: 1}\nthreads: []\n", 2, 9, "layout must be a list, not a mapping");
        error("title: [a, b]\nlayout: W\nthreads: []\n", 1, 8, "title must be text or a number, not a list");
        error("title: t\nlayout: W\nthreads: {T1: x}\n", 3, 10, "threads must be a list");
        error(OK + "objectives:\n  - Explain this: it breaks\n", 10, 5, "put the text in quotes");
        error("- a\n- b\n", 1, 1, "a lesson file is a mapping");
    }

    @Test
    void badNumber() {
        error("title: t\nlayout:\n  - {name: a, start: 0xZZ, end: 0x2000}\nthreads: []\n", 3, 22,
                "start: bad number '0xZZ'");
        error("title: t\nlayout: W\nthreads: []\nbound: 12abc\n", 4, 8, "bad number '12abc'");
        error("title: t\nlayout: W\nthreads: []\nmmap_base: 0x11112222333344445\n", 4, 12, "1 to 16 hex digits");
        error("title: t\nlayout: W\nthreads: []\nbound: 0\n", 4, 8, "bound must be between 1 and");
        error("title: t\nlayout: W\nthreads:\n  - name: T1\n    program: [brk 0x55555579g000]\n", 5, 19,
                "address: bad number");
    }

    @Test
    void unknownThreadInTheSchedule() {
        error(OK.replace("[T1 x8, T2 *, round-robin]", "[T1 x8, T3 *, round-robin]"), 8, 19,
                "unknown thread 'T3' in the schedule (did you mean 'T1'?)");
        error(OK.replace("[T1 x8, T2 *, round-robin]", "T1 x8, T2 y"), 8, 21,
                "after a thread name: xN (N steps) or * (until it blocks or finishes)");
        error(OK.replace("[T1 x8, T2 *, round-robin]", "[round-robin, T1]"), 8, 12, "put it last");
        error(OK.replace("[T1 x8, T2 *, round-robin]", "[T1, explore]"), 8, 16, "'explore' stands alone");
        error(OK.replace("[T1 x8, T2 *, round-robin]", "[T1 x0]"), 8, 15, "a step count is between 1 and");
        error(OK.replace("[T1 x8, T2 *, round-robin]", "[T1, random]"), 8, 16, "random needs a seed");
    }

    @Test
    void unknownOperationAndBadOperands() {
        error(OK.replace("spf 0x55555575e000", "gte_vma 0x55555575e000"), 5, 15,
                "unknown operation 'gte_vma' (did you mean 'get_vma'?)");
        error(OK.replace("spf 0x55555575e000", "spf 0x55555575e000 wirte"), 5, 34, "expected 'read' or 'write'");
        error(OK.replace("munmap 0x55555575d000 0x55555577e000", "munmap 0x55555575d000"), 7, 36,
                "missing arguments: munmap START END");
        error(OK.replace("munmap 0x55555575d000 0x55555577e000", "munmap 0x3000 0x1000"), 7, 22,
                "must be below the end");
        error(OK.replace("spf 0x55555575e000", "mmap 0x1000 fixed 0x1000 hint 0x2000"), 5, 40,
                "give one address");
        error(OK.replace("spf 0x55555575e000", "map x 0x1000-0x2000 rw- anon_vma"), 5, 47, "missing the anon_vma id");
    }

    @Test
    void duplicateKey() {
        error("title: t\nlayout: W\ntitle: u\nthreads: []\n", 3, 1,
                "duplicate key 'title' in the lesson (first at line 1)");
        error("title: t\nlayout:\n  - {name: a, name: b, start: 0x1000, end: 0x2000}\nthreads: []\n", 3, 15,
                "duplicate key 'name'");
    }

    @Test
    void nestedTooDeeply() {
        String deep = "title: t\nlayout: W\nthreads: []\nobjectives: " + "[".repeat(100) + "]".repeat(100) + "\n";
        error(deep, 4, 13 + YamlSource.MAX_DEPTH - 1, "nested too deeply");
        String veryDeep = "title: " + "[".repeat(200_000) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> error(veryDeep, 1, 8 + YamlSource.MAX_DEPTH - 1,
                "nested too deeply"));
    }

    @Test
    void tooManyAliases() {
        StringBuilder b = new StringBuilder("title: t\nlayout: W\nthreads: []\nx: &a t\nobjectives: [");
        for (int i = 0; i < YamlSource.MAX_ALIASES + 1; i++) {
            b.append(i > 0 ? ", " : "").append("*a");
        }
        b.append("]\n");
        error(b.toString(), 5, 14 + 4 * YamlSource.MAX_ALIASES, "too many aliases");
    }

    @Test
    void aliasExpansionIsBounded() {
        /* a "billion laughs" through nested repeat blocks: 10 levels of 6 aliases each */
        StringBuilder b = new StringBuilder("title: t\nlayout: W\nthreads:\n  - name: T1\n    program:\n");
        b.append("      - &r0 {repeat 1: [put_vma]}\n");
        for (int lvl = 1; lvl <= 10; lvl++) {
            b.append("      - &r").append(lvl).append(" {repeat 1: [");
            for (int k = 0; k < 6; k++) {
                b.append(k > 0 ? ", " : "").append("*r").append(lvl - 1);
            }
            b.append("]}\n");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> error(b.toString(), 11, 14,
                "the program is too long"));
        /* a recursive structure */
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            LessonException e = assertThrows(LessonException.class, () -> LessonLoader.parse(
                    "title: t\nlayout: W\nthreads:\n  - name: T1\n    program: &p [{repeat 2: *p}]\n", "t.yaml"));
            assertTrue(e.getMessage().startsWith("t.yaml:5:"), e.getMessage());
        });
    }

    @Test
    void tooLarge() {
        String big = "title: t\n# " + "x".repeat(YamlSource.MAX_BYTES) + "\n";
        error(big, 1, 1, "too large");
    }

    @Test
    void invalidUtf8IsReportedWhereItIs(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.yaml");
        byte[] head = "title: t\nlayout: W\nthreads: []\nsummary: caf".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xe9;
        all[head.length + 1] = '\n';
        Files.write(f, all);
        LessonException e = assertThrows(LessonException.class, () -> LessonLoader.load(f));
        assertEquals(f + ":4:13: not valid UTF-8: byte 0xe9 at offset " + head.length + " (save the file as UTF-8)",
                e.getMessage());
        Path utf16 = dir.resolve("u16.yaml");
        Files.write(utf16, "title: t\n".getBytes(StandardCharsets.UTF_16));
        assertTrue(assertThrows(LessonException.class, () -> LessonLoader.load(utf16)).getMessage()
                .endsWith(":1:1: the file is UTF-16, not UTF-8: save it as UTF-8"));
        Path bom = dir.resolve("bom.yaml");
        Files.write(bom, ("\ufeff" + OK).getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrowLesson(bom);
    }

    static void assertDoesNotThrowLesson(Path f) {
        try {
            LessonLoader.load(f);
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void controlCharactersAndBinaryJunk() {
        error("title: t\u0000x\nlayout: W\nthreads: []\n", 1, 9, "a character that YAML does not allow");
        error("title: t\nlayout: W\n\u0007threads: []\n", 3, 1, "a character that YAML does not allow");
    }

    @Test
    void tagsAreRefused() {
        error("title: !!java.net.URL [\"http://example.com\"]\nlayout: W\nthreads: []\n", 1, 8,
                "YAML tags (tag:yaml.org,2002:java.net.URL) are not allowed");
        error("title: t\nlayout: !w W\nthreads: []\n", 2, 9, "YAML tags (!w) are not allowed");
        error("title: !!str t\nlayout: W\nthreads: []\n", 1, 8, "are not allowed");
        error("%TAG !e! tag:example.com,2000:\n---\ntitle: !e!x t\n", 3, 8, "are not allowed");
    }

    @Test
    void emptyFiles(@TempDir Path dir) throws IOException {
        error("", 1, 1, "the file is empty");
        error("# only a comment\n\n", 1, 1, "the file is empty (only blanks or comments)");
        Path f = dir.resolve("empty.yaml");
        Files.write(f, new byte[0]);
        assertEquals(f + ":1:1: the file is empty", assertThrows(LessonException.class,
                () -> LessonLoader.load(f)).getMessage());
    }

    @Test
    void missingFilesAndDirectories(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ":1:1: no such file", assertThrows(LessonException.class,
                () -> LessonLoader.load(missing)).getMessage());
        assertEquals(dir + ":1:1: is a directory, not a lesson file", assertThrows(LessonException.class,
                () -> LessonLoader.load(dir)).getMessage());
    }

    @Test
    void yamlSyntaxErrors() {
        error("title: t\nlayout: [W\nthreads: []\n", 3, 8, "YAML: expected ',' or ']'");
        error("title: t\n  layout: W\n", 2, 9, "YAML: mapping values are not allowed here");
        error("title: t\nlayout: W\nthreads: []\n---\ntitle: u\n", 4, 1, "only one YAML document per file");
        error("title: *nope\nlayout: W\nthreads: []\n", 1, 8, "YAML:");
    }

    /** An unclosed quote is named where it opens: the scanner reports the end of the file, where it looked for it. */
    @Test
    void anUnclosedQuoteIsNamedWhereItOpens() {
        error("title: \"oops\nlayout: W\nthreads: []\n", 1, 8,
                "YAML: the quoted text that starts here is never closed (the file ends first)");
        error("title: t\nlayout: W\nthreads: []\nsummary: 'it is\n", 4, 10, "the quoted text that starts here");
    }

    @Test
    void missingRequiredKeys() {
        error("layout: W\nthreads: []\n", 1, 1, "the lesson needs 'title'");
        error("title: t\nthreads: []\n", 1, 1, "needs 'layout'");
        error("title: t\nlayout: W\n", 1, 1, "needs 'threads'");
        error("title: t\nlayout: W\nthreads:\n  - program: []\n", 4, 5, "a thread needs 'name'");
    }

    @Test
    void layoutProblems() {
        error("title: t\nlayout:\n  - a 0x1000-0x3000\n  - b 0x2000-0x4000\nthreads: []\n", 4, 5,
                "VMA b [0x2000, 0x4000) overlaps a [0x1000, 0x3000)");
        error("title: t\nlayout:\n  - a 0x1000-0x2800\nthreads: []\n", 3, 7, "page boundary");
        error("title: t\nlayout:\n  - a 0x1000-0x2000 rw- growsdwn\nthreads: []\n", 3, 25,
                "unknown word 'growsdwn' (did you mean 'growsdown'?)");
        error("title: t\nlayout: X\nthreads: []\n", 2, 9, "unknown layout preset 'X'");
    }

    @Test
    void protectionAndPolicy() {
        error(OK + "protection: [NO_LOK]\n", 9, 14, "unknown protection 'NO_LOK' (did you mean 'NO_LOCK'?)");
        error(OK + "protection: [PRE_PATCH, NO_LOCK]\n", 9, 25, "PRE_PATCH cannot be combined");
        error(OK + "rwlock: fair\n", 9, 9, "rwlock is queued or reader-pref");
        error(OK + "granularity: nano\n", 9, 14, "granularity is micro or macro");
    }

    @Test
    void threadProblems() {
        StringBuilder b = new StringBuilder("title: t\nlayout: W\nthreads:\n");
        for (int i = 0; i < LessonLoader.MAX_THREADS + 1; i++) {
            b.append("  - {name: T").append(i).append("}\n");
        }
        error(b.toString(), 4, 3, "too many threads");
        error("title: t\nlayout: W\nthreads:\n  - {name: T1}\n  - {name: T1}\n", 5, 12, "two threads are called T1");
        error("title: t\nlayout: W\nthreads:\n  - {name: 1x}\n", 4, 12, "a thread name is a letter");
        error("title: t\nlayout: W\nthreads:\n  - {name: stop}\n", 4, 12, "is a schedule word");
        error("title: t\nlayout: W\nthreads:\n  - {name: T1, role: reader}\n", 4, 22, "unknown role 'reader'");
        error("title: t\nlayout: W\nthreads:\n  - name: T1\n    program:\n      - repeat 0: [put_vma]\n", 6, 9,
                "repeat count must be between 1 and");
        error("title: t\nlayout: W\nthreads:\n  - name: T1\n    program:\n      - loop 2: [put_vma]\n", 6, 9,
                "unknown block 'loop 2'");
    }

    @Test
    void narrationAndCheckpointProblems() {
        error(OK + "narration:\n  - {at: 1, when: T1, text: x}\n", 10, 5, "needs exactly one of 'at'");
        error(OK + "narration:\n  - {when: {step: ERASE_WRITE_LOK}, text: x}\n", 10, 19,
                "unknown step 'ERASE_WRITE_LOK' (did you mean 'ERASE_WRITE_LOCK'?)");
        error(OK + "narration:\n  - {when: {thread: T9}, text: x}\n", 10, 21, "unknown thread 'T9'");
        error(OK + "narration:\n  - {when: {violation: I-UFA}, text: x}\n", 10, 24,
                "unknown invariant 'I-UFA' (did you mean 'I-UAF'?)");
        error(OK + "narration:\n  - {when: {case: I9}, text: x}\n", 10, 19, "unknown rbtree case 'I9'");
        error(OK + "narration:\n  - {when: T1 NOT_A_STEP, text: x}\n", 10, 15,
                "'NOT_A_STEP' is not a thread, a step name or a step kind");
        error(OK + "narration:\n  - {at: soon, text: x}\n", 10, 10, "at is a step number");
        error(OK + "narration:\n  - {at: 3}\n", 10, 5, "a narration needs 'text'");
        error(OK + "checkpoints:\n  - {at: 3, question: q, choices: [a, b], answer: c, explanation: e}\n", 10, 51,
                "the answer 'c' is not one of the choices");
        error(OK + "checkpoints:\n  - {at: 3, question: q, choices: [a], answer: a, explanation: e}\n", 10, 35,
                "a checkpoint has 2 to 8 choices");
        error(OK + "expect: {violations: false, invariants: [I-UAF]}\n", 9, 41, "violations: false");
        error(OK + "expect: {outcome: done}\n", 9, 19, "unknown outcome 'done'");
    }

    /** A reason per wrong choice ({@code why_not}): each names a choice that exists and is not the answer. */
    @Test
    void reasonsForWrongChoices() throws Exception {
        String q = OK + "checkpoints:\n  - at: 3\n    question: q\n    choices: [a, b, \"NULL\"]\n    answer: a\n"
                + "    explanation: e\n";
        Checkpoint c = LessonLoader.parse(q + "    why_not:\n      b: b is not it.\n      \"NULL\": |\n"
                + "        Nothing is\n        not it either.\n", "t.yaml").part().checkpoints().get(0);
        assertEquals(List.of("", "b is not it.", "Nothing is\nnot it either."), c.whyNot());
        assertEquals("", c.whyNot(0));
        assertEquals(List.of("", "", ""), LessonLoader.parse(q, "t.yaml").part().checkpoints().get(0).whyNot(),
                "optional");
        error(q + "    why_not: {b: because, d: no}\n", 15, 27,
                "why_not gives a reason for 'd', which is not one of the choices");
        error(q + "    why_not: {b: because, \"null\": no}\n", 15, 27, "(did you mean 'NULL'?)");
        error(q + "    why_not: {a: it is right}\n", 15, 15, "why_not gives a reason for 'a', the right answer");
        error(q + "    why_not: {b: x, b: y}\n", 15, 21, "why_not gives a reason for 'b' twice");
        error(q + "    why_not: [b]\n", 15, 14, "why_not must be a mapping (a wrong choice: why it is wrong)");
        error(q + "    why_not: {b: }\n", 15, 17, "the reason for 'b' is empty");
        error(q + "    why_nt: {b: x}\n", 15, 5, "did you mean 'why_not'?");
    }

    @Test
    void partsProblems() {
        error("title: t\nlayout: W\nthreads: []\nnarration: []\nparts:\n  - title: a\n", 4, 1,
                "'narration' belongs to a part");
        error("title: t\nlayout: W\nthreads: []\nparts: []\n", 4, 8, "parts is empty");
        error("title: t\nlayout: W\nthreads: []\nparts:\n  - layout: M\n", 5, 5, "a part needs 'title'");
    }

    @Test
    void nonScalarKeys() {
        error("title: t\nlayout: W\nthreads: []\n? [a, b]\n: c\n", 4, 3, "a key must be a word");
    }

    @Test
    void challengesClaimsAndWatches() throws Exception {
        String ch = OK + "challenge:\n"
                + "  goal: {text: Make T1 read heap after it is freed., thread: T1, violation: I-UAF}\n"
                + "  hints: [Let T1 walk first.]\n  max_steps: 90\n  with_patch: unreachable\n";
        Challenge c = LessonLoader.parse(ch, "t.yaml").part().challenge();
        assertEquals("Make T1 read heap after it is freed.", c.text());
        assertEquals(90, c.maxSteps());
        assertTrue(c.patchUnreachable() && c.explorable());
        assertEquals("I-UAF", c.invariant().id());
        error(OK + "challenge:\n  goal: {text: x}\n  max_steps: 9\n", 10, 9, "a goal needs conditions");
        error(OK + "challenge:\n  goal: {text: x, deadlock: true, thread: T1}\n  max_steps: 9\n", 10, 9,
                "a deadlock goal has no other condition");
        error(OK + "challenge:\n  goal: {text: x, thread: T1}\n", 10, 3, "a challenge needs 'max_steps'");
        error(OK + "challenge:\n  goal: {text: x, thread: T1}\n  max_steps: 0\n", 11, 14, "max_steps");
        error(OK + "challenge:\n  goal: {text: x, thread: T1}\n  max_steps: 5\n  with_patch: maybe\n", 12, 15,
                "with_patch is 'unreachable'");
        error(OK + "challenge:\n  goal: {text: x, thred: T1}\n  max_steps: 5\n", 10, 19, "did you mean 'thread'?");
        error(OK + "narration:\n  - at: 3\n    text: x\n    claims: {}\n", 12, 13, "claims is empty");
        error(OK + "hide: [gaps]\n", 9, 8, "hide names what the window may leave out: refcount");
        assertTrue(LessonLoader.parse(OK + "hide: [refcount]\n", "t.yaml").hides(Lesson.REFCOUNT));
        error(OK + "narration:\n  - at: 3\n    text: x\n    claims: {case: C9}\n", 12, 20, "unknown rbtree case");
        error(OK + "checkpoints:\n  - at: 3\n    question: q\n    choices: [a, b]\n    answer: a\n"
                + "    explanation: e\n    watch: {thread: T7}\n", 15, 21, "unknown thread 'T7'");
    }

    @Test
    void verifyChecksClaimsWatchesAndTheChallengesSolution() throws Exception {
        String text = OK + """
                narration:
                  - at: start
                    text: the start
                    claims: {clean: true}
                  - when: {thread: T1, step: GET_VMA_INC}
                    text: T1 takes its reference on heap
                    claims: {vma: heap, violation: false}
                  - when: {thread: T1, step: GET_VMA_INC}
                    text: a wrong claim
                    claims: {vma: libc}
                checkpoints:
                  - at: 2
                    question: Which node does T1 visit next?
                    choices: [libc, heap]
                    answer: libc
                    explanation: right of data
                    watch: {thread: T1, step: GET_VMA_LEFT}
                  - at: 5
                    question: A watch in the past
                    choices: [a, b]
                    answer: a
                    explanation: e
                    watch: {thread: T1, step: GET_VMA_ROOT}
                challenge:
                  goal: {text: Make T2 free heap., thread: T2, step: FREE_VMA}
                  max_steps: 90
                """;
        java.util.List<String> m = LessonLoader.verify(LessonLoader.parse(text, "v.yaml")).stream()
                .map(LessonException::getMessage).toList();
        assertEquals(3, m.size(), m::toString);
        assertTrue(m.stream().anyMatch(
                s -> s.matches("v\\.yaml:16:5: the narration claims something the run does not show \\(step "
                + "\\d+\\): the step is about heap, not libc")), m::toString);
        assertTrue(m.stream().anyMatch(
                s -> s.startsWith("v.yaml:26:5: the checkpoint's watch (the first step with thread T1, step "
                + "GET_VMA_ROOT) is at step 3, not after the question (step 5)")), m::toString);
        assertTrue(m.get(2).startsWith("v.yaml:33:3: part 'A small scenario': the part's schedule (the solution) does "
                + "not reach the challenge's goal"), m.get(2));
    }
}
