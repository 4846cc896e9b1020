package org.vmalab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
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
    private int frames;
    private boolean finished;

    /** Starts a GIF on {@code out}; {@code loop}: play forever, else once. */
    public GifWriter(OutputStream out, boolean loop) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF encoder in this Java runtime");
        }
        this.writer = it.next();
        this.stream = ImageIO.createImageOutputStream(out);
        this.loop = loop;
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
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
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        configure(meta, Math.round(delayMillis / 10f), frames == 0);
        writer.writeToSequence(new IIOImage(frame, null, meta), param);
        frames++;
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

    private void configure(IIOMetadata meta, int hundredths, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
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
