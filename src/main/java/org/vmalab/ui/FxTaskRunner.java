package org.vmalab.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.vmalab.viewmodel.TaskRunner;

/** Engine runs on one daemon thread; results come back with {@link Platform#runLater}. */
final class FxTaskRunner implements TaskRunner {
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmalab-engine");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable work) {
        exec.execute(work);
    }

    @Override
    public void post(Runnable onUiThread) {
        Platform.runLater(onUiThread);
    }

    void shutdown() {
        exec.shutdownNow();
    }
}
