package org.vmalab.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/**
 * The incremental answers of {@link TreeWatch} (reachable from the root, any wrong gap at a validate_mm_rb
 * checkpoint) against the walk's, on every step of every lesson part and of random writer programs on layouts of
 * a few hundred VMAs, healthy and corrupted: in paranoid mode every answer is compared and a difference throws.
 */
class TreeWatchTest {
    @BeforeEach
    void paranoid() {
        TreeWatch.paranoid = true;
    }

    @AfterEach
    void calm() {
        TreeWatch.paranoid = false;
    }

    @Test
    void everyLessonPartAgreesWithTheWalk() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        int parts = 0;
        for (Path f : files) {
            Lesson l = LessonLoader.load(f);
            for (Part p : l.parts()) {
                Trace t = Engine.run(p.scenario(), p.schedule(), CheckLevel.FULL);
                assertTrue(t.size() > 0 || p.scenario().threads().isEmpty(), f + ": " + p.title());
                parts++;
            }
        }
        assertTrue(parts > 20, "parts run: " + parts);
    }

    /** Random maps, munmaps (spanning several VMAs, splitting at both ends) and brk on a layout of 300 VMAs. */
    static Scenario random(long seed, Protection prot, int threads) {
        return random(seed, prot, threads, false);
    }

    /** As above; with {@code forkExit} each thread forks halfway (a child's tree beside the process's) and exits. */
    static Scenario random(long seed, Protection prot, int threads, boolean forkExit) {
        SplittableRandom r = new SplittableRandom(seed);
        List<VmaSpec> layout = new ArrayList<>();
        long base = 0x10000000L;
        for (int i = 0; i < 300; i++) {
            long s = base + i * 0x4000L;
            layout.add(new VmaSpec(i == 0 ? "heap" : "v" + i, s, s + 0x1000L * (1 + r.nextInt(3)), Scenarios.RW,
                    i % 2 == 0, 0));
        }
        List<ThreadSpec> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Op> ops = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                long s = base + r.nextInt(300 * 4) * 0x1000L;
                long len = 0x1000L * (1 + r.nextInt(r.nextBoolean() ? 4 : 64));
                switch (r.nextInt(4)) {
                    case 0 -> ops.add(new Op.Map("m" + t + "_" + k, s, s + len, Scenarios.RW, false, 0));
                    case 1 -> ops.add(new Op.Brk(base + 0x1000L * (1 + r.nextInt(4))));
                    default -> ops.add(new Op.Munmap(s, s + len));
                }
                if (forkExit && k == 5 && t == 0) {
                    ops.add(new Op.Fork());
                }
            }
            if (forkExit) {
                ops.add(new Op.Exit());
            }
            ts.add(new ThreadSpec("T" + t, ThreadSpec.Role.WRITER, ops));
        }
        return Scenario.of("random " + seed, layout, ts, prot);
    }

    @Test
    void randomWritersOnThreeHundredVmasAgreeWithTheWalk() {
        Protection[] prots = {Protection.PATCH, Protection.of(RwlockPolicy.QUEUED,
                ProtectionToggle.CLEAR_BEFORE_ERASE), Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.NO_LOCK)};
        for (long seed = 1; seed <= 12; seed++) {
            Scenario sc = random(seed, prots[(int) (seed % prots.length)], 1 + (int) (seed % 2));
            Trace t = Engine.run(sc, Schedule.random(seed), CheckLevel.FULL);
            assertTrue(t.size() > 100, "seed " + seed + ": " + t.size() + " steps");
        }
    }

    /** Stores into the child's tree (fork) and the dead mm's VMAs (exit) do not mislead the incremental answers. */
    @Test
    void forkAndExitAgreeWithTheWalk() {
        for (long seed = 1; seed <= 4; seed++) {
            Scenario sc = random(seed, seed % 2 == 0 ? Protection.PATCH : Protection.of(RwlockPolicy.QUEUED,
                    ProtectionToggle.CLEAR_BEFORE_ERASE), 2, true);
            Trace t = Engine.run(sc, Schedule.random(seed), CheckLevel.FULL);
            assertTrue(t.steps().stream().anyMatch(s -> s.loc() == Loc.FORK_COPY),
                    "seed " + seed + " forks");
        }
    }

    /**
     * The explorer's way through a lesson part: steps, saves and restores to earlier saves at random, in paranoid
     * mode (every answer of the watch is held to the walk's). The memory's hash, put back from the save instead of
     * word by word, is the hash the state had when it was saved; the reachability the lookups' check asks, walked in
     * arrays the checker keeps from one question to the next, is a fresh walk's.
     */
    @Test
    void restoresAgreeWithTheWalkAndPutTheHashBack() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int restores = 0;
        for (Path f : files) {
            Lesson l = LessonLoader.load(f);
            int index = 0;
            for (Part p : l.parts()) {
                SplittableRandom r = new SplittableRandom(31L * f.getFileName().toString().hashCode() + index++);
                restores += wander(new Machine(p.scenario(), CheckLevel.FULL), r, 400, f + ": " + p.title());
            }
        }
        Protection[] prots = {Protection.PATCH, Protection.of(RwlockPolicy.QUEUED,
                ProtectionToggle.CLEAR_BEFORE_ERASE), Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.NO_LOCK)};
        for (long seed = 1; seed <= 6; seed++) {
            Scenario sc = random(seed, prots[(int) (seed % prots.length)], 2);
            restores += wander(new Machine(sc, CheckLevel.FULL), new SplittableRandom(seed), 3000, "seed " + seed);
        }
        assertTrue(restores > 1000, "restores: " + restores);
    }

    /** {@code steps} random steps, saves and restores to earlier saves; the restores made. */
    private static int wander(Machine m, SplittableRandom r, int steps, String what) {
        List<Explorable.Mark> marks = new ArrayList<>();
        List<Long> prints = new ArrayList<>();
        int restores = 0;
        for (int step = 0; step < steps; step++) {
            if (marks.isEmpty() || r.nextInt(3) == 0) {
                marks.add(m.save());
                prints.add(m.fingerprint());
            }
            int t = enabled(m, r);
            if (t < 0 || r.nextInt(8) == 0) {
                int k = r.nextInt(marks.size());
                m.restore(marks.get(k));
                restores++;
                assertEquals(prints.get(k), m.fingerprint(), what + ", step " + step);
                /* the lookups' reachability, in the checker's kept arrays, against a walk of its own */
                for (int v = 0; v < org.vmalab.engine.tree.Vm.allocated(m.memory()); v++) {
                    assertEquals(Checker.reachable(m.memory().untracked(), v),
                            m.checker().reachableFromRoot(m.memory().untracked(), v), what + ", VMA " + v);
                }
                /* the saves after it are gone with the stores they marked */
                marks.subList(k + 1, marks.size()).clear();
                prints.subList(k + 1, prints.size()).clear();
                continue;
            }
            m.advance(t);
        }
        return restores;
    }

    /** A schedulable choice of {@code m} at random, or -1 when none is. */
    private static int enabled(Machine m, SplittableRandom r) {
        int n = m.threadCount();
        int from = r.nextInt(n);
        for (int i = 0; i < n; i++) {
            int t = (from + i) % n;
            if (m.enabled(t)) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aHealthyMunmapOverManyVmasWalksTheTreeOnce() {
        List<VmaSpec> layout = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long s = 0x10000000L + i * 0x2000L;
            layout.add(new VmaSpec("v" + i, s, s + 0x1000, Scenarios.RW, false, 0));
        }
        Scenario sc = Scenario.of("munmap all", layout, List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(new Op.Munmap(0x10000000L, 0x10000000L + 2000 * 0x2000L)))), Protection.PATCH);
        TreeWatch.paranoid = false;
        Machine m = new Machine(sc, CheckLevel.FULL);
        int checkpoints = 0;
        while (!m.allDone()) {
            if ((m.step(0).checks() & org.vmalab.engine.trace.StepRecord.CHECK_VALIDATE) != 0) {
                checkpoints++;
            }
        }
        assertTrue(checkpoints >= 2000, "validate_mm_rb checkpoints: " + checkpoints);
        /* one walk when the first question comes, none after: every later answer is incremental */
        assertEquals(1, m.checker().treeWalks());
    }
}
