package org.vmalab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepRangeTest {
    @Test
    void parsesTheForms() {
        assertEquals(new StepRange(3, 3), StepRange.parse("3", 10));
        assertEquals(new StepRange(2, 7), StepRange.parse("2..7", 10));
        assertEquals(new StepRange(4, 10), StepRange.parse("4..", 10));
        assertEquals(new StepRange(0, 5), StepRange.parse("..5", 10));
        assertEquals(new StepRange(10, 10), StepRange.parse("end", 10));
        assertEquals(new StepRange(0, 10), StepRange.parse("start..end", 10));
        assertEquals(11, StepRange.all(10).count());
        assertEquals(new StepRange(10, 10), StepRange.end(10));
    }

    @Test
    void refusesWhatIsNotInTheRun() {
        assertEquals("the run has 10 steps (indices 0..10)",
                assertThrows(IllegalArgumentException.class, () -> StepRange.parse("5..11", 10)).getMessage());
        assertEquals("the range ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> StepRange.parse("7..2", 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StepRange.parse("x", 10));
        assertThrows(IllegalArgumentException.class, () -> StepRange.parse("-1", 10));
        assertThrows(IllegalArgumentException.class, () -> StepRange.parse("", 10));
    }
}
