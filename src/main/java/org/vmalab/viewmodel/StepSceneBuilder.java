package org.vmalab.viewmodel;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.Const;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.sched.WaitQueue;
import org.vmalab.engine.sched.Waits;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.tree.Vm;
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
 * cursor) and the step's own stores (what changed). Reads only; never touches engine state.
 */
public final class StepSceneBuilder {
    /** How far back a lane looks for its thread's last step. */
    private static final int LAST_STEP_LOOKBACK = 4000;

    private StepSceneBuilder() {
    }

    /** The scene at the cursor's index. */
    public static StepScene build(Trace trace, TraceCursor c, Narration narration) {
        int index = c.index();
        StepRecord s = index == 0 ? null : trace.step(index);
        String[] tnames = trace.threadNames();
        Changes ch = changes(trace, s);

        // --- which nodes exist, and the tree walk from the root
        int cap = Math.min(trace.vmaCount(), c.vmaCapacity());
        List<Integer> shown = new ArrayList<>();
        for (int v = 0; v < cap; v++) {
            if ((c.get(Field.LIFE, v) & Life.ALLOCATED) != 0) {
                shown.add(v);
            }
        }
        int[] depth = new int[cap];
        Arrays.fill(depth, Integer.MIN_VALUE);
        BitSet reachable = new BitSet(cap);
        List<EdgeView> edges = new ArrayList<>();
        int root = Vm.root(c);
        int maxDepth = -1;
        if (root >= 0 && root < cap) {
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(root);
            depth[root] = 0;
            reachable.set(root);
            while (!q.isEmpty()) {
                int v = q.poll();
                maxDepth = Math.max(maxDepth, depth[v]);
                for (int side = 0; side < 2; side++) {
                    int k = side == 0 ? Vm.left(c, v) : Vm.right(c, v);
                    if (k == NIL || k < 0 || k >= cap) {
                        continue;
                    }
                    boolean changed = ch.childStored(v, side == 0);
                    if (reachable.get(k)) {
                        edges.add(new EdgeView(v, k, side == 0, EdgeKind.CYCLE, changed));
                        continue;
                    }
                    reachable.set(k);
                    depth[k] = depth[v] + 1;
                    edges.add(new EdgeView(v, k, side == 0, EdgeKind.TREE, changed));
                    q.add(k);
                }
            }
        }
        // in-tree nodes a walk cannot reach (mid-rotation): place them under their parent pointer
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int v : shown) {
                if (depth[v] != Integer.MIN_VALUE || !Vm.has(c, v, Life.IN_TREE) || Vm.isFreed(c, v)
                        || Vm.rbEmptyNode(c, v)) {
                    continue;
                }
                int p = Vm.parent(c, v);
                if (p >= 0 && p < cap && p != v && depth[p] != Integer.MIN_VALUE) {
                    depth[v] = depth[p] + 1;
                    maxDepth = Math.max(maxDepth, depth[v]);
                    progress = true;
                }
            }
        }
        BitSet cursorOn = new BitSet(cap);
        for (int t = 0; t < c.threadCount(); t++) {
            int n = (int) c.get(Field.T_NODE, t);
            if (n >= 0 && n < cap) {
                cursorOn.set(n);
            }
        }
        for (int v : shown) {
            if (reachable.get(v)) {
                continue;
            }
            boolean inTreeRow = depth[v] != Integer.MIN_VALUE;
            boolean interesting = inTreeRow || cursorOn.get(v) || ch.touched(v);
            if (!interesting) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int k = side == 0 ? Vm.left(c, v) : Vm.right(c, v);
                if (k == NIL || k < 0 || k >= cap || k == v || (c.get(Field.LIFE, k) & Life.ALLOCATED) == 0) {
                    continue;
                }
                edges.add(new EdgeView(v, k, side == 0, inTreeRow ? EdgeKind.UNREACHABLE : EdgeKind.STALE,
                        ch.childStored(v, side == 0)));
            }
        }

        // --- who still reaches each node (for freed nodes)
        String[] usedBy = new String[cap];
        for (int t = 0; t < c.threadCount(); t++) {
            for (Field f : Field.REF_SLOTS) {
                int r = (int) c.get(f, t);
                if (r >= 0 && r < cap) {
                    usedBy[r] = join(usedBy[r], tname(tnames, t) + " holds a reference");
                }
            }
            int n = (int) c.get(Field.T_NODE, t);
            if (n >= 0 && n < cap) {
                usedBy[n] = join(usedBy[n], tname(tnames, t) + "'s walk stands on it");
            }
            if (c.get(Field.T_VC_SEQ, t) == c.mm(Field.VMACACHE_SEQNUM)) {
                // a valid vmacache would hand the VMA out; a stale one is flushed before use
                for (Field f : Field.VC_SLOTS) {
                    int r = (int) c.get(f, t);
                    if (r >= 0 && r < cap) {
                        usedBy[r] = join(usedBy[r], "in " + tname(tnames, t) + "'s valid vmacache");
                    }
                }
            }
        }

        // --- nodes in address order
        List<Integer> order = addressOrder(c, shown);
        Set<Integer> violating = new java.util.HashSet<>();
        if (s != null) {
            for (Violation v : s.violations()) {
                if (v.vma() != NIL) {
                    violating.add(v.vma());
                }
            }
        }
        int subject = s == null ? NIL : subjectA(s);
        int other = s == null ? NIL : subjectB(s);
        List<NodeView> nodes = new ArrayList<>(order.size());
        int rank = 0;
        for (int v : order) {
            boolean freed = Vm.isFreed(c, v);
            NodeState state;
            if (freed) {
                state = NodeState.FREED;
            } else if (Vm.rbEmptyNode(c, v)) {
                state = NodeState.CLEARED;
            } else if (reachable.get(v)) {
                state = NodeState.LINKED;
            } else if (Vm.has(c, v, Life.IN_TREE)) {
                state = NodeState.UNREACHABLE;
            } else {
                state = NodeState.OFF_TREE;
            }
            String used = usedBy[v] == null ? "" : usedBy[v];
            if (reachable.get(v)) {
                used = join(usedBy[v], "reachable from the root");
            }
            if (freed && v == subject && s != null && s.loc() != Loc.FREE_VMA) {
                used = join(used, tname(tnames, s.thread()) + " uses it in this step");
            }
            boolean inUse = freed && !used.isEmpty();
            // most nodes of a large tree: nothing happened to them in this step, they share one empty set
            boolean plain = !(ch.touched(v) || v == subject || v == other || violating.contains(v)
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
            if (violating.contains(v)) {
                marks.add(Mark.VIOLATION);
            }
            long gap = Vm.gap(c, v);
            boolean stale = !freed && depth[v] != Integer.MIN_VALUE && gap != Vm.subtreeGapCompute(c, v);
            int row = depth[v] == Integer.MIN_VALUE ? NodeView.OFF_ROW : depth[v];
            nodes.add(new NodeView(v, c.name(v), Vm.start(c, v), Vm.end(c, v), Vm.color(c, v) == Const.BLACK, state,
                    inUse, inUse ? used : (freed ? "" : used), freed ? 0 : ownGapSafe(c, v), gap, stale,
                    ch.oldGap(v, gap), c.get(Field.REF_COUNT, v), ch.oldRef(v, c.get(Field.REF_COUNT, v)),
                    c.get(Field.SEQUENCE, v), (c.get(Field.VM_FLAGS, v) & Const.VM_GROWSDOWN) != 0,
                    c.get(Field.HAS_OPS, v) != 0, row, rank++, Vm.parent(c, v), Vm.left(c, v), Vm.right(c, v),
                    plain ? NO_MARKS : Collections.unmodifiableSet(marks)));
        }

        // --- cursors
        List<CursorView> cursors = new ArrayList<>();
        for (int t = 0; t < c.threadCount(); t++) {
            int n = (int) c.get(Field.T_NODE, t);
            if (n >= 0 && n < cap) {
                cursors.add(new CursorView(t, tname(tnames, t), n, Vm.isFreed(c, n), ch.cursorMoved(t)));
            }
        }

        Scenario sc = trace.scenario();
        List<ThreadView> threads = threads(trace, c, s, ch, tnames);
        StepScene.Locks locks = locks(c, sc, ch, tnames);
        StepScene.Strip strip = strip(trace, c, s, nodes, ch);
        StepScene.Checks checks = checks(trace, index, s);
        StepScene.Mm mm = new StepScene.Mm(c.mm(Field.MAP_COUNT), c.mm(Field.HIGHEST_VM_END), c.mm(Field.VMACACHE_SEQNUM),
                c.mm(Field.MM_USERS));
        StepInfo info = s == null ? null : new StepInfo(s.index(), s.thread(), tname(tnames, s.thread()), s.loc(),
                s.tag(), s.loc().function(), s.waiting(), subject, other, s.violations());
        String caption = s == null ? initialCaption(trace) : trace.caption(index);
        String where = s == null ? "" : Kernel.where(s.loc());
        String narr = narration == null ? "" : safe(() -> narration.textAt(trace, index));
        return new StepScene(index, trace.size(), info, caption, where, narr, List.copyOf(nodes), root,
                ch.rootChanged, maxDepth, List.copyOf(edges), ch.ghosts(cap), ch.parentArrows(cap),
                List.copyOf(cursors), threads, locks, strip, checks, mm);
    }

    private static final Set<Mark> NO_MARKS = Collections.unmodifiableSet(EnumSet.noneOf(Mark.class));

    /**
     * The ids sorted by {@code vm_start} (unsigned), ties by id. Page-aligned user addresses and ids below 2^20
     * pack into one long and sort as primitives (65,530 VMAs: a few ms instead of tens).
     */
    static List<Integer> addressOrder(StateView c, List<Integer> ids) {
        long[] keys = new long[ids.size()];
        boolean packable = true;
        for (int i = 0; i < keys.length; i++) {
            int v = ids.get(i);
            long st = Vm.start(c, v);
            if ((st & 0xfff) != 0 || (st >>> 12) >= (1L << 43) || v < 0 || v >= (1 << 20)) {
                packable = false;
                break;
            }
            keys[i] = ((st >>> 12) << 20) | v;
        }
        List<Integer> out = new ArrayList<>(ids.size());
        if (packable) {
            Arrays.sort(keys);
            for (long k : keys) {
                out.add((int) (k & ((1 << 20) - 1)));
            }
            return out;
        }
        out.addAll(ids);
        out.sort((x, y) -> {
            int k = Long.compareUnsigned(Vm.start(c, x), Vm.start(c, y));
            return k != 0 ? k : Integer.compare(x, y);
        });
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

    private static long ownGapSafe(StateView c, int v) {
        int p = Vm.prev(c, v);
        if (p != NIL && (p < 0 || p >= c.vmaCapacity())) {
            return 0;
        }
        return Vm.ownGap(c, v);
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

    private static List<ThreadView> threads(Trace trace, TraceCursor c, StepRecord s, Changes ch, String[] names) {
        List<ThreadView> out = new ArrayList<>();
        List<ThreadSpec> specs = trace.scenario().threads();
        long seqnum = c.mm(Field.VMACACHE_SEQNUM);
        for (int t = 0; t < c.threadCount() && t < specs.size(); t++) {
            ThreadSpec spec = specs.get(t);
            long status = c.get(Field.T_STATUS, t);
            boolean ran = s != null && s.thread() == t;
            String state;
            if (status == Status.RUNNABLE) {
                state = ran ? "running" : "runnable";
            } else {
                state = Status.name(status);
            }
            String wait = Waits.describe(c, t, names);
            boolean runnable = status == Status.RUNNABLE || status == Status.SPINNING;
            List<String> program = new ArrayList<>();
            for (Op op : spec.program()) {
                program.add(op.text());
            }
            long locOrd = c.get(Field.T_LOC, t);
            Loc loc = locOrd >= 0 && locOrd < Loc.values().length ? Loc.of((int) locOrd) : null;
            List<Ref> refs = new ArrayList<>();
            for (Field f : Field.REF_SLOTS) {
                int r = (int) c.get(f, t);
                if (r >= 0 && r < c.vmaCapacity()) {
                    refs.add(new Ref(r, c.name(r), Vm.isFreed(c, r)));
                }
            }
            List<String> vc = new ArrayList<>();
            for (Field f : Field.VC_SLOTS) {
                int r = (int) c.get(f, t);
                vc.add(r >= 0 && r < c.vmaCapacity() ? c.name(r) : "—");
            }
            out.add(new ThreadView(t, tname(names, t), spec.role().label(), status, state, wait, ran, runnable,
                    List.copyOf(program), (int) c.get(Field.T_OP, t), loc != null, List.copyOf(refs),
                    holds(c.get(Field.T_HOLDS, t)), loc, lastStep(trace, c.index(), t), List.copyOf(vc),
                    c.get(Field.T_VC_SEQ, t) == seqnum, ch.threadChanged(t)));
        }
        return List.copyOf(out);
    }

    static List<String> holds(long bits) {
        List<String> h = new ArrayList<>();
        if ((bits & Status.HOLD_SEM_READ) != 0) {
            h.add("mmap_sem (read)");
        }
        if ((bits & Status.HOLD_SEM_WRITE) != 0) {
            h.add("mmap_sem (write)");
        }
        if ((bits & Status.HOLD_RB_READ) != 0) {
            h.add("mm_rb_lock (read)");
        }
        if ((bits & Status.HOLD_RB_WRITE) != 0) {
            h.add("mm_rb_lock (write)");
        }
        if ((bits & Status.HOLD_PTL) != 0) {
            h.add("PTE lock");
        }
        return List.copyOf(h);
    }

    private static String lastStep(Trace trace, int index, int t) {
        for (int i = index; i >= 1 && i > index - LAST_STEP_LOOKBACK; i--) {
            if (trace.step(i).thread() == t) {
                return "step " + i + ": " + trace.caption(i);
            }
        }
        return "";
    }

    // ================================================================ locks

    private static StepScene.Locks locks(StateView c, Scenario sc, Changes ch, String[] names) {
        long writer = c.mm(Field.SEM_WRITER);
        long readers = c.mm(Field.SEM_READERS);
        List<String> semReaders = holders(c, Status.HOLD_SEM_READ, names);
        List<String> semQueue = queue(c.mm(Field.SEM_QUEUE), names);
        String semState = writer != NIL ? "write-held" : readers > 0 ? "read-held by " + readers : "free";
        boolean rbExists = sc.protection().lock();
        long rbWriter = c.mm(Field.RB_WRITER);
        long rbReaders = c.mm(Field.RB_READERS);
        long rbWaiting = c.mm(Field.RB_WAITING);
        String rbState = !rbExists ? "not taken (" + sc.protection().label() + ")"
                : rbWriter != NIL ? "write-held" : rbReaders > 0 ? "read-held by " + rbReaders : "free";
        RwlockPolicy p = sc.protection().policy();
        String policyText = p == RwlockPolicy.QUEUED
                ? "queued (qrwlock, x86): a waiting writer makes new readers queue"
                : "reader-preferring (powerpc v4.15): a writer spins while any reader is inside";
        long ptl = c.mm(Field.PTL_OWNER);
        return new StepScene.Locks(semState, writer == NIL ? "" : tname(names, (int) writer), semReaders, semQueue,
                ch.semChanged, rbExists, rbState, rbWriter == NIL ? "" : tname(names, (int) rbWriter),
                holders(c, Status.HOLD_RB_READ, names), rbWaiting == NIL ? "" : tname(names, (int) rbWaiting),
                queue(c.mm(Field.RB_QUEUE), names), p == RwlockPolicy.QUEUED ? "QUEUED" : "READER_PREF", policyText,
                ch.rbChanged, ptl == NIL ? "" : tname(names, (int) ptl));
    }

    private static List<String> holders(StateView c, long bit, String[] names) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < c.threadCount(); t++) {
            if ((c.get(Field.T_HOLDS, t) & bit) != 0) {
                out.add(tname(names, t));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> queue(long q, String[] names) {
        List<String> out = new ArrayList<>();
        int n = WaitQueue.size(q);
        for (int i = 0; i < n; i++) {
            out.add(tname(names, WaitQueue.tid(q, i)) + (WaitQueue.isWrite(q, i) ? " (write)" : " (read)"));
        }
        return List.copyOf(out);
    }

    // ================================================================ strip

    private static StepScene.Strip strip(Trace trace, TraceCursor c, StepRecord s, List<NodeView> nodes,
                                     Changes ch) {
        int cap = c.vmaCapacity();
        NodeView[] byId = new NodeView[cap];
        for (NodeView n : nodes) {
            if (n.id() >= 0 && n.id() < cap) {
                byId[n.id()] = n;
            }
        }
        List<Segment> segs = new ArrayList<>();
        BitSet onList = new BitSet();
        long prevEnd = 0;
        int guard = 0;
        for (int v = (int) c.mm(Field.MMAP); v >= 0 && v < cap && guard++ <= cap; v = Vm.next(c, v)) {
            if (onList.get(v)) {
                break;
            }
            onList.set(v);
            long st = Vm.start(c, v);
            long en = Vm.end(c, v);
            if (Long.compareUnsigned(st, prevEnd) > 0) {
                segs.add(new Segment(SegmentKind.GAP, prevEnd, st, v, c.name(v), null, false));
            }
            NodeView nv = byId[v];
            segs.add(new Segment(SegmentKind.VMA, st, en, v, c.name(v), nv == null ? NodeState.OFF_TREE : nv.state(),
                    ch.touched(v)));
            if (Long.compareUnsigned(en, prevEnd) > 0) {
                prevEnd = en;
            }
        }
        long high = c.mm(Field.HIGHEST_VM_END);
        long task = Const.TASK_SIZE;
        if (Long.compareUnsigned(prevEnd, task) < 0) {
            segs.add(new Segment(SegmentKind.TOP_GAP, prevEnd, task, NIL, "", null, false));
        }
        List<Segment> ghosts = new ArrayList<>();
        for (NodeView n : nodes) {
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
        for (int t = 0; t < c.threadCount() && t < specs.size(); t++) {
            long status = c.get(Field.T_STATUS, t);
            int opi = (int) c.get(Field.T_OP, t);
            List<Op> prog = specs.get(t).program();
            if (status == Status.DONE || opi < 0 || opi >= prog.size()) {
                continue;
            }
            Op op = prog.get(opi);
            boolean started = c.get(Field.T_LOC, t) >= 0;
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
                    window = new Window(Const.MMAP_MIN_ADDR, c.mm(Field.MMAP_BASE), tname(names, t) + " mmap "
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
                case UA_TD_FOUND, UA_BU_FOUND -> hole = gapBefore(c, a, "chosen hole");
                case UA_TD_CHECK, UA_BU_CHECK -> checking = gapBefore(c, a, "too small");
                case UA_TD_HIGHEST_OK, UA_BU_HIGHEST_OK -> hole = new Window(high, Const.TASK_SIZE,
                        "chosen: above highest_vm_end");
                case MMAP_ALLOC -> {
                    if (a >= 0 && a < cap) {
                        hole = new Window(Vm.start(c, a), Vm.end(c, a), "new VMA " + c.name(a));
                    }
                }
                case GUA_HINT_OK -> hole = new Window(s.v(), s.v(), "hint accepted");
                default -> {
                }
            }
        }
        List<Pte> ptes = new ArrayList<>();
        for (int i = 0; i < c.pteSlots(); i++) {
            long addr = c.get(Field.PTE_ADDR, i);
            if (addr != 0) {
                boolean inside = false;
                for (Segment sg : segs) {
                    if (sg.kind() == SegmentKind.VMA && Vm.ule(sg.start(), addr) && Vm.ult(addr, sg.end())) {
                        inside = true;
                        break;
                    }
                }
                ptes.add(new Pte(addr, !inside));
            }
        }
        return new StepScene.Strip(List.copyOf(segs), List.copyOf(ghosts), high, c.mm(Field.MMAP_BASE), task, window,
                hole, checking, List.copyOf(pins), List.copyOf(ptes));
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

    private static Window gapBefore(StateView c, int a, String label) {
        if (a < 0 || a >= c.vmaCapacity()) {
            return null;
        }
        int p = Vm.prev(c, a);
        long lo = p >= 0 && p < c.vmaCapacity() ? Vm.vmEndGap(c, p) : 0;
        return new Window(lo, Vm.vmStartGap(c, a), label);
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

    static Changes changes(Trace trace, StepRecord s) {
        Changes ch = new Changes();
        if (s == null) {
            return ch;
        }
        for (int k = s.deltaFrom(); k < s.deltaTo(); k++) {
            ch.add(trace.store(k));
        }
        return ch;
    }

    /** The stores of one step, sorted by what they mean for the view. */
    static final class Changes {
        private final java.util.Map<Integer, EnumSet<Mark>> marks = new java.util.HashMap<>();
        private final java.util.Map<Integer, Long> oldGaps = new java.util.HashMap<>();
        private final java.util.Map<Integer, Long> oldRefs = new java.util.HashMap<>();
        private final List<long[]> childStores = new ArrayList<>();
        private final List<long[]> pcStores = new ArrayList<>();
        private final BitSet cursorMoved = new BitSet();
        private final BitSet threadChanged = new BitSet();
        boolean rootChanged;
        boolean semChanged;
        boolean rbChanged;

        void add(Trace.Store st) {
            Field f = st.field();
            int o = st.object();
            switch (f.kind()) {
                case VMA -> {
                    EnumSet<Mark> m = marks.computeIfAbsent(o, k -> EnumSet.noneOf(Mark.class));
                    if (f != Field.NAME) {
                        m.add(Mark.STORED);
                    }
                    switch (f) {
                        case RB_GAP -> {
                            if (st.oldValue() != st.newValue()) {
                                m.add(Mark.GAP_CHANGED);
                            }
                            oldGaps.putIfAbsent(o, st.oldValue());
                        }
                        case RB_PC -> {
                            if (Vm.colorOf(st.oldValue()) != Vm.colorOf(st.newValue())) {
                                m.add(Mark.COLOR_FLIPPED);
                            }
                            if (Vm.parentOf(st.oldValue()) != Vm.parentOf(st.newValue())) {
                                m.add(Mark.PARENT_CHANGED);
                                pcStores.add(new long[] {o, Vm.parentOf(st.oldValue()), Vm.parentOf(st.newValue())});
                            }
                        }
                        case RB_LEFT, RB_RIGHT -> {
                            m.add(Mark.CHILD_CHANGED);
                            childStores.add(new long[] {o, f == Field.RB_LEFT ? 1 : 0, st.oldValue(), st.newValue()});
                        }
                        case REF_COUNT -> {
                            m.add(Mark.REF_CHANGED);
                            oldRefs.putIfAbsent(o, st.oldValue());
                        }
                        case SEQUENCE -> m.add(Mark.SEQ_CHANGED);
                        case VM_START, VM_END -> m.add(Mark.RANGE_CHANGED);
                        case VM_PREV, VM_NEXT -> m.add(Mark.LIST_CHANGED);
                        case LIFE -> m.add(Mark.LIFE_CHANGED);
                        default -> {
                        }
                    }
                }
                case MM -> {
                    switch (f) {
                        case ROOT -> rootChanged = true;
                        case SEM_READERS, SEM_WRITER, SEM_QUEUE -> semChanged = true;
                        case RB_READERS, RB_WRITER, RB_WAITING, RB_QUEUE -> rbChanged = true;
                        default -> {
                        }
                    }
                }
                case THREAD -> {
                    if (f == Field.T_NODE) {
                        cursorMoved.set(o);
                    }
                    if (f != Field.T_LOC && f != Field.T_OP && f != Field.T_SPINS) {
                        threadChanged.set(o);
                    }
                }
                default -> {
                }
            }
        }

        EnumSet<Mark> marks(int v) {
            EnumSet<Mark> m = marks.get(v);
            return m == null ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(m);
        }

        boolean touched(int v) {
            return marks.containsKey(v);
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
            for (long[] c : childStores) {
                if (c[0] == v && (c[1] == 1) == left) {
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
            for (long[] c : childStores) {
                int old = (int) c[2];
                if (old >= 0 && old < cap && c[2] != c[3]) {
                    out.add(new GhostEdge((int) c[0], old, c[1] == 1));
                }
            }
            return List.copyOf(out);
        }

        List<ParentArrow> parentArrows(int cap) {
            List<ParentArrow> out = new ArrayList<>();
            for (long[] p : pcStores) {
                if (p[2] >= 0 && p[2] < cap && p[2] != p[0]) {
                    out.add(new ParentArrow((int) p[0], (int) p[1], (int) p[2]));
                }
            }
            return List.copyOf(out);
        }
    }
}
