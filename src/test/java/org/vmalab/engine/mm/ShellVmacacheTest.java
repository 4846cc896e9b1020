package org.vmalab.engine.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;

/**
 * The shell's task keeps a vmacache as the kernel's task does: {@code find_vma} fills slot
 * {@code (addr >> PAGE_SHIFT) & 3}, a second lookup of an address in that VMA finds it there, and an unmap's
 * {@code vmacache_invalidate} makes the next lookup flush the cache.
 */
class ShellVmacacheTest {
    @Test
    void findVmaFillsTheTasksCacheAndAnUnmapInvalidatesIt() {
        MmConsole mm = new MmConsole();
        StateView w = mm.state();
        assertTrue(mm.map(0x10000000L, 0x10004000L, false));
        assertTrue(mm.map(0x20000000L, 0x20001000L, false));
        long addr = 0x10002000L;
        int v = mm.find(addr);
        assertEquals(0x10000000L, mm.vma(v).start());
        assertEquals(v, (int) w.get(Field.VC_SLOTS[(int) ((addr >>> 12) & 3)], 0));
        assertEquals(v, mm.find(addr + 0x10)); /* the same slot: a hit */
        long seq = w.mm(Field.VMACACHE_SEQNUM);
        assertTrue(mm.unmap(0x20000000L, 0x20001000L));
        assertEquals(seq + 1, w.mm(Field.VMACACHE_SEQNUM));
        /* the task's cache is out of date: the next find_vma flushes it, walks the tree and caches the result */
        assertEquals(v, mm.find(addr));
        assertEquals(seq + 1, w.get(Field.T_VC_SEQ, 0));
        for (int i = 0; i < 4; i++) {
            int expect = i == (int) ((addr >>> 12) & 3) ? v : Memory.NIL;
            assertEquals(expect, (int) w.get(Field.VC_SLOTS[i], 0), "slot " + i);
        }
    }
}
