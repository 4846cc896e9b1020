package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.lesson.Lesson;

/**
 * Follow in the window at the sizes teachers and students use (1280x720, 1600x1000, 1920x1080, the lesson pane open):
 * after every step forward, every node the step touched (its subject, its second node, the nodes it stored to or
 * changed) lies whole in the tree's viewport with the node its callout is about, when they fit there together
 * ({@link TreeMarksProbe#followed}). At 1280x720 Follow left lesson 5's {@code text} cut at the tree's left edge and
 * cut lesson 12 part 4's root at the top.
 */
@ExtendWith(ApplicationExtension.class)
class FollowTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the test builds its window in a scene of its own
    }

    private static final int[][] SIZES = {{1280, 720}, {1600, 1000}, {1920, 1080}};

    private static List<String> walk(String key, int part) {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            TreeViewTest.Window w = fx(() -> {
                TreeViewTest.Window v = new TreeViewTest.Window(size[0], size[1]);
                Lesson l = TreeViewTest.load(key);
                v.view.setLessons(java.nio.file.Path.of("lessons"), org.vmalab.viewmodel.Lessons.load(
                        java.nio.file.Path.of("lessons")), org.vmalab.viewmodel.Lessons.Progress.inMemory());
                v.view.openLesson(l, part);
                return v.settle();
            });
            int n = fx(w.player::size);
            for (int from = 1; from <= n && problems.size() < 6; from += 10) {
                int lo = from;
                fx(() -> {
                    for (int s = lo; s < Math.min(n + 1, lo + 10); s++) {
                        w.player.seek(s);
                        w.settle();
                        w.settle();
                        if (System.getProperty("follow.debug") != null && size[0] == 1280) {
                            TreeCanvas t = w.tree();
                            StringBuilder b = new StringBuilder("DBG " + key + " step " + s + " idx "
                                    + w.player.index() + " vp " + t.viewport() + " band " + t.band() + " size "
                                    + t.getWidth() + "x" + t.getHeight() + ":");
                            for (TreeCanvas.Drawn d : t.drawn()) {
                                b.append(" ").append(w.player.scene().node(d.id()).name()).append("@")
                                        .append(Math.round(d.box().x())).append(",").append(Math.round(d.box().y()));
                            }
                            System.err.println(b);
                        }
                        TreeMarksProbe.followed(w.tree(), key + " part " + (part + 1) + " at " + size[0] + "x"
                                + size[1] + " step " + s + " (" + w.player.scene().caption() + ")", problems);
                    }
                    return null;
                });
            }
        }
        return problems;
    }

    /**
     * The tree areas of the window at the three sizes with the lesson pane open, as measured in a real window (the
     * threads band takes more or less of the height as the step's threads need it).
     */
    private static final int[][] AREAS = {{599, 300}, {599, 250}, {686, 257}, {860, 450}, {1000, 420}, {1180, 560},
        {1180, 480}};

    /** The probe's problems with Follow (a node cut by the viewport) in a lesson part at {@link #AREAS}. */
    private static List<String> probe(String file, int part) throws Exception {
        List<String> out = new ArrayList<>();
        for (int[] a : AREAS) {
            int[] frames = {0};
            for (String p : TreeMarksProbe.check(java.nio.file.Path.of("lessons", file), part, a[0], a[1],
                    new double[] {1}, frames)) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void lesson5sTreeStaysWholeInTheArea() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int part = 0; part < TreeViewTest.load("insertion-store-by-store").parts().size(); part++) {
            problems.addAll(probe("05-insertion-store-by-store.yaml", part));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void lesson12Part4sRootStaysWholeInTheArea() throws Exception {
        List<String> problems = probe("12-race-b-use-after-free.yaml", 3);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
