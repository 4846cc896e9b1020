package org.vmalab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.TaskRunner;

/**
 * The tree view of a lesson part played frame by frame, headless, for {@code viewmodel.NoOverlapTest}: a tree
 * area of a given size with its legend, every forward step animated and drawn at several fractions of its way;
 * in each frame, the marks read on top of the tree (the step's callout, the tags, the walkers' ghost chips and
 * their words, the root pointer, the vmacache dock and the legend) must cover no node box (its reference-count
 * badge included) where the tree's viewport shows it, and no other mark; the callout lies whole in the tree area
 * above the legend, its numbers at least as large as the nodes' on screen, and in every frame (while the nodes
 * move too) its leader crosses no other node; a reader's tether does not cross the dock it starts from; a vmacache
 * slot's arrow (what of it is drawn) crosses no node box but its VMA's; no frame at
 * rest leaves out a tag of a node in view (what the step changed, beside its node or listed in the callout; the tags
 * a frame in motion leaves out are counted in the message). A frame with a problem is written to {@code
 * target/marks-probe/} as a picture.
 */
public final class TreeMarksProbe {
    private TreeMarksProbe() {
    }

    /** A mark as drawn: what it is and where (view coordinates). */
    record Mark(String what, TreeCanvas.Rect r) {
    }

    /**
     * Plays part {@code part} of the lesson in {@code file} in a tree area of {@code w x h} and returns the
     * problems found (at most a few), empty when every frame is clean; {@code frames[0]} counts the frames drawn.
     */
    public static List<String> check(Path file, int part, int w, int h, double[] fractions, int[] frames)
            throws Exception {
        FxToolkit.registerPrimaryStage();
        Lesson l = LessonLoader.load(file);
        return WaitForAsyncUtils.asyncFx(() -> play(l, part, w, h, fractions, frames)).get(600, TimeUnit.SECONDS);
    }

    /** A tree area of {@code w x h} with its legend, showing the first step of a lesson part. */
    private record Area(TreeCanvas tree, TreeLegend legend, StackPane area, Player player) {
    }

    private static Area area(Lesson l, int part, int w, int h) {
        Palette palette = new Palette();
        TreeCanvas tree = new TreeCanvas(palette);
        TreeLegend legend = new TreeLegend(palette);
        StackPane area = new StackPane(tree, legend, palette.node());
        legend.attach(tree);
        Scene scene = new Scene(area, w, h);
        scene.getStylesheets().setAll(MainView.class.getResource(MainView.Theme.LIGHT.file).toExternalForm(),
                MainView.class.getResource(MainView.BASE_CSS).toExternalForm(),
                MainView.class.getResource(Classroom.CSS).toExternalForm());
        area.getStyleClass().add("app");
        area.applyCss();
        palette.refresh();
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, part));
        tree.show(p.scene(), null, 0);
        area.applyCss();
        area.layout();
        // a second pass, as the window's next pulse would: the legend's line settles on the area's size
        area.layout();
        return new Area(tree, legend, area, p);
    }

    private static List<String> play(Lesson l, int part, int w, int h, double[] fractions, int[] frames) {
        Area a = area(l, part, w, h);
        TreeCanvas tree = a.tree();
        TreeLegend legend = a.legend();
        StackPane area = a.area();
        Player p = a.player();
        List<String> problems = new ArrayList<>();
        String where = l.title() + " part " + (part + 1) + " at " + w + "x" + h;
        String name = l.id() + "-part" + (part + 1) + "-" + w + "x" + h;
        check(tree, legend, where + " step 0", problems, true);
        picture(area, name + "-step0", problems.isEmpty() ? -1 : 0, 0);
        // the tags a frame at rest left out (what a step changed must never vanish): counted over the whole part
        LeftOut left = new LeftOut();
        left.count(tree, 0, 1);
        while (p.index() < p.size() && problems.size() < 3) {
            StepScene before = p.scene();
            p.stepForward();
            tree.show(p.scene(), before, 400);
            for (double f : fractions) {
                tree.seekAnimation(f);
                frames[0]++;
                int had = problems.size();
                check(tree, legend, where + " step " + p.index() + " (" + p.scene().caption() + ") at t = " + f,
                        problems, f >= 1);
                boolean lost = left.count(tree, p.index(), f);
                picture(area, name + "-step" + p.index() + "-t" + Math.round(f * 100), problems.size() > had
                        || lost && f >= 1 ? 0 : p.index(), f);
            }
            tree.finishAnimation();
        }
        if (left.tags > 0) {
            problems.add(where + ": " + left.tags + " tags left out in " + left.frames + " frames at rest (first: "
                    + left.first + ")");
        }
        if (left.moving > 0) {
            problems.add(where + ": " + left.moving + " tags left out in motion, in " + left.movingFrames
                    + " frames (first: " + left.firstMoving + ")");
        }
        return problems;
    }

    /**
     * Every mark of a picture lies whole inside it (a handout's tree is fitted whole): the callout, the tags and the
     * dock inside the canvas, what is drawn with the tree (the root pointer, the ghost chips and their words) inside
     * the tree's viewport.
     */
    static void checkInside(TreeCanvas tree, String where, List<String> problems) {
        TreeCanvas.Rect vp = tree.viewport();
        TreeCanvas.Rect all = new TreeCanvas.Rect(0, 0, tree.getWidth(), tree.getHeight());
        List<Mark> outer = new ArrayList<>();
        add(outer, "the callout", tree.calloutRect());
        add(outer, "the vmacache dock", tree.dockRect());
        for (TreeCanvas.Rect r : tree.tagRects()) {
            outer.add(new Mark("a tag", r));
        }
        List<Mark> inner = new ArrayList<>();
        for (TreeCanvas.Rect r : tree.rootRects()) {
            inner.add(new Mark("the root pointer", r));
        }
        for (TreeCanvas.Ghost g : tree.ghosts()) {
            add(inner, "a ghost chip", g.chip());
            add(inner, "a ghost chip's words", g.label());
        }
        for (Mark m : outer) {
            if (!m.r().inside(all)) {
                problems.add(where + ": " + m.what() + " " + m.r() + " is cut off: not inside the picture " + all);
                return;
            }
        }
        for (Mark m : inner) {
            if (!m.r().inside(vp)) {
                problems.add(where + ": " + m.what() + " " + m.r() + " is cut off: not inside the tree's viewport "
                        + vp);
                return;
            }
        }
    }

    /** The tags a frame at rest left out of the tree on screen, as problems (a handout's picture). */
    static void checkTags(TreeCanvas tree, String where, List<String> problems) {
        if (!tree.tagsLeftOut().isEmpty()) {
            problems.add(where + ": tags left out " + tree.tagsLeftOut());
        }
    }

    /** The tags left out of the frames of a part: at rest (counted, with the first) and in motion. */
    static final class LeftOut {
        int tags;
        int frames;
        int moving;
        int movingFrames;
        String first;
        String firstMoving;

        /** Counts the tags the frame on screen left out; true when it left out any. */
        boolean count(TreeCanvas tree, int step, double f) {
            List<String> out = tree.tagsLeftOut();
            if (out.isEmpty()) {
                return false;
            }
            if (f < 1) {
                if (moving == 0) {
                    firstMoving = "step " + step + " at t = " + f + " " + out;
                }
                moving += out.size();
                movingFrames++;
                return true;
            }
            if (tags == 0) {
                first = "step " + step + " " + out;
            }
            tags += out.size();
            frames++;
            return true;
        }
    }

    /**
     * The least height the tree's viewport keeps over every frame at rest of part {@code part} of the lesson in
     * {@code file}, played in a tree area of {@code w x h} (what the legend, the callout's band and the dock's strip
     * leave it), and the step where it is least: {@code {px, step}}. The frame is written to {@code
     * target/marks-probe/} as {@code ...-least-tree.png}.
     */
    public static double[] leastTreeHeight(Path file, int part, int w, int h) throws Exception {
        FxToolkit.registerPrimaryStage();
        Lesson l = LessonLoader.load(file);
        return WaitForAsyncUtils.asyncFx(() -> {
            Area a = area(l, part, w, h);
            TreeCanvas tree = a.tree();
            StackPane area = a.area();
            Player p = a.player();
            double least = tree.viewport().h();
            int at = 0;
            while (p.index() < p.size()) {
                StepScene before = p.scene();
                p.stepForward();
                tree.show(p.scene(), before, 400);
                tree.finishAnimation();
                if (tree.viewport().h() < least - 0.5) {
                    least = tree.viewport().h();
                    at = p.index();
                    picture(area, l.id() + "-part" + (part + 1) + "-" + w + "x" + h + "-least-tree", 0, 1);
                }
            }
            return new double[] {least, at};
        }).get(600, TimeUnit.SECONDS);
    }

    /**
     * Where the probe's pictures go: {@code target/marks-probe/}. A frame with a problem is written always; with
     * {@code -Dmarks.probe.steps=3,7} the frames of those steps too (to look at what the marks do).
     */
    private static final Path PICTURES = Path.of("target", "marks-probe");

    /** Writes the area as a PNG when {@code step} is 0 (a frame with a problem) or one of the steps asked for. */
    private static void picture(StackPane area, String name, int step, double f) {
        String asked = System.getProperty("marks.probe.steps", "");
        boolean wanted = step == 0 || (step > 0 && java.util.Arrays.asList(asked.split(",")).contains("" + step));
        if (!wanted) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(PICTURES);
            org.vmalab.export.Png.write(org.vmalab.export.Png.toBuffered(area.snapshot(null, null)),
                    PICTURES.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png"), true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the probe's picture " + name, e);
        }
    }

    /**
     * Adds what the frame on screen breaks: a mark on a node box, two marks on each other, the callout's leader
     * across another node; {@code atRest}: the animation is over.
     */
    static void check(TreeCanvas tree, TreeLegend legend, String where, List<String> problems, boolean atRest) {
        // what the tree draws is clipped at its viewport (the callout's band, the legend's room): beyond it a
        // node is out of view, as beyond the view's edges
        TreeCanvas.Rect vp = tree.viewport();
        List<TreeCanvas.Rect> nodes = new ArrayList<>();
        for (TreeCanvas.Drawn d : tree.drawn()) {
            if (d.opacity() > 0.05) {
                add(nodes, clip(d.box(), vp));
                if (d.badge() != null && tree.refCountShown()) {
                    add(nodes, clip(d.badge(), vp));
                }
            }
        }
        if (atRest && !followed(tree, where, problems)) {
            return;
        }
        if (atRest && tree.viewport().h() < TREE_SHARE * tree.getHeight()) {
            problems.add(where + ": the tree keeps " + tree.viewport().h() + " px of the area's " + tree.getHeight()
                    + " (the legend, the callout's strip and the dock's take the rest)");
            return;
        }
        if (tree.offRowWords() != null && !tree.offRowWords().startsWith("off the tree")) {
            problems.add(where + ": the off-tree row says only '" + tree.offRowWords() + "'");
            return;
        }
        // the off-tree row's words are crossed by no tether and no vmacache arrow (a rope through them hid them)
        TreeCanvas.Rect offWords = tree.offRowWords() == null ? null : tree.offRowLabelRect();
        if (offWords != null) {
            List<double[]> lines = new ArrayList<>(tree.tethers());
            for (TreeCanvas.SlotArrow a : tree.slotArrows()) {
                lines.addAll(a.pieces());
            }
            for (double[] t : lines) {
                for (int k = 0; k + 3 < t.length; k += 2) {
                    if (crosses(t[k], t[k + 1], t[k + 2], t[k + 3], offWords)) {
                        problems.add(where + ": a tether or a vmacache arrow crosses the off-tree row's words "
                                + offWords);
                        return;
                    }
                }
            }
        }
        List<Mark> marks = new ArrayList<>();
        TreeCanvas.Rect callout = tree.calloutRect();
        if (callout != null) {
            marks.add(new Mark("the callout", callout));
            TreeCanvas.Rect area = new TreeCanvas.Rect(0, 0, tree.getWidth(), tree.getHeight() - tree.legendRoom());
            if (!callout.inside(area)) {
                problems.add(where + ": the callout " + callout + " is cut off: not inside " + area);
                return;
            }
            // the callout keeps clear of every badge in view: their strokes stick out of their squares, and a callout
            // touching a badge covered its edge (lesson 12 part 1, step 12, in a 1920x1080 window)
            for (TreeCanvas.Drawn d : tree.drawn()) {
                TreeCanvas.Rect b = d.badge() == null || !tree.refCountShown() || d.opacity() <= 0.05 ? null
                        : clip(d.badge(), vp);
                if (b != null && grow(callout, CLEAR).intersects(b)) {
                    problems.add(where + ": the callout " + callout + " comes within " + CLEAR + " px of the badge "
                            + b);
                    return;
                }
            }
            double nodePx = tree.detail() == org.vmalab.viewmodel.TreeGeometry.Detail.NAME ? 0
                    : tree.detail().numberSize * tree.zoom();
            double px = tree.calloutShown().textPx();
            if (px + 1e-6 < Math.max(9, nodePx)) {
                problems.add(where + ": the callout's numbers are " + px + " px, the nodes' " + nodePx);
                return;
            }
            // the leader: a line, or a line with an elbow (it passes behind the dock)
            double[] l = tree.leaderLine();
            for (int k = 0; l != null && k + 3 < l.length; k += 2) {
                for (TreeCanvas.Drawn d : tree.drawn()) {
                    TreeCanvas.Rect b = clip(d.box(), vp);
                    if (d.id() != tree.calloutNode() && d.opacity() > 0.05 && b != null
                            && crosses(l[k], l[k + 1], l[k + 2], l[k + 3], shrink(b, 2))) {
                        problems.add(where + ": the callout's leader crosses the node box " + b);
                        return;
                    }
                }
            }
        }
        for (TreeCanvas.Rect r : tree.tagRects()) {
            marks.add(new Mark("a tag", r));
        }
        for (TreeCanvas.Ghost g : tree.ghosts()) {
            add(marks, "T" + (g.thread() + 1) + "'s ghost chip", clip(g.chip(), vp));
            add(marks, "the words of T" + (g.thread() + 1) + "'s ghost chip", clip(g.label(), vp));
        }
        for (TreeCanvas.Rect r : tree.rootRects()) {
            add(marks, "the root pointer", clip(r, vp));
        }
        // the root in view, its pointer's words whole (the tree is clipped at its viewport: a band, the edges)
        for (TreeCanvas.Drawn d : tree.drawn()) {
            // (its words come first; the arrow alone may run out of the view's top)
            if (d.id() == tree.rootId() && d.opacity() > 0.05 && d.box().inside(vp) && tree.rootRects().size() > 1
                    && !tree.rootRects().get(0).inside(vp)) {
                problems.add(where + ": the root pointer's words " + tree.rootRects().get(0) + " are cut off: not "
                        + "inside the tree's viewport " + vp);
                return;
            }
        }
        // a tether's words ("T1 holds a reference") are not under the step's callout, drawn after the dock
        for (TreeCanvas.Rect r : tree.tetherWords()) {
            if (callout != null && r.intersects(callout)) {
                problems.add(where + ": a tether's words " + r + " are under the callout " + callout);
                return;
            }
        }
        if (tree.dockRect() != null) {
            TreeCanvas.Rect dock = tree.dockRect();
            for (double[] t : tree.tethers()) {
                // the first leg leaves the chip inside the dock; every other leg keeps out of it
                for (int k = 2; k + 3 < t.length; k += 2) {
                    if (crosses(t[k], t[k + 1], t[k + 2], t[k + 3], shrink(dock, 1))) {
                        problems.add(where + ": a tether crosses the vmacache dock " + dock);
                        return;
                    }
                }
            }
        }
        // a vmacache slot's arrow crosses no other node's box on its way to its VMA
        for (TreeCanvas.SlotArrow a : tree.slotArrows()) {
            for (double[] t : a.pieces()) {
                for (int k = 0; k + 3 < t.length; k += 2) {
                    for (TreeCanvas.Drawn d : tree.drawn()) {
                        TreeCanvas.Rect b = clip(d.box(), vp);
                        if (d.id() != a.node() && d.opacity() > 0.05 && b != null
                                && crosses(t[k], t[k + 1], t[k + 2], t[k + 3], shrink(b, 1))) {
                            problems.add(where + ": T" + (a.thread() + 1) + "'s vmacache slot " + a.slot()
                                    + " points across the node box " + b);
                            return;
                        }
                    }
                    // nor a walker's chip, a ghost chip or its words, drawn over the tree: the arrow is lost under them
                    List<Mark> chips = new ArrayList<>();
                    for (TreeCanvas.Chip c : tree.cursorRects()) {
                        add(chips, "T" + (c.thread() + 1) + "'s chip", clip(c.r(), vp));
                    }
                    for (TreeCanvas.Ghost g : tree.ghosts()) {
                        add(chips, "T" + (g.thread() + 1) + "'s ghost chip", clip(g.chip(), vp));
                        add(chips, "the words of T" + (g.thread() + 1) + "'s ghost chip", clip(g.label(), vp));
                    }
                    for (Mark m : chips) {
                        if (crosses(t[k], t[k + 1], t[k + 2], t[k + 3], shrink(m.r(), 1))) {
                            problems.add(where + ": T" + (a.thread() + 1) + "'s vmacache slot " + a.slot()
                                    + " points across " + m.what() + " " + m.r());
                            return;
                        }
                    }
                }
            }
        }
        if (tree.dockRect() != null) {
            marks.add(new Mark("the vmacache dock", tree.dockRect()));
        }
        Bounds lb = legend.getBoundsInParent();
        marks.add(new Mark("the legend", new TreeCanvas.Rect(lb.getMinX(), lb.getMinY(), lb.getWidth(),
                lb.getHeight())));
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            for (TreeCanvas.Rect n : nodes) {
                if (m.r().intersects(n)) {
                    problems.add(where + ": " + m.what() + " " + m.r() + " covers the node box " + n);
                    return;
                }
            }
            for (int j = i + 1; j < marks.size(); j++) {
                if (m.r().intersects(marks.get(j).r()) && !m.what().equals(marks.get(j).what())) {
                    problems.add(where + ": " + m.what() + " " + m.r() + " covers " + marks.get(j).what() + " "
                            + marks.get(j).r());
                    return;
                }
            }
            for (TreeCanvas.Chip c0 : tree.cursorRects()) {
                TreeCanvas.Rect cr = clip(c0.r(), vp);
                if (cr == null) {
                    continue;
                }
                TreeCanvas.Chip c = new TreeCanvas.Chip(c0.thread(), cr, c0.resting());
                // a thread's own chip flies to the node its ghost chip is on: that meeting is the point
                // and a chip flying from node to node passes over what lies on its way
                boolean own = m.what().endsWith("T" + (c.thread() + 1) + "'s ghost chip");
                if (m.r().intersects(c.r()) && !own && c.resting()) {
                    problems.add(where + ": " + m.what() + " " + m.r() + " covers a walker's chip " + c.r());
                    return;
                }
            }
        }
    }

    /**
     * Follow keeps the step's node in view, and the callout's band holds a callout or clips no tree: at rest, the
     * node the callout is about lies whole in the tree's viewport and has its callout; a band with no callout (and no
     * dock) in it hides no node (the tree is not cut at an empty band). False (and a problem) when it does not.
     */
    static boolean followed(TreeCanvas tree, String where, List<String> problems) {
        TreeCanvas.Rect vp = tree.viewport();
        TreeCanvas.Rect band = tree.bandRect();
        TreeCanvas.Drawn subject = null;
        for (TreeCanvas.Drawn d : tree.drawn()) {
            if (d.id() == tree.calloutNode() && d.opacity() > 0.05) {
                subject = d;
            }
        }
        if (subject != null && !shrink(subject.box(), 0.5).inside(vp)) {
            problems.add(where + ": the step's node " + subject.box() + " is not in the tree's viewport " + vp
                    + (band == null ? "" : " (the callout's band " + tree.band() + " " + band + ")"));
            return false;
        }
        // every node the step touched (its subject, its second node, what it stored to or changed) whole in view
        // with the subject, when they fit in the viewport together (Follow cut lesson 5's text at the left edge)
        if (subject != null && tree.shownScene() != null) {
            double x0 = subject.box().x();
            double y0 = subject.box().y();
            double x1 = x0 + subject.box().w();
            double y1 = y0 + subject.box().h();
            // the whole tree when it fits in the viewport (a tree that fits is not cut), else the touched nodes
            double ax0 = x0;
            double ay0 = y0;
            double ax1 = x1;
            double ay1 = y1;
            for (TreeCanvas.Drawn d : tree.drawn()) {
                if (d.opacity() > 0.05) {
                    ax0 = Math.min(ax0, d.box().x());
                    ay0 = Math.min(ay0, d.box().y());
                    ax1 = Math.max(ax1, d.box().x() + d.box().w());
                    ay1 = Math.max(ay1, d.box().y() + d.box().h());
                }
            }
            // with the room a walker's chip needs above the root (what any node has above it)
            double chips = (tree.detail().row() - tree.detail().h) * tree.zoom();
            boolean whole = ax1 - ax0 <= vp.w() - 4 && ay1 - ay0 + chips <= vp.h() - 4;
            List<TreeCanvas.Drawn> touched = new ArrayList<>();
            for (TreeCanvas.Drawn d : tree.drawn()) {
                StepScene.NodeView n = tree.shownScene().node(d.id());
                if (n != null && (whole || !n.marks().isEmpty()) && d.opacity() > 0.05) {
                    touched.add(d);
                    x0 = Math.min(x0, d.box().x());
                    y0 = Math.min(y0, d.box().y());
                    // with its badge, which sticks out at its top-right corner
                    double right = d.badge() == null ? d.box().x() + d.box().w() : d.badge().x() + d.badge().w();
                    x1 = Math.max(x1, Math.max(right, d.box().x() + d.box().w()));
                    y1 = Math.max(y1, d.box().y() + d.box().h());
                }
            }
            if (x1 - x0 <= vp.w() - 4 && y1 - y0 <= vp.h() - 4) {
                for (TreeCanvas.Drawn d : touched) {
                    if (!shrink(d.box(), 0.5).inside(vp)) {
                        problems.add(where + ": node " + tree.shownScene().node(d.id()).name() + (whole
                                ? " of a tree that fits the viewport " : ", which the step touched, ") + d.box()
                                + " is not whole in the tree's viewport " + vp);
                        return false;
                    }
                }
            }
        }
        if (subject != null && tree.calloutRect() == null) {
            problems.add(where + ": the step's node " + subject.box() + " has no callout");
            return false;
        }
        if (band != null && tree.calloutRect() == null
                && (tree.dockRect() == null || clip(tree.dockRect(), band) == null)) {
            for (TreeCanvas.Drawn d : tree.drawn()) {
                TreeCanvas.Rect b = clip(d.box(), band);
                if (d.opacity() > 0.05 && b != null && clip(b, vp) == null) {
                    problems.add(where + ": the callout's band " + tree.band() + " " + band + " is empty and hides "
                            + "the node box " + d.box());
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The least share of the tree area's height the tree's viewport keeps at rest, whatever the legend, the callout's
     * strip and the dock's strip take (at 440x240 they took about 60 %: the tree kept 89.7 px).
     */
    static final double TREE_SHARE = 0.45;

    /** {@code r} cut to {@code vp}, or null when nothing of it is left. */
    static TreeCanvas.Rect clip(TreeCanvas.Rect r, TreeCanvas.Rect vp) {
        if (r == null) {
            return null;
        }
        double x0 = Math.max(r.x(), vp.x());
        double y0 = Math.max(r.y(), vp.y());
        double x1 = Math.min(r.x() + r.w(), vp.x() + vp.w());
        double y1 = Math.min(r.y() + r.h(), vp.y() + vp.h());
        return x1 > x0 && y1 > y0 ? new TreeCanvas.Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** The room the callout leaves round a badge (px): the badge's and the callout's strokes stick out. */
    static final double CLEAR = 2;

    private static TreeCanvas.Rect grow(TreeCanvas.Rect r, double by) {
        return shrink(r, -by);
    }

    private static TreeCanvas.Rect shrink(TreeCanvas.Rect r, double by) {
        return new TreeCanvas.Rect(r.x() + by, r.y() + by, Math.max(0, r.w() - 2 * by), Math.max(0, r.h() - 2 * by));
    }

    private static void add(List<TreeCanvas.Rect> to, TreeCanvas.Rect r) {
        if (r != null) {
            to.add(r);
        }
    }

    private static void add(List<Mark> to, String what, TreeCanvas.Rect r) {
        if (r != null) {
            to.add(new Mark(what, r));
        }
    }

    /** Does the segment from (x1, y1) to (x2, y2) pass through {@code r}? (the canvas's test: {@link SlotArrows}) */
    static boolean crosses(double x1, double y1, double x2, double y2, TreeCanvas.Rect r) {
        return SlotArrows.crosses(x1, y1, x2, y2, r);
    }
}
