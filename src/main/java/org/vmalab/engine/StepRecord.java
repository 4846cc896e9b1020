package org.vmalab.engine;

import java.util.List;

/**
 * What one scheduled step did: who, where in the kernel, the case, the VMAs it is about, and where its
 * stores are in the delta log.
 *
 * @param index   1-based position in the run
 * @param micro   number of micro-steps merged (1 in MICRO granularity)
 * @param waiting the thread spun or went to sleep in this step
 */
public record StepRecord(int index, int thread, Loc loc, Tag tag, int a, int b, long v, String note, int deltaFrom,
                         int deltaTo, List<Violation> violations, int micro, boolean waiting) {
}
