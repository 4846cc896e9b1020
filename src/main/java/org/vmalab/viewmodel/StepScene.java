package org.vmalab.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.TaskView;
import org.vmalab.engine.tree.Tag;

/**
 * Everything the window shows at one cursor index, derived from the trace alone (the step record, its
 * stores and the state after it): the view renders a scene without looking at its neighbours. Immutable.
 *
 * @param index     cursor index: 0 = initial state, i = after step i
 * @param size      number of steps in the trace
 * @param step      the step that led here, or null at index 0
 * @param nodes     the VMAs in address order (a node's rank is its position)
 * @param root      the root node id or -1
 * @param rootChanged the step stored {@code mm_rb.rb_node}
 * @param maxDepth  deepest tree row in use (for the layout), -1 for an empty tree
 * @param loaded    the pointers walkers loaded and will visit next
 */
public record StepScene(int index, int size, StepInfo step, String caption, String where, String narration,
                    List<NodeView> nodes, int root, boolean rootChanged, int maxDepth, List<EdgeView> edges,
                    List<GhostEdge> removedEdges, List<ParentArrow> parentArrows, List<CursorView> cursors,
                    List<ThreadView> threads, Locks locks, Strip strip, Checks checks, Mm mm,
                    List<Loaded> loaded) {

    /** The step that led to this index. */
    public record StepInfo(int index, int thread, String threadName, Loc loc, Tag tag, String function,
                           boolean waiting, int subject, int other, List<Violation> violations) {
    }

    /**
     * One VMA's node.
     *
     * @param row       tree depth (0 = root); {@link #OFF_ROW} for nodes drawn below the tree
     * @param inUse     a freed node that something still reaches: the use-after-free the patch prevents
     * @param usedBy    who still reaches a freed node, in words ("" if nobody)
     * @param gapStale  the stored rb_subtree_gap differs from what its children and own gap give now
     * @param oldGap    the gap before this step (meaningful with {@link Mark#GAP_CHANGED})
     */
    public record NodeView(int id, String name, long start, long end, boolean black, NodeState state, boolean inUse,
                           String usedBy, long ownGap, long subtreeGap, boolean gapStale, long oldGap, long refCount,
                           long oldRefCount, long sequence, boolean growsDown, boolean fileBacked, int row, int rank,
                           int parent, int left, int right, Set<Mark> marks) {
        public static final int OFF_ROW = -1;

        /**
         * Component by component, as a record's own equals, written out: a step on a large tree compares every node
         * with the one before it (the record's generated equals goes through method handles, slow until compiled).
         */
        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof NodeView n && id == n.id && start == n.start && end == n.end && row == n.row
                    && rank == n.rank && parent == n.parent && left == n.left && right == n.right
                    && black == n.black && state == n.state && inUse == n.inUse && ownGap == n.ownGap
                    && subtreeGap == n.subtreeGap && gapStale == n.gapStale && oldGap == n.oldGap
                    && refCount == n.refCount && oldRefCount == n.oldRefCount && sequence == n.sequence
                    && growsDown == n.growsDown && fileBacked == n.fileBacked && Objects.equals(name, n.name)
                    && Objects.equals(usedBy, n.usedBy) && Objects.equals(marks, n.marks);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, start, end, black, state, inUse, usedBy, ownGap, subtreeGap,
                    gapStale, oldGap, refCount, oldRefCount, sequence, growsDown, fileBacked, row, rank, parent, left,
                    right, marks);
        }

        public boolean has(Mark m) {
            return marks.contains(m);
        }

        public boolean offTree() {
            return row == OFF_ROW;
        }
    }

    /** How an edge (a child pointer) is drawn. */
    public enum EdgeKind {
        /** Part of the tree a walk from the root follows. */
        TREE,
        /** From a node a walk cannot reach right now (mid-rotation). */
        UNREACHABLE,
        /** A stale pointer of a node that is off the tree (erased, cleared or freed). */
        STALE,
        /** Points back to a node already seen: a cycle (a walker would loop). */
        CYCLE
    }

    /** A child pointer {@code parent.rb_left|rb_right = child}. */
    public record EdgeView(int parent, int child, boolean left, EdgeKind kind, boolean changed) {
        /** Written out, as {@link NodeView#equals}. */
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof EdgeView e && parent == e.parent && child == e.child && left == e.left
                    && kind == e.kind && changed == e.changed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(parent, child, left, kind, changed);
        }
    }

    /** A child pointer the step overwrote (old value), drawn as a fading ghost. */
    public record GhostEdge(int parent, int child, boolean left) {
    }

    /** A store of {@code __rb_parent_color} that moved the node's parent pointer. */
    public record ParentArrow(int child, int oldParent, int newParent) {
    }

    /** A walker's cursor ({@code T_NODE}). */
    public record CursorView(int thread, String threadName, int node, boolean onFreed, boolean moved) {
    }

    /**
     * A pointer a walker of the tree ({@code __find_vma}, for {@code find_vma} or {@code get_vma}) has loaded and
     * will visit at its next step: {@code from.rb_left} or {@code rb_right}, or {@code mm_rb.rb_node}. Between the
     * load and the visit the walker holds nothing but this pointer: the race the patch is about.
     *
     * @param node the VMA the pointer points to
     * @param from the node it was loaded from, or -1 for the root pointer {@code mm_rb.rb_node}
     * @param via  the word it was loaded from, in the kernel's words ({@code libc.rb_right}, {@code mm_rb.rb_node})
     */
    public record Loaded(int thread, String threadName, int node, int from, boolean freed, String via) {
    }

    /**
     * A thread lane.
     *
     * @param vmacacheVmas the four vmacache slots as VMA ids (-1 for an empty slot), in scan order
     * @param pendingStores RELAXED_STORES: the stores waiting in its store buffer, oldest first, in words
     */
    public record ThreadView(int index, String name, String role, TaskView.Status status, String state,
                             String waitReason, boolean ranThisStep, boolean runnable, List<String> program,
                                     int currentOp,
                             boolean started, List<Ref> refs, List<String> holds, Loc loc, String lastStep,
                             List<String> vmacache, boolean vmacacheValid, boolean changed,
                             List<Integer> vmacacheVmas, List<String> pendingStores) {
    }

    /** A VMA reference a thread holds (get_vma and not yet put). */
    public record Ref(int vma, String name, boolean freed) {
    }

    /** The two locks and the PTE lock. */
    public record Locks(String semState, String semWriter, List<String> semReaders, List<String> semQueue,
                        boolean semChanged, boolean rbExists, String rbState, String rbWriter, List<String> rbReaders,
                        String rbWaiting, List<String> rbQueue, String policy, String policyText, boolean rbChanged,
                        String ptlOwner) {
    }

    /** The address-space strip. */
    public record Strip(List<Segment> segments, List<Segment> ghosts, long highestVmEnd, long mmapBase,
                        long taskSize, Window window, Window hole, Window checking, List<Pin> pins, List<Pte> ptes) {
    }

    /** What a segment of the address space is. */
    public enum SegmentKind { VMA, GAP, TOP_GAP }

    /**
     * A VMA or a gap on the strip.
     *
     * @param vma the VMA, or for a gap the VMA after it (whose own gap it is); -1 for the top gap
     */
    public record Segment(SegmentKind kind, long start, long end, int vma, String name, NodeState state,
                          boolean touched) {
        /** Written out, as {@link NodeView#equals}. */
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Segment g && start == g.start && end == g.end && vma == g.vma
                    && kind == g.kind && state == g.state && touched == g.touched
                    && Objects.equals(name, g.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, start, end, vma, name, state, touched);
        }

        public long size() {
            return end - start;
        }
    }

    /** A marked address range (the search window, the chosen hole). */
    public record Window(long start, long end, String label) {
    }

    /** A thread's target address (its fault or lookup). */
    public record Pin(int thread, String threadName, long addr, String label) {
    }

    /** An installed PTE. */
    public record Pte(long addr, boolean outsideVmas) {
    }

    /** The checker panel. */
    public record Checks(List<Violation> here, boolean quiescentHere, List<Violation> soFar, int total,
                         int firstViolation, String outcome, String outcomeMessage) {
    }

    /** The mm fields shown beside the tree. */
    public record Mm(long mapCount, long highestVmEnd, long vmacacheSeqnum, long mmUsers) {
    }

    /** A node by id, or null. */
    public NodeView node(int id) {
        if (nodes instanceof SceneColumns.Nodes cols) {
            return cols.byId(id);
        }
        for (NodeView n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }
}
