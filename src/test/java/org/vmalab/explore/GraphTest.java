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
}
