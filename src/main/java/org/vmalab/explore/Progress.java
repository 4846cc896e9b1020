package org.vmalab.explore;

/**
 * A snapshot of a running search, for a progress bar.
 *
 * @param kinds    kinds of violation found so far
 * @param finished the search is over (this is the last report)
 */
public record Progress(long states, long distinctStates, long schedules, int maxDepth, long elapsedMillis,
                       double statesPerSecond, int kinds, boolean finished) {
}
