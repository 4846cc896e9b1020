package org.vmalab.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import org.vmalab.engine.trace.Trace;
import org.vmalab.export.ExportException;
import org.vmalab.export.GifWriter;
import org.vmalab.export.Handout;
import org.vmalab.export.HeadlessFx;
import org.vmalab.export.Png;
import org.vmalab.export.SafeWrite;
import org.vmalab.export.StepRange;
import org.vmalab.export.TreeSvg;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;
import org.vmalab.ui.HandoutPictures;
import org.vmalab.ui.RunRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code render FILE --out DIR}: images of a run with no display at all; see docs/EXPORT.md and docs/CLI.md. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a lesson's or scenario file's run as images, headless (no display needed): a PNG "
                + "of the window (or of one panel) per step, an animated GIF of a range of steps, or an SVG of the "
                + "tree per step.",
                "Files go to DIR, named after FILE: NAME-0042.png (the state after step 42; 0 is the initial state), "
                        + "NAME-0042@2x.png at --scale 2, NAME.gif, NAME-tree-0042.svg. An existing file is never "
                        + "replaced without --force; every file is written to a temporary file and renamed, so a "
                        + "failure leaves nothing behind.",
                "Exit code: 0 written, 2 bad input (a malformed file, a bad option, an unwritable folder, a file "
                        + "that exists)."})
public final class RenderCommand implements Callable<Integer> {
    /** The most frames one command writes (a GIF or a PNG sequence). */
    static final int MAX_FRAMES = 2000;
    static final int MAX_SIDE = 8000;
    /** The most pixels in one image: 16 Mpixels (4096x4096) is what a 256 MB heap holds while it is drawn. */
    static final long MAX_PIXELS = 16L * 1024 * 1024;

    enum Format { PNG, GIF, SVG, HTML }

    @Parameters(index = "0", paramLabel = "FILE", description = "a lesson or scenario file (YAML), or the id of a "
            + "built-in lesson (vmalab lessons lists them)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into "
            + "(created if missing)")
    Path out;

    @Option(names = "--format", paramLabel = "png|gif|svg|html", description = "png (default): one image per step; "
            + "gif: one animated GIF of the steps; svg: the tree, one file per step; html: the lesson's handout, one "
            + "self-contained page to print (every part, each narration with the picture of its step, the "
            + "questions, the answers on a last page)")
    String format = "png";

    @Option(names = "--steps", paramLabel = "A..B", description = "the steps to render: N, A..B, A.., ..B; 0 is "
            + "the initial state, 'end' the last step (default: the end for png and svg, the whole run for gif)")
    String steps;

    @Option(names = "--scale", paramLabel = "N", description = "pixels per unit, 1 to 4 (default 1; 2 for slides "
            + "and HiDPI screens)")
    int scale = 1;

    @Option(names = "--size", paramLabel = "WxH", description = "the window's size (default 1600x1000; 1280x800 "
            + "for html, whose pictures are printed)")
    String size;

    @Option(names = "--panel", paramLabel = "PANEL", description = "window (default; tree for html), tree, strip "
            + "(the address space) or threads")
    String panel;

    @Option(names = "--part", paramLabel = "N", description = "the lesson part to render (default 1)")
    int part = 1;

    @Option(names = "--theme", paramLabel = "THEME", description = "light (default), dark, colorblind or "
            + "high-contrast (projectors)")
    String theme = "light";

    @Option(names = "--delay", paramLabel = "MS", description = "gif: how long each step is shown (default 600)")
    int delay = 600;

    @Option(names = "--hold", paramLabel = "MS", description = "gif: how long the last step is shown (default 2500)")
    int hold = 2500;

    @Option(names = "--once", description = "gif: play once instead of looping")
    boolean once;

    @Option(names = "--no-header", description = "svg: no line with the step and its caption above the tree")
    boolean noHeader;

    @Option(names = "--force", description = "replace files that exist")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar on standard error (it shows only on a "
            + "terminal, once the work has taken a second)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private Format fmt;
    /** The progress bar of the frames or pictures being drawn. */
    private TermProgress bar;
    private RunRenderer.Panel pnl;
    private int width;
    private int height;

    @Override
    public Integer call() {
        options();
        Lesson lesson;
        Path given = file;
        file = LessonArgs.require(file);
        try {
            Fatal.doing("reading " + file);
            lesson = LessonLoader.load(file);
        } catch (LessonException e) {
            throw new UserError(e.getMessage());
        }
        UserError noPart = LessonArgs.noSuchPart(given, part, lesson.parts().size());
        if (noPart != null) {
            throw noPart;
        }
        if (fmt == Format.HTML) {
            return handout(lesson);
        }
        Part p = lesson.parts().get(part - 1);
        Trace trace;
        try {
            Fatal.doing("running part " + part + " of " + file);
            trace = p.run();
        } catch (RuntimeException e) {
            throw new UserError(file + ": the run fails: " + e.getMessage());
        }
        StepRange range;
        try {
            range = steps == null ? (fmt == Format.GIF ? StepRange.all(trace.size()) : StepRange.end(trace.size()))
                    : StepRange.parse(steps, trace.size());
        } catch (IllegalArgumentException e) {
            throw new UserError("--steps " + steps + ": " + e.getMessage());
        }
        if (fmt != Format.SVG && range.count() > MAX_FRAMES) {
            throw new UserError("--steps: " + range.count() + " frames are too many (at most " + MAX_FRAMES
                    + "); choose a shorter range");
        }
        Path dir = folder();
        String stem = stem(lesson);
        List<Path> targets = targets(dir, stem, range, trace.size());
        for (Path t : targets) {
            mayWrite(t);
        }
        startFx();
        long t0 = System.nanoTime();
        try (TermProgress b = TermProgress.start("render", "steps", range.count(), quiet)) {
            bar = b;
            switch (fmt) {
                case PNG -> png(lesson, targets, range);
                case GIF -> gif(lesson, targets.get(0), range);
                case SVG -> svg(lesson, targets, range);
                default -> throw new IllegalStateException();
            }
        } catch (ExportException e) {
            throw new UserError(e.getMessage());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        String what = switch (fmt) {
            case PNG -> targets.size() + " PNG file" + (targets.size() == 1 ? "" : "s") + " (" + (width * scale) + "x"
                    + (height * scale) + (pnl == RunRenderer.Panel.WINDOW ? "" : ", the " + pnl.label()) + ")";
            case GIF -> "a GIF of " + range.count() + " frame" + (range.count() == 1 ? "" : "s") + " (steps "
                    + range.from() + ".." + range.to() + ")";
            case SVG -> targets.size() + " SVG file" + (targets.size() == 1 ? "" : "s") + " of the tree";
            case HTML -> throw new IllegalStateException("the handout is written by handout()");
        };
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s in %.1f s: %s%n", what, s,
                targets.size() == 1 ? targets.get(0) : targets.get(0) + " .. " + targets.get(targets.size() - 1)
                        .getFileName());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void options() {
        fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "png" -> Format.PNG;
            case "gif" -> Format.GIF;
            case "svg" -> Format.SVG;
            case "html" -> Format.HTML;
            default -> throw new UserError("--format " + format + ": expected png, gif, svg or html");
        };
        if (size == null) {
            size = fmt == Format.HTML ? "1280x800" : "1600x1000";
        }
        if (panel == null) {
            // a handout prints the tree, its type large enough to read on paper
            panel = fmt == Format.HTML ? "tree" : "window";
        }
        pnl = RunRenderer.Panel.of(panel);
        if (pnl == null) {
            throw new UserError("--panel " + panel + ": expected window, tree, strip or threads");
        }
        if (scale < 1 || scale > 4) {
            throw new UserError("--scale " + scale + ": expected 1 to 4");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})[xX](\\d{1,5})").matcher(size.strip());
        if (!m.matches()) {
            throw new UserError("--size " + size + ": expected WIDTHxHEIGHT, e.g. 1600x1000");
        }
        width = Integer.parseInt(m.group(1));
        height = Integer.parseInt(m.group(2));
        if (width < 640 || height < 400 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new UserError("--size " + size + ": the window must be between 640x400 and " + MAX_SIDE + "x"
                    + MAX_SIDE);
        }
        if ((long) width * height * scale * scale > MAX_PIXELS) {
            throw new UserError("--size " + size + " --scale " + scale + ": the image would have "
                    + ((long) width * height * scale * scale) + " pixels, more than the limit of "
                    + MAX_PIXELS / (1024 * 1024) + " Mpixels (4096x4096)");
        }
        if (!RunRenderer.THEMES.contains(theme.toLowerCase(Locale.ROOT))) {
            throw new UserError("--theme " + theme + ": expected light, dark, colorblind or high-contrast");
        }
        if (delay < GifWriter.MIN_DELAY_MS || delay > GifWriter.MAX_DELAY_MS) {
            throw new UserError("--delay " + delay + ": expected " + GifWriter.MIN_DELAY_MS + " to "
                    + GifWriter.MAX_DELAY_MS + " ms");
        }
        if (hold < GifWriter.MIN_DELAY_MS || hold > GifWriter.MAX_DELAY_MS) {
            throw new UserError("--hold " + hold + ": expected " + GifWriter.MIN_DELAY_MS + " to "
                    + GifWriter.MAX_DELAY_MS + " ms");
        }
    }

    /** The output folder, created if missing. */
    private Path folder() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": not a folder");
        }
        if (!Files.exists(out)) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UserError(out + ": cannot create the folder: " + SafeWrite.reason(e));
            }
        }
        return out;
    }

    private String stem(Lesson lesson) {
        String s = fileStem();
        if (lesson.parts().size() > 1) {
            s += "-part" + part;
        }
        return s;
    }

    /** The file's name without its extension. */
    private String fileStem() {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    List<Path> targets(Path dir, String stem, StepRange range, int size) {
        String kind = pnl == RunRenderer.Panel.WINDOW ? "" : "-" + pnl.id();
        int digits = Math.max(4, Integer.toString(size).length());
        List<Path> t = new ArrayList<>();
        switch (fmt) {
            case GIF -> t.add(dir.resolve(stem + kind + ".gif"));
            case PNG -> {
                for (int i = range.from(); i <= range.to(); i++) {
                    // at 2x named as the window names it (NAME-0040@2x.png): 1x and 2x may share a folder
                    t.add(dir.resolve(stem + kind + "-" + pad(i, digits) + (scale > 1 ? "@" + scale + "x" : "")
                            + ".png"));
                }
            }
            case SVG -> {
                for (int i = range.from(); i <= range.to(); i++) {
                    t.add(dir.resolve(stem + "-tree-" + pad(i, digits) + ".svg"));
                }
            }
            default -> throw new IllegalStateException();
        }
        return t;
    }

    static String pad(int i, int digits) {
        String s = Integer.toString(i);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }

    // ================================================================ rendering

    /** {@code t} may be written: it does not exist, or {@code --force}; its folder is writable. */
    private void mayWrite(Path t) {
        try {
            SafeWrite.check(t, force);
        } catch (ExportException e) {
            throw new UserError(e.getMessage() + (e.getMessage().endsWith("already exists")
                    ? " (use --force to replace it)" : ""));
        }
    }

    /** Starts JavaFX headless for a window of the size asked for. */
    private void startFx() {
        try {
            Fatal.doing("starting the JavaFX toolkit");
            HeadlessFx.start(width, height);
        } catch (RuntimeException | LinkageError e) {
            throw new UserError("cannot start the JavaFX toolkit headless: " + e.getMessage(), ExitCodes.INTERNAL);
        }
    }

    /** {@code --format html}: the lesson's handout, {@code DIR/NAME.html}; see docs/EXPORT.md. */
    private int handout(Lesson lesson) {
        if (steps != null) {
            throw new UserError("--steps does not apply to --format html: the handout shows the steps of every "
                    + "narration and question");
        }
        if (!lesson.isNarrated()) {
            // the window offers no handout without a lesson either: a page with a title and nothing else
            throw new UserError(file + ": no handout: the file has no narration and no question (a lesson has them; "
                    + "--format png or gif draws its steps)");
        }
        Path dir = folder();
        Path target = dir.resolve(fileStem() + ".html");
        mayWrite(target);
        startFx();
        long t0 = System.nanoTime();
        byte[] html;
        Fatal.doing("drawing the handout of " + file + " in a " + width + "x" + height + " window");
        try (TermProgress b = TermProgress.start("handout", "pictures", Handout.pictureCount(lesson), quiet)) {
            HandoutPictures pictures = new HandoutPictures(lesson, width, height, theme, pnl, scale);
            html = Handout.bytes(lesson, (part, trace, step) -> {
                byte[] png = pictures.png(part, trace, step);
                b.step();
                return png;
            });
            SafeWrite.write(target, force, o -> o.write(html));
        } catch (ExportException e) {
            throw new UserError(e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote the handout (%d KB) in %.1f s: %s%n",
                (html.length + 1023) / 1024, (System.nanoTime() - t0) / 1e9, target);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private RunRenderer renderer(Lesson lesson) throws ExportException {
        Fatal.doing("laying out part " + part + " of " + file + " in a " + width + "x" + height + " window");
        return fx(() -> {
            RunRenderer r = new RunRenderer(width, height, theme);
            r.load(lesson, part - 1);
            return r;
        });
    }

    /** The image of step {@code i}, rendered on the FX thread. */
    private CompletableFuture<BufferedImage> frame(RunRenderer r, int i) {
        CompletableFuture<BufferedImage> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.show(i);
                f.complete(Png.toBuffered(r.snapshot(pnl, scale)));
            } catch (NullPointerException e) {
                /* JavaFX's software renderer answers a failed allocation of the snapshot's pixels with a missing
                   image, which then fails here: that is memory running out, not a bug of ours */
                f.completeExceptionally(prismImageMissing(e) ? new OutOfMemoryError("the snapshot's pixels") : e);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    static boolean prismImageMissing(NullPointerException e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length > 0 && st[0].getClassName().startsWith("com.sun.") && String.valueOf(e.getMessage())
                .contains("Image");
    }

    private String drawing(int i) {
        return "drawing step " + i + " of " + file + " as a " + (width * scale) + "x" + (height * scale) + " image";
    }

    /**
     * The one size of a run's frames: a panel's height changes from step to step (the threads band grows and
     * shrinks), and a GIF or a PNG sequence takes the largest so that it plays without jumping and nothing is
     * scaled; null for the window (always its own size) and a single picture.
     */
    private java.awt.Dimension frameSize(RunRenderer r, StepRange range) throws ExportException {
        if (pnl == RunRenderer.Panel.WINDOW || range.count() < 2) {
            return null;
        }
        Fatal.doing("measuring the " + pnl.label() + " panel over steps " + range.from() + ".." + range.to());
        return fx(() -> r.frameSize(pnl, scale, range.from(), range.to()));
    }

    private static BufferedImage sized(BufferedImage img, java.awt.Dimension size) {
        return size == null ? img : Png.fit(img, size.width, size.height);
    }

    private void png(Lesson lesson, List<Path> targets, StepRange range) throws ExportException {
        RunRenderer r = renderer(lesson);
        java.awt.Dimension size = frameSize(r, range);
        try (SafeWrite.Batch batch = new SafeWrite.Batch(targets, force)) {
            CompletableFuture<BufferedImage> next = frame(r, range.from());
            for (int i = range.from(); i <= range.to(); i++) {
                Fatal.doing(drawing(i));
                BufferedImage img = sized(await(next), size);
                next = i < range.to() ? frame(r, i + 1) : null;
                batch.add(targets.get(i - range.from()), o -> Png.encode(img, o));
                bar.step();
            }
            batch.commit();
        }
    }

    private void gif(Lesson lesson, Path target, StepRange range) throws ExportException {
        RunRenderer r = renderer(lesson);
        java.awt.Dimension size = frameSize(r, range);
        try (SafeWrite.Pending p = SafeWrite.begin(target, force)) {
            try (GifWriter gw = size == null ? new GifWriter(p.out(), !once)
                    : new GifWriter(p.out(), !once, size.width, size.height)) {
                CompletableFuture<BufferedImage> next = frame(r, range.from());
                for (int i = range.from(); i <= range.to(); i++) {
                    Fatal.doing(drawing(i) + " for a GIF");
                    BufferedImage img = await(next);
                    next = i < range.to() ? frame(r, i + 1) : null;
                    gw.add(img, i == range.to() ? hold : delay);
                    bar.step();
                }
            } catch (IOException e) {
                throw new ExportException(target, SafeWrite.reason(e) + "; nothing was written");
            }
            p.commit();
        }
    }

    private void svg(Lesson lesson, List<Path> targets, StepRange range) throws ExportException {
        RunRenderer r = renderer(lesson);
        java.util.Map<String, String> colors = fx(r::colors);
        try (SafeWrite.Batch batch = new SafeWrite.Batch(targets, force)) {
            for (int i = range.from(); i <= range.to(); i++) {
                int k = i;
                Fatal.doing("drawing step " + i + " of " + file + " as SVG");
                org.vmalab.viewmodel.StepScene s = fx(() -> {
                    r.show(k);
                    return r.model();
                });
                batch.add(targets.get(i - range.from()), o -> TreeSvg.write(s, colors, !noHeader, o));
                bar.step();
            }
            batch.commit();
        }
    }

    private static <T> T fx(Callable<T> work) throws ExportException {
        try {
            return HeadlessFx.call(work);
        } catch (ExportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
