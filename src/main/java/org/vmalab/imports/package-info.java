/**
 * {@code /proc/PID/maps} to a scenario: a strict line parser with exact line errors, names for the VMAs, the
 * {@code max_map_count} limit. Pure Java.
 *
 * <p>May import: the engine's face. No JavaFX, nothing of {@code lesson}, {@code explore}, {@code viewmodel},
 * {@code ui}, {@code export} or {@code cli} ({@code ArchitectureTest}).
 */
package org.vmalab.imports;
