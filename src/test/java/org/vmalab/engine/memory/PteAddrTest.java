package org.vmalab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A PTE slot read through {@link StateView#pteAddr} is the word {@code get(PTE_ADDR, slot)}, read and reported. */
class PteAddrTest {
    @Test
    void pteAddrIsTheSlotsWordAndAReportedRead() {
        Memory m = new Memory(8, 2, 4);
        m.set(Field.PTE_ADDR, 1, 0x7000);
        m.set(Field.PTE_ADDR, 3, 0x9000);
        m.set(Field.VM_START, 1, 0x5000); /* a VMA's hot word at the same index stays apart */
        List<String> reads = new ArrayList<>();
        m.trackReads((f, obj) -> reads.add(f.name() + "[" + obj + "]"));
        for (int i = 0; i < m.pteSlots(); i++) {
            assertEquals(m.get(Field.PTE_ADDR, i), m.pteAddr(i));
        }
        assertEquals(0x7000, m.pteAddr(1));
        assertEquals(0x9000, m.pteAddr(3));
        assertEquals(List.of("PTE_ADDR[0]", "PTE_ADDR[0]", "PTE_ADDR[1]", "PTE_ADDR[1]", "PTE_ADDR[2]", "PTE_ADDR[2]",
                "PTE_ADDR[3]", "PTE_ADDR[3]", "PTE_ADDR[1]", "PTE_ADDR[3]"), reads);
    }

    @Test
    void aViewsPteAddrFollowsItsGet() {
        Memory m = new Memory(8, 1, 2);
        m.set(Field.PTE_ADDR, 0, 0x7000);
        StateView noPages = new ViewOver(m) {
            @Override
            public long get(Field f, int obj) {
                return f == Field.PTE_ADDR ? 0 : base.get(f, obj);
            }

            @Override
            public long mm(Field f) {
                return base.mm(f);
            }
        };
        assertEquals(0x7000, m.pteAddr(0));
        assertEquals(0, noPages.pteAddr(0));
    }
}
