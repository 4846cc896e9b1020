/**
 * The command line (picocli): {@code shell}, {@code validate}, {@code check}, {@code render}, {@code import},
 * and the window when no command is given. Every error is one line with a documented exit code
 * ({@link org.vmalab.cli.ExitCodes}).
 *
 * <p>May import: every other package; nothing imports it.
 */
package org.vmalab.cli;
