/**
 * The invariants (tree order, red-black rules, gaps recomputed from scratch, list and tree agreement, counts,
 * lock rules, reference counts, use-after-free) and the {@link org.vmalab.engine.check.Checker} that runs them
 * per store, per step, at the kernel's {@code validate_mm_rb} checkpoints and at quiescent points. A broken
 * invariant is a {@link org.vmalab.engine.check.Violation} attached to the step where it broke.
 *
 * <p>May import: the other engine packages. Nothing outside the engine.
 */
package org.vmalab.engine.check;
