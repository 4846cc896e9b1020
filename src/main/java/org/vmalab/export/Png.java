package org.vmalab.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** PNG files: a JavaFX image as an opaque {@link BufferedImage}, written through {@link SafeWrite}. */
public final class Png {
    static {
        /* encode in memory: ImageIO's file cache goes to java.io.tmpdir and, when a write fails (a full disk),
           its clean-up at exit throws a NullPointerException of its own */
        ImageIO.setUseCache(false);
    }

    private Png() {
    }

    /** The pixels of a JavaFX image (a snapshot) as an opaque RGB image. */
    public static BufferedImage toBuffered(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        return b;
    }

    /** Encodes {@code img} as PNG on {@code out}. */
    public static void encode(BufferedImage img, OutputStream out) throws IOException {
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG encoder in this Java runtime");
        }
    }

    /** Writes {@code img} to {@code file} safely (never replacing a file unless {@code overwrite}). */
    public static void write(BufferedImage img, Path file, boolean overwrite) throws ExportException {
        SafeWrite.write(file, overwrite, out -> encode(img, out));
    }

    /**
     * {@code frame} on a {@code w} x {@code h} picture: at its own size in the top left corner if it fits, else
     * scaled down (its proportions kept) until it does; the rest in the frame's background. The frames of a GIF or a
     * PNG sequence of a panel, whose height changes from step to step, get one size this way.
     */
    public static BufferedImage fit(BufferedImage frame, int w, int h) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        if (fw == w && fh == h) {
            return frame;
        }
        double s = Math.min(1, Math.min(w / (double) fw, h / (double) fh));
        int dw = Math.max(1, (int) Math.round(fw * s));
        int dh = Math.max(1, (int) Math.round(fh * s));
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = b.createGraphics();
        try {
            g.setColor(new Color(background(frame)));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(frame, 0, 0, dw, dh, null);
        } finally {
            g.dispose();
        }
        return b;
    }

    /** The commonest colour of {@code img}'s four edges: the panel's background. */
    public static int background(BufferedImage img) {
        Map<Integer, Integer> count = new HashMap<>();
        int w = img.getWidth();
        int h = img.getHeight();
        for (int x = 0; x < w; x++) {
            count.merge(img.getRGB(x, 0) | 0xff000000, 1, Integer::sum);
            count.merge(img.getRGB(x, h - 1) | 0xff000000, 1, Integer::sum);
        }
        for (int y = 0; y < h; y++) {
            count.merge(img.getRGB(0, y) | 0xff000000, 1, Integer::sum);
            count.merge(img.getRGB(w - 1, y) | 0xff000000, 1, Integer::sum);
        }
        int best = 0xffffffff;
        int most = -1;
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
