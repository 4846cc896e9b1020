package org.vmalab.explore;

import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Schedule;

/** The JSON of a search and of an A/B table (documented in docs/CHECK-JSON.md). */
public final class ResultJson {
    private ResultJson() {
    }

    public static String verdict(ExploreResult.Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /** The search options as an object. */
    public static void options(JsonWriter w, ExploreOptions o) {
        w.beginObject();
        w.field("step_bound", o.stepBound());
        w.name("preemption_bound");
        if (o.preemptionBound() == ExploreOptions.UNBOUNDED) {
            w.nullValue();
        } else {
            w.value(o.preemptionBound());
        }
        w.field("reduction", o.reduction());
        w.field("reduction_in_effect", o.reductionInEffect());
        w.field("state_caching", o.stateCaching());
        w.field("symmetry", o.symmetry());
        w.field("threads", o.workers());
        w.field("check_level", o.checkLevel().name());
        w.endObject();
    }

    /** The fields of one search's result (inside an object the caller opened). */
    public static void resultFields(JsonWriter w, ExploreResult r) {
        Scenario sc = r.scenario();
        String[] names = Results.names(sc);
        w.field("scenario", sc.title());
        w.field("protection", sc.protection().label());
        w.field("rwlock", sc.protection().policy().name());
        w.field("granularity", sc.granularity().name());
        w.name("threads").beginArray();
        for (ThreadSpec t : sc.threads()) {
            w.beginObject().field("name", t.name()).field("role", t.role().label()).endObject();
        }
        w.endArray();
        w.field("verdict", verdict(r.verdict()));
        w.field("complete", r.complete());
        w.name("incomplete_reasons").beginArray();
        for (String s : r.incompleteReasons()) {
            w.value(s);
        }
        w.endArray();
        Stats s = r.stats();
        w.name("stats").beginObject();
        w.field("states", s.states());
        w.field("distinct_states", s.distinctStates());
        w.field("schedules", s.schedules());
        w.field("max_depth", s.maxDepth());
        w.field("elapsed_ms", Math.round(s.elapsedNanos() / 100_000.0) / 10.0);
        w.field("states_per_second", Math.round(s.statesPerSecond()));
        w.field("worker_cpu_ms", Math.round(s.workerCpuNanos() / 100_000.0) / 10.0);
        w.field("states_per_worker_cpu_second", Math.round(s.statesPerWorkerCpuSecond()));
        w.field("worker_idle_ms", Math.round(s.workerIdleNanos() / 100_000.0) / 10.0);
        w.field("warm_up_ms", Math.round(s.warmUpNanos() / 100_000.0) / 10.0);
        w.field("assembly_ms", Math.round(s.assemblyNanos() / 100_000.0) / 10.0);
        w.field("engine_steps", s.engineSteps());
        w.field("cache_hits", s.cacheHits());
        w.field("sleep_set_pruned", s.sleepPruned());
        w.field("reduction_off_at", s.reductionOffAt());
        w.field("idle_spins", s.idleSpins());
        w.field("workers", s.workers());
        w.field("symmetry", s.symmetry());
        w.field("symmetric_threads", s.symmetricThreads());
        w.name("interchangeable_threads").beginArray();
        for (List<String> c : s.interchangeable()) {
            w.beginArray();
            for (String t : c) {
                w.value(t);
            }
            w.endArray();
        }
        w.endArray();
        w.field("fingerprint_collision_probability", r.collisionProbability());
        w.endObject();
        w.field("shortest_exact", r.shortestExact());
        w.name("outcomes").beginArray();
        for (FinalOutcome o : r.outcomes()) {
            w.beginObject();
            w.field("text", o.text());
            w.name("threads").beginObject();
            for (int i = 0; i < o.threads().size(); i++) {
                w.field(names[i], o.threads().get(i));
            }
            w.endObject();
            w.field("state", o.state());
            w.field("deadlock", o.deadlock());
            w.field("final_states", o.finalStates());
            w.name("example");
            schedule(w, o.example(), names);
            w.endObject();
        }
        w.endArray();
        w.name("findings").beginArray();
        for (Finding f : r.findings()) {
            w.beginObject();
            w.field("kind", f.kind());
            w.field("category", f.category().name().toLowerCase(Locale.ROOT));
            w.field("invariant", f.invariant() == null ? null : f.invariant().id());
            w.field("rule", f.invariant() == null ? "no thread can make progress" : f.invariant().description());
            w.field("design_rule", f.rule());
            Violation v = f.example();
            w.field("message", v == null ? null : v.message());
            w.field("thread", v == null ? null : Reports.threadOf(v, names));
            w.field("step", v == null ? f.steps() : v.step());
            w.field("summary", f.summary());
            w.field("occurrences", f.occurrences());
            w.field("shortest", f.shortest());
            w.name("schedule");
            schedule(w, f.threads(), names);
            w.endObject();
        }
        w.endArray();
        w.name("errors").beginArray();
        for (EngineError e : r.errors()) {
            w.beginObject();
            w.field("message", e.message());
            w.field("scenario_problem", e.scenarioProblem());
            w.name("schedule");
            schedule(w, e.threads(), names);
            w.endObject();
        }
        w.endArray();
    }

    /** A schedule: its length, the thread of each step, the engine's slots and the scenario-file text. */
    public static void schedule(JsonWriter w, List<Integer> threads, String[] names) {
        w.beginObject();
        w.field("steps", threads.size());
        w.name("slots").beginArray();
        for (Schedule.Slot sl : Schedules.of(threads).prefix()) {
            w.beginObject().field("thread", names[sl.thread()]).field("count", sl.count()).endObject();
        }
        w.endArray();
        w.field("text", Reports.scheduleText(threads, names));
        w.name("threads").beginArray();
        for (int t : threads) {
            w.value(t);
        }
        w.endArray();
        w.endObject();
    }

    /** The A/B table's rows (inside an object the caller opened). */
    public static void abFields(JsonWriter w, AbTable t) {
        w.field("cancelled", t.cancelled());
        w.name("rows").beginArray();
        for (AbTable.Row row : t.rows()) {
            w.beginObject();
            w.field("setting", row.setting());
            resultFields(w, row.result());
            w.endObject();
        }
        w.endArray();
    }
}
