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
