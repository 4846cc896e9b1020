package org.vmalab.viewmodel;

/**
 * Where the player runs engine work and how it gets back to the UI thread. The window runs work on a
 * daemon thread and posts with {@code Platform.runLater}; tests run both inline.
 */
public interface TaskRunner {
    /** Runs work inline and posts inline: for tests and tools. */
    TaskRunner INLINE = new TaskRunner() {
        @Override
        public void execute(Runnable work) {
            work.run();
        }

        @Override
        public void post(Runnable onUiThread) {
            onUiThread.run();
        }
    };

    /** Runs {@code work} off the UI thread. */
    void execute(Runnable work);

    /** Runs {@code onUiThread} on the UI thread. */
    void post(Runnable onUiThread);
}
