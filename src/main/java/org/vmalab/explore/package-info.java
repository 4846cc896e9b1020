/**
 * The explorer: a search over every schedule of a scenario for broken invariants and deadlocks, each reported
 * with its shortest schedule (see {@link org.vmalab.explore.Explorer}); the A/B table of protections; the
 * result as text and JSON. Pure Java.
 *
 * <p>May import: the engine's face. No JavaFX, nothing of {@code lesson}, {@code viewmodel}, {@code ui},
 * {@code export} or {@code cli} ({@code ArchitectureTest}).
 */
package org.vmalab.explore;
