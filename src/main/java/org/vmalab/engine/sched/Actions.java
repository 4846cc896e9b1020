package org.vmalab.engine.sched;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.Protection;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.FieldSet;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.memory.WritableState;
import org.vmalab.engine.mm.Kx;
import org.vmalab.engine.mm.Plan;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * The lock operations, the dynamic steps of writer plans, and the plan player. Each is an immutable record
 * (see {@link Action}).
 */
public final class Actions {
    private Actions() {
    }

    /* What the steps read besides their own thread's fields (Exec#reads); touch() adds a VMA's LIFE. */
    static final FieldSet SEM = FieldSet.of(Field.SEM_READERS, Field.SEM_WRITER, Field.SEM_QUEUE);
    static final FieldSet RB_LOCK = FieldSet.of(Field.RB_READERS, Field.RB_WRITER, Field.RB_WAITING, Field.RB_QUEUE);
    static final FieldSet FREE = FieldSet.of(Field.LIFE, Field.HAS_OPS);
    static final FieldSet BOUNDS = FieldSet.of(Field.VM_START, Field.VM_END);
    static final FieldSet PTES = FieldSet.of(Field.PTE_ADDR);
    static final FieldSet VMA_ALL = FieldSet.of(Field.VMA_FIELDS);

    // ================================================================ mmap_sem (kernel/locking/rwsem-xadd.c)

    /**
     * {@code down_read(mmap_sem)}: granted when no writer holds it and nobody waits (a new reader does not
     * overtake queued waiters); otherwise the thread sleeps in the FIFO.
     */
    public record DownRead() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.readsMm(SEM);
            checkSleepable(x, "down_read(mmap_sem)");
            if (x.holds(Status.HOLD_SEM_READ | Status.HOLD_SEM_WRITE)) {
                x.violation(Invariant.I_LOCK, NIL, x.threadName() + " takes mmap_sem again while holding it "
                        + "(a recursive down_read deadlocks as soon as a writer queues in between)");
            }
            if (m.mm(Field.SEM_WRITER) == NIL && WaitQueue.isEmpty(m.mm(Field.SEM_QUEUE))) {
                m.setMm(Field.SEM_READERS, m.mm(Field.SEM_READERS) + 1);
                x.hold(Status.HOLD_SEM_READ);
                x.step(Loc.SEM_DOWN_READ, NIL);
                return;
            }
            m.setMm(Field.SEM_QUEUE, WaitQueue.push(m.mm(Field.SEM_QUEUE), x.tid(), false));
            x.sleep(new SemWoken(false), Loc.SEM_DOWN_READ_SLEEP, Status.WAIT_SEM_READ);
        }
    }

    /** {@code down_write(mmap_sem)}: granted when nobody holds it; otherwise sleep in the FIFO. */
    public record DownWrite() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.readsMm(SEM);
            checkSleepable(x, "down_write(mmap_sem)");
            if (x.holds(Status.HOLD_SEM_READ | Status.HOLD_SEM_WRITE)) {
                x.violation(Invariant.I_LOCK, NIL, x.threadName() + " takes mmap_sem for write while holding it: "
                        + "it deadlocks on itself");
            }
            boolean waiters = !WaitQueue.isEmpty(m.mm(Field.SEM_QUEUE));
            /* RWSEM_WRITER_STEAL: rwsem_optimistic_spin() takes a free lock although others wait */
            if (m.mm(Field.SEM_WRITER) == NIL && m.mm(Field.SEM_READERS) == 0 && (!waiters || x.prot().writerSteal())) {
                m.setMm(Field.SEM_WRITER, x.tid());
                x.hold(Status.HOLD_SEM_WRITE);
                x.step(Loc.SEM_DOWN_WRITE, NIL);
                if (waiters) {
                    x.note("steals the free lock ahead of the waiters (optimistic spinning)");
                }
                return;
            }
            m.setMm(Field.SEM_QUEUE, WaitQueue.push(m.mm(Field.SEM_QUEUE), x.tid(), true));
            x.sleep(new SemWoken(true), Loc.SEM_DOWN_WRITE_SLEEP, Status.WAIT_SEM_WRITE);
        }
    }

    private static void checkSleepable(Exec x, String what) {
        if (x.holds(Status.HOLD_RB_READ | Status.HOLD_RB_WRITE)) {
            x.violation(Invariant.I_LOCK, NIL, x.threadName() + " calls " + what + " while holding mm_rb_lock: "
                    + "mmap_sem must be taken before mm_rb_lock, and nobody may sleep under a spinning lock");
        }
    }

    /**
     * The first step after a wake-up: the waker already handed the lock over; except to a writer under
     * RWSEM_WRITER_STEAL, which takes it itself ({@code rwsem_try_write_lock}) or, stolen, sleeps again.
     */
    public record SemWoken(boolean write) implements Action {
        @Override
        public void run(Exec x) {
            if (write && x.prot().writerSteal() && !x.holds(Status.HOLD_SEM_WRITE)) {
                Memory m = x.m();
                x.readsMm(SEM);
                if (m.mm(Field.SEM_WRITER) != NIL || m.mm(Field.SEM_READERS) != 0) {
                    x.sleep(this, Loc.SEM_DOWN_WRITE_SLEEP, Status.WAIT_SEM_WRITE);
                    x.note("the lock was taken before it could: sleeps again at the head of the queue");
                    return;
                }
                m.setMm(Field.SEM_QUEUE, WaitQueue.remove(m.mm(Field.SEM_QUEUE), x.tid()));
                m.setMm(Field.SEM_WRITER, x.tid());
                x.hold(Status.HOLD_SEM_WRITE);
                x.running();
                x.step(Loc.SEM_WRITE_TAKE, NIL);
                x.note("mmap_sem held for write");
                return;
            }
            x.running();
            x.step(Loc.SEM_WOKEN, NIL, write ? 1 : 0);
            x.note(write ? "mmap_sem held for write" : "mmap_sem held for read");
        }
    }

    /** {@code up_read(mmap_sem)}. */
    public record UpRead() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            if (!x.holds(Status.HOLD_SEM_READ)) {
                x.violation(Invariant.I_LOCK, NIL, x.threadName() + " calls up_read without holding mmap_sem");
                x.step(Loc.SEM_UP_READ, NIL);
                return;
            }
            x.readsMm(SEM);
            long r = m.mm(Field.SEM_READERS) - 1;
            m.setMm(Field.SEM_READERS, r);
            x.release(Status.HOLD_SEM_READ);
            if (r == 0) {
                wake(x);
            }
            x.step(Loc.SEM_UP_READ, NIL);
        }
    }

    /** {@code up_write(mmap_sem)}. */
    public record UpWrite() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            if (!x.holds(Status.HOLD_SEM_WRITE)) {
                x.violation(Invariant.I_LOCK, NIL, x.threadName() + " calls up_write without holding mmap_sem");
                x.step(Loc.SEM_UP_WRITE, NIL);
                return;
            }
            m.setMm(Field.SEM_WRITER, NIL);
            x.release(Status.HOLD_SEM_WRITE);
            wake(x);
            x.step(Loc.SEM_UP_WRITE, NIL);
        }
    }

    /** The lock is free: hand it to the queue head, a writer alone or the run of readers at the head. */
    private static void wake(Exec x) {
        Memory m = x.m();
        x.readsMm(SEM);
        long q = m.mm(Field.SEM_QUEUE);
        if (WaitQueue.isEmpty(q)) {
            return;
        }
        StringBuilder woken = new StringBuilder();
        if (WaitQueue.headIsWrite(q) && x.prot().writerSteal()) {
            /* rwsem-xadd wakes the writer at the head; it takes the lock itself, or another writer steals it */
            int w = WaitQueue.headTid(q);
            x.reads(Field.T_STATUS, w);
            if (m.get(Field.T_STATUS, w) != Status.RUNNABLE) {
                m.set(Field.T_STATUS, w, Status.RUNNABLE);
            }
            if (x.recording()) {
                x.note("wakes " + x.machine().threadName(w) + " (write; it must take the lock itself)");
            }
            return;
        }
        if (WaitQueue.headIsWrite(q)) {
            int w = WaitQueue.headTid(q);
            x.reads(Field.T_HOLDS, w);
            q = WaitQueue.pop(q);
            m.setMm(Field.SEM_WRITER, w);
            m.set(Field.T_HOLDS, w, m.get(Field.T_HOLDS, w) | Status.HOLD_SEM_WRITE);
            m.set(Field.T_STATUS, w, Status.RUNNABLE);
            woken.append(x.machine().threadName(w)).append(" (write)");
        } else {
            while (!WaitQueue.isEmpty(q) && !WaitQueue.headIsWrite(q)) {
                int r = WaitQueue.headTid(q);
                x.reads(Field.T_HOLDS, r);
                q = WaitQueue.pop(q);
                m.setMm(Field.SEM_READERS, m.mm(Field.SEM_READERS) + 1);
                m.set(Field.T_HOLDS, r, m.get(Field.T_HOLDS, r) | Status.HOLD_SEM_READ);
                m.set(Field.T_STATUS, r, Status.RUNNABLE);
                woken.append(woken.length() > 0 ? ", " : "").append(x.machine().threadName(r));
            }
        }
        m.setMm(Field.SEM_QUEUE, q);
        if (x.recording()) {
            x.note("wakes " + woken);
        }
    }

    // ================================================================ mm_rb_lock (rwlock_t)

    /** Tries {@code read_lock(mm_rb_lock)} for thread x; true when acquired. Policy of SEMANTICS 4.2. */
    public static boolean tryReadLock(Exec x) {
        Memory m = x.m();
        x.readsMm(RB_LOCK);
        boolean queued = x.prot().policy() == RwlockPolicy.QUEUED;
        long q = m.mm(Field.RB_QUEUE);
        int pos = WaitQueue.indexOf(q, x.tid());
        boolean ok;
        if (!queued) {
            ok = m.mm(Field.RB_WRITER) == NIL;
        } else if (pos < 0) {
            /* fast path: no writer holds or waits */
            ok = m.mm(Field.RB_WRITER) == NIL && m.mm(Field.RB_WAITING) == NIL;
            if (!ok) {
                m.setMm(Field.RB_QUEUE, WaitQueue.push(q, x.tid(), false));
            }
        } else {
            /* queued: at the head, wait until the writer unlocks */
            ok = pos == 0 && m.mm(Field.RB_WRITER) == NIL;
            if (ok) {
                m.setMm(Field.RB_QUEUE, WaitQueue.pop(q));
            }
        }
        if (ok) {
            m.setMm(Field.RB_READERS, m.mm(Field.RB_READERS) + 1);
            x.hold(Status.HOLD_RB_READ);
            x.running();
        }
        return ok;
    }

    /** {@code read_unlock(mm_rb_lock)}: the release. */
    public static void readUnlock(Exec x) {
        Memory m = x.m();
        x.reads(Field.RB_READERS, 0);
        m.setMm(Field.RB_READERS, m.mm(Field.RB_READERS) - 1);
        x.release(Status.HOLD_RB_READ);
    }

    /**
     * {@code write_lock(mm_rb_lock)}: K3 in __vma_link_rb, X1 in __vma_rb_erase ({@code erase}); spins while
     * readers (or another writer) hold it.
     */
    public record WriteLockRb(boolean erase) implements Dyn {
        /** K3 in __vma_link_rb. */
        public static final WriteLockRb LINK = new WriteLockRb(false);
        /** X1 in __vma_rb_erase. */
        public static final WriteLockRb ERASE = new WriteLockRb(true);

        @Override
        public void run(Exec x) {
            Memory m = x.m();
            if (!x.holds(Status.HOLD_SEM_WRITE)) {
                x.violation(Invariant.I_LOCK, NIL, x.threadName()
                        + " takes mm_rb_lock for write without holding mmap_sem for write");
            }
            x.readsMm(RB_LOCK);
            boolean queued = x.prot().policy() == RwlockPolicy.QUEUED;
            long q = m.mm(Field.RB_QUEUE);
            int pos = WaitQueue.indexOf(q, x.tid());
            boolean free = m.mm(Field.RB_READERS) == 0 && m.mm(Field.RB_WRITER) == NIL;
            if (!queued) {
                if (free) {
                    acquire(x, erase);
                    return;
                }
                x.spin(this, erase ? Loc.ERASE_WRITE_SPIN : Loc.LINK_WRITE_SPIN, Status.WAIT_RB_WRITE, NIL);
                return;
            }
            if (pos < 0) {
                if (free && m.mm(Field.RB_WAITING) == NIL) {
                    acquire(x, erase);
                    return;
                }
                m.setMm(Field.RB_QUEUE, WaitQueue.push(q, x.tid(), true));
                x.spin(this, erase ? Loc.ERASE_WRITE_SPIN : Loc.LINK_WRITE_SPIN, Status.WAIT_RB_WRITE, NIL);
                return;
            }
            if (pos > 0) {
                x.spin(this, erase ? Loc.ERASE_WRITE_SPIN : Loc.LINK_WRITE_SPIN, Status.WAIT_RB_WRITE, NIL);
                return;
            }
            /* at the head of the queue */
            if (m.mm(Field.RB_WAITING) == NIL) {
                if (free) {
                    m.setMm(Field.RB_QUEUE, WaitQueue.pop(q));
                    acquire(x, erase);
                    return;
                }
                m.setMm(Field.RB_WAITING, x.tid());
                x.spin(this, erase ? Loc.ERASE_WRITE_WAITING : Loc.LINK_WRITE_WAITING, Status.WAIT_RB_WRITE, NIL);
                return;
            }
            if (free) {
                m.setMm(Field.RB_WAITING, NIL);
                m.setMm(Field.RB_QUEUE, WaitQueue.pop(q));
                acquire(x, erase);
                return;
            }
            x.spin(this, erase ? Loc.ERASE_WRITE_SPIN : Loc.LINK_WRITE_SPIN, Status.WAIT_RB_WRITE, NIL);
        }

        private static void acquire(Exec x, boolean erase) {
            x.m().setMm(Field.RB_WRITER, x.tid());
            x.hold(Status.HOLD_RB_WRITE);
            x.running();
            x.step(erase ? Loc.ERASE_WRITE_LOCK : Loc.LINK_WRITE_LOCK, NIL);
        }

        @Override
        public void fast(Kx k) {
        }
    }

    /** {@code write_unlock(mm_rb_lock)}: K9, or X3 ({@code erase}), the release the patch calls the wmb. */
    public record WriteUnlockRb(boolean erase) implements Dyn {
        /** K9 in __vma_link_rb. */
        public static final WriteUnlockRb LINK = new WriteUnlockRb(false);
        /** X3 in __vma_rb_erase. */
        public static final WriteUnlockRb ERASE = new WriteUnlockRb(true);

        @Override
        public void run(Exec x) {
            x.m().setMm(Field.RB_WRITER, NIL);
            x.release(Status.HOLD_RB_WRITE);
            x.step(erase ? Loc.ERASE_WRITE_UNLOCK : Loc.LINK_WRITE_UNLOCK, NIL);
            if (erase && x.machine().relaxed() && !x.prot().eraseRelease()) {
                long n = x.m().get(Field.T_SB_N, x.tid());
                x.note("no release (NO_RELEASE): the lock is free, and " + n + (n == 1 ? " store still waits"
                        : " stores still wait") + " in the store buffer");
            }
        }

        @Override
        public void fast(Kx k) {
        }
    }

    // ================================================================ references and freeing

    /** Who drops a reference. */
    public enum PutSite {
        REMOVE_VMA("remove_vma"), VMA_ADJUST("__vma_adjust"), READER("put_vma"), EXIT_MMAP("exit_mmap/remove_vma");

        private final String label;

        PutSite(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean owner() {
            return this != READER;
        }
    }

    /**
     * {@code put_vma(vma)}: {@code atomic_dec_and_test}; at 0, {@code __free_vma}. Without the count
     * (NO_REFCOUNT, pre-patch) the owner's put frees at once and a reader's put does nothing.
     */
    public record PutVma(int vma, PutSite site) implements Dyn {
        /** By the site's ordinal, as {@link FreeVma#hashCode}. */
        @Override
        public int hashCode() {
            return 31 * vma + site.ordinal();
        }

        @Override
        public void run(Exec x) {
            Memory m = x.m();
            Protection p = x.prot();
            if (!p.refcount()) {
                if (site.owner()) {
                    x.reads(Field.LIFE, vma);
                    m.set(Field.LIFE, vma, m.get(Field.LIFE, vma) & ~Life.OWNED);
                    FreeVma.free(x, vma, site);
                } else {
                    x.step(Loc.PUT_VMA_NOOP, vma);
                    x.note("get_vma took none (NO_REFCOUNT)");
                    dropRef(x, vma);
                }
                return;
            }
            x.touch(vma, "vm_ref_count");
            x.reads(Field.REF_COUNT, vma);
            long old = m.get(Field.REF_COUNT, vma);
            long now = old - 1;
            m.set(Field.REF_COUNT, vma, now);
            if (site.owner()) {
                m.set(Field.LIFE, vma, m.get(Field.LIFE, vma) & ~Life.OWNED);
            } else {
                dropRef(x, vma);
            }
            if (now < 0) {
                x.violation(Invariant.I_FREE, vma, "vm_ref_count of " + m.name(vma) + " goes below 0 ("
                        + now + ")");
            }
            x.step(Loc.PUT_VMA_DEC, Tag.NONE, vma, NIL, now);
            x.note(site.label());
            x.machine().checker().checkRef(x, vma);
            if (now == 0) {
                x.push(new FreeVma(vma, site));
                x.more();
            }
        }

        private static void dropRef(Exec x, int vma) {
            Memory m = x.m();
            for (int i = Field.REF_SLOTS.length - 1; i >= 0; i--) {
                if (m.get(Field.REF_SLOTS[i], x.tid()) == vma) {
                    m.set(Field.REF_SLOTS[i], x.tid(), NIL);
                    return;
                }
            }
        }

        @Override
        public void fast(Kx k) {
            if (!k.refcount) {
                if (site.owner()) {
                    k.set(Field.LIFE, vma, (k.get(Field.LIFE, vma) & ~Life.OWNED) | Life.FREED | Life.FILE_PUT
                            | Life.POLICY_PUT);
                    k.freed(vma);
                }
                return;
            }
            long now = k.get(Field.REF_COUNT, vma) - 1;
            k.set(Field.REF_COUNT, vma, now);
            if (site.owner()) {
                k.set(Field.LIFE, vma, k.get(Field.LIFE, vma) & ~Life.OWNED);
            }
            if (now == 0) {
                k.set(Field.LIFE, vma, k.get(Field.LIFE, vma) | Life.FREED | Life.FILE_PUT | Life.POLICY_PUT);
                k.freed(vma);
            }
        }
    }

    /** {@code __free_vma(vma)}: fput (if a file), mpol_put, kmem_cache_free; one step. */
    public record FreeVma(int vma, PutSite site) implements Action {
        @Override
        public void run(Exec x) {
            free(x, vma, site);
        }

        /**
         * By the site's ordinal: an enum constant's own hash is its identity, which differs from one JVM to the next,
         * and a continuation's hash is part of a state's fingerprint and of the order the symmetry reduction gives
         * interchangeable threads (the same search must give the same result in every run).
         */
        @Override
        public int hashCode() {
            return 31 * vma + site.ordinal();
        }

        static void free(Exec x, int vma, PutSite site) {
            Memory m = x.m();
            x.reads(FREE, vma);
            long life = m.get(Field.LIFE, vma);
            if ((life & Life.FREED) != 0) {
                x.violation(Invariant.I_FREE, vma, "double free: " + x.threadName() + " frees " + m.name(vma)
                        + " (in " + site.label() + ") but it was already freed");
            }
            long bits = Life.FREED | Life.POLICY_PUT | (m.get(Field.HAS_OPS, vma) != 0 ? Life.FILE_PUT : 0);
            m.set(Field.LIFE, vma, life | bits);
            x.step(Loc.FREE_VMA, vma);
            String ctx = x.holds(Status.HOLD_SEM_WRITE) ? "mmap_sem held for write"
                    : x.holds(Status.HOLD_SEM_READ) ? "mmap_sem held for read" : "no mmap_sem";
            if (x.recording()) {
                x.note("freed by " + x.threadName() + " in " + site.label() + " (" + ctx + ")");
            }
            x.machine().checker().onFree(x, vma);
        }
    }

    // ================================================================ mm->page_table_lock (stack growth)

    /**
     * {@code spin_lock(&mm->page_table_lock)} / {@code spin_unlock} around the vm_start and gap stores of
     * {@code expand_downwards}. Uncontended in the model: the anon_vma lock the thread holds already keeps every
     * other expansion out, and nothing else in the model takes this lock.
     */
    public record PageTableLock(boolean lock, int vma) implements Dyn {
        @Override
        public void run(Exec x) {
            if (lock) {
                x.hold(Status.HOLD_PAGE_TABLE_LOCK);
                x.step(Loc.EXPAND_PTL_LOCK, vma);
            } else {
                x.release(Status.HOLD_PAGE_TABLE_LOCK);
                x.step(Loc.EXPAND_PTL_UNLOCK, vma);
            }
        }

        @Override
        public void fast(Kx k) {
        }
    }

    // ================================================================ __split_vma's copy

    /**
     * {@code new = kmem_cache_alloc(); *new = *vma;} in {@code __split_vma}: one step that copies every field of
     * {@code vma} as it is when the step runs, {@code vm_ref_count} included (a reader's {@code get_vma} may have
     * raised it after the writer's plan was made; {@code __vma_link_rb} resets the copy's count to 1 later).
     */
    public record SplitCopy(int nu, int vma, String name, boolean fork) implements Dyn {
        /** The copy of {@code __split_vma}. */
        public SplitCopy(int nu, int vma, String name) {
            this(nu, vma, name, false);
        }

        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.touch(vma, "*vma (struct copy)");
            x.reads(VMA_ALL, vma);
            x.reads(Field.REF_COUNT, nu);
            m.ensureVma(nu);
            m.setMm(Field.NR_ALLOC, nu + 1);
            m.set(Field.NAME, nu, m.internAt(nu, name));
            copyFields(m, nu, vma, fork);
            x.step(fork ? Loc.FORK_COPY : Loc.SPLIT_COPY, Tag.NONE, nu, vma, m.get(Field.REF_COUNT, nu));
        }

        private static void copy(Kx k, int nu, int vma, String name, boolean fork) {
            k.allocSlot();
            k.setName(nu, name);
            copyFields(k, nu, vma, fork);
        }

        /**
         * {@code *new = *vma}. For fork ({@code dup_mmap}) the copy belongs to the child's mm (ghost
         * {@link Life#CHILD}), and {@code tmp->vm_next = tmp->vm_prev = NULL} follows at once (the same step).
         */
        private static void copyFields(WritableState w, int nu, int vma, boolean fork) {
            for (Field f : Field.VMA_FIELDS) {
                if (f != Field.NAME && f != Field.LIFE) {
                    w.set(f, nu, w.get(f, vma));
                }
            }
            w.set(Field.LIFE, nu, Life.ALLOCATED | (w.get(Field.LIFE, vma) & Life.FREED) | (fork ? Life.CHILD : 0));
            if (fork) {
                w.set(Field.VM_NEXT, nu, NIL);
                w.set(Field.VM_PREV, nu, NIL);
            }
        }

        @Override
        public void fast(Kx k) {
            copy(k, nu, vma, name, fork);
        }

        @Override
        public void planEffect(Kx k) {
            copy(k, nu, vma, name, fork);
        }
    }

    // ================================================================ the child's locks (fork)

    /**
     * The child's {@code mmap_sem} ({@code down_write_nested}/{@code up_write} in dup_mmap) or {@code mm_rb_lock}
     * ({@code write_lock}/{@code write_unlock} in the child's {@code __vma_link_rb}), taken by the forking thread.
     * Never contended: nothing else can reach the child's mm before fork returns.
     */
    public record ChildLock(boolean rb, boolean lock) implements Dyn {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            Field owner = rb ? Field.RB_WRITER : Field.SEM_WRITER;
            long bit = rb ? Status.HOLD_CHILD_RB : Status.HOLD_CHILD_SEM;
            m.set(owner, Memory.CHILD_MM, lock ? x.tid() : NIL);
            if (lock) {
                x.hold(bit);
            } else {
                x.release(bit);
            }
            x.step(rb ? lock ? Loc.FORK_CHILD_RB_LOCK : Loc.FORK_CHILD_RB_UNLOCK
                    : lock ? Loc.FORK_CHILD_SEM_LOCK : Loc.FORK_CHILD_SEM_UNLOCK, NIL);
        }

        @Override
        public void fast(Kx k) {
        }
    }

    // ================================================================ PTE zap

    /** {@code zap_pte_range} of one victim, under the PTE lock: spins while a fault holds it. */
    public record Zap(int vma) implements Dyn {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.reads(Field.PTL_OWNER, 0);
            long owner = m.mm(Field.PTL_OWNER);
            if (owner != NIL && owner != x.tid()) {
                x.spin(this, Loc.ZAP_SPIN, Status.WAIT_PTL, vma);
                return;
            }
            x.running();
            x.reads(BOUNDS, vma);
            x.readsEvery(PTES);
            int zapped = zap(m, vma);
            x.step(Loc.ZAP, Tag.NONE, vma, NIL, zapped);
            if (x.recording()) {
                x.note(zapped == 0 ? "no PTE in the range" : "removes " + zapped + " PTE" + (zapped > 1 ? "s" : ""));
            }
        }

        static int zap(WritableState m, int vma) {
            int n = 0;
            long s = m.get(Field.VM_START, vma);
            long e = m.get(Field.VM_END, vma);
            for (int i = 0; i < m.pteSlots(); i++) {
                long a = m.get(Field.PTE_ADDR, i);
                if (a != 0 && Vm.ule(s, a) && Vm.ult(a, e)) {
                    m.set(Field.PTE_ADDR, i, 0);
                    n++;
                }
            }
            return n;
        }

        @Override
        public void fast(Kx k) {
            zap(k, vma);
        }
    }

    // ================================================================ plans

    /**
     * RELAXED_STORES: may thread's next action run with stores still in its store buffer? Only a plan's plain
     * stores, and, under NO_RELEASE, the write_unlock of __vma_rb_erase. Everything else drains the buffer first:
     * a lock operation (a release, or on x86 a locked RMW), an atomic that returns a value ({@code put_vma}'s
     * {@code atomic_dec_and_test}), {@code vm_write_begin}/{@code vm_write_end} ({@code smp_wmb}), and a step that
     * reads the memory live (it must see the thread's own stores).
     */
    static boolean keepsBuffer(Action a, Protection prot) {
        if (!(a instanceof PlanStep ps)) {
            return false;
        }
        Plan plan = ps.plan();
        int i = ps.i();
        if (!plan.dynamic(i)) {
            return plan.loc(i).kind() != Loc.Kind.SEQ;
        }
        return !prot.eraseRelease() && WriteUnlockRb.ERASE.equals(plan.dyn(i));
    }

    /** Plays item {@code i} of a writer's plan. */
    public record PlanStep(Plan plan, int i) implements Action {
        @Override
        public void run(Exec x) {
            if (i + 1 < plan.size()) {
                x.push(new PlanStep(plan, i + 1));
            }
            if (plan.dynamic(i)) {
                plan.dyn(i).run(x);
                return;
            }
            Memory m = x.m();
            boolean relaxed = x.machine().relaxed();
            for (int k = plan.storesFrom(i), end = plan.storesTo(i); k < end; k++) {
                Field f = plan.storeField(k);
                int obj = plan.storeObject(k);
                long value = plan.storeValue(k);
                if (f.kind() == Field.Kind.VMA && f != Field.LIFE) {
                    x.reads(Field.LIFE, obj);
                    if (Vm.isFreed(m, obj)) {
                        x.touch(obj, f.cName());
                    }
                }
                if (relaxed && StoreBuffer.buffered(f)) {
                    x.machine().buffer(x, f, obj, value);
                } else {
                    m.set(f, obj, value);
                }
            }
            Loc loc = plan.loc(i);
            if (loc.isVisit() || loc == Loc.AUG_PROPAGATE_STOP) {
                x.touch(plan.a(i), "vm_rb");
            }
            x.step(loc, plan.tag(i), plan.a(i), plan.b(i), plan.v(i));
            x.group = plan.group(i);
            x.groupA = plan.groupA(i);
            if (plan.more(i)) {
                x.more();
            }
            if (plan.validateAfter(i) != Plan.NO_VALIDATE) {
                x.validateAfter(plan.validateAfter(i));
            }
        }
    }
}
