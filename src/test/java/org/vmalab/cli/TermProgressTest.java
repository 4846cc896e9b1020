package org.vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TermProgressTest {
    @Test
    void aBarOnceDueShowsTheCountUnitAndTask() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TermProgress p = TermProgress.to(new PrintStream(b, true, StandardCharsets.UTF_8), "part 1", "states",
                -1, 0)) {
            p.stepTo(1234);
            p.extra("5 distinct");
            assertTrue(p.showing());
        }
        String s = b.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("part 1"), s);
        assertTrue(s.contains("states"), s);
        assertTrue(s.contains("1234") || s.contains("1,234") || s.contains("1.2K"), s);
    }

    @Test
    void shortWorkShowsNothing() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TermProgress p = TermProgress.to(new PrintStream(b, true, StandardCharsets.UTF_8), "render", "steps",
                10, Long.MAX_VALUE)) {
            for (int i = 0; i < 10; i++) {
                p.step();
            }
            assertFalse(p.showing());
        }
        assertEquals(0, b.size());
    }

    @Test
    void quietOrNotATerminalShowsNothing() {
        TermProgress.stderrTerminalForTests = true;
        try (TermProgress p = TermProgress.start("x", "lines", 5, true)) {
            p.stepTo(5);
            assertFalse(p.showing(), "--quiet");
        } finally {
            TermProgress.stderrTerminalForTests = null;
        }
        // the tests' standard error is a pipe, not a terminal
        assertFalse(TermProgress.stderrIsTerminal());
    }
}
