package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vmalab.engine.Const;
import org.vmalab.viewmodel.StepScene.Segment;
import org.vmalab.viewmodel.StepScene.SegmentKind;

/** A large address space's strip, made up (seeded) without the engine, for the strip's tests. */
public final class SyntheticStrip {
    private SyntheticStrip() {
    }

    /**
     * {@code n} small VMAs from 0x10000000 with gaps of 0 to 15 pages, three VMAs of a TiB each with 10 TiB gaps
     * between them higher up, then the top gap; VMA {@code touched} is the one the step touched.
     */
    public static StepScene.Strip of(int n, long seed, int touched) {
        List<Segment> segs = new ArrayList<>();
        Random r = new Random(seed);
        long prevEnd = 0;
        long addr = 0x10000000L;
        for (int i = 0; i < n + 3; i++) {
            boolean huge = i >= n;
            long start = huge ? 0x100000000000L + (i - n) * 0x0b0000000000L : addr + r.nextInt(16) * Const.PAGE_SIZE;
            long end = huge ? start + 0x10000000000L : start + (1 + r.nextInt(8)) * Const.PAGE_SIZE;
            if (start > prevEnd) {
                segs.add(new Segment(SegmentKind.GAP, prevEnd, start, i, "v" + i, null, false));
            }
            segs.add(new Segment(SegmentKind.VMA, start, end, i, "v" + i, NodeState.LINKED, i == touched));
            prevEnd = end;
            addr = end;
        }
        segs.add(new Segment(SegmentKind.TOP_GAP, prevEnd, Const.TASK_SIZE, -1, "", null, false));
        return new StepScene.Strip(List.copyOf(segs), List.of(), prevEnd, Const.MMAP_BASE, Const.TASK_SIZE, null, null,
                null, List.of(), List.of());
    }
}
