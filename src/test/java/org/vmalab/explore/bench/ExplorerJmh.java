package org.vmalab.explore.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vmalab.engine.Scenario;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.lesson.LessonLoader;

/**
 * JMH: the complete search of lesson 9's scenario (a speculative fault on heap against munmap(heap)) per
 * protection part, with and without the reduction, on 1 and 2 workers. Run from the project root:
 * {@code mvn -B -Pbench -Djmh.args="ExplorerJmh"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ExplorerJmh {
    /**
     * Part of the race (b) lessons: 1 NO_LOCK, 2 NO_REFCOUNT (lessons/12-race-b-use-after-free.yaml), 3 the patch, 4
     * NO_EMPTY_CHECK (lessons/13-race-b-empty-node.yaml, its parts 1 and 2).
     */
    @Param({"1", "3"})
    int part;

    @Param({"1", "2"})
    int workers;

    @Param({"true", "false"})
    boolean reduction;

    Scenario scenario;
    ExploreOptions options;

    @Setup
    public void setUp() throws Exception {
        scenario = LessonLoader.load(Path.of(part <= 2 ? "lessons/12-race-b-use-after-free.yaml"
                : "lessons/13-race-b-empty-node.yaml")).parts().get((part - 1) % 2).scenario();
        options = ExploreOptions.defaults().withThreads(workers).withReduction(reduction);
    }

    @Benchmark
    public ExploreResult completeSearch() {
        return Explorer.run(scenario, options);
    }
}
