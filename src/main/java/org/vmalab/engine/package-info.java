/**
 * The engine's face: what every other part of VMA Lab may use. A {@link org.vmalab.engine.Scenario} (initial
 * VMAs, one program of kernel operations per thread, the protections in force) is run by
 * {@link org.vmalab.engine.Engine#run} under a schedule into an immutable trace that replays identically.
 *
 * <p>The sub-packages are the engine's rooms, by role:
 * <ul>
 *   <li>{@code engine.tree}: lib/rbtree.c and rbtree_augmented.h, and the {@code rb_subtree_gap} callbacks of
 *       mm/mmap.c;</li>
 *   <li>{@code engine.mm}: the mm/mmap.c operations, the readers (find_vma, get_vma, the speculative fault) and
 *       the operation syntax;</li>
 *   <li>{@code engine.sched}: simulated threads, the two locks, schedules, the machine that steps them;</li>
 *   <li>{@code engine.check}: the invariants and the checker;</li>
 *   <li>{@code engine.trace}: the trace, its cursor, step records, step locations and their pseudo-C;</li>
 *   <li>{@code engine.memory}: the words of simulated memory, the store log, hashing.</li>
 * </ul>
 * May import: nothing outside the engine. Pure Java: the engine imports nothing of VMA Lab
 * outside {@code org.vmalab.engine} and no JavaFX ({@code ArchitectureTest}).
 */
package org.vmalab.engine;
