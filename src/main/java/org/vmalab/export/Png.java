package org.vmalab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
}
