package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shortest-schedule search over the kept transitions: every scheduling choice is followed, the threads' and,
 * under RELAXED_STORES, the store-buffer flushes' (choices numbered after the threads, up to 30 of them).
 */
class GraphTest {
    private static final long ROOT = 1;

    @Test
    void aStateReachedOnlyThroughAFlushChoiceHasItsShortestSchedule() {
        EdgeBuffer b = new EdgeBuffer();
        b.add(ROOT, 2, 17);
        b.add(2, 3, 0);
        Graph g = Graph.build(ROOT, List.of(b), 4);
        assertEquals(1, g.distance(2));
        assertEquals(2, g.distance(3));
        assertArrayEquals(new int[] {17, 0}, g.path(3));
    }

    @Test
    void aFlushChoiceThatCutsAScheduleShortIsTaken() {
        EdgeBuffer b = new EdgeBuffer();
        b.add(ROOT, 2, 0);
        b.add(2, 3, 0);
        b.add(3, 4, 1);
        b.add(ROOT, 4, 29);
        Graph g = Graph.build(ROOT, List.of(b), 5);
        assertEquals(1, g.distance(4));
        assertArrayEquals(new int[] {29}, g.path(4));
    }

    @Test
    void amongEquallyShortSchedulesTheLowerChoiceRunsFirst() {
        EdgeBuffer b = new EdgeBuffer();
        b.add(ROOT, 2, 20);
        b.add(ROOT, 3, 1);
        b.add(2, 4, 0);
        b.add(3, 4, 0);
        Graph g = Graph.build(ROOT, List.of(b), 5);
        assertArrayEquals(new int[] {1, 0}, g.path(4));
    }

    /**
     * A long chain over several of the buffer's chunks and the map's growths, with a shortcut near its end and edges
     * from the state just reached and from the same state again (the runs {@code Graph.build} looks up once): every
     * state's distance is right.
     */
    @Test
    void aChainLongerThanAChunkKeepsEveryTransitionAndEveryDistance() {
        EdgeBuffer b = new EdgeBuffer();
        int n = 2 * EdgeBuffer.CHUNK + 1000;
        for (int i = 0; i < n; i++) {
            long from = ROOT + i;
            b.add(from, from + 1, i % 3);
            b.add(from, ROOT, 2); /* back to the root: from the same state as the transition before */
        }
        b.add(ROOT + 5, ROOT + n - 10, 1); /* a shortcut */
        assertEquals(2 * n + 1, b.n);
        assertEquals(ROOT + n - 1, b.from(2 * (n - 1)));
        assertEquals(ROOT + n, b.to(2 * (n - 1)));
        assertEquals((n - 1) % 3, b.thread(2 * (n - 1)));
        Graph g = Graph.build(ROOT, List.of(b), 16);
        assertEquals(0, g.distance(ROOT));
        assertEquals(5, g.distance(ROOT + 5));
        assertEquals(6, g.distance(ROOT + n - 10));
        assertEquals(16, g.distance(ROOT + n));
        assertEquals(-1, g.distance(ROOT + n + 1));
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, g.path(ROOT + n));
    }
}
