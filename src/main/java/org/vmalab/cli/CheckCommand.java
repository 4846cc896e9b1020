package org.vmalab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ScenarioException;
import org.vmalab.explore.AbTable;
import org.vmalab.explore.EngineError;
import org.vmalab.explore.Exploration;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.explore.Finding;
import org.vmalab.explore.JsonWriter;
import org.vmalab.explore.Progress;
import org.vmalab.explore.ProgressListener;
import org.vmalab.explore.Reports;
import org.vmalab.explore.ResultJson;
import org.vmalab.lesson.Expectation;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check FILE}: explores every schedule of a lesson's or scenario file's parts; see docs/CLI.md. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Explore every schedule of each part of a lesson or scenario file and report each kind of "
                + "violation with its shortest schedule, and the distinct final outcomes.",
                "The search is exhaustive (state caching, sleep-set reduction, one worker per core) unless a bound "
                        + "cuts it; a run cut short is reported as incomplete, never as a pass.",
                "Exit code: 0 complete and no violation, 1 a violation found, 3 incomplete without violation, "
                        + "2 bad input. With --ab: 1 when the patch itself shows a violation.",
                "The JSON (--json) is described in docs/CHECK-JSON.md."})
public final class CheckCommand implements Callable<Integer> {
    /** The largest {@code --time-limit}: a year. */
    static final int MAX_TIME_LIMIT = 366 * 24 * 3600;

    @Parameters(index = "0", paramLabel = "FILE", description = "a lesson or scenario file (YAML), or the id of a "
            + "built-in lesson (vmalab lessons lists them)")
    Path file;

    @Option(names = "--bound", paramLabel = "N", description = "longest schedule explored, in steps (default: "
            + ExploreOptions.DEFAULT_STEP_BOUND + ")")
    Integer bound;

    @Option(names = "--preemptions", paramLabel = "K", description = "explore only schedules with at most K "
            + "preemptions (switches away from a thread that could go on); turns the reduction off")
    Integer preemptions;

    @Option(names = "--no-reduction", description = "no partial-order reduction (for comparison)")
    boolean noReduction;

    @Option(names = "--no-symmetry", description = "no symmetry reduction: threads with the same program and role "
            + "are not taken as interchangeable (for comparison)")
    boolean noSymmetry;

    @Option(names = "--no-cache", description = "no visited-state table: enumerate schedules (for comparison)")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default and most: one per "
            + "processor)")
    Integer threads;

    @Option(names = "--part", paramLabel = "N", description = "only part N (1-based)")
    Integer part;

    @Option(names = "--ab", description = "A/B table: explore the part (the first one unless --part) under each "
            + "protection setting (the patch, NO_LOCK, NO_REFCOUNT, NO_EMPTY_CHECK, CLEAR_BEFORE_ERASE, "
            + "SPF_USES_VMACACHE, PRE_PATCH) and show side by side what each finds")
    boolean ab;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "stop the search after SECONDS in all "
            + "(every part, or the whole A/B table); the run is then incomplete (exit 3) and reports what it found "
            + "so far")
    Integer timeLimit;

    /** When the time limit runs out, in {@link System#nanoTime()} terms; meaningful only with a time limit. */
    private long deadline;

    @Option(names = "--json", description = "print the result as JSON on standard output")
    boolean json;

    @Option(names = "--progress", description = "report progress on standard error every second, one line each "
            + "time (for logs; on a terminal a progress bar shows anyway)")
    boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar on standard error (it shows only on a "
            + "terminal, once the search has taken a second)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    ExploreOptions options() {
        ExploreOptions o = ExploreOptions.defaults();
        if (bound != null) {
            if (bound < 1) {
                throw new UserError("--bound must be at least 1");
            }
            o = o.withStepBound(bound);
        }
        if (preemptions != null) {
            if (preemptions < 0 || preemptions > 250) {
                throw new UserError("--preemptions must be between 0 and 250");
            }
            o = o.withPreemptionBound(preemptions);
        }
        if (threads != null) {
            if (threads < 0) {
                throw new UserError("--threads must be 0 (one per processor) or more");
            }
            /* more workers than processors only wait for each other */
            o = o.withThreads(Math.min(threads, Math.max(1, Runtime.getRuntime().availableProcessors())));
        }
        if (timeLimit != null && (timeLimit < 1 || timeLimit > MAX_TIME_LIMIT)) {
            throw new UserError("--time-limit must be between 1 and " + MAX_TIME_LIMIT + " seconds");
        }
        return o.withReduction(!noReduction).withStateCaching(!noCache).withSymmetry(!noSymmetry)
                .withProgressMillis(progress ? 1000 : 250).withWarmUp(ExploreOptions.COLD_JVM_WARM_UP);
    }

    int run(PrintWriter out, PrintWriter err) {
        ExploreOptions options = options();
        deadline = System.nanoTime() + (timeLimit == null ? 0 : timeLimit * 1_000_000_000L);
        Lesson lesson;
        Path given = file;
        file = LessonArgs.require(file);
        try {
            Fatal.doing("reading " + file);
            lesson = LessonLoader.load(file);
        } catch (LessonException e) {
            throw new UserError(e.getMessage());
        }
        List<Part> parts = lesson.parts();
        UserError noPart = part == null ? null : LessonArgs.noSuchPart(given, part, parts.size());
        if (noPart != null) {
            throw noPart;
        }
        if (ab) {
            return runAb(lesson, part == null ? 1 : part, options, out, err);
        }
        /* each distinct scenario once; parts that share it are reported together */
        List<Scenario> scenarios = new ArrayList<>();
        List<List<Integer>> partsOf = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (part != null && part != i + 1) {
                continue;
            }
            Scenario sc = parts.get(i).scenario();
            int k = scenarios.indexOf(sc);
            if (k < 0) {
                scenarios.add(sc);
                partsOf.add(new ArrayList<>(List.of(i + 1)));
            } else {
                partsOf.get(k).add(i + 1);
            }
        }
        List<ExploreResult> results = new ArrayList<>();
        for (int k = 0; k < scenarios.size(); k++) {
            int first = partsOf.get(k).get(0);
            results.add(explore(scenarios.get(k), options, "part " + first, err));
        }
        int code = exitCode(results);
        engineErrorLine(results, partsOf, err);
        if (json) {
            JsonWriter w = new JsonWriter().beginObject();
            w.field("format", "vmalab-check").field("version", 1);
            header(w, lesson);
            w.name("options");
            ResultJson.options(w, options);
            jvm(w);
            w.field("verdict", overall(code)).field("exit_code", code);
            w.name("parts").beginArray();
            for (int k = 0; k < results.size(); k++) {
                Part p = parts.get(partsOf.get(k).get(0) - 1);
                w.beginObject();
                w.field("part", partsOf.get(k).get(0));
                w.field("title", p.title());
                w.name("same_scenario_parts").beginArray();
                for (int i : partsOf.get(k)) {
                    w.value(i);
                }
                w.endArray();
                w.field("explore_part", p.explore());
                expectation(w, p, results.get(k));
                ResultJson.resultFields(w, results.get(k));
                w.endObject();
            }
            w.endArray();
            out.println(w.endObject());
            out.flush();
            return code;
        }
        int nThreads = options.workers();
        out.println(file + ": " + (lesson.title().isEmpty() ? lesson.id() : lesson.title()) + " (" + parts.size()
                + (parts.size() == 1 ? " part" : " parts") + ", " + nThreads
                + (nThreads == 1 ? " worker)" : " workers)"));
        for (int k = 0; k < results.size(); k++) {
            Part p = parts.get(partsOf.get(k).get(0) - 1);
            ExploreResult r = results.get(k);
            out.println();
            out.println(partLabel(partsOf.get(k), p) + " (" + r.scenario().protection().label() + ", rwlock "
                    + r.scenario().protection().policy().name().toLowerCase(Locale.ROOT) + ")");
            out.print(Reports.text(r, "  "));
            if (p.explore() && p.expect().isStated()) {
                List<String> d = mismatches(p.expect(), r);
                out.println("  expectation of the part: " + (d.isEmpty() ? "holds" : String.join("; ", d)));
            }
        }
        out.println();
        out.println("result: " + words(code) + " (exit " + code + ")");
        out.flush();
        return code;
    }

    /**
     * When memory ran out or the engine failed on some schedule, one line on standard error says so (the report
     * has the details).
     */
    private void engineErrorLine(List<ExploreResult> results, List<List<Integer>> partsOf, PrintWriter err) {
        for (int k = 0; k < results.size(); k++) {
            if (results.get(k).incompleteReasons().stream().anyMatch(r -> r.startsWith("out of memory"))) {
                Fatal.line(err, "error: out of memory while exploring part " + partsOf.get(k).get(0) + " of " + file
                        + " (this Java has a heap of " + Fatal.heapMiB() + " MiB): the search is incomplete; give "
                        + "Java more memory (java -Xmx2g -jar vmalab.jar ...) or bound the search",
                        ExitCodes.INCOMPLETE);
                return;
            }
            for (EngineError e : results.get(k).errors()) {
                boolean scenario = scenarioProblem(e);
                Fatal.line(err, (scenario ? "error: " : "internal error: ") + file + ": part " + partsOf.get(k).get(0)
                        + ": " + (scenario ? "the model cannot run this scenario on some schedule: "
                        : "the engine failed on some schedule (please report it): ") + e.message(),
                        scenario ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL);
                return;
            }
        }
    }

    /** The scenario asks for something the model refuses, or does not model (rather than a bug in the model). */
    static boolean scenarioProblem(EngineError e) {
        return e.scenarioProblem() || e.message().contains("is not modelled") || e.message().contains("are not "
                + "modelled");
    }

    private ExploreResult explore(Scenario sc, ExploreOptions options, String what, PrintWriter err) {
        Fatal.doing("exploring " + what + " of " + file, ExitCodes.INCOMPLETE);
        try (TermProgress bar = TermProgress.start(what, "states", -1, quiet || progress)) {
            ProgressListener l = progress ? p -> err.println("progress: " + what + ": " + progressLine(p)) : p -> {
                bar.stepTo(p.states());
                bar.extra(Reports.count(p.distinctStates()) + " distinct, depth " + p.maxDepth() + ", "
                        + Reports.count(Math.round(p.statesPerSecond())) + " states/s"
                        + (p.kinds() > 0 ? ", " + p.kinds() + (p.kinds() == 1 ? " kind" : " kinds") + " of violation"
                        : ""));
            };
            Exploration x = Explorer.start(sc, options, l);
            try {
                return waitFor(x.future(), x::cancel) ? atTimeLimit(x.join()) : x.join();
            } catch (RuntimeException e) {
                x.cancel();
                throw e;
            }
        } catch (ScenarioException e) {
            throw new UserError(file + ": " + what + ": " + e.getMessage());
        }
    }

    /**
     * Waits for a search until it ends or the time limit runs out, whichever comes first (without a limit, until
     * it ends). Returns true when the limit ran out: the search has then been asked to stop.
     */
    private boolean waitFor(CompletableFuture<?> f, Runnable cancel) {
        if (timeLimit == null) {
            return false;
        }
        while (!f.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancel.run();
                return true;
            }
            try {
                f.get(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                /* not yet, or failed: join() reports a failure as the search's own */
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.run();
                return true;
            }
        }
        return false;
    }

    private String stoppedWords() {
        return "stopped at the time limit (" + timeLimit + " s)";
    }

    /**
     * A search stopped by the time limit says so, where a search stopped by hand says {@link ExploreResult#CANCELLED}.
     */
    private ExploreResult atTimeLimit(ExploreResult r) {
        if (!r.incompleteReasons().contains(ExploreResult.CANCELLED)) {
            return r;
        }
        List<String> reasons = new ArrayList<>();
        for (String s : r.incompleteReasons()) {
            reasons.add(s.equals(ExploreResult.CANCELLED) ? stoppedWords() : s);
        }
        return new ExploreResult(r.scenario(), r.options(), r.complete(), reasons, r.stats(), r.outcomes(),
                r.findings(), r.errors(), r.shortestExact(), r.collisionProbability(), r.auditChecks(),
                r.auditFailures());
    }

    static String progressLine(Progress p) {
        return String.format(Locale.ROOT, "%s states (%s distinct), %s schedules, depth %d, %.1f s, %s states/s%s",
                Reports.count(p.states()), Reports.count(p.distinctStates()), Reports.count(p.schedules()),
                p.maxDepth(), p.elapsedMillis() / 1000.0, Reports.count(Math.round(p.statesPerSecond())),
                p.kinds() > 0 ? ", " + p.kinds() + " kinds of violation" : "");
    }

    private int runAb(Lesson lesson, int partNo, ExploreOptions options, PrintWriter out, PrintWriter err) {
        Part p = lesson.parts().get(partNo - 1);
        Fatal.doing("exploring part " + partNo + " of " + file + " under each protection setting",
                ExitCodes.INCOMPLETE);
        AbTable t;
        try (TermProgress bar = TermProgress.start("A/B table", "states", -1, quiet || progress)) {
            AbTable.Run run = AbTable.start(p.scenario(), options, progress
                    ? x -> err.println("progress: " + x.setting() + " (" + (x.row() + 1) + "/" + x.rows() + "): "
                    + progressLine(x.progress())) : x -> {
                        bar.stepTo(x.progress().states());
                        bar.extra(x.setting() + " (" + (x.row() + 1) + " of " + x.rows() + ")");
                    });
            if (waitFor(run.future(), run::cancel)) {
                AbTable cut = run.join();
                List<AbTable.Row> rows = new ArrayList<>();
                for (AbTable.Row row : cut.rows()) {
                    rows.add(new AbTable.Row(row.setting(), row.protection(), atTimeLimit(row.result())));
                }
                t = new AbTable(cut.scenario(), cut.options(), rows, true);
            } else {
                t = run.join();
            }
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof ScenarioException s) {
                throw new UserError(file + ": part " + partNo + ": " + s.getMessage());
            }
            throw e;
        }
        int code = abExitCode(t);
        if (json) {
            JsonWriter w = new JsonWriter().beginObject();
            w.field("format", "vmalab-ab").field("version", 1);
            header(w, lesson);
            w.field("part", partNo).field("title", p.title());
            w.name("options");
            ResultJson.options(w, options);
            w.field("exit_code", code);
            ResultJson.abFields(w, t);
            out.println(w.endObject());
            out.flush();
            return code;
        }
        out.println(file + ": A/B table of " + partLabel(List.of(partNo), p));
        out.println();
        out.print(Reports.abText(t, timeLimit == null ? ExploreResult.CANCELLED : stoppedWords()));
        out.println();
        for (AbTable.Row row : t.rows()) {
            for (Finding f : row.result().findings()) {
                out.println(row.setting() + ": " + f.kind() + ": " + Reports.scheduleText(f.threads(),
                        names(row.result())));
            }
        }
        out.println();
        out.println("result: " + (code == ExitCodes.OK ? "the patch is safe in every schedule; the table shows "
                + "what each setting lets happen" : words(code)) + " (exit " + code + ")");
        out.flush();
        return code;
    }

    /** The names of the schedule's choices (the threads, and with RELAXED_STORES their flush choices). */
    private static String[] names(ExploreResult r) {
        return r.scenario().scheduleNames().toArray(new String[0]);
    }

    /** The JVM the search ran in: its collector (see {@link ThroughputJvm}), processors and largest heap. */
    private static void jvm(JsonWriter w) {
        w.name("jvm").beginObject().field("collector", ThroughputJvm.collector())
                .field("processors", Runtime.getRuntime().availableProcessors())
                .field("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20).endObject();
    }

    private void header(JsonWriter w, Lesson lesson) {
        w.field("file", file.toString());
        w.name("lesson").beginObject().field("id", lesson.id()).field("title", lesson.title()).endObject();
    }

    private static String partLabel(List<Integer> nos, Part p) {
        StringBuilder b = new StringBuilder(nos.size() == 1 ? "part " : "parts ");
        for (int i = 0; i < nos.size(); i++) {
            b.append(i > 0 ? ", " : "").append(nos.get(i));
        }
        if (p.title() != null && !p.title().isEmpty()) {
            b.append(" \"").append(p.title()).append('"');
        }
        return b.toString();
    }

    /** The part's expect block read as a claim about the search (for parts whose schedule is "explore"). */
    static List<String> mismatches(Expectation e, ExploreResult r) {
        List<String> out = new ArrayList<>();
        if (Boolean.FALSE.equals(e.violations()) && !r.findings().isEmpty()) {
            out.add("expected no violation in any schedule, found " + r.findings().get(0).kind());
        }
        if (e.expectsViolations() && r.findings().isEmpty()) {
            out.add("expected a violation, none found" + (r.complete() ? "" : " (incomplete)"));
        }
        for (var inv : e.invariants()) {
            if (!r.breaks(inv.id())) {
                out.add("expected " + inv.id() + ", not found");
            }
        }
        return out;
    }

    private static void expectation(JsonWriter w, Part p, ExploreResult r) {
        if (!p.explore() || !p.expect().isStated()) {
            w.name("expectation").nullValue();
            return;
        }
        List<String> d = mismatches(p.expect(), r);
        w.name("expectation").beginObject().field("holds", d.isEmpty()).name("differences").beginArray();
        for (String s : d) {
            w.value(s);
        }
        w.endArray().endObject();
    }

    static int exitCode(List<ExploreResult> results) {
        boolean violation = false;
        boolean incomplete = false;
        boolean internal = false;
        boolean scenario = false;
        for (ExploreResult r : results) {
            violation |= !r.findings().isEmpty();
            incomplete |= !r.complete();
            for (EngineError e : r.errors()) {
                if (scenarioProblem(e)) {
                    scenario = true;
                } else {
                    internal = true;
                }
            }
        }
        if (violation) {
            return ExitCodes.VIOLATION;
        }
        if (internal) {
            return ExitCodes.INTERNAL;
        }
        if (scenario) {
            return ExitCodes.BAD_INPUT;
        }
        return incomplete ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    static int abExitCode(AbTable t) {
        AbTable.Row patch = t.patch();
        if (patch == null) {
            return ExitCodes.INCOMPLETE;
        }
        int code = exitCode(List.of(patch.result()));
        if (code != ExitCodes.OK) {
            return code;
        }
        for (AbTable.Row row : t.rows()) {
            if (!row.result().complete() && row.result().findings().isEmpty()) {
                return ExitCodes.INCOMPLETE;
            }
        }
        return t.cancelled() || t.rows().size() < AbTable.settings(t.scenario()).size() ? ExitCodes.INCOMPLETE
                : ExitCodes.OK;
    }

    private static String overall(int code) {
        return switch (code) {
            case ExitCodes.OK -> ResultJson.verdict(ExploreResult.Verdict.PASS);
            case ExitCodes.VIOLATION -> ResultJson.verdict(ExploreResult.Verdict.VIOLATION);
            case ExitCodes.INCOMPLETE -> ResultJson.verdict(ExploreResult.Verdict.INCOMPLETE);
            default -> ResultJson.verdict(ExploreResult.Verdict.ERROR);
        };
    }

    private static String words(int code) {
        return switch (code) {
            case ExitCodes.OK -> "no violation, every schedule explored";
            case ExitCodes.VIOLATION -> "violation found";
            case ExitCodes.INCOMPLETE -> "incomplete: no violation found, but not every schedule was explored";
            case ExitCodes.BAD_INPUT -> "the scenario asks for something the model refuses on some schedule";
            default -> "the engine failed on some schedule (please report it)";
        };
    }
}
