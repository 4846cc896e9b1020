package org.vmalab.engine.trace;

import java.util.List;
import org.vmalab.engine.Face;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.tree.Tag;

/**
 * What one scheduled step did: who, where in the kernel, the case, the VMAs it is about, and where its
 * stores are in the delta log.
 *
 * @param index   1-based position in the run
 * @param micro   number of micro-steps merged (1 in MICRO granularity)
 * @param waiting the thread spun or went to sleep in this step
 * @param checks  which checks ran after this step: {@link #CHECK_STEP}, {@link #CHECK_VALIDATE} (the kernel's
 *                validate_mm_rb), {@link #CHECK_QUIESCENT} (a quiescent point)
 * @param result  when this step ends one of the thread's operations, its result ("SIGSEGV", "0", an
 *                address, "returns heap"); otherwise null
 */
@Face
public record StepRecord(int index, int thread, Loc loc, Tag tag, int a, int b, long v, String note, int deltaFrom,
                         int deltaTo, List<Violation> violations, int micro, boolean waiting, int checks,
                         String result) {
    /** The per-store and per-step invariants (always). */
    public static final int CHECK_STEP = 1;
    /** The local gap check of validate_mm_rb. */
    public static final int CHECK_VALIDATE = 2;
    /** Every quiescent invariant. */
    public static final int CHECK_QUIESCENT = 4;

    /** The same step with more violations and checks (the final check of a run). */
    public StepRecord with(List<Violation> more, int moreChecks) {
        List<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(more);
        return new StepRecord(index, thread, loc, tag, a, b, v, note, deltaFrom, deltaTo, List.copyOf(all), micro,
                waiting, checks | moreChecks, result);
    }
}
