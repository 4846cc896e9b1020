/**
 * The entry point of {@code vmalab.jar}: {@link org.vmalab.Main}, and {@link org.vmalab.Natives}, which gives
 * JavaFX the macOS libraries for the Mac's processor before anything starts.
 *
 * <p>May import: every package (it sits above {@code cli}).
 */
package org.vmalab;
