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
 * in each frame, the marks read on top of the tree (the step's callout, the tags, the walkers' ghost chips, the
 * vmacache dock and the legend) must cover no node box (its reference-count badge included) and no other mark.
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

    private static List<String> play(Lesson l, int part, int w, int h, double[] fractions, int[] frames) {
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
        List<String> problems = new ArrayList<>();
        String where = l.title() + " part " + (part + 1) + " at " + w + "x" + h;
        check(tree, legend, where + " step 0", problems);
        while (p.index() < p.size() && problems.size() < 3) {
            StepScene before = p.scene();
            p.stepForward();
            tree.show(p.scene(), before, 400);
            for (double f : fractions) {
                tree.seekAnimation(f);
                frames[0]++;
                check(tree, legend, where + " step " + p.index() + " (" + p.scene().caption() + ") at t = " + f,
                        problems);
            }
            tree.finishAnimation();
        }
        return problems;
    }

    /** Adds what the frame on screen breaks: a mark on a node box, or two marks on each other. */
    static void check(TreeCanvas tree, TreeLegend legend, String where, List<String> problems) {
        List<TreeCanvas.Rect> nodes = new ArrayList<>();
        for (TreeCanvas.Drawn d : tree.drawn()) {
            if (d.opacity() > 0.05) {
                nodes.add(d.box());
                if (d.badge() != null && tree.refCountShown()) {
                    nodes.add(d.badge());
                }
            }
        }
        List<Mark> marks = new ArrayList<>();
        if (tree.calloutRect() != null) {
            marks.add(new Mark("the callout", tree.calloutRect()));
        }
        for (TreeCanvas.Rect r : tree.tagRects()) {
            marks.add(new Mark("a tag", r));
        }
        for (TreeCanvas.Ghost g : tree.ghosts()) {
            marks.add(new Mark("T" + (g.thread() + 1) + "'s ghost chip", g.chip()));
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
                if (m.r().intersects(marks.get(j).r())) {
                    problems.add(where + ": " + m.what() + " " + m.r() + " covers " + marks.get(j).what() + " "
                            + marks.get(j).r());
                    return;
                }
            }
            for (TreeCanvas.Chip c : tree.cursorRects()) {
                // a thread's own chip flies to the node its ghost chip is on: that meeting is the point
                // and a chip flying from node to node passes over what lies on its way
                boolean own = m.what().equals("T" + (c.thread() + 1) + "'s ghost chip");
                if (m.r().intersects(c.r()) && !own && c.resting()) {
                    problems.add(where + ": " + m.what() + " " + m.r() + " covers a walker's chip " + c.r());
                    return;
                }
            }
        }
    }
}
