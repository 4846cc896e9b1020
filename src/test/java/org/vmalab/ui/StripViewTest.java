package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;
import org.vmalab.viewmodel.StripLayout;
import org.vmalab.viewmodel.SyntheticStrip;
import org.vmalab.viewmodel.TaskRunner;

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

    /**
     * At the end of lesson 1's first part libc, libc_rw and ld are freed, a few pixels apart on the log scale: they
     * share one label under the bar ("libc, libc_rw, ld (freed)"), and no two labels under the bar meet (the three
     * were drawn over each other).
     */
    @Test
    void neighbouringGhostsShareOneLabelAndNoTwoLabelsMeet() throws Exception {
        Lesson l = LessonLoader.load(Path.of("lessons", "01-mmap-sem-convoy.yaml"));
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 0));
        p.end();
        StepScene.Strip st = p.scene().strip();
        assertEquals(3, st.ghosts().size(), "libc, libc_rw and ld are off the tree");
        fx(() -> {
            Strip s = new Strip();
            s.show(st, "lesson-01-end.png");
            List<String> texts = s.view.rowTexts();
            List<double[]> spans = s.view.rowSpans();
            assertTrue(texts.contains("libc, libc_rw, ld (freed)"), texts.toString());
            for (int i = 0; i < spans.size(); i++) {
                assertTrue(spans.get(i)[0] >= 0 && spans.get(i)[1] <= WIDTH, texts.get(i) + " inside the strip");
                for (int j = i + 1; j < spans.size(); j++) {
                    assertTrue(spans.get(i)[1] <= spans.get(j)[0] || spans.get(j)[1] <= spans.get(i)[0],
                            "'" + texts.get(i) + "' meets '" + texts.get(j) + "'");
                }
            }
            return null;
        });
    }

    /**
     * In a folded strip (a 1280x720 window) the markers' ticks keep out of the row of words under the bar: at lesson
     * 4's libc_rw (part 4, step 12) highest_vm_end's tick, under the bar, sat on the number of "TASK_SIZE 0x7ffff…".
     */
    @Test
    void aFoldedStripsTicksKeepOffItsWords() throws Exception {
        Lesson l = LessonLoader.load(Path.of("lessons", "04-insertion.yaml"));
        Player p = new Player(TaskRunner.INLINE);
        p.load(Lessons.playable(l, 3));
        p.seek(12);
        StepScene.Strip st = p.scene().strip();
        fx(() -> {
            Strip s = new Strip();
            s.view.setCompact(true);
            s.view.setMaxWidth(430);
            ((VBox) s.view.getParent()).setFillWidth(false);
            s.view.getParent().applyCss();
            s.view.getParent().layout();
            s.show(st, "lesson-04-libc_rw-folded.png");
            assertTrue(s.view.compact(), "the strip is folded");
            assertEquals(2, s.view.ticks().size(), "mmap_base's and highest_vm_end's ticks");
            double[] bar = s.view.barSpan();
            for (double[] t : s.view.ticks()) {
                assertTrue(t[1] >= bar[0] - 0.5 && t[3] <= bar[1] + 0.5, "a tick inside the bar " + bar[0] + ".."
                        + bar[1] + ": " + t[1] + ".." + t[3]);
            }
            return null;
        });
    }

    /**
     * A thread's pin never crosses a word in the bar (a block's name, a gap's size): in lesson 13 part 4 T1's pin sat
     * on "B", in others on "heap". Every step of every lesson part, in a folded strip 430 px wide (a 1280x720 window)
     * and a full one 1000 px wide.
     */
    @Test
    void threadPinsLeaveTheBlocksNamesReadable() throws Exception {
        List<String> faults = new ArrayList<>();
        int[] crossed = new int[1];
        for (var part : everyStep().entrySet()) {
            List<StepScene.Strip> strips = part.getValue();
            fx(() -> {
                for (boolean folded : new boolean[] {true, false}) {
                    Strip s = sized(folded, folded ? 430 : 0);
                    for (int i = 0; i < strips.size(); i++) {
                        s.view.show(strips.get(i));
                        for (double[] pin : s.view.pinLines()) {
                            for (double[] w : s.view.words()) {
                                // the line 2.5 px wide with its square caps
                                if (pin[0] + 1.25 > w[0] && pin[0] - 1.25 < w[2] && pin[2] + 1.25 > w[1]
                                        && pin[1] - 1.25 < w[3]) {
                                    crossed[0]++;
                                    note(faults, part.getKey() + " step " + i + (folded ? " folded" : "")
                                            + ": a pin at x " + pin[0] + " crosses a word at " + w[0] + ".." + w[2]);
                                }
                            }
                        }
                    }
                }
                return null;
            });
        }
        assertTrue(faults.isEmpty(), crossed[0] + " pins cross a word:\n" + String.join("\n", faults));
    }

    /** The strips of every step of every lesson part, by "FILE part N" (played once for the tests that want them). */
    private static Map<String, List<StepScene.Strip>> everyStep() throws Exception {
        if (EVERY_STEP.isEmpty()) {
            try (var files = Files.list(Path.of("lessons"))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                    Lesson l = LessonLoader.load(f);
                    for (int part = 0; part < l.parts().size(); part++) {
                        Player p = new Player(TaskRunner.INLINE);
                        p.load(Lessons.playable(l, part));
                        List<StepScene.Strip> strips = new ArrayList<>();
                        for (int i = 0; i <= p.size(); i++) {
                            p.seek(i);
                            strips.add(p.scene().strip());
                        }
                        EVERY_STEP.put(f.getFileName() + " part " + (part + 1), List.copyOf(strips));
                    }
                }
            }
        }
        return EVERY_STEP;
    }

    private static final Map<String, List<StepScene.Strip>> EVERY_STEP = new LinkedHashMap<>();

    /** A strip folded or full, {@code width} px wide (0: the scene's width), laid out. */
    private static Strip sized(boolean folded, double width) {
        Strip s = new Strip();
        s.view.setCompact(folded);
        if (width > 0) {
            s.view.setMaxWidth(width);
            ((VBox) s.view.getParent()).setFillWidth(false);
        }
        s.view.getParent().applyCss();
        s.view.getParent().layout();
        return s;
    }

    /**
     * The widths (px, before a room's zoom) the strip has in the windows people use, folded: a 1280x720 window with
     * the lesson pane wide (430) and as it opens (545), 1600x1000 (717), 1728x972 (786), 1920x1080 (889), one with the
     * lesson pane narrow (985), and the rooms (765 at 1280x720, 907 at 1600x1000 over the zoom of 1.11, 1051 at
     * 1728x972, 1105 at 1920x1080).
     */
    private static final int[] FOLDED_WIDTHS = {430, 545, 717, 765, 786, 889, 907, 985, 1051, 1105};
    /** Full height: a room before its first step (907, 1051, 1105), a window whose threads band was dragged down. */
    private static final int[] FULL_WIDTHS = {545, 717, 889, 907, 1000, 1051, 1105};

    /**
     * No two words the strip writes meet (the labels under the bar, the axis and its markers, the names and sizes in
     * the bar, the threads' chips), and each lies inside the strip: every step of every lesson part at the widths of
     * {@link #FOLDED_WIDTHS} folded and {@link #FULL_WIDTHS} full; only the search window's label may be left out for
     * want of room (the axis's ends and markers always could). In lesson 13 part 2's won challenge (step 67) a
     * 1920x1080 window wrote "heap (freed)", "PTE outside every VMA" and "highest_vm_end 0x7fff…" over one another;
     * two threads at one address had one chip over the other (25,000 words met in all).
     */
    @Test
    void noTwoWordsOfTheStripMeetInAnyStepAtTheWidthsPeopleUse() throws Exception {
        List<String> faults = new ArrayList<>();
        int[] met = new int[1];
        for (var part : everyStep().entrySet()) {
            List<StepScene.Strip> strips = part.getValue();
            fx(() -> {
                for (boolean folded : new boolean[] {true, false}) {
                    for (int width : folded ? FOLDED_WIDTHS : FULL_WIDTHS) {
                        Strip s = sized(folded, width);
                        double h = s.view.getHeight();
                        for (int i = 0; i < strips.size(); i++) {
                            s.view.show(strips.get(i));
                            String at = part.getKey() + " step " + i + (folded ? " folded " : " full ") + width;
                            for (String d : s.view.rowDropped()) {
                                if (!d.startsWith("search window")) {
                                    met[0]++;
                                    note(faults, at + ": '" + d + "' left out for want of room");
                                }
                            }
                            List<StripView.Word> ws = s.view.drawnWords();
                            for (int a = 0; a < ws.size(); a++) {
                                StripView.Word x = ws.get(a);
                                if (x.x0() < -0.5 || x.x1() > width + 0.5 || x.y0() < -0.5 || x.y1() > h + 0.5) {
                                    met[0]++;
                                    note(faults, at + ": '" + x.text() + "' is cut by the strip's edge");
                                }
                                for (int b = a + 1; b < ws.size(); b++) {
                                    if (x.meets(ws.get(b))) {
                                        met[0]++;
                                        note(faults, at + ": '" + x.text() + "' meets '" + ws.get(b).text() + "'");
                                    }
                                }
                            }
                        }
                    }
                }
                return null;
            });
        }
        assertTrue(faults.isEmpty(), met[0] + " words meet, are cut or are left out:\n" + String.join("\n", faults));
    }

    private static void note(List<String> faults, String f) {
        if (faults.size() < 40) {
            faults.add(f);
        }
    }

    /**
     * A row's labels keep where they want to be when they do not meet, move apart along the row when they would, stay
     * inside its bounds, and when there is no room for all the lowest rank is left out first.
     */
    @Test
    void rowLabelsMoveApartAndTheLowestRankGivesWay() {
        double[] free = StripView.placeRow(new double[] {10, 100}, new double[] {50, 50}, new int[] {0, 0}, 0, 400,
                6);
        assertEquals(10, free[0], 1e-9);
        assertEquals(100, free[1], 1e-9);
        // a PTE's label and a ghost's wanting one place: side by side, in the order of their centres
        double[] met = StripView.placeRow(new double[] {200, 190}, new double[] {60, 140}, new int[] {2, 4}, 0, 400,
                6);
        assertEquals(met[0] + 60 + 6, met[1], 1e-9, "the ghost first, its centre is left of the PTE's");
        assertTrue(met[0] >= 0 && met[1] + 140 <= 400);
        // at the right end: pushed back inside
        double[] end = StripView.placeRow(new double[] {350, 360}, new double[] {40, 40}, new int[] {0, 0}, 0, 400,
                6);
        assertEquals(400 - 40, end[1], 1e-9);
        assertEquals(400 - 40 - 6 - 40, end[0], 1e-9);
        // three that cannot share 150 px: the lowest rank goes, the others stay whole
        double[] full = StripView.placeRow(new double[] {0, 40, 80}, new double[] {70, 70, 70}, new int[] {3, 0, 4},
                0, 150, 6);
        assertTrue(Double.isNaN(full[1]), "the lowest rank left out");
        assertTrue(full[0] >= 0 && full[0] + 70 + 6 <= full[2] + 1e-9 && full[2] + 70 <= 150 + 1e-9);
    }

    /** Ghosts far apart keep their own labels; a shared label names each fate once and stays inside its bounds. */
    @Test
    void ghostLabelsMergeOnlyWhereTheyWouldMeet() {
        java.util.function.ToDoubleFunction<String> w = t -> 6.0 * t.length();
        List<StripView.GhostLabel> apart = StripView.ghostLabels(List.of(new StripView.Ghost("heap", "erased", false,
                100), new StripView.Ghost("stack", "freed", true, 600)), w, 14, 986);
        assertEquals(List.of("heap (erased)", "stack (freed)"),
                apart.stream().map(StripView.GhostLabel::text).toList());
        assertEquals(100, apart.get(0).x(), 1e-9);
        List<StripView.GhostLabel> near = StripView.ghostLabels(List.of(new StripView.Ghost("a", "erased", false, 970),
                new StripView.Ghost("b", "freed", true, 974), new StripView.Ghost("c", "freed", true, 978)), w, 14,
                        986);
        assertEquals(1, near.size());
        assertEquals("a (erased), b, c (freed)", near.get(0).text());
        assertTrue(near.get(0).freed());
        assertEquals(986 - 6.0 * near.get(0).text().length() / 2, near.get(0).x(), 1e-9, "kept inside the right bound");
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

    /**
     * Two regions of 15,000 VMAs each, 40 TiB apart, one dense (gaps of a page) and one sparse (gaps of 256 pages), on
     * the log scale: the gap between the regions shows in the gap's ink over a width one sees (it was a tenth of a
     * pixel among 60,000 segments of like widths, the strip one even shade), and the two regions draw in shades
     * different enough to tell apart.
     */
    @Test
    void onTheLogScaleTheRegionsAndTheirDensityShow() {
        List<Segment> segs = new ArrayList<>();
        long addr = 0x10000000L;
        long prevEnd = 0;
        for (int i = 0; i < 30_000; i++) {
            boolean sparse = i >= 15_000;
            long start = i == 15_000 ? prevEnd + 0x280000000000L : addr + (sparse ? 256 : 1) * 0x1000L;
            long end = start + 0x1000;
            segs.add(new Segment(SegmentKind.GAP, prevEnd, start, i, "v" + i, null, false));
            segs.add(new Segment(SegmentKind.VMA, start, end, i, "v" + i, org.vmalab.viewmodel.NodeState.LINKED,
                    false));
            prevEnd = end;
            addr = end;
        }
        segs.add(new Segment(SegmentKind.TOP_GAP, prevEnd, org.vmalab.engine.Const.TASK_SIZE, -1, "", null, false));
        StepScene.Strip st = new StepScene.Strip(List.copyOf(segs), List.of(), prevEnd,
                org.vmalab.engine.Const.MMAP_BASE, org.vmalab.engine.Const.TASK_SIZE, null, null, null, List.of(),
                List.of());
        fx(() -> {
            Strip s = new Strip();
            s.view.setScale(StripLayout.Scale.LOG);
            PixelReader px = s.show(st, "regions-log.png");
            StripLayout l = s.view.stripLayout();
            int y = (int) BAR_TOP + 10;
            // the gap between the regions: the gap segment in front of VMA 15,000
            int between = 2 * 15_000;
            assertEquals(0x280000000000L, segs.get(between).size());
            double w = l.x1(between) - l.x0(between);
            assertTrue(w >= 20, "the 40 TiB gap between the regions is " + w + " px wide");
            Color gap = s.palette.get(Ink.STRIP_GAP);
            Color mid = px.getColor((int) (PAD + (l.x0(between) + l.x1(between)) / 2), y);
            assertTrue(distance(mid, gap) < 0.05, "the gap between the regions is drawn in the gap's ink: " + mid);
            // each region's mean colour, over its pixel columns (their edges left out)
            double[] dense = mean(px, PAD + l.x0(0) + 3, PAD + l.x0(between) - 3, y);
            double[] sparse = mean(px, PAD + l.x1(between) + 3, PAD + l.x0(segs.size() - 1) - 3, y);
            double d = Math.abs(dense[0] - sparse[0]) + Math.abs(dense[1] - sparse[1]) + Math.abs(dense[2] - sparse[2]);
            assertTrue(d > 0.15, "the dense and the sparse region look alike: " + java.util.Arrays.toString(dense)
                    + " vs " + java.util.Arrays.toString(sparse));
            return null;
        });
    }

    /** The mean red, green and blue of the pixels of row {@code y} from {@code x0} to {@code x1}. */
    private static double[] mean(PixelReader px, double x0, double x1, int y) {
        double[] m = new double[3];
        int n = 0;
        for (int x = (int) Math.ceil(x0); x <= (int) Math.floor(x1); x++) {
            Color c = px.getColor(x, y);
            m[0] += c.getRed();
            m[1] += c.getGreen();
            m[2] += c.getBlue();
            n++;
        }
        assertTrue(n > 50, "a region " + n + " px wide");
        for (int k = 0; k < 3; k++) {
            m[k] /= n;
        }
        return m;
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
