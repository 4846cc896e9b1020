/**
 * Simulated threads and what orders them: a thread is a continuation of immutable actions
 * ({@link org.vmalab.engine.sched.Action}, {@link org.vmalab.engine.sched.Cont}); {@code mmap_sem} (a FIFO
 * rw-semaphore) and the patch's {@code mm_rb_lock} (a queued or reader-preferring rwlock) are in
 * {@link org.vmalab.engine.sched.Actions}; a {@link org.vmalab.engine.sched.Schedule} says who runs each step;
 * the {@link org.vmalab.engine.sched.Machine} steps a thread and is what the explorer saves and restores.
 *
 * <p>May import: the other engine packages. Nothing outside the engine.
 */
package org.vmalab.engine.sched;
