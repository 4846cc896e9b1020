package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Scenarios;
import org.vmalab.viewmodel.StepScene.SegmentKind;

/**
 * What the address-space strip draws: for a large address space, items bounded by its width in which no VMA and no
 * gap disappears; for a lesson's few VMAs, every segment as itself.
 */
class StripLayoutTest {
    @Test
    void aLargeAddressSpaceIsDrawnInItemsBoundedByTheWidthAndNoVmaOrGapIsLeftOut() {
        StepScene.Strip st = SyntheticStrip.of(20_000, 7, 12_345);
        double width = 1000;
        for (StripLayout.Scale scale : StripLayout.Scale.values()) {
            StripLayout l = StripLayout.of(st, scale, width);
            List<StripLayout.Item> items = l.items();
            assertTrue(items.size() <= 2 * width, scale + ": " + items.size() + " items for " + st.segments().size()
                    + " segments on " + width + " pixels");
            int next = 0;
            int vmas = 0;
            int gaps = 0;
            boolean merged = false;
            for (StripLayout.Item it : items) {
                assertEquals(next, it.first(), scale + ": every segment in exactly one item, in address order");
                assertTrue(it.last() >= it.first());
                next = it.last() + 1;
                int v = 0;
                for (int i = it.first(); i <= it.last(); i++) {
                    v += st.segments().get(i).kind() == SegmentKind.VMA ? 1 : 0;
                }
                assertEquals(v, it.vmas(), "the item counts its VMAs");
                assertEquals(it.last() - it.first() + 1 - v, it.gaps(), "and its gaps");
                vmas += it.vmas();
                gaps += it.gaps();
                if (!it.merged()) {
                    assertEquals(it.first(), it.last());
                    assertTrue(it.x1() - it.x0() >= 1, "a segment drawn as itself is a pixel wide or more");
                } else {
                    merged = true;
                    // the shade never hides a VMA in the gap's ink nor a gap in the VMA's
                    if (it.vmas() > 0) {
                        assertTrue(it.shade() >= StripLayout.MIN_SHADE, it.toString());
                    } else {
                        assertEquals(0, it.shade(), it.toString());
                    }
                    if (it.gaps() > 0) {
                        assertTrue(it.shade() <= StripLayout.SHADES - StripLayout.MIN_SHADE, it.toString());
                    } else {
                        assertEquals(StripLayout.SHADES, it.shade(), it.toString());
                    }
                }
            }
            assertEquals(st.segments().size(), next, scale + ": the items end with the last segment");
            assertEquals(20_003, vmas, scale + ": every VMA is in an item");
            assertEquals(st.segments().size() - 20_003, gaps, scale.toString());
            assertTrue(merged, scale + ": 20,000 VMAs on 1,000 pixels are merged");
            assertEquals(1, l.touched().length, "the touched VMA is known whatever its width");
            assertEquals(12_345, st.segments().get(l.touched()[0]).vma());
            // every VMA is found where it is drawn
            for (int i = 0; i < st.segments().size(); i += 97) {
                StripLayout.Item at = l.itemAt(l.x0(i) + 1e-9, 3);
                assertTrue(at != null && at.first() <= i && i <= at.last() || l.x1(i) - l.x0(i) < 1e-6,
                        scale + ": segment " + i + " at " + l.x0(i) + " is in " + at);
            }
        }
        // on the linear scale the TiB VMAs and the gaps between them are wide enough to be drawn as themselves
        StripLayout lin = StripLayout.of(st, StripLayout.Scale.LINEAR, width);
        assertTrue(lin.items().stream().filter(it -> !it.merged()).count() >= 6, lin.items().toString());
    }

    @Test
    void aMergedColumnIsShadedByTheShareItsVmasCover() {
        assertEquals(0, StripLayout.shade(0, 0, 3));
        assertEquals(StripLayout.SHADES, StripLayout.shade(1, 2, 0));
        assertEquals(StripLayout.MIN_SHADE, StripLayout.shade(0.0001, 1, 5), "a sliver of a VMA still shows");
        assertEquals(StripLayout.SHADES - StripLayout.MIN_SHADE, StripLayout.shade(0.9999, 5, 1),
                "and a sliver of a gap");
        assertEquals(StripLayout.SHADES / 2, StripLayout.shade(0.5, 3, 3));
    }

    @Test
    void aLessonsFewVmasAreEachDrawnAsThemselves() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Playable.of(Scenarios.defaultScenario()));
        StepScene.Strip st = p.scene().strip();
        for (StripLayout.Scale scale : StripLayout.Scale.values()) {
            StripLayout l = StripLayout.of(st, scale, 1000);
            if (scale == StripLayout.Scale.LOG) {
                assertEquals(st.segments().size(), l.items().size());
                assertFalse(l.items().stream().anyMatch(StripLayout.Item::merged), l.items().toString());
            }
            assertTrue(l.isFor(st, scale, 1000));
            assertFalse(l.isFor(st, scale, 999), "another width is another layout");
        }
    }
}
