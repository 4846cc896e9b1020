package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * The facts the narration states, checked on the runs: the narration of a lesson must be visible in its trace.
 * (The golden traces pin every caption; these tests say which captions and values the text relies on.)
 */
class LessonClaimsTest {
    static Trace run(String lesson, int part) throws LessonException {
        return LessonLoader.load(Path.of("lessons", lesson + ".yaml")).parts().get(part - 1).run();
    }

    static List<String> captions(Trace t, String thread) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            if (thread == null || t.threadName(t.step(i).thread()).equals(thread)) {
                out.add(t.caption(i));
            }
        }
        return out;
    }

    static int first(Trace t, Predicate<StepRecord> p) {
        for (StepRecord s : t.steps()) {
            if (p.test(s)) {
                return s.index();
            }
        }
        return -1;
    }

    static int first(Trace t, String thread, Loc loc) {
        return first(t, s -> s.loc() == loc && t.threadName(s.thread()).equals(thread));
    }

    static List<String> tags(Trace t) {
        List<String> out = new ArrayList<>();
        Tag last = Tag.NONE;
        for (StepRecord s : t.steps()) {
            if (s.tag() != Tag.NONE && s.tag() != Tag.E23 && s.tag() != last) {
                out.add(s.tag().label());
            }
            last = s.tag();
        }
        return out;
    }

    static int vma(Trace t, String name) {
        for (int v = 0; v < t.vmaCount(); v++) {
            if (t.vmaName(v).equals(name)) {
                return v;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void lesson1FindVma() throws Exception {
        Trace t = run("02-find-vma", 1);
        List<String> c = captions(t, "T1");
        assertEquals(2, c.stream().filter(s -> s.startsWith("vmacache hit")).count(), "two hits");
        int hole = c.indexOf("__find_vma(0x555555600000): load the root, data");
        assertEquals("vmacache_update: slot 0 := data", c.get(hole + 3), "the hole returns data");
        assertEquals("vmacache slot 0: data does not contain the address", c.get(hole + 5), "and misses next time");
        assertEquals(2, c.stream().filter(s -> s.equals("find_vma returns NULL")).count(), "NULL is not cached");
        assertTrue(c.contains("vmacache_update: slot 2 := ld"));
    }

    @Test
    void lesson2Gaps() throws Exception {
        Trace t = run("03-augmented-gap", 1);
        TraceCursor c = t.cursor().seek(0);
        String[][] expected = {{"text", "555555554000", "555555554000"}, {"data", "1ff000", "555555554000"},
            {"heap", "0", "0"}, {"libc", "2aaaa2266000", "2aaaa2266000"}, {"libc_rw", "200000", "200000"},
            {"ld", "4000", "80e2000"}, {"stack", "80e2000", "80e2000"}};
        for (String[] e : expected) {
            int v = vma(t, e[0]);
            assertEquals(e[1], Numbers.hexDigits(Vm.ownGap(Recording.words(c), v)), e[0] + " own gap");
            assertEquals(e[2], Numbers.hexDigits(Recording.words(c).get(Field.RB_GAP, v)), e[0] + " rb_subtree_gap");
        }
        assertEquals(0x7ffffffff000L, Recording.words(c).mm(Field.HIGHEST_VM_END));
        assertEquals(0x81e2000L, 0x7ffffffde000L - 0x7ffff7dfc000L, "the distance the checkpoint quotes");
    }

    @Test
    void lesson4InsertionDrills() throws Exception {
        List<List<String>> expected = List.of(List.of("root"), List.of("I3m"), List.of("I1m", "root"), List.of("I3m"),
                List.of("I1m"), List.of("I3m"), List.of("I2", "I3"), List.of("I2", "I3"));
        for (int p = 1; p <= expected.size(); p++) {
            assertEquals(expected.get(p - 1), tags(run("04-insertion", p)), "part " + p);
        }
        Trace micro = run("05-insertion-store-by-store", 1);
        assertTrue(captions(micro, "T1").contains("propagate stops at libc: its gap 0x2aaaa2266000 is unchanged"));
        assertEquals(List.of("I3m"), tags(micro));
        int cut = first(micro, "T1", Loc.INS_C3M_GPARENT_RIGHT);
        int publish = first(micro, s -> s.loc() == Loc.RB_CHANGE_CHILD_RIGHT && s.tag() == Tag.I3M);
        assertTrue(cut > 0 && publish == cut + 4, "ld is unreachable from the first store of the rotation to the last");
    }

    @Test
    void lesson4EraseCases() throws Exception {
        assertEquals(List.of("E1"), tags(run("06-munmap", 1)));
        assertEquals(List.of("E1", "C4"), tags(run("07-erase-cases", 1)));
        assertEquals(List.of("E1", "C1", "C2"), tags(run("07-erase-cases", 2)));
        assertEquals(List.of("E2"), tags(run("07-erase-cases", 3)));
        assertEquals(List.of("E3", "C4"), tags(run("07-erase-cases", 4)));
        assertEquals(List.of("E2", "E3", "C3", "C4"), tags(run("07-erase-cases", 5)));
        assertEquals(List.of("E3", "C4", "E2", "C3m", "C4m"), tags(run("07-erase-cases", 6)));
        assertTrue(captions(run("07-erase-cases", 3), "T1").contains("propagate: stack.rb_subtree_gap := 0x810d000"));
        assertTrue(captions(run("07-erase-cases", 1), "T1")
                .contains("propagate: libc.rb_subtree_gap := 0x2aaaa2287000"));
    }

    @Test
    void lesson5Searches() throws Exception {
        String all = String.join("\n", captions(run("08-unmapped-area", 1), "T1"));
        for (String r : List.of("topdown 0x2000 0x10000 0x7ffff7fff000 returns 0x7ffff7ffd000",
                "topdown 0x801000 0x10000 0x7ffff7fff000 returns 0x7ffff71e3000",
                "topdown 0x300000 0x10000 0x7ffff7fff000 returns 0x7ffff76e4000",
                "topdown 0x2aaaa2267000 0x10000 0x7ffff7fff000 returns 0x2aaab32ed000",
                "bottomup 0x801000 0x2aaaaaaab000 0x7ffffffff000 returns 0x2aaaaaaab000",
                "propagate: buf.rb_subtree_gap := 0x2aaaa1a65000", "propagate: libc.rb_subtree_gap := 0x80e2000")) {
            assertTrue(all.contains(r), r);
        }
    }

    @Test
    void lesson6InPlace() throws Exception {
        Trace brk = run("09-brk-and-merge", 1);
        assertTrue(captions(brk, "T1").contains("propagate: libc.rb_subtree_gap := 0x2aaaa2245000"));
        Trace merge = run("09-brk-and-merge", 2);
        int end = first(merge, "T1", Loc.ADJUST_END);
        TraceCursor c = merge.cursor().seek(end);
        int a = vma(merge, "A");
        int b = vma(merge, "B");
        assertTrue(Vm.end(Recording.words(c), a) > Vm.start(Recording.words(c), b),
                "A and B overlap after A.vm_end moved");
        assertTrue(first(merge, "T1", Loc.ERASE_WRITE_LOCK) > end, "while B is still in the tree");
        assertEquals(1, Recording.words(c).get(Field.SEQUENCE, a) & 1, "A's sequence is odd");
        assertEquals(1, Recording.words(c).get(Field.SEQUENCE, b) & 1, "B's sequence is odd");
        assertTrue(captions(run("09-brk-and-merge", 3), "T1")
                .contains("vma_merge case 2: A grows up over the range (cases 2, 5, 7)"));
    }

    @Test
    void lesson7Convoy() throws Exception {
        Trace t = run("01-mmap-sem-convoy", 1);
        int up = first(t, "T1", Loc.SEM_UP_WRITE);
        assertTrue(first(t, "T2", Loc.SEM_DOWN_READ_SLEEP) < 5 && first(t, "T2", Loc.SEM_WOKEN) == up + 1);
        assertTrue(t.caption(up).contains("wakes T2, T3"));
        Trace spf = run("01-mmap-sem-convoy", 2);
        assertTrue(first(spf, "T2", Loc.PUT_VMA_DEC) < first(spf, "T1", Loc.ERASE_WRITE_LOCK));
        assertTrue(first(spf, "T3", Loc.PUT_VMA_DEC) < first(spf, "T1", Loc.SEM_UP_WRITE));
        Trace q = run("01-mmap-sem-convoy", 3);
        assertTrue(q.caption(first(q, "T1", Loc.SEM_UP_WRITE)).contains("wakes T2;"));
    }

    @Test
    void lesson8LocklessWalk() throws Exception {
        assertTrue(captions(run("11-race-a-lockless-walk", 1), "T1").contains("get_vma returns NULL"));
        assertTrue(captions(run("11-race-a-lockless-walk", 3), "T1").contains("read_unlock(mm_rb_lock) — get_vma "
                + "returns ld"));
        assertTrue(captions(run("11-race-a-lockless-walk", 4), "T1").contains("get_vma returns libc"));
        Trace locked = run("11-race-a-lockless-walk", 5);
        assertTrue(first(locked, "T1", Loc.RB_READ_SPIN) > 0);
        assertTrue(captions(locked, "T1").contains("read_unlock(mm_rb_lock) — get_vma returns heap"));
    }

    @Test
    void lesson9Lifetime() throws Exception {
        Trace patch = run("13-race-b-empty-node", 1);
        List<Long> counts = new ArrayList<>();
        for (StepRecord s : patch.steps()) {
            if (s.loc() == Loc.GET_VMA_INC || s.loc() == Loc.PUT_VMA_DEC) {
                counts.add(s.v());
            }
        }
        assertEquals(List.of(2L, 1L, 0L), counts, "1 -> 2 -> 1 -> 0");
        int free = first(patch, s -> s.loc() == Loc.FREE_VMA);
        assertEquals("T1", patch.threadName(patch.step(free).thread()), "the reader frees heap");
        assertTrue(patch.caption(free).contains("mmap_sem held for read"));
        assertTrue(captions(patch, "T1").contains("read_seqcount_retry(heap): vm_sequence now 4 — unchanged"));
        assertTrue(patch.caption(first(patch, "T1", Loc.SPF_S6_PTE_LOCK)).contains("RB_EMPTY_NODE(heap)"));
        Trace window = run("13-race-b-empty-node", 3);
        int check = first(window, "T1", Loc.SPF_S6_PTE_LOCK);
        assertTrue(first(window, "T2", Loc.RB_CHANGE_CHILD_LEFT) < check, "heap unlinked before the last check");
        assertTrue(first(window, "T2", Loc.RB_CLEAR_NODE) > check, "and cleared after it");
        assertTrue(window.caption(first(window, "T2", Loc.ZAP)).contains("removes 1 PTE"));
        Trace merge = run("13-race-b-empty-node", 4);
        assertTrue(merge.caption(first(merge, "T1", Loc.SPF_S2_SEQ)).contains("odd"));
        assertEquals("T1", merge.threadName(merge.step(first(merge, s -> s.loc() == Loc.FREE_VMA)).thread()));
        assertTrue(captions(merge, "T1").contains("good_area: handle_mm_fault in A maps 0x7ffff7a28000"));
        Trace nolock = run("12-race-b-use-after-free", 1);
        assertTrue(captions(nolock, "T1").contains("atomic_inc(heap.vm_ref_count) -> 1"), "resurrection 0 -> 1");
    }

    @Test
    void lesson10ClearNode() throws Exception {
        Trace bug = run("14-race-c-clear-node", 1);
        assertTrue(captions(bug, "T1")
                .contains("Erase case 1: at most one child, splice it in: heap.rb_right := NULL"));
        assertTrue(captions(bug, "T2").contains("good_area: handle_mm_fault in heap maps 0x55555575e000"));
        Trace patch = run("14-race-c-clear-node", 3);
        assertEquals(first(patch, "T1", Loc.ERASE_WRITE_UNLOCK) + 1, first(patch, "T1", Loc.RB_CLEAR_NODE));
        assertTrue(captions(patch, "T2").contains("bad_area at 0x55555575e000: SIGSEGV — libc does not cover the "
                + "address"));
    }

    @Test
    void lesson11Vmacache() throws Exception {
        Trace bug = run("15-race-d-vmacache", 1);
        assertTrue(first(bug, "T1", Loc.VMACACHE_HIT) < first(bug, "T2", Loc.FREE_VMA));
        assertTrue(first(bug, "T2", Loc.FREE_VMA) < first(bug, "T1", Loc.SPF_UAF_INC));
        Trace patch = run("15-race-d-vmacache", 3);
        assertEquals(-1, first(patch, s -> s.loc() == Loc.VMACACHE_HIT && patch.threadName(s.thread()).equals("T1")
                && s.index() > first(patch, "T1", Loc.SPF_ENTRY)), "no cache in the speculative path");
        Trace sem = run("15-race-d-vmacache", 4);
        assertTrue(first(sem, "T2", Loc.SEM_DOWN_WRITE_SLEEP) < first(sem, "T1", Loc.SEM_UP_READ));
    }

    @Test
    void lesson12Fairness() throws Exception {
        Trace pref = run("16-fairness-and-cost", 1);
        int got = first(pref, "T4", Loc.ERASE_WRITE_LOCK);
        long spins = pref.steps().stream().filter(s -> s.index() < got && s.waiting()
                && pref.threadName(s.thread()).equals("T4")).count();
        assertTrue(spins >= 20, "READER_PREF: " + spins + " spins");
        assertTrue(first(pref, "T5", Loc.SEM_WOKEN) > got);
        Trace queued = run("16-fairness-and-cost", 2);
        int gotQ = first(queued, "T4", Loc.ERASE_WRITE_LOCK);
        long spinsQ = queued.steps().stream().filter(s -> s.index() < gotQ && s.waiting()
                && queued.threadName(s.thread()).equals("T4")).count();
        assertTrue(spinsQ <= 5, "QUEUED: " + spinsQ + " spins");
        assertTrue(captions(queued, "T3").get(0).contains("writer T4 is waiting"));
    }

    static final java.util.regex.Pattern CASE_WORDS = java.util.regex.Pattern.compile(
            "\\b([Cc]ase [1-4]|E[1-3]|C[1-4]m?|I[1-3]m?)\\b");
    static final java.util.regex.Pattern VIOLATION_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(violation|use-after-free|use after free|double free|resurrection|wrong lookup|the checker "
                    + "(reports|finds|calls))\\b");

    /**
     * Every narration card of every shipped part, placed on the part's run: its claims hold at its step, and a card
     * that names an rbtree case or speaks of the checker's verdict says so in a claim the run can check (so that
     * the window can hide it on a run where it is false).
     */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> everyCardsClaimsAgreeWithItsRun() throws Exception {
        List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
        for (Path f : ShippedLessonsTest.lessonFiles()) {
            Lesson l = LessonLoader.load(f);
            for (int i = 0; i < l.parts().size(); i++) {
                Part p = l.parts().get(i);
                String name = l.id() + " part " + (i + 1);
                tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
                    Trace t = p.run();
                    int cards = 0;
                    for (CueTimeline.Entry e : p.timeline(t).entries()) {
                        if (!(e.cue() instanceof Narration n)) {
                            continue;
                        }
                        cards++;
                        String where = name + ", card '" + n.title() + "' (line " + n.pos().line() + ")";
                        assertEquals(List.of(), n.claims().mismatches(t, e.step()), where);
                        String words = n.title() + "\n" + n.text();
                        if (e.step() > 0 && CASE_WORDS.matcher(words).find() && !words.contains("lesson")) {
                            assertTrue(n.claims().tag() != null || n.claims().loc() != null, where + " names a case: "
                                    + "claim it (case: for the rbtree, step: for vma_merge)");
                        }
                        if (e.step() > 0 && VIOLATION_WORDS.matcher(words).find()) {
                            assertTrue(n.claims().violation() != null || n.claims().clean() != null,
                                    where + " speaks of the checker's verdict: claim it (violation: or clean:)");
                        }
                    }
                    assertTrue(cards > 0, name + " has narration");
                }));
            }
        }
        return tests.stream();
    }
}
