package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;

/**
 * A kernel developer's own scenarios (twelfth session, docs/LINE-TABLE.md's audit), explored completely: each
 * final outcome is one v4.15 + SPF v8 can reach, and the patch's protections are what stop the races.
 */
class KernelScenariosTest {
    static final long RW = Const.VM_READ | Const.VM_WRITE;

    static ExploreResult explore(Scenario sc) {
        ExploreResult r = Explorer.run(sc, ExploreOptions.defaults().withThreads(1));
        assertTrue(r.complete(), r.incompleteReasons().toString());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r;
    }

    /** The first thread's final outcomes. */
    static Set<String> firstThread(ExploreResult r) {
        Set<String> out = new TreeSet<>();
        for (FinalOutcome o : r.outcomes()) {
            out.add(o.threads().get(0));
        }
        return out;
    }

    /**
     * munmap of [a+0x2000, d+0x1000) across a, b, a hole, c and d: two splits (a' above, d' below), four victims
     * erased one lock section each; a speculative fault on c either finishes first or ends in SIGSEGV after the
     * classic path finds no VMA, and c, held by the fault, is freed by the fault's own put_vma.
     */
    static Scenario spanningMunmap(Protection p) {
        List<VmaSpec> layout = List.of(new VmaSpec("a", 0x10000000L, 0x10004000L, RW, false, 1),
                new VmaSpec("b", 0x10004000L, 0x10008000L, Const.VM_READ, false, 2),
                new VmaSpec("c", 0x1000a000L, 0x1000e000L, RW, false, 3),
                new VmaSpec("d", 0x1000e000L, 0x10010000L, RW, false, 3));
        return Scenario.of("munmap across a hole", layout, List.of(Fixtures.thread("T1", new Op.Spf(0x1000c000L,
                true)), Fixtures.thread("T2", new Op.Munmap(0x10002000L, 0x1000f000L))), p);
    }

    @Test
    void aMunmapAcrossAHoleIsSafeWithThePatch() {
        ExploreResult r = explore(spanningMunmap(Protection.PATCH));
        assertEquals(ExploreResult.Verdict.PASS, r.verdict(), r.findings()::toString);
        assertEquals(Set.of("SIGSEGV", "handled speculatively"), firstThread(r));
        for (FinalOutcome o : r.outcomes()) {
            assertTrue(o.state().contains("freed: b c a' d'"), o.text());
        }
    }

    @Test
    void withoutTheCountTheFaultReadsAFreedVictim() {
        ExploreResult r = explore(spanningMunmap(Fixtures.with(ProtectionToggle.NO_REFCOUNT)));
        assertTrue(r.breaks("I-UAF"), r.findings()::toString);
    }

    /**
     * expand_stack under mmap_sem read, against a munmap of the VMA inside the stack guard gap: the fault grows the
     * stack only if the munmap came first (expand_downwards refuses a neighbour within stack_guard_gap).
     */
    @Test
    void theStackGrowsOnlyOnceTheGuardGapIsEmpty() {
        List<VmaSpec> layout = List.of(new VmaSpec("low", 0x7ffffff00000L, 0x7ffffff10000L, RW, false, 3),
                new VmaSpec("stack", 0x7ffffffde000L, 0x7ffffffff000L, RW | Const.VM_GROWSDOWN, false, 2));
        ExploreResult r = explore(Scenario.of("expand_stack", layout, List.of(
                Fixtures.thread("T1", new Op.Spf(0x7ffffffdc000L, true)),
                Fixtures.thread("T2", new Op.Munmap(0x7ffffff00000L, 0x7ffffff10000L))), Protection.PATCH));
        assertEquals(ExploreResult.Verdict.PASS, r.verdict(), r.findings()::toString);
        assertEquals(Set.of("SIGSEGV", "handled under mmap_sem"), firstThread(r));
    }
}
