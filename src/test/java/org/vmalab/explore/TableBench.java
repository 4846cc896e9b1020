package org.vmalab.explore;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The visited table alone (a bench main on the test class path, not a test): THREADS threads update one compact table,
 * as the workers of a search do: KEYS distinct keys, each visited three times on average in a random order (a third of
 * the updates insert, as in lesson 16 with symmetry), ROUNDS times on a new table. Prints the threads' CPU nanoseconds
 * an update, each round. SHARED (default: more than one thread) chooses the table's update for several workers.
 * {@code java -cp <test class path> org.vmalab.explore.TableBench THREADS KEYS ROUNDS [SHARED]}
 */
public final class TableBench {
    private TableBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int keys = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        for (int r = 0; r < rounds; r++) {
            StateTable t = new StateTable(true, args.length > 3 ? Boolean.parseBoolean(args[3]) : threads > 1);
            long[] cpu = new long[threads];
            Thread[] ts = new Thread[threads];
            int per = 3 * keys / threads;
            for (int w = 0; w < threads; w++) {
                int id = w;
                ts[w] = new Thread(() -> {
                    SplittableRandom rnd = new SplittableRandom(id * 7919L + 1);
                    long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long sink = 0;
                    for (int i = 0; i < per; i++) {
                        long k = StateTable.mix(rnd.nextInt(keys) + 1L);
                        sink += t.compute(k, o -> o == StateTable.ABSENT ? 1 : (o + 1) & 0x3FFF);
                    }
                    cpu[id] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
                    if (sink == 42) {
                        System.out.print("");
                    }
                });
            }
            for (Thread th : ts) {
                th.start();
            }
            for (Thread th : ts) {
                th.join();
            }
            long sum = 0;
            for (long c : cpu) {
                sum += c;
            }
            System.out.printf(Locale.ROOT, "threads=%d keys=%d distinct=%d cpu_ns_per_update=%.1f%n", threads, keys,
                    t.size(), (double) sum / ((long) per * threads));
        }
    }
}
