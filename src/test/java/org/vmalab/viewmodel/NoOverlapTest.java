package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Frames.NodeFrame;
import org.vmalab.viewmodel.Frames.TreeFrame;
import org.vmalab.viewmodel.TreeGeometry.Detail;

/**
 * No two node boxes (badges included) meet in any frame of any animation: the insertion and erase lessons
 * played step by step, every forward step sampled at many fractions, at every detail. The text half of the rule
 * (every text fits its box) needs the toolkit's fonts: {@code ui.TreeLayoutWindowTest}.
 */
public class NoOverlapTest {
    private static final double[] FRACTIONS = {0, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.75,
        0.8, 0.9, 0.95, 1};

    /** A box in world units: the node's rectangle, or its badge's square. */
    record Box(int id, double x0, double y0, double x1, double y1) {
        boolean meets(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    static List<Box> boxes(TreeFrame f, Detail d) {
        List<Box> out = new ArrayList<>();
        for (NodeFrame n : f.nodes().values()) {
            if (n.opacity() <= 0) {
                continue;
            }
            double cx = TreeGeometry.cx(d, n.x());
            double cy = TreeGeometry.cy(d, n.y());
            double x0 = cx - d.w / 2;
            double y0 = cy - d.h / 2;
            out.add(new Box(n.id(), x0, y0, x0 + d.w, y0 + d.h));
            out.add(new Box(n.id(), x0 + d.w - d.badge, y0 - d.badge, x0 + d.w + d.badge, y0 + d.badge));
        }
        return out;
    }

    /** The first pair of boxes of two different nodes that meet, or null. */
    static String overlap(TreeFrame f, Detail d) {
        List<Box> bs = boxes(f, d);
        for (int i = 0; i < bs.size(); i++) {
            for (int j = i + 1; j < bs.size(); j++) {
                if (bs.get(i).id() != bs.get(j).id() && bs.get(i).meets(bs.get(j))) {
                    return bs.get(i) + " meets " + bs.get(j);
                }
            }
        }
        return null;
    }

    /** The lesson files whose name contains {@code key} (the lessons are renumbered now and then). */
    public static List<Path> lessons(String key) throws Exception {
        try (var s = java.nio.file.Files.list(Path.of("lessons"))) {
            List<Path> out = s.filter(p -> p.getFileName().toString().contains(key)
                    && p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertTrue(!out.isEmpty(), "a lesson about " + key);
            return out;
        }
    }

    static int playAndCheck(String key) throws Exception {
        int frames = 0;
        for (Path file : lessons(key)) {
            frames += playAndCheck(file);
        }
        return frames;
    }

    static int playAndCheck(Path file) throws Exception {
        Lesson l = LessonLoader.load(file);
        int frames = 0;
        for (int part = 0; part < l.parts().size(); part++) {
            Player p = new Player(TaskRunner.INLINE);
            p.load(Lessons.playable(l, part));
            TreeFrame prev = Frames.key(p.scene(), TreeLayout.of(p.scene()));
            while (p.index() < p.size()) {
                p.stepForward();
                StepScene s = p.scene();
                TreeFrame next = Frames.key(s, TreeLayout.of(s));
                for (double t : FRACTIONS) {
                    TreeFrame f = Frames.at(prev, next, t);
                    for (Detail d : Detail.values()) {
                        String o = overlap(f, d);
                        assertTrue(o == null, file + " part " + (part + 1) + " step " + p.index() + " ("
                                + s.caption() + ") at t = " + t + ", " + d + ": " + o);
                    }
                    frames++;
                }
                prev = next;
            }
        }
        return frames;
    }

    @Test
    void theInsertionLessonsNeverPutTwoNodesOnEachOther() throws Exception {
        assertTrue(playAndCheck("insertion") > 100);
    }

    @Test
    void theEraseLessonsNeverPutTwoNodesOnEachOther() throws Exception {
        assertTrue(playAndCheck("erase") > 100);
    }

    /**
     * The tree areas the marks are checked in: the tree's share of a 1280x720 window with the Lesson pane open
     * (686x257 to 686x300 measured, less with five threads and the narration shown), of a 1600x1000 one (858x451
     * to 1000x420), the Lesson pane widened by hand to a third of a 1280x720 window (about 440x240), a tall narrow
     * one (a narrow window) and two large areas.
     */
    static final int[][] MARK_AREAS = {{440, 240}, {360, 600}, {680, 230}, {680, 300}, {860, 450}, {1000, 420},
        {1280, 720}, {1600, 1000}};

    /** The fractions of an animation at which the marks over the tree are checked (the canvas draws each). */
    private static final double[] MARK_FRACTIONS = {0.25, 0.5, 0.75, 1};

    /**
     * In every lesson part, played step by step in each of {@link #MARK_AREAS} and drawn at several fractions of
     * every animation: the step's callout, the tags, the walkers' ghost chips and their words, the root pointer, the
     * vmacache dock and the legend cover no node box (badge included) and no other mark, the callout is whole and
     * its leader crosses no other node in any frame, no tether crosses the dock, and no frame at rest leaves out a
     * tag of a node in view ({@code ui.TreeMarksProbe} draws the tree; it writes a frame with a problem to {@code
     * target/marks-probe/}).
     */
    @TestFactory
    Stream<DynamicTest> theMarksOverTheTreeCoverNoNodeAndNoOtherMark() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : lessons(".yaml")) {
            Lesson l = LessonLoader.load(file);
            for (int part = 0; part < l.parts().size(); part++) {
                int pt = part;
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " part " + (part + 1), () -> {
                    List<String> problems = new ArrayList<>();
                    int[] frames = {0};
                    for (int[] size : MARK_AREAS) {
                        problems.addAll(org.vmalab.ui.TreeMarksProbe.check(file, pt, size[0], size[1],
                                MARK_FRACTIONS, frames));
                    }
                    assertEquals(List.of(), problems, frames[0] + " frames");
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The Lesson pane widened to a third of a 1280x720 window leaves the tree an area of about 440x240; lesson 1's
     * third part has four threads with cached VMAs: the legend, the callout's strip and the vmacache dock leave the
     * tree at least {@link #LEAST_TREE} px of height in every step (the dock's strip used to leave it about 70).
     */
    @Test
    void aSmallTreeAreaWithFourCachingThreadsLeavesTheTreeItsHeight() throws Exception {
        double[] least = org.vmalab.ui.TreeMarksProbe.leastTreeHeight(lessons("mmap-sem-convoy").get(0), 2, 440, 240);
        assertTrue(least[0] >= LEAST_TREE, "the tree keeps " + least[0] + " px at step " + (int) least[1]
                + " (target/marks-probe/01-mmap-sem-convoy-part3-440x240-least-tree.png)");
    }

    /** The least height the tree keeps in a 440x240 area with four caching threads. */
    static final double LEAST_TREE = 85;

    /**
     * In a 440x240 tree area the legend (one row under a short tree), the callout's strip (set tight) and the
     * vmacache dock's strip leave the tree at least {@link #LEAST_SHARE} of the area's height in every step at rest:
     * lesson 1's third part (four threads caching), the erase drills (long callouts with their tags) and race (d)
     * (the vmacache's lesson). They used to take about 60 % of it (the tree kept 89.7 px of 240).
     */
    @Test
    void aSmallTreeAreaLeavesTheTreeAtLeastHalfItsHeight() throws Exception {
        List<String> short_ = new ArrayList<>();
        for (Object[] part : new Object[][] {{"mmap-sem-convoy", 2}, {"erase-cases", 4}, {"erase-cases", 5},
            {"race-d", 0}}) {
            double[] least = org.vmalab.ui.TreeMarksProbe.leastTreeHeight(lessons((String) part[0]).get(0),
                    (Integer) part[1], 440, 240);
            if (least[0] < LEAST_SHARE * 240) {
                short_.add(part[0] + " part " + ((Integer) part[1] + 1) + ": " + least[0] + " px at step "
                        + (int) least[1]);
            }
        }
        assertEquals(List.of(), short_, "the tree's least height of 240 (target/marks-probe/*-least-tree.png)");
    }

    /** The share of a 440x240 tree area's height the tree keeps at least. */
    static final double LEAST_SHARE = 0.5;

    @Test
    void atRestTheLayoutIsTheFrameAndAnInterruptedAnimationGoesOnWithoutAJump() throws Exception {
        Lesson l = LessonLoader.load(lessons("erase").get(0));
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        for (int i = 1; i < p.size(); i++) {
            StepScene a = p.scene();
            p.stepForward();
            StepScene b = p.scene();
            TreeLayout.Layout lb = TreeLayout.of(b);
            TreeFrame fa = Frames.key(a, TreeLayout.of(a));
            TreeFrame fb = Frames.key(b, lb);
            TreeFrame end = Frames.at(fa, fb, 1);
            for (StepScene.NodeView n : b.nodes()) {
                assertEquals(lb.x(n.id()), end.node(n.id()).x(), 1e-9, "t = 1 is the layout, x of " + n.name());
                assertEquals(lb.y(n.id()), end.node(n.id()).y(), 1e-9);
            }
            // a new step arrives halfway through: the next animation starts where this one was
            TreeFrame mid = Frames.at(fa, fb, 0.5);
            TreeFrame resumed = Frames.at(mid, fb, 0);
            for (NodeFrame m : mid.nodes().values()) {
                NodeFrame r = resumed.node(m.id());
                if (r != null && m.opacity() > 0) {
                    assertEquals(m.x(), r.x(), 1e-9, "no jump at step " + i);
                    assertEquals(m.y(), r.y(), 1e-9);
                }
            }
        }
    }

    @Test
    void neighboursOnTheSameRowGetAWholeColumn() {
        assertEquals(2, TreeLayout.spacing(0), 0);
        assertEquals(2, TreeLayout.spacing(-TreeLayout.NEAR), 0);
        assertEquals(1, TreeLayout.spacing(1), 0);
        assertEquals(1, TreeLayout.spacing(2.3), 0);
        assertEquals(1.5, TreeLayout.spacing((1 + TreeLayout.NEAR) / 2), 1e-9);
        for (Detail d : Detail.values()) {
            // one slot apart and NEAR rows apart, two boxes and their badges do not meet
            assertTrue(TreeLayout.NEAR * d.row() >= d.h + d.badge, d.name());
            // a column apart, a badge stays clear of the next box
            assertTrue(2 * d.slot() >= d.w + d.badge, d.name());
        }
    }
}
