package org.vmalab.explore.bench;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.vmalab.engine.Scenario;
import org.vmalab.explore.Exploration;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.explore.ProgressListener;
import org.vmalab.explore.ScheduleCounter;
import org.vmalab.explore.Stats;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/**
 * The explorer's benchmark (not a test: run it by hand, see docs/PERFORMANCE.md):
 *
 * <pre>
 * mvn -B -Pbench -Dbench.main=org.vmalab.explore.bench.ExplorerBench -Djmh.args=lessons
 * </pre>
 *
 * For every part of the race lessons (11 to 15): the complete search (state caching and sleep sets) on 1 and 2
 * workers, best of 5 runs after warm-up; the number of complete schedules plain enumeration would run (counted
 * exactly on the full state graph), and the schedules run with sleep sets and no state caching. Then states per
 * second on lesson 16, the largest state space of the lessons, on 1 and 2 workers.
 */
public final class ExplorerBench {
    private ExplorerBench() {
    }

    static final int REPEAT = 5;
    static final long STATELESS_LIMIT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "lessons");
        System.out.println("# explorer benchmark, " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println();
        System.out.println("| lesson, part | protection | verdict | distinct states | states | time 1 worker "
                + "| time 2 workers | states/s (2) | plain schedules | sleep-set schedules (no cache) | ratio |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String[]> lessons = List.of(new String[] {"11-race-a-lockless-walk.yaml", "11"},
                new String[] {"12-race-b-use-after-free.yaml", "12"}, new String[] {"13-race-b-empty-node.yaml", "13"},
                new String[] {"14-race-c-clear-node.yaml", "14"}, new String[] {"15-race-d-vmacache.yaml", "15"});
        warmUp(LessonLoader.load(dir.resolve("12-race-b-use-after-free.yaml")).parts().get(0).scenario());
        for (String[] l : lessons) {
            Lesson lesson = LessonLoader.load(dir.resolve(l[0]));
            List<Scenario> seen = new ArrayList<>();
            for (int i = 0; i < lesson.parts().size(); i++) {
                Part p = lesson.parts().get(i);
                if (seen.contains(p.scenario())) {
                    continue;
                }
                seen.add(p.scenario());
                row(l[1] + "." + (i + 1), p.scenario());
            }
        }
        System.out.println();
        Lesson l12 = LessonLoader.load(dir.resolve("16-fairness-and-cost.yaml"));
        System.out.println("| lesson 16, part | workers | distinct states | states | schedules | time | states/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < l12.parts().size(); i++) {
            for (int w : new int[] {1, 2}) {
                ExploreResult r = Explorer.run(l12.parts().get(i).scenario(), ExploreOptions.defaults().withThreads(w));
                Stats s = r.stats();
                System.out.printf(Locale.ROOT, "| 16.%d %s | %d | %,d | %,d | %,d | %.1f s | %,.0f |%n", i + 1,
                        l12.parts().get(i).scenario().protection().policy(), w, s.distinctStates(), s.states(),
                        s.schedules(), s.elapsedSeconds(), s.statesPerSecond());
            }
        }
    }

    static void warmUp(Scenario sc) {
        for (int i = 0; i < 20; i++) {
            Explorer.run(sc, ExploreOptions.defaults().withThreads(2));
            Explorer.run(sc, ExploreOptions.defaults().withThreads(1));
        }
    }

    static Stats best(Scenario sc, ExploreOptions o) {
        Stats best = null;
        for (int i = 0; i < REPEAT; i++) {
            Stats s = Explorer.run(sc, o).stats();
            if (best == null || s.elapsedNanos() < best.elapsedNanos()) {
                best = s;
            }
        }
        return best;
    }

    static void row(String name, Scenario sc) {
        ExploreOptions o = ExploreOptions.defaults();
        ExploreResult r = Explorer.run(sc, o.withThreads(2));
        Stats one = best(sc, o.withThreads(1));
        Stats two = best(sc, o.withThreads(2));
        BigInteger plain = ScheduleCounter.count(sc, o);
        Exploration x = Explorer.start(sc, o.withStateCaching(false).withThreads(2), ProgressListener.NONE);
        ExploreResult stateless;
        try {
            stateless = x.future().get(STATELESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            x.cancel();
            stateless = x.join();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long sleep = stateless.stats().schedules();
        String sleepText = String.format(Locale.ROOT, "%,d", sleep) + (stateless.complete() ? "" : " (cut)");
        String ratio = sleep == 0 || !stateless.complete() ? "-" : ratio(plain, sleep);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %.1f ms | %.1f ms | %,.0f | %s | %s | %s |%n",
                name, sc.protection().label(), r.verdict().name().toLowerCase(Locale.ROOT), two.distinctStates(),
                two.states(), one.elapsedNanos() / 1e6, two.elapsedNanos() / 1e6, two.statesPerSecond(),
                big(plain), sleepText, ratio);
    }

    static String big(BigInteger b) {
        if (b.signum() < 0) {
            return "?";
        }
        if (b.bitLength() < 40) {
            return String.format(Locale.ROOT, "%,d", b);
        }
        return String.format(Locale.ROOT, "%.2e", b.doubleValue());
    }

    static String ratio(BigInteger plain, long reduced) {
        if (plain.signum() <= 0) {
            return "-";
        }
        double r = plain.doubleValue() / reduced;
        return r < 1e6 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.1ex", r);
    }
}
