package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
     * The search's way of keeping transitions: room made for a few thousand at a time ({@code reserve}), then kept
     * without a check ({@code keep}); over several chunks, with room made again before the last is used up, every
     * transition is there as {@code add} would have kept it.
     */
    @Test
    void transitionsKeptInReservedRoomAreThoseAddKeeps() {
        EdgeBuffer kept = new EdgeBuffer();
        EdgeBuffer added = new EdgeBuffer();
        int n = 3 * EdgeBuffer.CHUNK + 77;
        for (int i = 0; i < n; i++) {
            if (i % 4096 == 0) {
                kept.reserve(8192);
            }
            kept.keep(ROOT + i, ROOT + 3 * i, i % 5);
            added.add(ROOT + i, ROOT + 3 * i, i % 5);
        }
        assertEquals(n, kept.n);
        for (int i = 0; i < n; i++) {
            assertEquals(added.from(i), kept.from(i));
            assertEquals(added.to(i), kept.to(i));
            assertEquals(added.thread(i), kept.thread(i));
        }
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

    /**
     * Random graphs kept in several buffers (more transitions than a lookup batch, choices in any order, the same
     * transition kept twice, states reached by none): every state's distance and shortest schedule are those of a
     * plain breadth-first search that follows a state's choices in ascending order, each choice's transitions in the
     * order they were kept.
     */
    @Test
    void everyDistanceAndScheduleIsThatOfAPlainBreadthFirstSearch() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int round = 0; round < 200; round++) {
            int states = 2 + rnd.nextInt(300);
            int choices = 1 + rnd.nextInt(8);
            List<EdgeBuffer> buffers = new ArrayList<>();
            Map<Long, List<long[]>> out = new HashMap<>();
            for (int w = 1 + rnd.nextInt(3); w > 0; w--) {
                EdgeBuffer b = new EdgeBuffer();
                for (int i = rnd.nextInt(4 * states); i > 0; i--) {
                    long from = ROOT + rnd.nextInt(states);
                    long to = ROOT + rnd.nextInt(states + 5);
                    int c = rnd.nextInt(choices);
                    b.add(from * 0x9E3779B97F4A7C15L, to * 0x9E3779B97F4A7C15L, c);
                    out.computeIfAbsent(from, k -> new ArrayList<>()).add(new long[] {to, c});
                }
                buffers.add(b);
            }
            Map<Long, int[]> expected = plainBreadthFirst(out, choices);
            Graph g = Graph.build(ROOT * 0x9E3779B97F4A7C15L, buffers, 1 + rnd.nextInt(states));
            for (long st = ROOT; st < ROOT + states + 5; st++) {
                int[] p = expected.get(st);
                assertEquals(p == null ? -1 : p.length, g.distance(st * 0x9E3779B97F4A7C15L), "round " + round);
                assertArrayEquals(p, g.path(st * 0x9E3779B97F4A7C15L), "round " + round);
            }
        }
    }

    private static Map<Long, int[]> plainBreadthFirst(Map<Long, List<long[]>> out, int choices) {
        Map<Long, int[]> path = new HashMap<>();
        path.put(ROOT, new int[0]);
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(ROOT));
        while (!queue.isEmpty()) {
            long u = queue.poll();
            for (int c = 0; c < choices; c++) {
                for (long[] e : out.getOrDefault(u, List.of())) {
                    if (e[1] == c && !path.containsKey(e[0])) {
                        int[] p = Arrays.copyOf(path.get(u), path.get(u).length + 1);
                        p[p.length - 1] = c;
                        path.put(e[0], p);
                        queue.add(e[0]);
                    }
                }
            }
        }
        return path;
    }
}
