package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.tree.Vm;
import org.vmalab.viewmodel.Overview.Summary;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * The overview of a large tree and the search by address, without a toolkit, checked by brute force against
 * the engine's memory: every summary's VMA count is its subtree's size, its largest gap the largest own gap in
 * its subtree (what rb_subtree_gap of its root must be), and nodes plus summaries cover every VMA once.
 */
class OverviewTest {
    static Trace trace;
    static TraceCursor cursor;
    static StepScene scene;
    static List<VmaSpec> layout;

    /** n VMAs of 1-8 pages with gaps of 0-40 pages (some touching: gap 0). */
    static List<VmaSpec> layout(int n, long seed) {
        List<VmaSpec> out = new ArrayList<>();
        Random r = new Random(seed);
        long addr = 0x10000000L;
        for (int i = 0; i < n; i++) {
            addr += (long) r.nextInt(41) * Const.PAGE_SIZE;
            long len = (1 + r.nextInt(8)) * Const.PAGE_SIZE;
            out.add(new VmaSpec("v" + i, addr, addr + len, Const.VM_READ | Const.VM_WRITE, false, 1 + i));
            addr += len;
        }
        return out;
    }

    @BeforeAll
    static void build() {
        layout = layout(5000, 7);
        Scenario sc = Scenario.of("5000 VMAs", layout, List.of(), Protection.PATCH);
        trace = Engine.run(sc, Schedule.roundRobin());
        cursor = trace.cursor().seek(0);
        scene = StepSceneBuilder.build(trace, cursor, null);
    }

    /** The VMA ids of the subtree of v, from the engine's memory. */
    static List<Integer> subtree(int v) {
        List<Integer> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(List.of(v));
        while (!stack.isEmpty()) {
            int x = stack.remove(stack.size() - 1);
            out.add(x);
            for (int c : new int[] {Vm.left(Recording.words(cursor), x), Vm.right(Recording.words(cursor), x)}) {
                if (c != Memory.NIL) {
                    stack.add(c);
                }
            }
        }
        return out;
    }

    static void checkAgainstMemory(Overview.View v) {
        BitSet covered = new BitSet();
        for (Summary s : v.summaries()) {
            List<Integer> sub = subtree(s.root());
            assertEquals(sub.size(), s.count(), "count of the summary of " + s.root());
            long maxGap = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            for (int x : sub) {
                maxGap = Math.max(maxGap, Vm.ownGap(Recording.words(cursor), x));
                first = Math.min(first, Vm.start(Recording.words(cursor), x));
                last = Math.max(last, Vm.end(Recording.words(cursor), x));
                assertFalse(covered.get(x), "VMA " + x + " in two summaries");
                assertFalse(v.isShown(x), "VMA " + x + " both a node and in a summary");
                covered.set(x);
            }
            assertEquals(maxGap, s.largestGap(), "largest gap of the summary of " + s.root());
            assertEquals(Vm.gap(Recording.words(cursor), s.root()), s.largestGap(), "= rb_subtree_gap of its root");
            assertEquals(first, s.start());
            assertEquals(last, s.end());
        }
        covered.or(v.shown());
        assertEquals(layout.size(), covered.cardinality(), "nodes and summaries cover every VMA once");
        // columns: address order, one per item
        long prev = -1;
        for (int i = 0; i < v.items().length; i++) {
            int id = v.items()[i];
            assertEquals(i, v.x(id), 0.0);
            long start = id >= Overview.SUMMARY_BASE ? v.summary(id).start() : Vm.start(Recording.words(cursor), id);
            assertTrue(start > prev, "items in address order");
            prev = start;
        }
    }

    @Test
    void theDefaultOverviewOpensThreeRowsAndSummarisesTheRest() {
        Overview.View v = Overview.of(scene, new Overview.Expansion(Overview.DEFAULT_DEPTH, new BitSet(), List.of()));
        assertEquals(7, v.shown().cardinality(), "rows 0-2 as nodes");
        assertEquals(8, v.summaries().size(), "row 3 as summaries");
        assertEquals(15, v.layout().columns());
        for (Summary s : v.summaries()) {
            assertEquals(3, s.depth());
        }
        checkAgainstMemory(v);
    }

    @Test
    void drillingOpensASummaryAndClosingRestoresIt() {
        Overview.Tree t = Overview.tree(scene);
        Overview.View v0 = Overview.of(scene, t, new Overview.Expansion(3, new BitSet(), List.of()));
        Summary s = v0.summaries().get(2);
        BitSet drilled = Overview.drill(t, s.root(), Overview.DRILL_LEVELS);
        assertEquals(3, drilled.cardinality(), "3 levels: the root and its children open (their children shown)");
        Overview.View v1 = Overview.of(scene, t, new Overview.Expansion(3, drilled, List.of()));
        assertTrue(v1.isShown(s.root()));
        assertEquals(v0.summaries().size() - 1 + 4, v1.summaries().size(), "one summary became 3 nodes + 4");
        checkAgainstMemory(v1);
        drilled.andNot(Overview.subtree(t, s.root()));
        Overview.View v2 = Overview.of(scene, t, new Overview.Expansion(3, drilled, List.of()));
        assertEquals(v0.summaries(), v2.summaries());
    }

    @Test
    void aFocusedNodeIsShownWithThePathToIt() {
        Random r = new Random(3);
        Overview.Tree t = Overview.tree(scene);
        for (int k = 0; k < 50; k++) {
            int f = r.nextInt(layout.size());
            Overview.View v = Overview.of(scene, t, new Overview.Expansion(2, new BitSet(), List.of(f)));
            assertTrue(v.isShown(f), "the focused node is a node");
            for (int a : t.ancestors(f)) {
                assertTrue(v.isShown(a), "its ancestors too");
            }
            checkAgainstMemory(v);
        }
    }

    /** A speculative fault against a munmap on 2,000 VMAs (the fault at the 1,200th, the munmap of the 700th). */
    static Scenario raceOnTwoThousand() {
        List<VmaSpec> l = layout(2000, 11);
        VmaSpec target = l.get(1200);
        VmaSpec victim = l.get(700);
        return Scenario.of("race", l, List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(target.start(), false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(victim.start(), victim.end())))),
                Protection.PATCH);
    }

    @Test
    void aStepKeepsItsNodesAndCursorsOpenMidRun() {
        Trace tr = Engine.run(raceOnTwoThousand(), Schedule.roundRobin());
        TraceCursor c = tr.cursor();
        int checked = 0;
        for (int i = 1; i <= tr.size(); i++) {
            StepScene s = StepSceneBuilder.build(tr, c.seek(i), null);
            Overview.View v = Overview.of(s, new Overview.Expansion(3, new BitSet(), Overview.focusOf(s)));
            for (NodeView n : s.nodes()) {
                if (n.has(Mark.SUBJECT) || n.has(Mark.STORED)) {
                    assertTrue(v.isShown(n.id()), "step " + i + ": " + n.name() + " is drawn as a node");
                    checked++;
                }
            }
            for (StepScene.CursorView cv : s.cursors()) {
                assertTrue(v.isShown(cv.node()), "step " + i + ": the cursor's node is drawn");
            }
            Frames.TreeFrame f = Overview.frame(s, v);
            assertEquals(v.items().length, f.nodes().size(), "a frame node per item");
        }
        assertTrue(checked > 20, "the run touched nodes: " + checked);
    }

    @Test
    void searchFindsTheContainingVmaOrWhatFindVmaReturns() {
        Random r = new Random(5);
        long lo = layout.get(0).start() - 0x5000;
        long hi = layout.get(layout.size() - 1).end() + 0x5000;
        for (int k = 0; k < 2000; k++) {
            long addr = lo + (long) (r.nextDouble() * (hi - lo));
            AddressSearch.Hit h = AddressSearch.find(scene, addr);
            // brute force: the first VMA whose end is above addr
            VmaSpec want = null;
            for (VmaSpec s : layout) {
                if (Long.compareUnsigned(addr, s.end()) < 0) {
                    want = s;
                    break;
                }
            }
            if (want == null) {
                assertEquals(-1, h.vma(), Long.toHexString(addr));
                assertTrue(h.text().contains("NULL"));
                continue;
            }
            NodeView n = scene.node(h.vma());
            assertNotNull(n);
            assertEquals(want.name(), n.name(), Long.toHexString(addr));
            assertEquals(want.start() <= addr, h.inside(), Long.toHexString(addr));
            assertTrue(h.text().contains(h.inside() ? "is in " + want.name() : "find_vma returns " + want.name()),
                    h.text());
        }
    }

    @Test
    void addressesAreTypedInHex() {
        assertEquals(0x7ffff7dd1000L, AddressSearch.parse("0x7ffff7dd1000"));
        assertEquals(0x7ffff7dd1000L, AddressSearch.parse(" 7fff_f7dd_1000 "));
        assertEquals(0xffffffffffffffffL, AddressSearch.parse("ffffffffffffffff"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AddressSearch.parse("heap")).getMessage()
                .contains("not an address in hex"));
        assertThrows(IllegalArgumentException.class, () -> AddressSearch.parse(""));
        assertThrows(IllegalArgumentException.class, () -> AddressSearch.parse("12345678901234567"));
    }

    /**
     * The walk tree of a scene in columns (a large import: a million VMAs, hundreds of MB) lives with its scene, not
     * in a memo of recent scenes: once the window replaces the scene, nothing of the overview keeps it alive (four
     * imports in a row in one JVM kept the last three).
     */
    @Test
    void aReplacedLargeSceneIsNotKeptByTheWalkTreesMemo() throws InterruptedException {
        java.lang.ref.WeakReference<StepScene> ref = madeAndDropped();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(ref.get() == null, "the replaced scene in columns is garbage");
    }

    /** A scene in columns whose walk tree was asked for twice (the same tree), then one of records asked for. */
    private static java.lang.ref.WeakReference<StepScene> madeAndDropped() {
        StepScene big = StepSceneBuilder.build(trace, trace.cursor().seek(0), Narration.NONE, null, true);
        Overview.Tree t = Overview.treeOf(big);
        assertTrue(t == Overview.treeOf(big), "made once for its scene");
        assertEquals(Overview.tree(scene).root(), t.root());
        Overview.treeOf(scene);
        return new java.lang.ref.WeakReference<>(big);
    }
}
