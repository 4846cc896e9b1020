package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;

/** TreeLayout (x from rank, y from depth) and Frames.at at t = 0, 0.4 and 1, without a toolkit. */
class LayoutAndFramesTest {
    private static final double EPS = 1e-9;

    private static int stepAt(Player p, Loc loc) {
        for (int i = 1; i <= p.size(); i++) {
            if (p.trace().step(i).loc() == loc) {
                return i;
            }
        }
        throw new AssertionError(loc.name());
    }

    @Test
    void xIsTheAddressRankAndYTheDepth() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        TreeLayout.Layout l = TreeLayout.of(p.scene());
        assertEquals(7, l.columns());
        assertEquals(4, l.treeRows());
        assertTrue(Double.isNaN(l.offRow()), "nothing off the tree yet");
        for (StepScene.NodeView n : p.scene().nodes()) {
            assertEquals(n.rank(), l.x(n.id()), EPS);
            assertEquals(n.row(), l.y(n.id()), EPS);
        }
        // after the erase, heap keeps its column and drops below the tree
        p.seek(stepAt(p, Loc.RB_CHANGE_CHILD_LEFT));
        TreeLayout.Layout after = TreeLayout.of(p.scene());
        int heap = p.scene().nodes().get(2).id();
        assertEquals(2, after.x(heap), EPS);
        assertEquals(after.offRow(), after.y(heap), EPS);
        assertEquals(after.treeRows() - 1 + TreeLayout.OFF_GAP, after.offRow(), EPS);
    }

    @Test
    void aRotationMovesNodesOnlyVertically() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        int from = stepAt(p, Loc.COL_C4_PARENT_RIGHT) - 1;
        int to = stepAt(p, Loc.RB_CHANGE_CHILD_RIGHT);
        p.seek(from);
        TreeLayout.Layout a = TreeLayout.of(p.scene());
        StepScene sa = p.scene();
        p.seek(to);
        TreeLayout.Layout b = TreeLayout.of(p.scene());
        for (StepScene.NodeView n : sa.nodes()) {
            assertEquals(a.x(n.id()), b.x(n.id()), EPS, n.name() + " keeps its column");
        }
    }

    @Test
    void framesAtZeroPointFourAndOne() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        int erase = stepAt(p, Loc.RB_CHANGE_CHILD_LEFT);
        p.seek(erase - 1);
        p.stepForward();
        StepScene before = p.previousScene();
        StepScene after = p.scene();
        assertNotNull(before);
        TreeFrame f0 = Frames.key(before, TreeLayout.of(before));
        TreeFrame f1 = Frames.key(after, TreeLayout.of(after));
        int heap = after.nodes().get(2).id();
        int libc = after.nodes().get(3).id();

        TreeFrame at0 = Frames.at(f0, f1, 0);
        TreeFrame at4 = Frames.at(f0, f1, 0.4);
        TreeFrame at1 = Frames.at(f0, f1, 1);

        NodeFrame h0 = at0.node(heap);
        NodeFrame h4 = at4.node(heap);
        NodeFrame h1 = at1.node(heap);
        assertEquals(f0.node(heap).y(), h0.y(), EPS, "t = 0 is the old position");
        assertEquals(f1.node(heap).y(), h1.y(), EPS, "t = 1 is the new position");
        double eased = Frames.ease(0.4);
        assertEquals(0.352, eased, EPS, "smoothstep(0.4)");
        assertEquals(f0.node(heap).y() + (f1.node(heap).y() - f0.node(heap).y()) * eased, h4.y(), EPS);
        assertEquals(2, h4.x(), EPS, "x never moves: same rank");

        // the edge libc -> heap fades out: opacity 1, 0.6, 0 (linear in t)
        assertEquals(1.0, at0.edge(libc, heap).opacity(), EPS);
        assertEquals(0.6, at4.edge(libc, heap).opacity(), EPS);
        assertNull(f1.edge(libc, heap), "gone after the store");
        assertEquals(0.0, at1.edge(libc, heap).opacity(), EPS);
    }

    @Test
    void colourFlipsMixAndNewNodesFadeIn() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        int flip = stepAt(p, Loc.RB_ROTATE_SET_OLD);
        p.seek(flip - 1);
        p.stepForward();
        StepScene before = p.previousScene();
        StepScene after = p.scene();
        int libc = after.nodes().get(3).id();
        TreeFrame f0 = Frames.key(before, TreeLayout.of(before));
        TreeFrame f1 = Frames.key(after, TreeLayout.of(after));
        NodeFrame c0 = Frames.at(f0, f1, 0).node(libc);
        NodeFrame c4 = Frames.at(f0, f1, 0.4).node(libc);
        NodeFrame c1 = Frames.at(f0, f1, 1).node(libc);
        assertEquals(Tone.NODE_RED, c4.from());
        assertEquals(Tone.NODE_BLACK, c4.to());
        assertEquals(0.0, c0.mix(), EPS);
        assertEquals(0.4, c4.mix(), EPS);
        assertEquals(1.0, c1.mix(), EPS);
        assertEquals(Tone.NODE_RED, c4.tone(), "still mostly red at 0.4");
        assertEquals(Tone.NODE_BLACK, c1.tone());

        // a node only in the target fades in where it lands once its neighbours made room (second half);
        // one only in the source fades out first (first half), then its neighbours close up
        TreeFrame empty = new TreeFrame(java.util.Map.of(), java.util.List.of(), java.util.List.of());
        assertEquals(0.0, Frames.at(empty, f1, 0).node(libc).opacity(), EPS);
        assertEquals(0.0, Frames.at(empty, f1, 0.4).node(libc).opacity(), EPS);
        assertEquals(0.5, Frames.at(empty, f1, 0.75).node(libc).opacity(), EPS);
        assertEquals(1.0, Frames.at(empty, f1, 1).node(libc).opacity(), EPS);
        assertEquals(0.2, Frames.at(f0, empty, 0.4).node(libc).opacity(), EPS);
        assertEquals(0.0, Frames.at(f0, empty, 0.5).node(libc).opacity(), EPS);
    }

    @Test
    void cursorsFlyFromNodeToNode() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Races.race(false));
        int walk = stepAt(p, Loc.GET_VMA_LEFT);
        p.seek(walk - 1);
        p.stepForward();
        StepScene before = p.previousScene();
        StepScene after = p.scene();
        TreeFrame f0 = Frames.key(before, TreeLayout.of(before));
        TreeFrame f1 = Frames.key(after, TreeLayout.of(after));
        Frames.CursorFrame a = Frames.at(f0, f1, 0).cursor(0);
        Frames.CursorFrame m = Frames.at(f0, f1, 0.4).cursor(0);
        Frames.CursorFrame b = Frames.at(f0, f1, 1).cursor(0);
        assertEquals(f0.cursor(0).x(), a.x(), EPS);
        assertEquals(f1.cursor(0).x(), b.x(), EPS);
        assertEquals(a.x() + (b.x() - a.x()) * Frames.ease(0.4), m.x(), EPS);
        assertTrue(a.x() != b.x(), "the walker moved from libc to heap");
    }
}
