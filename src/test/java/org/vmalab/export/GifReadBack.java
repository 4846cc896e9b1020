package org.vmalab.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/** Reads a GIF back with ImageIO: frame count, each frame's delay, the NETSCAPE2.0 loop, a frame's pixels. */
public final class GifReadBack {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifReadBack() {
    }

    /** What a GIF holds. */
    public record Read(int frames, List<Integer> delaysMs, boolean loopsForever, int width, int height) {
    }

    public static Read read(byte[] gif) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            r.setInput(in);
            int n = r.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            boolean loop = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree(FORMAT);
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")) * 10);
                if (i == 0) {
                    NodeList apps = root.getElementsByTagName("ApplicationExtension");
                    for (int k = 0; k < apps.getLength(); k++) {
                        IIOMetadataNode a = (IIOMetadataNode) apps.item(k);
                        byte[] data = (byte[]) a.getUserObject();
                        loop |= "NETSCAPE".equals(a.getAttribute("applicationID"))
                                && "2.0".equals(a.getAttribute("authenticationCode")) && data.length == 3
                                && data[0] == 1 && data[1] == 0 && data[2] == 0;
                    }
                }
            }
            return new Read(n, delays, loop, r.getWidth(0), r.getHeight(0));
        } finally {
            r.dispose();
        }
    }

    /** Frame {@code i} as a viewer shows it (over what the frames before it left): see {@link #shown}. */
    public static BufferedImage frame(byte[] gif, int i) throws IOException {
        return shown(gif).get(i);
    }

    /** Frame {@code i}'s own pixels: the part of the picture it holds (where it changed), at its own size. */
    public static BufferedImage part(byte[] gif, int i) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            r.setInput(in);
            return r.read(i);
        } finally {
            r.dispose();
        }
    }

    /**
     * Every frame as a viewer shows it: drawn at its place (a frame may be a part of the picture, where it changed)
     * over what the frames before it left (the GIF's frames are not disposed of).
     */
    public static List<BufferedImage> shown(byte[] gif) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            r.setInput(in);
            int n = r.getNumImages(true);
            IIOMetadataNode stream = (IIOMetadataNode) r.getStreamMetadata().getAsTree(
                    "javax_imageio_gif_stream_1.0");
            IIOMetadataNode lsd = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            int w = Integer.parseInt(lsd.getAttribute("logicalScreenWidth"));
            int h = Integer.parseInt(lsd.getAttribute("logicalScreenHeight"));
            BufferedImage screen = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree(FORMAT);
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition"));
                int y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                BufferedImage f = r.read(i);
                java.awt.Graphics2D g = screen.createGraphics();
                g.drawImage(f, x, y, null);
                g.dispose();
                BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                copy.setData(screen.getData());
                out.add(copy);
            }
            return out;
        } finally {
            r.dispose();
        }
    }
}
