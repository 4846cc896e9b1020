package org.vmalab.explore;

import java.util.List;

/**
 * Counters of one search.
 *
 * @param states          states generated: the initial state plus one per transition executed (including those
 *                        that led to an already visited state)
 * @param distinctStates  fingerprints in the visited table (with state caching; else equal to {@code states})
 * @param schedules       complete executions reached: paths that ended in a final state (every thread done, or
 *                        a deadlock); a path cut by the visited table is not counted
 * @param maxDepth        longest schedule explored (steps)
 * @param elapsedNanos    wall time of the search
 * @param statesPerSecond {@code states / elapsed}
 * @param engineSteps     every step the engine executed, including spins that changed nothing, replays of work
 *                        handed between workers, and the audit's extra steps
 * @param cacheHits       transitions into a visited state that was not expanded again
 * @param sleepPruned     transitions not executed because they were in the sleep set
 * @param idleSpins       steps of a spinning thread that changed nothing but its spin counter (not transitions)
 * @param workers         worker threads
 * @param tasks           work items handed between workers
 * @param reductionOffAt  states searched when the search switched its reduction off because it cost more than it
 *                        saved ({@code Search#judge}: transitions made by then), or -1
 * @param symmetry        the symmetry reduction was in effect: {@code distinctStates} counts orbits (a state and its
 *                        renamings of interchangeable threads), and so do the other counters
 * @param interchangeable the classes of interchangeable threads the reduction grouped, by name (empty when off)
 * @param workerCpuNanos  CPU time the worker threads ran, all together (the JVM's own threads, the compiler and the
 *                        garbage collector, not included): what the search cost, whatever else ran on the machine
 * @param workerIdleNanos wall time the workers spent waiting for work, all together (with two or more workers)
 * @param assemblyNanos   wall time of the result's assembly after the search (the shortest schedules from the kept
 *                        transitions, their replays, the findings in words), not in {@code elapsedNanos}
 * @param warmUpNanos     wall time the workers after the first waited for the JVM's warm-up before they took work
 *                        ({@link ExploreOptions#warmUp}), all together; not in {@code workerIdleNanos}
 */
public record Stats(long states, long distinctStates, long schedules, int maxDepth, long elapsedNanos,
                    double statesPerSecond, long engineSteps, long cacheHits, long sleepPruned, long idleSpins,
                    int workers, long tasks, long reductionOffAt, boolean symmetry, List<List<String>> interchangeable,
                    long workerCpuNanos, long workerIdleNanos, long assemblyNanos, long warmUpNanos) {
    public Stats {
        interchangeable = interchangeable.stream().map(List::copyOf).toList();
    }

    /** The same counters with the result's assembly time. */
    Stats withAssembly(long nanos) {
        return new Stats(states, distinctStates, schedules, maxDepth, elapsedNanos, statesPerSecond, engineSteps,
                cacheHits, sleepPruned, idleSpins, workers, tasks, reductionOffAt, symmetry, interchangeable,
                workerCpuNanos, workerIdleNanos, nanos, warmUpNanos);
    }

    /** Threads in some class of interchangeable threads (0 when the symmetry reduction was off). */
    public int symmetricThreads() {
        return interchangeable.stream().mapToInt(List::size).sum();
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** States a second of the workers' CPU time: the rate of one worker, however loaded the machine (0 if unknown). */
    public double statesPerWorkerCpuSecond() {
        return workerCpuNanos <= 0 ? 0 : states / (workerCpuNanos / 1e9);
    }
}
