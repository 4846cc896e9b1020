/**
 * A run, recorded: the immutable {@link org.vmalab.engine.trace.Trace} (steps and their stores), the
 * {@link org.vmalab.engine.trace.TraceCursor} that materialises any step by applying stores forward or back and
 * shows it through typed views ({@link org.vmalab.engine.trace.VmaView}, {@link org.vmalab.engine.trace.TaskView},
 * {@link org.vmalab.engine.trace.LockView}, {@link org.vmalab.engine.trace.MmView}, a step's
 * {@link org.vmalab.engine.trace.Change}s), {@link org.vmalab.engine.trace.StepRecord}, the step locations
 * ({@link org.vmalab.engine.trace.Loc}: kernel function, file, caption) and our pseudo-C with its v4.15 line numbers
 * ({@link org.vmalab.engine.trace.Listing}, loaded by {@code PseudoCode}).
 *
 * <p>May import: the other engine packages. Nothing outside the engine.
 */
package org.vmalab.engine.trace;
