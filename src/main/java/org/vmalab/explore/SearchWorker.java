package org.vmalab.explore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Footprint;
import org.vmalab.engine.trace.StepRecord;

/**
 * One search thread. It owns an engine instance ({@link Explorable}) and runs a depth-first search with an explicit
 * stack; work is shared as schedule prefixes (a receiving worker replays the prefix on its own instance).
 *
 * <h2>Transitions</h2>
 * A transition is one engine step of one runnable thread. A step of a spinning thread that changes nothing but
 * its spin counter ({@code T_SPINS}, which nothing reads) leaves the state as it was: it is not a transition (the
 * thread is treated as waiting), so a spin loop never makes the state space infinite. Its violations, if any,
 * are still recorded. A state where no thread can make a transition and some thread has not finished is a
 * deadlock (every runnable thread spins forever, or all sleep).
 *
 * <h2>Reduction: sleep sets with state caching</h2>
 * Godefroid's sleep sets (Partial-Order Methods for the Verification of Concurrent Systems, LNCS 1032, 1996,
 * chapter 5). At a state, the transitions already explored there, and those inherited asleep from the parent,
 * are put to sleep in a child when they are independent of the transition taken ({@link Footprint}): their
 * successors are reached through the other order. Sleep sets prune transitions, never states: every reachable
 * state and every final state is still visited, and every transition that shows a violation has an explored
 * equivalent that shows the same violation (independent steps read nothing the other writes, so they behave the
 * same in either order). Combined with the visited table, a state stores the sleep set it was expanded with; a
 * later visit with sleep set Z expands the stored transitions not in Z (those were skipped before and may not be
 * covered now), and the stored set becomes the intersection; a visit whose sleep set contains the stored one is
 * pruned. Without state caching and with sleep sets, no two complete schedules explored are equivalent
 * (Mazurkiewicz), which is what makes the "schedules" count drop.
 *
 * <h2>Symmetry</h2>
 * Threads that run the same program in the same role are interchangeable ({@code Explorable#interchangeableThreads}):
 * renaming them maps states to states and transitions to transitions. With the symmetry reduction the visited table
 * is keyed by the canonical fingerprint ({@code Explorable#canonicalFingerprint}: one per orbit, a state and its
 * renamings), so one member of each orbit is expanded, and everything the table and the kept transitions hold is
 * in the canonical state's names: a transition is kept under its canonical choice ({@code Frame.order}), a stored
 * sleep set and the transitions a later visit must still expand are renamed into and out of the canonical names,
 * the thread that ran last (a preemption bound's key) too. The search itself runs on real states and real choices
 * (the schedule prefixes handed between workers replay as they are). Combined with sleep sets this is the sleep-set
 * search on the quotient graph (Emerson, Jha and Peled, Combining Partial Order and Symmetry Reductions, TACAS 1997):
 * the footprints, and so the independence of two steps, are renamed with the state (a renamed step reads and writes
 * the renamed words), so a sleeping transition of one member is a sleeping transition of every member under its
 * renamed name, and the argument that every state is visited and every violating transition has an explored
 * equivalent carries over orbit by orbit. {@link Orbits} maps what was found back to every renaming.
 *
 * <p>With a preemption bound the reduction is off: the equivalent order that covers a pruned transition may
 * need more preemptions, so the guarantee "every state reachable within K preemptions" would be lost. The visited
 * table then keys a state with the thread that ran last and re-expands a state reached with fewer preemptions.
 * With a step bound that cuts some schedule, a state reached again at a smaller depth is re-expanded.
 */
final class SearchWorker implements Runnable {
    private static final int DONATE_EVERY = 64;
    private static final int FLUSH_EVERY = 4096;

    private final Search s;
    private final Explorable m;
    private final Explorable.Mark initial;
    private final int n;
    private final EdgeBuffer edges = new EdgeBuffer();
    private final Visit visit = new Visit();
    /** The sleep set's footprints handed to the next state ({@link #arrive} copies them into its frame). */
    private final Footprint[] childFp;
    /** An empty sleep set's footprints. */
    private final Footprint[] noFp;

    private Frame[] stack = new Frame[64];
    private int sp;
    private int[] path = new int[256];
    /**
     * With the symmetry reduction: the renaming of the choices of the state last fingerprinted ({@link #fingerprint}).
     */
    private final int[] nextOrder;

    private long lStates;
    private long lSchedules;
    private long lSteps;
    private long lCacheHits;
    private long lSleep;
    private long lSpins;
    /**
     * This worker's transitions, the transitions its sleep sets pruned and its independence tests, counted since it
     * started; the pilot ({@link Search#judging}) judges on them when its transitions reach {@link #judgeAt}
     * ({@code Long.MAX_VALUE} in every other worker and after the judgement). Counted without a branch on whether this
     * worker is the pilot: a branch that changes its way once, when the pilot ends, would throw away the compiled
     * search loop there.
     */
    private long pTransitions;
    private long pPruned;
    private long pTests;
    private long judgeAt = Long.MAX_VALUE;
    /** The pilot this worker walks before it takes work ({@link Search#startPilot}), or null. */
    private Search pilot;
    /**
     * This worker waits for the JVM's warm-up before it takes work ({@link Search#warm}): every worker but the first.
     */
    private boolean awaitsWarmUp;
    private int lMaxDepth;
    private long sinceDonate;
    private long sinceFlush;
    private long edgeAllowance;

    SearchWorker(Search s) {
        this.s = s;
        this.m = Engine.explorable(s.scenario, s.options.checkLevel());
        this.initial = m.save();
        this.n = m.threadCount();
        this.nextOrder = new int[n];
        this.childFp = new Footprint[n];
        this.noFp = new Footprint[n];
        synchronized (s.buffers) {
            s.buffers.add(edges);
        }
    }

    Explorable machine() {
        return m;
    }

    /** Makes this worker walk {@code p} first (set before the worker's thread starts). */
    void pilot(Search p) {
        pilot = p;
    }

    /** Makes this worker wait for the JVM's warm-up before it takes work (set before the worker's thread starts). */
    void awaitWarmUp() {
        awaitsWarmUp = true;
    }

    /**
     * Walks the pilot on an engine instance and a visited table of its own, and tells the search when it has ended
     * (judged, or the search was within it). Nothing the pilot finds is kept: the search finds it again.
     */
    private void walkPilot(Search p) {
        SearchWorker w = null;
        try {
            w = new SearchWorker(p);
            p.symmetry(w.machine());
            w.runTask(new Search.Task(new int[0], 0, 0, 0, null, -1, 0, false, true));
        } catch (OutOfMemoryError e) {
            p.outOfMemory();
        } catch (RuntimeException | StackOverflowError e) {
            /* the engine failed outside a step: the pilot ends without a judgement; the search meets the failure */
        } finally {
            s.pilotEnded(p, w == null ? 0 : w.pTransitions);
        }
    }

    /**
     * A DFS frame: a state on the current path and what is left to do there. Frames are reused as the stack grows and
     * shrinks, with everything they hold (no allocation per transition).
     */
    private static final class Frame {
        Explorable.Mark snap;
        long fp;
        int depth;
        int via;
        int preemptions;
        int todo;
        int entrySleep;
        int sleepMask;
        /**
         * The footprints of the sleep set's transitions ({@code sleepFp[b]} for each bit {@code b} of
         * {@link #sleepMask}): this frame's own (in {@link #own}) and those its ancestors kept, which stay as they
         * are while this frame is on the stack.
         */
        Footprint[] sleepFp;
        /** The footprint of each transition expanded here ({@code own[t]}), kept for the sleep sets below. */
        Footprint[] own;
        boolean firstVisit;
        boolean anyReal;
        boolean viaReal;
        boolean shared;
        /** With the symmetry reduction: choice {@code c} here is choice {@code order[c]} in the canonical state. */
        int[] order;
    }

    @Override
    public void run() {
        long cpu0 = cpuNanos();
        try {
            if (pilot != null) {
                Search p = pilot;
                pilot = null;
                walkPilot(p);
            }
            if (awaitsWarmUp) {
                warmUp();
            }
            while (true) {
                Search.Task t = take();
                if (t == null) {
                    break;
                }
                try {
                    runTask(t);
                } catch (OutOfMemoryError e) {
                    /* nothing here may allocate: the reserve is dropped first */
                    s.outOfMemory();
                    sp = 0;
                } catch (RuntimeException | StackOverflowError e) {
                    /* the engine failed outside a step (replaying a prefix): the task's subtree is lost */
                    sp = 0;
                    error(e.getClass().getSimpleName() + ": " + e.getMessage(), 0, false);
                } finally {
                    s.outstanding.decrementAndGet();
                    flush();
                }
            }
        } catch (OutOfMemoryError e) {
            s.outOfMemory();
        } finally {
            try {
                flush();
            } catch (OutOfMemoryError e) {
                s.outOfMemory();
            }
            long cpu1 = cpuNanos();
            if (cpu0 >= 0 && cpu1 >= 0) {
                s.workerCpuNanos.add(cpu1 - cpu0);
            }
        }
    }

    /** This thread's CPU time so far, or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Waits, taking no work, until the JVM is warm ({@link Search#warm}) or the search has ended: the first worker's
     * code is then compiled, and this worker does not run the compiler's profiling code beside it.
     */
    private void warmUp() {
        long waited = System.nanoTime();
        while (!s.warm() && !s.cancelled && s.outstanding.get() > 0) {
            LockSupport.parkNanos(1_000_000);
        }
        s.warmUpNanos.add(System.nanoTime() - waited);
    }

    private Search.Task take() {
        Search.Task t = s.queue.pollFirst();
        if (t != null) {
            return t;
        }
        s.idle.incrementAndGet();
        long waited = System.nanoTime();
        try {
            while (true) {
                if (s.cancelled) {
                    return null;
                }
                t = s.queue.pollFirst();
                if (t != null) {
                    return t;
                }
                if (s.outstanding.get() == 0) {
                    return null;
                }
                LockSupport.parkNanos(100_000);
            }
        } finally {
            s.idle.decrementAndGet();
            s.workerIdleNanos.add(System.nanoTime() - waited);
        }
    }

    private void runTask(Search.Task t) {
        m.restore(initial);
        sp = 0;
        reserveEdges();
        if (t.root()) {
            judgeAt = s.judging ? pTransitions + s.judgeAfter : Long.MAX_VALUE;
            pPruned = 0;
            pTests = 0;
            s.rootFp = fingerprint();
            arrive(s.rootFp, 0, -1, 0, 0, noFp);
        } else {
            for (int i = 0; i < t.path().length; i++) {
                m.advance(t.path()[i]);
                lSteps++;
            }
            long fp = fingerprint();
            ensurePath(t.path().length + 1);
            System.arraycopy(t.path(), 0, path, 0, t.path().length);
            if (fp != t.fp()) {
                /* the same state under another fingerprint (a machine-local word the fingerprint does not
                   normalise): go on under this one; the explored graph is no longer connected at this point */
                s.fingerprintMismatches.increment();
                s.graphComplete = false;
            }
            Frame f = push();
            f.snap = m.save(f.snap);
            f.fp = fp;
            f.depth = t.path().length;
            f.via = t.via();
            f.preemptions = t.preemptions();
            f.todo = t.todo();
            f.entrySleep = t.sleepMask();
            f.sleepMask = t.sleepMask();
            System.arraycopy(t.sleepFp(), 0, f.sleepFp, 0, n);
            f.firstVisit = false;
            f.anyReal = true;
            f.viaReal = t.viaReal();
            f.shared = true;
            keepOrder(f);
        }
        dfs();
    }

    // ================================================================ the search

    private void dfs() {
        while (sp > 0) {
            if (s.cancelled) {
                sp = 0;
                return;
            }
            Frame f = stack[sp - 1];
            if (f.todo == 0) {
                finish(f);
                sp--;
                continue;
            }
            if (pTransitions >= judgeAt) {
                s.judge(s.judgeAfter, pPruned, pTests);
                judgeAt = Long.MAX_VALUE;
                continue; /* a pilot stops here */
            }
            if (++sinceDonate >= DONATE_EVERY) {
                sinceDonate = 0;
                if (s.idle.get() > 0 && s.queue.isEmpty()) {
                    donate();
                    if (f.todo == 0) {
                        continue;
                    }
                }
            }
            if (++sinceFlush >= FLUSH_EVERY) {
                sinceFlush = 0;
                flush();
            }
            int t = (f.todo & viaBit(f.via)) != 0 ? f.via : Integer.numberOfTrailingZeros(f.todo);
            f.todo &= ~(1 << t);
            expand(f, t);
        }
    }

    private void expand(Frame f, int t) {
        boolean reduce = s.reduction && !s.reductionOff;
        m.restore(f.snap);
        List<Violation> vs;
        ensurePath(f.depth + 2);
        path[f.depth] = t;
        try {
            vs = m.advance(t);
        } catch (RuntimeException | StackOverflowError e) {
            f.anyReal = true; /* not a deadlock: the engine failed here */
            error(e instanceof ScenarioException ? e.getMessage() : e.getClass().getSimpleName() + ": "
                    + e.getMessage(), f.depth + 1, e instanceof ScenarioException);
            return;
        }
        lSteps++;
        if (m.idle()) {
            lSpins++;
            if (t == f.via) {
                f.viaReal = false;
            }
            violations(f.fp, label(f, t), vs, f.depth + 1);
            return;
        }
        f.anyReal = true;
        if (t == f.via) {
            f.viaReal = true;
        }
        int p = f.preemptions;
        if (t != f.via && f.viaReal) { /* viaReal: the frame has a via (not the initial state's) */
            p++;
        }
        lStates++;
        pTransitions++;
        long fp = fingerprint();
        if (edgeAllowance == 0 && s.graphComplete) {
            edgeAllowance = s.edgeBudget.getAndAdd(-4096) > 0 ? 4096 : 0;
            if (edgeAllowance == 0) {
                s.graphComplete = false;
            }
        }
        if (edgeAllowance > 0) {
            edges.keep(f.fp, fp, label(f, t));
            edgeAllowance--;
        }
        violations(f.fp, label(f, t), vs, f.depth + 1);
        if (s.preemptionBounded && p > s.options.preemptionBound()) {
            s.cut("preemption bound " + s.options.preemptionBound());
            return;
        }
        int childMask = 0;
        Footprint[] sleepFp = f.sleepFp;
        if (reduce) {
            /* the step's footprint is kept here; the frame's last one for t (no longer in any sleep set: the frame
               expands t once while it holds this state) becomes the machine's for its next steps */
            Footprint fa = m.takeFootprint(f.own[t]);
            f.own[t] = fa;
            sleepFp = childFp;
            pTests += Integer.bitCount(f.sleepMask);
            for (int b = 0; b < n; b++) {
                if ((f.sleepMask & (1 << b)) != 0 && fa.independent(f.sleepFp[b])) {
                    childMask |= 1 << b;
                    childFp[b] = f.sleepFp[b];
                } else {
                    childFp[b] = null;
                }
            }
            if (s.options.audit() && childMask != 0) {
                audit(f, t, childMask, fp);
            }
            f.sleepFp[t] = fa;
            f.sleepMask |= 1 << t;
        }
        arrive(fp, f.depth + 1, t, p, childMask, sleepFp);
    }

    /** The machine is in a new state reached by {@code via}; expand it (push a frame) unless it is final or known. */
    private void arrive(long fp, int depth, int via, int preemptions, int sleepMask, Footprint[] sleepFp) {
        if (depth > lMaxDepth) {
            lMaxDepth = depth;
        }
        boolean allDone = m.allDone();
        int enabled = 0;
        if (!allDone) {
            for (int t = 0; t < n; t++) {
                if (m.enabled(t)) {
                    enabled |= 1 << t;
                }
            }
        }
        int viaKey = s.symmetry && via >= 0 ? nextOrder[via] : via;
        if (allDone || enabled == 0) {
            terminal(fp, depth, preemptionKey(fp, viaKey), false);
            return;
        }
        if (depth >= s.options.stepBound()) {
            if (s.table != null && s.table.compact()) {
                s.restartWide();
                return;
            }
            s.anyStepCut = true;
            s.cut("step bound " + s.options.stepBound());
            return;
        }
        int todo;
        boolean first;
        if (s.table != null) {
            visit.sleep = s.symmetry ? canonical(sleepMask, nextOrder) : sleepMask;
            visit.depth = depth;
            visit.preemptions = preemptions;
            visit.stepCut = s.anyStepCut;
            visit.preemptionBounded = s.preemptionBounded;
            s.table.compute(preemptionKey(fp, viaKey), visit);
            switch (visit.decision) {
                case Visit.NEW -> {
                    todo = enabled & ~sleepMask;
                    first = true;
                }
                case Visit.FULL -> {
                    todo = enabled & ~sleepMask;
                    first = false;
                }
                case Visit.PARTIAL -> {
                    todo = enabled & (s.symmetry ? concrete(visit.todo, nextOrder) : visit.todo);
                    first = false;
                }
                case Visit.TERMINAL -> {
                    reachedTerminal(fp, depth);
                    return;
                }
                default -> {
                    lCacheHits++;
                    return;
                }
            }
        } else {
            todo = enabled & ~sleepMask;
            first = true;
        }
        lSleep += Integer.bitCount(enabled & sleepMask);
        pPruned += Integer.bitCount(enabled & sleepMask);
        Frame f = push();
        f.snap = m.save(f.snap);
        f.fp = fp;
        f.depth = depth;
        f.via = via;
        f.preemptions = preemptions;
        f.todo = todo;
        f.entrySleep = sleepMask;
        f.sleepMask = sleepMask;
        System.arraycopy(sleepFp, 0, f.sleepFp, 0, n);
        f.firstVisit = first;
        f.anyReal = false;
        f.viaReal = false;
        f.shared = false;
        keepOrder(f);
    }

    /**
     * The fingerprint the visited table and the kept transitions use: with the symmetry reduction the canonical one
     * ({@link #nextOrder} receives the renaming of the choices), else the plain one.
     */
    private long fingerprint() {
        return s.symmetry ? m.canonicalFingerprint(nextOrder) : m.fingerprint();
    }

    /**
     * The choice {@code via} as a set: empty for the initial state's frame ({@code via} -1). Without a branch: the
     * compiled search loop takes the initial state's frame up again only late in a search (when the first child's
     * subtree is done), and a branch never taken until then would throw the compiled code away there.
     */
    private static int viaBit(int via) {
        return (1 << via) & ~(via >> 31);
    }

    /** A new frame is at the state last fingerprinted: it keeps that state's renaming. */
    private void keepOrder(Frame f) {
        if (s.symmetry) {
            if (f.order == null) {
                f.order = new int[n];
            }
            System.arraycopy(nextOrder, 0, f.order, 0, n);
        }
    }

    /** Choice {@code c} of the frame's state as the kept transitions name it: its canonical choice. */
    private int label(Frame f, int c) {
        return s.symmetry ? f.order[c] : c;
    }

    /** A set of choices of a state, renamed to the canonical state's ({@code order}). */
    static int canonical(int mask, int[] order) {
        int out = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            out |= 1 << order[Integer.numberOfTrailingZeros(m)];
        }
        return out;
    }

    /** A set of the canonical state's choices, renamed to the state's ({@code order}: the state's renaming). */
    static int concrete(int mask, int[] order) {
        int out = 0;
        for (int c = 0; c < order.length; c++) {
            if ((mask & (1 << order[c])) != 0) {
                out |= 1 << c;
            }
        }
        return out;
    }

    private long preemptionKey(long fp, int via) {
        return s.preemptionBounded ? StateTable.mix(fp + 0x9E3779B97F4A7C15L * (via + 2)) : fp;
    }

    /** Every thread that could run did nothing but spin: a deadlock, if this was a complete expansion. */
    private void finish(Frame f) {
        if (f.firstVisit && !f.shared && f.entrySleep == 0 && !f.anyReal) {
            m.restore(f.snap);
            terminal(f.fp, f.depth, preemptionKey(f.fp, s.symmetry && f.via >= 0 ? f.order[f.via] : f.via), true);
        }
    }

    /** A final state: every thread done, or none can make progress. */
    private void terminal(long fp, int depth, long key, boolean expanded) {
        if (s.table != null) {
            s.table.compute(key, old -> old == StateTable.ABSENT ? Visit.pack(0, true, depth, 0)
                    : old | Visit.TERMINAL_BIT);
        }
        Search.TerminalInfo info = s.terminals.get(fp);
        if (info == null) {
            info = describe(fp);
            Search.TerminalInfo prev = s.terminals.putIfAbsent(fp, info);
            if (prev != null) {
                info = prev;
            } else {
                info.outcome().finalStates.increment();
                info.outcome().orbitStates.add(s.symmetry ? m.orbitSize() : 1);
                for (Search.KindInfo k : info.kinds()) {
                    k.occurrences.increment();
                }
            }
        }
        offerTerminal(info, depth);
    }

    private void reachedTerminal(long fp, int depth) {
        Search.TerminalInfo info = s.terminals.get(fp);
        if (info != null) {
            offerTerminal(info, depth);
        } else {
            lSchedules++;
        }
    }

    private void offerTerminal(Search.TerminalInfo info, int depth) {
        lSchedules++;
        info.outcome().offer(path, depth);
        for (int i = 0; i < info.kinds().length; i++) {
            info.kinds()[i].offer(path, depth, info.examples()[i], info.waits());
        }
    }

    /** Outcome text and the findings of a final state (the final quiescent checks, or a deadlock). */
    private Search.TerminalInfo describe(long fp) {
        String[] names = m.threadNames();
        Ending e = Ending.of(m);
        boolean deadlock = e.deadlock();
        Search.OutcomeInfo o = s.outcome(e.text(), e.threads(), e.state(), deadlock);
        List<Search.KindInfo> kinds = new ArrayList<>();
        List<Violation> examples = new ArrayList<>();
        String waits = null;
        if (deadlock) {
            StringBuilder w = new StringBuilder();
            for (int t = 0; t < names.length; t++) {
                if (!m.done(t)) {
                    w.append(w.length() > 0 ? "; " : "").append(names[t]).append(' ').append(m.threadState(t));
                }
            }
            Search.KindInfo k = s.kind("DEADLOCK", Finding.Category.DEADLOCK, null);
            waits = w.toString();
            kinds.add(k);
            examples.add(null);
        } else {
            Map<String, Violation> fin = new LinkedHashMap<>();
            for (Violation v : m.finalCheck()) {
                fin.putIfAbsent(v.kind(), v);
            }
            for (Map.Entry<String, Violation> f : fin.entrySet()) {
                kinds.add(s.kind(f.getKey(), Finding.Category.VIOLATION, f.getValue().invariant()));
                examples.add(f.getValue());
            }
        }
        return new Search.TerminalInfo(o, kinds.toArray(new Search.KindInfo[0]), examples.toArray(new Violation[0]),
                waits);
    }

    /** How a final state ends, in words: the outcome's text, each thread's outcome, the state, deadlock or not. */
    record Ending(String text, List<String> threads, String state, boolean deadlock) {
        static Ending of(Explorable m) {
            String[] names = m.threadNames();
            List<String> threads = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < names.length; t++) {
                String r = m.threadOutcome(t);
                threads.add(r);
                text.append(t > 0 ? "; " : "").append(names[t]).append(": ").append(r);
            }
            String state = m.stateSummary();
            text.append(" | ").append(state);
            return new Ending(text.toString(), List.copyOf(threads), state, !m.allDone());
        }
    }

    private void violations(long fromFp, int t, List<Violation> vs, int len) {
        if (vs.isEmpty()) {
            return;
        }
        List<Search.KindInfo> seen = new ArrayList<>(vs.size());
        for (Violation v : vs) {
            Search.KindInfo k = s.kind(v.kind(), Finding.Category.VIOLATION, v.invariant());
            if (seen.contains(k)) {
                continue;
            }
            seen.add(k);
            k.occurrences.increment();
            k.offer(path, len, v, null);
            if (s.graphComplete) {
                edges.violation(fromFp, t, k.id);
            }
        }
    }

    private void error(String message, int len, boolean scenario) {
        if (s.errorCount.incrementAndGet() <= 20) {
            s.errors.add(new Search.ErrorInfo(message, Arrays.copyOf(path, len), scenario));
        }
    }

    // ================================================================ sharing work

    /** Hands the unexplored transitions of the frame nearest the root to the queue, as a replayable prefix. */
    private void donate() {
        for (int i = 0; i < sp; i++) {
            Frame f = stack[i];
            if (f.todo != 0 && f.anyReal) {
                s.submit(new Search.Task(Arrays.copyOf(path, f.depth), f.fp, f.todo, f.sleepMask,
                        copies(f.sleepFp), f.via, f.preemptions, f.viaReal, false));
                f.todo = 0;
                return;
            }
        }
    }

    /** The footprints, copied: the frames reuse theirs, another worker must not see them change. */
    private static Footprint[] copies(Footprint[] fps) {
        Footprint[] out = new Footprint[fps.length];
        for (int i = 0; i < fps.length; i++) {
            out[i] = fps[i] == null ? null : new Footprint(fps[i]);
        }
        return out;
    }

    // ================================================================ audit (tests)

    /**
     * Checks the independence of {@code t} with every thread kept asleep in the child: both orders from the
     * frame's state must give the same state and the same violation kinds. Leaves the machine in the child state.
     */
    private void audit(Frame f, int t, int kept, long childFp) {
        for (int b = 0; b < n; b++) {
            if ((kept & (1 << b)) == 0) {
                continue;
            }
            s.auditChecks.incrementAndGet();
            m.restore(f.snap);
            String problem = null;
            try {
                StepRecord ab1 = m.step(t);
                if (!m.enabled(b)) {
                    problem = "the step of T" + t + " disables T" + b;
                } else {
                    StepRecord ab2 = m.step(b);
                    long fpAb = m.fingerprint();
                    m.restore(f.snap);
                    StepRecord ba1 = m.step(b);
                    if (!m.enabled(t)) {
                        problem = "the step of T" + b + " disables T" + t;
                    } else {
                        StepRecord ba2 = m.step(t);
                        long fpBa = m.fingerprint();
                        if (fpAb != fpBa) {
                            problem = "different states";
                        } else if (!kinds(ab1).equals(kinds(ba2)) || !kinds(ab2).equals(kinds(ba1))) {
                            problem = "different violations";
                        }
                        if (problem != null) {
                            problem += ": T" + t + " " + ab1.loc() + " / T" + b + " " + ba1.loc();
                        }
                    }
                }
                lSteps += 4;
            } catch (RuntimeException e) {
                problem = "exception " + e;
            }
            if (problem != null) {
                s.auditFailures.add(problem + " after " + Arrays.toString(Arrays.copyOf(path, f.depth)));
            }
        }
        m.restore(f.snap);
        m.step(t);
        lSteps++;
        if (fingerprint() != childFp) {
            s.auditFailures.add("replaying T" + t + " gave a different state");
        }
    }

    private static List<String> kinds(StepRecord r) {
        List<String> k = new ArrayList<>();
        for (Violation v : r.violations()) {
            if (!k.contains(v.kind())) {
                k.add(v.kind());
            }
        }
        k.sort(null);
        return k;
    }

    // ================================================================ bookkeeping

    private Frame push() {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        Frame f = stack[sp];
        if (f == null) {
            f = new Frame();
            f.sleepFp = new Footprint[n];
            f.own = new Footprint[n];
            stack[sp] = f;
        }
        sp++;
        return f;
    }

    private void ensurePath(int len) {
        if (path.length < len) {
            path = Arrays.copyOf(path, Math.max(len, path.length * 2));
        }
    }

    /**
     * Room for the transitions kept until the next {@link #flush}: the search loop flushes at least every
     * {@link #FLUSH_EVERY} transitions, and each transition keeps at most one ({@link EdgeBuffer#keep}) while the
     * worker has an allowance or the search keeps transitions.
     */
    private void reserveEdges() {
        if (edgeAllowance > 0 || s.graphComplete) {
            edges.reserve(2 * FLUSH_EVERY);
        }
    }

    private void flush() {
        reserveEdges();
        Search.countInJvm(lStates);
        s.states.add(lStates);
        s.schedules.add(lSchedules);
        s.engineSteps.add(lSteps);
        s.cacheHits.add(lCacheHits);
        s.sleepPruned.add(lSleep);
        s.idleSpins.add(lSpins);
        lStates = 0;
        lSchedules = 0;
        lSteps = 0;
        lCacheHits = 0;
        lSleep = 0;
        lSpins = 0;
        s.maxDepth.accumulateAndGet(lMaxDepth, Math::max);
    }

    /** The visited-table update for one arrival (reused; runs under the table's segment lock). */
    static final class Visit implements StateTable.Update {
        static final int NEW = 0;
        static final int FULL = 1;
        static final int PARTIAL = 2;
        static final int PRUNE = 3;
        static final int TERMINAL = 4;
        /** Within the compact table's record bits: the sleep set is 14 bits (thread ids 0 to 13). */
        static final long TERMINAL_BIT = 1L << 14;

        int sleep;
        int depth;
        int preemptions;
        boolean stepCut;
        boolean preemptionBounded;
        int decision;
        int todo;

        static long pack(int sleep, boolean terminal, int depth, int preemptions) {
            return (sleep & 0x3FFFL) | (terminal ? TERMINAL_BIT : 0) | ((long) (preemptions & 0xFF) << 24)
                    | ((long) depth << 32);
        }

        @Override
        public long apply(long old) {
            if (old == StateTable.ABSENT) {
                decision = NEW;
                return pack(sleep, false, depth, preemptions);
            }
            if ((old & TERMINAL_BIT) != 0) {
                decision = TERMINAL;
                return old;
            }
            int stored = (int) (old & 0x3FFF);
            int oDepth = (int) (old >>> 32);
            int oPre = (int) ((old >>> 24) & 0xFF);
            if ((stepCut && depth < oDepth) || (preemptionBounded && preemptions < oPre)) {
                decision = FULL;
                return pack(sleep, false, Math.min(depth, oDepth), Math.min(preemptions, oPre));
            }
            if ((stored & ~sleep) == 0) {
                decision = PRUNE;
                return old;
            }
            decision = PARTIAL;
            todo = stored & ~sleep;
            return pack(stored & sleep, false, oDepth, oPre);
        }
    }
}
