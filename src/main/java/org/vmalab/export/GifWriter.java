package org.vmalab.export;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame with the JDK's own encoder (no frame is kept in memory): each frame
 * has its own delay (GIF counts in hundredths of a second), and the {@code NETSCAPE2.0} application extension
 * makes it loop forever (or play once).
 *
 * <p>The GIF has the size given (the largest of its frames') or the first frame's, and every frame covers all of it: a
 * panel is not as high at every step (the threads band grows and shrinks), and a shorter frame would leave the bottom
 * rows of the one before on the screen, a taller one would be cut by the viewer. A frame of another size is scaled down
 * to fit if it is larger, and the rest is filled with its own background (the commonest colour of its edges).
 *
 * <p>From the second frame on, a frame holds only the rectangle that changed since the one before (drawn over it:
 * frames are not disposed of); between two steps most of the window stays as it was.
 */
public final class GifWriter implements AutoCloseable {
    /** Browsers treat delays under 20 ms as 100 ms; below that the delay is refused. */
    public static final int MIN_DELAY_MS = 20;
    public static final int MAX_DELAY_MS = 655_350;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    static {
        /* encode in memory (see Png): no cache file whose clean-up at exit fails after a full disk */
        ImageIO.setUseCache(false);
    }

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final boolean loop;
    /**
     * Frames up to this size are written as the part that changed; the frame before is kept for that (4K: 33 MB).
     * A larger one is written whole, so that the heap holds only the frame being written.
     */
    static final long MAX_DELTA_PIXELS = 3840L * 2160;
    private int frames;
    private boolean finished;
    /** The picture on the screen after the last frame (its pixels), or null. */
    private int[] shown;
    /** The GIF's size: the one given, else the first frame's. */
    private int width;
    private int height;

    /** Starts a GIF on {@code out} with the first frame's size; {@code loop}: play forever, else once. */
    public GifWriter(OutputStream out, boolean loop) throws IOException {
        this(out, loop, 0, 0);
    }

    /**
     * Starts a GIF of {@code width} x {@code height} pixels (the first frame's size if either is 0): a run's frames
     * of different heights take the largest, so that none is scaled down.
     */
    public GifWriter(OutputStream out, boolean loop, int width, int height) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF encoder in this Java runtime");
        }
        this.writer = it.next();
        this.stream = ImageIO.createImageOutputStream(out);
        this.loop = loop;
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
        if (width > 0 && height > 0) {
            this.width = width;
            this.height = height;
        }
    }

    /** Appends a frame shown for {@code delayMillis} (rounded to hundredths of a second). */
    public void add(BufferedImage frame, int delayMillis) throws IOException {
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        if (delayMillis < MIN_DELAY_MS || delayMillis > MAX_DELAY_MS) {
            throw new IllegalArgumentException("a frame delay must be between " + MIN_DELAY_MS + " and "
                    + MAX_DELAY_MS + " ms");
        }
        if (width == 0) {
            width = frame.getWidth();
            height = frame.getHeight();
        }
        BufferedImage img = Png.fit(frame, width, height);
        int[] now = (long) width * height <= MAX_DELTA_PIXELS ? img.getRGB(0, 0, width, height, null, 0, width) : null;
        // only the rectangle that changed since the frame before; the rest stays on the screen (frames are not
        // disposed of). Its unchanged pixels are written too: transparent, they would leave the encoder a palette of
        // the changed pixels only, and the background it gives them shows the shapes of earlier changes, faintly
        Rectangle r = now != null && shown != null ? changed(shown, now, width, height)
                : new Rectangle(0, 0, width, height);
        BufferedImage part = r.width == width && r.height == height ? img : img.getSubimage(r.x, r.y, r.width,
                r.height);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), param);
        configure(meta, Math.round(delayMillis / 10f), frames == 0, r.x, r.y);
        writer.writeToSequence(new IIOImage(part, null, meta), param);
        shown = now;
        frames++;
    }

    /**
     * The smallest rectangle holding every pixel that differs between {@code before} and {@code now}; a single
     * pixel in the corner when none does (the frame is still written, for its delay).
     */
    static Rectangle changed(int[] before, int[] now, int w, int h) {
        int top = -1;
        for (int y = 0; y < h && top < 0; y++) {
            if (!Arrays.equals(before, y * w, y * w + w, now, y * w, y * w + w)) {
                top = y;
            }
        }
        if (top < 0) {
            return new Rectangle(0, 0, 1, 1);
        }
        int bottom = top;
        for (int y = h - 1; y > top; y--) {
            if (!Arrays.equals(before, y * w, y * w + w, now, y * w, y * w + w)) {
                bottom = y;
                break;
            }
        }
        int left = w;
        int right = -1;
        for (int y = top; y <= bottom; y++) {
            int row = y * w;
            for (int x = 0; x < left; x++) {
                if (before[row + x] != now[row + x]) {
                    left = x;
                    break;
                }
            }
            for (int x = w - 1; x > right; x--) {
                if (before[row + x] != now[row + x]) {
                    right = x;
                    break;
                }
            }
        }
        return new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    public int frames() {
        return frames;
    }

    /** Writes the GIF trailer; the output stream is flushed, not closed. */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            writer.endWriteSequence();
            stream.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            writer.dispose();
            stream.close();
        }
    }

    private void configure(IIOMetadata meta, int hundredths, boolean first, int x, int y)
            throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode d = child(root, "ImageDescriptor");
        d.setAttribute("imageLeftPosition", Integer.toString(x));
        d.setAttribute("imageTopPosition", Integer.toString(y));
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(hundredths));
        gce.setAttribute("transparentColorIndex", "0");
        if (first && loop) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1, then the loop count (little endian): 0 = forever; without the extension it plays once
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
