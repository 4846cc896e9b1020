package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * Issue 11 item 11: the RELAXED_STORES memory model (per-thread store buffers, barriers that drain them, the
 * explorer's flush choices) and the release of {@code write_unlock(mm_rb_lock)} in {@code __vma_rb_erase} that
 * race (c2) is about: without it RB_CLEAR_NODE's marker can become visible while the erase's stores still wait.
 */
class RelaxedStoresTest {
    static final long D = 0x40000;

    /** Four VMAs a, b, c, d; T1 unmaps d (and T2, if asked, looks d up with get_vma). */
    static Scenario c2(Protection p, boolean reader) {
        List<VmaSpec> layout = List.of(new VmaSpec("a", 0x10000, 0x11000, Scenarios.RW, false, 0),
                new VmaSpec("b", 0x20000, 0x21000, Scenarios.RW, false, 0),
                new VmaSpec("c", 0x30000, 0x31000, Scenarios.RW, false, 0),
                new VmaSpec("d", D, D + 0x1000, Scenarios.RW, false, 0));
        List<ThreadSpec> ts = new ArrayList<>();
        ts.add(new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(D, D + 0x1000))));
        if (reader) {
            ts.add(new ThreadSpec("T2", ThreadSpec.Role.SPF_READER, List.of(new Op.GetVma(D), new Op.PutVma())));
        }
        return Scenario.of("c2", layout, ts, p);
    }

    static Protection relaxed(ProtectionToggle... more) {
        List<ProtectionToggle> t = new ArrayList<>(List.of(more));
        t.add(ProtectionToggle.RELAXED_STORES);
        return Protection.of(RwlockPolicy.QUEUED, t.toArray(new ProtectionToggle[0]));
    }

    /** What a run to RB_CLEAR_NODE and then the marker's flush saw. */
    record MarkerFirst(int waiting, StepRecord flush, List<Integer> schedule) {
    }

    /** Runs T1 to RB_CLEAR_NODE, then makes the marker the first of its buffered stores to become visible. */
    static MarkerFirst markerFirst(Protection p) {
        Machine m = new Machine(c2(p, false), CheckLevel.FULL);
        List<Integer> schedule = new ArrayList<>();
        StepRecord r;
        do {
            r = m.step(0);
            schedule.add(0);
        } while (r.loc() != Loc.RB_CLEAR_NODE);
        int waiting = StoreBuffer.size(m.memory(), 0);
        long marker = StoreBuffer.key(Field.RB_PC, r.a());
        int k = 0;
        while (StoreBuffer.keyAt(m.memory(), 0, StoreBuffer.flushable(m.memory(), 0, k)) != marker) {
            k++;
        }
        int choice = m.programThreads() + k;
        schedule.add(choice);
        return new MarkerFirst(waiting, m.step(choice), schedule);
    }

    @Test
    void withoutTheReleaseTheMarkerBecomesVisibleBeforeTheErase() {
        MarkerFirst bad = markerFirst(relaxed(ProtectionToggle.NO_RELEASE));
        assertEquals(Loc.SB_FLUSH, bad.flush().loc());
        assertTrue(bad.waiting() > 1, "the erase's stores still wait behind the marker: " + bad.waiting());
        assertTrue(bad.flush().violations().stream().anyMatch(v -> v.invariant() == Invariant.I_CLEAR),
                bad.flush().violations()::toString);
    }

    @Test
    void withTheReleaseOnlyTheMarkerWaitsAndItIsHarmless() {
        MarkerFirst good = markerFirst(relaxed());
        assertEquals(1, good.waiting(), "write_unlock drained the erase's stores; only the marker waits");
        assertTrue(good.flush().violations().isEmpty(), good.flush().violations()::toString);
    }

    @Test
    void withoutTheModeEveryStoreIsVisibleAtOnceAndThereIsNoFlushChoice() {
        Machine m = new Machine(c2(Protection.PATCH, false), CheckLevel.FULL);
        assertEquals(1, m.threadCount());
        while (!m.allDone()) {
            m.step(0);
            assertEquals(0, StoreBuffer.size(m.memory(), 0));
        }
    }

    /** A trace's schedule names the flush choices, so a run replays exactly; the task view lists what waits. */
    @Test
    void theScheduleReplaysTheFlushesAndTheTaskViewListsWhatWaits() {
        Scenario sc = c2(relaxed(ProtectionToggle.NO_RELEASE), false);
        MarkerFirst bad = markerFirst(sc.protection());
        Trace t = Engine.run(sc, Schedule.explicit(bad.schedule()));
        assertEquals(bad.schedule(), t.scheduleUsed());
        assertEquals(List.of("T1", "T1.sb0"), sc.scheduleNames().subList(0, 2));
        StepRecord last = t.step(t.size());
        assertEquals(Loc.SB_FLUSH, last.loc());
        assertTrue(last.violations().stream().anyMatch(v -> v.invariant() == Invariant.I_CLEAR));
        List<String> waiting = t.cursor().seek(t.size() - 1).task(0).pendingStores();
        assertEquals(bad.waiting(), waiting.size());
        assertTrue(waiting.contains("d.__rb_parent_color := itself (RB_CLEAR_NODE: the node is marked empty)"),
                waiting::toString);
        assertTrue(t.cursor().seek(t.size()).task(0).pendingStores().size() == waiting.size() - 1);
        /* round-robin never flushes by choice: the barriers (put_vma, up_write) drain, and nothing is found */
        Trace rr = Engine.run(sc, Schedule.roundRobin());
        assertTrue(rr.violations().isEmpty(), rr.violations()::toString);
        assertEquals(0, rr.cursor().seek(rr.size()).task(0).pendingStores().size());
    }
}
