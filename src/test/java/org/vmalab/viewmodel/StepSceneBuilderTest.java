package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.StepScene.NodeView;

/** What the scenes of the race say, step by step (SEMANTICS 6(b) with and without the refcount). */
class StepSceneBuilderTest {
    private Player p;

    @BeforeEach
    void setUp() {
        p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
    }

    private int stepAt(Loc loc) {
        for (int i = 1; i <= p.size(); i++) {
            if (p.trace().step(i).loc() == loc) {
                return i;
            }
        }
        throw new AssertionError("no step at " + loc);
    }

    private NodeView node(String name) {
        return p.scene().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theInitialTreeIsLayoutW() {
        StepScene s = p.scene();
        assertEquals(7, s.nodes().size());
        List<String> order = s.nodes().stream().map(NodeView::name).toList();
        assertEquals(List.of("text", "data", "heap", "libc", "libc_rw", "ld", "stack"), order, "address order");
        for (int i = 0; i < 7; i++) {
            assertEquals(i, s.nodes().get(i).rank());
            assertEquals(NodeState.LINKED, s.nodes().get(i).state());
            assertEquals(1, s.nodes().get(i).refCount());
        }
        assertEquals(0, node("data").row(), "data is the root (8.3)");
        assertTrue(node("data").black());
        assertEquals("data", NodeFace.name(node("data")), "names in their own case, black or red");
        assertEquals("libc_rw", NodeFace.name(node("libc_rw")));
        assertEquals(0x555555554000L, node("text").ownGap(), "the first VMA's gap is its start");
        assertEquals(0x80e2000L, node("stack").ownGap(), "the stack's guard gap counts (8.2)");
        assertEquals(0x2aaaa2266000L, node("libc").subtreeGap());
        assertEquals(6, s.edges().size());
        assertTrue(s.caption().startsWith("Initial state: 7 VMAs"));
        assertEquals(2, s.threads().size());
        assertEquals("speculative reader", s.threads().get(0).role());
        assertEquals("free", s.locks().semState());
    }

    @Test
    void getVmaTakesAReferenceAndTheCursorWalks() {
        int visit = stepAt(Loc.GET_VMA_LEFT);
        p.seek(visit);
        StepScene s = p.scene();
        assertEquals(1, s.cursors().size());
        assertEquals("libc", s.nodes().stream().filter(n -> n.id() == s.cursors().get(0).node()).findFirst()
                .orElseThrow().name(), "T1 stands on libc, the node it visits, and goes left");
        assertEquals(List.of("mm_rb_lock (read)"), s.threads().get(0).holds());
        p.seek(stepAt(Loc.GET_VMA_INC));
        assertEquals(2, node("heap").refCount());
        assertTrue(node("heap").has(Mark.REF_CHANGED));
        assertEquals(1, node("heap").oldRefCount());
        assertEquals("heap", p.scene().threads().get(0).refs().get(0).name());
    }

    @Test
    void theEraseIsMarkedStoreByStore() {
        int erase = stepAt(Loc.RB_CHANGE_CHILD_LEFT);
        p.seek(erase);
        StepScene s = p.scene();
        assertEquals(NodeState.OFF_TREE, node("heap").state(), "erased: not reachable, not cleared");
        assertTrue(node("heap").offTree());
        assertTrue(node("libc").has(Mark.CHILD_CHANGED));
        assertTrue(node("libc").has(Mark.SUBJECT));
        assertEquals(1, s.removedEdges().size(), "libc.rb_left := NULL drops the edge to heap");
        assertEquals(node("heap").id(), s.removedEdges().get(0).child());
        assertEquals(List.of("mmap_sem (write)", "mm_rb_lock (write)"), s.threads().get(1).holds());
        assertEquals("T2", s.locks().rbWriter());
        // the rotation of case 4: ld takes over, libc goes under it; the flip is marked
        p.seek(stepAt(Loc.RB_ROTATE_SET_OLD));
        assertTrue(node("libc").has(Mark.COLOR_FLIPPED));
        assertTrue(node("libc").black());
        assertFalse(p.scene().parentArrows().isEmpty());
        assertEquals(NodeState.UNREACHABLE, node("ld").state(), "mid-rotation a walker cannot reach ld");
        p.seek(stepAt(Loc.AUG_ROTATE_NEW));
        assertTrue(node("ld").has(Mark.GAP_CHANGED));
        assertEquals(0x80e2000L, node("ld").oldGap());
        assertEquals(0x2aaaa2266000L, node("ld").subtreeGap());
    }

    @Test
    void clearedThenFreedByTheReader() {
        p.seek(stepAt(Loc.RB_CLEAR_NODE));
        assertEquals(NodeState.CLEARED, node("heap").state());
        p.seek(stepAt(Loc.FREE_VMA));
        assertEquals(NodeState.FREED, node("heap").state());
        assertEquals("T1", p.scene().step().threadName(), "with the patch the reader's put_vma frees heap");
        assertFalse(node("heap").inUse(), "nobody uses it any more");
        assertTrue(p.scene().checks().soFar().isEmpty());
    }

    @Test
    void withoutTheRefcountTheReaderUsesAFreedVma() {
        p.load(Races.race(true));
        int first = p.trace().firstViolationStep();
        p.seek(first);
        StepScene s = p.scene();
        NodeView heap = node("heap");
        assertEquals(NodeState.FREED, heap.state());
        assertTrue(heap.inUse(), "T1 reads it: the use-after-free");
        assertTrue(heap.has(Mark.VIOLATION));
        assertTrue(heap.usedBy().contains("T1"), heap.usedBy());
        assertEquals(Tone.NODE_ALARM, Tone.of(heap));
        assertEquals(1, s.checks().here().size());
        assertEquals(first, s.checks().soFar().get(0).step());
        assertTrue(s.strip().ghosts().stream().anyMatch(g -> g.name().equals("heap")), "heap's ghost on the strip");
    }

    @Test
    void theStripShowsVmasGapsAndTheReadersTarget() {
        StepScene.Strip st = p.scene().strip();
        long vmas = st.segments().stream().filter(x -> x.kind() == StepScene.SegmentKind.VMA).count();
        assertEquals(7, vmas);
        assertEquals("stack", st.segments().get(st.segments().size() - 1).name(), "the stack ends at TASK_SIZE");
        assertEquals(StepScene.SegmentKind.GAP, st.segments().get(0).kind(), "the space below text");
        assertEquals(0x7ffffffff000L, st.highestVmEnd());
        assertEquals(1, st.pins().size());
        assertEquals(0x55555575e000L, st.pins().get(0).addr());
        assertNotNull(p.scene().mm());
        assertEquals(7, p.scene().mm().mapCount());
    }

    /** RELAXED_STORES: a thread's lane lists the stores waiting in its store buffer, in words, oldest first. */
    @Test
    void aLaneListsTheStoresNotYetVisible() {
        Scenario sc = Scenarios.defaultScenario().withThreads(List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(new Op.Munmap(0x55555575d000L, 0x55555577e000L))))).withProtection(Protection.of(
                RwlockPolicy.QUEUED, ProtectionToggle.RELAXED_STORES, ProtectionToggle.NO_RELEASE));
        p.load(new Playable("sb", sc.title(), "", sc, Schedule.roundRobin(), Narration.NONE));
        p.seek(stepAt(Loc.RB_CLEAR_NODE));
        List<String> waiting = p.scene().threads().get(0).pendingStores();
        assertEquals("libc.rb_left := NULL", waiting.get(0), "the erase's first store, still not visible");
        assertEquals("heap.__rb_parent_color := itself (RB_CLEAR_NODE: the node is marked empty)",
                waiting.get(waiting.size() - 1));
        p.seek(p.size());
        assertTrue(p.scene().threads().get(0).pendingStores().isEmpty(), "up_write drained the buffer");
    }

    @Test
    void aSceneBuiltOnTheSceneBeforeItIsTheSameValueAndSharesWhatTheStepLeftAlone() {
        org.vmalab.engine.trace.Trace t = p.trace();
        int shared = 0;
        int changed = 0;
        for (int i = 1; i <= t.size(); i++) {
            StepScene before = StepSceneBuilder.build(t, t.cursor().seek(i - 1), Narration.NONE);
            StepScene plain = StepSceneBuilder.build(t, t.cursor().seek(i), Narration.NONE);
            StepScene built = StepSceneBuilder.build(t, t.cursor().seek(i), Narration.NONE, before);
            assertEquals(plain, built, "step " + i + ": the same scene with or without a base");
            for (NodeView n : built.nodes()) {
                NodeView b = before.node(n.id());
                if (n.equals(b)) {
                    assertSame(b, n, "step " + i + ": " + n.name() + " did not change, the base's node is shared");
                    shared++;
                } else {
                    assertNotSame(b, n);
                    changed++;
                }
            }
            if (before.strip().segments().equals(built.strip().segments())) {
                assertSame(before.strip().segments(), built.strip().segments(), "step " + i + ": the strip's list");
            }
            if (before.edges().equals(built.edges())) {
                assertSame(before.edges(), built.edges(), "step " + i + ": the edges' list");
            }
        }
        assertTrue(shared > changed, "most nodes are shared from step to step (" + shared + " / " + changed + ")");
        assertTrue(changed > 0, "and the nodes a step changed are new");
    }

    @Test
    void aBaseFromAnotherIndexOrAnotherRunNeverLeaksIntoTheScene() {
        org.vmalab.engine.trace.Trace t = p.trace();
        StepScene last = StepSceneBuilder.build(t, t.cursor().seek(t.size()), Narration.NONE);
        Player other = new Player(TaskRunner.INLINE);
        other.load(Races.race(true));
        other.end();
        for (int i = 0; i <= t.size(); i++) {
            StepScene plain = StepSceneBuilder.build(t, t.cursor().seek(i), Narration.NONE);
            assertEquals(plain, StepSceneBuilder.build(t, t.cursor().seek(i), Narration.NONE, last),
                    "step " + i + " built on the last step's scene");
            assertEquals(plain, StepSceneBuilder.build(t, t.cursor().seek(i), Narration.NONE, other.scene()),
                    "step " + i + " built on a scene of another run");
        }
    }

    @Test
    void theWrittenOutEqualsOfNodesEdgesAndSegmentsSeesEveryComponent() throws Exception {
        p.end();
        StepScene s = p.scene();
        for (Record r : List.<Record>of(s.nodes().get(2), s.edges().get(0), s.strip().segments().get(1))) {
            java.lang.reflect.RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = cs[i].getAccessor().invoke(r);
                types[i] = cs[i].getType();
            }
            java.lang.reflect.Constructor<?> make = r.getClass().getDeclaredConstructor(types);
            Object same = make.newInstance(args);
            assertEquals(r, same);
            assertEquals(r.hashCode(), same.hashCode());
            for (int i = 0; i < cs.length; i++) {
                Object[] other = args.clone();
                other[i] = otherThan(args[i]);
                assertFalse(r.equals(make.newInstance(other)), r.getClass().getSimpleName() + "." + cs[i].getName());
            }
        }
    }

    /** A value of the same type as {@code v} that is not equal to it. */
    private static Object otherThan(Object v) {
        if (v instanceof Integer i) {
            return i + 1;
        }
        if (v instanceof Long l) {
            return l + 1;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof String t) {
            return t + "x";
        }
        if (v instanceof Enum<?> e) {
            Object[] all = e.getDeclaringClass().getEnumConstants();
            return all[(e.ordinal() + 1) % all.length];
        }
        if (v == null) {
            return NodeState.FREED;
        }
        if (v instanceof java.util.Set<?> m) {
            return m.contains(Mark.SUBJECT) ? java.util.Set.of() : java.util.Set.of(Mark.SUBJECT);
        }
        throw new AssertionError("no other value for " + v);
    }
}
