package org.vmalab.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code check} runs its search in a JVM on the throughput collector ({@code -XX:+UseParallelGC}), as TLC asks for its
 * own searches. A search is a batch: its workers make millions of short-lived objects a second and keep long-lived
 * frames that point at them; G1, the collector the JVM picks on a machine of two or more processors, pays for that at
 * every such store (its write barrier and the refinement threads behind it, which take a core from a second worker).
 * The window keeps G1, whose short pauses suit an animation.
 *
 * <p>The JVM cannot change its collector once started, so {@code vmalab check} started on G1 starts a second JVM with
 * the same options plus {@code -XX:+UseParallelGC}, hands it the terminal and returns its exit code. It does not when
 * the user chose the JVM's collector or profiles it (a {@code -XX:+Use...GC}, a flight recording, an agent or a
 * debugger among the JVM's options), when the JVM already runs another collector (the serial one the JVM picks on one
 * processor included), when {@code -Dvmalab.fork=false} or {@code VMALAB_FORK=0} says so, or when the second JVM
 * cannot start (then the search runs here, as before).
 */
public final class ThroughputJvm {
    /** The property (and the environment variable {@code VMALAB_FORK=0}) that keeps {@code check} in this JVM. */
    public static final String FORK_PROPERTY = "vmalab.fork";
    static final String THROUGHPUT_FLAG = "-XX:+UseParallelGC";

    private ThroughputJvm() {
    }

    /**
     * What the JVM was started with and runs on: its options ({@code RuntimeMXBean.getInputArguments}), the names of
     * its collectors, the {@code vmalab.fork} property and the {@code VMALAB_FORK} variable (null when unset).
     */
    record Jvm(List<String> options, List<String> collectors, String forkProperty, String forkVariable) {
        static Jvm current() {
            List<String> names = new ArrayList<>();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                names.add(gc.getName());
            }
            return new Jvm(ManagementFactory.getRuntimeMXBean().getInputArguments(), names,
                    System.getProperty(FORK_PROPERTY), System.getenv("VMALAB_FORK"));
        }

        boolean onG1() {
            return collectorOf(collectors).equals("G1");
        }
    }

    /**
     * The second JVM's command for {@code args} ({@code java}, the options, the class path, the main class, the
     * arguments), or empty when the command runs here.
     */
    static Optional<List<String>> command(String[] args, Jvm jvm, String javaHome, String classPath,
            String mainClass) {
        if (args.length == 0 || !args[0].equals("check") || !jvm.onG1()) {
            return Optional.empty();
        }
        if ("false".equalsIgnoreCase(jvm.forkProperty()) || "0".equals(jvm.forkVariable())) {
            return Optional.empty();
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return Optional.empty();
            }
        }
        for (String o : jvm.options()) {
            if (userTunes(o)) {
                return Optional.empty();
            }
        }
        if (classPath == null || classPath.isEmpty() || javaHome == null || javaHome.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvm.options());
        cmd.add(THROUGHPUT_FLAG);
        cmd.add("-D" + FORK_PROPERTY + "=false");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** The collector this JVM runs: "Parallel", "G1", "Serial", or the collectors' own names. */
    public static String collector() {
        return collectorOf(Jvm.current().collectors());
    }

    /** The collector the JVM's collectors' names ({@code GarbageCollectorMXBean.getName}) belong to. */
    static String collectorOf(List<String> names) {
        if (names.stream().anyMatch(n -> n.startsWith("PS "))) {
            return "Parallel";
        }
        if (names.stream().anyMatch(n -> n.startsWith("G1 "))) {
            return "G1";
        }
        if (names.contains("Copy") || names.contains("MarkSweepCompact")) {
            return "Serial";
        }
        return String.join(", ", names);
    }

    /** An option by which the user chose the collector, or watches this JVM (a recording, an agent, a debugger). */
    static boolean userTunes(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.startsWith("-xx:+use") && o.endsWith("gc")
                || o.startsWith("-xx:-use") && o.endsWith("gc")
                || o.contains("flightrecord")
                || o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent")
                || o.startsWith("-xrun") || o.startsWith("-xdebug");
    }

    /**
     * Runs {@code args} in a second JVM on the throughput collector when {@link #command} says so; returns its exit
     * code, or -1 when the command is to run in this JVM (it was not wanted, or the second JVM did not start).
     */
    public static int runIfWanted(String[] args, String mainClass) {
        Optional<List<String>> cmd = command(args, Jvm.current(), System.getProperty("java.home"),
                System.getProperty("java.class.path"), mainClass);
        if (cmd.isEmpty()) {
            return -1;
        }
        Process child;
        try {
            child = new ProcessBuilder(cmd.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        Thread stop = new Thread(() -> {
            /* this JVM is ending before its child (a signal, not its child's exit): end the child too, and wait for
               it so that its last lines come before the shell's prompt */
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "vmalab-child");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                /* nothing interrupts the main thread but the JVM's end, which the hook covers */
            }
        }
    }
}
