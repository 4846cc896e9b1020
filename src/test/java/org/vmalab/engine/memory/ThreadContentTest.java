package org.vmalab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * A thread's part of the memory hash, rotated back ({@link Memory#threadContent}), depends on its words and not on its
 * id: the symmetry reduction orders interchangeable threads by it.
 */
class ThreadContentTest {
    private static long content(Memory m, int t) {
        return Memory.threadContent(m.threadPart(t), t);
    }

    @Test
    void threadsWithTheSameWordsHaveTheSameContentAndOthersDiffer() {
        Memory m = new Memory(8, 4, 2);
        m.enableHashing();
        assertEquals(content(m, 0), content(m, 3));
        for (int t : new int[] {1, 3}) {
            m.set(Field.T_LOC, t, 7);
            m.set(Field.T_STATUS, t, 2);
            StoreBuffer.append(m, t, Field.VM_START, 5, 0x4000);
        }
        assertEquals(content(m, 1), content(m, 3));
        assertNotEquals(content(m, 0), content(m, 1));
        /* the same word in another store buffer entry, or in another field, is another content */
        StoreBuffer.append(m, 1, Field.VM_END, 5, 0x8000);
        StoreBuffer.append(m, 3, Field.VM_START, 5, 0x8000);
        assertNotEquals(content(m, 1), content(m, 3));
        /* a thread's content follows its stores both ways, and the whole hash stays the XOR of every word's */
        m.set(Field.T_LOC, 1, 9);
        m.set(Field.T_LOC, 1, 7);
        long h = 0;
        long[] parts = new long[4];
        for (Field f : Field.values()) {
            int n = switch (f.kind()) {
                case VMA -> m.vmaCapacity();
                case MM -> Memory.MM_OBJECTS;
                case THREAD -> 4;
                case PTE -> 2;
                case SB -> 4 * StoreBuffer.CAPACITY;
            };
            for (int i = 0; i < n; i++) {
                long z = Memory.zobrist(f, i, m.get(f, i));
                h ^= z;
                if (f.kind() == Field.Kind.THREAD) {
                    parts[i] ^= z;
                } else if (f.kind() == Field.Kind.SB) {
                    parts[i / StoreBuffer.CAPACITY] ^= z;
                }
            }
        }
        assertEquals(h, m.hash());
        for (int t = 0; t < 4; t++) {
            assertEquals(parts[t], m.threadPart(t));
        }
    }

    @Test
    void swappingTwoThreadsWordsChangesTheHash() {
        Memory a = new Memory(8, 2, 2);
        Memory b = new Memory(8, 2, 2);
        a.enableHashing();
        b.enableHashing();
        a.set(Field.T_LOC, 0, 3);
        a.set(Field.T_LOC, 1, 4);
        b.set(Field.T_LOC, 0, 4);
        b.set(Field.T_LOC, 1, 3);
        assertNotEquals(a.hash(), b.hash());
        assertEquals(content(a, 0), content(b, 1));
    }
}
