package org.vmalab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.export.ExportException;
import org.vmalab.export.GifWriter;
import org.vmalab.export.Png;
import org.vmalab.export.SafeWrite;
import org.vmalab.export.TreeSvg;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.ScenarioWriter;
import org.vmalab.ui.ExportAsk.Chosen;
import org.vmalab.ui.ExportAsk.FramesChoice;
import org.vmalab.ui.ExportAsk.PngChoice;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;

/**
 * What the menu's File and Explore items do: open and save runs; PNG of the window or a panel, animated GIF,
 * PNG sequence, SVG of the tree; the explorer and the A/B table. Everything runs from the UI thread; files are
 * encoded and written on a background thread, frames are rendered one per pulse by an off-screen
 * {@link RunRenderer} (the window itself never moves), and every file goes through {@link SafeWrite}. A
 * notification says where a file went, or why it could not be written, in one line.
 */
final class WindowActions {
    /** The most frames one GIF or PNG sequence holds. */
    static final int MAX_FRAMES = 2000;

    /** What a PNG shows (the menu's items). */
    enum Target {
        WINDOW(RunRenderer.Panel.WINDOW), TREE(RunRenderer.Panel.TREE), STRIP(RunRenderer.Panel.STRIP),
        THREADS(RunRenderer.Panel.THREADS);

        private final RunRenderer.Panel panel;

        Target(RunRenderer.Panel panel) {
            this.panel = panel;
        }

        String id() {
            return panel.id();
        }

        String label() {
            return panel.label();
        }

        RunRenderer.Panel panel() {
            return panel;
        }
    }

    /** A notice shown to the user (kept for tests). */
    record Notice(String title, String text, boolean error) {
    }

    private final MainView view;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmalab-export");
        t.setDaemon(true);
        return t;
    });
    private Preferences prefs = Preferences.userRoot().node("org/vmalab/export");
    private ExportAsk ask;
    private PngChoice lastPng = new PngChoice(RunRenderer.Panel.WINDOW, 1);
    private FramesChoice lastFrames;
    private volatile Notice lastNotice;
    private FrameJob job;
    private RunRenderer renderer;
    private ExplorePane explorePane;

    WindowActions(MainView view) {
        this.view = view;
    }

    // ================================================================ seams for tests

    void setAsk(ExportAsk a) {
        this.ask = a;
    }

    void setPreferences(Preferences p) {
        this.prefs = p;
    }

    Notice lastNotice() {
        return lastNotice;
    }

    /** Is a file being written or are frames being rendered? */
    boolean busy() {
        return job != null || writing > 0;
    }

    ExplorePane explorePane() {
        return explorePane;
    }

    ExportAsk ask() {
        if (ask == null) {
            ask = new ExportDialogs(window(), prefs, view.getScene() == null ? List.of()
                    : List.copyOf(view.getScene().getStylesheets()));
        }
        return ask;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    private Player player() {
        return view.player();
    }

    // ================================================================ runs

    /** Opens a saved run (or any lesson or scenario file) and plays it. */
    void openRun() {
        Path f = ask().openFile("Open a run", "Runs, lessons and scenarios (YAML)", "yaml", "yml");
        if (f == null) {
            return;
        }
        openRun(f);
    }

    /** Loads {@code f} off the UI thread, then plays it: a lesson with its narration, a run as it was saved. */
    void openRun(Path f) {
        writing++;
        io.execute(() -> {
            Lesson l;
            try {
                l = LessonLoader.load(f);
            } catch (LessonException e) {
                Platform.runLater(() -> {
                    writing--;
                    notice("Cannot open the run", e.getMessage(), true);
                });
                return;
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    writing--;
                    notice("Cannot open the run", f + ": " + SafeWrite.reason(e), true);
                });
                return;
            }
            Platform.runLater(() -> {
                writing--;
                if (l.isNarrated()) {
                    view.openLesson(l, 0);
                } else {
                    player().load(Lessons.playable(l, 0));
                }
                notice("Opened", f.getFileName() + ": " + l.title(), false);
            });
        });
    }

    /** The scenario and schedule of what plays now, as a scenario file that replays the same run. */
    void saveRun() {
        Scenario sc = player().scenario();
        Schedule sched = player().schedule();
        if (sc == null || sched == null) {
            notice("Nothing to save", "No run is loaded.", true);
            return;
        }
        String text;
        try {
            text = runText(player());
        } catch (IllegalArgumentException e) {
            notice("Cannot save the run", "the run cannot be written as a scenario file: " + e.getMessage(), true);
            return;
        }
        Chosen c = ask().saveFile("Save the run", baseName() + "-run.yaml", "Scenario file (YAML)", "yaml");
        if (c == null) {
            return;
        }
        write(c, "the run", out -> out.write(text.getBytes(StandardCharsets.UTF_8)),
                "replays with vmalab validate, check or render, or File ▸ Open run");
    }

    /** The saved run's text: a comment saying where it came from, then the scenario file. */
    static String runText(Player p) {
        String body = ScenarioWriter.toYaml(p.scenario(), p.schedule());
        StringBuilder b = new StringBuilder();
        b.append("# Saved from VMA Lab");
        if (p.playable() != null) {
            b.append(": ").append(p.playable().title().replace('\n', ' '));
        }
        b.append('\n');
        if (p.trace() != null) {
            b.append("# The run: ").append(p.trace().size()).append(" steps, ")
                    .append(p.trace().outcome().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(p.trace().violations().size()).append(" violation(s); it was shown at index ")
                    .append(p.index()).append('\n');
        }
        return b.append(body).toString();
    }

    // ================================================================ PNG

    /** Ctrl+Shift+S: asks for the panel and the scale (remembered), then for the file. */
    void exportPngDialog() {
        Optional<PngChoice> c = ask().png(lastPng);
        c.ifPresent(p -> {
            lastPng = p;
            exportPng(p.panel(), p.scale());
        });
    }

    void exportPng(Target target, int scale) {
        exportPng(target.panel(), scale);
    }

    /** A PNG of the window or a panel as it is on the screen, at {@code scale}. */
    void exportPng(RunRenderer.Panel panel, int scale) {
        if (view.getScene() == null) {
            return;
        }
        String name = baseName() + (panel == RunRenderer.Panel.WINDOW ? "" : "-" + panel.id()) + "-"
                + pad(player().index()) + (scale > 1 ? "@" + scale + "x" : "") + ".png";
        Chosen c = ask().saveFile("Save a PNG of the " + panel.label(), name, "PNG image", "png");
        if (c == null) {
            return;
        }
        WritableImage img = RunRenderer.snapshot(view, panel, scale);
        BufferedImage b = Png.toBuffered(img);
        write(c, "a PNG of the " + panel.label() + " (" + b.getWidth() + "×" + b.getHeight() + ")",
                out -> Png.encode(b, out), null);
    }

    // ================================================================ SVG

    /** The tree of the step on the screen as SVG, in the window's colours. */
    void exportSvg() {
        org.vmalab.viewmodel.StepScene s = player().scene();
        if (s == null) {
            notice("Nothing to export", "No run is loaded.", true);
            return;
        }
        Chosen c = ask().saveFile("Save the tree as SVG", baseName() + "-tree-" + pad(s.index()) + ".svg",
                "SVG drawing", "svg");
        if (c == null) {
            return;
        }
        java.util.Map<String, String> colors = RunRenderer.colors(view.palette());
        write(c, "the tree as SVG (" + s.nodes().size() + " VMAs)", out -> TreeSvg.write(s, colors, true, out), null);
    }

    // ================================================================ GIF and PNG sequence

    void exportGif() {
        frames(true);
    }

    void exportSequence() {
        frames(false);
    }

    private void frames(boolean gif) {
        if (job != null) {
            notice("An export is running", "Wait for it to finish or cancel it.", true);
            return;
        }
        if (player().trace() == null || player().busy()) {
            notice("Nothing to export", "No run is loaded.", true);
            return;
        }
        int size = player().trace().size();
        FramesChoice def = lastFrames != null ? new FramesChoice(Math.min(lastFrames.from(), size), size,
                lastFrames.delayMs(), lastFrames.holdMs(), lastFrames.loop(), lastFrames.panel(), lastFrames.scale())
                : new FramesChoice(0, size, 600, 2500, true, RunRenderer.Panel.WINDOW, 1);
        Optional<FramesChoice> c = ask().frames(def, size, gif);
        if (c.isEmpty()) {
            return;
        }
        FramesChoice fc = c.get();
        if (fc.count() < 1 || fc.count() > MAX_FRAMES || fc.to() > size) {
            notice("Cannot export", "choose between 1 and " + MAX_FRAMES + " steps of the run (0.." + size + ")",
                    true);
            return;
        }
        lastFrames = fc;
        String stem = baseName() + (fc.panel() == RunRenderer.Panel.WINDOW ? "" : "-" + fc.panel().id());
        if (gif) {
            Chosen ch = ask().saveFile("Save the animated GIF", stem + ".gif", "GIF animation", "gif");
            if (ch == null || !mayReplace(ch)) {
                return;
            }
            startFrames(fc, List.of(ch.path()), true, exists(ch.path()));
        } else {
            Path dir = ask().folder("Choose the folder for the PNG sequence");
            if (dir == null) {
                return;
            }
            List<Path> files = new ArrayList<>();
            int existing = 0;
            for (int i = fc.from(); i <= fc.to(); i++) {
                Path p = dir.resolve(stem + "-" + pad(i) + ".png");
                files.add(p);
                existing += exists(p) ? 1 : 0;
            }
            if (existing > 0 && !ask().confirm("Replace " + existing + " file" + (existing == 1 ? "" : "s") + "?",
                    existing + " of the " + files.size() + " files (" + files.get(0).getFileName() + " ...) already "
                            + "exist in " + dir + ". Replace them?")) {
                return;
            }
            startFrames(fc, files, false, existing > 0);
        }
    }

    private void startFrames(FramesChoice fc, List<Path> files, boolean gif, boolean overwrite) {
        RunRenderer r = renderer();
        job = new FrameJob(fc, files, gif, overwrite, r);
        job.start();
    }

    /** The off-screen window, playing what the window plays, in its size, theme and lesson. */
    private RunRenderer renderer() {
        int w = (int) Math.round(view.getScene().getWidth());
        int h = (int) Math.round(view.getScene().getHeight());
        MainView.Theme theme = currentTheme();
        if (renderer == null || renderer.width() != w || renderer.height() != h) {
            renderer = new RunRenderer(w, h, theme);
        } else {
            renderer.setTheme(theme);
        }
        Player p = player();
        Lesson l = view.lessonPane().lesson();
        boolean lesson = l != null && p.playable() != null && p.playable().id().equals(Lessons.key(l,
                view.lessonPane().part()));
        if (lesson) {
            renderer.load(l, view.lessonPane().part());
            renderer.player().run(p.scenario(), p.schedule(), 0);
        } else {
            Playable pl = p.playable();
            renderer.load(new Playable(pl == null ? "run" : pl.id(), pl == null ? p.scenario().title() : pl.title(),
                    pl == null ? "" : pl.summary(), p.scenario(), p.schedule(), pl == null ? null : pl.narration()));
        }
        return renderer;
    }

    private MainView.Theme currentTheme() {
        if (view.getScene() != null) {
            for (String css : view.getScene().getStylesheets()) {
                for (MainView.Theme t : MainView.Theme.values()) {
                    if (css.endsWith("/" + t.file)) {
                        return t;
                    }
                }
            }
        }
        return MainView.Theme.LIGHT;
    }

    /** Renders frames one per pulse on the UI thread; encodes and writes them on the export thread. */
    private final class FrameJob {
        private final FramesChoice fc;
        private final List<Path> files;
        private final boolean gif;
        private final boolean overwrite;
        private final RunRenderer r;
        private final Stage stage = new Stage();
        private final ProgressBar bar = new ProgressBar(0);
        private final Label label = new Label();
        private volatile boolean cancelled;
        private SafeWrite.Pending pending;
        private GifWriter gifWriter;
        private SafeWrite.Batch batch;
        private int next;
        /** The frames' one size (the largest of a panel's over the run), or 0 x 0: each frame its own (the window). */
        private int width;
        private int height;

        FrameJob(FramesChoice fc, List<Path> files, boolean gif, boolean overwrite, RunRenderer r) {
            this.fc = fc;
            this.files = files;
            this.gif = gif;
            this.overwrite = overwrite;
            this.r = r;
            this.next = fc.from();
        }

        void start() {
            Button cancel = new Button("Cancel");
            cancel.setId("export-cancel");
            cancel.setOnAction(e -> cancel());
            bar.setPrefWidth(320);
            label.setText((gif ? "GIF" : "PNG sequence") + ": rendering " + fc.count() + " frames…");
            HBox row = new HBox(10, bar, cancel);
            VBox box = new VBox(8, label, row);
            box.setPadding(new Insets(14));
            box.getStyleClass().add("export-progress");
            box.getStylesheets().add(WindowActions.class.getResource(ExplorePane.CSS).toExternalForm());
            javafx.scene.Scene sc = new javafx.scene.Scene(box);
            if (view.getScene() != null) {
                sc.getStylesheets().setAll(view.getScene().getStylesheets());
            }
            stage.setScene(sc);
            stage.setTitle("Exporting");
            stage.initOwner(window());
            stage.initModality(Modality.NONE);
            stage.setOnCloseRequest(e -> cancel());
            stage.show();
            try {
                if (gif) {
                    pending = SafeWrite.begin(files.get(0), overwrite);
                } else {
                    batch = new SafeWrite.Batch(files, overwrite);
                }
            } catch (ExportException e) {
                fail(e.getMessage());
                return;
            }
            if (fc.panel() != RunRenderer.Panel.WINDOW && fc.count() > 1) {
                // a panel is not as high at every step (the threads band grows and shrinks): the frames take the
                // largest size, so that the GIF or the sequence plays without jumping and no frame is scaled.
                // Measured from the last step back (a step forward is shown by going round it)
                next = fc.to();
                Platform.runLater(this::measureNext);
            } else {
                Platform.runLater(this::beginFrames);
            }
        }

        /** One step's panel size on the UI thread, then the next; the frames once every size is known. */
        private void measureNext() {
            if (cancelled) {
                io.execute(this::abort);
                return;
            }
            int i = next--;
            java.awt.Dimension d;
            try {
                d = r.frameSize(fc.panel(), fc.scale(), i);
            } catch (RuntimeException e) {
                io.execute(this::abort);
                fail("cannot render step " + i + ": " + SafeWrite.reason(e));
                return;
            }
            width = Math.max(width, d.width);
            height = Math.max(height, d.height);
            label.setText((gif ? "GIF" : "PNG sequence") + ": measuring frame " + (fc.to() - i + 1) + " of "
                    + fc.count());
            if (i > fc.from()) {
                Platform.runLater(this::measureNext);
            } else {
                next = fc.from();
                beginFrames();
            }
        }

        private void beginFrames() {
            if (gif) {
                try {
                    gifWriter = new GifWriter(pending.out(), fc.loop(), width, height);
                } catch (IOException e) {
                    io.execute(this::abort);
                    fail(files.get(0) + ": " + SafeWrite.reason(e) + "; nothing was written");
                    return;
                }
            }
            Platform.runLater(this::renderNext);
        }

        void cancel() {
            cancelled = true;
        }

        /** One frame on the UI thread, then its encoding on the export thread, then the next frame. */
        private void renderNext() {
            if (cancelled) {
                io.execute(this::abort);
                return;
            }
            int i = next++;
            BufferedImage img;
            try {
                r.show(i);
                BufferedImage shot = Png.toBuffered(r.snapshot(fc.panel(), fc.scale()));
                img = width > 0 ? Png.fit(shot, width, height) : shot;
            } catch (RuntimeException e) {
                io.execute(this::abort);
                fail("cannot render step " + i + ": " + SafeWrite.reason(e));
                return;
            }
            int done = i - fc.from() + 1;
            bar.setProgress(done / (double) fc.count());
            label.setText((gif ? "GIF" : "PNG sequence") + ": frame " + done + " of " + fc.count() + " (step " + i
                    + ")");
            io.execute(() -> {
                try {
                    if (gif) {
                        gifWriter.add(img, i == fc.to() ? fc.holdMs() : fc.delayMs());
                    } else {
                        batch.add(files.get(i - fc.from()), out -> Png.encode(img, out));
                    }
                } catch (IOException e) {
                    abort();
                    Platform.runLater(() -> fail(files.get(0) + ": " + SafeWrite.reason(e) + "; nothing was written"));
                    return;
                } catch (ExportException e) {
                    abort();
                    Platform.runLater(() -> fail(e.getMessage()));
                    return;
                }
                if (i == fc.to()) {
                    finish();
                } else {
                    Platform.runLater(this::renderNext);
                }
            });
        }

        /** On the export thread: the GIF's trailer, the renames. */
        private void finish() {
            try {
                if (gif) {
                    gifWriter.finish();
                    pending.commit();
                } else {
                    batch.commit();
                }
            } catch (IOException e) {
                abort();
                Platform.runLater(() -> fail(files.get(0) + ": " + SafeWrite.reason(e) + "; nothing was written"));
                return;
            } catch (ExportException e) {
                abort();
                Platform.runLater(() -> fail(e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                close();
                String what = gif ? "an animated GIF of " + fc.count() + " frames" : fc.count() + " PNG files";
                notice("Exported", what + " → " + (gif ? files.get(0) : files.get(0).getParent() + " ("
                        + files.get(0).getFileName() + " … " + files.get(files.size() - 1).getFileName() + ")"),
                        false);
            });
        }

        /** On the export thread: nothing is left behind. */
        private void abort() {
            if (pending != null) {
                pending.close();
            }
            if (batch != null) {
                batch.close();
            }
            if (cancelled) {
                Platform.runLater(() -> {
                    close();
                    notice("Export cancelled", "Nothing was written.", false);
                });
            }
        }

        private void fail(String message) {
            close();
            notice("Export failed", message, true);
        }

        private void close() {
            stage.close();
            if (job == this) {
                job = null;
            }
        }
    }

    // ================================================================ explorer

    void explore() {
        explorePane(true);
    }

    void abTable() {
        explorePane(false);
    }

    /** What the window says when the explorer is asked for while the learner is the scheduler of a challenge. */
    static final String CHALLENGE_GATE = "In a challenge you are the scheduler: you find the schedule yourself. The "
            + "explorer opens once you reach the goal; Give up shows it searching every schedule.";

    /**
     * Is the learner playing a challenge (trying its goal, or trying it again with the patch)? The explorer would
     * hand over the answer, and a schedule it loads would count as the learner's own.
     */
    static boolean challengeInPlay(MainView view) {
        org.vmalab.viewmodel.LessonSession s = view.lessonPane().session();
        org.vmalab.viewmodel.ChallengeRun c = s == null || !s.active() ? null : s.challenge();
        return c != null && (c.phase() == org.vmalab.viewmodel.ChallengeRun.Phase.TRYING
                || c.phase() == org.vmalab.viewmodel.ChallengeRun.Phase.PATCH);
    }

    private void explorePane(boolean search) {
        if (challengeInPlay(view)) {
            notice("You are the scheduler", CHALLENGE_GATE, false);
            return;
        }
        if (explorePane == null) {
            explorePane = new ExplorePane(view);
        }
        explorePane.show(search);
    }

    // ================================================================ writing and notices

    private int writing;

    interface Encoder {
        void encode(java.io.OutputStream out) throws IOException;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** An existing file is replaced only when the user said so (in the save dialog or here). */
    private boolean mayReplace(Chosen c) {
        if (!exists(c.path()) || c.replaceConfirmed()) {
            return true;
        }
        return ask().confirm("Replace " + c.path().getFileName() + "?", c.path() + " already exists. Replace it?");
    }

    /** Encodes and writes on the export thread; says where it went (or why not) on the UI thread. */
    void write(Chosen c, String what, Encoder enc, String hint) {
        if (!mayReplace(c)) {
            return;
        }
        boolean overwrite = exists(c.path());
        Path f = c.path();
        writing++;
        io.execute(() -> {
            String error = null;
            try {
                SafeWrite.write(f, overwrite, enc::encode);
            } catch (ExportException e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                error = f + ": " + SafeWrite.reason(e) + "; nothing was written";
            }
            String err = error;
            Platform.runLater(() -> {
                writing--;
                if (err != null) {
                    notice("Export failed", err, true);
                } else {
                    notice("Saved", capitalize(what) + " → " + f + (hint == null ? "" : "\n" + hint), false);
                }
            });
        });
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The longest line of a notice's text, in characters. */
    static final int NOTICE_LINE = 72;

    /**
     * {@code text} with its lines broken between words so that none is longer than {@code width} (if a word allows).
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] paras = text.split("\n", -1);
        for (int p = 0; p < paras.length; p++) {
            String para = paras[p];
            if (p > 0) {
                out.append('\n');
            }
            int line = 0;
            for (String word : para.split(" ")) {
                if (line > 0 && line + 1 + word.length() > width) {
                    out.append('\n');
                    line = 0;
                } else if (line > 0) {
                    out.append(' ');
                    line++;
                }
                out.append(word);
                line += word.length();
            }
        }
        return out.toString();
    }

    /** A ControlsFX notification at the window's corner, and the record of it for tests. */
    void notice(String title, String text, boolean error) {
        lastNotice = new Notice(title, text, error);
        Window w = window();
        if (w == null || !w.isShowing()) {
            return;
        }
        // on lines of at most NOTICE_LINE characters: the notice is as wide as its longest line, and one long line
        // made it wider than a 1280-pixel window, its left part (the icon, the title's start) off the screen
        Notifications n = Notifications.create().title(title).text(wrap(text, NOTICE_LINE)).owner(w)
                .hideAfter(javafx.util.Duration.seconds(error ? 12 : 6));
        if (error) {
            n.showError();
        } else {
            n.showInformation();
        }
    }

    /** A file-name stem for what plays: the lesson and part, or the scenario's title. */
    String baseName() {
        Playable p = player().playable();
        String raw;
        if (p != null && p.id().contains("#")) {
            raw = p.id().replace("#", "-part");
        } else if (p != null && !List.of("scenario", "default", "run", "").contains(p.id())) {
            raw = p.id();
        } else if (player().scenario() != null) {
            raw = player().scenario().title();
        } else {
            raw = "vmalab";
        }
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "vmalab" : s;
    }

    static String pad(int i) {
        String s = Integer.toString(i);
        return s.length() >= 4 ? s : "0".repeat(4 - s.length()) + s;
    }
}
