package org.vmalab.engine.mm;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Action;
import org.vmalab.engine.sched.Actions;
import org.vmalab.engine.sched.Exec;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.trace.Loc;

/** Turns a program's {@link Op} into the actions that start it. */
public final class Ops {
    private Ops() {
    }

    /** Makes the continuation of the thread of {@code x} the actions that run {@code op}. */
    public static void begin(Op op, Exec x) {
        x.clearCont();
        Protection p = x.prot();
        if (op instanceof Op.FindVma f) {
            Readers.findVma(x, f.addr(), true);
        } else if (op instanceof Op.GetVma g) {
            if (p.prePatch()) {
                /* before the patch there is no get_vma: a lookup takes mmap_sem */
                x.push(new Actions.DownRead(), new ClassicLookup(g.addr()), new Actions.UpRead());
            } else {
                Readers.getVma(x, g.addr());
            }
        } else if (op instanceof Op.PutVma) {
            x.push(new PutLatest());
        } else if (kernelAddress(op)) {
            x.push(new Readers.KernelAddressFault(op instanceof Op.Spf s ? s.addr() : ((Op.Fault) op).addr()));
        } else if (op instanceof Op.Spf s) {
            x.push(new Readers.SpfEntry(s.addr(), s.write()));
        } else if (op instanceof Op.Fault f) {
            x.push(new Readers.Fallback(f.addr(), f.write(), NIL));
        } else if (op instanceof Op.DownRead) {
            x.push(new Actions.DownRead());
        } else if (op instanceof Op.UpRead) {
            x.push(new Actions.UpRead());
        } else if (op instanceof Op.DownWrite) {
            x.push(new Actions.DownWrite());
        } else if (op instanceof Op.UpWrite) {
            x.push(new Actions.UpWrite());
        } else if (op instanceof Op.Exit) {
            if (x.m().get(Field.T_OP, x.tid()) + 1 < x.machine().scenario().threads().get(x.tid()).program().size()) {
                throw new ScenarioException(x.threadName() + ": exit must be the thread's last operation");
            }
            x.push(new MmPut());
        } else if (op.isWriter()) {
            writer(x, op);
        } else {
            throw new IllegalArgumentException("unknown operation " + op.text());
        }
    }

    /** A page fault ({@code spf} or {@code fault}) at or above TASK_SIZE_MAX: {@code fault_in_kernel_space()}. */
    private static boolean kernelAddress(Op op) {
        long addr = op instanceof Op.Spf s ? s.addr() : op instanceof Op.Fault f ? f.addr() : 0;
        return Long.compareUnsigned(addr, Const.TASK_SIZE) >= 0;
    }

    private static void writer(Exec x, Op op) {
        if (op instanceof Op.Mprotect p && (p.start() & (Const.PAGE_SIZE - 1)) != 0) {
            x.push(new MprotectEinval(op, p.start()));
            return;
        }
        if (x.holds(Status.HOLD_SEM_WRITE)) {
            x.push(new MakePlan(op, false));
        } else {
            x.push(new Actions.DownWrite(), new MakePlan(op, true));
        }
    }

    /**
     * {@code mmput(mm)}: {@code atomic_dec_and_test(&mm->mm_users)}. The last user runs {@code __mmput} →
     * {@code exit_mmap} with no lock held, which is safe because nobody else uses the mm any more: it is planned at
     * once and played step by step (ghost {@code MM_DEAD} marks the tree as no longer checked).
     */
    record MmPut() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            x.reads(Field.MM_USERS, 0);
            long users = m.mm(Field.MM_USERS) - 1;
            m.setMm(Field.MM_USERS, users);
            if (users > 0) {
                x.step(Loc.MMPUT, NIL, users);
                return;
            }
            x.readsEverything();
            m.setMm(Field.MM_DEAD, 1);
            x.step(Loc.MMPUT_LAST, NIL, 0);
            Plan plan = Planner.plan(x.machine().planScratch(), m, x.prot(), x.tid(), "exit_mmap", MmOps::exitMmap);
            if (plan.size() > 0) {
                x.more();
                x.push(new Actions.PlanStep(plan, 0));
            }
        }
    }

    /** The pre-patch stand-in for get_vma: find_vma under mmap_sem read. */
    record ClassicLookup(long addr) implements Action {
        @Override
        public void run(Exec x) {
            Readers.findVma(x, addr, true);
        }
    }

    /** {@code put_vma} of the thread's latest reference (or of its last result when none was counted). */
    record PutLatest() implements Action {
        @Override
        public void run(Exec x) {
            Memory m = x.m();
            int v = NIL;
            for (int i = Field.REF_SLOTS.length - 1; i >= 0 && v == NIL; i--) {
                v = (int) m.get(Field.REF_SLOTS[i], x.tid());
            }
            if (v == NIL && !x.prot().refcount()) {
                v = x.regs().vma();
            }
            if (v == NIL || x.prot().prePatch()) {
                x.step(Loc.PUT_VMA_NOOP, v);
                x.note(v == NIL ? "get_vma found no VMA, so it took no reference"
                        : "before the patch find_vma, under mmap_sem, takes no reference");
                return;
            }
            new Actions.PutVma(v, Actions.PutSite.READER).run(x);
        }
    }

    /**
     * Computes the writer's plan now that it holds mmap_sem for write (see {@link Kx} for why a plan is
     * valid), then plays it; with {@code release}, up_write follows.
     */
    record MakePlan(Op op, boolean release) implements Action {
        @Override
        public void run(Exec x) {
            x.readsEverything(); /* the writer's algorithm may read any word of the mm and its VMAs */
            String text = x.opText(op);
            Plan plan = Planner.plan(x.machine().planScratch(), x.m(), x.prot(), x.tid(), text,
                    k -> Writers.run(op, k));
            String result = Writers.describe(op, plan.result());
            x.regs(x.regs().withLast(result));
            if (release) {
                x.push(new ReleaseWithResult(text + " returns " + result));
            }
            if (plan.size() > 0) {
                x.push(new Actions.PlanStep(plan, 0));
            }
        }
    }

    /**
     * {@code do_mprotect_pkey()} (mm/mprotect.c) refuses an unaligned start with {@code -EINVAL} before
     * {@code down_write_killable(&mm->mmap_sem)}: one check step, no lock.
     */
    record MprotectEinval(Op op, long start) implements Action {
        @Override
        public void run(Exec x) {
            x.step(Loc.MPROTECT_EINVAL, NIL, start);
            x.regs(x.regs().withLast(Writers.describe(op, MmOps.EINVAL)));
            x.note(x.opText(op) + " returns EINVAL");
        }
    }

    /** {@code up_write(mmap_sem)} at the end of a writer operation, noting its result. */
    record ReleaseWithResult(String result) implements Action {
        @Override
        public void run(Exec x) {
            new Actions.UpWrite().run(x);
            x.note(result);
        }
    }
}
