package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.export.Handout;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.NoOverlapTest;

/**
 * The handout's tree pictures, every one of every built-in lesson, as the window's File menu and {@code render
 * --format html} draw them (1280x800, the tree panel at print type): the step's callout, the tags, the ghost
 * chips, the root pointer, the vmacache dock and the legend cover no node and no other mark, the callout is
 * whole and no tag is left out, as in the window, and every mark lies whole inside the picture (the root pointer's
 * words included) ({@link TreeMarksProbe} looks at the off-screen window's tree as each picture is taken).
 */
@ExtendWith(ApplicationExtension.class)
class HandoutMarksTest {
    @Start
    void start(Stage s) {
        // the pictures are drawn off screen; no window is needed
    }

    @TestFactory
    Stream<DynamicTest> noMarkCoversANodeInAHandoutsTreePicture() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : NoOverlapTest.lessons(".yaml")) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Lesson l = LessonLoader.load(file);
                List<String> problems = new ArrayList<>();
                int[] pictures = {0};
                fx(() -> {
                    HandoutPictures hp = new HandoutPictures(l, LessonFiles.HANDOUT_WIDTH, LessonFiles.HANDOUT_HEIGHT,
                            "light", RunRenderer.Panel.TREE, 1);
                    Handout.html(l, (part, trace, step) -> {
                        hp.prepare(part, step);
                        pictures[0]++;
                        MainView v = hp.renderer().view();
                        int had = problems.size();
                        if (had < 3) {
                            TreeMarksProbe.check(v.tree(), v.legend(), l.id() + " part " + (part + 1) + " step "
                                    + step, problems, true);
                            TreeMarksProbe.checkTags(v.tree(), l.id() + " part " + (part + 1) + " step " + step,
                                    problems);
                            TreeMarksProbe.checkInside(v.tree(), l.id() + " part " + (part + 1) + " step " + step,
                                    problems);
                        }
                        if (problems.size() > had) {
                            // to look at: target/handout-marks/LESSON-partP-stepS.png
                            Path dir = Path.of("target", "handout-marks");
                            try {
                                java.nio.file.Files.createDirectories(dir);
                                java.nio.file.Files.write(dir.resolve(l.id() + "-part" + (part + 1) + "-step" + step
                                        + ".png"), hp.png(part, trace, step));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        return new byte[0];
                    });
                    return null;
                });
                assertTrue(pictures[0] > 0, "the handout has pictures");
                assertEquals(List.of(), problems, pictures[0] + " pictures");
            }));
        }
        return tests.stream();
    }

    /**
     * In a handout's tree beside the callout's band (lesson 12, the step after the munmap: heap freed and hatched,
     * drawn before the other nodes), every black node is drawn at full strength: the middle of its box's left part
     * has the black nodes' fill. The hatching used to clip inside the viewport's clip and left every node drawn
     * after it faded.
     */
    @org.junit.jupiter.api.Test
    void aHatchedNodeLeavesTheNodesAfterItSolid() throws Exception {
        Lesson l = LessonLoader.load(NoOverlapTest.lessons("race-b-use-after-free").get(0));
        List<String> problems = new ArrayList<>();
        int[] black = {0};
        fx(() -> {
            HandoutPictures hp = new HandoutPictures(l, LessonFiles.HANDOUT_WIDTH, LessonFiles.HANDOUT_HEIGHT, "light",
                    RunRenderer.Panel.TREE, 1);
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    hp.png(0, null, 54)));
            MainView v = hp.renderer().view();
            TreeCanvas tree = v.tree();
            javafx.geometry.Point2D origin = tree.localToScene(0, 0);
            javafx.geometry.Point2D panel = v.lookup(RunRenderer.Panel.TREE.selector()).localToScene(0, 0);
            javafx.scene.paint.Color want = v.palette().tone(org.vmalab.viewmodel.Tone.NODE_BLACK);
            for (TreeCanvas.Drawn d : tree.drawn()) {
                org.vmalab.viewmodel.StepScene.NodeView n = hp.renderer().model().nodes().stream()
                        .filter(x -> x.id() == d.id()).findFirst().orElse(null);
                if (n == null || !n.black() || n.state() != org.vmalab.viewmodel.NodeState.LINKED) {
                    continue;
                }
                int x = (int) Math.round(origin.getX() - panel.getX() + d.box().x() + 6);
                int y = (int) Math.round(origin.getY() - panel.getY() + d.box().y() + d.box().h() / 2);
                if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) {
                    continue;
                }
                int rgb = img.getRGB(x, y);
                double r = ((rgb >> 16) & 255) / 255.0;
                double g = ((rgb >> 8) & 255) / 255.0;
                double b = (rgb & 255) / 255.0;
                black[0]++;
                if (Math.abs(r - want.getRed()) + Math.abs(g - want.getGreen()) + Math.abs(b - want.getBlue()) > 0.15) {
                    problems.add(n.name() + " at " + x + "," + y + " is " + String.format("#%06x", rgb & 0xffffff)
                            + ", the black fill " + want);
                }
            }
            return null;
        });
        assertTrue(black[0] >= 3, "black nodes looked at: " + black[0]);
        assertEquals(List.of(), problems);
    }
}
