package org.vmalab.explore;

import java.util.Arrays;
import java.util.List;

/**
 * The explored state graph, rebuilt from the workers' transition records after the search: a breadth-first
 * search from the initial state gives, for every explored state, a shortest schedule that reaches it through
 * explored transitions. A depth-first search alone does not: with a visited table, the first path to a state is
 * kept even when a shorter one is found later. The sleep sets do not lengthen these paths: a transition pruned
 * at a state is covered by an equivalent schedule, a permutation of the same steps, of the same length.
 */
final class Graph {
    /** Transitions whose targets are looked up together ({@link #build}). */
    private static final int BATCH = 16;

    private final int[] dist;
    private final int[] parent;
    private final byte[] parentThread;
    private final LongIntMap ids;

    private Graph(LongIntMap ids, int[] dist, int[] parent, byte[] parentThread) {
        this.ids = ids;
        this.dist = dist;
        this.parent = parent;
        this.parentThread = parentThread;
    }

    static Graph build(long root, List<EdgeBuffer> buffers, long expectedNodes) {
        long total = 0;
        for (EdgeBuffer b : buffers) {
            total += b.n;
        }
        if (total > Integer.MAX_VALUE / 2) {
            return null;
        }
        LongIntMap ids = new LongIntMap((int) Math.min(1 << 28, expectedNodes + 16));
        ids.idOf(root);
        int e = (int) total;
        int[] from = new int[e];
        int[] to = new int[e];
        byte[] th = new byte[e];
        int k = 0;
        for (EdgeBuffer b : buffers) {
            /* a depth-first search's transitions come in runs: from the state the last one reached, or from the
               same state as the last one (its transitions into visited states); those need no lookup */
            long lastFrom = 0;
            long lastTo = 0;
            int lastFromId = -1;
            int lastToId = -1;
            for (int i0 = 0; i0 < b.n; i0 += BATCH) {
                int i1 = Math.min(b.n, i0 + BATCH);
                /* the batch's targets' slots read first: independent reads, whose cache misses overlap */
                for (int i = i0; i < i1; i++) {
                    ids.touch(b.to(i));
                }
                for (int i = i0; i < i1; i++) {
                    long f = b.from(i);
                    int fid = lastFromId >= 0 && f == lastFrom ? lastFromId
                            : lastToId >= 0 && f == lastTo ? lastToId : ids.idOf(f);
                    long t = b.to(i);
                    int tid = ids.idOf(t);
                    from[k] = fid;
                    to[k] = tid;
                    th[k] = (byte) b.thread(i);
                    lastFrom = f;
                    lastFromId = fid;
                    lastTo = t;
                    lastToId = tid;
                    k++;
                }
            }
        }
        int nodes = ids.size();
        int[] start = new int[nodes + 1];
        for (int i = 0; i < e; i++) {
            start[from[i] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            start[i + 1] += start[i];
        }
        /* every choice: the threads, then (RELAXED_STORES) each thread's store-buffer flushes */
        int choices = 0;
        for (int i = 0; i < e; i++) {
            choices = Math.max(choices, th[i] + 1);
        }
        /* the transitions in the order of their choice (stable), so that each state's list below is in that order */
        int[] byChoice = new int[e];
        int[] firstOf = new int[choices + 1];
        for (int i = 0; i < e; i++) {
            firstOf[th[i] + 1]++;
        }
        for (int c = 0; c < choices; c++) {
            firstOf[c + 1] += firstOf[c];
        }
        for (int i = 0; i < e; i++) {
            byChoice[firstOf[th[i]]++] = i;
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] adjTo = new int[e];
        byte[] adjTh = new byte[e];
        for (int j = 0; j < e; j++) {
            int i = byChoice[j];
            int p = fill[from[i]]++;
            adjTo[p] = to[i];
            adjTh[p] = th[i];
        }
        int[] dist = new int[nodes];
        Arrays.fill(dist, -1);
        int[] parent = new int[nodes];
        byte[] pth = new byte[nodes];
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        dist[0] = 0;
        parent[0] = -1;
        queue[tail++] = 0;
        while (head < tail) {
            int u = queue[head++];
            /* choices in ascending order: among equally short schedules the one that runs lower threads first */
            for (int p = start[u]; p < start[u + 1]; p++) {
                int v = adjTo[p];
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    parent[v] = u;
                    pth[v] = adjTh[p];
                    queue[tail++] = v;
                }
            }
        }
        return new Graph(ids, dist, parent, pth);
    }

    /** Length of a shortest explored schedule to the state {@code fp}, or -1. */
    int distance(long fp) {
        int id = ids.get(fp);
        return id < 0 ? -1 : dist[id];
    }

    /** A shortest explored schedule to {@code fp} (thread per step), or null. */
    int[] path(long fp) {
        int id = ids.get(fp);
        if (id < 0 || dist[id] < 0) {
            return null;
        }
        int[] p = new int[dist[id]];
        for (int v = id, i = p.length - 1; v != 0; v = parent[v], i--) {
            p[i] = parentThread[v];
        }
        return p;
    }

    /**
     * Open addressing map from fingerprint to dense id (ids in insertion order). A slot is two words side by side, the
     * key and its id + 1 (0: a free slot), so that a lookup misses the cache once, not once per array.
     */
    static final class LongIntMap {
        private long[] slots;
        private int size;
        /** The words {@link #touch} read, summed: kept so that the compiler keeps the reads. */
        private long touched;

        /** A map for about {@code expected} keys: at most three quarters full with them (it grows beyond). */
        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected + (expected >> 1)) - 1) << 1;
            slots = new long[2 * cap];
        }

        /** Reads the slot where a lookup of {@code k} starts: its cache miss, if any, is then behind. */
        void touch(long k) {
            long[] s = slots;
            touched += s[2 * ((int) StateTable.mix(k) & ((s.length >> 1) - 1))];
        }

        int size() {
            return size;
        }

        int get(long k) {
            long[] s = slots;
            int mask = (s.length >> 1) - 1;
            for (int i = (int) StateTable.mix(k) & mask; s[2 * i + 1] != 0; i = (i + 1) & mask) {
                if (s[2 * i] == k) {
                    return (int) s[2 * i + 1] - 1;
                }
            }
            return -1;
        }

        int idOf(long k) {
            long[] s = slots;
            int mask = (s.length >> 1) - 1;
            int i = (int) StateTable.mix(k) & mask;
            for (; s[2 * i + 1] != 0; i = (i + 1) & mask) {
                if (s[2 * i] == k) {
                    return (int) s[2 * i + 1] - 1;
                }
            }
            s[2 * i] = k;
            s[2 * i + 1] = ++size;
            if (size > (s.length >> 3) * 3) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] old = slots;
            long[] s = new long[old.length * 2];
            int mask = (s.length >> 1) - 1;
            for (int j = 0; j < old.length; j += 2) {
                if (old[j + 1] != 0) {
                    int i = (int) StateTable.mix(old[j]) & mask;
                    while (s[2 * i + 1] != 0) {
                        i = (i + 1) & mask;
                    }
                    s[2 * i] = old[j];
                    s[2 * i + 1] = old[j + 1];
                }
            }
            slots = s;
        }
    }
}
