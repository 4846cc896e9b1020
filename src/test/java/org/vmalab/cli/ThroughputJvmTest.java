package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@code check} moves to a second JVM on the throughput collector, and with what command. */
class ThroughputJvmTest {
    static final List<String> G1 = List.of("G1 Young Generation", "G1 Old Generation");
    static final List<String> PARALLEL = List.of("PS Scavenge", "PS MarkSweep");
    static final List<String> SERIAL = List.of("Copy", "MarkSweepCompact");

    static Optional<List<String>> command(List<String> options, List<String> collectors, String property,
            String variable, String... args) {
        return ThroughputJvm.command(args, new ThroughputJvm.Jvm(options, collectors, property, variable), "/jdk",
                "/x/vmalab.jar", "org.vmalab.Main");
    }

    @Test
    void checkOnG1MovesWithTheSameOptionsAndArguments() {
        Optional<List<String>> c = command(List.of("-Xmx1g", "-Dfoo=bar"), G1, null, null, "check", "--json", "16");
        assertEquals(List.of("/jdk/bin/java", "-Xmx1g", "-Dfoo=bar", "-XX:+UseParallelGC", "-Dvmalab.fork=false",
                "-cp", "/x/vmalab.jar", "org.vmalab.Main", "check", "--json", "16"), c.orElseThrow());
    }

    @Test
    void otherCommandsAndTheWindowStay() {
        assertFalse(command(List.of(), G1, null, null).isPresent(), "the window");
        for (String cmd : List.of("open", "render", "import", "shell", "validate", "lessons")) {
            assertFalse(command(List.of(), G1, null, null, cmd, "x").isPresent(), cmd);
        }
        assertFalse(command(List.of(), G1, null, null, "--version").isPresent());
        assertFalse(command(List.of(), G1, null, null, "check", "--help").isPresent());
    }

    @Test
    void aJvmAlreadyOffG1Stays() {
        assertFalse(command(List.of(), PARALLEL, null, null, "check", "16").isPresent(), "already Parallel");
        assertFalse(command(List.of(), SERIAL, null, null, "check", "16").isPresent(),
                "serial: the JVM's choice on one processor");
    }

    @Test
    void theUsersChoiceOfCollectorOrAProfilerKeepsTheSearchHere() {
        for (String o : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:-UseParallelGC",
                "-XX:StartFlightRecording=filename=x.jfr", "-agentlib:jdwp=transport=dt_socket",
                "-javaagent:/a.jar", "-agentpath:/lib.so", "-Xrunhprof", "-Xdebug")) {
            assertFalse(command(List.of("-Xmx2g", o), G1, null, null, "check", "16").isPresent(), o);
        }
        assertTrue(command(List.of("-Xmx2g", "-XX:+UseCompressedOops", "-XX:MaxRAM=4g"), G1, null, null, "check", "16")
                .isPresent(), "tuning options that choose no collector");
    }

    @Test
    void thePropertyOrTheVariableKeepsTheSearchHere() {
        assertFalse(command(List.of(), G1, "false", null, "check", "16").isPresent());
        assertFalse(command(List.of(), G1, null, "0", "check", "16").isPresent());
        assertTrue(command(List.of(), G1, "true", "1", "check", "16").isPresent());
    }

    @Test
    void withoutAClassPathOrAJavaHomeItStays() {
        ThroughputJvm.Jvm jvm = new ThroughputJvm.Jvm(List.of(), G1, null, null);
        assertFalse(ThroughputJvm.command(new String[] {"check", "16"}, jvm, "/jdk", "", "M").isPresent());
        assertFalse(ThroughputJvm.command(new String[] {"check", "16"}, jvm, null, "/x.jar", "M").isPresent());
    }
}
