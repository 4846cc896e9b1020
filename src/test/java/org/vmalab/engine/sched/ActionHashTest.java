package org.vmalab.engine.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A continuation's hash goes into a state's fingerprint and into the order the symmetry reduction gives interchangeable
 * threads, so it must be the same in every JVM: an action that holds an enum constant hashes it by its ordinal (the
 * constant's own hash is its identity, different from run to run: lesson 16's example schedule changed between two
 * runs of the same jar).
 */
class ActionHashTest {
    @Test
    void anActionHoldingAnEnumHashesItByItsOrdinal() {
        for (Actions.PutSite site : Actions.PutSite.values()) {
            assertEquals(31 * 5 + site.ordinal(), new Actions.FreeVma(5, site).hashCode(), site.name());
            assertEquals(31 * 5 + site.ordinal(), new Actions.PutVma(5, site).hashCode(), site.name());
        }
        assertNotEquals(new Actions.FreeVma(5, Actions.PutSite.READER).hashCode(),
                new Actions.FreeVma(5, Actions.PutSite.REMOVE_VMA).hashCode());
    }

    /** Every action record that holds an enum is listed here and hashes it by its ordinal (a new one must too). */
    @Test
    void theOnlyActionsHoldingAnEnumAreThoseThatHashItByItsOrdinal() throws ClassNotFoundException {
        List<String> withEnums = new ArrayList<>();
        for (Class<?> outer : List.of(Actions.class, Class.forName("org.vmalab.engine.mm.Ops"),
                Class.forName("org.vmalab.engine.mm.Readers"))) {
            for (Class<?> c : outer.getDeclaredClasses()) {
                if (!c.isRecord() || !Action.class.isAssignableFrom(c)) {
                    continue;
                }
                for (RecordComponent rc : c.getRecordComponents()) {
                    if (rc.getType().isEnum()) {
                        withEnums.add(c.getSimpleName() + "." + rc.getName());
                    }
                }
            }
        }
        assertEquals(List.of("FreeVma.site", "PutVma.site", "WalkRoot.w", "WalkVisit.w"), withEnums);
    }

    /**
     * The hashes of every action record, made in a JVM with its usual identity hashes and in one where every identity
     * hash is 1 ({@code -XX:hashCode=2}), are the same: none depends on an identity hash (before the fix, the four
     * actions above hashed their enum constant by its identity).
     */
    @Test
    void everyActionHashesTheSameInEveryJvm() throws Exception {
        String usual = probe(List.of());
        String ones = probe(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2"));
        assertTrue(usual.lines().count() > 40, usual);
        assertEquals(usual, ones);
    }

    private static String probe(List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ActionHashProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
