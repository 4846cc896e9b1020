package org.vmalab.engine.mm;

import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.WritableState;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.RbTree;
import org.vmalab.engine.tree.Tag;

/**
 * Kernel execution context: what the ported kernel algorithms ({@link RbTree}, {@link MmOps}) run against.
 * The algorithms are written once, in the kernel's direct style: they read and store the words of memory
 * through the context ({@link #get}, {@link #set}: a context is the memory the kernel code sees) and end every
 * atomic step with a call to {@link #step}. Two implementations:
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
public abstract class Kx implements WritableState, Stepper {
    /** The memory the algorithms run against (the implementations in this package use it directly). */
    final Memory m;
    final Protection prot;

    /** The protection's answers, computed once (they are asked on every lock and count site). */
    final boolean lock;
    public final boolean refcount;
    final boolean seqcount;
    final boolean clearNode;
    final boolean clearBeforeErase;
    final boolean prePatch;
    private Tag caseTag = Tag.NONE;
    private int mmObj;

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

    // ---------------------------------------------------------------- the words

    @Override
    public final long get(Field f, int obj) {
        return m.get(f, obj);
    }

    @Override
    public final long mm(Field f) {
        return m.get(f, mmObj);
    }

    @Override
    public final long vmStart(int v) {
        return m.vmStart(v);
    }

    @Override
    public final long vmEnd(int v) {
        return m.vmEnd(v);
    }

    @Override
    public final int rbLeft(int v) {
        return m.rbLeft(v);
    }

    @Override
    public final int rbRight(int v) {
        return m.rbRight(v);
    }

    @Override
    public final long rbParentColor(int v) {
        return m.rbParentColor(v);
    }

    @Override
    public final long rbSubtreeGap(int v) {
        return m.rbSubtreeGap(v);
    }

    @Override
    public final int vmPrev(int v) {
        return m.vmPrev(v);
    }

    @Override
    public final long vmFlags(int v) {
        return m.vmFlags(v);
    }

    @Override
    public final void set(Field f, int obj, long value) {
        m.set(f, obj, value);
    }

    @Override
    public final void setVmStart(int v, long value) {
        m.setVmStart(v, value);
    }

    @Override
    public final void setVmEnd(int v, long value) {
        m.setVmEnd(v, value);
    }

    @Override
    public final void setRbLeft(int v, int child) {
        m.setRbLeft(v, child);
    }

    @Override
    public final void setRbRight(int v, int child) {
        m.setRbRight(v, child);
    }

    @Override
    public final void setRbParentColor(int v, long pc) {
        m.setRbParentColor(v, pc);
    }

    @Override
    public final void setRbSubtreeGap(int v, long gap) {
        m.setRbSubtreeGap(v, gap);
    }

    @Override
    public final void setVmPrev(int v, int prev) {
        m.setVmPrev(v, prev);
    }

    @Override
    public final void setVmFlags(int v, long flags) {
        m.setVmFlags(v, flags);
    }

    @Override
    public final void setMm(Field f, long value) {
        m.set(f, mmObj, value);
    }

    /**
     * The mm the algorithms' mm words ({@link #mm}, {@link #setMm}, the tree's root) refer to: 0, the process's,
     * or {@link Memory#CHILD_MM} while fork's dup_mmap links copies into the child's tree. Returns the previous one.
     */
    final int useMm(int obj) {
        int old = mmObj;
        mmObj = obj;
        return old;
    }

    /** True while the algorithms work on the child's mm (see {@link #useMm}). */
    final boolean inChild() {
        return mmObj == Memory.CHILD_MM;
    }

    @Override
    public final int vmaCapacity() {
        return m.vmaCapacity();
    }

    @Override
    public final int threadCount() {
        return m.threadCount();
    }

    @Override
    public final int pteSlots() {
        return m.pteSlots();
    }

    @Override
    public final String name(int vma) {
        return m.name(vma);
    }

    /** Gives {@code vma} the name {@code name} (one store of {@link Field#NAME}). */
    public final void setName(int vma, String name) {
        m.set(Field.NAME, vma, m.internAt(vma, name));
    }

    // ---------------------------------------------------------------- the VMA cache (kmem_cache)

    /**
     * {@code kmem_cache_alloc(vm_area_cachep)}: a VMA slot never used before; the caller fills it (the slot's
     * words are at their zero values). Counted in {@link Field#NR_ALLOC}.
     */
    public final int allocSlot() {
        int id = (int) m.mm(Field.NR_ALLOC);
        m.ensureVma(id);
        m.setMm(Field.NR_ALLOC, id + 1);
        return id;
    }

    /**
     * A slot freed earlier, zeroed again, that this context lets {@code kmem_cache_zalloc} hand out once more, or
     * {@link Memory#NIL}. Only a context that runs without a trace reuses slots ({@link FastKx}); a trace never
     * does, so that a use-after-free stays visible.
     */
    int reusedSlot() {
        return Memory.NIL;
    }

    /** {@code kmem_cache_free(vm_area_cachep, vma)}: a context that reuses slots remembers it. */
    public void freed(int vma) {
    }

    // ---------------------------------------------------------------- steps

    /**
     * Ends one atomic step: all stores since the previous step belong to it. {@code a} and {@code b} are
     * the VMA ids the step is about (NIL if none), {@code v} a value for the caption.
     */
    @Override
    public abstract void step(Loc loc, Tag tag, int a, int b, long v);

    final void step(Loc loc, int a) {
        step(loc, Tag.NONE, a, Memory.NIL, 0);
    }

    final void step(Loc loc, int a, long v) {
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
    abstract void dyn(Dyn d);

    /** Opens a macro group (GRANULARITY=MACRO runs a group as one step); groups nest, the outermost counts. */
    public abstract void group(Loc title, int a);

    public abstract void endGroup();

    /** The thread running the algorithm (NIL in fast mode). */
    abstract int thread();

    /** Checkpoint {@code validate_mm_rb(root, ignore)}: the checker verifies local gaps here. */
    abstract void validateMmRb(int ignore);
}
