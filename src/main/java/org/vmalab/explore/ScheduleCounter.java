package org.vmalab.explore;

import java.math.BigInteger;
import java.util.Arrays;
import org.vmalab.engine.Scenario;

/**
 * How many complete schedules plain enumeration (no reduction, no state caching) would run, computed without
 * running them: the full state graph is explored once (state caching, no reduction) and the paths from the
 * initial state to the final states are counted (the graph is acyclic: every transition moves some thread
 * forward). Spins that change nothing are not transitions, as in the search. For the benchmark and the tests.
 */
public final class ScheduleCounter {
    private ScheduleCounter() {
    }

    /**
     * The number of complete schedules, or -1 when the full graph could not be explored completely (a bound,
     * an engine error) or was too large to keep.
     */
    public static BigInteger count(Scenario scenario, ExploreOptions options) {
        ExploreOptions o = options.withReduction(false).withStateCaching(true).withSymmetry(false).withThreads(1)
                .withPreemptionBound(ExploreOptions.UNBOUNDED);
        Exploration x = new Exploration(scenario, o, ProgressListener.NONE);
        x.start();
        ExploreResult r = x.join();
        Search s = x.search();
        if (!r.complete() || !s.graphComplete) {
            return BigInteger.ONE.negate();
        }
        Graph.LongIntMap ids = new Graph.LongIntMap((int) Math.min(1 << 28, r.stats().distinctStates() + 16));
        ids.idOf(s.rootFp);
        long total = 0;
        for (EdgeBuffer b : s.buffers) {
            total += b.n;
        }
        int e = (int) total;
        int[] from = new int[e];
        int[] to = new int[e];
        int k = 0;
        for (EdgeBuffer b : s.buffers) {
            for (int i = 0; i < b.n; i++) {
                from[k] = ids.idOf(b.from(i));
                to[k] = ids.idOf(b.to(i));
                k++;
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
        int[] fill = Arrays.copyOf(start, nodes);
        int[] adj = new int[e];
        for (int i = 0; i < e; i++) {
            adj[fill[from[i]]++] = to[i];
        }
        /* paths to a final state, in reverse topological order (iterative post-order DFS) */
        BigInteger[] paths = new BigInteger[nodes];
        boolean[] terminal = new boolean[nodes];
        for (Long fp : s.terminals.keySet()) {
            int id = ids.get(fp);
            if (id >= 0) {
                terminal[id] = true;
            }
        }
        int[] stack = new int[nodes];
        int[] next = new int[nodes];
        byte[] mark = new byte[nodes];
        int sp = 0;
        stack[sp++] = 0;
        next[0] = start[0];
        mark[0] = 1;
        while (sp > 0) {
            int u = stack[sp - 1];
            if (next[u] < start[u + 1]) {
                int v = adj[next[u]++];
                if (mark[v] == 0) {
                    mark[v] = 1;
                    next[v] = start[v];
                    stack[sp++] = v;
                } else if (mark[v] == 1) {
                    throw new IllegalStateException("the state graph has a cycle");
                }
                continue;
            }
            BigInteger c = terminal[u] && start[u] == start[u + 1] ? BigInteger.ONE : BigInteger.ZERO;
            for (int p = start[u]; p < start[u + 1]; p++) {
                c = c.add(paths[adj[p]]);
            }
            paths[u] = c;
            mark[u] = 2;
            sp--;
        }
        return paths[0];
    }
}
