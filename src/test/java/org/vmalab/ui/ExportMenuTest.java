package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.engine.Engine;
import org.vmalab.engine.trace.Trace;
import org.vmalab.export.GifReadBack;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.ui.ExportAsk.Chosen;
import org.vmalab.ui.ExportAsk.FramesChoice;
import org.vmalab.ui.ExportAsk.PngChoice;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.Races;

/**
 * The File menu, headless: PNG of the window and of a panel at 1x and 2x (also by Ctrl+Shift+S), animated GIF,
 * PNG sequence, SVG of the tree, save and open a run; files go where the user said, never replace a file
 * without a yes, and a failure says why in one line. The user's answers come from a scripted {@link ExportAsk}.
 */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {
    private Player player;
    private MainView view;
    private WindowActions actions;
    private final Script ask = new Script();
    private Preferences prefs;

    @TempDir
    Path dir;

    /** The user's answers, in order of the questions. */
    static final class Script implements ExportAsk {
        Path save;
        boolean saveConfirmed = true;
        Path open;
        Path folder;
        boolean confirmAnswer;
        int confirms;
        PngChoice png;
        FramesChoice frames;
        final List<String> asked = new ArrayList<>();

        @Override
        public Chosen saveFile(String title, String initialName, String description, String extension) {
            asked.add("save " + initialName);
            return save == null ? null : new Chosen(save, saveConfirmed);
        }

        @Override
        public Path openFile(String title, String description, String... extensions) {
            asked.add("open");
            return open;
        }

        @Override
        public Path folder(String title) {
            asked.add("folder");
            return folder;
        }

        @Override
        public boolean confirm(String header, String text) {
            asked.add("confirm " + header);
            confirms++;
            return confirmAnswer;
        }

        @Override
        public Optional<PngChoice> png(PngChoice last) {
            asked.add("png " + last);
            return Optional.ofNullable(png);
        }

        @Override
        public Optional<FramesChoice> frames(FramesChoice defaults, int size, boolean gif) {
            asked.add("frames " + defaults + " of " + size);
            return Optional.ofNullable(frames);
        }
    }

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        player.load(Races.race(false));
        actions = view.menuBar().actions();
        actions.setAsk(ask);
        prefs = Preferences.userRoot().node("org/vmalab/test/export-" + System.nanoTime());
        actions.setPreferences(prefs);
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }




    /** Fires a menu item as a click would, and waits until its file is written (or its failure said). */
    private WindowActions.Notice fire(String id) {
        fx(() -> {
            actions.notice("", "", false);
            MenuItem mi = view.menuBar().find(id);
            assertNotNull(mi, id);
            mi.fire();
            return null;
        });
        return waitNotice();
    }

    private WindowActions.Notice waitNotice() {
        waitFor(() -> !actions.busy() && actions.lastNotice() != null && !actions.lastNotice().title().isEmpty(),
                "the export");
        return fx(actions::lastNotice);
    }

    private List<String> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertNotBlank(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 30, "distinct colours: " + colours.size());
    }

    @Test
    void theMenuHasEveryExportAndTheShortcut() {
        settle(player);
        for (String id : List.of("menu-open-run", "menu-save-run", "menu-export", "menu-export-png",
                "menu-png-window-1x", "menu-png-window-2x", "menu-png-tree-1x", "menu-png-tree-2x", "menu-png-strip-2x",
                "menu-png-threads-2x", "menu-export-gif", "menu-export-sequence", "menu-export-svg",
                "menu-explore-schedules",
                "menu-ab-table")) {
            assertNotNull(fx(() -> view.menuBar().find(id)), id);
        }
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+S"),
                fx(() -> view.menuBar().find("menu-export-png").getAccelerator()));
    }

    @Test
    void pngOfTheWholeWindowAndOfTheTreeAtTwiceTheScale() throws Exception {
        settle(player);
        fx(() -> {
            player.seek(40);
            return null;
        });
        ask.save = dir.resolve("window.png");
        WindowActions.Notice n = fire("menu-png-window-1x");
        assertFalse(n.error(), n.text());
        assertTrue(n.text().contains(dir.resolve("window.png").toString()), n.text());
        BufferedImage w = ImageIO.read(dir.resolve("window.png").toFile());
        assertEquals(1240, w.getWidth());
        assertEquals(760, w.getHeight());
        assertNotBlank(w);

        ask.save = dir.resolve("tree.png");
        n = fire("menu-png-tree-2x");
        assertFalse(n.error(), n.text());
        javafx.geometry.Bounds b = fx(() -> view.lookup(".tree-stack").getLayoutBounds());
        BufferedImage t = ImageIO.read(dir.resolve("tree.png").toFile());
        assertEquals(Math.round(b.getWidth() * 2), t.getWidth());
        assertEquals(Math.round(b.getHeight() * 2), t.getHeight());
        assertNotBlank(t);
        assertTrue(ask.asked.contains("save race-0040@2x.png") || ask.asked.stream().anyMatch(s -> s.contains("@2x")),
                ask.asked.toString());
        assertEquals(List.of("tree.png", "window.png"), files(dir), "no temporary file is left");
    }

    @Test
    void ctrlShiftSAsksWhatToShowThenWhere(FxRobot robot) throws Exception {
        settle(player);
        ask.png = new PngChoice(RunRenderer.Panel.STRIP, 1);
        ask.save = dir.resolve("strip.png");
        fx(() -> {
            actions.notice("", "", false);
            return null;
        });
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        WindowActions.Notice n = waitNotice();
        assertFalse(n.error(), n.text());
        assertTrue(ask.asked.get(0).startsWith("png "), ask.asked.toString());
        BufferedImage s = ImageIO.read(dir.resolve("strip.png").toFile());
        javafx.geometry.Bounds b = fx(() -> view.lookup(".strip-panel").getLayoutBounds());
        assertEquals(Math.round(b.getWidth()), s.getWidth());
        assertEquals(Math.round(b.getHeight()), s.getHeight());
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterAYes() throws Exception {
        settle(player);
        Path f = Files.writeString(dir.resolve("keep.png"), "precious");
        ask.save = f;
        ask.saveConfirmed = false;
        ask.confirmAnswer = false;
        fx(() -> {
            view.menuBar().find("menu-png-threads-1x").fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, ask.confirms);
        assertEquals("precious", Files.readString(f));
        ask.confirmAnswer = true;
        WindowActions.Notice n = fire("menu-png-threads-1x");
        assertFalse(n.error(), n.text());
        assertEquals(2, ask.confirms);
        assertNotNull(ImageIO.read(f.toFile()), "replaced by a PNG");
    }

    @Test
    void aFolderThatIsGoneFailsInOneLineAndWritesNothing() throws Exception {
        settle(player);
        ask.save = dir.resolve("gone/tree.svg");
        WindowActions.Notice n = fire("menu-export-svg");
        assertTrue(n.error());
        assertEquals(dir.resolve("gone/tree.svg") + ": the folder " + dir.resolve("gone") + " does not exist",
                n.text());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void anAnimatedGifOfARangeOfStepsWithItsDelays() throws Exception {
        settle(player);
        ask.frames = new FramesChoice(10, 15, 120, 900, true, RunRenderer.Panel.TREE, 1);
        ask.save = dir.resolve("race.gif");
        int before = fx(() -> player.index());
        WindowActions.Notice n = fire("menu-export-gif");
        assertFalse(n.error(), n.text());
        assertTrue(n.text().contains("6 frames"), n.text());
        GifReadBack.Read g = GifReadBack.read(Files.readAllBytes(dir.resolve("race.gif")));
        assertEquals(6, g.frames());
        assertEquals(List.of(120, 120, 120, 120, 120, 900), g.delaysMs());
        assertTrue(g.loopsForever());
        assertNotBlank(GifReadBack.frame(Files.readAllBytes(dir.resolve("race.gif")), 5));
        assertEquals(before, (int) fx(() -> player.index()), "the window's own cursor did not move");
        assertEquals(List.of("race.gif"), files(dir));
    }

    @Test
    void aNumberedPngSequence() throws Exception {
        settle(player);
        Path seq = Files.createDirectory(dir.resolve("seq"));
        ask.folder = seq;
        ask.frames = new FramesChoice(3, 5, 600, 2500, true, RunRenderer.Panel.WINDOW, 1);
        WindowActions.Notice n = fire("menu-export-sequence");
        assertFalse(n.error(), n.text());
        assertEquals(List.of("race-0003.png", "race-0004.png", "race-0005.png"), files(seq));
        for (String f : files(seq)) {
            BufferedImage img = ImageIO.read(seq.resolve(f).toFile());
            assertEquals(1240, img.getWidth());
            assertEquals(760, img.getHeight());
        }
        // again: the files exist, the user says no, nothing changes
        long t = Files.getLastModifiedTime(seq.resolve("race-0003.png")).toMillis();
        ask.confirmAnswer = false;
        fx(() -> {
            view.menuBar().find("menu-export-sequence").fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ask.asked.stream().anyMatch(s -> s.startsWith("confirm Replace 3 files")), ask.asked.toString());
        assertEquals(t, Files.getLastModifiedTime(seq.resolve("race-0003.png")).toMillis());
    }

    /**
     * The tree panel is not as high at every step of lesson 1 (the threads band below it grows and shrinks): its PNG
     * sequence still has one size, the tallest frame's, so that it plays without jumping.
     */
    @Test
    void aPanelsPngSequenceHasOneSize() throws Exception {
        Lesson convoy = LessonLoader.load(Path.of("lessons/01-mmap-sem-convoy.yaml"));
        fx(() -> {
            view.openLesson(convoy, 0);
            return null;
        });
        settle(player);
        int last = Math.min(30, fx(() -> player.trace().size()));
        java.util.Set<Integer> heights = fx(() -> {
            RunRenderer r = new RunRenderer(1240, 760, MainView.Theme.LIGHT);
            r.load(convoy, 0);
            java.util.Set<Integer> hs = new java.util.TreeSet<>();
            for (int i = 0; i <= last; i++) {
                hs.add(r.frameSize(RunRenderer.Panel.TREE, 1, i).height);
            }
            return hs;
        });
        assertTrue(heights.size() > 1, "the tree panel's height changes over the run: " + heights);
        Path seq = Files.createDirectory(dir.resolve("seq"));
        ask.folder = seq;
        ask.frames = new FramesChoice(0, last, 600, 2500, true, RunRenderer.Panel.TREE, 1);
        WindowActions.Notice n = fire("menu-export-sequence");
        assertFalse(n.error(), n.text());
        java.util.Set<String> sizes = new java.util.TreeSet<>();
        for (String f : files(seq)) {
            BufferedImage img = ImageIO.read(seq.resolve(f).toFile());
            sizes.add(img.getWidth() + "x" + img.getHeight());
        }
        assertEquals(last + 1, files(seq).size());
        assertEquals(1, sizes.size(), "one size: " + sizes);
        assertTrue(sizes.iterator().next().endsWith("x" + ((java.util.TreeSet<Integer>) heights).last()),
                "the tallest: " + sizes + " of " + heights);
    }

    @Test
    void theSvgOfTheTreeHoldsItsLabels() throws Exception {
        settle(player);
        fx(() -> {
            player.seek(44);
            return null;
        });
        ask.save = dir.resolve("tree.svg");
        WindowActions.Notice n = fire("menu-export-svg");
        assertFalse(n.error(), n.text());
        String svg = Files.readString(dir.resolve("tree.svg"), StandardCharsets.UTF_8);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        for (org.vmalab.viewmodel.StepScene.NodeView v : fx(() -> player.scene().nodes())) {
            assertTrue(svg.contains(">" + org.vmalab.viewmodel.NodeFace.name(v) + "<"), v.name());
        }
        String red = RunRenderer.hex(fx(() -> view.palette().get(Ink.NODE_RED)));
        assertTrue(svg.contains(red), "the window's own red " + red);
    }

    @Test
    void aSavedRunOpensAndReplaysIdentically(FxRobot robot) throws Exception {
        settle(player);
        // be the scheduler: T2 first, then T1, so that the run is not the playable's own
        robot.push(KeyCode.DIGIT2);
        settle(player);
        robot.push(KeyCode.DIGIT1);
        settle(player);
        Trace mine = fx(() -> player.trace());
        ask.save = dir.resolve("my-run.yaml");
        WindowActions.Notice n = fire("menu-save-run");
        assertFalse(n.error(), n.text());
        Lesson saved = LessonLoader.load(dir.resolve("my-run.yaml"));
        assertEquals(fx(() -> player.scenario()), saved.scenario());
        Trace again = Engine.run(saved.scenario(), saved.schedule());
        assertEquals(mine.scheduleUsed(), again.scheduleUsed());
        assertEquals(mine.outcome(), again.outcome());
        assertEquals(mine.violations(), again.violations());

        fx(() -> {
            player.load(Races.race(true));
            return null;
        });
        settle(player);
        ask.open = dir.resolve("my-run.yaml");
        n = fire("menu-open-run");
        assertFalse(n.error(), n.text());
        settle(player);
        assertEquals(mine.scheduleUsed(), fx(() -> player.trace().scheduleUsed()));
        assertEquals(saved.scenario(), fx(() -> player.scenario()));
    }

    @Test
    void aBrokenRunFileSaysWhereInOneLine() throws Exception {
        settle(player);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "title: x\nlayout: W\nthreads: []\nschedul: [T1]\n");
        ask.open = bad;
        WindowActions.Notice n = fire("menu-open-run");
        assertTrue(n.error());
        assertTrue(n.text().startsWith(bad.toString() + ":4:"), n.text());
        assertFalse(n.text().contains("\n"));
    }

    @Test
    void theChooserRemembersItsFolder() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("slides"));
        ExportDialogs.remember(prefs, sub.resolve("a.png"));
        assertEquals(sub, ExportDialogs.folder(prefs));
        ExportDialogs.remember(prefs, sub);
        assertEquals(sub, ExportDialogs.folder(prefs));
        Files.delete(sub);
        assertEquals(Path.of(System.getProperty("user.home")), ExportDialogs.folder(prefs), "a folder that is gone");
    }
}
