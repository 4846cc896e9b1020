/**
 * A run, recorded: the immutable {@link org.vmalab.engine.trace.Trace} (steps and their stores), the
 * {@link org.vmalab.engine.trace.TraceCursor} that materialises any step by applying stores forward or back,
 * {@link org.vmalab.engine.trace.StepRecord}, the step locations ({@link org.vmalab.engine.trace.Loc}: kernel
 * function, file, caption) and our pseudo-C with its v4.15 line numbers
 * ({@link org.vmalab.engine.trace.PseudoCode}).
 *
 * <p>May import: the other engine packages. Nothing outside the engine.
 */
package org.vmalab.engine.trace;
