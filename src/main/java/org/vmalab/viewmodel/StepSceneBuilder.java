package org.vmalab.viewmodel;

import static org.vmalab.engine.trace.VmaView.NIL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmalab.engine.Const;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Change;
import org.vmalab.engine.trace.Change.MmChange;
import org.vmalab.engine.trace.Change.TaskChange;
import org.vmalab.engine.trace.Change.TaskField;
import org.vmalab.engine.trace.Change.VmaChange;
import org.vmalab.engine.trace.Change.VmaField;
import org.vmalab.engine.trace.LockView;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.MmView;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.TaskView;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.trace.VmaColumns;
import org.vmalab.engine.trace.VmaView;
import org.vmalab.viewmodel.StepScene.CursorView;
import org.vmalab.viewmodel.StepScene.EdgeKind;
import org.vmalab.viewmodel.StepScene.EdgeView;
import org.vmalab.viewmodel.StepScene.GhostEdge;
import org.vmalab.viewmodel.StepScene.NodeView;
import org.vmalab.viewmodel.StepScene.ParentArrow;
import org.vmalab.viewmodel.StepScene.Pin;
import org.vmalab.viewmodel.StepScene.Pte;
import org.vmalab.viewmodel.StepScene.Ref;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;
import org.vmalab.viewmodel.StepScene.StepInfo;
import org.vmalab.viewmodel.StepScene.ThreadView;
import org.vmalab.viewmodel.StepScene.Window;

/**
 * Builds the {@link StepScene} of one cursor index from the trace: the state after the step (read through the
 * cursor's typed views) and the step's own stores ({@link Change}s: what changed). Reads only; never touches
 * engine state.
 */
public final class StepSceneBuilder {
    /** How far back a lane looks for its thread's last step. */
    private static final int LAST_STEP_LOOKBACK = 4000;

    private StepSceneBuilder() {
    }

    /**
     * Scenes of trees of more VMAs than this (the kernel's default {@code max_map_count}: an import of more) keep their
     * nodes, edges and strip segments in columns ({@link SceneColumns}), not an object each.
     */
    static final int COLUMNS_ABOVE = Const.MAX_MAP_COUNT;

    /**
     * The VMAs at one index by id, read once per scene into columns ({@link TraceCursor#vmaColumns()}: a million
     * views of 25 fields each were what a large import's scene allocated and a collection copied): what the scene
     * needs of each allocated VMA of the process's mm; anything else (a fork's copy, a slot not allocated) is read
     * from the cursor when asked.
     */
    private static final class Vmas {
        private final TraceCursor c;
        private final VmaColumns cols;
        /** The listed VMAs' ids, ascending. */
        final int[] ids;

        Vmas(TraceCursor c) {
            this.c = c;
            this.cols = c.vmaColumns();
            this.ids = cols.ids();
        }

        int cap() {
            return cols.slots();
        }

        boolean valid(int v) {
            return v >= 0 && v < cols.slots();
        }

        /** Is {@code v} one of the process's allocated VMAs (a node of the scene)? */
        boolean allocated(int v) {
            return cols.listed(v);
        }

        /** The view of {@code v} (0 &lt;= v &lt; cap), allocated or not, read anew. */
        VmaView get(int v) {
            return c.vma(v);
        }

        int left(int v) {
            return allocated(v) ? cols.left(v) : c.vma(v).left();
        }

        int right(int v) {
            return allocated(v) ? cols.right(v) : c.vma(v).right();
        }

        int next(int v) {
            return allocated(v) ? cols.next(v) : c.vma(v).next();
        }

        long start(int v) {
            return allocated(v) ? cols.start(v) : c.vma(v).start();
        }

        long end(int v) {
            return allocated(v) ? cols.end(v) : c.vma(v).end();
        }

        String name(int v) {
            return allocated(v) ? cols.name(v) : c.vma(v).name();
        }

        boolean freed(int v) {
            return allocated(v) ? cols.freed(v) : c.vma(v).freed();
        }
    }

    /** The scene at the cursor's index. */
    public static StepScene build(Trace trace, TraceCursor c, Narration narration) {
        return build(trace, c, narration, null);
    }

    /**
     * The scene at the cursor's index, sharing with {@code base} (a scene built before, usually of the index next to
     * this one; or null) every node, edge and strip segment that is equal in both, and its lists when they are equal
     * as a whole. The scene is the same value as without a base; on a large tree a step changes a few nodes, so the
     * new scene allocates little and the garbage collector has little to copy (its pauses stay short). A tree of more
     * than {@link #COLUMNS_ABOVE} VMAs gets columns instead (the same value again) and shares nothing.
     */
    public static StepScene build(Trace trace, TraceCursor c, Narration narration, StepScene base) {
        return build(trace, c, narration, base, c.vmaSlots() > COLUMNS_ABOVE);
    }

    /** As {@link #build(Trace, TraceCursor, Narration, StepScene)}, with columns or lists of records as asked. */
    static StepScene build(Trace trace, TraceCursor c, Narration narration, StepScene base, boolean columns) {
        int index = c.index();
        StepRecord s = c.step();
        String[] tnames = trace.threadNames();
        Changes ch = changes(c.changes());
        Vmas vm = new Vmas(c);
        VmaColumns vc = vm.cols;
        int[] allocated = vm.ids;
        List<TaskView> tasks = c.tasks();
        MmView mmv = c.mm();
        if (columns) {
            base = null;
        }

        // --- which nodes exist, and the tree walk from the root
        int cap = vm.cap();
        int[] depth = new int[cap];
        Arrays.fill(depth, Integer.MIN_VALUE);
        BitSet reachable = new BitSet(cap);
        List<EdgeView> baseEdges = base == null ? List.of() : base.edges();
        EdgeOut edges = columns ? new EdgeSink(allocated.length) : new SharedEdges(baseEdges, allocated.length);
        int root = mmv.root();
        int maxDepth = -1;
        if (root >= 0 && root < cap) {
            // each node enters the queue once (reachable is set as it enters)
            int[] q = new int[cap];
            int head = 0;
            int tail = 0;
            q[tail++] = root;
            depth[root] = 0;
            reachable.set(root);
            while (head < tail) {
                int v = q[head++];
                maxDepth = Math.max(maxDepth, depth[v]);
                for (int side = 0; side < 2; side++) {
                    int k = side == 0 ? vm.left(v) : vm.right(v);
                    if (!vm.valid(k)) {
                        continue;
                    }
                    boolean changed = ch.childStored(v, side == 0);
                    if (reachable.get(k)) {
                        edges.edge(v, k, side == 0, EdgeKind.CYCLE, changed);
                        continue;
                    }
                    reachable.set(k);
                    depth[k] = depth[v] + 1;
                    edges.edge(v, k, side == 0, EdgeKind.TREE, changed);
                    q[tail++] = k;
                }
            }
        }
        // in-tree nodes a walk cannot reach (mid-rotation): place them under their parent pointer
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int v : allocated) {
                if (depth[v] != Integer.MIN_VALUE || !vc.inTree(v) || vc.freed(v)
                        || vc.cleared(v)) {
                    continue;
                }
                int p = vc.parent(v);
                if (p >= 0 && p < cap && p != v && depth[p] != Integer.MIN_VALUE) {
                    depth[v] = depth[p] + 1;
                    maxDepth = Math.max(maxDepth, depth[v]);
                    progress = true;
                }
            }
        }
        BitSet cursorOn = new BitSet(cap);
        for (TaskView t : tasks) {
            if (vm.valid(t.node())) {
                cursorOn.set(t.node());
            }
        }
        for (int v : allocated) {
            if (reachable.get(v)) {
                continue;
            }
            boolean inTreeRow = depth[v] != Integer.MIN_VALUE;
            boolean interesting = inTreeRow || cursorOn.get(v) || ch.touched(v);
            if (!interesting) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int k = side == 0 ? vc.left(v) : vc.right(v);
                if (k == v || !vm.allocated(k)) {
                    continue;
                }
                edges.edge(v, k, side == 0, inTreeRow ? EdgeKind.UNREACHABLE : EdgeKind.STALE,
                        ch.childStored(v, side == 0));
            }
        }

        // --- who still reaches each node (for freed nodes)
        String[] usedBy = new String[cap];
        for (TaskView t : tasks) {
            String who = tname(tnames, t.index());
            for (int r : t.refs()) {
                if (vm.valid(r)) {
                    usedBy[r] = join(usedBy[r], who + " holds a reference");
                }
            }
            if (vm.valid(t.node())) {
                usedBy[t.node()] = join(usedBy[t.node()], who + "'s walk stands on it");
            }
            if (t.vmacacheValid()) {
                // a valid vmacache would hand the VMA out; a stale one is flushed before use
                for (int r : t.vmacache()) {
                    if (vm.valid(r)) {
                        usedBy[r] = join(usedBy[r], "in " + who + "'s valid vmacache");
                    }
                }
            }
        }

        // --- nodes in address order
        int[] order = addressOrder(allocated, vc);
        BitSet violating = new BitSet();
        if (s != null) {
            for (Violation v : s.violations()) {
                if (v.vma() >= 0) {
                    violating.set(v.vma());
                }
            }
        }
        int subject = s == null ? NIL : subjectA(s);
        int other = s == null ? NIL : subjectB(s);
        NodeOut nodes = columns ? new NodeSink(order.length) : new SharedNodes(base, cap, order.length);
        int rank = 0;
        for (int v : order) {
            boolean freed = vc.freed(v);
            NodeState state;
            if (freed) {
                state = NodeState.FREED;
            } else if (vc.cleared(v)) {
                state = NodeState.CLEARED;
            } else if (reachable.get(v)) {
                state = NodeState.LINKED;
            } else if (vc.inTree(v)) {
                state = NodeState.UNREACHABLE;
            } else {
                state = NodeState.OFF_TREE;
            }
            String used = usedBy[v] == null ? "" : usedBy[v];
            if (reachable.get(v)) {
                used = join(usedBy[v], SceneColumns.REACHABLE);
            }
            if (freed && v == subject && s != null && s.loc() != Loc.FREE_VMA) {
                used = join(used, tname(tnames, s.thread()) + " uses it in this step");
            }
            boolean inUse = freed && !used.isEmpty();
            // most nodes of a large tree: nothing happened to them in this step, they share one empty set
            boolean plain = !(ch.touched(v) || v == subject || v == other || violating.get(v)
                    || ch.rootChanged && v == root);
            EnumSet<Mark> marks = plain ? null : ch.marks(v);
            if (v == subject) {
                marks.add(Mark.SUBJECT);
            }
            if (v == other) {
                marks.add(Mark.OTHER);
            }
            if (s != null && v == subject && s.loc() == Loc.AUG_PROPAGATE) {
                marks.add(Mark.PROPAGATE);
            }
            if (s != null && v == subject && s.loc() == Loc.AUG_PROPAGATE_STOP) {
                marks.add(Mark.PROPAGATE_STOP);
            }
            if (ch.rootChanged && v == root) {
                marks.add(Mark.NEW_ROOT);
            }
            if (violating.get(v)) {
                marks.add(Mark.VIOLATION);
            }
            long gap = vc.subtreeGap(v);
            long ref = vc.refCount(v);
            boolean stale = !freed && depth[v] != Integer.MIN_VALUE && gap != vc.computedGap(v);
            int row = depth[v] == Integer.MIN_VALUE ? NodeView.OFF_ROW : depth[v];
            nodes.node(v, vc.name(v), vc.start(v), vc.end(v), vc.black(v), state, inUse,
                    inUse ? used : (freed ? "" : used), freed ? 0 : vc.ownGap(v), gap, stale,
                    plain ? gap : ch.oldGap(v, gap), ref, plain ? ref : ch.oldRef(v, ref), vc.sequence(v),
                    vc.growsDown(v), vc.fileBacked(v), row, rank++, vc.parent(v), vc.left(v), vc.right(v),
                    plain ? NO_MARKS : Collections.unmodifiableSet(marks));
        }

        // --- cursors
        List<CursorView> cursors = new ArrayList<>();
        for (TaskView t : tasks) {
            int n = t.node();
            if (vm.valid(n)) {
                cursors.add(new CursorView(t.index(), tname(tnames, t.index()), n, vm.freed(n),
                        ch.cursorMoved(t.index())));
            }
        }

        Scenario sc = trace.scenario();
        List<ThreadView> threads = threads(trace, c, s, ch, tasks, vm);
        StepScene.Locks locks = locks(c, sc, ch, tnames);
        List<NodeView> nodeList = nodes.list();
        StepScene.Strip strip = strip(trace, s, nodeList, ch, vm, tasks, mmv, c.ptes(),
                base == null ? null : base.strip(), columns);
        StepScene.Checks checks = checks(trace, index, s);
        StepScene.Mm mm = new StepScene.Mm(mmv.mapCount(), mmv.highestVmEnd(), mmv.vmacacheSeqnum(), mmv.mmUsers());
        StepInfo info = s == null ? null : new StepInfo(s.index(), s.thread(), tname(tnames, s.thread()), s.loc(),
                s.tag(), s.loc().function(), s.waiting(), subject, other, s.violations());
        String caption = s == null ? initialCaption(trace) : trace.caption(index);
        String where = s == null ? "" : Kernel.where(s.loc());
        String narr = narration == null ? "" : safe(() -> narration.textAt(trace, index));
        return new StepScene(index, trace.size(), info, caption, where, narr, nodeList, root,
                ch.rootChanged, maxDepth, edges.list(), ch.ghosts(cap), ch.parentArrows(cap),
                List.copyOf(cursors), threads, locks, strip, checks, mm, loaded(trace, index, tasks, vm, tnames));
    }

    /** Where the builder puts a scene's nodes, from their components: records, or a large tree's columns. */
    private interface NodeOut {
        /** The node of these components ({@link NodeView}'s, in its order). */
        void node(int id, String name, long start, long end, boolean black, NodeState state, boolean inUse,
                  String usedBy, long ownGap, long subtreeGap, boolean gapStale, long oldGap, long refCount,
                  long oldRefCount, long sequence, boolean growsDown, boolean fileBacked, int row, int rank,
                  int parent, int left, int right, Set<Mark> marks);

        List<NodeView> list();
    }

    /** Where the builder puts a scene's edges, from their components ({@link EdgeView}'s). */
    private interface EdgeOut {
        void edge(int parent, int child, boolean left, EdgeKind kind, boolean changed);

        List<EdgeView> list();
    }

    /** Where the builder puts a scene's strip segments, from their components ({@link Segment}'s). */
    private interface SegmentOut {
        void segment(SegmentKind kind, long start, long end, int vma, String name, NodeState state, boolean touched);

        List<Segment> list();
    }

    /**
     * A list being built that shares with the same list of a base scene: an element equal to the base's element at
     * the same position is the base's own object, and when every element is, the list is the base's list.
     */
    private static class Shared<T> {
        private final List<T> base;
        private final List<T> out;
        private boolean same = true;

        Shared(List<T> base, int expected) {
            this.base = base;
            this.out = new ArrayList<>(Math.max(16, expected));
        }

        final void add(T x) {
            int i = out.size();
            T b = i < base.size() ? base.get(i) : null;
            if (b != null && (b == x || b.equals(x))) {
                out.add(b);
            } else {
                same = false;
                out.add(x);
            }
        }

        public final List<T> list() {
            return same && out.size() == base.size() ? base : Collections.unmodifiableList(out);
        }
    }

    /** Nodes as records, each the base scene's own when equal to the base's node of the same id. */
    private static final class SharedNodes extends Shared<NodeView> implements NodeOut {
        private final NodeView[] baseById;

        SharedNodes(StepScene base, int cap, int expected) {
            super(base == null ? List.of() : base.nodes(), expected);
            baseById = new NodeView[base == null ? 0 : cap];
            if (base != null) {
                for (NodeView n : base.nodes()) {
                    if (n.id() >= 0 && n.id() < cap) {
                        baseById[n.id()] = n;
                    }
                }
            }
        }

        @Override
        public void node(int id, String name, long start, long end, boolean black, NodeState state, boolean inUse,
                         String usedBy, long ownGap, long subtreeGap, boolean gapStale, long oldGap, long refCount,
                         long oldRefCount, long sequence, boolean growsDown, boolean fileBacked, int row, int rank,
                         int parent, int left, int right, Set<Mark> marks) {
            NodeView nv = new NodeView(id, name, start, end, black, state, inUse, usedBy, ownGap, subtreeGap,
                    gapStale, oldGap, refCount, oldRefCount, sequence, growsDown, fileBacked, row, rank, parent, left,
                    right, marks);
            NodeView was = id < baseById.length ? baseById[id] : null;
            add(was != null && was.equals(nv) ? was : nv);
        }
    }

    private static final class SharedEdges extends Shared<EdgeView> implements EdgeOut {
        SharedEdges(List<EdgeView> base, int expected) {
            super(base, expected);
        }

        @Override
        public void edge(int parent, int child, boolean left, EdgeKind kind, boolean changed) {
            add(new EdgeView(parent, child, left, kind, changed));
        }
    }

    private static final class SharedSegments extends Shared<Segment> implements SegmentOut {
        SharedSegments(List<Segment> base, int expected) {
            super(base, expected);
        }

        @Override
        public void segment(SegmentKind kind, long start, long end, int vma, String name, NodeState state,
                            boolean touched) {
            add(new Segment(kind, start, end, vma, name, state, touched));
        }
    }

    /** A large tree's nodes into columns, without a record each. */
    private record NodeSink(SceneColumns.Nodes cols) implements NodeOut {
        NodeSink(int capacity) {
            this(new SceneColumns.Nodes(capacity));
        }

        @Override
        public void node(int id, String name, long start, long end, boolean black, NodeState state, boolean inUse,
                         String usedBy, long ownGap, long subtreeGap, boolean gapStale, long oldGap, long refCount,
                         long oldRefCount, long sequence, boolean growsDown, boolean fileBacked, int row, int rank,
                         int parent, int left, int right, Set<Mark> marks) {
            cols.append(id, name, start, end, black, state, inUse, usedBy, ownGap, subtreeGap, gapStale, oldGap,
                    refCount, oldRefCount, sequence, growsDown, fileBacked, row, rank, parent, left, right, marks);
        }

        @Override
        public List<NodeView> list() {
            return cols.seal();
        }
    }

    /** A large tree's edges into columns. */
    private record EdgeSink(SceneColumns.Edges cols) implements EdgeOut {
        EdgeSink(int capacity) {
            this(new SceneColumns.Edges(capacity));
        }

        @Override
        public void edge(int parent, int child, boolean left, EdgeKind kind, boolean changed) {
            cols.append(parent, child, left, kind, changed);
        }

        @Override
        public List<EdgeView> list() {
            return cols;
        }
    }

    /** A large tree's strip segments into columns. */
    private record SegmentSink(SceneColumns.Segments cols) implements SegmentOut {
        SegmentSink(int capacity) {
            this(new SceneColumns.Segments(capacity));
        }

        @Override
        public void segment(SegmentKind kind, long start, long end, int vma, String name, NodeState state,
                            boolean touched) {
            cols.append(kind, start, end, vma, name, state, touched);
        }

        @Override
        public List<Segment> list() {
            return cols;
        }
    }

    static final Set<Mark> NO_MARKS = Collections.unmodifiableSet(EnumSet.noneOf(Mark.class));

    /**
     * The VMAs {@code ids} sorted by {@code vm_start} (unsigned; {@code start} by id), ties by id. Page-aligned user
     * addresses and ids below 2^20 pack into one long and sort as primitives (65,530 VMAs: a few ms instead of tens).
     */
    static int[] addressOrder(int[] ids, VmaColumns vc) {
        // ids ascending (the cursor lists them so): already in address order when the starts ascend too, as an
        // import's do (its VMAs were linked in the order of the file)
        boolean sorted = true;
        for (int i = 0; i + 1 < ids.length && sorted; i++) {
            sorted = Long.compareUnsigned(vc.start(ids[i]), vc.start(ids[i + 1])) <= 0 && ids[i] < ids[i + 1];
        }
        if (sorted) {
            return ids.clone();
        }
        long[] keys = new long[ids.length];
        boolean packable = true;
        for (int i = 0; i < keys.length; i++) {
            int v = ids[i];
            long st = vc.start(v);
            if ((st & 0xfff) != 0 || (st >>> 12) >= (1L << 43) || v < 0 || v >= (1 << 20)) {
                packable = false;
                break;
            }
            keys[i] = ((st >>> 12) << 20) | v;
        }
        int[] out = new int[ids.length];
        if (packable) {
            Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
                out[i] = (int) (keys[i] & ((1 << 20) - 1));
            }
            return out;
        }
        Integer[] boxed = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        Arrays.sort(boxed, (x, y) -> {
            int k = Long.compareUnsigned(vc.start(x), vc.start(y));
            return k != 0 ? k : Integer.compare(x, y);
        });
        for (int i = 0; i < ids.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            String v = s.get();
            return v == null ? "" : v;
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String initialCaption(Trace t) {
        StringBuilder b = new StringBuilder("Initial state: ");
        b.append(t.scenario().layout().size()).append(" VMAs in the tree; ");
        List<ThreadSpec> ts = t.scenario().threads();
        for (int i = 0; i < ts.size(); i++) {
            ThreadSpec th = ts.get(i);
            b.append(i > 0 ? ", " : "").append(th.name()).append(" (").append(th.role().label()).append(")");
        }
        b.append(ts.isEmpty() ? "no threads." : " ready to run.");
        return b.toString();
    }

    /** {a} of the step's caption, when it names a VMA. */
    static int subjectA(StepRecord s) {
        return s.loc().template().contains("{a}") ? s.a() : NIL;
    }

    static int subjectB(StepRecord s) {
        return s.loc().template().contains("{b}") ? s.b() : NIL;
    }

    private static String tname(String[] names, int t) {
        return t >= 0 && t < names.length ? names[t] : "T" + (t + 1);
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    // ================================================================ threads

    private static List<ThreadView> threads(Trace trace, TraceCursor c, StepRecord s, Changes ch,
                                            List<TaskView> tasks, Vmas vm) {
        List<ThreadView> out = new ArrayList<>();
        List<ThreadSpec> specs = trace.scenario().threads();
        for (int t = 0; t < tasks.size() && t < specs.size(); t++) {
            ThreadSpec spec = specs.get(t);
            TaskView task = tasks.get(t);
            TaskView.Status status = task.status();
            boolean ran = s != null && s.thread() == t;
            String state = status == TaskView.Status.RUNNABLE ? (ran ? "running" : "runnable") : status.label();
            List<String> program = new ArrayList<>();
            for (Op op : spec.program()) {
                program.add(op.text());
            }
            List<Ref> refs = new ArrayList<>();
            for (int r : task.refs()) {
                refs.add(new Ref(r, c.name(r), vm.valid(r) && vm.freed(r)));
            }
            List<String> vc = new ArrayList<>();
            List<Integer> vcIds = new ArrayList<>();
            for (int r : task.vmacache()) {
                vc.add(r != NIL ? c.name(r) : "—");
                vcIds.add(r != NIL && vm.valid(r) ? r : -1);
            }
            List<String> holds = new ArrayList<>();
            for (TaskView.LockMode m : task.holds()) {
                holds.add(m.label());
            }
            out.add(new ThreadView(t, task.name(), spec.role().label(), status, state, task.waitReason(), ran,
                    status.runnable(), List.copyOf(program), task.opIndex(), task.started(), List.copyOf(refs),
                    List.copyOf(holds), task.loc(), lastStep(trace, c.index(), t), List.copyOf(vc),
                    task.vmacacheValid(), ch.threadChanged(t), List.copyOf(vcIds), task.pendingStores()));
        }
        return List.copyOf(out);
    }

    private static String lastStep(Trace trace, int index, int t) {
        int i = lastStepOf(trace, index, t);
        return i < 0 ? "" : "step " + i + ": " + trace.caption(i);
    }

    /** The index of thread {@code t}'s last step at or before {@code index} (within the lookback), or -1. */
    private static int lastStepOf(Trace trace, int index, int t) {
        for (int i = index; i >= 1 && i > index - LAST_STEP_LOOKBACK; i--) {
            if (trace.step(i).thread() == t) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The pointers the tree's walkers hold: a thread whose last step loaded the root ({@code mm_rb.rb_node}) or a
     * child pointer ({@code rb_left}, {@code rb_right} of the node it visited) has that pointer and nothing else
     * until its next step visits it.
     */
    static List<StepScene.Loaded> loaded(Trace trace, int index, List<TaskView> tasks, Vmas vm, String[] names) {
        List<StepScene.Loaded> out = new ArrayList<>();
        for (TaskView task : tasks) {
            if (task.status() == TaskView.Status.DONE || task.loc() == null || task.loc().kind() != Loc.Kind.VISIT) {
                continue;
            }
            int i = lastStepOf(trace, index, task.index());
            if (i < 0) {
                continue;
            }
            StepRecord r = trace.step(i);
            int node;
            int from;
            String via;
            switch (r.loc()) {
                case FIND_VMA_ROOT, GET_VMA_ROOT -> {
                    node = r.a();
                    from = -1;
                    via = "mm_rb.rb_node";
                }
                case FIND_VMA_LEFT, FIND_VMA_RIGHT, GET_VMA_LEFT, GET_VMA_RIGHT -> {
                    node = r.b();
                    from = r.a();
                    boolean left = r.loc() == Loc.FIND_VMA_LEFT || r.loc() == Loc.GET_VMA_LEFT;
                    via = (vm.valid(from) ? vm.name(from) : "?") + (left ? ".rb_left" : ".rb_right");
                }
                default -> {
                    continue;
                }
            }
            if (vm.valid(node)) {
                out.add(new StepScene.Loaded(task.index(), tname(names, task.index()), node, vm.valid(from) ? from : -1,
                        vm.freed(node), via));
            }
        }
        return List.copyOf(out);
    }

    // ================================================================ locks

    private static StepScene.Locks locks(TraceCursor c, Scenario sc, Changes ch, String[] names) {
        LockView sem = c.mmapSem();
        LockView rb = c.mmRbLock();
        String semState = sem.writeHeld() ? "write-held" : sem.readerCount() > 0 ? "read-held by "
                + sem.readerCount() : "free";
        String rbState = !rb.inUse() ? "not taken (" + sc.protection().label() + ")"
                : rb.writeHeld() ? "write-held" : rb.readerCount() > 0 ? "read-held by " + rb.readerCount() : "free";
        RwlockPolicy p = rb.policy();
        String policyText = p == RwlockPolicy.QUEUED
                ? "queued (qrwlock, x86): a waiting writer makes new readers queue"
                : "reader-preferring (powerpc v4.15): a writer spins while any reader is inside";
        int ptl = c.mm().ptlOwner();
        return new StepScene.Locks(semState, who(names, sem.writer()), threadNames(sem.readers(), names),
                queue(sem, names), ch.semChanged, rb.inUse(), rbState, who(names, rb.writer()),
                threadNames(rb.readers(), names), who(names, rb.waitingWriter()), queue(rb, names),
                p == RwlockPolicy.QUEUED ? "QUEUED" : "READER_PREF", policyText, ch.rbChanged, who(names, ptl));
    }

    private static String who(String[] names, int t) {
        return t == NIL ? "" : tname(names, t);
    }

    private static List<String> threadNames(List<Integer> threads, String[] names) {
        List<String> out = new ArrayList<>(threads.size());
        for (int t : threads) {
            out.add(tname(names, t));
        }
        return List.copyOf(out);
    }

    private static List<String> queue(LockView l, String[] names) {
        List<String> out = new ArrayList<>();
        for (LockView.Waiter w : l.queue()) {
            out.add(tname(names, w.thread()) + (w.write() ? " (write)" : " (read)"));
        }
        return List.copyOf(out);
    }

    // ================================================================ strip

    private static StepScene.Strip strip(Trace trace, StepRecord s, List<NodeView> nodes, Changes ch, Vmas vm,
                                         List<TaskView> tasks, MmView mmv, List<Long> installed,
                                         StepScene.Strip base, boolean columns) {
        int cap = vm.cap();
        // a VMA's state, by id (its node's): the columns' index by id says where, the records are indexed here
        SceneColumns.Nodes cols = nodes instanceof SceneColumns.Nodes c ? c : null;
        NodeState[] stateById = cols != null ? null : new NodeState[cap];
        if (cols == null) {
            for (NodeView n : nodes) {
                if (n.id() >= 0 && n.id() < cap) {
                    stateById[n.id()] = n.state();
                }
            }
        }
        SegmentOut segs = columns ? new SegmentSink(2 * nodes.size() + 1)
                : new SharedSegments(base == null ? List.of() : base.segments(), 2 * nodes.size() + 1);
        BitSet onList = new BitSet(cap);
        long prevEnd = 0;
        int guard = 0;
        for (int v = mmv.mmap(); vm.valid(v) && guard++ <= cap; v = vm.next(v)) {
            if (onList.get(v)) {
                break;
            }
            onList.set(v);
            long st = vm.start(v);
            long en = vm.end(v);
            String name = vm.name(v);
            if (Long.compareUnsigned(st, prevEnd) > 0) {
                segs.segment(SegmentKind.GAP, prevEnd, st, v, name, null, false);
            }
            int at = cols != null ? cols.positionOf(v) : -1;
            NodeState state = cols == null ? stateById[v] : at >= 0 ? cols.state(at) : null;
            segs.segment(SegmentKind.VMA, st, en, v, name, state == null ? NodeState.OFF_TREE : state,
                    ch.touched(v));
            if (Long.compareUnsigned(en, prevEnd) > 0) {
                prevEnd = en;
            }
        }
        long high = mmv.highestVmEnd();
        long task = Const.TASK_SIZE;
        if (Long.compareUnsigned(prevEnd, task) < 0) {
            segs.segment(SegmentKind.TOP_GAP, prevEnd, task, NIL, "", null, false);
        }
        List<Segment> ghosts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (cols != null && onList.get(cols.id(i))) {
                continue;
            }
            NodeView n = nodes.get(i);
            if (!onList.get(n.id())) {
                ghosts.add(new Segment(SegmentKind.VMA, n.start(), n.end(), n.id(), n.name(), n.state(),
                        n.has(Mark.STORED) || n.has(Mark.SUBJECT)));
            }
        }
        // the search window of a thread in the middle of an mmap or a search
        Window window = null;
        List<ThreadSpec> specs = trace.scenario().threads();
        List<Pin> pins = new ArrayList<>();
        String[] names = trace.threadNames();
        for (int t = 0; t < tasks.size() && t < specs.size(); t++) {
            TaskView tv = tasks.get(t);
            int opi = tv.opIndex();
            List<Op> prog = specs.get(t).program();
            if (tv.status() == TaskView.Status.DONE || opi < 0 || opi >= prog.size()) {
                continue;
            }
            Op op = prog.get(opi);
            boolean started = tv.started();
            if (op instanceof Op.Search se && started) {
                window = new Window(se.low(), se.high(), tname(names, t) + " searches " + Fmt.size(se.len())
                        + (se.topDown() ? " top-down" : " bottom-up"));
            } else if (op instanceof Op.Mmap mm && started) {
                if (mm.fixed()) {
                    window = new Window(mm.addr(), mm.addr() + mm.len(), tname(names, t) + " MAP_FIXED");
                } else if (mm.bottomUp()) {
                    window = new Window(Const.TASK_UNMAPPED_BASE, Const.TASK_SIZE, tname(names, t) + " mmap "
                            + Fmt.size(mm.len()) + " bottom-up");
                } else {
                    window = new Window(Const.MMAP_MIN_ADDR, mmv.mmapBase(), tname(names, t) + " mmap "
                            + Fmt.size(mm.len()) + " top-down");
                }
            }
            long addr = targetAddress(op);
            if (addr != -1L) {
                pins.add(new Pin(t, tname(names, t), addr, op.text()));
            }
        }
        Window hole = null;
        Window checking = null;
        if (s != null) {
            int a = s.a();
            switch (s.loc()) {
                case UA_TD_FOUND, UA_BU_FOUND -> hole = gapBefore(vm, a, "chosen hole");
                case UA_TD_CHECK, UA_BU_CHECK -> checking = gapBefore(vm, a, "too small");
                case UA_TD_HIGHEST_OK, UA_BU_HIGHEST_OK -> hole = new Window(high, Const.TASK_SIZE,
                        "chosen: above highest_vm_end");
                case MMAP_ALLOC -> {
                    if (vm.valid(a)) {
                        VmaView x = vm.get(a);
                        hole = new Window(x.start(), x.end(), "new VMA " + x.name());
                    }
                }
                case GUA_HINT_OK -> hole = new Window(s.v(), s.v(), "hint accepted");
                default -> {
                }
            }
        }
        List<Pte> ptes = new ArrayList<>();
        List<Segment> segments = segs.list();
        for (long addr : installed) {
            boolean inside = false;
            for (int i = 0; i < segments.size(); i++) {
                if (SceneColumns.kind(segments, i) == SegmentKind.VMA
                        && Long.compareUnsigned(SceneColumns.start(segments, i), addr) <= 0
                        && Long.compareUnsigned(addr, SceneColumns.end(segments, i)) < 0) {
                    inside = true;
                    break;
                }
            }
            ptes.add(new Pte(addr, !inside));
        }
        return new StepScene.Strip(segments, List.copyOf(ghosts), high, mmv.mmapBase(), task, window, hole,
                checking, List.copyOf(pins), List.copyOf(ptes));
    }

    /** The address a lookup or a fault is about, or -1. */
    static long targetAddress(Op op) {
        if (op instanceof Op.Spf f) {
            return f.addr();
        }
        if (op instanceof Op.Fault f) {
            return f.addr();
        }
        if (op instanceof Op.GetVma g) {
            return g.addr();
        }
        if (op instanceof Op.FindVma f) {
            return f.addr();
        }
        return -1L;
    }

    private static Window gapBefore(Vmas vm, int a, String label) {
        if (!vm.valid(a)) {
            return null;
        }
        VmaView x = vm.get(a);
        int p = x.prev();
        long lo = vm.valid(p) ? vm.get(p).endGap() : 0;
        return new Window(lo, x.startGap(), label);
    }

    // ================================================================ checker

    private static StepScene.Checks checks(Trace trace, int index, StepRecord s) {
        List<Violation> soFar = new ArrayList<>();
        for (Violation v : trace.violations()) {
            if (v.step() <= index) {
                soFar.add(v);
            }
        }
        boolean quiescent = s != null && (s.loc() == Loc.SEM_UP_WRITE || s.loc() == Loc.OP_ABORTED);
        Outcome o = trace.outcome();
        return new StepScene.Checks(s == null ? trace.initialViolations() : s.violations(), quiescent,
                List.copyOf(soFar), trace.violations().size(), trace.firstViolationStep(), o.name(),
                trace.outcomeMessage());
    }

    // ================================================================ what the step stored

    static Changes changes(List<Change> stores) {
        Changes ch = new Changes();
        for (Change c : stores) {
            ch.add(c);
        }
        return ch;
    }

    /** The stores of one step, sorted by what they mean for the view. */
    static final class Changes {
        private final Map<Integer, EnumSet<Mark>> marks = new HashMap<>();
        private final Map<Integer, Long> oldGaps = new HashMap<>();
        private final Map<Integer, Long> oldRefs = new HashMap<>();
        private final List<VmaChange> childStores = new ArrayList<>();
        private final List<VmaChange> parentMoves = new ArrayList<>();
        private final BitSet touched = new BitSet();
        private final BitSet cursorMoved = new BitSet();
        private final BitSet threadChanged = new BitSet();
        boolean rootChanged;
        boolean semChanged;
        boolean rbChanged;

        void add(Change c) {
            if (c instanceof VmaChange v) {
                vma(v);
            } else if (c instanceof MmChange m) {
                if (m.field() == Change.MmField.ROOT) {
                    rootChanged = true;
                } else if (m.field().lock() == LockView.Lock.MMAP_SEM) {
                    semChanged = true;
                } else if (m.field().lock() == LockView.Lock.MM_RB_LOCK) {
                    rbChanged = true;
                }
            } else if (c instanceof TaskChange t) {
                if (t.field() == TaskField.NODE) {
                    cursorMoved.set(t.thread());
                }
                if (t.field() != TaskField.LOC && t.field() != TaskField.OP && t.field() != TaskField.SPINS) {
                    threadChanged.set(t.thread());
                }
            }
        }

        private void vma(VmaChange c) {
            int o = c.vma();
            EnumSet<Mark> m = marks.computeIfAbsent(o, k -> EnumSet.noneOf(Mark.class));
            if (o >= 0) {
                touched.set(o);
            }
            if (c.field() != VmaField.NAME) {
                m.add(Mark.STORED);
            }
            switch (c.field()) {
                case SUBTREE_GAP -> {
                    if (c.oldValue() != c.newValue()) {
                        m.add(Mark.GAP_CHANGED);
                    }
                    oldGaps.putIfAbsent(o, c.oldValue());
                }
                case PARENT_COLOR -> {
                    if (c.colorFlipped()) {
                        m.add(Mark.COLOR_FLIPPED);
                    }
                    if (c.parentMoved()) {
                        m.add(Mark.PARENT_CHANGED);
                        parentMoves.add(c);
                    }
                }
                case LEFT, RIGHT -> {
                    m.add(Mark.CHILD_CHANGED);
                    childStores.add(c);
                }
                case REF_COUNT -> {
                    m.add(Mark.REF_CHANGED);
                    oldRefs.putIfAbsent(o, c.oldValue());
                }
                case SEQUENCE -> m.add(Mark.SEQ_CHANGED);
                case START, END -> m.add(Mark.RANGE_CHANGED);
                case PREV, NEXT -> m.add(Mark.LIST_CHANGED);
                case LIFE -> m.add(Mark.LIFE_CHANGED);
                default -> {
                }
            }
        }

        EnumSet<Mark> marks(int v) {
            EnumSet<Mark> m = marks.get(v);
            return m == null ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(m);
        }

        boolean touched(int v) {
            return v >= 0 ? touched.get(v) : marks.containsKey(v);
        }

        long oldGap(int v, long now) {
            Long g = oldGaps.get(v);
            return g == null ? now : g;
        }

        long oldRef(int v, long now) {
            Long g = oldRefs.get(v);
            return g == null ? now : g;
        }

        boolean childStored(int v, boolean left) {
            for (VmaChange c : childStores) {
                if (c.vma() == v && (c.field() == VmaField.LEFT) == left) {
                    return true;
                }
            }
            return false;
        }

        boolean cursorMoved(int t) {
            return cursorMoved.get(t);
        }

        boolean threadChanged(int t) {
            return threadChanged.get(t);
        }

        List<GhostEdge> ghosts(int cap) {
            List<GhostEdge> out = new ArrayList<>();
            for (VmaChange c : childStores) {
                long old = c.oldValue();
                if (old >= 0 && old < cap && c.oldValue() != c.newValue()) {
                    out.add(new GhostEdge(c.vma(), (int) old, c.field() == VmaField.LEFT));
                }
            }
            return List.copyOf(out);
        }

        List<ParentArrow> parentArrows(int cap) {
            List<ParentArrow> out = new ArrayList<>();
            for (VmaChange c : parentMoves) {
                int to = c.newParent();
                if (to >= 0 && to < cap && to != c.vma()) {
                    out.add(new ParentArrow(c.vma(), c.oldParent(), to));
                }
            }
            return List.copyOf(out);
        }
    }
}
