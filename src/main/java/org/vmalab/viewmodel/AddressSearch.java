package org.vmalab.viewmodel;

import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.SyntaxException;
import org.vmalab.viewmodel.StepScene.NodeView;

/**
 * Search by address in a scene: the VMA that contains the address, or else the one {@code find_vma} returns
 * (the first VMA that ends above it), or none. Only VMAs in the tree count, as for {@code find_vma}.
 */
public final class AddressSearch {
    private AddressSearch() {
    }

    /**
     * A result.
     *
     * @param vma    the VMA found, or -1
     * @param inside the address is inside it (otherwise it is in the gap in front of it, or above every VMA)
     * @param text   the result in words
     */
    public record Hit(long addr, int vma, boolean inside, String text) {
    }

    /** An address as typed: hex with or without 0x; spaces, underscores and apostrophes are ignored. */
    public static long parse(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("type an address, such as 0x7ffff7dd1000");
        }
        String t = typed.strip().replace("_", "").replace("'", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type an address, such as 0x7ffff7dd1000");
        }
        try {
            return Numbers.parseHex(t);
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("'" + clip(typed.strip()) + "' is not an address in hex (such as "
                    + "0x7ffff7dd1000)");
        }
    }

    private static String clip(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** Looks {@code addr} up among the scene's VMAs that are in the tree. */
    public static Hit find(StepScene s, long addr) {
        // the positions of the linked nodes (a scene in columns is read without a node object each)
        List<NodeView> all = s.nodes();
        SceneColumns.Nodes cols = all instanceof SceneColumns.Nodes c ? c : null;
        int[] linked = new int[all.size()];
        long[] ends = new long[all.size()];
        int k = 0;
        for (int i = 0; i < linked.length; i++) {
            NodeView n = cols == null ? all.get(i) : null;
            int row = n != null ? n.row() : cols.row(i);
            NodeState st = n != null ? n.state() : cols.state(i);
            if (row != NodeView.OFF_ROW && st != NodeState.FREED && st != NodeState.CLEARED) {
                ends[k] = n != null ? n.end() : cols.end(i);
                linked[k++] = i;
            }
        }
        // the nodes are in address order: the first one whose end is above addr
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(addr, ends[mid]) < 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        String a = Numbers.hex(addr);
        if (lo == k) {
            return new Hit(addr, -1, false, a + " is above every VMA: find_vma returns NULL");
        }
        NodeView n = all.get(linked[lo]);
        String range = n.name() + " [" + Numbers.hex(n.start()) + ", " + Numbers.hex(n.end()) + ")";
        if (Long.compareUnsigned(n.start(), addr) <= 0) {
            return new Hit(addr, n.id(), true, a + " is in " + range);
        }
        return new Hit(addr, n.id(), false, a + " is in no VMA (a gap); find_vma returns " + range
                + ", the first VMA that ends above it");
    }
}
