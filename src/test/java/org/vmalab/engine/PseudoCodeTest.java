package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.trace.LineTable;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.PseudoCode;

/** Every step location is shown on a line of its function's listing, with that line's file:line. */
class PseudoCodeTest {
    /** Steps with no kernel statement: bug variants and model-only steps (docs/LINE-TABLE.md). */
    static final Set<Loc> NO_LINE = EnumSet.of(Loc.RB_CLEAR_NODE_EARLY, Loc.SPF_UAF_INC, Loc.PUT_VMA_NOOP,
            Loc.OP_ABORTED, Loc.SB_FLUSH);

    @Test
    void everyLocHasItsListingAndALine() {
        PseudoCode p = PseudoCode.get();
        for (Loc loc : Loc.values()) {
            Listing l = p.listingOf(loc);
            assertNotNull(l, loc + " has no listing");
            assertEquals(loc.function(), l.function(), loc + " is shown in another function's listing");
            if (!loc.file().equals("-")) {
                assertEquals(loc.file(), l.file(), loc + " file");
            }
            if (!NO_LINE.contains(loc)) {
                assertTrue(loc.line() > 0, loc + " has no line number");
                assertEquals(loc.file() + ":" + loc.line(), LineTable.where(loc));
            }
        }
    }

    @Test
    void thePatchLinesAreMarked() {
        Listing l = PseudoCode.get().listing("__vma_rb_erase");
        int i = l.indexOf(Loc.RB_CLEAR_NODE);
        assertTrue(l.lines().get(i).addedByPatch());
        assertEquals(466, l.lines().get(i).number(), "the seed patch's hunk puts RB_CLEAR_NODE on line 466");
        Listing g = PseudoCode.get().listing("get_vma");
        assertTrue(g.lines().stream().filter(Listing.Line::addedByPatch).count() >= 5);
    }
}
