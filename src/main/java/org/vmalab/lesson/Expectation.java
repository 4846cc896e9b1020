package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/**
 * What a part's run must show, for the tests and for {@code check}: how it ends, whether the checker reports a
 * violation, and which invariants it reports (all of them must appear).
 *
 * @param outcome    the expected outcome, or null for any
 * @param violations true/false, or null when not stated
 * @param invariants invariants that must be reported (implies violations)
 */
public record Expectation(Outcome outcome, Boolean violations, Set<Invariant> invariants, SourcePos pos) {
    /** Nothing expected. */
    public static final Expectation NONE = new Expectation(null, null, Set.of(), SourcePos.NONE);

    public Expectation {
        invariants = Collections.unmodifiableSet(invariants.isEmpty() ? EnumSet.noneOf(Invariant.class)
                : EnumSet.copyOf(invariants));
    }

    /** Is anything stated? */
    public boolean isStated() {
        return outcome != null || violations != null || !invariants.isEmpty();
    }

    /** Are violations expected (stated, or implied by {@link #invariants()})? */
    public boolean expectsViolations() {
        return Boolean.TRUE.equals(violations) || !invariants.isEmpty();
    }

    /** What in {@code t} differs from this expectation, in words; empty when it holds. */
    public List<String> mismatches(Trace t) {
        List<String> out = new ArrayList<>();
        if (outcome != null && t.outcome() != outcome) {
            out.add("expected the run to end " + outcome + " but it ended " + t.outcome() + " (" + t.outcomeMessage()
                    + ")");
        }
        Set<String> seen = new TreeSet<>();
        for (Violation v : t.violations()) {
            seen.add(v.invariant().id());
        }
        if (Boolean.FALSE.equals(violations) && !t.violations().isEmpty()) {
            out.add("expected no violation but the checker reports " + String.join(", ", seen) + " (first at step "
                    + t.firstViolationStep() + ")");
        }
        if (Boolean.TRUE.equals(violations) && t.violations().isEmpty()) {
            out.add("expected a violation but the checker reports none");
        }
        for (Invariant i : invariants) {
            if (!seen.contains(i.id())) {
                out.add("expected a violation of " + i.id() + " but the checker reports "
                        + (seen.isEmpty() ? "none" : String.join(", ", seen)));
            }
        }
        return out;
    }
}
