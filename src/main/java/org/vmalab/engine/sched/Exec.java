package org.vmalab.engine.sched;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.Protection;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.FieldSet;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.Plan;
import org.vmalab.engine.mm.Regs;
import org.vmalab.engine.mm.Stepper;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * The context of one step of one thread: what an {@link Action} reads and changes. {@link Machine} keeps one and
 * begins it afresh for each step ({@link #begin}); nothing keeps it beyond the step.
 */
public final class Exec implements Stepper {
    final Machine machine;
    final Memory m;
    int t;
    public Cont cont;
    Regs regs;
    int op;

    boolean stepped;
    public Loc loc;
    Tag tag = Tag.NONE;
    public int a = NIL;
    int b = NIL;
    long v;
    String note;
    boolean more;
    Loc group;
    int groupA = NIL;
    public int validate = Plan.NO_VALIDATE;
    boolean spun;
    /** Which checks ran after the step (bits of {@link StepRecord}). */
    public int checks;
    /** The step ended the thread's current operation. */
    boolean opEnded;
    public final List<Violation> violations = new ArrayList<>(0);

    /** A flush step: the field whose store left the store buffer (null otherwise). */
    public Field flushed;

    /** The step's footprint, declared as it runs (null when nobody asked for it). */
    private Footprint fp;

    Exec(Machine machine, int t, ThreadState s, Footprint fp) {
        this.machine = machine;
        this.m = machine.memory();
        begin(t, s, fp);
    }

    /** Makes this the context of a new step of thread {@code t}, from its state {@code s}: nothing of the last one stays. */
    Exec begin(int thread, ThreadState s, Footprint footprint) {
        this.t = thread;
        this.cont = s.cont();
        this.regs = s.regs();
        this.op = s.op();
        this.fp = footprint;
        this.note = null;
        this.violations.clear();
        resetStep();
        return this;
    }

    void resetStep() {
        stepped = false;
        loc = null;
        tag = Tag.NONE;
        a = NIL;
        b = NIL;
        v = 0;
        more = false;
        group = null;
        groupA = NIL;
        validate = Plan.NO_VALIDATE;
        spun = false;
        checks = 0;
        opEnded = false;
        flushed = null;
    }

    public Memory m() {
        return m;
    }

    public int tid() {
        return t;
    }

    public Protection prot() {
        return machine.protection();
    }

    public Regs regs() {
        return regs;
    }

    public void regs(Regs r) {
        this.regs = r;
    }

    /** Pushes actions so that the first one runs next. */
    public void push(Action... as) {
        cont = Cont.pushAll(cont, as);
    }

    /** Records this step. Exactly one call per step. */
    @Override
    public void step(Loc l, Tag tg, int na, int nb, long nv) {
        if (stepped) {
            throw new IllegalStateException("two steps recorded in one: " + loc + " then " + l);
        }
        stepped = true;
        loc = l;
        tag = tg;
        a = na;
        b = nb;
        v = nv;
    }

    public void step(Loc l, int na, long nv) {
        step(l, Tag.NONE, na, NIL, nv);
    }

    public void step(Loc l, int na) {
        step(l, Tag.NONE, na, NIL, 0);
    }

    /** A note appended to the step's caption (a dynamic outcome: "refused: RB_EMPTY_NODE"). */
    public void note(String s) {
        note = note == null ? s : note + "; " + s;
    }

    /** The next step of this thread belongs to the same macro step. */
    public void more() {
        more = true;
    }

    void validateAfter(int ignore) {
        validate = ignore;
    }

    // ---------------------------------------------------------------- what the step reads

    /*
     * Every action declares, before it reads them, the words it reads besides its own thread's fields (see
     * Footprint). A declaration costs a null test when nobody asked for the footprint (a trace).
     */

    /** The step reads the fields {@code s} of object {@code obj} (a VMA, a thread, a PTE slot; 0 for the mm). */
    public void reads(FieldSet s, int obj) {
        if (fp != null) {
            fp.read(s, obj);
        }
    }

    /** The step reads field {@code f} of object {@code obj}. */
    public void reads(Field f, int obj) {
        if (fp != null) {
            fp.read(1L << f.ordinal(), obj);
        }
    }

    /** The step reads the first {@code n} entries of thread {@code t}'s store buffer. */
    void readsSb(int t, int n) {
        if (fp != null) {
            for (int i = 0; i < n; i++) {
                fp.read(SB_WORDS, StoreBuffer.slot(t, i));
            }
        }
    }

    private static final long SB_WORDS = FieldSet.of(Field.SB_KEY, Field.SB_VAL).bits();

    /** The step reads the mm's fields {@code s}. */
    public void readsMm(FieldSet s) {
        reads(s, 0);
    }

    /** The step reads the fields {@code s} of every object (a scan). */
    public void readsEvery(FieldSet s) {
        if (fp != null) {
            fp.readEvery(s);
        }
    }

    /** The step may read any word (a writer computing its plan, the quiescent checks). */
    public void readsEverything() {
        if (fp != null) {
            fp.readEverything();
        }
    }

    // ---------------------------------------------------------------- locks and scheduling state

    public boolean holds(long bit) {
        return (m.get(Field.T_HOLDS, t) & bit) != 0;
    }

    public void hold(long bit) {
        m.set(Field.T_HOLDS, t, m.get(Field.T_HOLDS, t) | bit);
    }

    public void release(long bit) {
        m.set(Field.T_HOLDS, t, m.get(Field.T_HOLDS, t) & ~bit);
    }

    /** Spins: the same action stays at the head, the thread burns this step. */
    public void spin(Action self, Loc l, long waitCode, int na) {
        if (m.get(Field.T_STATUS, t) != Status.SPINNING) {
            m.set(Field.T_STATUS, t, Status.SPINNING);
        }
        if (m.get(Field.T_WAIT, t) != waitCode) {
            m.set(Field.T_WAIT, t, waitCode);
        }
        m.set(Field.T_SPINS, t, m.get(Field.T_SPINS, t) + 1);
        push(self);
        spun = true;
        step(l, Tag.NONE, na, NIL, m.get(Field.T_SPINS, t));
        note(Waits.describe(m.untracked(), t, machine.names()));
    }

    /** The thread got what it waited for. */
    public void running() {
        if (m.get(Field.T_STATUS, t) != Status.RUNNABLE) {
            m.set(Field.T_STATUS, t, Status.RUNNABLE);
        }
        if (m.get(Field.T_WAIT, t) != Status.WAIT_NONE) {
            m.set(Field.T_WAIT, t, Status.WAIT_NONE);
        }
        if (m.get(Field.T_SPINS, t) != 0) {
            m.set(Field.T_SPINS, t, 0);
        }
    }

    /** Goes to sleep; {@code afterWake} runs when a waker made the thread runnable again. */
    void sleep(Action afterWake, Loc l, long waitCode) {
        m.set(Field.T_STATUS, t, Status.BLOCKED);
        m.set(Field.T_WAIT, t, waitCode);
        push(afterWake);
        spun = true;
        step(l, NIL);
        note(Waits.describe(m.untracked(), t, machine.names()));
    }

    // ---------------------------------------------------------------- checks

    /** A load or store of a field of {@code vma}: reports a use-after-free if it was freed. */
    public boolean touch(int vma, String what) {
        reads(Field.LIFE, vma);
        if (vma != NIL && Vm.isFreed(m, vma)) {
            violation(Invariant.I_UAF, vma, "use-after-free: " + machine.threadName(t) + " reads " + m.name(vma)
                    + "." + what + " but " + m.name(vma) + " was freed");
            return false;
        }
        return true;
    }

    public void violation(Invariant inv, int vma, String message) {
        if (machine.checker().enabled(inv)) {
            violations.add(new Violation(inv, machine.stepCount() + 1, t, vma, message));
        }
    }

    public Machine machine() {
        return machine;
    }

    public String name(int vma) {
        return m.name(vma);
    }

    public String threadName() {
        return machine.threadName(t);
    }
}
