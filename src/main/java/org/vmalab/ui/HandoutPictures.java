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
 * caption and the panels (no menu, toolbar or timeline); or one panel. Called from a thread other than the JavaFX thread (the
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

    /** Step {@code step} of part {@code part}, drawn (on the JavaFX thread). */
    private java.awt.image.BufferedImage draw(int part, int step) {
        if (renderer == null) {
            renderer = new RunRenderer(width, height, theme);
        }
        if (loaded != part) {
            // without the narration: the handout prints it beside the picture
            Playable p = Lessons.playable(lesson, part);
            renderer.load(new Playable(p.id(), p.title(), p.summary(), p.scenario(), p.schedule(), Narration.NONE));
            loaded = part;
        }
        renderer.show(step);
        java.awt.image.BufferedImage img = Png.toBuffered(renderer.snapshot(panel, scale));
        if (panel == RunRenderer.Panel.WINDOW) {
            javafx.geometry.Rectangle2D a = renderer.handoutArea();
            int y = (int) Math.round(a.getMinY() * scale);
            int h = Math.min(img.getHeight() - y, (int) Math.round(a.getHeight() * scale));
            img = img.getSubimage(0, y, img.getWidth(), h);
        }
        return img;
    }
}
