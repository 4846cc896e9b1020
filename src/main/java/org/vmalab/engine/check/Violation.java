package org.vmalab.engine.check;

import org.vmalab.engine.Face;

/**
 * One invariant violation, in the step where it happened, with a plain-words explanation.
 *
 * @param step   index of the step (1-based position in the trace)
 * @param thread the thread whose step it was (NIL at the initial state)
 * @param vma    the VMA concerned, or NIL
 */
@Face
public record Violation(Invariant invariant, int step, int thread, int vma, String message) {
    /** The kind of bad outcome, for grouping in the explorer: the invariant and the first words. */
    public String kind() {
        int cut = message.indexOf(':');
        return invariant.id() + (cut > 0 && cut < 40 ? " " + message.substring(0, cut) : "");
    }
}
