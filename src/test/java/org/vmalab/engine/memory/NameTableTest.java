package org.vmalab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A slot's name comes back from the slot's record or from the table, whichever holds the memory's word. */
class NameTableTest {
    @Test
    void namesBySlotByCopiedWordAndAcrossCopies() {
        Memory m = new Memory(8, 1, 1);
        m.set(Field.NAME, 3, m.internAt(3, "heap"));
        assertEquals("heap", m.name(3));
        Memory c = m.copy();
        c.set(Field.NAME, 3, c.internAt(3, "stack"));
        assertEquals("stack", c.name(3));
        /* the slot's record is the copy's now: the original's word is found in the table */
        assertEquals("heap", m.name(3));
        /* a name word copied to another slot (a split's struct copy) */
        m.set(Field.NAME, 5, m.get(Field.NAME, 3));
        assertEquals("heap", m.name(5));
        assertEquals("vma6", m.name(6));
        assertEquals(Memory.nameWord("stack"), c.get(Field.NAME, 3));
    }

    @Test
    void aSlotRenamedOverAndOverKeepsEveryName() {
        Memory m = new Memory(4, 1, 1);
        Memory c = m.copy();
        for (int i = 0; i < 200_000; i++) {
            Memory x = i % 2 == 0 ? m : c;
            x.set(Field.NAME, 1, x.internAt(1, "n" + (i % 1000)));
        }
        assertEquals("n998", m.name(1));
        assertEquals("n999", c.name(1));
        m.set(Field.NAME, 2, Memory.nameWord("n5"));
        assertEquals("n5", m.name(2));
    }
}
