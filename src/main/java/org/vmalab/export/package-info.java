/**
 * Pictures and files for slides and handouts: PNG, animated GIF, SVG of the tree, all written safely (a
 * temporary file renamed into place, never a half-written file, never an overwrite without asking). Draws from
 * the view model, never from the window.
 *
 * <p>May import: {@code viewmodel} and what lies below it. Never {@code ui} or {@code cli}
 * ({@code ArchitectureTest}).
 */
package org.vmalab.export;
