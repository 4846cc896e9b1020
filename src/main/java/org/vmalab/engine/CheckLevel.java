package org.vmalab.engine;

/**
 * How much the checker verifies. FULL: everything, including the O(n) reachability and gap checks.
 * ESSENTIAL: every per-step check, the O(n) ones only at quiescent points (large imported trees).
 * NONE: nothing (benchmarks).
 */
public enum CheckLevel { FULL, ESSENTIAL, NONE }
