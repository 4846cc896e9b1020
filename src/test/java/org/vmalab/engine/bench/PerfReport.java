package org.vmalab.engine.bench;

import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;

/**
 * Prints what JMH does not: steps per run and bytes per recorded step, for the recording benchmark's
 * scenarios. Run: {@code mvn -B -Pbench -Dbench.main=org.vmalab.engine.bench.PerfReport}.
 */
public final class PerfReport {
    private PerfReport() {
    }

    public static void main(String[] args) {
        for (int n : new int[] {1000, 65530}) {
            Scenario sc = RecordingBench.writer(n, 200);
            for (int warm = 0; warm < 3; warm++) {
                Engine.run(sc, Schedule.roundRobin(), CheckLevel.NONE);
            }
            long t0 = System.nanoTime();
            Trace t = Engine.run(sc, Schedule.roundRobin(), CheckLevel.NONE);
            long ns = System.nanoTime() - t0;
            System.out.printf("n=%d steps=%d time=%.1f ms steps/s=%.0f bytes/step=%.1f stores/step=%.2f%n", n,
                    t.size(), ns / 1e6, t.size() / (ns / 1e9), (double) t.recordedBytes() / t.size(),
                    storesPerStep(t));
        }
        Trace big = Engine.run(RecordingBench.writer(1000, 1700), Schedule.roundRobin(), CheckLevel.NONE);
        System.out.printf("long trace: steps=%d bytes/step=%.1f%n", big.size(), 
                (double) big.recordedBytes() / big.size());
    }

    static double storesPerStep(Trace t) {
        long s = 0;
        for (int i = 1; i <= t.size(); i++) {
            s += t.storeCount(i);
        }
        return (double) s / t.size();
    }
}
