/**
 * The view model, shared by the window and every exporter: what is on screen at one cursor index
 * ({@link org.vmalab.viewmodel.StepScene}, built by {@link org.vmalab.viewmodel.StepSceneBuilder} from the
 * trace alone), the tree and strip layouts, animation frames, the player (one cursor, commands next, previous,
 * play, choose a thread), lesson narration, the overview of large trees, and the scenario form's draft.
 * Pure Java, tested without a toolkit.
 *
 * <p>May import: the engine's face, {@code lesson}, {@code explore}, {@code imports}. No JavaFX, no
 * {@code ui}, no {@code export} ({@code ArchitectureTest}).
 */
package org.vmalab.viewmodel;
