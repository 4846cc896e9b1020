/**
 * Simulated memory: one {@code long} word per (field, object) ({@link org.vmalab.engine.memory.Field},
 * {@link org.vmalab.engine.memory.Memory}), read through {@link org.vmalab.engine.memory.StateView}; every
 * store reported to a recorder, kept in a {@link org.vmalab.engine.memory.DeltaLog} that can be undone and
 * replayed; an incremental Zobrist hash of all words for the explorer.
 *
 * <p>May import: nothing of VMA Lab outside this package and the engine's root (constants).
 */
package org.vmalab.engine.memory;
