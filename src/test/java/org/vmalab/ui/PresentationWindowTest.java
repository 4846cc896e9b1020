package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * Issue 12, item 5: presentation mode for a room. The side panes show only when the step needs them, headings
 * and names are never cut, nothing overlaps at 200 %, and leaving gives the window back as it was (the toolbar
 * whole, the panes, the theme). At 1280x720, with the default lesson at its question, five threads and a race, at
 * 150 % and 200 %: every label and text of the step header and the side panes is whole (not cut with an ellipsis,
 * inside its pane, its scroll view and the window), no two overlap, the threads band is inside the window, and the
 * tree's nodes are inside the tree's view with their words fitting their boxes.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationWindowTest {
    private Player player;
    private MainView view;
    private Stage stage;
    private final FxRobot bot = new FxRobot();

    @Start
    void start(Stage s) {
        stage = s;
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1240, 760));
        s.sizeToScene();
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        player.load(Races.race(false));
    }

    private void layout() {
        FxWait.layout(view);
    }

    private static final List<String> WHOLE = List.of("panel-title", "lane-name", "lane-key", "lane-state", "lock-name",
            "lock-state", "thread-chip", "step-label", "caption", "checker-summary");

    /** Labels of the classes that must never be cut, which are: "text" shows less than the label says. */
    private List<String> cut() {
        List<String> out = new ArrayList<>();
        fx(() -> {
            walk(view, out);
            return null;
        });
        return out;
    }

    private static void walk(Parent p, List<String> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                    && l.getStyleClass().stream().anyMatch(WHOLE::contains)) {
                String shown = l.lookupAll(".text").stream().filter(t -> t instanceof Text).map(t -> ((Text) t)
                        .getText()).reduce("", String::concat);
                if (!shown.replace("\n", " ").replaceAll("\\s+", " ").strip().equals(l.getText().replaceAll("\\s+",
                        " ").strip())) {
                    out.add(l.getStyleClass() + " '" + l.getText() + "' shows as '" + shown + "'");
                }
            }
            if (n instanceof Parent q) {
                walk(q, out);
            }
        }
    }

    /** Code lines of each lane, and the rows of the locks panel, that overlap one another. */
    private List<String> overlaps() {
        List<String> out = new ArrayList<>();
        fx(() -> {
            for (ThreadLane l : view.lanes()) {
                List<Bounds> rows = new ArrayList<>();
                for (int i : l.code().visibleLines()) {
                    Node r = l.code().row(i);
                    rows.add(r.localToScene(r.getLayoutBounds()));
                }
                check(rows, l.name() + " code", out);
            }
            Node grid = view.lookup(".locks-grid");
            if (grid != null && grid.isVisible()) {
                List<Bounds> rows = new ArrayList<>();
                for (Node r : ((Parent) grid).getChildrenUnmodifiable()) {
                    if (!r.isVisible()) {
                        continue;
                    }
                    rows.add(r.localToScene(r.getLayoutBounds()));
                }
                check(rows, "locks", out);
            }
            return null;
        });
        return out;
    }

    private static void check(List<Bounds> rows, String what, List<String> out) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).getMinY() < rows.get(i - 1).getMaxY() - 0.5) {
                out.add(what + ": row " + i + " overlaps the one above (" + rows.get(i - 1).getMaxY() + " > "
                        + rows.get(i).getMinY() + ")");
            }
        }
    }

    @Test
    void thePanesTheStepNeedsNothingCutNothingOverlappingAndLeavingRestores(FxRobot robot) {
        settle(player);
        layout();
        List<Double> toolbar = fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .map(n -> n.getLayoutBounds().getWidth()).toList());
        assertTrue(cut().isEmpty(), "before: " + cut());
        robot.push(KeyCode.P);
        layout();
        Presentation pr = fx(() -> view.classroom().presentation());
        assertTrue(fx(pr::on));
        // at the start no lock is held and nothing broke: the tree and the threads get the room
        assertFalse(fx(view::sidePanesShown), "the locks and the checker collapse while no lock is in use");
        // a step that takes mmap_sem: the locks come back
        int taken = -1;
        for (int i = 1; i <= fx(() -> player.size()) && taken < 0; i++) {
            int at = i;
            fx(() -> {
                player.seek(at);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (fx(() -> !player.scene().locks().semWriter().isEmpty() || !player.scene().locks().semReaders()
                    .isEmpty())) {
                taken = i;
            }
        }
        assertTrue(taken > 0);
        layout();
        assertTrue(fx(view::sidePanesShown), "a lock is held: the locks pane shows");
        List<String> c = cut();
        assertTrue(c.isEmpty(), "presentation at 150 %: " + String.join("\n", c));
        assertTrue(overlaps().isEmpty(), String.join("\n", overlaps()));
        fx(() -> {
            pr.setScale(4);
            return null;
        });
        layout();
        assertEquals(2.0, fx(pr::scale), 1e-9);
        assertTrue(overlaps().isEmpty(), "at 200 %: " + String.join("\n", overlaps()));
        robot.push(KeyCode.ESCAPE);
        layout();
        assertFalse(fx(pr::on));
        assertTrue(fx(view::sidePanesShown), "the side panes are back");
        List<Double> after = fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .map(n -> n.getLayoutBounds().getWidth()).toList());
        assertEquals(toolbar.size(), after.size());
        for (int i = 0; i < toolbar.size(); i++) {
            assertEquals(toolbar.get(i), after.get(i), 1.0, "toolbar item " + i + " is as it was");
        }
        assertTrue(fx(() -> ((Parent) view.lookup(".main-toolbar")).getChildrenUnmodifiable().stream()
                .allMatch(Node::isVisible)), "the whole toolbar is back");
        assertEquals(MainView.Theme.LIGHT, fx(view::theme));
        assertTrue(cut().isEmpty(), "after: " + cut());
    }

    // ================================================================ the room at 1280x720

    /** Enters presentation mode in a 1280x720 window (the headless screen is larger: full screen is left). */
    private Presentation enterAt1280x720() {
        Presentation pr = fx(() -> view.classroom().presentation());
        fx(() -> {
            pr.enter();
            return null;
        });
        window(1280, 720);
        fitTree();
        return pr;
    }

    /** Lays the window out, fits the tree as F does, and lays it out again. */
    private void fitTree() {
        layout();
        fx(() -> {
            view.tree().fit();
            return null;
        });
        layout();
    }

    private void window(int w, int h) {
        fx(() -> {
            stage.setFullScreen(false);
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        layout();
    }

    private void openLesson(String file, int part) {
        fx(() -> {
            Path dir = Path.of("lessons");
            List<Lessons.Entry> es = Lessons.load(dir);
            org.vmalab.lesson.Lesson l = es.stream().filter(e -> e.ok() && e.path().getFileName().toString()
                    .equals(file)).findFirst().orElseThrow().lesson();
            view.setLessons(dir, es, Lessons.Progress.inMemory());
            view.openLesson(l, part);
            return null;
        });
        settle(player);
        layout();
    }

    private void seek(int i) {
        fx(() -> {
            player.seek(i);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        layout();
        fx(() -> {
            view.tree().finishAnimation();
            return null;
        });
        layout();
    }

    /** A label or a text of the window that the room reads: its node and its bounds in the scene. */
    private record Leaf(Node node, String text, Bounds b) {
    }

    /**
     * What is wrong with the window as the room sees it: labels and texts cut (ellipsis, outside their pane, their
     * scroll view or the window), two that overlap, a thread column outside the window, a tree node outside the
     * tree's view or its words wider than its box. The threads' columns' own words are the columns' (ThreadLane).
     */
    private List<String> roomFaults() {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            double w = view.getScene().getWidth();
            double h = view.getScene().getHeight();
            List<Leaf> leaves = new ArrayList<>();
            collect(view, leaves);
            for (Leaf f : leaves) {
                Bounds b = f.b();
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5) {
                    out.add("'" + f.text() + "' is outside the window: " + b);
                }
                if (f.node() instanceof Labeled l && !(l instanceof javafx.scene.control.TitledPane)) {
                    String shown = l.getChildrenUnmodifiable().stream().filter(t -> t instanceof Text).map(t ->
                            ((Text) t)
                            .getText()).reduce("", String::concat);
                    if (!norm(shown).equals(norm(l.getText()))) {
                        out.add("'" + l.getText() + "' shows as '" + shown + "'");
                    }
                }
                for (Parent p = f.node().getParent(); p != null; p = p.getParent()) {
                    boolean clips = p.getClip() != null || p.getStyleClass().contains("viewport");
                    if (clips) {
                        Bounds pb = p.localToScene(p.getLayoutBounds());
                        if (b.getMinY() < pb.getMinY() - 0.5 || b.getMaxY() > pb.getMaxY() + 0.5
                                || b.getMinX() < pb.getMinX() - 0.5 || b.getMaxX() > pb.getMaxX() + 0.5) {
                            out.add("'" + f.text() + "' is cut by " + p.getClass().getSimpleName() + p.getStyleClass()
                                    + ": " + b + " in " + pb);
                            break;
                        }
                    }
                }
            }
            for (int i = 0; i < leaves.size(); i++) {
                for (int j = i + 1; j < leaves.size(); j++) {
                    if (leaves.get(i).node().getParent() instanceof TextFlow
                            && leaves.get(i).node().getParent() == leaves.get(j).node().getParent()) {
                        // the runs of one paragraph: a wrapped run's box spans its lines, the next run starts on one
                        continue;
                    }
                    Bounds a = leaves.get(i).b();
                    Bounds c = leaves.get(j).b();
                    double ox = Math.min(a.getMaxX(), c.getMaxX()) - Math.max(a.getMinX(), c.getMinX());
                    double oy = Math.min(a.getMaxY(), c.getMaxY()) - Math.max(a.getMinY(), c.getMinY());
                    if (ox > 1 && oy > 1) {
                        out.add("'" + leaves.get(i).text() + "' overlaps '" + leaves.get(j).text() + "'");
                    }
                }
            }
            for (ThreadLane l : view.lanes()) {
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getMaxY() > h + 0.5 || b.getMinY() < -0.5) {
                    out.add("the column of " + l.name() + " is cut by the window: " + b);
                }
            }
            TreeCanvas t = view.tree();
            TreeCanvas.Rect area = new TreeCanvas.Rect(0, 0, t.getWidth(), t.getHeight() - t.legendRoom());
            // a tree too large for the view at the room's size is followed: the node the step is about, its parent
            // and its children are in view (the others may be cut by the view's edges)
            List<String> outside = new ArrayList<>();
            java.util.Set<Integer> near = new java.util.HashSet<>();
            int focus = t.focusNode();
            org.vmalab.viewmodel.StepScene.NodeView fn = focus >= 0 ? player.scene().node(focus) : null;
            if (fn != null) {
                near.addAll(List.of(fn.id(), fn.parent(), fn.left(), fn.right()));
            }
            for (TreeCanvas.Drawn d : t.drawn()) {
                if (!d.box().inside(area)) {
                    outside.add("tree node " + d.id() + " is outside the tree's view " + area + ": " + d.box());
                    if (near.contains(d.id())) {
                        out.add("tree node " + d.id() + ", the step's node or next to it, is outside the tree's view "
                                + area + ": " + d.box());
                    }
                }
                for (TreeCanvas.DrawnText x : d.texts()) {
                    if (x.width() > x.room() + 1e-6) {
                        out.add("tree node " + d.id() + ": '" + x.text() + "' is wider than its box");
                    }
                }
            }
            if (!outside.isEmpty() && fn == null) {
                out.addAll(outside);
            }
            if (!outside.isEmpty()) {
                System.err.println("the tree is followed: " + outside.size() + " nodes cut by the view's edges");
            }
            return out;
        });
    }

    private static String norm(String s) {
        return s.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    /** The labels and texts shown, outside the tree, the threads' columns and the overlays of presentation mode. */
    private static void collect(Parent p, List<Leaf> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n instanceof ThreadLane || n instanceof TreeCanvas || n.getId() != null
                    && (n.getId().equals("presenter-bar") || n.getId().equals("pointer-highlight"))) {
                continue;
            }
            if (n instanceof Labeled l) {
                if (l.getText() != null && !l.getText().isBlank()) {
                    out.add(new Leaf(l, l.getText(), l.localToScene(l.getLayoutBounds())));
                }
                continue;
            }
            if (n instanceof Text t && p instanceof TextFlow) {
                if (!t.getText().isBlank()) {
                    out.add(new Leaf(t, t.getText(), t.localToScene(t.getBoundsInLocal())));
                }
                continue;
            }
            if (n instanceof Parent q) {
                collect(q, out);
            }
        }
    }

    private boolean locksShown() {
        return fx(() -> {
            Node n = view.lookup(".locks-panel");
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    /** The least size of the tree's words on the screen at 200 % (px): the room's body text at 100 % and more. */
    private static final double ROOM_TREE_PX = 16;

    /**
     * The size on the screen of the smallest word in the tree's nodes as the last draw set it (its font's size at the
     * zoom it was drawn at, in px); 0 when no node shows a word.
     */
    private double treeTextPx() {
        return fx(() -> view.tree().drawn().stream().flatMap(d -> d.texts().stream()).filter(x -> !x.text().isBlank())
                .mapToDouble(TreeCanvas.DrawnText::size).min().orElse(0));
    }

    /** The tree's view (width x height) in px. */
    private double treeArea() {
        return fx(() -> view.tree().getWidth() * (view.tree().getHeight() - view.tree().legendRoom()));
    }

    /**
     * Where the presenter bar, shown (as a change of the type shows it), covers a thread's current line: the line must
     * read whole while the teacher steps from the bar. Empty when it covers none.
     */
    private List<String> barOnCurrentLines(Presentation pr) {
        fx(() -> {
            pr.setScale(pr.scaleIndex());
            return null;
        });
        layout();
        return fx(() -> {
            List<String> out = new ArrayList<>();
            Node b = view.lookup("#presenter-bar");
            Bounds bb = b.localToScene(b.getLayoutBounds());
            for (ThreadLane l : view.lanes()) {
                int c = l.code().currentLine();
                if (c < 0 || !l.code().visibleLines().contains(c)) {
                    continue;
                }
                Node r = l.code().row(c);
                Bounds rb = r.localToScene(r.getLayoutBounds());
                if (bb.intersects(rb)) {
                    out.add("the presenter bar " + bb + " covers " + l.name() + "'s current line " + rb);
                }
            }
            // nor the address space's numbers and blocks (just above the threads it covered the strip's right end)
            Node strip = view.lookup(".strip-view");
            Bounds sb = strip.localToScene(strip.getLayoutBounds());
            if (strip.isVisible() && bb.intersects(sb)) {
                out.add("the presenter bar " + bb + " covers the address space " + sb);
            }
            // nor the tree: it sits in the row the tree keeps free at its foot, under every node
            TreeCanvas tree = view.tree();
            Bounds tb = tree.localToScene(tree.getLayoutBounds());
            double foot = tb.getMinY() + tree.viewport().y() + tree.viewport().h();
            if (bb.getMinY() < foot - 0.5) {
                out.add("the presenter bar " + bb + " reaches into the tree's view (its foot at y " + foot + ")");
            }
            return out;
        });
    }

    /** The room's checks at 150 % and 200 %, then Esc: the window, the theme and the panes as they were. */
    private void presentAndLeave(String what, Runnable atStep) {
        double before = treeArea();
        boolean lessonBefore = fx(() -> view.lessonPane().getScene() != null);
        double lessonWidth = fx(() -> view.lessonPane().getWidth());
        double locksWidth = fx(() -> view.rightColumn().getWidth());
        Presentation pr = enterAt1280x720();
        atStep.run();
        layout();
        List<String> f = roomFaults();
        assertTrue(f.isEmpty(), what + " at 150 %:\n" + String.join("\n", f));
        f = barOnCurrentLines(pr);
        assertTrue(f.isEmpty(), what + " at 150 %:\n" + String.join("\n", f));
        assertFalse(fx(() -> view.legend().isVisible()), what + ": the legend's rows are the tree's in the room");
        assertTrue(treeArea() > before, what + ": the tree has more room than in the window (" + treeArea() + " <= "
                + before + ")");
        fx(() -> {
            pr.setScale(4);
            return null;
        });
        fitTree();
        f = roomFaults();
        assertTrue(f.isEmpty(), what + " at 200 %:\n" + String.join("\n", f));
        f = barOnCurrentLines(pr);
        assertTrue(f.isEmpty(), what + " at 200 %:\n" + String.join("\n", f));
        // the tree grows with the type: its words at least as large as the room's body text at 100 % (13 px)
        double px = treeTextPx();
        System.err.println("presentation 1280x720 200 %, " + what + ": the tree's smallest word is " + px + " px");
        assertTrue(px >= ROOM_TREE_PX, what + " at 200 %: the tree's words are " + px + " px high on the screen");
        // the type stops at what a 720 px high window holds (250 % and 300 % left no room for the tree)
        fx(() -> {
            pr.scaleBy(1);
            return null;
        });
        assertEquals(2.0, fx(pr::scale), 1e-9, what + ": A+ at 200 % in a 720 px high window");
        // the type changed: the presenter bar shows, whole, inside the window, with the transport on it
        List<String> bar = fx(() -> {
            List<String> out = new ArrayList<>();
            Parent b = (Parent) view.lookup("#presenter-bar");
            if (!b.isVisible()) {
                out.add("the presenter bar is hidden after a change of the type");
            }
            Bounds bb = b.localToScene(b.getLayoutBounds());
            if (bb.getMinX() < -0.5 || bb.getMaxX() > view.getScene().getWidth() + 0.5
                    || bb.getMaxY() > view.getScene().getHeight() + 0.5) {
                out.add("the presenter bar is cut by the window: " + bb);
            }
            for (Node n : b.getChildrenUnmodifiable()) {
                if (n instanceof Labeled l && l.getText() != null) {
                    String shown = l.getChildrenUnmodifiable().stream().filter(t -> t instanceof Text)
                            .map(t -> ((Text) t).getText()).reduce("", String::concat);
                    if (!norm(shown).equals(norm(l.getText()))) {
                        out.add("presenter bar: '" + l.getText() + "' shows as '" + shown + "'");
                    }
                }
            }
            for (String id : List.of("#presentation-back", "#presentation-play", "#presentation-next")) {
                if (b.lookup(id) == null) {
                    out.add("no " + id + " on the presenter bar");
                }
            }
            return out;
        });
        assertTrue(bar.isEmpty(), what + ": " + String.join("\n", bar));
        // the type changed with the presenter bar's button, then the presenter's Esc: it leaves at once
        fx(() -> {
            pr.setScale(3);
            return null;
        });
        layout();
        bot.clickOn("#presentation-smaller");
        layout();
        assertEquals(1.5, fx(pr::scale), 1e-9, what + ": A- on the presenter bar");
        bot.push(KeyCode.ESCAPE);
        layout();
        assertFalse(fx(pr::on), what + ": the first Esc after a change of the type leaves");
        window(1280, 720);
        assertFalse(fx(pr::on));
        assertEquals(MainView.Theme.LIGHT, fx(view::theme));
        assertEquals(lessonBefore, fx(() -> view.lessonPane().getScene() != null), what
                + ": the lesson pane as it was");
        assertEquals(lessonWidth, fx(() -> view.lessonPane().getWidth()), 2, what + ": the lesson pane's width");
        assertTrue(locksShown(), what + ": the locks are back");
        assertEquals(locksWidth, fx(() -> view.rightColumn().getWidth()), 2, what + ": the locks column's width");
        assertTrue(fx(() -> view.lookup(".timeline").isVisible()), what + ": the transport bar is back");
        assertTrue(fx(() -> view.legend().isVisible()), what + ": the legend is back");
        assertEquals(1, fx(() -> view.strip().textScale()), 1e-9, what + ": the address space at its own size");
    }

    /**
     * The teacher moves the pointer to the window's foot for the presenter bar, over the threads: no tooltip opens
     * there (the threads band's tooltip, three lines of the room's type, covered every column's current line).
     */
    @Test
    void noTooltipOpensOverTheThreadsInTheRoom(FxRobot robot) {
        window(1280, 720);
        openLesson("01-mmap-sem-convoy.yaml", 0);
        seek(3);
        enterAt1280x720();
        ThreadLane lane = fx(() -> view.lanes().get(1));
        robot.moveTo(lane);
        robot.moveBy(4, 2);
        robot.sleep(1800);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing()
                && w instanceof javafx.scene.control.Tooltip).map(w -> ((javafx.scene.control.Tooltip) w).getText())
                .toList());
        assertTrue(shown.isEmpty(), "tooltips over the threads in the room: " + shown);
        assertTrue(fx(() -> view.classroom().presentation().pointer().isVisible()), "the pointer highlight follows");
    }

    /**
     * In a 1920x1080 room the address space's names and numbers grow with the type (11 px in the window: they did not
     * read from the back row), and nothing in the room is cut or overlaps; a 720 px room keeps the strip at its own
     * size (the tree needs the rows).
     */
    @Test
    void theAddressSpaceGrowsWithTheTypeAt1920x1080(FxRobot robot) {
        window(1280, 720);
        openLesson("12-race-b-use-after-free.yaml", 0);
        seek(12);
        Presentation pr = enterAt1280x720();
        assertEquals(1, fx(() -> view.strip().textScale()), 1e-9, "the strip at its own size in a 720 px room");
        // a 1920x1080 room (a scene of that size: Monocle's headless screen is smaller)
        TreeViewTest.Window w = fx(() -> new TreeViewTest.Window(1920, 1080).lesson("race-b-use-after-free"));
        Presentation room = fx(() -> w.view.classroom().presentation());
        for (int sc : new int[] {2, 4}) {
            List<String> f = fx(() -> {
                room.enter();
                room.setScale(sc);
                w.settle();
                w.settle();
                List<String> out = new ArrayList<>();
                StripView strip = w.view.strip();
                double px = strip.textScale() * 11;
                if (px < Presentation.BASE_FONT) {
                    out.add("the address space's words are " + px + " px");
                }
                Bounds sb = strip.localToScene(strip.getLayoutBounds());
                if (sb.getMaxY() > 1080.5 || sb.getMaxX() > 1920.5) {
                    out.add("the address space is cut by the window: " + sb);
                }
                Bounds lb = w.view.lanesPanel().localToScene(w.view.lanesPanel().getLayoutBounds());
                if (sb.getMaxY() > lb.getMinY() + 0.5) {
                    out.add("the address space " + sb + " reaches into the threads " + lb);
                }
                double right = strip.getWidth() / strip.textScale();
                for (double[] span : strip.rowSpans()) {
                    if (span[0] < -0.5 || span[1] > right + 0.5) {
                        out.add("a word under the bar is cut: " + span[0] + ".." + span[1] + " of " + right);
                    }
                }
                return out;
            });
            assertTrue(f.isEmpty(), "1920x1080 at " + Presentation.SCALES[sc] + ":\n" + String.join("\n", f));
        }
        fx(() -> {
            room.leave();
            w.settle();
            return null;
        });
        assertEquals(1, fx(() -> w.view.strip().textScale()), 1e-9, "the address space at its own size after leaving");
    }

    /**
     * In a 1920x1080 room before the first step the threads band is as high as its columns (their heads and "not
     * started"), and the tree has the rest: it kept the height it has for their code, two thirds of it empty. Once
     * the threads run it grows for their code.
     */
    @Test
    void atTheStartTheRoomsThreadsBandIsAsHighAsItsColumns(FxRobot robot) {
        TreeViewTest.Window w = fx(() -> new TreeViewTest.Window(1920, 1080).lesson("race-b-use-after-free"));
        Presentation room = fx(() -> w.view.classroom().presentation());
        double[] r = fx(() -> {
            room.enter();
            w.player.seek(0);
            w.settle();
            w.settle();
            double band = w.view.lanesPanel().getHeight();
            double need = 0;
            for (Node n : w.view.lanesPanel().lookupAll(".lane")) {
                if (n instanceof javafx.scene.layout.Region l) {
                    need = Math.max(need, l.prefHeight(l.getWidth()));
                }
            }
            w.player.seek(12);
            w.settle();
            w.settle();
            double later = w.view.lanesPanel().getHeight();
            room.leave();
            return new double[] {band, need, later};
        });
        assertTrue(r[1] > 0 && r[0] <= r[1] + 40, "the band " + r[0] + " px, its columns " + r[1] + " px");
        assertTrue(r[2] > r[0] + 100, "the band grows for the code at step 12: " + r[2] + " px");
    }

    /**
     * In a room the words of a thread column that has not started ("not started: its first step will enter ...", "op
     * 1/8") are in the room's type like the column's others: they stayed at the window's 12 and 11 px beside "holds
     * no lock" at 18 px (lesson 16 at 1920x1080 and 1280x720).
     */
    @Test
    void aColumnNotStartedSpeaksInTheRoomsType(FxRobot robot) {
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            List<String> f = fx(() -> {
                TreeViewTest.Window w = new TreeViewTest.Window(size[0], size[1]).lesson("fairness");
                Presentation room = w.view.classroom().presentation();
                room.enter();
                w.player.seek(0);
                w.settle();
                w.settle();
                List<String> out = new ArrayList<>();
                for (ThreadLane l : w.view.lanes()) {
                    double holds = font(l, ".lane-holds");
                    for (String c : List.of(".code-missing", ".lane-op-count")) {
                        double px = font(l, c);
                        if (px < 0.8 * holds) {
                            out.add(size[0] + "x" + size[1] + " " + l.name() + ": " + c + " at " + px
                                    + " px beside 'holds no lock' at " + holds + " px");
                        }
                    }
                }
                room.leave();
                return out;
            });
            assertTrue(f.isEmpty(), String.join("\n", f));
        }
    }

    /**
     * At the start the caption's corner counts steps as it does later ("step 0 / 178"): it said "index 0 / 178", and
     * a student meets steps, not indices; whole in a 1280x720 room.
     */
    @Test
    void theStartCountsStepsNotIndices(FxRobot robot) {
        String shown = fx(() -> {
            TreeViewTest.Window w = new TreeViewTest.Window(1280, 720).lesson("fairness");
            Presentation room = w.view.classroom().presentation();
            room.enter();
            w.player.seek(0);
            w.settle();
            w.settle();
            Labeled l = (Labeled) w.view.lookup(".step-label");
            // what it says, and what it shows (not cut with an ellipsis)
            String text = l.getText() + " | " + l.lookupAll(".text").stream().filter(t -> t instanceof Text)
                    .map(t -> ((Text) t).getText()).reduce("", String::concat) + " | " + w.player.size();
            room.leave();
            return text;
        });
        String n = shown.substring(shown.lastIndexOf('|') + 2);
        assertEquals("step 0 / " + n + " | step 0 / " + n + " | " + n, shown);
    }

    /** The font size (px) of the first visible label of class {@code css} in {@code lane}, or 0. */
    private static double font(ThreadLane lane, String css) {
        for (Node n : lane.lookupAll(css)) {
            if (n instanceof Labeled l && l.isVisible()) {
                return l.getFont().getSize();
            }
        }
        return 0;
    }

    /**
     * At a part's end the room offers the next part, PageDown opens it and the room stays open; at its start PageUp
     * goes back to the previous part's end. A hint in the row the tree keeps free at its foot says which key (a
     * teacher at lesson 16's end had to press Esc, click part 2 in the lesson list and press P again).
     */
    @Test
    void theRoomGoesOnToTheNextPartAndBackWithoutLeaving(FxRobot robot) {
        window(1280, 720);
        openLesson("16-fairness-and-cost.yaml", 0);
        Presentation pr = enterAt1280x720();
        int size = fx(() -> player.size());
        seek(size - 1);
        assertFalse(fx(() -> pr.partHint().isVisible()), "no hint before the part's end");
        robot.push(KeyCode.PAGE_DOWN);
        layout();
        assertEquals(size, (int) fx(() -> player.index()), "PageDown steps to the end");
        String hint = fx(() -> pr.partHint().isVisible() ? pr.partHint().getText() : "");
        assertTrue(hint.contains("PageDown") && hint.contains("part 2"), "the hint at the end: '" + hint + "'");
        List<String> f = roomFaults();
        f.addAll(hintFaults(pr));
        assertTrue(f.isEmpty(), "at part 1's end:\n" + String.join("\n", f));
        robot.push(KeyCode.PAGE_DOWN);
        settle(player);
        layout();
        assertTrue(fx(pr::on), "the room stays open");
        assertEquals(1, (int) fx(() -> view.lessonPane().part()), "PageDown at the end opens part 2");
        assertEquals(0, (int) fx(() -> player.index()));
        assertTrue(fx(() -> player.playable().id().endsWith("#2")), fx(() -> player.playable().id()));
        hint = fx(() -> pr.partHint().isVisible() ? pr.partHint().getText() : "");
        assertTrue(hint.contains("PageUp") && hint.contains("part 1"), "the hint at part 2's start: '" + hint + "'");
        fitTree();
        f = roomFaults();
        f.addAll(hintFaults(pr));
        assertTrue(f.isEmpty(), "at part 2's start:\n" + String.join("\n", f));
        robot.push(KeyCode.PAGE_DOWN);
        layout();
        assertEquals(1, (int) fx(() -> player.index()), "PageDown steps in part 2");
        assertFalse(fx(() -> pr.partHint().isVisible()), "no hint in the middle of a part");
        robot.push(KeyCode.PAGE_UP);
        robot.push(KeyCode.PAGE_UP);
        settle(player);
        layout();
        assertTrue(fx(pr::on), "the room stays open");
        assertEquals(0, (int) fx(() -> view.lessonPane().part()), "PageUp at the start goes back to part 1");
        // at its end, or at its first question not answered yet (beyond it the lesson hides the run): step 26 here
        int land = fx(() -> Math.min(player.size(), player.horizon()));
        assertTrue(land > 0, "a place to land " + land);
        assertEquals(land, (int) fx(() -> player.index()), "at its end or its open question");
    }

    /**
     * A challenge's run is empty at its start (the learner schedules it): PageDown there does not skip to the next
     * part, and no hint offers it, until no thread can run or the challenge's steps are all taken.
     */
    @Test
    void aChallengeIsNotSkippedAtItsStart(FxRobot robot) {
        int[] r = fx(() -> {
            TreeViewTest.Window w = new TreeViewTest.Window(1280, 720).lesson("you-are-the-scheduler");
            Presentation room = w.view.classroom().presentation();
            room.enter();
            w.settle();
            boolean challenge = w.player.learnerSchedules();
            int hintAtStart = room.partHint().isVisible() ? 1 : 0;
            boolean moved = room.toPart(1);
            // the learner runs the threads in turn until none can run
            int n = w.player.trace().threadCount();
            for (int k = 0; k < 2000; k++) {
                int t = -1;
                for (int d = 0; d < n && t < 0; d++) {
                    t = w.player.canRun((k + d) % n) ? (k + d) % n : -1;
                }
                if (t < 0) {
                    break;
                }
                w.player.choose(t);
            }
            w.settle();
            int hintAtEnd = room.partHint().isVisible() ? 1 : 0;
            room.leave();
            return new int[] {challenge ? 1 : 0, hintAtStart, moved ? 1 : 0, hintAtEnd};
        });
        assertEquals(1, r[0], "lesson 10 part 1 is a challenge");
        assertEquals(0, r[1], "no hint at the challenge's start");
        assertEquals(0, r[2], "PageDown at its start does not open part 2");
        assertEquals(1, r[3], "the hint once the run is over (lesson 10 allows 10 steps)");
    }

    /** Where the part hint, shown, is not in the row the tree keeps free at its foot or meets the presenter bar. */
    private List<String> hintFaults(Presentation pr) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            Node h = pr.partHint();
            Bounds hb = h.localToScene(h.getLayoutBounds());
            TreeCanvas tree = view.tree();
            Bounds tb = tree.localToScene(tree.getLayoutBounds());
            double foot = tb.getMinY() + tree.viewport().y() + tree.viewport().h();
            if (hb.getMinY() < foot - 0.5 || hb.getMaxY() > tb.getMaxY() + 0.5 || hb.getMinX() < tb.getMinX() - 0.5
                    || hb.getMaxX() > tb.getMaxX() + 0.5) {
                out.add("the part hint " + hb + " is not in the free row at the tree's foot (from y " + foot + " in "
                        + tb + ")");
            }
            Node b = view.lookup("#presenter-bar");
            if (b.isVisible() && hb.intersects(b.localToScene(b.getLayoutBounds()))) {
                out.add("the part hint " + hb + " meets the presenter bar " + b.localToScene(b.getLayoutBounds()));
            }
            return out;
        });
    }

    @Test
    void theDefaultLessonAtItsQuestionIsWholeAt1280x720(FxRobot robot) {
        window(1280, 720);
        openLesson("01-mmap-sem-convoy.yaml", 0);
        int q = fx(() -> view.lessonPane().session().checkpoints().get(0).index());
        seek(q);
        assertTrue(fx(() -> view.lessonPane().checkpointShown()), "the question is open at step " + q);
        presentAndLeave("lesson 01 at its question (step " + q + ")", () -> {
            assertTrue(fx(() -> view.lessonPane().checkpointShown() && view.lessonPane().isVisible()
                    && view.lessonPane().getScene() != null), "the question shows in the room");
        });
    }

    @Test
    void aChallengeIsWholeAt1280x720(FxRobot robot) {
        window(1280, 720);
        openLesson("10-you-are-the-scheduler.yaml", 0);
        presentAndLeave("lesson 10's challenge", () -> assertTrue(fx(() -> view.lessonPane().challengePane()
                .isVisible() && view.lessonPane().getScene() != null), "the challenge shows in the room"));
    }

    @Test
    void fiveThreadsAreWholeAt1280x720(FxRobot robot) {
        window(1280, 720);
        openLesson("16-fairness-and-cost.yaml", 0);
        seek(100);
        presentAndLeave("lesson 16, five threads at step 100", () -> { });
    }

    @Test
    void aRaceWithALockHeldIsWholeAt1280x720(FxRobot robot) {
        window(1280, 720);
        settle(player);
        int held = fx(() -> {
            for (int i = 1; i <= player.size(); i++) {
                player.seek(i);
                if (!player.scene().locks().semWriter().isEmpty()) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(held > 0);
        seek(held);
        presentAndLeave("the race at step " + held + " (mmap_sem held)", () -> assertTrue(locksShown(),
                "a lock is held: the locks show"));
    }
}
