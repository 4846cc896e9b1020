package org.vmalab.explore;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/** Scenarios of the race lessons (SEMANTICS 6 and 7) and small ones whose threads never block. */
final class Fixtures {
    private Fixtures() {
    }

    static final long TEXT_ADDR = 0x555555554000L;
    static final long HOLE_ADDR = 0x555555600000L;
    static final long LD_ADDR = 0x7ffff7dd6000L;

    static Protection with(ProtectionToggle... t) {
        return t.length == 0 ? Protection.PATCH : Protection.of(RwlockPolicy.QUEUED, t);
    }

    static VmaSpec vma(String name) {
        for (VmaSpec v : Scenarios.layoutW()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static ThreadSpec thread(String name, Op... ops) {
        return new ThreadSpec(name, ThreadSpec.infer(List.of(ops)), List.of(ops));
    }

    static Scenario layoutW(String title, Protection p, ThreadSpec... threads) {
        return Scenario.of(title, Scenarios.layoutW(), List.of(threads), p);
    }

    /** Lesson 9: T1 a speculative fault on heap, T2 munmap(heap). */
    static Scenario lesson9(Protection p) {
        VmaSpec heap = vma("heap");
        return layoutW("lesson 9", p, thread("T1", new Op.Spf(Scenarios.HEAP_ADDR, false)),
                thread("T2", new Op.Munmap(heap.start(), heap.end())));
    }

    /** Lesson 8 (a1): six VMAs, T1 get_vma inside ld, T2 maps the stack (a left rotation at libc_rw). */
    static Scenario lesson8(Protection p) {
        List<VmaSpec> six = new ArrayList<>(Scenarios.layoutW().subList(0, 6));
        VmaSpec st = vma("stack");
        return Scenario.of("lesson 8", six, List.of(thread("T1", new Op.GetVma(LD_ADDR)),
                thread("T2", new Op.Map("stack", st.start(), st.end(), st.flags(), st.hasOps(), st.anonVma()))), p);
    }

    /** Lesson 11: T1 faults on heap classically (fills its vmacache), then speculatively; T2 munmap(heap). */
    static Scenario lesson11(Protection p) {
        VmaSpec heap = vma("heap");
        return layoutW("lesson 11", p, thread("T1", new Op.Fault(Scenarios.HEAP_ADDR, false),
                new Op.Spf(Scenarios.HEAP_ADDR, false)), thread("T2", new Op.Munmap(heap.start(), heap.end())));
    }

    /** Two get_vma/put_vma readers on heap and munmap(heap): reference counts and the lock under contention. */
    static Scenario readersAndMunmap(Protection p) {
        VmaSpec heap = vma("heap");
        return layoutW("readers and munmap", p,
                thread("T1", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()),
                thread("T2", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()),
                thread("T3", new Op.Munmap(heap.start(), heap.end())));
    }

    /** Lesson 7: a writer unmaps libc_rw while two classic faulters queue on mmap_sem (sleeping, woken). */
    static Scenario convoy(Protection p) {
        VmaSpec lrw = vma("libc_rw");
        return layoutW("convoy", p, thread("T1", new Op.Munmap(lrw.start(), lrw.end())),
                thread("T2", new Op.Fault(Scenarios.HEAP_ADDR, false)),
                thread("T3", new Op.Fault(Scenarios.HEAP_ADDR, true)));
    }

    /** brk grows the heap in place (__vma_adjust) while a speculative fault runs on it. */
    static Scenario brkAndSpf(Protection p) {
        return layoutW("brk and spf", p, thread("T1", new Op.Spf(Scenarios.HEAP_ADDR, true)),
                thread("T2", new Op.Brk(0x55555579f000L)));
    }

    /** Two classic readers that take no lock (find_vma without mmap_sem): they never block. */
    static Scenario twoLocklessFindVma() {
        return layoutW("two find_vma", with(), thread("T1", new Op.FindVma(TEXT_ADDR)),
                thread("T2", new Op.FindVma(Scenarios.HEAP_ADDR)));
    }

    /** Three get_vma readers without mm_rb_lock and no writer: they never block. */
    static Scenario threeGetVmaNoLock() {
        return layoutW("three get_vma", with(ProtectionToggle.NO_LOCK), thread("T1", new Op.GetVma(TEXT_ADDR)),
                thread("T2", new Op.GetVma(HOLE_ADDR)), thread("T3", new Op.GetVma(TEXT_ADDR)));
    }

    /** Two get_vma/put_vma readers without mm_rb_lock: their count updates conflict, they never block. */
    static Scenario twoGetPutNoLock() {
        return layoutW("two get/put", with(ProtectionToggle.NO_LOCK),
                thread("T1", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()),
                thread("T2", new Op.GetVma(Scenarios.HEAP_ADDR), new Op.PutVma()));
    }

    /**
     * RELAXED_STORES (with {@code more} toggles): four VMAs a, b, c, d; T1 unmaps d while T2 looks d up with
     * get_vma and drops it (race (c2), and what a lock without its release lets a reader do).
     */
    static Scenario storeBuffers(ProtectionToggle... more) {
        List<ProtectionToggle> t = new java.util.ArrayList<>(List.of(more));
        t.add(ProtectionToggle.RELAXED_STORES);
        long d = 0x40000;
        List<VmaSpec> layout = List.of(new VmaSpec("a", 0x10000, 0x11000, Scenarios.RW, false, 0),
                new VmaSpec("b", 0x20000, 0x21000, Scenarios.RW, false, 0),
                new VmaSpec("c", 0x30000, 0x31000, Scenarios.RW, false, 0),
                new VmaSpec("d", d, d + 0x1000, Scenarios.RW, false, 0));
        return Scenario.of("store buffers", layout, List.of(thread("T1", new Op.Munmap(d, d + 0x1000)),
                thread("T2", new Op.GetVma(d), new Op.PutVma())), with(t.toArray(new ProtectionToggle[0])));
    }

    /** Steps each thread takes when it runs alone first (for threads that never block: in any schedule). */
    static int[] stepsAlone(Scenario sc) {
        int n = sc.threads().size();
        List<Schedule.Slot> slots = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            slots.add(new Schedule.Slot(t, Schedule.Slot.UNTIL_BLOCKED));
        }
        Trace tr = Engine.run(sc, new Schedule(slots, Schedule.Policy.STOP, 0, Schedule.DEFAULT_BOUND));
        if (tr.outcome() != Outcome.COMPLETE) {
            throw new IllegalStateException(tr.outcomeMessage());
        }
        int[] c = new int[n];
        for (int i = 1; i <= tr.size(); i++) {
            c[tr.step(i).thread()]++;
        }
        return c;
    }

    /** (n1 + ... + nk)! / (n1! ... nk!). */
    static long multinomial(int... n) {
        long r = 1;
        int total = 0;
        for (int k : n) {
            for (int i = 1; i <= k; i++) {
                total++;
                r = r * total / i;
            }
        }
        return r;
    }

    /** Nodes of the tree of all interleavings: the number of prefixes, the empty one included. */
    static long prefixes(int... n) {
        return prefixes(n, 0, new int[n.length]);
    }

    private static long prefixes(int[] n, int i, int[] k) {
        if (i == n.length) {
            return multinomial(k);
        }
        long s = 0;
        for (int j = 0; j <= n[i]; j++) {
            k[i] = j;
            s += prefixes(n, i + 1, k);
        }
        return s;
    }

    static ExploreOptions plain() {
        return ExploreOptions.defaults().withReduction(false).withStateCaching(false).withThreads(1);
    }

    static ExploreOptions single() {
        return ExploreOptions.defaults().withThreads(1);
    }
}
