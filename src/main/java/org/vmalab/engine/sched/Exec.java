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
import org.vmalab.engine.mm.Op;
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
    /**
     * The thread's continuation: the actions pushed in this step and not yet run ({@link #pending}, the last one
     * runs first; the thread's first action when the step begins) on top of {@link #cont}. A push does not make a
     * {@link Cont} cell: most actions pushed run in the same step, and only what is left when the step ends becomes
     * cells ({@link #settle}).
     */
    private Cont cont;
    private Action[] pending = new Action[8];
    private int np;
    /** The cell last taken off {@link #cont}: when its action goes back on the same rest (a spin), it is kept. */
    private Cont popped;
    Regs regs;
    int op;
    /** The step is recorded (a trace): its notes are kept; the explorer's step ({@code Machine.advance}) drops them. */
    private boolean recording = true;

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

    Exec(Machine machine) {
        this.machine = machine;
        this.m = machine.memory();
    }

    /**
     * Makes this the context of a new step of thread {@code t}, from its state: nothing of the last step stays but the
     * fields of a micro-step, which {@link #resetStep} clears before each.
     */
    Exec begin(int thread, Action first, Cont rest, Regs r, int o, Footprint footprint, boolean record) {
        this.t = thread;
        this.cont = rest;
        this.np = 0;
        this.popped = null;
        if (first != null) {
            pending[np++] = first;
        }
        this.regs = r;
        this.op = o;
        this.fp = footprint;
        this.recording = record;
        this.note = null;
        this.violations.clear();
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

    /** Pushes {@code a}: it runs next. */
    public void push(Action a) {
        if (np == pending.length) {
            pending = java.util.Arrays.copyOf(pending, np * 2);
        }
        pending[np++] = a;
    }

    /** Pushes {@code a} then {@code b}: {@code a} runs next, then {@code b}. */
    public void push(Action a, Action b) {
        push(b);
        push(a);
    }

    /** Pushes actions so that the first one runs next. */
    public void push(Action a, Action b, Action c) {
        push(c);
        push(b);
        push(a);
    }

    /** Is the continuation empty (the operation has nothing left to run)? */
    boolean contEmpty() {
        return np == 0 && cont == null;
    }

    /** Empties the continuation (an operation begins, or the model stops one). */
    public void clearCont() {
        cont = null;
        np = 0;
    }

    /** Takes the next action off the continuation. */
    Action pop() {
        if (np > 0) {
            Action a = pending[--np];
            pending[np] = null;
            return a;
        }
        popped = cont;
        Action a = cont.head();
        cont = cont.tail();
        return a;
    }

    /**
     * Ends the step's continuation: its first action ({@link #first()}, null when it is empty) and the cells of the
     * rest ({@link #rest()}): the pending actions below the first pushed onto {@link #cont}, the cell last taken off
     * kept when the same action goes back on the same rest (a spinning thread's rest stays the same object). The
     * first action needs no cell: a step that takes one action off and pushes one makes none.
     */
    void settle() {
        if (np == 0) {
            first = cont == null ? null : cont.head();
            cont = cont == null ? null : cont.tail();
            return;
        }
        first = pending[--np];
        pending[np] = null;
        Cont c = cont;
        for (int i = 0; i < np; i++) {
            Action a = pending[i];
            Cont p = popped;
            c = p != null && p.head() == a && p.tail() == c ? p : new Cont(a, c);
            pending[i] = null;
        }
        np = 0;
        cont = c;
    }

    private Action first;

    /** After {@link #settle}: the action the thread runs next, null when its continuation is empty. */
    Action first() {
        return first;
    }

    /** After {@link #settle}: the rest of the continuation after {@link #first()}. */
    Cont rest() {
        return cont;
    }

    /** Are this step's notes kept (a trace)? A caller may skip building a note's text when not. */
    public boolean recording() {
        return recording;
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
        if (!recording) {
            return;
        }
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
        if (recording) {
            note(Waits.describe(m.untracked(), t, machine.names()));
        }
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
        if (recording) {
            note(Waits.describe(m.untracked(), t, machine.names()));
        }
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

    /** {@code o.text()}, made once per operation of the thread's program when {@code o} is the one it runs. */
    public String opText(Op o) {
        return machine.opText(t, op, o);
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
