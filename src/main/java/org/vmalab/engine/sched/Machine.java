package org.vmalab.engine.sched;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.check.Checker;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.FastKx;
import org.vmalab.engine.mm.MmOps;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.Ops;
import org.vmalab.engine.mm.Planner;
import org.vmalab.engine.mm.Regs;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Views;
import org.vmalab.engine.tree.CorruptTreeException;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * A running scenario: memory, threads and checker, stepped one thread at a time. The trace builder
 * ({@link Engine}) and the explorer both drive it; the explorer, through {@link Explorable}, also saves and
 * restores it, fingerprints its states and asks what each step touched.
 */
public final class Machine implements Explorable {
    public static final int PTE_SLOTS = 32;

    private final Scenario scenario;
    private final Memory m;
    private final Protection prot;
    private final Checker checker;
    /** Per thread, the part of it that is not in {@link Memory} ({@link ThreadState}). */
    private final ThreadState[] ts;
    /** The number of threads (without the flush choices). */
    private final int nt;
    private final String[] names;
    private final DeltaLog log = new DeltaLog();
    private int steps;
    private Exec current;
    /** The quiescent checks of the initial state; null until made when they were deferred. */
    private List<Violation> initialViolations;
    /** RELAXED_STORES: the store buffers are on; {@link #perThread} flush choices per thread follow the threads. */
    private final boolean relaxed;
    /** MACRO granularity: a step runs a whole labelled group. */
    private final boolean macro;
    private final int perThread;
    /** A store leaving a store buffer: it was checked when it was issued, not again. */
    private boolean flushing;

    /** Builds the initial state: the layout linked in order (fast), the threads at the start. */
    public Machine(Scenario sc, CheckLevel level) {
        this(sc, level, true, true);
    }

    /**
     * The initial state, its quiescent checks made when {@link #initialViolations()} is first asked (on any thread)
     * instead of now: a run that takes no step (an import of a million VMAs) has its scene built while they run.
     */
    public static Machine checkingLater(Scenario sc, CheckLevel level) {
        return new Machine(sc, level, true, false);
    }

    Machine(Scenario sc, CheckLevel level, boolean fastLayout) {
        this(sc, level, fastLayout, true);
    }

    /**
     * @param fastLayout link the VMAs of the layout that lie above the ones before them with
     *                   {@link MmOps.LayoutLink} (the same memory, word for word); false: {@code insert_vm_struct}
     *                   for each (tests compare the two)
     */
    private Machine(Scenario sc, CheckLevel level, boolean fastLayout, boolean checkNow) {
        this.scenario = sc;
        this.prot = sc.protection();
        int nt = sc.threads().size();
        this.m = new Memory(sc.layout().size() + 16, nt, PTE_SLOTS);
        m.setMm(Field.GUARD_GAP, sc.stackGuard());
        m.setMm(Field.MMAP_BASE, sc.mmapBase());
        for (int mm = 0; mm < Memory.MM_OBJECTS; mm++) {
            /* a global of the kernel: the same for a fork's child */
            m.set(Field.MAX_MAP_COUNT, mm, sc.maxMapCount());
        }
        m.setMm(Field.MM_USERS, sc.mmUsers() > 0 ? sc.mmUsers() : nt);
        FastKx k = new FastKx(m, prot);
        MmOps.LayoutLink fast = fastLayout ? new MmOps.LayoutLink(k) : null;
        for (VmaSpec v : sc.layout()) {
            int id = MmOps.allocVma(k, v.name(), v.start(), v.end(), v.flags(), v.hasOps(), v.anonVma());
            if (fast != null && fast.fits(id)) {
                fast.link(id);
            } else {
                if (fast != null) {
                    /* from here on one insert_vm_struct each, on a tree whose gaps are right */
                    fast.finish();
                    fast = null;
                }
                if (MmOps.insertVmStruct(k, id) != 0) {
                    throw new ScenarioException("layout: " + v.name() + " [" + Numbers.hex(v.start()) + ", "
                            + Numbers.hex(v.end()) + ") overlaps a VMA listed before it");
                }
            }
            if (v.name().equals("heap") || v.name().equals("[heap]")) {
                m.setMm(Field.START_BRK, v.start());
                m.setMm(Field.BRK, v.end());
            }
        }
        if (fast != null) {
            fast.finish();
        }
        this.nt = nt;
        this.ts = new ThreadState[nt];
        Arrays.fill(ts, ThreadState.INITIAL);
        this.names = new String[nt];
        for (int i = 0; i < nt; i++) {
            names[i] = sc.threads().get(i).name();
            if (sc.threads().get(i).program().isEmpty()) {
                m.set(Field.T_STATUS, i, Status.DONE);
            }
        }
        this.relaxed = prot.relaxed();
        this.macro = sc.granularity() == Granularity.MACRO;
        this.perThread = relaxed ? StoreBuffer.choicesPerThread(nt) : 0;
        this.checker = new Checker(this, level);
        /* sized now, not at the first lookup: a second worker's new machine would otherwise grow it in code that C2
           compiled without the growth (a deoptimization, and the lookup compiled again) */
        this.returnsTexts = new String[m.vmaCapacity() + 1];
        this.initialViolations = checkNow ? checker.quiescent(0) : null;
        m.recorder(this::stored);
    }

    /** The footprint of the step that runs (null between steps, and when none is declared): told of each store. */
    private Footprint storing;

    private void stored(Field f, int obj, long old, long value) {
        log.add(f, obj, old, value);
        checker.observe(f, obj, old, value);
        if (storing != null) {
            storing.wrote(f, obj);
        }
        if (current != null && !flushing) {
            checker.onStore(current, f, obj, old, value);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public Memory memory() {
        return m;
    }

    public Protection protection() {
        return prot;
    }

    public Checker checker() {
        return checker;
    }

    public DeltaLog log() {
        return log;
    }

    public int stepCount() {
        return steps;
    }

    /**
     * The scheduling choices: the threads, then with RELAXED_STORES each thread's flush choices (choice
     * {@code threads + t * K + k} makes the {@code k}-th entry of {@code t}'s store buffer that may leave now visible).
     */
    @Override
    public int threadCount() {
        return nt + nt * perThread;
    }

    /** The scenario's threads (without the flush choices). */
    @Override
    public int programThreads() {
        return nt;
    }

    boolean relaxed() {
        return relaxed;
    }

    public String threadName(int t) {
        if (t >= names.length && t < threadCount()) {
            return scenario.scheduleNames().get(t);
        }
        return t >= 0 && t < names.length ? names[t] : "kernel";
    }

    @Override
    public String[] threadNames() {
        return names.clone();
    }

    /** The threads' names, not copied (read only). */
    String[] names() {
        return names;
    }

    /** Per thread and operation index: the operation's text, made when first asked ({@link #opText}). */
    private String[][] opTexts;

    /** {@code o.text()}: made once when {@code o} is operation {@code i} of thread {@code t}'s program. */
    String opText(int t, int i, Op o) {
        List<Op> program = scenario.threads().get(t).program();
        if (i < 0 || i >= program.size() || program.get(i) != o) {
            return o.text();
        }
        if (opTexts == null) {
            opTexts = new String[nt][];
        }
        if (opTexts[t] == null) {
            opTexts[t] = new String[program.size()];
        }
        String s = opTexts[t][i];
        if (s == null) {
            s = o.text();
            opTexts[t][i] = s;
        }
        return s;
    }

    /** The planners' arrays, kept from one plan to the next. */
    private final Planner.Scratch planScratch = new Planner.Scratch();

    /** What the writers' planner keeps from one plan of this machine to the next ({@link Planner#plan}). */
    public Planner.Scratch planScratch() {
        return planScratch;
    }

    /** Per VMA (at {@code vma + 1}; NULL at 0): the text of a lookup that returns it, made once (Readers). */
    private String[] returnsTexts;

    /** The lookups' outcome texts by VMA, grown with the memory (the readers fill and check it). */
    public String[] returnsTexts() {
        int n = m.vmaCapacity() + 1;
        if (returnsTexts.length < n) {
            returnsTexts = Arrays.copyOf(returnsTexts, n);
        }
        return returnsTexts;
    }

    /** The context of every step, begun afresh each time (a step allocates none). */
    private Exec exec;

    private Exec exec(int t, Footprint fp, boolean record) {
        if (exec == null) {
            exec = new Exec(this);
        }
        ThreadState s = ts[t];
        return exec.begin(t, s.first(), s.rest(), s.regs(), s.op(), fp, record);
    }

    /**
     * The quiescent checks of the initial state (the memory before any step: of a machine {@link #checkingLater}, ask
     * before the first step).
     */
    @Override
    public synchronized List<Violation> initialViolations() {
        if (initialViolations == null) {
            initialViolations = checker.quiescent(0);
        }
        return initialViolations;
    }

    /** Can {@code t} be scheduled (not sleeping, not done)? A spinning thread can: it burns a step. */
    @Override
    public boolean enabled(int t) {
        if (t >= nt) {
            int c = t - nt;
            return StoreBuffer.flushable(m, c / perThread, c % perThread) >= 0;
        }
        long s = m.get(Field.T_STATUS, t);
        return s == Status.RUNNABLE || s == Status.SPINNING;
    }

    @Override
    public boolean done(int t) {
        if (t >= nt) {
            return !enabled(t);
        }
        return m.get(Field.T_STATUS, t) == Status.DONE;
    }

    @Override
    public boolean allDone() {
        for (int t = 0; t < nt; t++) {
            if (!done(t)) {
                return false;
            }
        }
        return true;
    }

    public boolean anyEnabled() {
        for (int t = 0; t < nt; t++) {
            if (enabled(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one step of {@code t} (in MACRO granularity, a whole group). The stores are appended to
     * {@link #log()} from position {@code record.deltaFrom()}.
     */
    @Override
    public StepRecord step(int t) {
        return step(t, true);
    }

    /**
     * The explorer's step: {@link #step} without its record (the search needs the next state, its fingerprint, the
     * footprint and the violations, not what the trace shows); {@link #idle} answers for it as for a step.
     */
    @Override
    public List<Violation> advance(int t) {
        if (t >= nt) {
            return step(t).violations();
        }
        step(t, false);
        return lastViolations;
    }

    /** One step of {@code t}; {@code record}: build its {@link StepRecord} (else null is returned). */
    private StepRecord step(int t, boolean record) {
        if (!enabled(t)) {
            throw new IllegalStateException(threadName(t) + " is not runnable");
        }
        if (t >= nt) {
            return flushStep((t - nt) / perThread, (t - nt) % perThread);
        }
        int from = log.size();
        before = ts[t];
        Footprint fp = footprints ? scratchFootprint(t) : null;
        storing = fp;
        Exec x = exec(t, fp, record);
        current = x;
        Loc first = null;
        Tag firstTag = Tag.NONE;
        int fa = NIL;
        int fb = NIL;
        long fv = 0;
        int micro = 0;
        String note = null;
        StringBuilder notes = null;
        List<Violation> viols = null;
        int checks = 0;
        String result = null;
        Loc group = null;
        int groupA = NIL;
        try {
            do {
                micro(x);
                if (micro++ == 0) {
                    first = x.loc;
                    firstTag = x.tag;
                    fa = x.a;
                    fb = x.b;
                    fv = x.v;
                    group = x.group;
                    groupA = x.groupA;
                }
                if (x.note != null) {
                    /* one note is kept as it is; two or more are joined */
                    if (note == null) {
                        note = x.note;
                    } else {
                        notes = (notes == null ? new StringBuilder(note) : notes).append("; ").append(x.note);
                    }
                    x.note = null;
                }
                if (!x.violations.isEmpty()) {
                    if (viols == null) {
                        viols = new ArrayList<>(x.violations.size());
                    }
                    viols.addAll(x.violations);
                    x.violations.clear();
                }
                checks |= x.checks;
                if (x.opEnded) {
                    result = x.regs.last();
                }
            } while (macro && x.more && !x.spun && enabled(t)
                    && !done(t) && micro < macroLimit());
        } finally {
            current = null;
        }
        x.settle();
        ThreadState was = ts[t];
        if (was.first() != x.first() || was.rest() != x.rest() || was.regs() != x.regs || was.op() != x.op) {
            ts[t] = new ThreadState(x.first(), x.rest(), x.regs, x.op);
        }
        steps++;
        boolean merged = micro > 1 && group != null;
        Loc loc = merged ? group : first;
        if (merged && groupA != NIL) {
            fa = groupA;
        }
        stepped(t, fp, x.spun, from, viols == null ? List.of() : List.copyOf(viols));
        if (!record) {
            return null;
        }
        return new StepRecord(steps, t, loc, firstTag, fa, fb, fv, notes == null ? note : notes.toString(), from,
                log.size(), lastViolations, micro, x.spun, checks, result);
    }

    /**
     * The most micro-steps one macro step groups. No operation on a sound tree comes near it; a lockless reader
     * going round a cycle of a tree a bug variant broke would otherwise never end its step (in the kernel it
     * spins forever): its step ends here and the next one goes on, so the search sees the cycle as states.
     */
    private int macroLimit() {
        return 16 * m.vmaCapacity() + 256;
    }

    private void micro(Exec x) {
        x.resetStep();
        List<Op> program = scenario.threads().get(x.t).program();
        while (!x.stepped) {
            if (x.contEmpty()) {
                if (x.op + 1 >= program.size()) {
                    throw new IllegalStateException(threadName(x.t) + " has nothing left to run");
                }
                x.op++;
                m.set(Field.T_OP, x.t, x.op);
                x.regs = x.regs.withLast("");
                Ops.begin(program.get(x.op), x);
                continue;
            }
            Action a = x.pop();
            if (relaxed && m.get(Field.T_SB_N, x.t) != 0 && !Actions.keepsBuffer(a, prot)) {
                drain(x);
            }
            try {
                a.run(x);
            } catch (CorruptTreeException e) {
                x.violation(Invariant.I_TERM, NIL, "the model stops " + threadName(x.t) + "'s operation: "
                        + e.getMessage());
                x.clearCont();
                x.op = program.size();
                x.stepped = false;
                x.step(Loc.OP_ABORTED, NIL);
                x.note(e.getMessage());
            }
        }
        m.set(Field.T_LOC, x.t, x.loc.ordinal());
        long node = x.loc.isVisit() ? x.a : NIL;
        if (m.get(Field.T_NODE, x.t) != node) {
            m.set(Field.T_NODE, x.t, node);
        }
        if (x.contEmpty() && x.op + 1 >= program.size()) {
            if (relaxed && m.get(Field.T_SB_N, x.t) != 0) {
                drain(x);
            }
            m.set(Field.T_STATUS, x.t, Status.DONE);
        }
        x.opEnded = x.contEmpty() && x.op >= 0;
        checker.afterStep(x);
    }

    // ---------------------------------------------------------------- RELAXED_STORES

    /** A plan's plain store waits in the thread's store buffer; the store checks run now, when it is issued. */
    void buffer(Exec x, Field f, int obj, long value) {
        int t = x.t;
        int n = StoreBuffer.size(m, t);
        x.readsSb(t, n);
        long old = StoreBuffer.read(m, t, f, obj);
        x.reads(f, obj);
        if (n == StoreBuffer.CAPACITY) {
            flushing = true;
            try {
                StoreBuffer.flush(m, t, 0);
            } finally {
                flushing = false;
            }
        }
        StoreBuffer.append(m, t, f, obj, value);
        checker.onStore(x, f, obj, old, value);
    }

    /** A barrier: every store the thread buffered becomes visible, oldest first, before the step goes on. */
    private void drain(Exec x) {
        x.readsSb(x.t, StoreBuffer.size(m, x.t));
        flushing = true;
        int n;
        try {
            n = StoreBuffer.drain(m, x.t);
        } finally {
            flushing = false;
        }
        x.note("the store buffer drains first: " + n + (n == 1 ? " store becomes" : " stores become")
                + " visible");
    }

    /** A flush choice: entry {@code k} of those that may leave thread {@code t}'s store buffer now leaves it. */
    private StepRecord flushStep(int t, int k) {
        int from = log.size();
        before = ts[t];
        Footprint fp = footprints ? scratchFootprint(t) : null;
        storing = fp;
        Exec x = exec(t, fp, true);
        current = x;
        List<Violation> viols = new ArrayList<>(0);
        String note;
        int vma;
        long value;
        try {
            x.resetStep();
            int n = StoreBuffer.size(m, t);
            x.readsSb(t, n);
            int i = StoreBuffer.flushable(m, t, k);
            long key = StoreBuffer.keyAt(m, t, i);
            Field f = StoreBuffer.field(key);
            int obj = StoreBuffer.object(key);
            value = StoreBuffer.valueAt(m, t, i);
            vma = f.kind() == Field.Kind.VMA ? obj : NIL;
            note = Views.storeText(m, f, obj, value) + " (" + (n - 1) + " left in " + names[t] + "'s store buffer)";
            flushing = true;
            try {
                StoreBuffer.flush(m, t, i);
            } finally {
                flushing = false;
            }
            x.flushed = f;
            x.step(Loc.SB_FLUSH, Tag.NONE, vma, k, value);
            checker.afterStep(x);
            viols.addAll(x.violations);
        } finally {
            current = null;
        }
        steps++;
        stepped(t, fp, false, from, List.copyOf(viols));
        return new StepRecord(steps, t, Loc.SB_FLUSH, Tag.NONE, vma, k, value, note, from, log.size(),
                lastViolations, 1, false, x.checks, null);
    }

    /**
     * The quiescent checks on the final state, unless the last step already ran them (an up_write) or a
     * writer still holds mmap_sem.
     */
    public List<Violation> finalCheck(StepRecord last) {
        if (!finalCheckRan(last)) {
            return List.of();
        }
        return checker.quiescent(steps, last == null ? NIL : last.thread());
    }

    /** Does {@link #finalCheck} check anything after {@code last}? */
    public boolean finalCheckRan(StepRecord last) {
        return checker.level() != CheckLevel.NONE && m.mm(Field.SEM_WRITER) == NIL
                && !(last != null && (last.loc() == Loc.SEM_UP_WRITE || last.loc() == Loc.OP_ABORTED));
    }

    // ---------------------------------------------------------------- explorer support (Explorable)

    /**
     * The stepped thread's state before the last step, and what {@link #idle} needs of that step: its thread (-1
     * after a restore), whether it spun or went to sleep, its stores in the log, its violations.
     */
    private ThreadState before;
    private int lastThread = -1;
    private boolean lastWaiting;
    private int lastFrom;
    private int lastTo;
    private List<Violation> lastViolations = List.of();

    /** A step of {@code t} ended: what {@link #idle}, {@link #footprint} and {@link #advance} answer from. */
    private void stepped(int t, Footprint fp, boolean waiting, int from, List<Violation> violations) {
        storing = null;
        lastFootprint = fp;
        lastThread = t;
        lastWaiting = waiting;
        lastFrom = from;
        lastTo = log.size();
        lastViolations = violations;
    }

    /**
     * A saved point: undo the log back to it and restore the threads. It keeps the memory's hash as it was (and each
     * thread's part of it): a restore then puts the words back without hashing each of them again.
     */
    private static final class Snapshot implements Explorable.Mark {
        final Machine owner;
        int logMark;
        final ThreadState[] threads;
        int steps;
        final long[] hash;
        /** {@link #hash} holds the hash at this point (hashing was on when it was saved). */
        boolean hashed;

        Snapshot(Machine owner) {
            this.owner = owner;
            this.threads = new ThreadState[owner.nt];
            this.hash = new long[owner.nt + 1];
        }
    }

    @Override
    public Explorable.Mark save() {
        return save(null);
    }

    @Override
    public Explorable.Mark save(Explorable.Mark reuse) {
        Snapshot s = reuse instanceof Snapshot r && r.owner == this ? r : new Snapshot(this);
        s.logMark = log.size();
        System.arraycopy(ts, 0, s.threads, 0, nt);
        s.steps = steps;
        s.hashed = m.hashState(s.hash);
        return s;
    }

    @Override
    public void restore(Explorable.Mark mark) {
        Snapshot s = (Snapshot) mark;
        if (s.hashed && m.pauseHashing()) {
            log.undoTo(s.logMark, m);
            m.resumeHashing(s.hash);
        } else {
            log.undoTo(s.logMark, m);
        }
        checker.restored();
        storing = null;
        System.arraycopy(s.threads, 0, ts, 0, nt);
        steps = s.steps;
        lastThread = -1;
        lastFootprint = null;
    }

    @Override
    public boolean idle() {
        if (lastThread < 0 || !lastWaiting) {
            return false;
        }
        int t = lastThread;
        for (int i = lastFrom; i < lastTo; i++) {
            boolean counter = log.field(i) == Field.T_SPINS && log.object(i) == t;
            if (!counter && log.oldValue(i) != log.newValue(i)) {
                return false;
            }
        }
        return ts[t].equals(before);
    }

    /** Declare the footprint of every step from now on ({@link #footprint}); a trace does not need them. */
    public void declareFootprints() {
        footprints = true;
    }

    private boolean footprints;
    private Footprint lastFootprint;
    /** The footprint every step declares into ({@link #footprint} is valid until the next step). */
    private Footprint scratch = new Footprint(0);

    @Override
    public Footprint takeFootprint(Footprint spare) {
        Footprint f = footprint();
        if (f == scratch) {
            scratch = spare != null && spare != f ? spare : new Footprint(0);
            return f;
        }
        return new Footprint(f);
    }

    private Footprint scratchFootprint(int t) {
        scratch.reset(t);
        return scratch;
    }

    @Override
    public Footprint footprint() {
        if (lastFootprint == null) {
            throw new IllegalStateException("no footprint: declareFootprints() first, and step");
        }
        return lastFootprint;
    }

    @Override
    public long fingerprint() {
        m.enableHashing();
        /* each thread's part mixed apart from the others' (no mix waits for the one before) and summed */
        long threads = 0;
        for (int t = 0; t < nt; t++) {
            threads += mix(0x9E3779B97F4A7C15L * (t + 1) + ts[t].hash());
        }
        return mix(m.hash() ^ threads);
    }

    /** The classes of interchangeable threads (made on first use). */
    private Symmetry symmetry;

    private Symmetry symmetry() {
        if (symmetry == null) {
            symmetry = new Symmetry(scenario);
        }
        return symmetry;
    }

    @Override
    public int[][] interchangeableThreads() {
        int[][] c = symmetry().classes;
        int[][] out = new int[c.length][];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].clone();
        }
        return out;
    }

    @Override
    public long canonicalFingerprint(int[] order) {
        Symmetry sym = symmetry();
        if (!sym.any()) {
            if (order != null) {
                for (int c = 0; c < order.length; c++) {
                    order[c] = c;
                }
            }
            return fingerprint();
        }
        m.enableHashing();
        return sym.canonical(m, ts, order, perThread);
    }

    @Override
    public long orbitSize() {
        Symmetry sym = symmetry();
        if (!sym.any()) {
            return 1;
        }
        m.enableHashing();
        return sym.orbitSize(m, ts, perThread);
    }

    @Override
    public int renameChoice(int choice, int[] threads) {
        if (choice < 0 || choice >= threadCount() || threads.length != nt) {
            throw new IllegalArgumentException("no choice " + choice + " or not a renaming of " + nt
                    + " threads");
        }
        return symmetry().rename(choice, threads, perThread);
    }

    /**
     * A 64-bit hash of a thread's continuation (action by action), registers and operation index, made once when its
     * {@link ThreadState} is made: the rest's cells carry the hash of the actions below them ({@link Cont#hash()}), so
     * the continuation is not walked.
     */
    static long threadHash(Action first, Cont rest, Regs regs, int op) {
        long x = mix(op * 0xC2B2AE3D27D4EB4FL + regs.vma());
        x = mix(x ^ regs.last().hashCode());
        if (first != null) {
            x = hashAction(x, first);
        }
        return mix(x ^ (rest == null ? Cont.EMPTY_HASH : rest.hash()));
    }

    /** One action {@code a} on a hash {@code x} of what follows or precedes it. */
    static long hashAction(long x, Object a) {
        return mix(x * 31 + a.hashCode() + ((long) a.getClass().getName().hashCode() << 32));
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public List<Violation> finalCheck() {
        return finalCheck(null);
    }

    @Override
    public String threadState(int t) {
        if (t >= nt) {
            return "store buffer";
        }
        String why = Waits.describe(m, t, names);
        return Status.name(m.get(Field.T_STATUS, t)) + (why.isEmpty() ? "" : " (" + why + ")");
    }

    @Override
    public String threadOutcome(int t) {
        if (t >= nt) {
            return "store buffer";
        }
        if (!done(t)) {
            return "stuck, " + threadState(t);
        }
        String result = ts[t].regs().last();
        if (result != null && !result.isEmpty()) {
            return result;
        }
        List<Op> program = scenario.threads().get(t).program();
        if (!program.isEmpty()) {
            Op op = program.get(program.size() - 1);
            if (op instanceof Op.GetVma || op instanceof Op.FindVma) {
                return "returns " + m.name(ts[t].regs().vma());
            }
        }
        return "done";
    }

    @Override
    public String stateSummary() {
        int inTree = 0;
        StringBuilder freed = new StringBuilder();
        int nv = Vm.allocated(m);
        for (int v = 0; v < nv; v++) {
            if (Vm.has(m, v, Life.IN_TREE) && !Vm.has(m, v, Life.CHILD)) {
                inTree++;
            }
            if (Vm.has(m, v, Life.ALLOCATED) && Vm.isFreed(m, v)) {
                freed.append(freed.length() > 0 ? " " : "").append(m.name(v));
            }
        }
        int ptes = 0;
        int outside = 0;
        for (int i = 0; i < m.pteSlots(); i++) {
            long a = m.get(Field.PTE_ADDR, i);
            if (a == 0) {
                continue;
            }
            ptes++;
            boolean in = false;
            for (int v = 0; v < nv && !in; v++) {
                in = Vm.has(m, v, Life.IN_TREE) && !Vm.has(m, v, Life.CHILD) && Vm.contains(m, v, a);
            }
            if (!in) {
                outside++;
            }
        }
        String tree = m.mm(Field.MM_DEAD) != 0 ? "mm gone (exit_mmap)" : "tree: " + inTree + " VMAs";
        return tree + ", freed: " + (freed.length() == 0 ? "none" : freed) + ", PTEs: " + ptes
                + (outside > 0 ? " (" + outside + " outside every VMA)" : "");
    }
}
