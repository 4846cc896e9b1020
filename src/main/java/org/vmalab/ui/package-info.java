/**
 * The window (JavaFX and ControlsFX): the tree canvas, the address strip, thread lanes with their pseudo-C,
 * locks, checker, timeline, lesson pane, explorer pane, export dialogs, presentation mode. Every panel draws
 * the view model's {@link org.vmalab.viewmodel.StepScene} of the cursor; the window never changes engine
 * state, it asks the engine for a new trace.
 *
 * <p>May import: {@code viewmodel}, {@code export} and what lies below them (the engine's face,
 * {@code lesson}, {@code explore}, {@code imports}). Never {@code cli} ({@code ArchitectureTest}).
 */
package org.vmalab.ui;
