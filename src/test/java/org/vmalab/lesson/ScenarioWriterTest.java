package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.Fuzz;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Trace;

/** ScenarioWriter writes what LessonLoader reads back to an equal scenario and schedule. */
class ScenarioWriterTest {
    static void roundTrip(Scenario sc, Schedule s) throws LessonException {
        String yaml = ScenarioWriter.toYaml(sc, s);
        Lesson back = LessonLoader.parse(yaml, "written.yaml");
        assertEquals(1, back.parts().size());
        assertEquals(sc, back.scenario(), yaml);
        assertEquals(s, back.schedule(), yaml);
        assertFalse(back.isNarrated());
    }

    /** RELAXED_STORES: a schedule that names a store-buffer flush choice (T1.sb3) is written and read back. */
    @Test
    void aFlushChoiceRoundTrips() throws LessonException {
        Scenario sc = Scenarios.defaultScenario().withThreads(List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(new Op.Munmap(0x55555575d000L, 0x55555577e000L))))).withProtection(Protection.of(
                RwlockPolicy.QUEUED, ProtectionToggle.RELAXED_STORES, ProtectionToggle.NO_RELEASE));
        Schedule s = new Schedule(List.of(new Schedule.Slot(0, 36), new Schedule.Slot(1 + 3, 1),
                new Schedule.Slot(0, Schedule.Slot.UNTIL_BLOCKED)), Schedule.Policy.STOP, 0, Schedule.DEFAULT_BOUND);
        assertTrue(ScenarioWriter.toYaml(sc, s).contains("T1.sb3"), ScenarioWriter.toYaml(sc, s));
        roundTrip(sc, s);
    }

    @Test
    void everyShippedLessonPartRoundTrips() throws Exception {
        for (LessonLoader.LessonFile f : LessonLoader.loadDirectory(Path.of("lessons"))) {
            for (Part p : f.lesson().parts()) {
                roundTrip(p.scenario(), p.schedule());
            }
        }
    }

    @Test
    void aSavedRunReplaysIdentically(@TempDir Path dir) throws Exception {
        Scenario sc = Scenarios.defaultScenario();
        Trace t = Engine.run(sc, Schedule.roundRobin());
        /* the explorer's and the player's form of a run: the threads actually used, then stop */
        Schedule used = Schedule.explicit(t.scheduleUsed());
        Path f = dir.resolve("run.yaml");
        ScenarioWriter.write(sc, used, f);
        Lesson back = LessonLoader.load(f);
        assertEquals(sc, back.scenario());
        assertEquals(used, back.schedule());
        Trace again = back.part().run();
        assertEquals(t.size(), again.size());
        for (int i = 1; i <= t.size(); i++) {
            assertEquals(t.caption(i), again.caption(i));
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
        String text = Files.readString(f);
        assertTrue(text.contains("layout: W"), text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 120), text);
    }

    @Test
    void awkwardNamesAreQuoted() throws Exception {
        List<VmaSpec> layout = List.of(
                new VmaSpec("/usr/lib/libc-2.27.so (deleted)", 0x1000, 0x3000, 0x5, true, 0),
                new VmaSpec("[heap]", 0x3000, 0x5000, 0x3, false, 1),
                new VmaSpec("#x: \"y\" \\ é", 0x6000, 0x7000, 0x3 | 0x8000, false, 0),
                new VmaSpec("true", 0x8000, 0x9000, 0, false, 0));
        Scenario sc = Scenario.of("a \"quoted\": title # not a comment", layout, List.of(), Protection.PATCH);
        roundTrip(sc, Schedule.roundRobin());
    }

    @Test
    void whatTheFormatCannotHoldIsRefused() {
        Scenario blank = Scenario.of("t", List.of(), List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of(new Op.Map("a b", 0x1000, 0x2000, 3, false, 0)))), Protection.PATCH);
        assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.toYaml(blank, Schedule.roundRobin()));
        Scenario one = Scenario.of("t", List.of(), List.of(new ThreadSpec("T1", ThreadSpec.Role.WRITER,
                List.of())), Protection.PATCH);
        assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.toYaml(one,
                Schedule.explicit(List.of(0, 1))));
    }

    // ------------------------------------------------------------------ random scenarios

    @TestFactory
    Stream<DynamicTest> randomScenariosRoundTrip() {
        return Fuzz.cases("saved-run-roundtrip", 300, r -> new Fuzz.Text(Long.toString(r.nextLong())), in -> {
            Random r = new Random(Long.parseLong(in.text()));
            Scenario sc = scenario(r);
            Schedule.Policy policy = Fuzz.pick(r, Schedule.Policy.values());
            long seed = r.nextLong();
            List<Schedule.Slot> slots = new ArrayList<>();
            for (int i = 0; i < sc.threads().size() * 3; i++) {
                int t = (int) Math.floorMod(seed + 7L * i, sc.threads().size());
                int c = (int) Math.floorMod(seed >>> i, 5);
                slots.add(new Schedule.Slot(t, c == 0 ? Schedule.Slot.UNTIL_BLOCKED : c * 3));
            }
            int bound = (int) Math.floorMod(seed, 3) == 0 ? Schedule.DEFAULT_BOUND
                    : 1 + (int) Math.floorMod(seed, 99_999);
            roundTrip(sc, new Schedule(slots, policy, seed, bound));
        });
    }

    static long page(Random r) {
        return (1 + (long) (r.nextDouble() * ((1L << 35) - 1))) << 12;
    }

    static String chars(Random r, String alphabet, int min, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String vmaName(Random r) {
        while (true) {
            String s = chars(r, "abcXYZ_-./[] :#'\"\\é0123456789", 1, 12);
            if (s.strip().equals(s)) {
                return s;
            }
        }
    }

    static String plainName(Random r) {
        return chars(r, "abcxyz_.[]-0123456789", 1, 10);
    }

    static Op op(Random r) {
        long any = r.nextLong();
        boolean b = r.nextBoolean();
        return switch (r.nextInt(11)) {
            case 0 -> new Op.FindVma(any);
            case 1 -> new Op.GetVma(any);
            case 2 -> new Op.PutVma();
            case 3 -> new Op.Spf(any, b);
            case 4 -> new Op.Fault(any, b);
            case 5 -> {
                long a = page(r);
                long c = page(r);
                yield new Op.Map(plainName(r), Math.min(a, c), Math.max(a, c) + 0x1000, r.nextLong(), b,
                        r.nextInt(10));
            }
            case 6 -> {
                long l = r.nextLong();
                yield new Op.Mmap(plainName(r), any, l == 0 ? 1 : l, r.nextLong(), b, r.nextBoolean(),
                        r.nextBoolean());
            }
            case 7 -> {
                long a = page(r);
                long c = page(r);
                yield new Op.Munmap(Math.min(a, c), Math.max(a, c) + 1);
            }
            case 8 -> new Op.Brk(any);
            case 9 -> new Op.Search(any, r.nextLong(), r.nextLong(), b);
            default -> Fuzz.pick(r, new Op.DownRead(), new Op.UpRead(), new Op.DownWrite(), new Op.UpWrite());
        };
    }

    static Scenario scenario(Random r) {
        List<VmaSpec> layout = new ArrayList<>();
        long at = 0x400000;
        int n = r.nextInt(13);
        for (int i = 0; i < n; i++) {
            long end = at + (1 + r.nextInt(64)) * 0x1000L;
            layout.add(new VmaSpec(vmaName(r), at, end, r.nextLong(), r.nextBoolean(), r.nextInt(6)));
            at = end + (i % 3) * 0x1000;
        }
        List<ThreadSpec> threads = new ArrayList<>();
        for (int i = 0, k = 1 + r.nextInt(LessonLoader.MAX_THREADS); i < k; i++) {
            List<Op> program = new ArrayList<>();
            for (int j = r.nextInt(7); j > 0; j--) {
                program.add(op(r));
            }
            threads.add(new ThreadSpec("T" + i, Fuzz.pick(r, ThreadSpec.Role.values()), program));
        }
        Set<ProtectionToggle> ts = EnumSet.noneOf(ProtectionToggle.class);
        for (ProtectionToggle t : List.of(ProtectionToggle.NO_LOCK, ProtectionToggle.NO_REFCOUNT,
                ProtectionToggle.NO_EMPTY_CHECK, ProtectionToggle.CLEAR_BEFORE_ERASE,
                ProtectionToggle.SPF_USES_VMACACHE)) {
            if (r.nextBoolean()) {
                ts.add(t);
            }
        }
        Protection prot = new Protection(r.nextBoolean() ? Set.of(ProtectionToggle.PRE_PATCH) : ts,
                Fuzz.pick(r, RwlockPolicy.values()));
        String title;
        do {
            title = chars(r, " !#$%&()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~é—\"\\\t#:", 1, 40).strip();
        } while (title.isEmpty());
        return new Scenario(title, layout, threads, prot, Fuzz.pick(r, Granularity.values()), r.nextInt(65), page(r),
                r.nextLong());
    }
}
