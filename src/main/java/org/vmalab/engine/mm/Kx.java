package org.vmalab.engine.mm;

import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.RbTree;
import org.vmalab.engine.tree.Tag;

/**
 * Kernel execution context: what the ported kernel algorithms ({@link RbTree}, {@link MmOps}) run against.
 * The algorithms are written once, in the kernel's direct style; every single-word store goes to
 * {@link #m} and every atomic step ends with a call to {@link #step}. Two implementations:
 * <ul>
 *   <li>{@link FastKx}: steps are free, everything runs to completion at once (the shell, benchmarks,
 *       building an initial layout);</li>
 *   <li>{@link Planner}: the stores of each step are captured into a {@link Plan} and then rolled back,
 *       so the writer thread can replay them one step at a time while other threads interleave.</li>
 * </ul>
 * Steps whose effect depends on other threads (a lock that may spin, an {@code atomic_dec_and_test} whose
 * result depends on readers' references, the PTE zap) are handed to {@link #dyn}: executed now in fast mode,
 * recorded as a dynamic step in a plan.
 *
 * <p>Why plans are valid: a writer computes its plan after {@code down_write(mmap_sem)}. Everything its
 * algorithms read (tree links, colours, gaps, bounds, list) is written only by {@code mmap_sem} writers, so
 * nothing another thread does before the plan finishes can change what the writer would have computed.
 * The few words other threads do write (reference counts, PTEs, lock words) are only touched in dynamic
 * steps, which run at their own time.
 */
public abstract class Kx {
    public final Memory m;
    public final Protection prot;

    /** The protection's answers, computed once (they are asked on every lock and count site). */
    public final boolean lock;
    public final boolean refcount;
    public final boolean seqcount;
    public final boolean clearNode;
    public final boolean clearBeforeErase;
    public final boolean prePatch;
    private Tag caseTag = Tag.NONE;

    protected Kx(Memory m, Protection prot) {
        this.m = m;
        this.prot = prot;
        this.lock = prot.lock();
        this.refcount = prot.refcount();
        this.seqcount = prot.seqcount();
        this.clearNode = prot.clearNode();
        this.clearBeforeErase = prot.has(ProtectionToggle.CLEAR_BEFORE_ERASE);
        this.prePatch = prot.prePatch();
    }

    /**
     * Ends one atomic step: all stores since the previous step belong to it. {@code a} and {@code b} are
     * the VMA ids the step is about (NIL if none), {@code v} a value for the caption.
     */
    public abstract void step(Loc loc, Tag tag, int a, int b, long v);

    public final void step(Loc loc, int a) {
        step(loc, Tag.NONE, a, Memory.NIL, 0);
    }

    public final void step(Loc loc, int a, long v) {
        step(loc, Tag.NONE, a, Memory.NIL, v);
    }

    /** The rebalancing case in progress: the augment callbacks' steps carry it. */
    public final Tag caseTag() {
        return caseTag;
    }

    public final void caseTag(Tag t) {
        caseTag = t;
    }

    /** A step whose outcome depends on other threads. */
    public abstract void dyn(Dyn d);

    /** True when steps are captured (a plan), false when the algorithm runs straight through. */
    public abstract boolean planning();

    /** Opens a macro group (GRANULARITY=MACRO runs a group as one step); groups nest, the outermost counts. */
    public abstract void group(Loc title, int a);

    public abstract void endGroup();

    /** The thread running the algorithm (NIL in fast mode). */
    public abstract int thread();

    /** Checkpoint {@code validate_mm_rb(root, ignore)}: the checker verifies local gaps here. */
    public abstract void validateMmRb(int ignore);
}
