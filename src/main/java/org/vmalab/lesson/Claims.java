package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.tree.Tag;

/**
 * What a narration card says about the step it is placed on, in a form the run can check: which thread took the
 * step, which step it is, which VMA it is about, which rbtree case it belongs to, whether the checker reports a
 * violation there, and whether the run is clean so far. {@code validate} checks them on the lesson's own run; the
 * window hides a card whose claims a different run (another schedule, another protection) contradicts.
 *
 * @param thread    the step's thread, or null
 * @param loc       the step's name, or null
 * @param vma       the VMA the step is about, or null
 * @param tag       the rbtree case of the step, or null
 * @param violation TRUE: the checker reports a violation at this step ({@code invariant} if given); FALSE: none at
 *                  this step; null: not claimed
 * @param invariant the invariant reported at this step, or null
 * @param clean     TRUE: no violation from the initial state up to this step; FALSE: at least one; null: not claimed
 */
public record Claims(String thread, Loc loc, String vma, Tag tag, Boolean violation, Invariant invariant,
                     Boolean clean) {
    /** Nothing claimed. */
    public static final Claims NONE = new Claims(null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Do the claims speak about the step itself (so they need a step, not the initial state)? */
    public boolean needStep() {
        return thread != null || loc != null || vma != null || tag != null || violation != null;
    }

    /** What in the state after step {@code i} of {@code t} contradicts these claims, in words; empty when all hold. */
    public List<String> mismatches(Trace t, int i) {
        List<String> out = new ArrayList<>();
        if (i < 0 || i > t.size()) {
            out.add("the run has no step " + i);
            return out;
        }
        if (needStep() && i == 0) {
            out.add("the claims are about a step, but the card is on the initial state");
            return out;
        }
        StepRecord s = i == 0 ? null : t.step(i);
        if (s != null) {
            if (thread != null && !thread.equals(t.threadName(s.thread()))) {
                out.add("the step is " + t.threadName(s.thread()) + "'s, not " + thread + "'s");
            }
            if (loc != null && s.loc() != loc) {
                out.add("the step is " + s.loc().name() + ", not " + loc.name());
            }
            if (vma != null && !vma.equals(s.a() < 0 ? "" : t.vmaName(s.a()))) {
                out.add("the step is about " + (s.a() < 0 ? "no VMA" : t.vmaName(s.a())) + ", not " + vma);
            }
            if (tag != null && s.tag() != tag) {
                out.add("the step's case is " + (s.tag() == Tag.NONE ? "none" : s.tag().label()) + ", not "
                        + tag.label());
            }
            if (Boolean.TRUE.equals(violation)) {
                boolean hit = invariant == null ? !s.violations().isEmpty()
                        : s.violations().stream().map(Violation::invariant).anyMatch(invariant::equals);
                if (!hit) {
                    out.add("the checker reports " + (invariant == null ? "no violation" : "no " + invariant.id())
                            + " at this step");
                }
            } else if (Boolean.FALSE.equals(violation) && !s.violations().isEmpty()) {
                out.add("the checker reports " + s.violations().get(0).invariant().id() + " at this step");
            }
        }
        if (clean != null) {
            boolean none = t.initialViolations().isEmpty() && (t.firstViolationStep() < 0
                    || t.firstViolationStep() > i);
            if (clean && !none) {
                out.add("the run is not clean so far: the checker reports a violation at step "
                        + t.firstViolationStep());
            } else if (!clean && none) {
                out.add("the run is clean so far: no violation up to this step");
            }
        }
        return out;
    }

    /** Do all claims hold after step {@code i} of {@code t}? */
    public boolean hold(Trace t, int i) {
        return mismatches(t, i).isEmpty();
    }
}
