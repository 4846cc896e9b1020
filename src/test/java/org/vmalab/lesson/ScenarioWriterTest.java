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
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
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

    @Property(tries = 300)
    void randomScenariosRoundTrip(@ForAll("scenarios") Scenario sc, @ForAll("policies") Schedule.Policy policy,
                                  @ForAll("seeds") long seed) throws LessonException {
        List<Schedule.Slot> slots = new ArrayList<>();
        for (int i = 0; i < sc.threads().size() * 3; i++) {
            int t = (int) Math.floorMod(seed + 7L * i, sc.threads().size());
            int c = (int) Math.floorMod(seed >>> i, 5);
            slots.add(new Schedule.Slot(t, c == 0 ? Schedule.Slot.UNTIL_BLOCKED : c * 3));
        }
        int bound = (int) Math.floorMod(seed, 3) == 0 ? Schedule.DEFAULT_BOUND : 1 + (int) Math.floorMod(seed, 99_999);
        roundTrip(sc, new Schedule(slots, policy, seed, bound));
    }

    @Provide
    Arbitrary<Schedule.Policy> policies() {
        return Arbitraries.of(Schedule.Policy.class);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    static Arbitrary<Long> pages() {
        return Arbitraries.longs().between(1, 1L << 35).map(p -> p << 12);
    }

    static Arbitrary<String> vmaNames() {
        return Arbitraries.strings().withChars("abcXYZ_-./[] :#'\"\\é0123456789").ofMinLength(1).ofMaxLength(12)
                .filter(s -> s.strip().equals(s));
    }

    static Arbitrary<String> plainNames() {
        return Arbitraries.strings().withChars("abcxyz_.[]-0123456789").ofMinLength(1).ofMaxLength(10);
    }

    static Arbitrary<Op> ops() {
        Arbitrary<Long> any = Arbitraries.longs();
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                any.map(Op.FindVma::new), any.map(Op.GetVma::new), Arbitraries.just(new Op.PutVma()),
                Combinators.combine(any, b).as(Op.Spf::new), Combinators.combine(any, b).as(Op.Fault::new),
                Combinators.combine(plainNames(), pages(), pages(), any, b, Arbitraries.longs().between(0, 9))
                        .as((n, a, c, f, o, v) -> new Op.Map(n, Math.min(a, c), Math.max(a, c) + 0x1000, f, o, v)),
                Combinators.combine(plainNames(), any, any.filter(l -> l != 0), any, b, b, b)
                        .as((n, a, l, f, o, x, u) -> new Op.Mmap(n, a, l, f, o, x, u)),
                Combinators.combine(pages(), pages()).as((a, c) -> new Op.Munmap(Math.min(a, c), Math.max(a, c)
                        + 1)),
                any.map(Op.Brk::new),
                Combinators.combine(any, any, any, b).as(Op.Search::new),
                Arbitraries.of(new Op.DownRead(), new Op.UpRead(), new Op.DownWrite(), new Op.UpWrite()));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<VmaSpec>> layout = Arbitraries.integers().between(0, 12).flatMap(n -> Combinators.combine(
                vmaNames().list().ofSize(n), Arbitraries.longs().between(1, 64).list().ofSize(n),
                Arbitraries.longs().list().ofSize(n), Arbitraries.of(true, false).list().ofSize(n),
                Arbitraries.longs().between(0, 5).list().ofSize(n)).as((names, sizes, flags, files, anon) -> {
                    List<VmaSpec> out = new ArrayList<>();
                    long at = 0x400000;
                    for (int i = 0; i < n; i++) {
                        long end = at + sizes.get(i) * 0x1000;
                        out.add(new VmaSpec(names.get(i), at, end, flags.get(i), files.get(i), anon.get(i)));
                        at = end + (i % 3) * 0x1000;
                    }
                    return out;
                }));
        Arbitrary<List<ThreadSpec>> threads = Arbitraries.integers().between(1, LessonLoader.MAX_THREADS)
                .flatMap(n -> Combinators.combine(ops().list().ofMaxSize(6).list().ofSize(n),
                        Arbitraries.of(ThreadSpec.Role.class).list().ofSize(n)).as((programs, roles) -> {
                            List<ThreadSpec> out = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                out.add(new ThreadSpec("T" + i, roles.get(i), programs.get(i)));
                            }
                            return out;
                        }));
        Arbitrary<Protection> prot = Combinators.combine(Arbitraries.subsetOf(ProtectionToggle.NO_LOCK, ProtectionToggle.NO_REFCOUNT,
                ProtectionToggle.NO_EMPTY_CHECK, ProtectionToggle.CLEAR_BEFORE_ERASE, ProtectionToggle.SPF_USES_VMACACHE),
                Arbitraries.of(RwlockPolicy.class), Arbitraries.of(true, false)).as((ts, p, pre) -> new Protection(
                        pre ? Set.of(ProtectionToggle.PRE_PATCH) : ts.isEmpty() ? Set.of() : EnumSet.copyOf(ts), p));
        Arbitrary<String> titles = Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .withCharRange(' ', '~').withChars("é—\"\\\t#:").map(String::strip).filter(s -> !s.isEmpty());
        return Combinators.combine(titles, layout, threads, prot, Arbitraries.of(Granularity.class),
                Arbitraries.integers().between(0, 64), pages(), Arbitraries.longs())
                .as((t, l, th, p, g, u, guard, base) -> new Scenario(t, l, th, p, g, u, guard, base));
    }
}
