package org.vmalab.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * Assembles an {@link ExploreResult} after the workers stopped: shortest schedules from the explored graph, each
 * replayed once through {@link Engine#run} (so a reported schedule is known to reproduce its violation), findings
 * in words.
 */
final class Results {
    private Results() {
    }

    static ExploreResult build(Search s, long elapsedNanos, List<Violation> initialViolations) {
        long states = s.states.sum() + 1;
        long distinct = s.table != null ? s.table.size() : states;
        Stats stats = new Stats(states, distinct, s.schedules.sum(), s.maxDepth.get(), elapsedNanos,
                elapsedNanos == 0 ? 0 : states / (elapsedNanos / 1e9), s.engineSteps.sum(), s.cacheHits.sum(),
                s.sleepPruned.sum(), s.idleSpins.sum(), s.workers, s.tasks.get(), s.reductionOffAt);
        String[] names = names(s.scenario);
        Graph g = s.graphComplete && s.table != null && !s.cancelled
                ? Graph.build(s.rootFp, s.buffers, distinct) : null;
        boolean exact = g != null || !s.options.stateCaching();

        /* shortest candidate per kind from the graph: violating transitions, then final states */
        Map<Integer, int[]> best = new HashMap<>();
        if (g != null) {
            for (EdgeBuffer b : s.buffers) {
                for (int i = 0; i < b.nv; i++) {
                    int d = g.distance(b.vFrom[i]);
                    int[] cur = best.get(b.vKind[i]);
                    if (d >= 0 && (cur == null || d + 1 < cur.length)) {
                        int[] p = g.path(b.vFrom[i]);
                        int[] q = java.util.Arrays.copyOf(p, p.length + 1);
                        q[p.length] = b.vThread[i];
                        best.put(b.vKind[i], q);
                    }
                }
            }
        }
        Map<Integer, int[]> bestOutcome = new HashMap<>();
        for (Map.Entry<Long, Search.TerminalInfo> e : s.terminals.entrySet()) {
            if (g == null) {
                break;
            }
            int d = g.distance(e.getKey());
            if (d < 0) {
                continue;
            }
            Search.TerminalInfo info = e.getValue();
            int[] cur = bestOutcome.get(info.outcome().id);
            if (cur == null || d < cur.length) {
                bestOutcome.put(info.outcome().id, g.path(e.getKey()));
            }
            for (Search.KindInfo k : info.kinds()) {
                int[] ck = best.get(k.id);
                if (ck == null || d < ck.length) {
                    best.put(k.id, g.path(e.getKey()));
                }
            }
        }

        List<Finding> findings = new ArrayList<>();
        Map<String, Violation> initial = new LinkedHashMap<>();
        for (Violation v : initialViolations) {
            initial.putIfAbsent(v.kind(), v);
        }
        for (Violation v : initial.values()) {
            findings.add(new Finding(v.kind(), Finding.Category.VIOLATION, v.invariant(), v, summary(v, List.of(),
                    names), List.of(), Schedules.of(List.of()), true, 1));
        }
        List<Search.KindInfo> kinds;
        synchronized (s.kindList) {
            kinds = new ArrayList<>(s.kindList);
        }
        for (Search.KindInfo k : kinds) {
            if (initial.containsKey(k.kind)) {
                continue;
            }
            int[] discovered;
            synchronized (k) {
                discovered = k.path;
            }
            int[] fromGraph = best.get(k.id);
            Finding f = null;
            if (fromGraph != null && (discovered == null || fromGraph.length <= discovered.length)) {
                f = replayed(s.scenario, k, fromGraph, names, exact);
                if (f == null && discovered != null) {
                    f = replayed(s.scenario, k, discovered, names, false);
                }
            } else if (discovered != null) {
                f = replayed(s.scenario, k, discovered, names, exact);
            }
            if (f == null) {
                f = unreplayed(k, discovered == null ? new int[0] : discovered, names);
            }
            findings.add(f);
        }
        /* consequences first (use-after-free, broken tree, deadlock), design rules after: each by shortest schedule */
        findings.sort(Comparator.comparing(Finding::rule).thenComparing((Finding f) -> f.category().ordinal())
                .thenComparingInt(Finding::steps).thenComparing(Finding::kind));

        List<FinalOutcome> outcomes = new ArrayList<>();
        List<Search.OutcomeInfo> os;
        synchronized (s.outcomeList) {
            os = new ArrayList<>(s.outcomeList);
        }
        for (Search.OutcomeInfo o : os) {
            int[] p;
            synchronized (o) {
                p = o.path;
            }
            int[] q = bestOutcome.get(o.id);
            if (q != null && (p == null || q.length <= p.length)) {
                p = q;
            }
            List<Integer> l = Schedules.list(p == null ? new int[0] : p);
            outcomes.add(new FinalOutcome(o.text, o.threads, o.state, o.deadlock, o.finalStates.sum(), l,
                    Schedules.of(l)));
        }
        outcomes.sort(Comparator.comparing(FinalOutcome::deadlock).thenComparing(FinalOutcome::text));

        List<EngineError> errors = new ArrayList<>();
        for (Search.ErrorInfo e : s.errors) {
            List<Integer> l = Schedules.list(e.path());
            errors.add(new EngineError(e.message(), l, Schedules.of(l), e.scenario()));
        }
        errors.sort(Comparator.comparingInt((EngineError e) -> e.threads().size()));

        List<String> reasons = new ArrayList<>();
        for (String c : s.cuts) {
            reasons.add(c.startsWith("step") ? c + ": some schedules were cut before every thread finished"
                    : c.startsWith("preemption") ? c + ": schedules with more preemptions were not explored" : c);
        }
        reasons.sort(null);
        if (s.outOfMemory) {
            reasons.add(0, Search.OUT_OF_MEMORY);
        } else if (s.cancelled) {
            reasons.add("cancelled");
        }
        if (s.errorCount.get() > 0) {
            reasons.add("the engine failed on " + s.errorCount.get() + " schedule(s); those were not continued");
        }
        double collision = s.table != null ? s.table.collisionProbability(distinct)
                : Math.min(1.0, (double) distinct * distinct / Math.pow(2, 65));
        return new ExploreResult(s.scenario, s.options, reasons.isEmpty(), reasons, stats, outcomes, findings,
                errors, exact, collision, s.auditChecks.get(), new ArrayList<>(s.auditFailures));
    }

    /** The names of the schedule's choices: the threads (and, with RELAXED_STORES, their flush choices). */
    static String[] names(Scenario sc) {
        return sc.scheduleNames().toArray(new String[0]);
    }

    /** Replays {@code path} and builds the finding from what its last step reports; null if it does not. */
    private static Finding replayed(Scenario sc, Search.KindInfo k, int[] path, String[] names, boolean exact) {
        List<Integer> l = Schedules.list(path);
        Trace t = Engine.run(sc, Schedules.of(l));
        if (t.size() != path.length) {
            return null;
        }
        if (k.category == Finding.Category.DEADLOCK) {
            if (t.outcome() == Outcome.COMPLETE) {
                return null;
            }
            String waits;
            synchronized (k) {
                waits = k.deadlockText;
            }
            String text = "No thread can make progress" + (waits == null || waits.isEmpty() ? "" : ": " + waits)
                    + ". " + (t.outcome() == Outcome.DEADLOCK ? "Every unfinished thread sleeps"
                    : "Every runnable thread spins forever") + ". Reached after " + path.length + " steps: "
                    + Schedules.shape(l, names) + ".";
            return new Finding(k.kind, k.category, null, null, text, l, Schedules.of(l), exact,
                    k.occurrences.sum());
        }
        Violation v = null;
        if (path.length == 0) {
            return null;
        }
        StepRecord last = t.step(t.size());
        for (Violation x : last.violations()) {
            if (x.kind().equals(k.kind)) {
                v = x;
                break;
            }
        }
        if (v == null) {
            return null;
        }
        return new Finding(k.kind, k.category, k.invariant, v, summary(v, l, names), l, Schedules.of(l), exact,
                k.occurrences.sum());
    }

    private static Finding unreplayed(Search.KindInfo k, int[] path, String[] names) {
        List<Integer> l = Schedules.list(path);
        Violation v;
        synchronized (k) {
            v = k.example;
        }
        String text = v == null ? k.kind : summary(v, l, names) + " (the schedule did not reproduce it when replayed: "
                + "a fingerprint collision or a nondeterministic step)";
        return new Finding(k.kind, k.category, k.invariant, v, text, l, Schedules.of(l), false, k.occurrences.sum());
    }

    /** "use-after-free: T1 reads heap.vm_sequence but heap was freed. After 31 steps (T1 x3 -> ...). Rule ..." */
    static String summary(Violation v, List<Integer> threads, String[] names) {
        String msg = v.message();
        StringBuilder b = new StringBuilder(msg);
        if (!msg.endsWith(".")) {
            b.append('.');
        }
        if (threads.isEmpty()) {
            b.append(" Already in the initial state.");
        } else {
            b.append(" Shortest schedule: ").append(threads.size()).append(threads.size() == 1 ? " step (" : " steps (")
                    .append(Schedules.shape(threads, names)).append(").");
        }
        b.append(" Rule broken (").append(v.invariant().id()).append("): ").append(v.invariant().description())
                .append('.');
        return b.toString();
    }
}
