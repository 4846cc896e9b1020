package org.vmalab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The log of stores keeps every store in order across its chunks (the first grows from 256 stores to a full chunk of
 * 16,384, then one chunk after another), through undos that go back into an earlier chunk and stores after them, and
 * after a hand-over, in the log handed over and in the one that starts again.
 */
class DeltaLogTest {
    /** Store {@code i}'s field, object, old and new value, made up from {@code i} (and {@code salt}). */
    private static void add(DeltaLog log, int i, int salt) {
        log.add(Field.T_STATUS, i % 7, i * 3L + salt, i * 5L + salt);
    }

    private static void assertStores(DeltaLog log, int from, int to, int salt) {
        for (int i = from; i < to; i++) {
            assertEquals(Field.T_STATUS, log.field(i));
            assertEquals(i % 7, log.object(i));
            assertEquals(i * 3L + salt, log.oldValue(i), "old value of store " + i);
            assertEquals(i * 5L + salt, log.newValue(i), "new value of store " + i);
        }
    }

    @Test
    void storesAcrossChunksUndoneIntoAnEarlierChunkAndStoredAgain() {
        DeltaLog log = new DeltaLog();
        Memory m = new Memory(4, 7, 1);
        int n = 40_000; /* the first chunk grown to 16,384 stores, a second and a third chunk */
        for (int i = 0; i < n; i++) {
            add(log, i, 0);
        }
        assertEquals(n, log.size());
        assertStores(log, 0, n, 0);
        log.undoTo(10_000, m); /* back into the first chunk */
        assertEquals(10_000, log.size());
        for (int i = 10_000; i < 35_000; i++) {
            add(log, i, 1);
        }
        assertEquals(35_000, log.size());
        assertStores(log, 0, 10_000, 0);
        assertStores(log, 10_000, 35_000, 1);
        log.undoTo(16_384, m); /* to a chunk's first store */
        add(log, 16_384, 2);
        assertStores(log, 0, 10_000, 0);
        assertStores(log, 10_000, 16_384, 1);
        assertStores(log, 16_384, 16_385, 2);
        assertEquals(16_385, log.size());
        log.undoTo(0, m);
        assertEquals(0, log.size());
        add(log, 0, 3);
        assertStores(log, 0, 1, 3);
    }

    @Test
    void aHandedOverLogAndTheLogThatStartsAgainTakeStoresApart() {
        DeltaLog log = new DeltaLog();
        for (int i = 0; i < 20_000; i++) {
            add(log, i, 0);
        }
        DeltaLog kept = log.handOver();
        assertEquals(0, log.size());
        assertEquals(20_000, kept.size());
        for (int i = 0; i < 300; i++) {
            add(log, i, 4);
        }
        for (int i = 20_000; i < 40_000; i++) {
            add(kept, i, 0);
        }
        assertStores(log, 0, 300, 4);
        assertStores(kept, 0, 40_000, 0);
        DeltaLog copy = kept.frozenCopy();
        assertEquals(40_000, copy.size());
        assertStores(copy, 0, 40_000, 0);
    }
}
