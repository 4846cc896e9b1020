package org.vmalab.engine.trace;

import java.util.List;
import org.vmalab.engine.Face;

/**
 * Our own kernel-style pseudo-C of one kernel function, each line with its file:line in v4.15 + SPF v8 (patches
 * 1-17). {@link Loc#listing()} gives the listing a step is shown in; {@link #indexOf(Loc)} the line it stands
 * on.
 */
@Face
public record Listing(String function, String file, List<Line> lines) {
    /**
     * One line of a listing.
     *
     * @param number       the line in {@link Listing#file()}, 0 for a line of ours with no kernel line
     * @param addedByPatch the patch adds this line
     * @param locs         the steps this line stands for
     */
    public record Line(int number, boolean addedByPatch, List<Loc> locs, String text) {
    }

    /** Index of the line that stands for {@code loc}, or -1. */
    public int indexOf(Loc loc) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).locs().contains(loc)) {
                return i;
            }
        }
        return -1;
    }
}
