package org.vmalab.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;

/**
 * The A/B table: one scenario explored under each protection setting (the patch, each part of it taken away, each
 * bug variant, the kernel before the patch), so that what each finds can be read side by side. The scenario's
 * rwlock policy is kept. Runs one setting after the other, each on all workers.
 *
 * @param rows one per setting, in {@link #settings} order (fewer if cancelled)
 */
public record AbTable(Scenario scenario, ExploreOptions options, List<Row> rows, boolean cancelled) {
    /** The settings, in table order: null is the patch as written. */
    public static final List<ProtectionToggle> SETTINGS;

    static {
        List<ProtectionToggle> s = new ArrayList<>();
        s.add(null);
        s.addAll(List.of(ProtectionToggle.NO_LOCK, ProtectionToggle.NO_REFCOUNT, ProtectionToggle.NO_EMPTY_CHECK,
                ProtectionToggle.CLEAR_BEFORE_ERASE,
                ProtectionToggle.SPF_USES_VMACACHE, ProtectionToggle.PRE_PATCH));
        SETTINGS = java.util.Collections.unmodifiableList(s);
    }

    /** The settings of {@code sc}'s table: {@link #SETTINGS}, and NO_RELEASE when its stores are relaxed. */
    public static List<ProtectionToggle> settings(Scenario sc) {
        if (!sc.protection().relaxed()) {
            return SETTINGS;
        }
        List<ProtectionToggle> s = new ArrayList<>(SETTINGS);
        s.add(ProtectionToggle.NO_RELEASE);
        return java.util.Collections.unmodifiableList(s);
    }

    public AbTable {
        rows = List.copyOf(rows);
    }

    /** One setting's search. */
    public record Row(String setting, Protection protection, ExploreResult result) {
        /** The kinds found, consequences first (shortest schedule first), then design rules marked "(rule)". */
        public List<String> kinds() {
            List<String> k = new ArrayList<>();
            for (Finding f : result.findings()) {
                k.add(f.kind() + (f.rule() ? " (rule)" : ""));
            }
            return k;
        }
    }

    /** Progress of an A/B run: which setting, and that search's progress. */
    public record AbProgress(int row, int rows, String setting, Progress progress) {
    }

    /** Receives A/B progress on a background thread. */
    @FunctionalInterface
    public interface Listener {
        void progress(AbProgress p);
    }

    /** The protection of a setting, keeping the scenario's rwlock policy and its lock options. */
    public static Protection protection(Scenario sc, ProtectionToggle setting) {
        EnumSet<ProtectionToggle> s = EnumSet.noneOf(ProtectionToggle.class);
        s.addAll(sc.protection().options());
        if (setting != null) {
            s.add(setting);
        }
        return new Protection(s, sc.protection().policy());
    }

    public static String label(ProtectionToggle setting) {
        return setting == null ? "PATCH" : setting.name();
    }

    /** Runs every setting and waits. */
    public static AbTable run(Scenario sc, ExploreOptions options) {
        return start(sc, options, null).join();
    }

    /** Starts the table in the background. */
    public static Run start(Scenario sc, ExploreOptions options, Listener listener) {
        Run r = new Run(sc, options, listener);
        Thread t = new Thread(r::body, "vmalab-ab");
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** A running A/B table: cancel, result. */
    public static final class Run {
        private final Scenario scenario;
        private final ExploreOptions options;
        private final Listener listener;
        private final CompletableFuture<AbTable> future = new CompletableFuture<>();
        private volatile boolean cancelled;
        private volatile Exploration current;

        Run(Scenario scenario, ExploreOptions options, Listener listener) {
            this.scenario = scenario;
            this.options = options;
            this.listener = listener;
        }

        private void body() {
            try {
                List<Row> rows = new ArrayList<>();
                List<ProtectionToggle> settings = settings(scenario);
                for (int i = 0; i < settings.size() && !cancelled; i++) {
                    ProtectionToggle s = settings.get(i);
                    Protection p = protection(scenario, s);
                    String label = label(s);
                    int row = i;
                    Exploration x = Explorer.start(scenario.withProtection(p), options, pr -> {
                        if (listener != null) {
                            listener.progress(new AbProgress(row, settings.size(), label, pr));
                        }
                    });
                    current = x;
                    if (cancelled) {
                        x.cancel();
                    }
                    rows.add(new Row(label, p, x.join()));
                }
                future.complete(new AbTable(scenario, options, rows, cancelled));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }

        public void cancel() {
            cancelled = true;
            Exploration x = current;
            if (x != null) {
                x.cancel();
            }
        }

        public AbTable join() {
            return future.join();
        }

        public CompletableFuture<AbTable> future() {
            return future;
        }
    }

    /** The row of the patch as written, or null. */
    public Row patch() {
        return rows.isEmpty() || !rows.get(0).setting().equals("PATCH") ? null : rows.get(0);
    }
}
