package org.vmalab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;

/**
 * A search running in the background: progress, cancel, result. Start one with {@link Explorer#start}; the
 * workers and a monitor thread are daemon threads, so a window can close while one runs.
 */
public final class Exploration {
    private volatile Search search;
    private final Scenario scenario;
    private final ExploreOptions options;
    private volatile boolean userCancelled;
    private final ProgressListener listener;
    private final CompletableFuture<ExploreResult> future = new CompletableFuture<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Violation> initialViolations;
    private final List<SearchWorker> workers = new ArrayList<>();
    private volatile Thread monitorThread;
    private volatile long startNanos;
    private volatile long endNanos;
    private final long judgeAfter;

    Exploration(Scenario scenario, ExploreOptions options, ProgressListener listener) {
        this(scenario, options, listener, options.preemptionBound() == ExploreOptions.UNBOUNDED);
    }

    /** {@code compact}: start with the compact visited table (see {@link StateTable}), else the wide one. */
    Exploration(Scenario scenario, ExploreOptions options, ProgressListener listener, boolean compact) {
        this(scenario, options, listener, compact, Search.JUDGE_AFTER);
    }

    /** {@code judgeAfter}: the transitions after which the search judges its reduction ({@link Search#judging}). */
    Exploration(Scenario scenario, ExploreOptions options, ProgressListener listener, boolean compact,
                long judgeAfter) {
        this.scenario = scenario;
        this.options = options;
        this.judgeAfter = judgeAfter;
        this.search = new Search(scenario, options, compact, judgeAfter);
        this.listener = listener == null ? ProgressListener.NONE : listener;
        for (int i = 0; i < search.workers; i++) {
            workers.add(new SearchWorker(search));
        }
        search.symmetry(workers.get(0).machine());
        this.initialViolations = workers.get(0).machine().initialViolations();
    }

    void start() {
        startNanos = System.nanoTime();
        launch();
        Thread monitor = new Thread(this::monitor, "vmalab-explore-monitor");
        monitor.setDaemon(true);
        monitorThread = monitor;
        monitor.start();
    }

    /** Starts the workers of {@link #search} on its root. */
    private void launch() {
        search.submit(new Search.Task(new int[0], 0, 0, 0, null, -1, 0, false, true));
        workers.get(0).pilot(search.startPilot());
        threads.clear();
        for (int i = 0; i < workers.size(); i++) {
            if (i > 0 && search.options.warmUp() > 0) {
                workers.get(i).awaitWarmUp();
            }
            Thread t = new Thread(workers.get(i), "vmalab-explore-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    private void monitor() {
        try {
            long every = Math.max(10, search.options.progressMillis());
            while (true) {
                for (Thread t : threads) {
                    while (t.isAlive()) {
                        t.join(every);
                        if (t.isAlive()) {
                            report(false);
                        }
                    }
                }
                if (!search.wideNeeded || userCancelled || search.outOfMemory) {
                    break;
                }
                /* a step bound cut the compact-table search: the same search again with the wide table */
                Search wide = new Search(scenario, options, false, judgeAfter);
                workers.clear();
                for (int i = 0; i < wide.workers; i++) {
                    workers.add(new SearchWorker(wide));
                }
                wide.symmetry(workers.get(0).machine());
                search = wide;
                if (userCancelled) {
                    wide.cancel();
                }
                launch();
            }
            endNanos = System.nanoTime();
            ExploreResult r = Results.build(search, endNanos - startNanos, initialViolations);
            report(true);
            future.complete(r);
        } catch (Throwable e) {
            if (e instanceof OutOfMemoryError) {
                search.outOfMemory();
            }
            future.completeExceptionally(e);
        }
    }

    /** Tells the listener; running out of memory there stops the search like anywhere else. */
    private void report(boolean finished) {
        try {
            listener.progress(progress(finished));
        } catch (OutOfMemoryError e) {
            search.outOfMemory();
        }
    }

    Search search() {
        return search;
    }

    /** Asks the workers to stop; the result (incomplete, "cancelled") follows shortly. */
    public void cancel() {
        userCancelled = true;
        search.cancel();
    }

    public boolean isCancelled() {
        Search s = search;
        return userCancelled || s.cancelled && !s.wideNeeded;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Waits for the result. Never waits forever: if the monitor thread died without an answer (it can only die
     * when memory runs out even on its way out), the search ends with an {@link OutOfMemoryError} as its cause.
     */
    public ExploreResult join() {
        while (true) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Thread m = monitorThread;
                if (m != null && !m.isAlive() && !future.isDone()) {
                    search.outOfMemory();
                    future.completeExceptionally(new OutOfMemoryError("the search ran out of memory"));
                }
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the search");
            }
        }
    }

    public CompletableFuture<ExploreResult> future() {
        return future;
    }

    /** The counters now (cheap; slightly behind the workers). */
    public Progress progress() {
        return progress(future.isDone());
    }

    private Progress progress(boolean finished) {
        long now = endNanos != 0 ? endNanos : System.nanoTime();
        long ms = Math.max(0, (now - startNanos) / 1_000_000);
        long st = search.states.sum() + 1;
        long distinct = search.table != null ? search.table.size() : st;
        return new Progress(st, distinct, search.schedules.sum(), search.maxDepth.get(), ms,
                ms == 0 ? 0 : st * 1000.0 / ms, search.kindCount() + (initialViolations.isEmpty() ? 0 : 1), finished);
    }
}
