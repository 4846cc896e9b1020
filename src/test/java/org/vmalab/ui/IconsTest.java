package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The icons of assets/ are packaged where the window looks for them, at their sizes. */
class IconsTest {
    @Test
    void theIconsArePackaged() throws IOException {
        for (int size : new int[] {16, 32, 64, 256}) {
            try (InputStream in = VmaLabApp.class.getResourceAsStream("/org/vmalab/assets/vmalab-icon-" + size
                    + ".png")) {
                assertNotNull(in, "icon " + size);
                BufferedImage img = ImageIO.read(in);
                assertEquals(size, img.getWidth());
                assertEquals(size, img.getHeight());
            }
        }
    }
}
