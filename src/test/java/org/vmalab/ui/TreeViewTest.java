package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.VmaSpec;
import org.vmalab.imports.MapsImporter;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Mark;
import org.vmalab.viewmodel.NodeFace;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.TaskRunner;
import org.vmalab.viewmodel.TreeGeometry.Detail;

/**
 * The tree as a learner sees it, headless, in windows of real sizes (the lesson pane open): the numbers on the
 * nodes, the step's callout at any zoom, Fit and Follow keeping the tree in view, long names, the empty tree,
 * and in lessons 3 and 4 every node's text inside its box.
 */
@ExtendWith(ApplicationExtension.class)
class TreeViewTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: each test builds its window in a scene of the size it is about
    }

    /** A window of {@code w x h} playing part 1 of a lesson (the lesson pane open), synchronously. */
    static final class Window {
        final Player player = new Player(TaskRunner.INLINE);
        final MainView view = new MainView(player);
        final javafx.scene.Scene scene;

        Window(int w, int h) {
            scene = new javafx.scene.Scene(view, w, h);
            view.selectTheme(MainView.Theme.LIGHT);
            view.applyTheme(MainView.Theme.LIGHT);
        }

        Window lesson(String file) {
            Lesson l = load(file);
            view.setLessons(Path.of("lessons"), Lessons.load(Path.of("lessons")), Lessons.Progress.inMemory());
            view.openLesson(l, 0);
            return settle();
        }

        Window play(Scenario sc) {
            player.load(Playable.of(sc));
            return settle();
        }

        Window settle() {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            view.tree().finishAnimation();
            return this;
        }

        TreeCanvas tree() {
            return view.tree();
        }

        /** Is every drawn node box (and badge) inside the tree's view, above the legend? */
        String outside() {
            TreeCanvas t = tree();
            TreeCanvas.Rect area = new TreeCanvas.Rect(0, 0, t.getWidth(), t.getHeight() - t.legendRoom());
            for (TreeCanvas.Drawn d : t.drawn()) {
                if (!d.box().inside(area) || d.badge() != null && !d.badge().inside(area)) {
                    return d + " is not inside " + area;
                }
            }
            return null;
        }
    }

    /** The first lesson whose file name contains {@code key} (the lessons are renumbered now and then). */
    static Lesson load(String key) {
        try {
            return LessonLoader.load(org.vmalab.viewmodel.NoOverlapTest.lessons(key).get(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void at1600x1000TheNodesShowTheirRangeGapAndSubtreeGap() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("augmented-gap");
            assertEquals(Detail.FULL, w.tree().detail(), "a 7-node tree at 1600x1000 shows every number");
            assertEquals(7, w.tree().drawn().size());
            for (TreeCanvas.Drawn d : w.tree().drawn()) {
                StepScene.NodeView n = w.player.scene().node(d.id());
                List<String> texts = new ArrayList<>();
                d.texts().forEach(x -> texts.add(x.text()));
                assertEquals(List.of(NodeFace.name(n), org.vmalab.viewmodel.Fmt.range(n.start(), n.end()),
                        "gap " + Numbers.hex(n.ownGap()), NodeFace.subtreeLine(n)), texts);
                for (TreeCanvas.DrawnText x : d.texts()) {
                    assertTrue(x.width() <= x.room() + 1e-6, x.text() + " fits");
                }
            }
            assertTrue(w.tree().zoom() * Detail.FULL.numberSize >= 9 - 1e-9, "numbers at least 9 px");
            assertEquals(null, w.outside());
            return null;
        });
    }

    @Test
    void at1280x720TheFindVmaLessonStartsWithEveryNodeInView() {
        fx(() -> {
            Window w = new Window(1280, 720).lesson("find-vma");
            assertEquals(w.player.scene().nodes().size(), w.tree().drawn().size(), "every node is drawn");
            assertEquals(null, w.outside());
            assertTrue(w.tree().zoom() * w.tree().detail().readableSize() >= 9 - 1e-9, "and readable");
            return null;
        });
    }

    @Test
    void theStepsNodeGetsACalloutWithItsNumbersWhateverTheZoom() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("insertion");
            int i = 1;
            while (i <= w.player.size() && !w.player.trace().caption(i).contains("rb_subtree_gap")) {
                i++;
            }
            w.player.seek(i);
            w.settle();
            StepScene s = w.player.scene();
            int c = w.tree().calloutNode();
            StepScene.NodeView n = s.node(c);
            assertNotNull(n, "step " + i + " (" + s.caption() + ") has a callout");
            List<String> lines = new ArrayList<>();
            NodeFace.callout(n).forEach(l -> lines.add(l.text()));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("rb_subtree_gap " + Numbers.hex(
                    n.subtreeGap()))), lines.toString());
            if (n.has(Mark.GAP_CHANGED)) {
                assertTrue(lines.stream().anyMatch(l -> l.contains("was " + Numbers.hex(n.oldGap()))));
            }
            TreeCanvas.Rect near = w.tree().calloutRect();
            assertNotNull(near);
            // its numbers never smaller than the nodes' on screen
            double nodePx = w.tree().detail().numberSize * w.tree().zoom();
            assertTrue(w.tree().calloutShown().textPx() >= Math.max(11, nodePx) - 1e-6,
                    w.tree().calloutShown().textPx() + " px, the nodes' " + nodePx);
            for (int k = 0; k < 12; k++) {
                w.tree().zoomBy(0.7);
            }
            w.settle();
            TreeCanvas.Rect far = w.tree().calloutRect();
            assertNotNull(far, "still there zoomed far out");
            assertEquals(11, w.tree().calloutShown().textPx(), 1e-6, "drawn at the screen's scale");
            assertTrue(far.w() <= near.w() + 1e-6 && far.w() > 150, far + " zoomed out, " + near + " in");
            return null;
        });
    }

    @Test
    void followKeepsASmallTreeWholeInViewAtEveryStep() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("race-a");
            for (int i = 1; i <= w.player.size(); i++) {
                w.player.stepForward();
                w.settle();
                assertEquals(null, w.outside(), "step " + i + ": " + w.player.scene().caption());
            }
            return null;
        });
    }

    @Test
    void fitFitsA43VmaImport() {
        fx(() -> {
            Scenario sc = MapsImporter.scenario(MapsImporter.parse(SyntheticMaps.text(43, 5), "t.maps", false));
            Window w = new Window(1280, 720).lesson("find-vma").play(sc);
            assertEquals(43, w.player.scene().nodes().size());
            w.tree().fit();
            w.settle();
            assertEquals(43, w.tree().drawn().size(), "Fit shows all 43");
            assertEquals(null, w.outside());
            return null;
        });
    }

    /**
     * File ▸ Import maps… shows the whole tree, as Fit does: a 37-VMA import in a 1920x1080 window, made from a
     * lesson (its pane closes and the tree's area grows as the import comes in), was left followed, its nodes cut
     * at both sides until the user pressed F. It stays whole when the window grows again.
     */
    @Test
    void anImportIsShownWholeWithoutPressingFit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path maps = SyntheticMaps.write(dir, 37);
        Window w = fx(() -> new Window(1920, 1080).lesson("race-b-use-after-free"));
        fx(() -> {
            w.view.classroom().imports().importFile(maps);
            return null;
        });
        FxWait.until("the import", () -> !w.view.classroom().imports().reading() && !w.player.busy()
                && w.player.scene().nodes().size() == 37);
        fx(() -> {
            w.settle();
            assertEquals(37, w.tree().drawn().size(), "every node drawn");
            assertEquals(null, w.outside());
            ((javafx.scene.layout.Region) w.scene.getRoot()).resize(1920, 1000);
            w.settle();
            ((javafx.scene.layout.Region) w.scene.getRoot()).resize(1920, 1080);
            w.settle();
            assertEquals(37, w.tree().drawn().size(), "every node drawn after a resize");
            assertEquals(null, w.outside(), "after a resize");
            return null;
        });
    }

    /**
     * The 65,530-VMA overview after Fit, at the three screen sizes: every node and summary inside the view and
     * below the tree's tools (the last summary was cut at the right edge), every summary's count in full
     * ("4,095 VMAs", not "4,095 …"), no node name cut, and, with the room the panel has, the numbers on the nodes.
     */
    @Test
    void theOverviewOfALargeImportFitsWholeWithItsNumbersAndCountsInFull() throws Exception {
        Scenario big = MapsImporter.scenario(MapsImporter.parse(SyntheticMaps.text(65530, 42), "big.maps", false));
        for (int[] size : new int[][] {{1280, 720}, {1600, 1000}, {1920, 1080}}) {
            fx(() -> {
                Window w = new Window(size[0], size[1]).play(big);
                w.tree().fit();
                w.settle();
                String at = size[0] + "x" + size[1] + ": ";
                assertTrue(w.tree().overviewShown(), at + "the overview");
                assertEquals(null, w.outside(), at + "every item inside the view");
                double toolsBottom = w.view.lookup("#tree-tools").getBoundsInParent().getMaxY();
                int summaries = 0;
                for (TreeCanvas.Drawn d : w.tree().drawn()) {
                    assertTrue(d.box().y() >= toolsBottom, at + d + " is below the tools (" + toolsBottom + ")");
                    for (TreeCanvas.DrawnText x : d.texts()) {
                        assertFalse(x.text().contains("…") && !x.text().matches(".*[0-9a-f]…"),
                                at + "'" + x.text() + "' is cut");
                        assertTrue(x.width() <= x.room() + 1e-6, at + x.text() + " fits");
                    }
                    if (d.id() >= org.vmalab.viewmodel.Overview.SUMMARY_BASE) {
                        summaries++;
                        String count = d.texts().get(0).text();
                        assertTrue(count.matches("(▸ )?[0-9,]+ VMAs"), at + "a summary's count in full: " + count);
                    }
                }
                assertTrue(summaries >= 4, at + "summaries drawn: " + summaries);
                assertTrue(w.tree().detail() != Detail.NAME, at + "the nodes show their numbers: " + w.tree().detail());
                assertTrue(w.tree().zoom() * w.tree().detail().readableSize() >= 9 - 1e-9, at + "readably");
                return null;
            });
        }
    }

    @Test
    void longNamesAreCutWithAnEllipsisInTheirOwnCaseAndTheTooltipHasThemWhole() {
        fx(() -> {
            String longName = "libLongLibraryName.so.6.0.32";
            Scenario base = Scenarios.defaultScenario();
            List<VmaSpec> l = List.of(new VmaSpec(longName, 0x10000, 0x20000, Const.VM_READ, true, 0),
                    new VmaSpec("[heap]", 0x30000, 0x40000, Const.VM_READ | Const.VM_WRITE, false, 0));
            Scenario sc = new Scenario("names", l, List.of(), base.protection(), base.granularity(), 1,
                    base.stackGuard(), base.mmapBase());
            Window w = new Window(1280, 720).play(sc);
            for (Detail d : Detail.values()) {
                for (StepScene.NodeView n : w.player.scene().nodes()) {
                    TreeCanvas.Placed name = w.tree().layoutTexts(n, d).get(0);
                    assertTrue(w.tree().textWidth(name.text(), name.font()) <= d.w - 2 * TreeCanvas.PAD + 1e-6);
                    if (n.name().equals(longName) && d == Detail.NAME) {
                        assertTrue(name.text().endsWith("…"), name.text());
                        assertTrue(longName.startsWith(name.text().substring(0, name.text().length() - 1)),
                                "its own case: " + name.text());
                    }
                }
            }
            StepScene.NodeView n = w.player.scene().nodes().get(0);
            assertTrue(TreeCanvas.describe(n).startsWith(longName), "the hover text names it whole");
            return null;
        });
    }

    @Test
    void theEmptyTreeSaysSoWithinItsView() {
        fx(() -> {
            Scenario base = Scenarios.defaultScenario();
            Scenario sc = new Scenario("empty", List.of(), List.of(), base.protection(), base.granularity(), 1,
                    base.stackGuard(), base.mmapBase());
            Window w = new Window(1280, 720).lesson("find-vma").play(sc);
            TreeCanvas.Rect r = w.tree().emptyMessageRect();
            assertNotNull(r, "the empty tree's message is drawn");
            assertTrue(r.x() >= 0 && r.x() + r.w() <= w.tree().getWidth(), r + " within " + w.tree().getWidth());
            return null;
        });
    }

    @Test
    void inTheInsertionAndEraseLessonsEveryNodesTextFitsItsBoxAtEveryDetail() {
        fx(() -> {
            for (String file : new String[] {"insertion", "erase"}) {
                Lesson l = load(file);
                Window w = new Window(1600, 1000);
                for (int part = 0; part < l.parts().size(); part++) {
                    w.player.load(Lessons.playable(l, part));
                    for (int i = 0; i <= w.player.size(); i++) {
                        w.player.seek(i);
                        for (StepScene.NodeView n : w.player.scene().nodes()) {
                            for (Detail d : Detail.values()) {
                                List<TreeCanvas.Placed> ps = w.tree().layoutTexts(n, d);
                                assertEquals(1 + NodeFace.lines(n, d).size(), ps.size());
                                for (TreeCanvas.Placed p : ps) {
                                    double tw = w.tree().textWidth(p.text(), p.font());
                                    assertTrue(tw <= d.w - 2 * TreeCanvas.PAD + 1e-6, file + " step " + i + " "
                                            + d + ": '" + p.text() + "' is " + tw + " wide");
                                    assertTrue(p.y() - p.font().getSize() / 2 >= 0
                                            && p.y() + p.font().getSize() / 2 <= d.h, p.text() + " inside " + d);
                                }
                                for (int k = 1; k < ps.size(); k++) {
                                    assertEquals(NodeFace.lines(n, d).get(k - 1).text(), ps.get(k).text(),
                                            "numbers are never cut");
                                }
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    @Test
    void afterALargeImportALessonShowsItsTreeAndNoStaleFindBar() {
        fx(() -> {
            Scenario big = MapsImporter.scenario(MapsImporter.parse(SyntheticMaps.text(3000, 42), "big.maps", false));
            Window w = new Window(1600, 1000).play(big);
            assertTrue(w.tree().overviewShown());
            w.view.classroom().tools().openFind();
            w.view.classroom().tools().field().setText("0x7ffffffde010");
            w.view.classroom().tools().find();
            w.settle();
            assertTrue(w.view.lookup("#tree-tools").isVisible());
            w.lesson("augmented-gap");
            assertFalse(w.tree().overviewShown(), "a 7-node lesson is drawn whole");
            assertEquals(7, w.tree().drawn().size(), "its nodes are on screen");
            assertEquals(null, w.outside());
            assertFalse(w.view.lookup("#tree-tools").isVisible(), "no Find bar left over from the import");
            return null;
        });
    }

    @Test
    void theLegendExplainsEveryMarkTheTreeDraws() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("augmented-gap");
            TreeLegend legend = w.view.legend();
            java.util.Set<String> keys = new java.util.HashSet<>();
            legend.entries().forEach(e -> keys.add(e.key()));
            for (Mark m : Mark.values()) {
                assertTrue(keys.contains("mark:" + m), "an entry for " + m);
            }
            for (org.vmalab.viewmodel.NodeState st : org.vmalab.viewmodel.NodeState.values()) {
                assertTrue(keys.contains("state:" + st), "an entry for " + st);
            }
            for (StepScene.EdgeKind k : StepScene.EdgeKind.values()) {
                assertTrue(keys.contains("edge:" + k), "an entry for " + k);
            }
            assertTrue(keys.contains("stale"), "the * of a stale rb_subtree_gap");
            assertTrue(legend.entries().stream().anyMatch(e -> e.key().equals("stale")
                    && e.text().startsWith(NodeFace.STALE_MARK)));
            assertFalse(w.view.lookup(".legend-full").isVisible());
            legend.setExpanded(true);
            w.settle();
            assertTrue(w.view.lookup(".legend-full").isVisible(), "Legend opens the full list");
            return null;
        });
    }

    /** The node named {@code name} in the scene on screen. */
    static StepScene.NodeView named(Window w, String name) {
        return w.player.scene().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aLocklessWalkersLoadedPointerIsAGhostChipOnTheNodeItWillVisit() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("race-a");
            org.vmalab.engine.trace.Trace tr = w.player.trace();
            int i = 1;
            while (!(tr.step(i).thread() == 0 && tr.step(i).loc() == org.vmalab.engine.trace.Loc.GET_VMA_RIGHT
                    && tr.caption(i).startsWith("visit libc:"))) {
                i++;
            }
            w.player.seek(i);
            w.settle();
            int libc = named(w, "libc").id();
            int libcRw = named(w, "libc_rw").id();
            assertEquals(libc, w.player.scene().cursors().get(0).node(), "T1 stands on libc");
            assertEquals(List.of(new StepScene.Loaded(0, "T1", libcRw, libc, false, "libc.rb_right")),
                    w.player.scene().loaded(), "and holds the pointer to libc_rw it loaded from libc.rb_right");
            assertEquals(1, w.tree().ghosts().size());
            assertEquals(libcRw, w.tree().ghosts().get(0).node(), "the ghost chip is on libc_rw");
            // T2 rotates the tree; T1 still holds the same pointer
            int j = i + 1;
            while (tr.step(j).thread() != 0) {
                j++;
            }
            w.player.seek(j - 1);
            w.settle();
            assertEquals(libcRw, w.tree().ghosts().get(0).node(), "still on libc_rw while T2 runs");
            w.player.seek(j);
            w.settle();
            assertEquals(libcRw, w.player.scene().cursors().get(0).node(), "T1's next step visits it");
            return null;
        });
    }

    @Test
    void theVmacacheIsFourSlotsWithArrowsAndAHeldReferenceATether() {
        fx(() -> {
            Window w = new Window(1600, 1000).lesson("race-b-use");
            boolean sawCache = false;
            boolean sawRef = false;
            for (int i = 0; i <= w.player.size() && !(sawCache && sawRef); i++) {
                w.player.seek(i);
                w.settle();
                for (StepScene.ThreadView tv : w.player.scene().threads()) {
                    TreeCanvas.DockRow row = w.tree().dockRows().stream().filter(r -> r.thread() == tv.index())
                            .findFirst().orElse(null);
                    boolean cached = tv.vmacacheVmas().stream().anyMatch(v -> v >= 0);
                    if (cached || !tv.refs().isEmpty()) {
                        assertNotNull(row, "step " + i + ": " + tv.name() + " has a row in the dock");
                        assertEquals(4, row.slots().size());
                        assertEquals(tv.vmacacheVmas(), row.slots(), "each slot points to its VMA, or is empty");
                        assertEquals(tv.vmacacheValid(), row.valid());
                        List<Integer> refs = new ArrayList<>();
                        tv.refs().forEach(r -> refs.add(r.vma()));
                        assertEquals(refs, row.refs(), "a tether to each VMA it holds");
                        sawCache |= cached;
                        sawRef |= !tv.refs().isEmpty();
                    } else {
                        assertEquals(null, row, "no row for a thread with nothing cached or held");
                    }
                }
            }
            assertTrue(sawCache, "a step with a cached VMA");
            assertTrue(sawRef, "a step with a reference held (get_vma done, put_vma not yet)");
            return null;
        });
    }

    @Test
    void onALargeTreeTheNextStepsSceneIsPreparedAheadAndIsTheSameScene() {
        Player p = new Player(TaskRunner.INLINE);
        p.setPrepare(TreeCanvas::prepare);
        p.load(Playable.of(FrameBench.scenario(Player.PREPARE_AHEAD_VMAS + 500)));
        for (int i = 1; i <= 12 && p.index() < p.size(); i++) {
            p.stepForward();
            StepScene made = org.vmalab.viewmodel.StepSceneBuilder.build(p.trace(), p.trace().cursor().seek(p.index()),
                    org.vmalab.viewmodel.Narration.NONE);
            assertEquals(made, p.scene(), "step " + p.index() + ": the scene prepared ahead is the scene");
            assertTrue(org.vmalab.viewmodel.Overview.treeOf(p.scene()) != null);
        }
        assertEquals(12, p.preparedHits(), "every forward step found its scene ready (or waited for it)");
        p.seek(3);
        assertEquals(12, p.preparedHits(), "a jump builds its own");
    }

    @Test
    void thePreparationAheadWaitsForItsStartAndAStepBeforeItBuildsItsOwnScene() {
        Player p = new Player(TaskRunner.INLINE);
        List<Runnable> starts = new ArrayList<>();
        p.setAheadStart(starts::add);
        p.load(Playable.of(FrameBench.scenario(Player.PREPARE_AHEAD_VMAS + 500)));
        assertEquals(1, starts.size(), "the preparation of step 1 waits for the window to start it");
        p.stepForward();
        assertEquals(0, p.preparedHits(), "step 1 came before its preparation started: built on the spot");
        assertEquals(fresh(p), p.scene());
        // the start of step 1's preparation, run late, starts nothing; step 2's is handed over and found
        starts.get(0).run();
        starts.get(1).run();
        p.stepForward();
        assertEquals(1, p.preparedHits(), "step 2 found its scene prepared");
        assertEquals(fresh(p), p.scene(), "the prepared scene is the scene of step 2");
        // handed over, then a jump: the prepared scene of step 3 is not the one shown
        starts.get(2).run();
        p.seek(7);
        assertEquals(1, p.preparedHits());
        assertEquals(fresh(p), p.scene(), "a jump shows the scene of where it lands");
        starts.get(3).run();
        p.stepForward();
        assertEquals(2, p.preparedHits());
        assertEquals(fresh(p), p.scene());
    }

    @Test
    void inAShownWindowTheNextScenesPreparationStartsOnceTheStepIsDrawn() {
        Player p = new Player(TaskRunner.INLINE);
        int[] pulses = new int[1];
        Stage stage = fx(() -> {
            MainView v = new MainView(p);
            javafx.scene.Scene sc = new javafx.scene.Scene(v, 1280, 720);
            sc.addPostLayoutPulseListener(() -> pulses[0]++);
            Stage st = new Stage();
            st.setScene(sc);
            st.show();
            p.load(Playable.of(FrameBench.scenario(Player.PREPARE_AHEAD_VMAS + 500)));
            return st;
        });
        try {
            for (int k = 1; k <= 3; k++) {
                int seen = fx(() -> pulses[0]);
                FxWait.until("two pulses after the step", () -> pulses[0] >= seen + 2);
                fx(() -> {
                    p.stepForward();
                    return null;
                });
                assertEquals(k, fx(p::preparedHits), "step " + k
                        + " found its scene prepared after the last was drawn");
                assertEquals(fresh(p), fx(p::scene));
            }
        } finally {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** The scene of the player's index, built anew from its trace. */
    private static StepScene fresh(Player p) {
        return org.vmalab.viewmodel.StepSceneBuilder.build(p.trace(), p.trace().cursor().seek(p.index()),
                org.vmalab.viewmodel.Narration.NONE);
    }
}
