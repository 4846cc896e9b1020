package org.vmalab.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Footprint;

/** The state of one exploration shared by its workers: the visited table, the work queue, counters, findings. */
final class Search {
    final Scenario scenario;
    final ExploreOptions options;
    final StateTable table;
    final boolean reduction;
    final boolean preemptionBounded;
    final int workers;

    final LongAdder states = new LongAdder();
    final LongAdder schedules = new LongAdder();
    final LongAdder engineSteps = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder sleepPruned = new LongAdder();
    final LongAdder idleSpins = new LongAdder();
    final LongAdder fingerprintMismatches = new LongAdder();
    final AtomicInteger maxDepth = new AtomicInteger();
    /** The workers' CPU time and the wall time they waited for work ({@link Stats}). */
    final LongAdder workerCpuNanos = new LongAdder();
    final LongAdder workerIdleNanos = new LongAdder();
    final AtomicLong tasks = new AtomicLong();
    /** The wall time the workers after the first waited for the JVM's warm-up ({@link #warm}), all together. */
    final LongAdder warmUpNanos = new LongAdder();

    /** Transitions made by every search in this JVM so far, pilots included (the workers flush theirs). */
    private static final LongAdder TRANSITIONS_IN_JVM = new LongAdder();

    static void countInJvm(long transitions) {
        TRANSITIONS_IN_JVM.add(transitions);
    }

    /**
     * Whether this JVM has made the {@link ExploreOptions#warmUp} transitions after which every worker searches: by
     * then the compiler has compiled the search's hot code. Before, the first worker searches alone: on a cold JVM
     * every method runs first in code that profiles it for the compiler, into counters that every thread running it
     * updates, and two workers in that code spend two to three times the CPU of one (the compiler's thread, busy
     * meanwhile, takes the rest of two cores).
     */
    boolean warm() {
        return TRANSITIONS_IN_JVM.sum() >= options.warmUp();
    }
    final AtomicLong edgeBudget;
    volatile boolean graphComplete = true;

    /**
     * The search's own judgement of its reduction (with state caching only, where sleep sets save transitions, never
     * states), made on counted work, so that it is the same on any machine, under any load and with any number of
     * workers: after the first {@link #judgeAfter} transitions of the depth-first search from the initial state (the
     * pilot, the same every time) it weighs what the sleep sets saved, the transitions they pruned, against what they
     * cost, counted in transitions ({@link #reductionPays}), and switches the reduction off for the rest of the search
     * when it costs more. Turning it off is sound at any point: every transition is then explored, including those a
     * stored sleep set had skipped. A search that ends within the pilot keeps its reduction.
     *
     * <p>With one worker the pilot is the start of the search itself. With more, the first worker walks it alone on a
     * {@link #pilot} search of its own (its own visited table and counters, nothing it finds is kept: it is the same
     * walk, so it counts what one worker would) while the other workers search from the initial state; then it joins
     * them, and the search ends only after the pilot has ended, so that the decision is always made when one worker
     * would make it. The pilot's 10,000 transitions are made twice (a few milliseconds), and no worker waits for it.
     */
    volatile boolean reductionOff;
    /** Transitions made when the reduction was switched off, or -1. */
    volatile long reductionOffAt = -1;
    /** This search judges its reduction on its own first transitions (one worker, or a {@link #pilot}). */
    volatile boolean judging;
    /**
     * With more than one worker: the pilot, a one-worker search of its own that judges the reduction for this one
     * ({@link #judged}); null before it starts and with one worker.
     */
    volatile Search pilot;
    /** For a pilot: the search whose reduction it judges, else null. */
    private final Search judged;
    /** The transitions the {@link #pilot} walked when it ended, or -1 (no pilot, or not ended). */
    volatile long pilotWalked = -1;
    /** Transitions of the pilot before the judgement. */
    final long judgeAfter;
    static final long JUDGE_AFTER = 10_000;
    /**
     * What the sleep sets cost for each transition, in transitions: taking the step's footprint, keeping it and
     * handing the sleep set on (a fiftieth of a transition), and for each independence test of the step against a
     * sleeping transition a hundredth more. Measured with the timed judgement this replaced, on lessons 14 and 16,
     * one worker: 65 to 130 ns a transition for the reduction, with 1.6 to 3.6 tests a transition, against 3 to
     * 4.4 microseconds a transition (2 to 3%); the constants round that up.
     */
    static final double COST_PER_TRANSITION = 1.0 / 50;
    static final double COST_PER_TEST = 1.0 / 100;

    /**
     * Whether the reduction pays after {@code transitions} transitions with {@code tests} independence tests, which
     * pruned {@code pruned} transitions (each one a transition saved).
     */
    static boolean reductionPays(long transitions, long pruned, long tests) {
        return pruned >= COST_PER_TRANSITION * transitions + COST_PER_TEST * tests;
    }

    /**
     * The judgement ({@link #judging}) after {@code transitions}: switches the reduction off if it does not pay; a
     * {@link #pilot} switches off its search's and stops.
     */
    void judge(long transitions, long pruned, long tests) {
        Search target = judged != null ? judged : this;
        if (!reductionPays(transitions, pruned, tests)) {
            target.reductionOffAt = transitions;
            target.reductionOff = true;
        }
        judging = false;
        if (judged != null) {
            cancelled = true;
        }
    }

    /**
     * With more than one worker and a reduction to judge: the {@link #pilot} that judges it, a one-worker search of
     * the same scenario with a visited table of the same layout (the first worker runs it, {@link SearchWorker#pilot}),
     * else null. It counts as outstanding work until it has ended ({@link #pilotEnded}).
     */
    Search startPilot() {
        if (!judging || workers == 1) {
            return null;
        }
        Search p = new Search(scenario, options.withThreads(1), table.compact(), judgeAfter, this);
        judging = false;
        outstanding.incrementAndGet();
        pilot = p;
        if (cancelled) {
            p.cancelled = true;
        }
        return p;
    }

    /**
     * The pilot has ended after {@code walked} transitions (judged, or the whole search was within it): what stopped it
     * stops this search too.
     */
    void pilotEnded(Search p, long walked) {
        pilotWalked = walked;
        if (p.outOfMemory) {
            outOfMemory();
        } else if (p.wideNeeded) {
            restartWide();
        }
        pilot = null;
        outstanding.decrementAndGet();
    }

    /** Stops every worker, and the pilot. */
    void cancel() {
        cancelled = true;
        Search p = pilot;
        if (p != null) {
            p.cancelled = true;
        }
    }

    volatile boolean cancelled;
    /** Memory ran out somewhere in the search: it stopped, incomplete. */
    volatile boolean outOfMemory;
    /**
     * Headroom for the way out: dropped when memory runs out, so that the workers can stop, the result can be
     * built and the caller can report it (nothing on that path may fail for want of a few megabytes).
     */
    private volatile byte[] reserve = new byte[RESERVE_BYTES];
    static final int RESERVE_BYTES = 4 << 20;
    /** Why the search stopped when memory ran out. */
    static final String OUT_OF_MEMORY = "out of memory: the search was stopped (give the JVM more memory, e.g. "
            + "-Xmx8g, or bound the search)";
    volatile boolean anyStepCut;
    final Set<String> cuts = ConcurrentHashMap.newKeySet();

    /** Kinds of finding by name, and their ids (index in {@link #kindList}). */
    final Map<String, KindInfo> kinds = new ConcurrentHashMap<>();
    final List<KindInfo> kindList = new ArrayList<>();
    final Map<String, OutcomeInfo> outcomes = new ConcurrentHashMap<>();
    final List<OutcomeInfo> outcomeList = new ArrayList<>();
    final Map<Long, TerminalInfo> terminals = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<ErrorInfo> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorCount = new AtomicInteger();

    final AtomicLong auditChecks = new AtomicLong();
    final ConcurrentLinkedQueue<String> auditFailures = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedDeque<Task> queue = new ConcurrentLinkedDeque<>();
    final AtomicInteger outstanding = new AtomicInteger();
    final AtomicInteger idle = new AtomicInteger();

    final List<EdgeBuffer> buffers = new ArrayList<>();
    volatile long rootFp;

    /**
     * The symmetry reduction is on: the visited table, the transitions kept and the sleep sets stored there are in
     * the canonical form of each state (see {@link SearchWorker}); {@link Orbits} maps findings and outcomes back.
     */
    boolean symmetry;
    /** The classes of interchangeable threads the engine named (empty when the reduction is off). */
    int[][] classes = new int[0][];

    /**
     * Turns the symmetry reduction on if the options ask for it and {@code m}'s scenario has interchangeable threads.
     */
    void symmetry(Explorable m) {
        int[][] c = options.symmetryInEffect() ? m.interchangeableThreads() : new int[0][];
        classes = c;
        symmetry = c.length > 0;
    }

    /**
     * A compact-table search was cut by the step bound: it stops, and the exploration starts again with the wide
     * table, whose records keep the depth a state was reached at (a state reached again at a smaller depth must be
     * expanded again, which the compact table cannot tell).
     */
    volatile boolean wideNeeded;

    Search(Scenario scenario, ExploreOptions options) {
        this(scenario, options, options.preemptionBound() == ExploreOptions.UNBOUNDED);
    }

    /** {@code compact}: the compact visited table (8 bytes a slot, no depths), else the wide one. */
    Search(Scenario scenario, ExploreOptions options, boolean compact) {
        this(scenario, options, compact, JUDGE_AFTER);
    }

    /** {@code judgeAfter}: the pilot's transitions before the reduction is judged ({@link #judging}). */
    Search(Scenario scenario, ExploreOptions options, boolean compact, long judgeAfter) {
        this(scenario, options, compact, judgeAfter, null);
    }

    private Search(Scenario scenario, ExploreOptions options, boolean compact, long judgeAfter, Search judged) {
        this.judged = judged;
        this.scenario = scenario;
        this.options = options;
        /* a pilot's table is updated as the table of the search it judges is (the first worker walks one, then
           the other: one way of updating, so that the JIT compiles the search's code for that way once) */
        this.table = options.stateCaching() ? new StateTable(compact, options.workers() > 1 || judged != null) : null;
        this.reduction = options.reductionInEffect();
        this.preemptionBounded = options.preemptionBound() != ExploreOptions.UNBOUNDED;
        this.workers = options.workers();
        this.judgeAfter = judgeAfter;
        this.judging = reduction && table != null && !options.audit();
        this.edgeBudget = new AtomicLong(options.stateCaching()
                ? Math.min(options.maxEdges(), edgesForHeap(Runtime.getRuntime().maxMemory())) : 0);
        if (!options.stateCaching()) {
            graphComplete = false;
        }
    }

    /** Bytes a kept transition costs at most: 17 in a worker's buffer, 18 in the graph while it is built. */
    static final int BYTES_PER_EDGE = 48;

    /**
     * Transitions kept for the shortest-schedule search within a quarter of the heap ({@code maxHeap}), so that a
     * search in a small heap (-Xmx1g) completes: beyond them the shortest schedules are those the search ran into,
     * reported as not proven shortest. With the JVM's usual heap the option's limit (20 million) is the smaller.
     */
    static long edgesForHeap(long maxHeap) {
        return maxHeap / 4 / BYTES_PER_EDGE;
    }

    /** A unit of work: the schedule prefix to a state and the threads still to explore there. */
    record Task(int[] path, long fp, int todo, int sleepMask, Footprint[] sleepFp, int via, int preemptions,
                boolean viaReal, boolean root) {
    }

    void submit(Task t) {
        outstanding.incrementAndGet();
        tasks.incrementAndGet();
        queue.addLast(t);
    }

    /** One kind of finding. */
    static final class KindInfo {
        final int id;
        final String kind;
        final Finding.Category category;
        final Invariant invariant;
        final LongAdder occurrences = new LongAdder();
        /** Shortest schedule the search itself ran into, and the violation on its last step. */
        int[] path;
        Violation example;
        String deadlockText;

        KindInfo(int id, String kind, Finding.Category category, Invariant invariant) {
            this.id = id;
            this.kind = kind;
            this.category = category;
            this.invariant = invariant;
        }

        synchronized void offer(int[] p, int len, Violation v, String text) {
            if (path == null || len < path.length) {
                path = Arrays.copyOf(p, len);
                example = v;
                deadlockText = text;
            }
        }
    }

    KindInfo kind(String name, Finding.Category category, Invariant inv) {
        KindInfo k = kinds.get(name);
        if (k != null) {
            return k;
        }
        synchronized (kindList) {
            k = kinds.get(name);
            if (k == null) {
                k = new KindInfo(kindList.size(), name, category, inv);
                kindList.add(k);
                kinds.put(name, k);
            }
            return k;
        }
    }

    /** A distinct final outcome text. */
    static final class OutcomeInfo {
        final int id;
        final String text;
        final List<String> threads;
        final String state;
        final boolean deadlock;
        final LongAdder finalStates = new LongAdder();
        /** With the symmetry reduction: the final states of {@link #finalStates}'s orbits, all renamings counted. */
        final LongAdder orbitStates = new LongAdder();
        int[] path;

        OutcomeInfo(int id, String text, List<String> threads, String state, boolean deadlock) {
            this.id = id;
            this.text = text;
            this.threads = threads;
            this.state = state;
            this.deadlock = deadlock;
        }

        synchronized void offer(int[] p, int len) {
            if (path == null || len < path.length) {
                path = Arrays.copyOf(p, len);
            }
        }
    }

    OutcomeInfo outcome(String text, List<String> threads, String state, boolean deadlock) {
        OutcomeInfo o = outcomes.get(text);
        if (o != null) {
            return o;
        }
        synchronized (outcomeList) {
            o = outcomes.get(text);
            if (o == null) {
                o = new OutcomeInfo(outcomeList.size(), text, threads, state, deadlock);
                outcomeList.add(o);
                outcomes.put(text, o);
            }
            return o;
        }
    }

    /** A final state: its outcome and the kinds found on it (final checks, deadlock: who waits for what). */
    record TerminalInfo(OutcomeInfo outcome, KindInfo[] kinds, Violation[] examples, String waits) {
    }

    /** An exception thrown by the engine on some schedule. */
    record ErrorInfo(String message, int[] path, boolean scenario) {
    }

    /** Memory ran out: frees the reserve and stops every worker. Allocates nothing. */
    void outOfMemory() {
        reserve = null;
        outOfMemory = true;
        cancel();
    }

    void cut(String reason) {
        cuts.add(reason);
    }

    /** Stops a compact-table search that a step bound cut, for a new one with the wide table. */
    void restartWide() {
        wideNeeded = true;
        cancel();
    }

    int kindCount() {
        return kinds.size();
    }
}
