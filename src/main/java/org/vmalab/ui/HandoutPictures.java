package org.vmalab.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.vmalab.engine.trace.Trace;
import org.vmalab.export.ExportException;
import org.vmalab.export.Handout;
import org.vmalab.export.HeadlessFx;
import org.vmalab.export.Png;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Playable;

/**
 * The pictures of a handout: each step drawn by an off-screen {@link RunRenderer}: the window without the lesson
 * pane and without the narration (the handout prints it beside the picture), cut to the protections, the step's
 * caption and the panels (no menu, toolbar or timeline); or one panel. The tree panel is drawn with its type
 * enlarged ({@link #printTextScale}) so that, printed across an A4 page's text column, its smallest words are at
 * least {@link #PRINT_MIN_PT} pt. Called from a thread other than the JavaFX thread (the
 * command line's, or a background thread of the window): each picture is drawn on the JavaFX thread, and the caller
 * waits for it.
 */
public final class HandoutPictures implements Handout.Pictures {
    private final Lesson lesson;
    private final int width;
    private final int height;
    private final String theme;
    private final RunRenderer.Panel panel;
    private final double scale;
    private RunRenderer renderer;
    private int loaded = -1;

    /** Pictures of {@code lesson}'s steps: the window at {@code width} x {@code height} (or one panel of it). */
    public HandoutPictures(Lesson lesson, int width, int height, String theme, RunRenderer.Panel panel, double scale) {
        this.lesson = lesson;
        this.width = width;
        this.height = height;
        this.theme = theme;
        this.panel = panel;
        this.scale = scale;
    }

    @Override
    public byte[] png(int part, Trace trace, int step) throws ExportException {
        java.awt.image.BufferedImage img;
        try {
            img = HeadlessFx.call(() -> draw(part, step));
        } catch (ExportException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        try {
            Png.encode(img, out);
        } catch (IOException e) {
            throw new ExportException(null, "cannot encode a picture: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * The height of the off-screen window for the tree alone, as a part of its width: under the threads band and
     * the address space it keeps the tree a picture about 0.63 times as high as wide (printed across the A4 column,
     * 114 mm, under the page's 125 mm), room for the whole tree at print type and for the callout's band under it.
     */
    static final double TREE_HEIGHT = 0.92;

    /** The text column of an A4 page with the handout's margins (210 mm less 15 mm each side), in mm. */
    static final double A4_COLUMN_MM = 180;
    /** The legend's type on the screen (vmalab.css), in px. */
    static final double LEGEND_PX = 11;
    /** The smallest type of a printed tree picture, in points. */
    static final double PRINT_MIN_PT = 9;

    /**
     * The tree's text scale for a picture {@code widthPx} wide printed {@link #A4_COLUMN_MM} wide: its smallest
     * words ({@link org.vmalab.viewmodel.TreeGeometry#MIN_READABLE_PX} at scale 1) come out at
     * {@link #PRINT_MIN_PT} pt or more (1 pt = 25.4 / 72 mm).
     */
    static double printTextScale(double widthPx) {
        double minMm = PRINT_MIN_PT * 25.4 / 72;
        double pxNeeded = minMm * widthPx / A4_COLUMN_MM;
        return Math.max(1, pxNeeded / org.vmalab.viewmodel.TreeGeometry.MIN_READABLE_PX);
    }

    /** The off-screen window the pictures are drawn in (tests), or null before the first. */
    RunRenderer renderer() {
        return renderer;
    }

    /** Step {@code step} of part {@code part}, drawn (on the JavaFX thread). */
    private java.awt.image.BufferedImage draw(int part, int step) {
        prepare(part, step);
        java.awt.image.BufferedImage img = Png.toBuffered(renderer.snapshot(panel, scale));
        if (panel == RunRenderer.Panel.WINDOW) {
            javafx.geometry.Rectangle2D a = renderer.handoutArea();
            int y = (int) Math.round(a.getMinY() * scale);
            int h = Math.min(img.getHeight() - y, (int) Math.round(a.getHeight() * scale));
            img = img.getSubimage(0, y, img.getWidth(), h);
        }
        return img;
    }

    /** The off-screen window at step {@code step} of part {@code part}, as its picture is taken (JavaFX thread). */
    void prepare(int part, int step) {
        if (renderer == null) {
            // the tree alone gets a taller window (TREE_HEIGHT)
            renderer = new RunRenderer(width, panel == RunRenderer.Panel.TREE
                    ? Math.max(height, (int) (width * TREE_HEIGHT)) : height, theme);
        }
        if (loaded != part) {
            // without the narration: the handout prints it beside the picture
            Playable p = Lessons.playable(lesson, part);
            renderer.load(new Playable(p.id(), p.title(), p.summary(), p.scenario(), p.schedule(), Narration.NONE));
            loaded = part;
        }
        if (panel == RunRenderer.Panel.TREE) {
            // print type for everything in the picture: the tree's words, its callout and tags, the legend's line;
            // the Fit, zoom and Follow buttons mean nothing on paper
            double ts = printTextScale(renderer.view().tree().getWidth());
            renderer.view().tree().setPrint(true);
            renderer.view().tree().setTextScale(ts);
            javafx.scene.Node controls = renderer.view().lookup(".tree-controls");
            if (controls != null) {
                controls.setVisible(false);
            }
            renderer.view().legend().setPrintSize(LEGEND_PX * ts);
        }
        renderer.show(step);
    }
}
