package org.vmalab;

import org.vmalab.cli.ThroughputJvm;
import org.vmalab.cli.VmaLab;

/**
 * Entry point of {@code vmalab.jar}: no argument opens the window on the default lesson; a subcommand runs
 * headless ({@code check} in a second JVM on the throughput collector: {@link ThroughputJvm}). A plain class (not an
 * {@code Application}) so that JavaFX loads from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int child = ThroughputJvm.runIfWanted(args, Main.class.getName());
        if (child >= 0) {
            System.exit(child);
        }
        String warning = Natives.prepare();
        if (warning != null) {
            System.err.println("warning: " + warning);
        }
        VmaLab.exit(VmaLab.run(args));
    }
}
