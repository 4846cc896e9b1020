package org.vmalab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GIF: frame count, per-frame delays and the loop extension read back with ImageIO. */
class GifWriterTest {
    static BufferedImage frame(Color c) {
        BufferedImage b = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = b.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(c);
        g.fillOval(20, 10, 60, 60);
        g.dispose();
        return b;
    }

    @Test
    void framesAndPerFrameDelaysAndLoopReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GifWriter w = new GifWriter(out, true)) {
            w.add(frame(Color.RED), 100);
            w.add(frame(Color.BLUE), 250);
            w.add(frame(Color.GREEN), 2000);
            assertEquals(3, w.frames());
        }
        GifReadBack.Read r = GifReadBack.read(out.toByteArray());
        assertEquals(3, r.frames());
        assertEquals(List.of(100, 250, 2000), r.delaysMs());
        assertTrue(r.loopsForever());
        assertEquals(120, r.width());
        assertEquals(80, r.height());
        BufferedImage second = GifReadBack.frame(out.toByteArray(), 1);
        assertNotNull(second);
        assertEquals(Color.BLUE.getRGB(), second.getRGB(50, 40), "frame 2 holds the second picture");
    }

    static BufferedImage sized(int w, int h, Color bg, Color bottom) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = b.createGraphics();
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
        // a band along the frame's bottom edge, as a panel's legend: it must stay whole in the GIF
        g.setColor(bottom);
        g.fillRect(10, h - 12, w - 20, 8);
        g.dispose();
        return b;
    }

    /**
     * A panel's height changes between steps (lesson 1, the tree panel at 1280x720: 300, 281 and 297 px as the
     * threads band grows): every frame must still cover the whole GIF, or a shorter one leaves the bottom rows of
     * the one before on the screen (the legend twice, cut), and a taller one is cut by the viewer.
     */
    @Test
    void framesOfAnotherSizeCoverTheWholePictureAndStayWhole() throws Exception {
        Color bg = new Color(0xf4, 0xf6, 0xfa);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GifWriter w = new GifWriter(out, true)) {
            w.add(sized(120, 80, bg, Color.RED), 100);
            w.add(sized(120, 60, bg, Color.BLUE), 100);
            w.add(sized(120, 100, bg, Color.GREEN), 100);
        }
        byte[] gif = out.toByteArray();
        GifReadBack.Read r = GifReadBack.read(gif);
        assertEquals(120, r.width());
        assertEquals(80, r.height());
        List<BufferedImage> shown = GifReadBack.shown(gif);
        BufferedImage shorter = shown.get(1);
        assertEquals(Color.BLUE.getRGB(), shorter.getRGB(60, 52), "the shorter frame at its own size");
        for (int y = 60; y < 80; y++) {
            assertEquals(bg.getRGB(), shorter.getRGB(60, y), "under the shorter frame: its background, row " + y);
        }
        BufferedImage taller = shown.get(2);
        int green = 0;
        for (int y = 60; y < 80; y++) {
            green += taller.getRGB(60, y) == Color.GREEN.getRGB() ? 1 : 0;
        }
        assertTrue(green > 0, "the taller frame's bottom band is in the GIF (scaled to fit), not cut off");
    }

    /**
     * Between two steps most of the window stays as it was: a frame holds only the rectangle that changed (lesson
     * 16's 179 steps of the 1280x720 window made a GIF of 21 MB with every frame whole). What a viewer shows is
     * still every picture, pixel for pixel, and a step that changes nothing keeps its delay.
     */
    @Test
    void aFrameHoldsOnlyWhatChangedAndTheGifShowsEveryPictureWhole() throws Exception {
        List<BufferedImage> pictures = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BufferedImage b = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = b.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 300);
            for (int k = 0; k < 40; k++) {
                g.setColor(new Color((k * 53) % 256, (k * 97) % 256, (k * 31) % 256));
                g.fillRect((k % 8) * 50, (k / 8) * 50, 45, 45);
            }
            g.setColor(Color.RED);
            g.fillOval(20 + 30 * i, 260, 20, 20);
            g.dispose();
            pictures.add(b);
        }
        pictures.add(pictures.get(5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GifWriter w = new GifWriter(out, true)) {
            for (int i = 0; i < pictures.size(); i++) {
                w.add(pictures.get(i), 100 + i * 10);
            }
        }
        byte[] gif = out.toByteArray();
        GifReadBack.Read r = GifReadBack.read(gif);
        assertEquals(7, r.frames());
        assertEquals(List.of(100, 110, 120, 130, 140, 150, 160), r.delaysMs(), "every step keeps its delay");
        List<BufferedImage> shown = GifReadBack.shown(gif);
        for (int i = 0; i < pictures.size(); i++) {
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 400; x++) {
                    assertEquals(pictures.get(i).getRGB(x, y), shown.get(i).getRGB(x, y),
                            "frame " + i + " at " + x + "," + y);
                }
            }
        }
        for (int i = 1; i < 6; i++) {
            BufferedImage part = GifReadBack.part(gif, i);
            assertTrue(part.getWidth() <= 70 && part.getHeight() <= 30, "frame " + i + " is the moved disc only: "
                    + part.getWidth() + "x" + part.getHeight());
        }
        BufferedImage same = GifReadBack.part(gif, 6);
        assertEquals(1, same.getWidth() * same.getHeight(), "an unchanged step is one pixel");
    }

    @Test
    void playOnceHasNoLoopExtension() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GifWriter w = new GifWriter(out, false)) {
            w.add(frame(Color.RED), 500);
        }
        GifReadBack.Read r = GifReadBack.read(out.toByteArray());
        assertEquals(1, r.frames());
        assertFalse(r.loopsForever());
    }

    @Test
    void refusesDelaysBrowsersIgnore() throws Exception {
        try (GifWriter w = new GifWriter(new ByteArrayOutputStream(), true)) {
            assertThrows(IllegalArgumentException.class, () -> w.add(frame(Color.RED), 10));
        }
    }
}
