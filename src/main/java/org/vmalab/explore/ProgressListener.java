package org.vmalab.explore;

/**
 * Receives progress reports of a search. Called on the search's own monitor thread (never a worker, never the
 * JavaFX thread): a window hands the report to its UI thread itself.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void progress(Progress p);
}
