package org.vmalab.explore;

import org.vmalab.engine.CheckLevel;

/**
 * How to search.
 *
 * @param stepBound       longest schedule explored; a schedule cut here makes the run INCOMPLETE
 * @param preemptionBound most preemptions per schedule (switching away from a thread that could still make
 *                        progress), or {@link #UNBOUNDED}; a branch cut by it makes the run INCOMPLETE. With a
 *                        preemption bound the partial-order reduction is switched off (see {@link SearchWorker})
 * @param reduction       the partial-order reduction (sleep sets)
 * @param stateCaching    a visited state is not expanded twice; without it every schedule is enumerated
 * @param threads         worker threads (each owns a machine); 0 = one per available processor
 * @param checkLevel      the engine's checker level (FULL finds every invariant)
 * @param progressMillis  interval of progress reports
 * @param maxEdges        transitions kept for the shortest-schedule search; beyond it the shortest schedule
 *                        found by the search itself is reported (and flagged as possibly not the shortest)
 * @param audit           tests only: check every independence the reduction relies on by executing both orders
 * @param symmetry        the symmetry reduction: states that differ only by a renaming of interchangeable threads
 *                        (same program, same role) are one state of the search; findings and outcomes are mapped
 *                        back to every renaming (with state caching only)
 * @param warmUp          transitions this JVM makes, every search together, before a search's workers after the first
 *                        take work (0: every worker at once); on a cold JVM two workers running the compiler's
 *                        profiling code side by side cost far more CPU than one ({@code Search#warm}). Results are
 *                        the same
 */
public record ExploreOptions(int stepBound, int preemptionBound, boolean reduction, boolean stateCaching,
                             int threads, CheckLevel checkLevel, long progressMillis, long maxEdges, boolean audit,
                             boolean symmetry, long warmUp) {
    public static final int UNBOUNDED = -1;
    public static final int DEFAULT_STEP_BOUND = 10_000;

    public ExploreOptions {
        if (stepBound < 1) {
            throw new IllegalArgumentException("the step bound must be at least 1");
        }
        if (preemptionBound < UNBOUNDED || preemptionBound > 250) {
            throw new IllegalArgumentException("the preemption bound must be between 0 and 250");
        }
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("threads must be between 0 (all processors) and 1024");
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("the warm-up must be 0 or more transitions");
        }
    }

    public static ExploreOptions defaults() {
        return new ExploreOptions(DEFAULT_STEP_BOUND, UNBOUNDED, true, true, 0, CheckLevel.FULL, 250, 20_000_000L,
                false, true, 0);
    }

    public ExploreOptions withStepBound(int b) {
        return new ExploreOptions(b, preemptionBound, reduction, stateCaching, threads, checkLevel, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withPreemptionBound(int p) {
        return new ExploreOptions(stepBound, p, reduction, stateCaching, threads, checkLevel, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withReduction(boolean r) {
        return new ExploreOptions(stepBound, preemptionBound, r, stateCaching, threads, checkLevel, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withStateCaching(boolean c) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, c, threads, checkLevel, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withThreads(int n) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, n, checkLevel, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withCheckLevel(CheckLevel l) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, l, progressMillis,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withProgressMillis(long ms) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, checkLevel, ms,
                maxEdges, audit, symmetry, warmUp);
    }

    public ExploreOptions withMaxEdges(long n) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, checkLevel,
                progressMillis, n, audit, symmetry, warmUp);
    }

    public ExploreOptions withAudit(boolean a) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, checkLevel,
                progressMillis, maxEdges, a, symmetry, warmUp);
    }

    public ExploreOptions withSymmetry(boolean on) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, checkLevel,
                progressMillis, maxEdges, audit, on, warmUp);
    }

    /**
     * Transitions a cold JVM makes before a search's second worker starts, as {@code check} runs: the search's hot code
     * is compiled by then (lesson 16 with symmetry makes 3.9 million transitions; the compiler is done with the search
     * loop after the first few hundred thousand).
     */
    public static final long COLD_JVM_WARM_UP = 1 << 20;

    public ExploreOptions withWarmUp(long transitions) {
        return new ExploreOptions(stepBound, preemptionBound, reduction, stateCaching, threads, checkLevel,
                progressMillis, maxEdges, audit, symmetry, transitions);
    }

    /** Is the symmetry reduction in effect (it needs the visited-state table)? */
    public boolean symmetryInEffect() {
        return symmetry && stateCaching;
    }

    /** The number of workers actually used. */
    public int workers() {
        return threads == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
    }

    /** Is the reduction in effect (it is switched off under a preemption bound)? */
    public boolean reductionInEffect() {
        return reduction && preemptionBound == UNBOUNDED;
    }
}
