package org.vmalab.engine.check;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.FieldSet;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.memory.ViewOver;
import org.vmalab.engine.mm.Plan;
import org.vmalab.engine.sched.Exec;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.tree.Vm;

/**
 * The invariants of SEMANTICS section 5: checks that run with every store, after every step, at the
 * kernel's own checkpoints ({@code validate_mm_rb}) and at quiescent points. Pure functions of the state;
 * violations are attached to the step where they occur.
 */
public final class Checker {
    /** Above this many VMAs, ESSENTIAL skips the O(n) per-step checks. */
    static final int SMALL = 4096;
    private static final int MAX_PER_CHECK = 8;

    private final Machine machine;
    private final CheckLevel level;
    private final Protection prot;
    /** The per-step questions about the whole tree, answered from the stores since the last one. */
    private final TreeWatch watch = new TreeWatch();

    public Checker(Machine machine, CheckLevel level) {
        this.machine = machine;
        this.level = level;
        this.prot = machine.protection();
        /* the walks' arrays sized now, not at their first walk: a second worker's new machine would otherwise grow them
           in code that C2 compiled without the growth (a deoptimization, and the walk compiled again) */
        int cap = machine.memory().vmaCapacity();
        quiescentWalk.reserve(cap);
        watch.reserve(cap);
    }

    public CheckLevel level() {
        return level;
    }

    /** Is {@code inv} checked under this protection (lock rules need the lock, I-REF the count)? */
    public boolean enabled(Invariant inv) {
        if (level == CheckLevel.NONE) {
            return false;
        }
        return switch (inv) {
            case I_STORE, I_GET -> prot.lock();
            case I_REF -> prot.refcount();
            default -> true;
        };
    }

    /* What the checks read besides the step's own thread (Exec#reads). */
    private static final FieldSet TREE_LINKS = FieldSet.of(Field.RB_LEFT, Field.RB_RIGHT);
    private static final FieldSet LIST = FieldSet.of(Field.VM_NEXT);
    private static final FieldSet REFS = FieldSet.of(Field.T_REF0, Field.T_REF1, Field.T_REF2);

    private boolean small(Exec x) {
        if (level == CheckLevel.FULL) {
            return true;
        }
        x.reads(Field.NR_ALLOC, 0);
        return Vm.allocated(machine.memory()) <= SMALL;
    }

    /** {@link #reachable}'s reads: the root and every child pointer. */
    private static void readsTreeShape(Exec x) {
        x.reads(Field.ROOT, 0);
        x.readsEvery(TREE_LINKS);
    }

    // ================================================================ per store

    /** Every store to the machine's memory, in order (also those outside a step): keeps {@link TreeWatch} up. */
    public void observe(Field f, int obj, long old, long value) {
        if (level != CheckLevel.NONE) {
            watch.stored(f, obj, old, value);
        }
    }

    /** The memory was put back to a saved state without stores ({@code Machine.restore}). */
    public void restored() {
        watch.lost();
    }

    /** Full walks of the tree the per-step checks made so far (benches). */
    long treeWalks() {
        return watch.fullWalks;
    }

    public void onStore(Exec x, Field f, int obj, long old, long value) {
        if (level == CheckLevel.NONE) {
            return;
        }
        Memory m = x.m();
        switch (f) {
            case RB_LEFT, RB_RIGHT, RB_PC, ROOT -> {
                /* a node outside the tree (a fresh copy in __split_vma, an erased node) is not the tree's shape */
                if (f != Field.ROOT) {
                    x.reads(Field.LIFE, obj);
                }
                if (f != Field.RB_PC && value != NIL) {
                    x.reads(Field.LIFE, (int) value);
                }
                boolean inTree = f == Field.ROOT || Vm.has(m, obj, Life.IN_TREE);
                boolean child = f == Field.ROOT ? obj == Memory.CHILD_MM : Vm.has(m, obj, Life.CHILD);
                long sem = child ? Status.HOLD_CHILD_SEM : Status.HOLD_SEM_WRITE;
                long rb = child ? Status.HOLD_CHILD_RB : Status.HOLD_RB_WRITE;
                if (prot.lock() && inTree && !(x.holds(sem) && x.holds(rb))) {
                    x.violation(Invariant.I_STORE, f == Field.ROOT ? (int) value : obj, x.threadName()
                            + " changes the tree (" + (f == Field.ROOT ? "root" : m.name(obj) + "." + f.cName())
                            + ") without holding " + (x.holds(sem) ? "" : "mmap_sem for write and ")
                            + "mm_rb_lock for write" + (child ? " (the child's)" : ""));
                }
                if (f != Field.RB_PC && value != NIL && Vm.isFreed(m, (int) value)) {
                    x.violation(Invariant.I_REACH, (int) value, "the tree links the freed VMA " + m.name((int) value));
                }
            }
            case VM_PREV, VM_NEXT, MMAP -> {
                sem(x, f, obj);
                if (value != NIL) {
                    x.reads(Field.LIFE, (int) value);
                }
                if (value != NIL && Vm.isFreed(m, (int) value)) {
                    x.violation(Invariant.I_REACH, (int) value, "the VMA list links the freed VMA "
                            + m.name((int) value));
                }
            }
            case RB_GAP -> {
                /* stack growth updates gaps under mmap_sem read + page_table_lock (SEMANTICS 5.1) */
                if (!(x.holds(Status.HOLD_SEM_READ) && x.holds(Status.HOLD_PAGE_TABLE_LOCK))) {
                    sem(x, f, obj);
                }
            }
            case MAP_COUNT, HIGHEST_VM_END, VMACACHE_SEQNUM -> sem(x, f, obj);
            default -> {
            }
        }
    }

    private void sem(Exec x, Field f, int obj) {
        if (f.kind() == Field.Kind.VMA) {
            x.reads(Field.LIFE, obj);
        }
        boolean child = f.kind() == Field.Kind.VMA ? Vm.has(x.m(), obj, Life.CHILD) : obj == Memory.CHILD_MM;
        if (!x.holds(child ? Status.HOLD_CHILD_SEM : Status.HOLD_SEM_WRITE)) {
            x.violation(Invariant.I_STORE, f.kind() == Field.Kind.VMA ? obj : NIL, x.threadName() + " writes "
                    + f.cName() + " without holding mmap_sem for write");
        }
    }

    // ================================================================ per step

    public void afterStep(Exec x) {
        if (level == CheckLevel.NONE) {
            return;
        }
        x.checks |= StepRecord.CHECK_STEP;
        Memory m = x.m();
        Loc loc = x.loc;
        if (loc.kind() == Loc.Kind.SEQ) {
            boolean begin = loc.name().contains("BEGIN");
            x.reads(Field.SEQUENCE, x.a);
            long s = m.get(Field.SEQUENCE, x.a);
            if (begin == ((s & 1) == 0)) {
                x.violation(Invariant.I_SEQ, x.a, "vm_sequence of " + m.name(x.a) + " is " + s + " after "
                        + (begin ? "vm_write_begin (should be odd)" : "vm_write_end (should be even)"));
            }
        }
        if (x.validate != Plan.NO_VALIDATE && small(x)) {
            x.checks |= StepRecord.CHECK_VALIDATE;
            x.readsEverything(); /* validate_mm_rb walks the whole tree */
            /* the writer's own view: with RELAXED_STORES its buffered stores are part of what it reads */
            List<String> gaps = m.get(Field.T_SB_N, x.tid()) == 0 ? watch.localGaps(m.untracked(), x.validate)
                    : localGaps(StoreBuffer.ownView(m.untracked(), x.tid()), x.validate);
            for (String e : gaps) {
                x.violation(Invariant.L_GAP, NIL, "validate_mm_rb" + (x.validate == NIL ? ""
                        : " (ignoring " + m.name(x.validate) + ")") + ": " + e);
            }
        }
        if ((loc == Loc.RB_CLEAR_NODE || loc == Loc.RB_CLEAR_NODE_EARLY) && small(x) && visibleMark(x)
                && reachable(x, x.a)) {
            x.violation(Invariant.I_CLEAR, x.a, "RB_CLEAR_NODE(" + m.name(x.a) + ") while " + m.name(x.a)
                    + " is still linked in the tree: the marker overwrites the parent/colour word the erase needs");
        }
        if (loc == Loc.SB_FLUSH && x.flushed == Field.RB_PC && small(x) && visibleMark(x) && reachable(x, x.a)) {
            x.violation(Invariant.I_CLEAR, x.a, "RB_CLEAR_NODE(" + m.name(x.a) + ")'s marker became visible while "
                    + m.name(x.a) + " is still linked in the tree as the other CPUs see it: a store of the erase is "
                    + "still in the writer's store buffer, and a reader that sees the marker can still reach "
                    + m.name(x.a));
        }
        if (loc == Loc.SEM_UP_WRITE || loc == Loc.OP_ABORTED) {
            x.checks |= StepRecord.CHECK_QUIESCENT;
            x.readsEverything();
            x.violations.addAll(quiescent(machine.stepCount() + 1, x.tid()));
        }
    }

    /** Is {@code x.a} marked empty in memory (RB_EMPTY_NODE as the other threads see it)? */
    private static boolean visibleMark(Exec x) {
        x.reads(Field.RB_PC, x.a);
        return Vm.rbEmptyNode(x.m(), x.a);
    }

    /** I-REF, after an increment or a drop on {@code vma}. */
    public void checkRef(Exec x, int vma) {
        if (!enabled(Invariant.I_REF)) {
            return;
        }
        Memory m = x.m();
        x.reads(Field.LIFE, vma);
        if (Vm.isFreed(m, vma)) {
            return;
        }
        x.readsEvery(REFS);
        x.reads(Field.REF_COUNT, vma);
        long expected = Vm.has(m, vma, Life.OWNED) ? 1 : 0;
        for (int t = 0; t < m.threadCount(); t++) {
            for (Field f : Field.REF_SLOTS) {
                if (m.get(f, t) == vma) {
                    expected++;
                }
            }
        }
        long count = m.get(Field.REF_COUNT, vma);
        if (count != expected) {
            x.violation(Invariant.I_REF, vma, "vm_ref_count of " + m.name(vma) + " is " + count + " but "
                    + expected + " references exist (the mm's and the readers')");
        }
    }

    /** I-REACH at {@code __free_vma}. */
    public void onFree(Exec x, int vma) {
        if (level == CheckLevel.NONE || !small(x)) {
            return;
        }
        Memory m = x.m();
        x.reads(Field.MM_DEAD, 0);
        if (m.mm(Field.MM_DEAD) != 0) {
            return; /* exit_mmap frees the VMAs of a dead mm, whose tree nobody can walk any more */
        }
        x.reads(Field.MMAP, 0);
        x.readsEvery(LIST);
        if (reachable(x, vma)) {
            x.violation(Invariant.I_REACH, vma, m.name(vma) + " is freed while still reachable from the tree root: "
                    + "every later lookup can land on freed memory");
        } else if (inList(m, vma)) {
            x.violation(Invariant.I_REACH, vma, m.name(vma) + " is freed while still on the VMA list");
        }
    }

    // ================================================================ helpers

    private boolean reachable(Exec x, int target) {
        readsTreeShape(x);
        // the answer is the walk's, which reads only the links declared above; the watch's own bookkeeping is not
        // a read
        return watch.reachable(x.m().untracked(), target);
    }

    /**
     * Is {@code target} reachable from the root of {@code m} (cycle-safe)? The walk of {@link #reachable(StateView,
     * int)} in arrays this checker keeps: a lookup's check asks it at every walk, and a walk that allocates nothing
     * costs less there than keeping {@link TreeWatch} up to date across the explorer's restores.
     */
    public boolean reachableFromRoot(StateView m, int target) {
        return reach.reaches(m, target);
    }

    private final Reach reach = new Reach();

    /** Is {@code target} reachable from the root (cycle-safe)? */
    static boolean reachable(StateView m, int target) {
        return new Reach().reaches(m, target);
    }

    /** A walk from the root, in arrays kept from one walk to the next: the stack, and per VMA the walk that met it. */
    private static final class Reach {
        private int[] stack = new int[64];
        private int[] seenAt = new int[0];
        private int walkNo;

        boolean reaches(StateView m, int target) {
            int root = Vm.root(m);
            if (root == NIL) {
                return false;
            }
            if (seenAt.length < m.vmaCapacity()) {
                seenAt = Arrays.copyOf(seenAt, m.vmaCapacity());
            }
            if (++walkNo == 0) {
                Arrays.fill(seenAt, 0);
                walkNo = 1;
            }
            int sp = 0;
            stack[sp++] = root;
            while (sp > 0) {
                int v = stack[--sp];
                if (v == target) {
                    return true;
                }
                if (v >= seenAt.length) {
                    seenAt = Arrays.copyOf(seenAt, v + 1);
                }
                if (seenAt[v] == walkNo) {
                    continue;
                }
                seenAt[v] = walkNo;
                if (sp + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                int l = Vm.left(m, v);
                int r = Vm.right(m, v);
                if (l != NIL) {
                    stack[sp++] = l;
                }
                if (r != NIL) {
                    stack[sp++] = r;
                }
            }
            return false;
        }
    }

    static boolean inList(StateView m, int target) {
        int guard = 0;
        for (int v = (int) m.mm(Field.MMAP); v != NIL && guard++ <= m.vmaCapacity(); v = Vm.next(m, v)) {
            if (v == target) {
                return true;
            }
        }
        return false;
    }

    /** The local gap check of {@code validate_mm_rb(root, ignore)}. */
    static List<String> localGaps(StateView m, int ignore) {
        List<String> out = new ArrayList<>();
        for (int v : inorder(m, new ArrayList<>())) {
            if (v != ignore && Vm.gap(m, v) != Vm.subtreeGapCompute(m, v) && out.size() < MAX_PER_CHECK) {
                out.add(m.name(v) + ".rb_subtree_gap is " + Numbers.hex(Vm.gap(m, v))
                        + ", its children and own gap give " + Numbers.hex(Vm.subtreeGapCompute(m, v)));
            }
        }
        return out;
    }

    /** In-order node list from the root (see {@link #shape}); notes a cycle or a shared subtree in {@code problems}. */
    static int[] inorder(StateView m, List<String> problems) {
        Shape s = shape(m);
        if (s.cycleAt() != NIL) {
            problems.add("the tree has a cycle through " + m.name(s.cycleAt()));
        }
        return s.inorder();
    }

    /**
     * What a walk from the root finds. {@code inorder} lists the nodes in in-order as a walker meets them: a subtree
     * reached from two parents appears once per parent; a cycle ends the list. {@code cycleAt} is the first node
     * met again below itself (NIL if none: every walk terminates); {@code shared} holds, per node reached twice
     * without a cycle, {node, first parent, second parent} (a DAG: a walk still terminates).
     */
    record Shape(int[] inorder, int cycleAt, List<int[]> shared) {
    }

    /** A growing list of ints (node ids in walk order): a million of them without a million boxes. */
    private static final class Ints {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int get(int i) {
            return a[i];
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** Depth-first walk from the root, cycle-safe and bounded (a shared subtree is walked again, up to a limit). */
    static Shape shape(StateView m) {
        Walk w = new Walk();
        int cycleAt = w.run(m);
        return new Shape(Arrays.copyOf(w.inorder, w.size), cycleAt, w.shared);
    }

    /**
     * {@link #shape}'s walk in arrays kept from one walk to the next (the tree watch walks again after every restore of
     * the explorer): the nodes in in-order in {@code inorder[0, size)}, the shared subtrees in {@code shared}, and per
     * node the number of the walk that met it ({@code seenAt}) or has it on its path ({@code onPathAt}), so that a walk
     * clears nothing it does not touch.
     */
    static final class Walk {
        int[] inorder = new int[16];
        int size;
        /** Empty (and shared by every walk) until a walk meets a shared subtree: then this walk's own. */
        List<int[]> shared = List.of();
        private int[] node = new int[64];
        private int[] phase = new int[64];
        private int[] firstParent = new int[0];
        private int[] seenAt = new int[0];
        private int[] onPathAt = new int[0];
        private int walkNo;

        /** Room for a walk of a tree of {@code cap} VMA slots. */
        void reserve(int cap) {
            if (seenAt.length < cap) {
                seenAt = Arrays.copyOf(seenAt, cap);
                onPathAt = Arrays.copyOf(onPathAt, cap);
                firstParent = Arrays.copyOf(firstParent, cap);
            }
            if (inorder.length < cap) {
                inorder = Arrays.copyOf(inorder, cap);
            }
        }

        /** Walks the tree of {@code m}: {@link Shape#cycleAt} is returned, the rest is left in this walk's fields. */
        int run(StateView m) {
            size = 0;
            shared = List.of();
            int root = Vm.root(m);
            if (root == NIL) {
                return NIL;
            }
            int cap = m.vmaCapacity();
            if (seenAt.length < cap) {
                reserve(cap);
            }
            if (++walkNo == 0) {
                Arrays.fill(seenAt, 0);
                Arrays.fill(onPathAt, 0);
                walkNo = 1;
            }
            int no = walkNo;
            /* explicit frames: node and phase (0: go left, 1: emit and go right, 2: leave) */
            int sp = 0;
            int budget = 4 * cap + 16;
            node[sp] = root;
            phase[sp++] = 0;
            onPath(root, no);
            seen(root, no);
            firstParent[root] = NIL;
            while (sp > 0) {
                int v = node[sp - 1];
                int ph = phase[sp - 1]++;
                int child;
                if (ph == 0) {
                    child = Vm.left(m, v);
                } else if (ph == 1) {
                    add(v);
                    if (size > budget) {
                        /* shared subtrees walked again and again: whether a cycle lies further on, a walk that
                           expands each node once tells */
                        return cycleBelow(m, root, cap);
                    }
                    child = Vm.right(m, v);
                } else {
                    onPathAt[v] = 0;
                    sp--;
                    continue;
                }
                if (child == NIL) {
                    continue;
                }
                if (child < onPathAt.length && onPathAt[child] == no) {
                    return child;
                }
                if (child < seenAt.length && seenAt[child] == no) {
                    if (shared.isEmpty()) {
                        shared = new ArrayList<>();
                    }
                    if (shared.size() < MAX_PER_CHECK) {
                        shared.add(new int[] {child, firstParent[child], v});
                    }
                } else {
                    seen(child, no);
                    firstParent[child] = v;
                }
                if (sp == node.length) {
                    node = Arrays.copyOf(node, sp * 2);
                    phase = Arrays.copyOf(phase, sp * 2);
                }
                node[sp] = child;
                phase[sp++] = 0;
                onPath(child, no);
            }
            return NIL;
        }

        private void add(int v) {
            if (size == inorder.length) {
                inorder = Arrays.copyOf(inorder, size * 2);
            }
            inorder[size++] = v;
        }

        private void seen(int v, int no) {
            room(v);
            seenAt[v] = no;
        }

        private void onPath(int v, int no) {
            room(v);
            onPathAt[v] = no;
        }

        /** A node beyond the capacity (a corrupted pointer): the arrays grow to hold it, as the walk's sets did. */
        private void room(int v) {
            if (v >= seenAt.length) {
                seenAt = Arrays.copyOf(seenAt, v + 1);
                onPathAt = Arrays.copyOf(onPathAt, v + 1);
                firstParent = Arrays.copyOf(firstParent, v + 1);
            }
        }
    }

    /** The first node a depth-first walk from {@code root} meets again below itself, each node expanded once. */
    private static int cycleBelow(StateView m, int root, int cap) {
        byte[] state = new byte[cap]; /* 0: not met, 1: on the path, 2: its subtree is done */
        int[] node = new int[cap + 1];
        int[] phase = new int[cap + 1];
        int sp = 0;
        node[sp] = root;
        phase[sp++] = 0;
        state[root] = 1;
        while (sp > 0) {
            int v = node[sp - 1];
            int ph = phase[sp - 1]++;
            if (ph == 2) {
                state[v] = 2;
                sp--;
                continue;
            }
            int child = ph == 0 ? Vm.left(m, v) : Vm.right(m, v);
            if (child == NIL || state[child] == 2) {
                continue;
            }
            if (state[child] == 1) {
                return child;
            }
            state[child] = 1;
            node[sp] = child;
            phase[sp++] = 0;
        }
        return NIL;
    }

    // ================================================================ quiescent points

    /** Every quiescent invariant (5.2) on the current state. */
    public List<Violation> quiescent(int step) {
        return quiescent(step, NIL);
    }

    public List<Violation> quiescent(int step, int thread) {
        List<Violation> out = new ArrayList<>();
        if (level == CheckLevel.NONE) {
            return out;
        }
        Memory m = machine.memory();
        for (Problem p : quiescentProblems(m, prot, quiescentWalk)) {
            out.add(new Violation(p.invariant(), step, thread, p.vma(), p.message()));
        }
        return out;
    }

    /** One broken quiescent invariant. */
    public record Problem(Invariant invariant, int vma, String message) {
    }

    /** The quiescent checks as a pure function (the shell and the tests use it too). */
    public static List<Problem> quiescentProblems(StateView m, Protection prot) {
        return quiescentProblems(m, prot, new Walk());
    }

    /** The walk's arrays of this checker's quiescent checks, kept from one check to the next. */
    private final Walk quiescentWalk = new Walk();

    /** {@link #quiescentProblems(StateView, Protection)}, walking the trees in {@code walk}'s arrays. */
    static List<Problem> quiescentProblems(StateView m, Protection prot, Walk walk) {
        if (m.mm(Field.MM_DEAD) != 0) {
            /* exit_mmap tore the mm down: no tree to check, and every page must be gone */
            List<Problem> out = new ArrayList<>();
            for (int i = 0; i < m.pteSlots(); i++) {
                long a = m.pteAddr(i);
                if (a != 0 && out.size() < MAX_PER_CHECK) {
                    out.add(new Problem(Invariant.Q_PTE, NIL, "a PTE at " + Numbers.hex(a)
                            + " is left after exit_mmap"));
                }
            }
            return out;
        }
        List<Problem> out = treeProblems(m, prot, walk);
        StateView child = childView(m);
        if (child.mm(Field.MMAP) != NIL || child.mm(Field.ROOT) != NIL) {
            for (Problem p : treeProblems(child, prot, walk)) {
                out.add(new Problem(p.invariant(), p.vma(), "in the child's mm (fork): " + p.message()));
            }
        }
        return out;
    }

    /**
     * The child's mm that fork created, as a view: its mm words are the {@link Memory#CHILD_MM} object; it has no
     * page of its own in the model (copy_page_range is not modelled), so its PTE slots read empty.
     */
    public static StateView childView(StateView m) {
        return new ViewOver(m) {
            @Override
            public long get(Field f, int obj) {
                return f == Field.PTE_ADDR ? 0 : base.get(f, obj);
            }

            @Override
            public long mm(Field f) {
                return base.get(f, Memory.CHILD_MM);
            }
        };
    }

    /** The quiescent checks of one mm's tree, list and counters (the process's, or the child's through a view). */
    static List<Problem> treeProblems(StateView m, Protection prot, Walk walk) {
        List<Problem> out = new ArrayList<>();
        int cycleAt = walk.run(m);
        Shape shape = new Shape(Arrays.copyOf(walk.inorder, walk.size), cycleAt, walk.shared);
        int[] in = shape.inorder();
        boolean cycle = shape.cycleAt() != NIL;
        if (cycle) {
            out.add(new Problem(Invariant.I_TERM, shape.cycleAt(), "the tree has a cycle through "
                    + m.name(shape.cycleAt()) + ": a walk from the root never ends"));
        }
        int root = Vm.root(m);
        int[] count = new int[Invariant.values().length];
        for (int[] sh : shape.shared()) {
            add(out, count, Invariant.Q_RB, sh[0], "shared subtree: " + m.name(sh[0]) + " is a child of both "
                    + m.name(sh[1]) + " and " + m.name(sh[2]) + " (the tree is no longer a tree, but every walk "
                    + "still ends)");
        }
        if (root != NIL && Vm.parent(m, root) != NIL) {
            add(out, count, Invariant.Q_RB, root, "the root " + m.name(root) + " has a parent pointer");
        }
        if (root != NIL && Vm.color(m, root) != Const.BLACK) {
            add(out, count, Invariant.Q_RB, root, "the root " + m.name(root) + " is red");
        }
        /* one walk of the tree for the red-black rules and the gaps (a million VMAs: each walk costs), one pass over
           the in-order nodes for their order, their ranges and their cleanliness; each kind's problems are reported
           where and as its own walk or pass reported them */
        List<Problem> gaps = new ArrayList<>(0);
        if (!cycle) {
            rbAndGaps(m, root, NIL, out, gaps, count, new int[1]);
        }
        List<Problem> empty = new ArrayList<>(0);
        List<Problem> clean = new ArrayList<>(0);
        int[] apart = new int[Invariant.values().length];
        /* each pair of neighbours, then each node: two loops, as the node after the last is not read (a read of it
           under a test in the loop gave C2 a profile predicate over the whole trip count, which failed) */
        for (int i = 0; i + 1 < in.length; i++) {
            int v = in[i];
            int b = in[i + 1];
            long start = Vm.start(m, v);
            long end = Vm.end(m, v);
            long bs = Vm.start(m, b);
            if (!Vm.ult(start, bs) || Vm.ugt(end, bs)) {
                add(out, count, Invariant.Q_BST, b, m.name(v) + " [" + Numbers.hex(start) + ", "
                        + Numbers.hex(end) + ") and " + m.name(b) + " [" + Numbers.hex(bs) + ", "
                        + Numbers.hex(Vm.end(m, b)) + ") are out of order or overlap");
            }
        }
        for (int i = 0; i < in.length; i++) {
            int v = in[i];
            long start = Vm.start(m, v);
            long end = Vm.end(m, v);
            if (!Vm.ult(start, end)) {
                add(empty, apart, Invariant.Q_BST, v, m.name(v) + " is empty or reversed");
            }
            cleanProblems(m, prot, v, clean, count);
        }
        for (Problem p : empty) {
            /* after every pair, within the same bound */
            add(out, count, Invariant.Q_BST, p.vma(), p.message());
        }
        Ints list = new Ints();
        int guard = 0;
        for (int v = (int) m.mm(Field.MMAP); v != NIL; v = Vm.next(m, v)) {
            if (guard++ > m.vmaCapacity()) {
                add(out, count, Invariant.Q_LIST, v, "the VMA list has a cycle");
                break;
            }
            list.add(v);
            int n = Vm.next(m, v);
            if (n != NIL && Vm.prev(m, n) != v) {
                add(out, count, Invariant.Q_LIST, n, m.name(n) + ".vm_prev is " + m.name(Vm.prev(m, n)) + ", not "
                        + m.name(v));
            }
        }
        if (list.size() > 0 && Vm.prev(m, list.get(0)) != NIL) {
            add(out, count, Invariant.Q_LIST, list.get(0), "the first VMA " + m.name(list.get(0))
                    + " has a vm_prev");
        }
        int[] listed = list.toArray();
        if (!Arrays.equals(listed, in)) {
            add(out, count, Invariant.Q_LIST, NIL, "list and tree disagree: list " + names(m, listed) + ", tree "
                    + names(m, in));
        }
        if (m.mm(Field.MAP_COUNT) != list.size()) {
            add(out, count, Invariant.Q_COUNT, NIL, "map_count is " + m.mm(Field.MAP_COUNT) + " but the list has "
                    + list.size() + " VMAs");
        }
        long hi = listed.length == 0 ? 0 : Vm.vmEndGap(m, listed[listed.length - 1]);
        if (m.mm(Field.HIGHEST_VM_END) != hi) {
            add(out, count, Invariant.Q_HIGH, NIL, "highest_vm_end is " + Numbers.hex(m.mm(Field.HIGHEST_VM_END))
                    + ", should be " + Numbers.hex(hi));
        }
        out.addAll(gaps);
        out.addAll(clean);
        for (int i = 0; i < m.pteSlots(); i++) {
            long a = m.pteAddr(i);
            if (a == 0) {
                continue;
            }
            boolean inside = false;
            for (int v : listed) {
                if (Vm.contains(m, v, a)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                add(out, count, Invariant.Q_PTE, NIL, "a PTE at " + Numbers.hex(a)
                        + " is left in an unmapped range (no VMA contains it)");
            }
        }
        return out;
    }

    /** A node in the tree at a quiescent point: not freed, not cleared, referenced, its sequence even. */
    private static void cleanProblems(StateView m, Protection prot, int v, List<Problem> out, int[] count) {
        if (Vm.isFreed(m, v)) {
            add(out, count, Invariant.Q_CLEAN, v, m.name(v) + " is in the tree but freed");
        } else if (Vm.rbEmptyNode(m, v)) {
            add(out, count, Invariant.Q_CLEAN, v, m.name(v) + " is in the tree but marked RB_CLEAR_NODE");
        }
        if (prot.refcount() && m.get(Field.REF_COUNT, v) < 1) {
            add(out, count, Invariant.Q_CLEAN, v, m.name(v) + " is in the tree with vm_ref_count "
                    + m.get(Field.REF_COUNT, v));
        }
        if ((m.get(Field.SEQUENCE, v) & 1) != 0) {
            add(out, count, Invariant.Q_CLEAN, v, m.name(v) + " has an odd vm_sequence at a quiescent point");
        }
    }

    private static void add(List<Problem> out, int[] count, Invariant inv, int vma, String msg) {
        if (count[inv.ordinal()]++ < MAX_PER_CHECK) {
            out.add(new Problem(inv, vma, msg));
        }
    }

    private static String names(StateView m, int[] vs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < vs.length && i < 12; i++) {
            b.append(i > 0 ? " " : "").append(m.name(vs[i]));
        }
        return b.append(vs.length > 12 ? " ...]" : "]").toString();
    }

    /**
     * One walk of the subtree of {@code v} for the red-black rules (parent pointers, red-red, equal black heights:
     * into {@code rb}) and the augmented gaps (a stored {@code rb_subtree_gap} that is not the largest own gap below:
     * into {@code gaps}), each reported in the order of a walk of its own. Returns the largest own gap of the subtree;
     * its black height goes to {@code height[0]}.
     */
    private static long rbAndGaps(StateView m, int v, int parent, List<Problem> rb, List<Problem> gaps, int[] count,
                                  int[] height) {
        if (v == NIL) {
            height[0] = 1;
            return 0;
        }
        if (Vm.parent(m, v) != parent) {
            add(rb, count, Invariant.Q_RB, v, "the parent pointer of " + m.name(v) + " is "
                    + m.name(Vm.parent(m, v)) + ", should be " + m.name(parent));
        }
        if (parent != NIL && Vm.isRed(m, v) && Vm.isRed(m, parent)) {
            add(rb, count, Invariant.Q_RB, v, "red-red: " + m.name(parent) + " and its child " + m.name(v)
                    + " are both red");
        }
        long max = Vm.ownGap(m, v);
        long l = rbAndGaps(m, Vm.left(m, v), v, rb, gaps, count, height);
        int lh = height[0];
        long r = rbAndGaps(m, Vm.right(m, v), v, rb, gaps, count, height);
        int rh = height[0];
        if (lh != rh) {
            add(rb, count, Invariant.Q_RB, v, "black heights differ under " + m.name(v) + " (" + lh + " left, " + rh
                    + " right)");
        }
        if (Vm.ugt(l, max)) {
            max = l;
        }
        if (Vm.ugt(r, max)) {
            max = r;
        }
        if (Vm.gap(m, v) != max) {
            add(gaps, count, Invariant.Q_GAP, v, m.name(v) + ".rb_subtree_gap is " + Numbers.hex(Vm.gap(m, v))
                    + ", the largest gap in its subtree is " + Numbers.hex(max));
        }
        height[0] = Math.max(lh, rh) + (Vm.color(m, v) == Const.BLACK ? 1 : 0);
        return max;
    }
}
