package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar vmalab.jar check} runs its search on the throughput collector in a second JVM that keeps the
 * first one's options ({@code -Xmx}), its output and its exit code; {@code VMALAB_FORK=0} keeps it in the first.
 */
class ThroughputJvmIT {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}\\s]*)").matcher(out);
            assertTrue(m.find(), name + " in " + out.substring(0, Math.min(400, out.length())));
            return m.group(1);
        }
    }

    Run java(String fork, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx700m", "-Djava.awt.headless=true", "-jar", JarNativesIT.jar().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        if (fork != null) {
            pb.environment().put("VMALAB_FORK", fork);
        } else {
            pb.environment().remove("VMALAB_FORK");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished: " + String.join(" ", args));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void checkSearchesOnTheThroughputCollectorWithTheSameHeapOutputAndExitCode() throws Exception {
        Run here = java("0", "check", "--json", "--threads", "1", "12");
        Run moved = java(null, "check", "--json", "--threads", "1", "12");
        assertEquals(1, here.code(), here.err());
        assertEquals(here.code(), moved.code(), moved.err());
        assertEquals("", moved.err());
        String collector = here.field("collector");
        /* the JVM picks G1 on two or more processors; on one it picks the serial collector, and check stays */
        assertEquals(collector.equals("G1") ? "Parallel" : collector, moved.field("collector"));
        long heap = Long.parseLong(moved.field("max_heap_mb"));
        assertTrue(heap > 500 && heap <= 700, "the second JVM keeps -Xmx700m: " + heap);
        assertEquals(here.field("verdict"), moved.field("verdict"));
        assertEquals(here.field("distinct_states"), moved.field("distinct_states"));

        Run bad = java(null, "check", "no-such-lesson.yaml");
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
