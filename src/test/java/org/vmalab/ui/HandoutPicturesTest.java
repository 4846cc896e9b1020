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
 * least 9 pt, measured by the width the canvas gave it against the width of the same word set in 9 pt.
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
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(pictures.png(0, null, step)));
                double mmPerPx = HandoutPictures.A4_COLUMN_MM / img.getWidth();
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

    /** The width of {@code s} set in {@code family} at 100 px. */
    private static double width(String s, String family) {
        Text t = new Text(s);
        t.setFont(Font.font(family, 100));
        return t.getLayoutBounds().getWidth();
    }
}
