package org.vmalab.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * The way back from a search with the symmetry reduction. The search kept one state per orbit (a state and its
 * renamings of interchangeable threads) and named its transitions by the canonical state's choices; here a kept path
 * is replayed into the choices of the states it really passes through, and findings and outcomes are closed under
 * renaming: a schedule renamed is a schedule of the same length (the initial state is its own renaming), and the
 * violations on its last step, or its final state's outcome, are those of the renamed state. So every kind and every
 * outcome that the search without the reduction reports is reported, with a shortest schedule of the same length,
 * and every schedule reported is one that {@link Engine#run} has replayed.
 */
final class Orbits {
    private final Scenario scenario;
    private final Explorable m;
    private final Explorable.Mark start;
    private final int n;
    /** Renamings that generate every renaming: the swap of each two neighbours of a class. */
    private final List<int[]> generators = new ArrayList<>();

    Orbits(Search s) {
        this.scenario = s.scenario;
        this.m = Engine.explorable(s.scenario, s.options.checkLevel());
        this.start = m.save();
        this.n = m.threadCount();
        int threads = m.programThreads();
        for (int[] c : s.classes) {
            for (int i = 0; i + 1 < c.length; i++) {
                int[] g = new int[threads];
                for (int t = 0; t < threads; t++) {
                    g[t] = t;
                }
                g[c[i]] = c[i + 1];
                g[c[i + 1]] = c[i];
                generators.add(g);
            }
        }
    }

    /**
     * A kept path (the canonical choice of each step) replayed: the choice of each step in the states it passes
     * through; null when it does not replay.
     */
    int[] concrete(int[] labels) {
        if (labels == null) {
            return null;
        }
        m.restore(start);
        int[] order = new int[n];
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            m.canonicalFingerprint(order);
            int c = -1;
            for (int x = 0; x < n && c < 0; x++) {
                if (order[x] == labels[i]) {
                    c = x;
                }
            }
            if (c < 0 || !m.enabled(c)) {
                return null;
            }
            m.step(c);
            out[i] = c;
        }
        return out;
    }

    /** {@code path} with its threads renamed by {@code g}. */
    private int[] renamed(int[] path, int[] g) {
        int[] q = new int[path.length];
        for (int i = 0; i < path.length; i++) {
            q[i] = m.renameChoice(path[i], g);
        }
        return q;
    }

    /** A violation found on the last step of a schedule (null in a seed), and the kind the search found it as. */
    record Hit(int[] path, Violation violation, Search.KindInfo source) {
    }

    /**
     * Every kind of violation on the last step of the seeds and of their renamings, each with its shortest such
     * schedule (replayed by {@link Engine#run}): the seeds are the schedules the search kept for each kind.
     */
    Map<String, Hit> violations(List<Hit> seeds) {
        Map<String, Hit> best = new LinkedHashMap<>();
        ArrayDeque<Hit> work = new ArrayDeque<>();
        for (Hit h : seeds) {
            offer(h.path(), h.source(), best, work);
        }
        while (!work.isEmpty()) {
            Hit h = work.poll();
            for (int[] g : generators) {
                offer(renamed(h.path(), g), h.source(), best, work);
            }
        }
        return best;
    }

    private void offer(int[] path, Search.KindInfo source, Map<String, Hit> best, ArrayDeque<Hit> work) {
        if (path.length == 0) {
            return;
        }
        Trace t = Engine.run(scenario, Schedules.of(Schedules.list(path)));
        if (t.size() != path.length) {
            return;
        }
        StepRecord last = t.step(t.size());
        boolean better = false;
        Hit first = null;
        for (Violation v : last.violations()) {
            Hit cur = best.get(v.kind());
            if (cur == null || path.length < cur.path().length) {
                Hit h = new Hit(path, v, source);
                best.put(v.kind(), h);
                better = true;
                first = first == null ? h : first;
            }
        }
        if (better) {
            work.add(first);
        }
    }

    /** An outcome reached by a schedule (null in a seed), and the outcome the search found it as. */
    record End(int[] path, SearchWorker.Ending ending, Search.OutcomeInfo source) {
    }

    /** Every outcome of the seeds' final states and of their renamings, each with its shortest such schedule. */
    Map<String, End> outcomes(List<End> seeds) {
        Map<String, End> best = new LinkedHashMap<>();
        ArrayDeque<End> work = new ArrayDeque<>();
        for (End e : seeds) {
            offer(e.path(), e.source(), e.source().text, best, work);
        }
        while (!work.isEmpty()) {
            End h = work.poll();
            for (int[] g : generators) {
                offer(renamed(h.path(), g), h.source(), h.ending().text(), best, work);
            }
        }
        return best;
    }

    /** Outcome texts that are renamings of each other (a union-find: text to a text of its class). */
    private final Map<String, String> textClass = new LinkedHashMap<>();

    /** The class of {@code text}: a text that stands for every renaming of it. */
    String textClass(String text) {
        String p = textClass.getOrDefault(text, text);
        if (p.equals(text)) {
            return text;
        }
        String root = textClass(p);
        textClass.put(text, root);
        return root;
    }

    private void offer(int[] path, Search.OutcomeInfo source, String from, Map<String, End> best,
                       ArrayDeque<End> work) {
        SearchWorker.Ending e = ending(path);
        if (e == null) {
            return;
        }
        String a = textClass(from);
        String b = textClass(e.text());
        if (!a.equals(b)) {
            textClass.put(b, a);
        }
        End cur = best.get(e.text());
        if (cur == null || path.length < cur.path().length) {
            End h = new End(path, e, source);
            best.put(e.text(), h);
            work.add(h);
        }
    }

    /** How the final state {@code path} leads to ends; null when the path does not replay to a final state. */
    private SearchWorker.Ending ending(int[] path) {
        m.restore(start);
        for (int c : path) {
            if (!m.enabled(c)) {
                return null;
            }
            m.step(c);
        }
        if (!m.allDone()) {
            for (int c = 0; c < n; c++) {
                if (m.enabled(c)) {
                    /* a final state where every runnable thread spins forever: those spins change nothing */
                    Explorable.Mark here = m.save();
                    m.step(c);
                    boolean idle = m.idle();
                    m.restore(here);
                    if (!idle) {
                        return null;
                    }
                }
            }
        }
        return SearchWorker.Ending.of(m);
    }
}
