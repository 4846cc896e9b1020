package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.lesson.Lesson;

/**
 * A handout's tree pictures printed across an A4 page's text column (180 mm): every word drawn on a node is at
 * least 9 pt, measured by the width the canvas gave it against the width of the same word set in 9 pt; every other
 * word the picture prints (the canvas's badges, chips, callout and tags, the legend's line) is set in 9 pt or more,
 * and the Fit and zoom buttons are left out.
 */
@ExtendWith(ApplicationExtension.class)
class HandoutPicturesTest {
    @Start
    void start(Stage s) {
        // the pictures are drawn off screen; no window is needed
    }

    @Test
    void theTreesWordsAreAtLeastNinePointsOnAnA4Page() {
        List<String> problems = new ArrayList<>();
        int[] words = new int[1];
        fx(() -> {
            Lesson l = TreeViewTest.load("augmented-gap");
            HandoutPictures pictures = new HandoutPictures(l, 1280, 800, "light", RunRenderer.Panel.TREE, 1);
            for (int step : new int[] {0, 8, 18, 29}) {
                byte[] png = pictures.png(0, null, step);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
                // to look at: target/handout-tree-STEP.png
                java.nio.file.Files.write(java.nio.file.Path.of("target", "handout-tree-" + step + ".png"), png);
                double mmPerPx = HandoutPictures.A4_COLUMN_MM / img.getWidth();
                double ptPerPx = mmPerPx * 72 / 25.4;
                // everything else the picture prints: the canvas's smallest words (badges, chips, callout, tags,
                // labels), the legend's line; no Fit or zoom buttons
                MainView v = pictures.renderer().view();
                double smallest = v.tree().smallestText() * ptPerPx;
                if (smallest < HandoutPictures.PRINT_MIN_PT * 0.97) {
                    problems.add(String.format("step %d: the tree's smallest words print at %.1f pt", step, smallest));
                }
                List<javafx.scene.Node> labeled = new ArrayList<>(v.legend().lookupAll(".label"));
                labeled.addAll(v.legend().lookupAll(".toggle-button"));
                for (javafx.scene.Node n : labeled) {
                    if (n instanceof javafx.scene.control.Labeled lb && lb.isVisible() && lb.getScene() != null
                            && !lb.getText().isBlank() && inside(lb, v.legend())) {
                        double pt = lb.getFont().getSize() * ptPerPx;
                        words[0]++;
                        if (pt < HandoutPictures.PRINT_MIN_PT * 0.97) {
                            problems.add(String.format("step %d: the legend's '%s' prints at %.1f pt", step,
                                    lb.getText(), pt));
                        }
                    }
                }
                javafx.scene.Node controls = v.lookup(".tree-controls");
                if (controls != null && controls.isVisible()) {
                    problems.add("step " + step + ": the Fit and zoom buttons are printed");
                }
                for (TreeCanvas.Drawn d : pictures.renderer().view().tree().drawn()) {
                    for (TreeCanvas.DrawnText t : d.texts()) {
                        if (t.text().isBlank()) {
                            continue;
                        }
                        words[0]++;
                        double printedMm = t.width() * mmPerPx;
                        double nineMm = Math.min(width(t.text(), "DejaVu Sans"), width(t.text(), "DejaVu Sans Mono"))
                                / 100 * HandoutPictures.PRINT_MIN_PT * 25.4 / 72;
                        if (printedMm < nineMm * 0.97) {
                            problems.add(String.format("step %d: '%s' printed %.1f mm wide, 9 pt is %.1f mm", step,
                                    t.text(), printedMm, nineMm));
                        }
                    }
                }
            }
            return null;
        });
        assertTrue(words[0] > 20, "the pictures name the nodes: " + words[0]);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The words over the row of the nodes off the tree ("off the tree: erased, cleared, freed or not linked yet")
     * print at 9 pt too: lesson 5's picture at step 10, drawn at name-only detail, printed them at about 5 pt.
     */
    @Test
    void theOffTreeRowsWordsPrintAtNinePointsOrMore() {
        List<String> problems = new ArrayList<>();
        fx(() -> {
            Lesson l = TreeViewTest.load("store-by-store");
            HandoutPictures pictures = new HandoutPictures(l, 1280, 800, "light", RunRenderer.Panel.TREE, 1);
            for (int step : new int[] {7, 10}) {
                byte[] png = pictures.png(0, null, step);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
                java.nio.file.Files.write(java.nio.file.Path.of("target", "handout-offrow-" + step + ".png"), png);
                double ptPerPx = HandoutPictures.A4_COLUMN_MM / img.getWidth() * 72 / 25.4;
                TreeCanvas t = pictures.renderer().view().tree();
                if (t.offRowWords() == null) {
                    problems.add("step " + step + ": the off-tree row has no words");
                } else if (t.offRowPx() * ptPerPx < HandoutPictures.PRINT_MIN_PT * 0.97) {
                    problems.add(String.format("step %d: '%s' prints at %.1f pt", step, t.offRowWords(),
                            t.offRowPx() * ptPerPx));
                }
                if (t.smallestText() * ptPerPx < HandoutPictures.PRINT_MIN_PT * 0.97) {
                    problems.add(String.format("step %d: the tree's smallest words print at %.1f pt", step,
                            t.smallestText() * ptPerPx));
                }
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Is {@code n} shown (it and its parents up to {@code top} visible)? The full legend behind its button is not. */
    private static boolean inside(javafx.scene.Node n, javafx.scene.Node top) {
        for (javafx.scene.Node p = n; p != null && p != top; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The width of {@code s} set in {@code family} at 100 px. */
    private static double width(String s, String family) {
        Text t = new Text(s);
        t.setFont(Font.font(family, 100));
        return t.getLayoutBounds().getWidth();
    }
}
