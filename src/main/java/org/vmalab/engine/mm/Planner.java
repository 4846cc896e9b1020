package org.vmalab.engine.mm;

import java.util.Arrays;
import java.util.function.ToLongFunction;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * Runs a writer algorithm against the live memory, captures its steps into a {@link Plan}, then puts
 * every word back: the plan's steps are replayed one at a time by the thread afterwards.
 */
public final class Planner extends Kx implements Memory.Recorder {
    private final int thread;
    private final Plan.Builder plan;
    /** A dynamic step's {@link Dyn#planEffect} runs: its stores are undone with the plan's, not captured. */
    private boolean effectOnly;
    /** Every store made while planning, to put back: (field ordinal << 32 | object, old value) pairs. */
    private long[] undo;
    private int nUndo;
    private final Scratch scratch;
    private int depth;
    private int currentGroup;
    private Loc currentGroupLoc;
    private int currentGroupA = Memory.NIL;
    private int nextGroup = 1;

    private Planner(Memory m, Protection prot, int thread, Scratch scratch) {
        super(m, prot);
        this.thread = thread;
        this.scratch = scratch;
        this.plan = scratch.builder;
        this.undo = scratch.undo;
        plan.reset();
    }

    /**
     * What a planner needs while it plans and leaves behind (its columns, its undo log, the memory's hash), kept by a
     * machine for all its plans: a plan is then made without growing new arrays each time (the plan itself gets
     * copies of the right size). One plan at a time: a plan made while another is (none is) gets its own.
     */
    public static final class Scratch {
        private Plan.Builder builder = new Plan.Builder();
        private long[] undo = new long[64];
        /** Beyond this many steps or stores a builder is not kept (a munmap over 65,530 VMAs plans 1.3 million). */
        private static final int KEEP = 1 << 12;
        /**
         * The memory's hash and its threads' parts, room for every scenario's threads from the start: a second worker's
         * new machine would otherwise grow it in its first plan, in code that C2 compiled without the growth.
         */
        private long[] hash = new long[Scenario.MAX_THREADS + 1];
        private boolean busy;
    }

    /**
     * Plans {@code algorithm} for {@code thread}. The memory is left exactly as it was.
     *
     * @param algorithm returns the operation's result (kept in {@link Plan#result()})
     */
    public static Plan plan(Memory m, Protection prot, int thread, String label, ToLongFunction<Kx> algorithm) {
        return plan(null, m, prot, thread, label, algorithm);
    }

    /** {@link #plan(Memory, Protection, int, String, ToLongFunction)} with a machine's scratch (may be null). */
    public static Plan plan(Scratch scratch, Memory m, Protection prot, int thread, String label,
            ToLongFunction<Kx> algorithm) {
        Scratch sc = scratch == null || scratch.busy ? new Scratch() : scratch;
        sc.busy = true;
        try {
            return planWith(sc, m, prot, thread, label, algorithm);
        } finally {
            sc.busy = false;
        }
    }

    private static Plan planWith(Scratch sc, Memory m, Protection prot, int thread, String label,
            ToLongFunction<Kx> algorithm) {
        Planner p = new Planner(m, prot, thread, sc);
        if (sc.hash.length < m.threadCount() + 1) {
            sc.hash = new long[m.threadCount() + 1];
        }
        /* every word is put back at the end: the hash is too, instead of following each store there and back */
        boolean paused = m.hashState(sc.hash) && m.pauseHashing();
        Memory.Recorder saved = m.recorder();
        m.recorder(p);
        long result;
        try {
            result = algorithm.applyAsLong(p);
            if (p.plan.pendingStores() != 0) {
                throw new IllegalStateException(label + ": stores after the last step");
            }
        } finally {
            m.recorder(saved);
            if (p.snapshot != null) {
                m.restoreFrom(p.snapshot);
            }
            for (int i = p.nUndo - 2; i >= 0; i -= 2) {
                long key = p.undo[i];
                m.poke(Field.of((int) (key >>> 32)), (int) key, p.undo[i + 1]);
            }
            sc.undo = p.undo.length <= 2 * Scratch.KEEP ? p.undo : new long[64];
            if (sc.builder.capacity() > Scratch.KEEP) {
                sc.builder = new Plan.Builder();
            }
            if (paused) {
                m.resumeHashing(sc.hash);
            }
        }
        return p.plan.build(label, result);
    }

    @Override
    public void stored(Field f, int obj, long old, long value) {
        if (snapshot == null) {
            if (nUndo + 2 > undo.length) {
                if (undo.length >= UNDO_LIMIT && undo.length >= m.words() / 2) {
                    /* a copy of memory is now smaller than the undo log would grow to */
                    snapshot = m.copy();
                } else {
                    undo = Arrays.copyOf(undo, undo.length * 2);
                }
            }
            if (snapshot == null) {
                undo[nUndo++] = ((long) f.ordinal() << 32) | (obj & 0xffffffffL);
                undo[nUndo++] = old;
            }
        }
        if (effectOnly) {
            return;
        }
        plan.store(Plan.key(f, obj), value);
    }

    /** Undo entries (two longs each) beyond which a long plan copies memory instead. */
    private static final int UNDO_LIMIT = 1 << 16;
    /**
     * A copy of memory taken once the undo log grew long (a munmap over 65,530 VMAs stores 2.9 million words): put
     * back first, then the undo entries from before it.
     */
    private Memory snapshot;

    @Override
    public void step(Loc loc, Tag tag, int a, int b, long v) {
        boolean inGroup = depth > 0;
        plan.planned(loc, tag, a, b, v, inGroup ? currentGroup : 0, inGroup ? currentGroupLoc : null,
                inGroup ? currentGroupA : Memory.NIL);
    }

    @Override
    public void dyn(Dyn d) {
        if (plan.pendingStores() != 0) {
            throw new IllegalStateException("stores pending before a dynamic step");
        }
        plan.dyn(d);
        effectOnly = true;
        try {
            d.planEffect(this);
        } finally {
            effectOnly = false;
        }
    }

    @Override
    public void group(Loc title, int a) {
        if (depth++ == 0) {
            currentGroup = nextGroup++;
            currentGroupLoc = title;
            currentGroupA = a;
        }
    }

    @Override
    public void endGroup() {
        depth--;
    }

    @Override
    public int thread() {
        return thread;
    }

    @Override
    public void validateMmRb(int ignore) {
        plan.validateAfterLast(ignore);
    }
}
