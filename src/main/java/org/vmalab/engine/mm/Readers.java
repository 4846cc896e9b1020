package org.vmalab.engine.mm;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.FieldSet;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Action;
import org.vmalab.engine.sched.Actions;
import org.vmalab.engine.sched.Exec;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * The reader side, as actions that read live memory one step at a time: {@code find_vma} with the vmacache,
 * {@code get_vma} (the patch), the speculative page fault of SPF v8 (SEMANTICS 3.14, with the recommended
 * reduction S1, S2, S3, S5, S6, S7, S8) and the classic fault under {@code mmap_sem}.
 */
final class Readers {
    private Readers() {
    }

    /** Above this many VMAs the lookup-result check (a scan) is skipped. */
    static final int TRUTH_SCAN_LIMIT = 4096;

    /* What the steps read besides their own thread's fields (Exec#reads); touch() adds a VMA's LIFE. */
    static final FieldSet BOUNDS = FieldSet.of(Field.VM_START, Field.VM_END);
    /** A walker's visit: the bounds and the children of the node. */
    static final FieldSet NODE = FieldSet.of(Field.VM_START, Field.VM_END, Field.RB_LEFT, Field.RB_RIGHT);
    /** {@link #truth}: every VMA's life, bounds and children (a walk from the root), from the mm. */
    static final FieldSet TRUTH_EVERY = FieldSet.of(Field.LIFE, Field.VM_START, Field.VM_END, Field.RB_LEFT,
            Field.RB_RIGHT);
    static final FieldSet TRUTH_MM = FieldSet.of(Field.NR_ALLOC, Field.ROOT);
    static final FieldSet S3 = FieldSet.of(Field.VM_FLAGS, Field.HAS_OPS, Field.ANON_VMA, Field.VM_START,
            Field.VM_END);
    static final FieldSet S6 = FieldSet.of(Field.RB_PC, Field.SEQUENCE);
    static final FieldSet CAN_REUSE = FieldSet.of(Field.RB_PC, Field.VM_START, Field.VM_END);
    static final FieldSet GOOD_AREA = FieldSet.of(Field.VM_START, Field.VM_FLAGS);
    static final FieldSet PTES = FieldSet.of(Field.PTE_ADDR);
    static final FieldSet PREV_END = FieldSet.of(Field.VM_END, Field.VM_FLAGS);
    static final FieldSet ANON = FieldSet.of(Field.ANON_VMA);

    /**
     * The VMA in the tree that contains addr (the LOOKUP check's truth): NIL if none, if several do (the overlap
     * window of a merge, SEMANTICS 3.11: either is a right answer) or if the tree is too large to scan. A VMA is in
     * the tree from the store that links it to its parent to the store that unlinks it (ghost {@link Life#IN_TREE}),
     * and whenever a walk from the root can reach it: a VMA not yet linked or already unlinked is not missed, while a
     * VMA a rotation moves for a few steps still counts (SEMANTICS 2.8: that is the subtree a lockless walker misses).
     */
    static int truth(Exec x, long addr) {
        x.readsMm(TRUTH_MM);
        x.readsEvery(TRUTH_EVERY);
        Memory m = x.m();
        int n = Vm.allocated(m);
        if (n > TRUTH_SCAN_LIMIT) {
            return NIL;
        }
        int found = NIL;
        for (int v = 0; v < n; v++) {
            /* reachability last, and only for a VMA that contains addr and is not in the tree by its ghost: the
               checker's view of the tree answers it (no walk of its own, nothing allocated) */
            if (Vm.contains(m, v, addr) && (Vm.has(m, v, Life.IN_TREE) && !Vm.has(m, v, Life.CHILD)
                    || x.machine().checker().reachableFromRoot(m.untracked(), v))) {
                if (found != NIL) {
                    return NIL; // keys overlap (merge window): no single right answer
                }
                found = v;
            }
        }
        return found;
    }

    static void checkLookup(Exec x, String fn, long addr, int truthAtStart, int result) {
        if (truthAtStart == NIL) {
            return;
        }
        Memory m = x.m();
        if (truth(x, addr) == truthAtStart && result != truthAtStart) {
            x.violation(Invariant.LOOKUP, truthAtStart, "wrong lookup: " + fn + "(" + Numbers.hex(addr) + ") returns "
                    + m.name(result) + " although " + m.name(truthAtStart) + ", which contains the address, was "
                    + "in the tree when the walk began and when it ended (a change of the tree's shape hid it from a "
                    + "walker without the lock)");
        }
    }

    /** "returns NAME": a lookup's outcome, the same text for the same VMA name (made once, not at every lookup). */
    static String returns(Exec x, int vma) {
        String name = x.name(vma);
        String[] c = x.machine().returnsTexts();
        int i = vma + 1;
        if (i >= 0 && i < c.length && c[i] != null && c[i].length() == RETURNS.length() + name.length()
                && c[i].endsWith(name)) {
            return c[i];
        }
        String s = RETURNS + name;
        if (i >= 0 && i < c.length) {
            c[i] = s;
        }
        return s;
    }

    private static final String RETURNS = "returns ";

    // ================================================================ find_vma (classic, vmacache)

    /** Pushes {@code find_vma(addr)}; the result lands in {@link Regs#vma()}. */
    static void findVma(Exec x, long addr, boolean needSem) {
        if (needSem && !x.holds(Status.HOLD_SEM_READ | Status.HOLD_SEM_WRITE)) {
            x.violation(Invariant.I_LOCK, NIL, x.threadName() + " calls find_vma without mmap_sem: the vmacache "
                    + "and the walk are only safe under mmap_sem (mm_rb_lock does not cover the vmacache)");
        }
        x.push(new VcValid(addr));
    }

    /** {@code vmacache_valid()}: one check step; a stale cache is flushed. */
    record VcValid(long addr) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            int t = x.tid();
            x.reads(Field.VMACACHE_SEQNUM, 0);
            long mmSeq = m.mm(Field.VMACACHE_SEQNUM);
            x.more();
            if (m.get(Field.T_VC_SEQ, t) != mmSeq) {
                m.set(Field.T_VC_SEQ, t, mmSeq);
                for (Field f : Field.VC_SLOTS) {
                    if (m.get(f, t) != NIL) {
                        m.set(f, t, NIL);
                    }
                }
                x.step(Loc.VMACACHE_FLUSH, NIL, mmSeq);
                x.push(new WalkRoot(FindVma.Walker.FIND_VMA, addr));
                return;
            }
            x.step(Loc.VMACACHE_VALID, NIL, mmSeq);
            x.push(new VcSlot(addr, 0));
        }
    }

    /** One slot of {@code vmacache_find()}. */
    record VcSlot(long addr, int i) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            int v = (int) m.get(Field.VC_SLOTS[i], x.tid());
            if (v != NIL) {
                x.touch(v, "vm_start/vm_end");
                x.reads(BOUNDS, v);
            }
            if (v != NIL && Vm.contains(m, v, addr)) {
                x.step(Loc.VMACACHE_HIT, Tag.NONE, v, NIL, i);
                x.regs(x.regs().with(v, "returns " + m.name(v) + " (vmacache hit)"));
                return;
            }
            x.more();
            x.step(Loc.VMACACHE_SLOT, Tag.NONE, v, NIL, i);
            x.push(i + 1 < Field.VC_SLOTS.length ? new VcSlot(addr, i + 1)
                    : new WalkRoot(FindVma.Walker.FIND_VMA, addr));
        }
    }

    /** {@code __find_vma}: load the root ({@code find_vma}, or {@code get_vma}'s G2, as {@code w} says). */
    record WalkRoot(FindVma.Walker w, long addr) implements Action {
        /**
         * By the walker's ordinal: an enum constant's own hash is its identity, different in every JVM, and this hash
         * is part of a thread's continuation hash (the fingerprint, and the order the symmetry reduction gives
         * interchangeable threads: the same search must report the same schedules in every run).
         */
        @Override
        public int hashCode() {
            return 31 * w.ordinal() + Long.hashCode(addr);
        }

        @Override
        public void run(Exec x) {
            x.reads(Field.ROOT, 0);
            int root = Vm.root(x.m());
            x.more();
            x.step(w.root(), root, addr);
            x.push(new WalkVisit(w, addr, root, NIL, truth(x, addr)));
        }
    }

    /**
     * One node of the walk ({@link FindVma#visit}; {@code get_vma}'s G3..Gk), one step; then the next node, or the
     * walker's end.
     */
    record WalkVisit(FindVma.Walker w, long addr, int node, int best, int truth) implements Action {
        /** By the walker's ordinal, as {@link WalkRoot#hashCode}. */
        @Override
        public int hashCode() {
            return (((31 * w.ordinal() + Long.hashCode(addr)) * 31 + node) * 31 + best) * 31 + truth;
        }

        @Override
        public void run(Exec x) {
            if (node == NIL) {
                x.push(end(w, addr, best, truth));
                return;
            }
            x.touch(node, "vm_start/vm_end");
            x.reads(NODE, node);
            FindVma.Visit v = FindVma.visit(x.m(), x, w, node, addr);
            x.more();
            int nb = v.best(node, best);
            x.push(v == FindVma.Visit.FOUND ? end(w, addr, nb, truth)
                    : new WalkVisit(w, addr, v.next(x.m(), node), nb, truth));
        }

        private static Action end(FindVma.Walker w, long addr, int vma, int truth) {
            return w == FindVma.Walker.FIND_VMA ? new FvEnd(addr, vma, truth) : new GvFound(addr, vma, truth);
        }
    }

    /** End of the walk: {@code vmacache_update} when found, then the result. */
    record FvEnd(long addr, int vma, int truth) implements Action {
        @Override
        public void run(Exec x) {
            checkLookup(x, "find_vma", addr, truth, vma);
            x.regs(x.regs().with(vma, returns(x, vma)));
            if (vma != NIL) {
                int slot = (int) ((addr >>> 12) & 3);
                x.m().set(Field.VC_SLOTS[slot], x.tid(), vma);
                x.step(Loc.VMACACHE_UPDATE, Tag.NONE, vma, NIL, slot);
            } else {
                x.step(Loc.FIND_VMA_RETURN, NIL);
            }
        }
    }

    // ================================================================ get_vma (the patch)

    /** Pushes {@code get_vma(addr)}; the result lands in {@link Regs#vma()}. */
    static void getVma(Exec x, long addr) {
        x.push(x.prot().lock() ? new GvLock(addr) : new WalkRoot(FindVma.Walker.GET_VMA, addr));
    }

    /** G1: {@code read_lock(mm_rb_lock)}, may spin. */
    record GvLock(long addr) implements Action {
        @Override
        public void run(Exec x) {
            if (Actions.tryReadLock(x)) {
                /* a macro step never spans a lock acquisition: the walk starts a new one */
                x.step(Loc.RB_READ_LOCK, NIL);
                x.push(new WalkRoot(FindVma.Walker.GET_VMA, addr));
                return;
            }
            x.spin(this, Loc.RB_READ_SPIN, Status.WAIT_RB_READ, NIL);
        }
    }

    /** After the walk: Ginc if found (and counted), then Gun. No step of its own. */
    record GvFound(long addr, int vma, int truth) implements Action {
        @Override
        public void run(Exec x) {
            checkLookup(x, "get_vma", addr, truth, vma);
            if (vma != NIL && x.prot().refcount()) {
                x.push(new GvInc(vma, false));
            } else {
                x.push(new GvUnlock(vma));
            }
        }
    }

    /** Ginc: {@code atomic_inc(&vma->vm_ref_count)}, inside the read-locked section. */
    record GvInc(int vma, boolean unlocked) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            boolean live = x.touch(vma, "vm_ref_count");
            x.reads(Field.REF_COUNT, vma);
            long old = m.get(Field.REF_COUNT, vma);
            m.set(Field.REF_COUNT, vma, old + 1);
            takeRef(x, vma);
            if (old == 0) {
                x.violation(Invariant.I_FREE, vma, "resurrection: " + x.threadName() + " increments the count of "
                        + m.name(vma) + " from 0 to 1" + (live ? "" : " in freed memory"));
            }
            if (x.prot().lock() && !x.holds(Status.HOLD_RB_READ)) {
                x.violation(Invariant.I_GET, vma, x.threadName() + " takes a reference on " + m.name(vma)
                        + " outside mm_rb_lock: nothing stops a writer from freeing it in between");
            }
            x.step(unlocked ? Loc.SPF_UAF_INC : Loc.GET_VMA_INC, Tag.NONE, vma, NIL, old + 1);
            x.machine().checker().checkRef(x, vma);
            if (!unlocked) {
                x.more();
                x.push(new GvUnlock(vma));
            } else {
                x.regs(x.regs().withVma(vma));
            }
        }
    }

    static void takeRef(Exec x, int vma) {
        Memory m = x.m();
        for (Field f : Field.REF_SLOTS) {
            if (m.get(f, x.tid()) == NIL) {
                m.set(f, x.tid(), vma);
                return;
            }
        }
        throw new ScenarioException(x.threadName() + " holds more than " + Field.REF_SLOTS.length
                + " VMA references: put_vma before the next get_vma");
    }

    /** Gun: {@code read_unlock(mm_rb_lock)}; the result is returned. */
    record GvUnlock(int vma) implements Action {
        @Override
        public void run(Exec x) {
            x.regs(x.regs().with(vma, returns(x, vma)));
            if (x.prot().lock()) {
                Actions.readUnlock(x);
                x.step(Loc.RB_READ_UNLOCK, vma);
                if (x.recording()) {
                    x.note("get_vma returns " + x.name(vma));
                }
            } else {
                x.step(Loc.GET_VMA_RETURN, vma);
            }
        }
    }

    // ================================================================ the speculative fault (v8)

    /**
     * {@code fault_in_kernel_space(address)}, {@code address >= TASK_SIZE_MAX}, in {@code __do_page_fault}
     * (arch/x86/mm/fault.c): a user access there ends in {@code bad_area_nosemaphore}, SIGSEGV, before the
     * speculative hook and without {@code mmap_sem}. One check step.
     */
    record KernelAddressFault(long addr) implements Action {
        @Override
        public void run(Exec x) {
            x.step(Loc.FAULT_KERNEL_ADDRESS, NIL, addr);
            x.regs(x.regs().withLast("SIGSEGV"));
        }
    }

    /** Entry: x86 tries SPF only for user faults of processes with mm_users > 1. */
    record SpfEntry(long addr, boolean write) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.reads(Field.MM_USERS, 0);
            if (!x.prot().spf() || m.mm(Field.MM_USERS) <= 1) {
                x.step(Loc.SPF_NO_SPF, NIL, addr);
                x.note(x.prot().spf() ? "mm_users is 1" : "no speculative path before the SPF series");
                x.push(new Fallback(addr, write, NIL));
                return;
            }
            x.step(Loc.SPF_ENTRY, NIL, addr);
            x.push(new SpfAfterGet(addr, write));
            if (x.prot().has(ProtectionToggle.SPF_USES_VMACACHE)) {
                x.push(new SpfCacheInc());
                findVma(x, addr, true);
            } else {
                getVma(x, addr);
            }
        }
    }

    /** Bug variant SPF_USES_VMACACHE: the reference is taken after find_vma, outside any lock. */
    record SpfCacheInc() implements Action {
        @Override
        public void run(Exec x) {
            int v = x.regs().vma();
            if (v != NIL) {
                x.push(new GvInc(v, true));
            }
        }
    }

    /** S1 done: nothing found means RETRY with nothing handed over. */
    record SpfAfterGet(long addr, boolean write) implements Action {
        @Override
        public void run(Exec x) {
            int v = x.regs().vma();
            if (v == NIL) {
                x.step(Loc.SPF_NO_VMA, NIL, addr);
                x.push(new Fallback(addr, write, NIL));
                return;
            }
            x.push(new SpfS2(addr, write, v));
        }
    }

    /** S2: {@code seq = raw_read_seqcount(&vma->vm_sequence)}; odd means a writer is inside: RETRY. */
    record SpfS2(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            x.touch(vma, "vm_sequence");
            x.reads(Field.SEQUENCE, vma);
            long seq = x.m().get(Field.SEQUENCE, vma);
            x.step(Loc.SPF_S2_SEQ, Tag.NONE, vma, NIL, seq);
            if ((seq & 1) != 0) {
                if (x.recording()) {
                    x.note("odd: a writer is changing " + x.name(vma));
                }
                x.push(new SpfAbort(addr, write, vma));
                return;
            }
            x.push(new SpfS3(addr, write, vma, seq));
        }
    }

    /** S3: vm_ops, anon_vma, flags, bounds (RETRY), then the access permission (SIGSEGV through out_segv). */
    record SpfS3(long addr, boolean write, int vma, long seq) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "vm_ops/anon_vma/vm_flags/vm_start/vm_end");
            x.reads(S3, vma);
            long flags = m.get(Field.VM_FLAGS, vma);
            String why = null;
            boolean segv = false;
            if (m.get(Field.HAS_OPS, vma) != 0) {
                why = "vm_ops set (file-backed): v8 does not handle it speculatively";
            } else if (m.get(Field.ANON_VMA, vma) == 0) {
                why = "no anon_vma yet";
            } else if ((flags & (Const.VM_GROWSDOWN | Const.VM_GROWSUP)) != 0) {
                why = "VM_GROWSDOWN/VM_GROWSUP";
            } else if (!Vm.contains(m, vma, addr)) {
                why = "the address is not inside " + m.name(vma);
            } else if (!accessPermitted(flags, write)) {
                why = "access not permitted";
                segv = true;
            }
            x.step(Loc.SPF_S3_CHECKS, vma);
            if (why == null) {
                x.note("pass");
                x.push(new SpfS5(addr, write, vma, seq));
            } else if (segv) {
                x.note(why + ": out_segv drops the reference, VM_FAULT_SIGSEGV");
                x.push(new Actions.PutVma(vma, Actions.PutSite.READER), new Fallback(addr, write, NIL));
            } else {
                x.note(why);
                x.push(new SpfAbort(addr, write, vma));
            }
        }
    }

    /** S5: {@code read_seqcount_retry()}: the sequence moved means RETRY. */
    record SpfS5(long addr, boolean write, int vma, long seq) implements Action {
        @Override
        public void run(Exec x) {
            x.touch(vma, "vm_sequence");
            x.reads(Field.SEQUENCE, vma);
            long now = x.m().get(Field.SEQUENCE, vma);
            x.step(Loc.SPF_S5_RETRY, Tag.NONE, vma, NIL, now);
            if (now != seq) {
                if (x.recording()) {
                    x.note("changed since " + seq);
                }
                x.push(new SpfAbort(addr, write, vma));
                return;
            }
            x.note("unchanged");
            x.push(new SpfS6(addr, write, vma, seq));
        }
    }

    /**
     * S6: {@code pte_map_lock}: {@code vma_has_changed} (RB_EMPTY_NODE or sequence), then
     * {@code spin_trylock(ptl)}, then {@code vma_has_changed} again; one step.
     */
    record SpfS6(long addr, boolean write, int vma, long seq) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "vm_rb/vm_sequence");
            x.reads(S6, vma);
            x.reads(Field.PTL_OWNER, 0);
            boolean empty = Vm.rbEmptyNode(m, vma);
            long now = m.get(Field.SEQUENCE, vma);
            boolean checkEmpty = !x.prot().has(ProtectionToggle.NO_EMPTY_CHECK) && x.prot().clearNode();
            boolean changed = (empty && checkEmpty) || now != seq;
            x.step(Loc.SPF_S6_PTE_LOCK, Tag.NONE, vma, NIL, now);
            if (changed) {
                if (x.recording()) {
                    x.note(empty && checkEmpty ? "RB_EMPTY_NODE(" + x.name(vma) + "): it was erased"
                            : "vm_sequence changed");
                }
                x.push(new SpfAbort(addr, write, vma));
                return;
            }
            long owner = m.mm(Field.PTL_OWNER);
            if (owner != NIL) {
                x.note("spin_trylock(ptl) fails");
                x.push(new SpfAbort(addr, write, vma));
                return;
            }
            m.setMm(Field.PTL_OWNER, x.tid());
            x.hold(Status.HOLD_PTL);
            x.note(empty ? "RB_EMPTY_NODE ignored (NO_EMPTY_CHECK), PTE lock taken" : "unchanged, PTE lock taken");
            x.push(new SpfS7(addr, write, vma, empty));
        }
    }

    /** S7: install the PTE, unlock; checks SEMANTICS 5.5 and the anon_vma chain. */
    record SpfS7(long addr, boolean write, int vma, boolean sawEmpty) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "anon_vma");
            installPte(x, addr);
            m.setMm(Field.PTL_OWNER, NIL);
            x.release(Status.HOLD_PTL);
            x.step(Loc.SPF_S7_INSTALL, Tag.NONE, vma, NIL, addr);
            if (sawEmpty) {
                x.violation(Invariant.SPF_PTE, vma, "PTE installed although " + m.name(vma) + " was already "
                        + "erased (RB_EMPTY_NODE) at the last check: the page lands in an unmapped range");
            }
            if (Vm.has(m, vma, Life.ANON_UNLINKED)) {
                x.violation(Invariant.SPF_PTE, vma, "page_add_new_anon_rmap on " + m.name(vma) + " after "
                        + "unlink_anon_vmas tore its anon_vma chain down");
            }
            x.push(new SpfS8(addr, vma));
        }
    }

    /** S8: success: {@code put_vma(vma)}. */
    record SpfS8(long addr, int vma) implements Action {
        @Override
        public void run(Exec x) {
            x.regs(x.regs().withLast("handled speculatively"));
            new Actions.PutVma(vma, Actions.PutSite.READER).run(x);
            x.note("speculative fault done, mmap_sem never taken");
        }
    }

    /** Every RETRY after S1: the reference and the VMA go to the arch handler. */
    record SpfAbort(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            x.step(Loc.SPF_ABORT, vma);
            x.push(new Fallback(addr, write, vma));
        }
    }

    /**
     * The permission test of x86 {@code access_error()} for a fault on a page not present (and the same test in
     * {@code handle_speculative_fault}): a write needs VM_WRITE; a read is served by VM_READ, VM_EXEC or VM_WRITE
     * (x86 cannot map a page writable or executable without making it readable).
     */
    static boolean accessPermitted(long flags, boolean write) {
        return (flags & (write ? Const.VM_WRITE : Const.VM_READ | Const.VM_EXEC | Const.VM_WRITE)) != 0;
    }

    static void installPte(Exec x, long addr) {
        x.readsEvery(PTES);
        Memory m = x.m();
        long page = addr & Const.PAGE_MASK;
        int free = -1;
        for (int i = 0; i < m.pteSlots(); i++) {
            long a = m.pteAddr(i);
            if (a == page) {
                return;
            }
            if (a == 0 && free < 0) {
                free = i;
            }
        }
        if (free >= 0) {
            m.set(Field.PTE_ADDR, free, page);
        }
    }

    // ================================================================ the classic fault

    /** The arch handler's classic path: down_read, can_reuse_spf_vma or find_vma, the fault, up_read. */
    record Fallback(long addr, boolean write, int handed) implements Action {
        @Override
        public void run(Exec x) {
            x.push(new Actions.DownRead(), new AfterDownRead(addr, write, handed));
        }
    }

    record AfterDownRead(long addr, boolean write, int handed) implements Action {
        @Override
        public void run(Exec x) {
            if (handed != NIL) {
                x.push(new CanReuse(addr, write, handed));
            } else {
                x.push(new ClassicHandle(addr, write));
                findVma(x, addr, true);
            }
        }
    }

    /**
     * {@code can_reuse_spf_vma(vma, addr)}: reads RB_EMPTY_NODE and the bounds, then drops the SPF reference
     * with put_vma in either case (which may free the VMA here, under mmap_sem read).
     */
    record CanReuse(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "vm_rb/vm_start/vm_end");
            x.reads(CAN_REUSE, vma);
            boolean ok = !Vm.rbEmptyNode(m, vma) && Vm.contains(m, vma, addr);
            x.step(Loc.CAN_REUSE, Tag.NONE, vma, NIL, ok ? 1 : 0);
            x.note(ok ? "reuse it" : Vm.rbEmptyNode(m, vma) ? "RB_EMPTY_NODE: refuse" : "address outside: refuse");
            if (ok) {
                x.regs(x.regs().withVma(vma));
                x.push(new Actions.PutVma(vma, Actions.PutSite.READER), new ClassicHandle(addr, write));
            } else {
                x.push(new Actions.PutVma(vma, Actions.PutSite.READER), new ClassicFind(addr, write));
            }
        }
    }

    record ClassicFind(long addr, boolean write) implements Action {
        @Override
        public void run(Exec x) {
            x.push(new ClassicHandle(addr, write));
            findVma(x, addr, true);
        }
    }

    /**
     * The classic fault once {@code find_vma} (or {@code can_reuse_spf_vma}) chose the VMA: no VMA above the address,
     * or one above it that cannot grow down, is {@code bad_area}; a {@code VM_GROWSDOWN} VMA above it is first
     * grown by {@code expand_stack} ({@link ExpandCheck}); then the access check, {@code handle_mm_fault} and
     * {@code up_read}.
     */
    record ClassicHandle(long addr, boolean write) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            int v = x.regs().vma();
            if (v != NIL) {
                x.touch(v, "vm_start/vm_flags");
                x.reads(GOOD_AREA, v);
            }
            if (v != NIL && Vm.ugt(Vm.start(m, v), addr) && (m.get(Field.VM_FLAGS, v) & Const.VM_GROWSDOWN) != 0) {
                new ExpandCheck(addr, write, v).run(x);
                return;
            }
            goodOrBad(x, addr, write, v != NIL && Vm.ule(Vm.start(m, v), addr));
        }
    }

    /** good_area (the access check, then handle_mm_fault), or bad_area; then {@code up_read}. */
    static void goodOrBad(Exec x, long addr, boolean write, boolean covered) {
        Memory m = x.m();
        int v = x.regs().vma();
        if (covered) {
            x.reads(Field.VM_FLAGS, v);
        }
        boolean good = covered && accessPermitted(m.get(Field.VM_FLAGS, v), write);
        if (good) {
            installPte(x, addr);
            x.step(Loc.CLASSIC_GOOD, Tag.NONE, v, NIL, addr);
            x.regs(x.regs().withLast("handled under mmap_sem"));
        } else {
            x.step(Loc.CLASSIC_BAD, Tag.NONE, v, NIL, addr);
            if (x.recording()) {
                x.note(v == NIL ? "no VMA above the address" : !covered ? m.name(v) + " does not cover the address"
                        : "access not permitted by " + m.name(v) + "'s flags");
            }
            x.regs(x.regs().withLast("SIGSEGV"));
        }
        x.push(new Actions.UpRead());
    }

    // ================================================================ expand_stack (mm/mmap.c expand_downwards)

    /**
     * {@code expand_stack(vma, address)} = {@code expand_downwards} (x86), under mmap_sem held for read: the
     * {@code mmap_min_addr} test and the stack guard gap below (one check step): v4.15 refuses only when the VMA
     * below is accessible (VM_READ, VM_WRITE or VM_EXEC), not itself a stack, and {@code address - prev->vm_end <
     * stack_guard_gap} (the v4.13 form, which lets a PROT_NONE guard mapping sit in the gap). The v4.15 %sp test of
     * {@code __do_page_fault} is not modelled: the access is taken to be near the stack pointer.
     */
    record ExpandCheck(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.reads(Field.GUARD_GAP, 0);
            x.reads(Field.VM_PREV, vma);
            long address = addr & Const.PAGE_MASK;
            int prev = Vm.prev(m, vma);
            if (prev != NIL) {
                x.touch(prev, "vm_end/vm_flags");
                x.reads(PREV_END, prev);
            }
            String refused = null;
            if (Vm.ult(address, Const.MMAP_MIN_ADDR)) {
                refused = "EPERM: below mmap_min_addr";
            } else if (prev != NIL && (m.get(Field.VM_FLAGS, prev) & Const.VM_GROWSDOWN) == 0
                    && (m.get(Field.VM_FLAGS, prev) & (Const.VM_READ | Const.VM_WRITE | Const.VM_EXEC)) != 0
                    && Vm.ult(address - Vm.end(m, prev), m.mm(Field.GUARD_GAP))) {
                refused = "ENOMEM: " + m.name(prev) + " ends inside the stack guard gap ("
                        + Numbers.hex(m.mm(Field.GUARD_GAP)) + " bytes) below " + Numbers.hex(address);
            }
            if (refused != null) {
                x.step(Loc.EXPAND_REFUSED, Tag.NONE, vma, NIL, address);
                x.note(refused + "; bad_area");
                x.regs(x.regs().withLast("SIGSEGV"));
                x.push(new Actions.UpRead());
                return;
            }
            x.step(Loc.EXPAND_CHECK, Tag.NONE, vma, NIL, address);
            if (prev != NIL && (m.get(Field.VM_FLAGS, prev) & Const.VM_GROWSDOWN) == 0
                    && Vm.ult(address - Vm.end(m, prev), m.mm(Field.GUARD_GAP)) && x.recording()) {
                x.note(m.name(prev) + " ends inside the gap, but it is PROT_NONE (no read, write or exec) and does "
                        + "not count");
            }
            x.more();
            x.push(new ExpandPrepare(addr, write, vma));
        }
    }

    /** {@code anon_vma_prepare(vma)}: a stack without an anon_vma gets one (a step only then). */
    record ExpandPrepare(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "anon_vma");
            x.reads(Field.ANON_VMA, vma);
            if (m.get(Field.ANON_VMA, vma) == 0) {
                x.reads(Field.NR_ALLOC, 0);
                x.readsEvery(ANON);
                long id = 1;
                for (int v = 0; v < Vm.allocated(m); v++) {
                    id = Math.max(id, m.get(Field.ANON_VMA, v) + 1);
                }
                m.set(Field.ANON_VMA, vma, id);
                x.step(Loc.EXPAND_ANON_PREPARE, Tag.NONE, vma, NIL, id);
                x.more();
            }
            x.push(new ExpandLock(addr, write, vma));
        }
    }

    /**
     * {@code anon_vma_lock_write(vma->anon_vma)} (a sleeping rwsem in the kernel; the model waits for it as for a
     * spinning lock). Holding it, the thread plans the rest of {@code expand_downwards}: nothing it reads can change
     * meanwhile (writers are kept out by mmap_sem, other expansions by this lock).
     */
    record ExpandLock(long addr, boolean write, int vma) implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.reads(Field.ANON_LOCK, 0);
            long owner = m.mm(Field.ANON_LOCK);
            if (owner != NIL && owner != x.tid()) {
                x.spin(this, Loc.EXPAND_ANON_WAIT, Status.WAIT_ANON, vma);
                return;
            }
            x.running();
            m.setMm(Field.ANON_LOCK, x.tid());
            x.hold(Status.HOLD_ANON);
            x.step(Loc.EXPAND_ANON_LOCK, vma);
            x.readsEverything(); /* the rest of expand_downwards is planned now: it reads the VMA, its list and tree */
            Plan plan = Planner.plan(x.machine().planScratch(), m, x.prot(), x.tid(), "expand_downwards",
                    k -> MmOps.expandDownwardsLocked(k, vma, addr & Const.PAGE_MASK));
            x.push(new ExpandUnlock(addr, write, vma, plan.result()));
            if (plan.size() > 0) {
                x.push(new Actions.PlanStep(plan, 0));
            }
        }
    }

    /** {@code anon_vma_unlock_write}; then good_area, or bad_area if the growth was refused. */
    record ExpandUnlock(long addr, boolean write, int vma, long result) implements Action {
        @Override
        public void run(Exec x) {
            x.m().setMm(Field.ANON_LOCK, NIL);
            x.release(Status.HOLD_ANON);
            x.step(Loc.EXPAND_ANON_UNLOCK, vma);
            x.more();
            x.push(new ExpandDone(addr, write, result));
        }
    }

    record ExpandDone(long addr, boolean write, long result) implements Action {
        @Override
        public void run(Exec x) {
            if (MmOps.isErr(result)) {
                x.step(Loc.CLASSIC_BAD, Tag.NONE, x.regs().vma(), NIL, addr);
                x.note("expand_stack failed: ENOMEM (the stack rlimit); bad_area");
                x.regs(x.regs().withLast("SIGSEGV"));
                x.push(new Actions.UpRead());
                return;
            }
            goodOrBad(x, addr, write, true);
        }
    }
}
