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
    final AtomicLong edgeBudget;
    volatile boolean graphComplete = true;

    /**
     * The search's own judgement of its reduction (with state caching only, where sleep sets save transitions, never
     * states): once {@link #JUDGE_AFTER} transitions were made, it compares what the sleep sets cost per transition
     * (their footprint comparisons and copies, timed on a sample of transitions) with what they saved (the pruned
     * transitions, each worth the average cost of a transition: a step, its fingerprint and a table lookup), and
     * switches the reduction off for the rest of the search when it costs more. Turning it off is sound at any point:
     * every transition is then explored, including those a stored sleep set had skipped.
     */
    volatile boolean reductionOff;
    /** States at which the reduction was switched off, or -1. */
    volatile long reductionOffAt = -1;
    static final long JUDGE_AFTER = 200_000;
    final LongAdder sampledTransitions = new LongAdder();
    final LongAdder sampledTransitionNanos = new LongAdder();
    final LongAdder sampledReductionNanos = new LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean judged = new java.util.concurrent.atomic.AtomicBoolean();

    /** Called by a worker now and then: decides once, when enough was seen, whether the reduction pays. */
    void judgeReduction() {
        if (!reduction || table == null || options.audit() || judged.get()) {
            return;
        }
        long n = states.sum();
        long samples = sampledTransitions.sum();
        if (n < JUDGE_AFTER || samples < 1000 || !judged.compareAndSet(false, true)) {
            return;
        }
        double transition = sampledTransitionNanos.sum() / (double) samples;
        double reductionCost = sampledReductionNanos.sum() / (double) samples;
        double saved = transition * sleepPruned.sum() / (double) Math.max(1, n);
        if (reductionCost > saved) {
            reductionOffAt = n;
            reductionOff = true;
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

    /** Turns the symmetry reduction on if the options ask for it and {@code m}'s scenario has interchangeable threads. */
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
        this.scenario = scenario;
        this.options = options;
        this.table = options.stateCaching() ? new StateTable(compact, options.workers() > 1) : null;
        this.reduction = options.reductionInEffect();
        this.preemptionBounded = options.preemptionBound() != ExploreOptions.UNBOUNDED;
        this.workers = options.workers();
        this.edgeBudget = new AtomicLong(options.stateCaching()
                ? Math.min(options.maxEdges(), edgesForHeap(Runtime.getRuntime().maxMemory())) : 0);
        if (!options.stateCaching()) {
            graphComplete = false;
        }
    }

    /** Bytes a kept transition costs at most: 17 in a worker's buffer (twice that while it grows), 14 in the graph. */
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
        cancelled = true;
    }

    void cut(String reason) {
        cuts.add(reason);
    }

    /** Stops a compact-table search that a step bound cut, for a new one with the wide table. */
    void restartWide() {
        wideNeeded = true;
        cancelled = true;
    }

    int kindCount() {
        return kinds.size();
    }
}
