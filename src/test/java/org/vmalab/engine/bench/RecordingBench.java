package org.vmalab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;

/** Recording: a writer's munmap/map pairs on an n-VMA tree, recorded as a trace; and seeking in a trace. */
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@State(Scope.Benchmark)
public class RecordingBench {
    @Param({"1000", "65530"})
    int n;

    @Param({"NONE", "ESSENTIAL"})
    String check;

    Scenario scenario;

    /** A writer that unmaps and maps back random VMAs: about 60 steps per pair. */
    static Scenario writer(int n, int pairs) {
        long[] slots = BenchLayouts.slots(n, 42);
        SplittableRandom r = new SplittableRandom(3);
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            long slot = slots[r.nextInt(n)];
            long s = BenchLayouts.start(slot);
            long e = BenchLayouts.end(slot);
            ops.add(new Op.Munmap(s, e));
            ops.add(new Op.Map("v", s, e, Scenarios.RW, false, 0));
        }
        return Scenario.of("bench", BenchLayouts.layout(slots, n),
                List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER, ops)), Protection.PATCH);
    }

    @Setup(Level.Trial)
    public void setup() {
        scenario = writer(n, 200);
    }

    /** One recorded run; steps per second = trace size / time (printed by PerfReport). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Trace record() {
        return Engine.run(scenario, Schedule.roundRobin(), CheckLevel.valueOf(check));
    }

    /** Seeking to random steps of a trace of about 10^5 steps. */
    @State(Scope.Benchmark)
    public static class Long {
        Trace trace;
        TraceCursor cursor;
        int[] targets;
        int k;

        @Setup(Level.Trial)
        public void setup() {
            trace = Engine.run(writer(1000, 1700), Schedule.roundRobin(), CheckLevel.NONE);
            cursor = trace.cursor();
            SplittableRandom r = new SplittableRandom(5);
            targets = new int[1024];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = r.nextInt(trace.size() + 1);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public int seekRandom(Long l) {
        return l.cursor.seek(l.targets[l.k++ & 1023]).index();
    }
}
