package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.export.GifReadBack;
import picocli.CommandLine;

/**
 * {@code vmalab render}: a lesson renders headless; the images have the requested size and are not blank; the
 * GIF's frames and delays read back; the SVG parses; exit codes and one-line errors. Runs in the test JVM (the
 * toolkit is TestFX's), and once in a fresh JVM with no display and no glass properties at all.
 */
@ExtendWith(ApplicationExtension.class)
class RenderCommandTest {
    static final String LESSON = "lessons/12-race-b-use-after-free.yaml";

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit is TestFX's; render uses it as it finds it
    }

    record Run(int code, String out, String err) {
    }

    static Run render(String... args) {
        CommandLine cl = VmaLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "render";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Not blank: many distinct colours, and no colour covers nearly everything. */
    static void assertNotBlank(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        int w = img.getWidth();
        int h = img.getHeight();
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < h; y += 3) {
            for (int x = 0; x < w; x += 3) {
                int c = img.getRGB(x, y) & 0xffffff;
                colours.add(c);
                counts.merge(c, 1, Integer::sum);
            }
        }
        int samples = ((h + 2) / 3) * ((w + 2) / 3);
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(colours.size() > 50, "distinct colours: " + colours.size());
        assertTrue(top < samples * 0.9, "one colour covers " + (100 * top / samples) + "% of the image");
    }

    @Test
    void aLessonRendersItsLastStepAsAPngOfTheRequestedSize() throws Exception {
        Run r = render(LESSON, "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote 1 PNG file (1600x1000)"), r.out());
        List<String> f = files();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).matches("12-race-b-use-after-free-part1-\\d{4}\\.png"), f.get(0));
        BufferedImage img = ImageIO.read(dir.resolve(f.get(0)).toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1000, img.getHeight());
        assertNotBlank(img);
    }

    @Test
    void scaleTwoDoublesThePixelsAndAPanelHasItsOwnSize() throws Exception {
        Run r = render(LESSON, "--out", dir.toString(), "--size", "1000x700", "--scale", "2", "--steps", "0..2");
        assertEquals(0, r.code(), r.err());
        List<String> f = files();
        // named as the window names a PNG at 2x: a 1x and a 2x picture of a step may share a folder
        assertEquals(List.of("12-race-b-use-after-free-part1-0000@2x.png", "12-race-b-use-after-free-part1-0001@2x.png",
                "12-race-b-use-after-free-part1-0002@2x.png"), f);
        for (String name : f) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(2000, img.getWidth(), name);
            assertEquals(1400, img.getHeight(), name);
            assertNotBlank(img);
        }
        Run t = render(LESSON, "--out", dir.toString(), "--panel", "tree", "--steps", "40", "--part", "2");
        assertEquals(0, t.code(), t.err());
        BufferedImage tree = ImageIO.read(dir.resolve("12-race-b-use-after-free-part2-tree-0040.png").toFile());
        assertTrue(tree.getWidth() > 300 && tree.getWidth() < 1600, "the tree panel: " + tree.getWidth());
        assertTrue(tree.getHeight() > 300 && tree.getHeight() < 1000, "the tree panel: " + tree.getHeight());
        assertNotBlank(tree);
    }

    /**
     * Each panel's picture shows that panel: the address space and the threads too, which sit below or beside
     * another panel in the window (a panel away from the window's corner was cut out of an empty viewport).
     */
    @Test
    void everyPanelRendersWhatItShows() throws IOException {
        for (String panel : List.of("tree", "strip", "threads")) {
            Run r = render(LESSON, "--out", dir.toString(), "--panel", panel, "--steps", "40", "--part", "2");
            assertEquals(0, r.code(), r.err());
            BufferedImage img = ImageIO.read(dir.resolve("12-race-b-use-after-free-part2-" + panel + "-0040.png")
                    .toFile());
            Set<Integer> colours = new HashSet<>();
            java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int c = img.getRGB(x, y) & 0xffffff;
                    colours.add(c);
                    counts.merge(c, 1, Integer::sum);
                }
            }
            int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            assertTrue(colours.size() > 20, panel + ": distinct colours " + colours.size());
            assertTrue(top < img.getWidth() * img.getHeight() * 0.95, panel + ": one colour covers "
                    + (100L * top / ((long) img.getWidth() * img.getHeight())) + "% of the picture");
        }
    }

    /** Pairs of horizontally adjacent pixels whose luminance differs by more than 200 of 255: hard edges. */
    static int hardEdges(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int prev = -1;
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int l = (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
                if (prev >= 0 && Math.abs(l - prev) > 200) {
                    n++;
                }
                prev = l;
            }
        }
        return n;
    }

    @Test
    void aChallengePartIsDrawnWithItsOwnScheduleNotTheLearnersEmptyOne() throws Exception {
        /* part 2 of lesson 12 is a challenge: its schedule (a solution) reaches munmap by step 40 */
        for (String step : List.of("0", "40")) {
            Run r = render(LESSON, "--out", dir.toString(), "--panel", "tree", "--steps", step, "--part", "2",
                    "--size", "800x600");
            assertEquals(0, r.code(), r.err());
        }
        byte[] first = Files.readAllBytes(dir.resolve("12-race-b-use-after-free-part2-tree-0000.png"));
        byte[] later = Files.readAllBytes(dir.resolve("12-race-b-use-after-free-part2-tree-0040.png"));
        assertFalse(java.util.Arrays.equals(first, later), "step 40 of the challenge's run is not its initial state");
    }

    @Test
    void theTreeCanvasIsDrawnAtTwiceThePixelsNotEnlarged() throws Exception {
        /* an enlarged canvas has no hard edge left (bilinear halves every step); drawn at 2x it keeps them */
        // a window large enough for the whole tree beside the step's callout (at 1000x700 the callout's band and
        // the legend's room hide the off-tree row, and the few hard edges left hardly tell 1x from 2x)
        Run one = render(LESSON, "--out", dir.resolve("x1").toString(), "--panel", "tree", "--steps", "40",
                "--part", "1", "--size", "1200x800");
        Run two = render(LESSON, "--out", dir.resolve("x2").toString(), "--panel", "tree", "--steps", "40",
                "--part", "1", "--size", "1200x800", "--scale", "2");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        String name = "12-race-b-use-after-free-part1-tree-0040.png";
        BufferedImage a = ImageIO.read(dir.resolve("x1").resolve(name).toFile());
        BufferedImage b = ImageIO.read(dir.resolve("x2").resolve(name.replace(".png", "@2x.png")).toFile());
        assertEquals(2 * a.getWidth(), b.getWidth());
        int ea = hardEdges(a);
        int eb = hardEdges(b);
        assertTrue(ea > 50, "the 1x tree has hard edges: " + ea);
        // enlarged, the 2x picture would have next to none; how many more it has depends on what the tree shows
        // (anti-aliased words add fewer than the boxes' borders)
        assertTrue(eb > 1.1 * ea, "2x keeps the edges hard: " + eb + " vs " + ea + " at 1x");
    }

    @Test
    void aGifHasAFramePerStepWithItsDelays() throws Exception {
        Run r = render(LESSON, "--out", dir.toString(), "--format", "gif", "--panel", "tree", "--steps", "10..14",
                "--delay", "300", "--hold", "1500", "--size", "1200x760");
        assertEquals(0, r.code(), r.err());
        Path gif = dir.resolve("12-race-b-use-after-free-part1-tree.gif");
        GifReadBack.Read g = GifReadBack.read(Files.readAllBytes(gif));
        assertEquals(5, g.frames());
        assertEquals(List.of(300, 300, 300, 300, 1500), g.delaysMs());
        assertTrue(g.loopsForever());
        assertNotBlank(GifReadBack.frame(Files.readAllBytes(gif), 4));
        assertTrue(r.out().contains("a GIF of 5 frames (steps 10..14)"), r.out());
    }

    /*
     * Lesson 1's tree panel, 1600x1000: 451 px high at steps 0 and 26 (the threads band below it has a line more),
     * 467 px at the steps around them.
     */
    static final String CONVOY = "lessons/01-mmap-sem-convoy.yaml";

    /**
     * A panel's PNG sequence has one size, the tallest frame's, so that it plays without jumping: a shorter frame
     * keeps its own pixels, unscaled, at the top left, and the rest is the panel's background.
     */
    @Test
    void aPanelsPngSequenceHasOneSizeAndAShorterFrameIsNotScaled() throws Exception {
        Run alone = render(CONVOY, "--out", dir.resolve("alone").toString(), "--panel", "tree", "--steps", "26");
        assertEquals(0, alone.code(), alone.err());
        BufferedImage short26 = ImageIO.read(dir.resolve("alone/01-mmap-sem-convoy-part1-tree-0026.png").toFile());
        Run seq = render(CONVOY, "--out", dir.resolve("seq").toString(), "--panel", "tree", "--steps", "25..27");
        assertEquals(0, seq.code(), seq.err());
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 25; i <= 27; i++) {
            frames.add(ImageIO.read(dir.resolve("seq/01-mmap-sem-convoy-part1-tree-00" + i + ".png").toFile()));
        }
        int h = frames.get(0).getHeight();
        assertTrue(short26.getHeight() < h, "step 26 alone is shorter: " + short26.getHeight() + " vs " + h);
        for (BufferedImage f : frames) {
            assertEquals(frames.get(0).getWidth(), f.getWidth());
            assertEquals(h, f.getHeight(), "every frame as high as the tallest");
        }
        BufferedImage f26 = frames.get(1);
        for (int y = 0; y < short26.getHeight(); y += 3) {
            for (int x = 0; x < short26.getWidth(); x += 3) {
                assertEquals(short26.getRGB(x, y), f26.getRGB(x, y), "step 26's own pixel at " + x + "," + y);
            }
        }
        int bg = f26.getRGB(0, h - 1);
        for (int x = 0; x < f26.getWidth(); x++) {
            assertEquals(bg, f26.getRGB(x, h - 1), "the row below step 26's picture is the background");
        }
    }

    /** A GIF that starts on a shorter frame is as high as its tallest: the taller frames are not shrunk. */
    @Test
    void aGifStartingOnAShorterFrameTakesTheTallestsSize() throws Exception {
        Run tall = render(CONVOY, "--out", dir.resolve("tall").toString(), "--panel", "tree", "--steps", "27");
        assertEquals(0, tall.code(), tall.err());
        BufferedImage f27 = ImageIO.read(dir.resolve("tall/01-mmap-sem-convoy-part1-tree-0027.png").toFile());
        Run r = render(CONVOY, "--out", dir.toString(), "--format", "gif", "--panel", "tree", "--steps", "26..27");
        assertEquals(0, r.code(), r.err());
        byte[] gif = Files.readAllBytes(dir.resolve("01-mmap-sem-convoy-part1-tree.gif"));
        GifReadBack.Read g = GifReadBack.read(gif);
        assertEquals(f27.getWidth(), g.width());
        assertEquals(f27.getHeight(), g.height(), "the GIF has the taller frame's height");
        BufferedImage last = GifReadBack.shown(gif).get(1);
        int differ = 0;
        for (int y = 0; y < f27.getHeight(); y += 2) {
            for (int x = 0; x < f27.getWidth(); x += 2) {
                differ += near(f27.getRGB(x, y), last.getRGB(x, y)) ? 0 : 1;
            }
        }
        assertTrue(differ < f27.getWidth() * f27.getHeight() / 4 / 100, "step 27 shown at its own size, not "
                + "shrunk: " + differ + " pixels of a quarter differ");
    }

    /** Two colours a GIF's palette may give for one another: each channel within 48. */
    static boolean near(int a, int b) {
        for (int sh = 0; sh <= 16; sh += 8) {
            if (Math.abs((a >> sh & 0xff) - (b >> sh & 0xff)) > 48) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anSvgOfTheTreeParsesAndNamesEveryVma() throws Exception {
        Run r = render(LESSON, "--out", dir.toString(), "--format", "svg", "--steps", "40..41");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("12-race-b-use-after-free-part1-tree-0040.svg",
                "12-race-b-use-after-free-part1-tree-0041.svg"),
                files());
        String svg = Files.readString(dir.resolve("12-race-b-use-after-free-part1-tree-0040.svg"),
                StandardCharsets.UTF_8);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getTagName());
        for (String label : List.of("data", "text", "libc", "stack", "heap", "ld", "libc_rw")) {
            assertTrue(svg.contains(">" + label + "<") || svg.contains(">∅ " + label + "<"), label
                    + " in its own case");
        }
        assertTrue(svg.contains("fill=\"#d23a36\""), "the light theme's red, from the palette");
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        assertEquals(0, render(LESSON, "--out", dir.toString(), "--steps", "3").code());
        Path f = dir.resolve("12-race-b-use-after-free-part1-0003.png");
        long before = Files.size(f);
        Run again = render(LESSON, "--out", dir.toString(), "--steps", "3", "--theme", "dark");
        assertEquals(2, again.code());
        assertEquals("error: " + f + ": already exists (use --force to replace it)\n", again.err());
        assertEquals(before, Files.size(f));
        Run forced = render(LESSON, "--out", dir.toString(), "--steps", "3", "--theme", "dark", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.size(f) == before && files().size() != 1);
        assertEquals(1, files().size(), "no temporary file is left: " + files());
    }

    @Test
    void badInputIsExitCodeTwoInOneLine() throws Exception {
        List<Run> runs = new ArrayList<>();
        runs.add(render("no/such/lesson.yaml", "--out", dir.toString()));
        runs.add(render(LESSON, "--out", dir.toString(), "--format", "jpeg"));
        runs.add(render(LESSON, "--out", dir.toString(), "--steps", "5..9999"));
        runs.add(render(LESSON, "--out", dir.toString(), "--scale", "9"));
        runs.add(render(LESSON, "--out", dir.toString(), "--size", "big"));
        runs.add(render(LESSON, "--out", dir.toString(), "--part", "42"));
        runs.add(render(LESSON, "--out", dir.toString(), "--panel", "locks"));
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        runs.add(render(LESSON, "--out", notAFolder.toString()));
        Path junk = Files.writeString(dir.resolve("junk.yaml"), "title: [unclosed\n");
        runs.add(render(junk.toString(), "--out", dir.toString()));
        for (Run r : runs) {
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals(1, r.err().lines().filter(l -> !l.startsWith("(run with --help")).count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(runs.get(2).err().contains("the run has"), runs.get(2).err());
        assertEquals(List.of("file", "junk.yaml"), files(), "nothing was written");
    }

    @Test
    void rendersInAFreshJvmWithNoDisplayLargerThanMonoclesDefaultScreen() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.vmalab.Main",
                "render", LESSON, "--out", dir.toString(), "--steps", "40", "--size", "1600x1000");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        File log = dir.resolve("log.txt").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "render finished");
        String text = Files.readString(log.toPath());
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.startsWith("wrote 1 PNG file (1600x1000)"), text);
        assertFalse(text.contains("WARNING"), "no toolkit chatter: " + text);
        BufferedImage img = ImageIO.read(dir.resolve("12-race-b-use-after-free-part1-0040.png").toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1000, img.getHeight());
        assertNotBlank(img);
        // the bottom-right corner is drawn too (the status bar and the run's outcome), not cut at 1280x800
        Set<Integer> corner = new HashSet<>();
        for (int y = 900; y < 1000; y++) {
            for (int x = 1280; x < 1600; x++) {
                corner.add(img.getRGB(x, y));
            }
        }
        assertTrue(corner.size() > 10, "colours in the bottom-right corner: " + corner.size());
    }
}
