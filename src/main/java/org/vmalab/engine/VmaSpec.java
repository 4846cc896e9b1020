package org.vmalab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A VMA of a scenario's initial layout.
 *
 * @param hasOps  a file (or special) mapping: vm_ops and vm_file are set
 * @param anonVma the anon_vma id (0 = none yet)
 */
public record VmaSpec(String name, long start, long end, long flags, boolean hasOps, long anonVma) {
    /** The longest VMA name. */
    public static final int MAX_NAME = 200;

    public boolean growsDown() {
        return (flags & Const.VM_GROWSDOWN) != 0;
    }

    // The rules of a scenario's VMAs, in one place: the lesson loader, the one-line syntax and the scenario
    // form all ask these.

    /** Why {@code name} cannot name a VMA, or null: 1 to 200 characters. */
    public static String nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "a VMA name has 1 to " + MAX_NAME + " characters";
        }
        return null;
    }

    /** Why {@code [start, end)} cannot be a VMA, or null: not empty, page aligned. */
    public static String rangeProblem(long start, long end) {
        if (Long.compareUnsigned(start, end) >= 0) {
            return "the start " + Numbers.hex(start) + " must be below the end " + Numbers.hex(end);
        }
        if ((start & (Const.PAGE_SIZE - 1)) != 0 || (end & (Const.PAGE_SIZE - 1)) != 0) {
            return "a VMA starts and ends on a page boundary (0x1000): " + Numbers.hex(start) + "-"
                    + Numbers.hex(end);
        }
        return null;
    }

    /** The VMA as a half-open range in words: {@code heap [0x55555575d000, 0x55555577e000)}. */
    public String describe() {
        return name + " [" + Numbers.hex(start) + ", " + Numbers.hex(end) + ")";
    }

    /**
     * The VMAs of {@code layout} that overlap one listed before them: pairs {@code {earlier, later}} of indices
     * into the layout, each later VMA once (against the nearest overlapping one).
     */
    public static List<int[]> overlaps(List<VmaSpec> layout) {
        List<int[]> out = new ArrayList<>();
        java.util.TreeMap<Long, Integer> byStart = new java.util.TreeMap<>(Long::compareUnsigned);
        for (int i = 0; i < layout.size(); i++) {
            VmaSpec v = layout.get(i);
            var lower = byStart.floorEntry(v.start());
            var higher = byStart.ceilingEntry(v.start());
            if (lower != null && Long.compareUnsigned(layout.get(lower.getValue()).end(), v.start()) > 0) {
                out.add(new int[] {lower.getValue(), i});
            } else if (higher != null && Long.compareUnsigned(higher.getKey(), v.end()) < 0) {
                out.add(new int[] {higher.getValue(), i});
            } else {
                byStart.put(v.start(), i);
            }
        }
        return out;
    }
}
