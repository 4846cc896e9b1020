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
        long assembly0 = System.nanoTime();
        long states = s.states.sum() + 1;
        long distinct = s.table != null ? s.table.size() : states;
        Stats counted = new Stats(states, distinct, s.schedules.sum(), s.maxDepth.get(), elapsedNanos,
                elapsedNanos == 0 ? 0 : states / (elapsedNanos / 1e9), s.engineSteps.sum(), s.cacheHits.sum(),
                s.sleepPruned.sum(), s.idleSpins.sum(), s.workers, s.tasks.get(), s.reductionOffAt, s.symmetry,
                interchangeable(s), s.workerCpuNanos.sum(), s.workerIdleNanos.sum(), 0, s.warmUpNanos.sum());
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

        /* with the symmetry reduction the kept paths name canonical choices: replayed, they name the real ones */
        Orbits orbits = s.symmetry ? new Orbits(s) : null;
        if (orbits != null) {
            best.replaceAll((k, p) -> orbits.concrete(p));
            best.values().removeIf(java.util.Objects::isNull);
            bestOutcome.replaceAll((k, p) -> orbits.concrete(p));
            bestOutcome.values().removeIf(java.util.Objects::isNull);
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
        if (orbits != null) {
            kinds = renamedFindings(s, orbits, kinds, best, initial, names, exact, findings);
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
        if (orbits != null) {
            os = renamedOutcomes(s, orbits, os, bestOutcome, outcomes);
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
            reasons.add(ExploreResult.CANCELLED);
        }
        if (s.errorCount.get() > 0) {
            reasons.add("the engine failed on " + s.errorCount.get() + " schedule(s); those were not continued");
        }
        double collision = s.table != null ? s.table.collisionProbability(distinct)
                : Math.min(1.0, (double) distinct * distinct / Math.pow(2, 65));
        Stats stats = counted.withAssembly(System.nanoTime() - assembly0);
        return new ExploreResult(s.scenario, s.options, reasons.isEmpty(), reasons, stats, outcomes, findings,
                errors, exact, collision, s.auditChecks.get(), new ArrayList<>(s.auditFailures));
    }

    /**
     * The findings of a search with the symmetry reduction, closed under renaming ({@link Orbits}); returns the kinds
     * left to report as usual (a deadlock, which names no thread, and kinds whose schedules did not replay).
     */
    private static List<Search.KindInfo> renamedFindings(Search s, Orbits orbits, List<Search.KindInfo> kinds,
                                                         Map<Integer, int[]> best, Map<String, Violation> initial,
                                                         String[] names, boolean exact, List<Finding> findings) {
        List<Orbits.Hit> seeds = new ArrayList<>();
        for (Search.KindInfo k : kinds) {
            if (k.category != Finding.Category.VIOLATION || initial.containsKey(k.kind)) {
                continue;
            }
            if (best.get(k.id) != null) {
                seeds.add(new Orbits.Hit(best.get(k.id), null, k));
            }
            synchronized (k) {
                if (k.path != null) {
                    seeds.add(new Orbits.Hit(k.path, null, k));
                }
            }
        }
        Map<String, Orbits.Hit> hits = orbits.violations(seeds);
        for (Map.Entry<String, Orbits.Hit> e : hits.entrySet()) {
            if (initial.containsKey(e.getKey())) {
                continue;
            }
            Violation v = e.getValue().violation();
            Search.KindInfo own = s.kinds.get(e.getKey());
            long occurrences = (own != null ? own : e.getValue().source()).occurrences.sum();
            List<Integer> l = Schedules.list(e.getValue().path());
            findings.add(new Finding(e.getKey(), Finding.Category.VIOLATION, v.invariant(), v, summary(v, l, names), l,
                    Schedules.of(l), exact, occurrences));
        }
        List<Search.KindInfo> rest = new ArrayList<>();
        for (Search.KindInfo k : kinds) {
            if (!hits.containsKey(k.kind)) {
                rest.add(k);
            }
        }
        return rest;
    }

    /**
     * The outcomes of a search with the symmetry reduction, closed under renaming ({@link Orbits}); returns those left
     * to report as usual (whose schedules did not replay).
     */
    private static List<Search.OutcomeInfo> renamedOutcomes(Search s, Orbits orbits, List<Search.OutcomeInfo> os,
                                                            Map<Integer, int[]> bestOutcome,
                                                            List<FinalOutcome> outcomes) {
        List<Orbits.End> seeds = new ArrayList<>();
        for (Search.OutcomeInfo o : os) {
            if (bestOutcome.get(o.id) != null) {
                seeds.add(new Orbits.End(bestOutcome.get(o.id), null, o));
            }
            synchronized (o) {
                if (o.path != null) {
                    seeds.add(new Orbits.End(o.path, null, o));
                }
            }
        }
        Map<String, Orbits.End> ends = orbits.outcomes(seeds);
        /* the final states, all renamings counted, per class of outcomes that are renamings of each other: a text's
           renamings have as many final states as it has, so each has the class's share */
        Map<String, Long> states = new HashMap<>();
        Map<String, Integer> texts = new HashMap<>();
        for (String text : ends.keySet()) {
            texts.merge(orbits.textClass(text), 1, Integer::sum);
        }
        for (Search.OutcomeInfo o : os) {
            states.merge(orbits.textClass(o.text), o.orbitStates.sum(), Long::sum);
        }
        for (Map.Entry<String, Orbits.End> e : ends.entrySet()) {
            SearchWorker.Ending x = e.getValue().ending();
            String c = orbits.textClass(e.getKey());
            long finalStates = states.getOrDefault(c, 0L) / texts.get(c);
            List<Integer> l = Schedules.list(e.getValue().path());
            outcomes.add(new FinalOutcome(x.text(), x.threads(), x.state(), x.deadlock(), finalStates, l,
                    Schedules.of(l)));
        }
        List<Search.OutcomeInfo> rest = new ArrayList<>();
        for (Search.OutcomeInfo o : os) {
            if (!ends.containsKey(o.text)) {
                rest.add(o);
            }
        }
        return rest;
    }

    /** The classes of interchangeable threads the search grouped, by name. */
    private static List<List<String>> interchangeable(Search s) {
        List<List<String>> out = new ArrayList<>();
        for (int[] c : s.classes) {
            List<String> names = new ArrayList<>();
            for (int t : c) {
                names.add(s.scenario.threads().get(t).name());
            }
            out.add(names);
        }
        return out;
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
