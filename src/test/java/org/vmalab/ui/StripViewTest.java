package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.export.Png;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;
import org.vmalab.viewmodel.StripLayout;
import org.vmalab.viewmodel.SyntheticStrip;

/**
 * The address-space strip of a large address space, as drawn: items bounded by its width, every VMA visible where it
 * is, the touched VMA highlighted, the layout made ahead the one drawn.
 */
@ExtendWith(ApplicationExtension.class)
class StripViewTest {
    private static final double PAD = 14;
    private static final double BAR_TOP = 34;
    private static final int WIDTH = 1000;

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    /** A strip in a light-themed scene {@code WIDTH} wide. */
    private static final class Strip {
        final Palette palette = new Palette();
        final StripView view = new StripView(palette);

        Strip() {
            VBox root = new VBox(view);
            root.getChildren().add(palette.node());
            Scene scene = new Scene(root, WIDTH, 130);
            scene.getStylesheets().setAll(MainView.class.getResource(MainView.Theme.LIGHT.file).toExternalForm(),
                    MainView.class.getResource(MainView.BASE_CSS).toExternalForm());
            palette.refresh();
            root.applyCss();
            root.layout();
        }

        /** Shows {@code s} and returns the canvas's pixels. */
        PixelReader show(StepScene.Strip s, String png) throws Exception {
            view.show(s);
            WritableImage img = view.snapshot(null, null);
            Path dir = Path.of("target", "strip");
            Files.createDirectories(dir);
            Png.write(Png.toBuffered(img), dir.resolve(png), true);
            return img.getPixelReader();
        }
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /** The same strip with nothing on it but its segments (no touched VMA, no pins, windows or PTEs). */
    private static StepScene.Strip bare(StepScene.Strip s) {
        List<Segment> segs = new ArrayList<>();
        for (Segment g : s.segments()) {
            segs.add(new Segment(g.kind(), g.start(), g.end(), g.vma(), g.name(), g.state(), false));
        }
        return new StepScene.Strip(List.copyOf(segs), List.of(), s.highestVmEnd(), s.mmapBase(), s.taskSize(), null,
                null, null, List.of(), List.of());
    }

    @Test
    void twentyThousandVmasAreDrawnByPixelColumnAndEveryVmaShows() {
        StepScene.Strip st = bare(SyntheticStrip.of(20_000, 11, -1));
        fx(() -> {
            Strip s = new Strip();
            for (StripLayout.Scale scale : StripLayout.Scale.values()) {
                s.view.setScale(scale);
                PixelReader px = s.show(st, "bare-" + scale.name().toLowerCase(Locale.ROOT) + ".png");
                StripLayout l = s.view.stripLayout();
                assertTrue(s.view.drawnItems() <= 2 * l.width(), scale + ": " + s.view.drawnItems()
                        + " items drawn for " + st.segments().size() + " segments");
                Color gap = s.palette.get(Ink.STRIP_GAP);
                Color top = s.palette.get(Ink.STRIP_TOP);
                Color vma = s.palette.get(Ink.STRIP_VMA);
                int y = (int) BAR_TOP + 10;
                int vmas = 0;
                for (int i = 0; i < st.segments().size(); i++) {
                    Segment g = st.segments().get(i);
                    int x0 = (int) Math.floor(PAD + l.x0(i));
                    if (g.kind() == SegmentKind.VMA) {
                        // a VMA is never left in the gap's ink: a pixel of its first three is VMA ink or a shade
                        boolean shown = false;
                        for (int x = x0; x <= x0 + 2 && !shown; x++) {
                            Color c = px.getColor(Math.min(x, WIDTH - 1), y);
                            shown = distance(c, gap) > 0.1 && distance(c, top) > 0.1;
                        }
                        assertTrue(shown, scale + ": " + g.name() + " at x " + x0 + " is not drawn");
                        vmas++;
                    } else if (l.x1(i) - l.x0(i) >= 3) {
                        // a gap three pixels wide or more shows its ink in its middle
                        Color c = px.getColor((int) (PAD + (l.x0(i) + l.x1(i)) / 2), y);
                        assertTrue(distance(c, vma) > 0.3, scale + ": the gap before " + g.name() + " is hidden");
                    }
                }
                assertEquals(20_003, vmas);
            }
            return null;
        });
    }

    @Test
    void theTouchedVmaIsHighlightedAmongTwentyThousand() {
        StepScene.Strip st = SyntheticStrip.of(20_000, 11, 12_345);
        fx(() -> {
            Strip s = new Strip();
            PixelReader px = s.show(st, "touched.png");
            StripLayout l = s.view.stripLayout();
            int i = l.touched()[0];
            assertEquals(12_345, st.segments().get(i).vma());
            Color hi = s.palette.get(Ink.STRIP_VMA_TOUCHED);
            // the highlight's frame above the bar, around the VMA's x
            int x = (int) Math.round(PAD + l.x0(i) + 1);
            Color c = px.getColor(x, (int) BAR_TOP - 2);
            assertTrue(distance(c, hi) < 0.15, "the touched VMA's frame at " + x + ": " + c + ", expected " + hi);
            // and nowhere else along the bar's top edge
            for (int k = (int) PAD; k < WIDTH - PAD; k++) {
                if (Math.abs(k - x) > 6) {
                    assertTrue(distance(px.getColor(k, (int) BAR_TOP - 2), hi) > 0.15, "a frame at " + k);
                }
            }
            return null;
        });
    }

    @Test
    void theLayoutMadeAheadIsTheOneDrawn() {
        StepScene.Strip a = SyntheticStrip.of(5_000, 3, 10);
        StepScene.Strip b = SyntheticStrip.of(5_000, 4, 20);
        fx(() -> {
            Strip s = new Strip();
            s.view.show(a);
            StripLayout first = s.view.stripLayout();
            // the player's prepare hook runs on its own thread with the next scene's strip
            Thread t = new Thread(() -> s.view.prepare(b));
            t.start();
            t.join();
            StripLayout ahead = s.view.prepared();
            assertTrue(ahead != null && ahead.isFor(b, s.view.scale(), first.width()), "laid out ahead: " + ahead);
            // a repaint of the strip shown meanwhile keeps it for its step
            s.view.repaint();
            assertSame(first, s.view.stripLayout(), "a repaint keeps the layout");
            s.view.show(b);
            assertSame(ahead, s.view.stripLayout(), "the step draws the layout made ahead");
            assertNull(s.view.prepared());
            // another width: laid out again
            s.view.resize(WIDTH - 100, s.view.getHeight());
            s.view.requestLayout();
            s.view.layout();
            assertTrue(s.view.stripLayout().isFor(b, s.view.scale(), WIDTH - 100 - 2 * PAD),
                    "width " + s.view.stripLayout().width());
            return null;
        });
    }
}
