package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * The scene of a large tree in columns ({@link SceneColumns}) is the scene of records, value for value, and what
 * reads it (the overview's walk tree and frames, Find, the strip's layout) sees the same: every step of the race
 * (freed nodes, a walker's use, marks, old values) and of a 2,000-VMA race, built both ways.
 */
class SceneColumnsTest {

    /** Both scenes of every index of {@code t}, and all that reads them, the same. */
    private static int sameEitherWay(Trace t, long seed) {
        TraceCursor a = t.cursor();
        TraceCursor b = t.cursor();
        Random r = new Random(seed);
        int marked = 0;
        for (int i = 0; i <= t.size(); i++) {
            StepScene records = StepSceneBuilder.build(t, a.seek(i), Narration.NONE, null, false);
            StepScene columns = StepSceneBuilder.build(t, b.seek(i), Narration.NONE, null, true);
            String at = "index " + i;
            assertInstanceOf(SceneColumns.Nodes.class, columns.nodes(), at);
            assertInstanceOf(SceneColumns.Edges.class, columns.edges(), at);
            assertInstanceOf(SceneColumns.Segments.class, columns.strip().segments(), at);
            assertFalse(records.nodes() instanceof SceneColumns.Nodes, at);
            assertEquals(records, columns, at + ": the same scene");
            assertEquals(records.nodes().hashCode(), columns.nodes().hashCode(), at);
            for (NodeView n : records.nodes()) {
                assertEquals(n, columns.node(n.id()), at + ": node " + n.name() + " by id");
                marked += n.marks().isEmpty() ? 0 : 1;
            }
            assertNull(columns.node(-1));
            assertNull(columns.node(records.nodes().size() + 5));

            // the overview: its walk tree read from the columns, with a focus and a drilled summary
            Overview.Tree tr = Overview.tree(records);
            Overview.Tree tc = Overview.tree(columns);
            assertEquals(tr.marked(), tc.marked(), at + ": marked nodes");
            assertEquals(tr.root(), tc.root(), at);
            BitSet drilled = new BitSet();
            if (tr.root() >= 0) {
                drilled = Overview.drill(tr, tr.root(), Overview.DRILL_LEVELS);
                assertEquals(drilled, Overview.drill(tc, tc.root(), Overview.DRILL_LEVELS), at);
            }
            for (int depth = 1; depth <= 3; depth += 2) {
                Overview.Expansion e = new Overview.Expansion(depth, drilled, tr.focus(records));
                assertEquals(e.focus(), tc.focus(columns), at);
                Overview.View vr = Overview.of(records, tr, e);
                Overview.View vc = Overview.of(columns, tc, e);
                assertArrayEquals(vr.items(), vc.items(), at + ": the overview's items at depth " + depth);
                assertEquals(vr.summaries(), vc.summaries(), at);
                assertEquals(vr.shown(), vc.shown(), at);
                assertArrayEquals(vr.layout().x(), vc.layout().x(), at);
                assertArrayEquals(vr.layout().y(), vc.layout().y(), at);
                assertEquals(Overview.frame(records, vr), Overview.frame(columns, vc), at + ": its frame");
            }
            for (NodeView n : records.nodes()) {
                assertEquals(n, tc.node(n.id()), at);
            }

            // Find
            List<NodeView> ns = records.nodes();
            if (!ns.isEmpty()) {
                long lo = ns.get(0).start() - 0x3000;
                long hi = ns.get(ns.size() - 1).end() + 0x3000;
                for (int k = 0; k < 40; k++) {
                    long addr = lo + (long) (r.nextDouble() * (hi - lo));
                    assertEquals(AddressSearch.find(records, addr), AddressSearch.find(columns, addr), at);
                }
            }

            // the strip's layout on both scales
            for (StripLayout.Scale sc : StripLayout.Scale.values()) {
                for (double w : new double[] {300, 1400}) {
                    StripLayout lr = StripLayout.of(records.strip(), sc, w);
                    StripLayout lc = StripLayout.of(columns.strip(), sc, w);
                    assertEquals(lr.items(), lc.items(), at + ": the strip at " + sc + " " + w);
                    for (int k = 0; k < ns.size(); k += 1 + ns.size() / 40) {
                        assertEquals(lr.x(ns.get(k).start()), lc.x(ns.get(k).start()), 0.0, at);
                    }
                }
            }
        }
        return marked;
    }

    @Test
    void everyStepOfTheRaceIsTheSameSceneInColumns() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        assertTrue(sameEitherWay(p.trace(), 1) > 20, "the steps marked nodes");
        Player q = new Player(TaskRunner.INLINE);
        q.load(Races.race(true));
        sameEitherWay(q.trace(), 2);
    }

    @Test
    void everyStepOfARaceOnTwoThousandVmasIsTheSameSceneInColumns() {
        assertTrue(sameEitherWay(Engine.run(OverviewTest.raceOnTwoThousand(), Schedule.roundRobin()), 3) > 20);
    }

    @Test
    void aTreeAboveTheDefaultMaxMapCountGetsColumnsAndASmallerOneRecords() {
        int n = StepSceneBuilder.COLUMNS_ABOVE + 1;
        Scenario big = Scenario.of("big", OverviewTest.layout(n, 5), List.of(), Protection.PATCH)
                .withMaxMapCount(n);
        Trace t = Engine.run(big, Schedule.roundRobin());
        StepScene s = StepSceneBuilder.build(t, t.cursor(), Narration.NONE, null);
        assertInstanceOf(SceneColumns.Nodes.class, s.nodes());
        assertEquals(n, s.nodes().size());
        Scenario small = Scenario.of("small", OverviewTest.layout(3000, 5), List.of(), Protection.PATCH);
        Trace u = Engine.run(small, Schedule.roundRobin());
        assertFalse(StepSceneBuilder.build(u, u.cursor(), Narration.NONE, null).nodes()
                instanceof SceneColumns.Nodes);
    }
}
