package org.vmalab.explore;

import org.vmalab.engine.Scenario;

/**
 * The explorer: searches every schedule of a scenario for violations of the checker's invariants and for
 * deadlocks, and reports each kind with its shortest schedule.
 *
 * <pre>{@code
 * ExploreResult r = Explorer.run(scenario, ExploreOptions.defaults());
 * for (Finding f : r.findings()) {
 *     Trace t = Engine.run(r.scenario(), f.schedule());   // the violation is on the last step
 * }
 * // in a window: off the FX thread, with progress and cancel
 * Exploration x = Explorer.start(scenario, options, p -> Platform.runLater(() -> bar.update(p)));
 * x.future().thenAccept(...);  x.cancel();
 * }</pre>
 *
 * <p>Design (details in {@link SearchWorker}): depth-first search over the engine's explorer-facing interface
 * ({@code engine.Explorable}: step, save, restore, fingerprint, footprint); a visited table of the engine's 64-bit
 * fingerprints ({@link StateTable}); a partial-order reduction by sleep sets with the footprint of each step (what
 * it read and wrote, as the engine gives it); an optional preemption bound and a step bound; one worker per core,
 * each with its own engine instance, sharing work as schedule prefixes; shortest schedules by a breadth-first
 * search over the explored state graph ({@link Graph}).
 */
public final class Explorer {
    private Explorer() {
    }

    /** Searches and waits for the result. */
    public static ExploreResult run(Scenario scenario, ExploreOptions options) {
        return run(scenario, options, ProgressListener.NONE);
    }

    public static ExploreResult run(Scenario scenario, ExploreOptions options, ProgressListener listener) {
        Exploration x = start(scenario, options, listener);
        try {
            return x.join();
        } catch (RuntimeException e) {
            x.cancel();
            throw e;
        }
    }

    /**
     * Starts a search in the background and returns at once.
     *
     * @throws org.vmalab.engine.ScenarioException when the scenario's initial layout cannot be built
     */
    public static Exploration start(Scenario scenario, ExploreOptions options, ProgressListener listener) {
        Exploration x = new Exploration(scenario, options, listener);
        x.start();
        return x;
    }
}
