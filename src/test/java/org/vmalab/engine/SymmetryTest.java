package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;

/**
 * The engine's canonical form under renamings of interchangeable threads ({@link Explorable#canonicalFingerprint}):
 * a state and its renamings share it, states of different orbits do not, and a choice carried through the two
 * states' orders leads to states that share it again (what the explorer's schedules rely on).
 */
class SymmetryTest {
    static final long HEAP = 0x555555760000L;
    static final long D = 0x40000;

    static ThreadSpec reader(String name) {
        return new ThreadSpec(name, ThreadSpec.Role.SPF_READER, List.of(new Op.GetVma(HEAP), new Op.PutVma()));
    }

    /** Two (or three) identical speculative readers of heap and a writer unmapping part of heap. */
    static Scenario readers(int n) {
        List<ThreadSpec> ts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ts.add(reader("R" + i));
        }
        ts.add(new ThreadSpec("W", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(HEAP, HEAP + 0x1000))));
        return Scenario.of("readers", Scenarios.layoutW(), ts, Protection.PATCH);
    }

    /** Under RELAXED_STORES: two identical writers unmapping d (their stores wait in their buffers). */
    static Scenario relaxedWriters() {
        Scenario c2 = RelaxedStoresTest.c2(RelaxedStoresTest.relaxed(), false);
        List<ThreadSpec> ts = new ArrayList<>(c2.threads());
        ts.add(new ThreadSpec("T2", ThreadSpec.Role.WRITER, ts.get(0).program()));
        return Scenario.of("two writers", c2.layout(), ts, c2.protection());
    }

    /** A writer unmapping d, and two identical readers looking d up with get_vma. */
    static Scenario c2Readers() {
        Scenario c2 = RelaxedStoresTest.c2(Protection.PATCH, true);
        List<ThreadSpec> ts = new ArrayList<>(c2.threads());
        ts.add(new ThreadSpec("T3", ThreadSpec.Role.SPF_READER, ts.get(1).program()));
        return Scenario.of("two readers", c2.layout(), ts, c2.protection());
    }

    @Test
    void threadsWithTheSameProgramAndRoleAreInterchangeable() {
        assertArrayEquals(new int[][] {{0, 1, 2}}, Engine.explorable(readers(3), CheckLevel.FULL)
                .interchangeableThreads());
        assertArrayEquals(new int[][] {{0, 1}}, Engine.explorable(relaxedWriters(), CheckLevel.FULL)
                .interchangeableThreads());
    }

    @Test
    void threadsThatDifferAreNotGroupedAndTheCanonicalFingerprintIsThePlainOne() {
        Scenario sc = StateIdentityTest.newNames(); /* two writers mapping different names, a splitter, a reader */
        Explorable m = Engine.explorable(sc, CheckLevel.FULL);
        assertEquals(0, m.interchangeableThreads().length);
        SplittableRandom rnd = new SplittableRandom(3);
        int[] order = new int[m.threadCount()];
        while (!m.allDone()) {
            int t = rnd.nextInt(m.threadCount());
            if (m.enabled(t)) {
                m.step(t);
                assertEquals(m.fingerprint(), m.canonicalFingerprint(order));
                for (int c = 0; c < order.length; c++) {
                    assertEquals(c, order[c]);
                }
            }
        }
    }

    /** A random schedule and its renaming reach states of one orbit, step by step; the choices correspond. */
    @Test
    void aRenamedScheduleReachesTheSameCanonicalStateAndChoicesCorrespond() {
        for (Scenario sc : List.of(readers(2), readers(3), c2Readers(), relaxedWriters())) {
            for (long seed = 1; seed <= 12; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                Explorable a = Engine.explorable(sc, CheckLevel.FULL);
                Explorable b = Engine.explorable(sc, CheckLevel.FULL);
                int[] g = randomRenaming(a.interchangeableThreads(), sc.threads().size(), rnd);
                int n = a.threadCount();
                int[] oa = new int[n];
                int[] ob = new int[n];
                boolean differed = false;
                for (int step = 0; step < 400 && !a.allDone(); step++) {
                    List<Integer> en = enabled(a);
                    if (en.isEmpty()) {
                        break;
                    }
                    int c = en.get(rnd.nextInt(en.size()));
                    int gc = b.renameChoice(c, g);
                    assertTrue(b.enabled(gc), sc.title() + " seed " + seed + ": the renamed choice can run");
                    a.step(c);
                    b.step(gc);
                    long ca = a.canonicalFingerprint(oa);
                    long cb = b.canonicalFingerprint(ob);
                    assertEquals(ca, cb, sc.title() + " seed " + seed + " step " + step);
                    differed |= a.fingerprint() != b.fingerprint();
                    checkCorrespondence(a, oa, b, ob, sc.title() + " seed " + seed + " step " + step);
                }
                if (!isIdentity(g)) {
                    assertTrue(differed, sc.title() + " seed " + seed + ": the renamed states are other states");
                }
            }
        }
    }

    /**
     * The explorer's way: random steps, saves and restores; at every state the canonical fingerprint (and order) of the
     * machine that went back and forth is that of a fresh machine stepped straight to the same state (nothing the
     * canonical form keeps from one state to the next, such as the lock owners read when they last changed, goes
     * stale across a restore).
     */
    @Test
    void aRestoredStateHasTheCanonicalFingerprintOfAFreshMachine() {
        for (Scenario sc : List.of(readers(3), c2Readers(), relaxedWriters())) {
            for (long seed = 1; seed <= 6; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                Explorable a = Engine.explorable(sc, CheckLevel.FULL);
                List<Explorable.Mark> marks = new ArrayList<>();
                List<Integer> marked = new ArrayList<>();
                List<Integer> path = new ArrayList<>();
                for (int step = 0; step < 120; step++) {
                    if (marks.isEmpty() || rnd.nextInt(3) == 0) {
                        marks.add(a.save());
                        marked.add(path.size());
                    }
                    List<Integer> en = enabled(a);
                    if (en.isEmpty() || rnd.nextInt(5) == 0) {
                        int k = rnd.nextInt(marks.size());
                        a.restore(marks.get(k));
                        path.subList(marked.get(k), path.size()).clear();
                        marks.subList(k + 1, marks.size()).clear();
                        marked.subList(k + 1, marked.size()).clear();
                    } else {
                        int c = en.get(rnd.nextInt(en.size()));
                        a.advance(c);
                        path.add(c);
                    }
                    Explorable b = Engine.explorable(sc, CheckLevel.FULL);
                    for (int c : path) {
                        b.advance(c);
                    }
                    int[] oa = new int[a.threadCount()];
                    int[] ob = new int[b.threadCount()];
                    assertEquals(b.canonicalFingerprint(ob), a.canonicalFingerprint(oa),
                            sc.title() + " seed " + seed + " step " + step);
                    assertArrayEquals(ob, oa, sc.title() + " seed " + seed + " step " + step);
                }
            }
        }
    }

    /** Every choice of {@code a}, carried through the orders to {@code b}, leads to states of one orbit. */
    private static void checkCorrespondence(Explorable a, int[] oa, Explorable b, int[] ob, String what) {
        int n = a.threadCount();
        int[] back = new int[n];
        for (int c = 0; c < n; c++) {
            back[ob[c]] = c;
        }
        Explorable.Mark ma = a.save();
        Explorable.Mark mb = b.save();
        for (int c = 0; c < n; c++) {
            int d = back[oa[c]];
            assertEquals(a.enabled(c), b.enabled(d), what + ": choice " + c + " / " + d);
            if (!a.enabled(c)) {
                continue;
            }
            a.step(c);
            b.step(d);
            assertEquals(a.canonicalFingerprint(null), b.canonicalFingerprint(null), what + ": after choice " + c);
            a.restore(ma);
            b.restore(mb);
        }
    }

    /**
     * Over every reachable state of two small scenarios: the canonical fingerprints number the orbits exactly
     * (renamings share one, and no two orbits do).
     */
    @Test
    void theCanonicalFingerprintsNumberTheOrbits() {
        for (Scenario sc : List.of(c2Readers(), relaxedWriters())) {
            Explorable m = Engine.explorable(sc, CheckLevel.FULL);
            int[][] classes = m.interchangeableThreads();
            int[] swap = identity(sc.threads().size());
            swap[classes[0][0]] = classes[0][1];
            swap[classes[0][1]] = classes[0][0];
            Map<Long, List<Integer>> paths = reachable(m, 40_000);
            Map<Long, Long> canon = new HashMap<>();
            Explorable.Mark start = m.save();
            for (Map.Entry<Long, List<Integer>> e : paths.entrySet()) {
                m.restore(start);
                for (int c : e.getValue()) {
                    m.step(c);
                }
                canon.put(e.getKey(), m.canonicalFingerprint(null));
            }
            /* orbits: a state and its renaming (the renamed path) */
            Map<Long, Long> orbit = new HashMap<>();
            for (Map.Entry<Long, List<Integer>> e : paths.entrySet()) {
                m.restore(start);
                for (int c : e.getValue()) {
                    m.step(m.renameChoice(c, swap));
                }
                long image = m.fingerprint();
                assertTrue(paths.containsKey(image), sc.title() + ": the renamed state is reachable");
                assertEquals(canon.get(e.getKey()), canon.get(image), sc.title() + ": a state and its renaming");
                orbit.put(e.getKey(), Math.min(e.getKey(), image));
            }
            Set<Long> orbits = new HashSet<>(orbit.values());
            Set<Long> canonical = new HashSet<>(canon.values());
            assertEquals(orbits.size(), canonical.size(), sc.title() + ": one canonical fingerprint per orbit");
            assertTrue(canonical.size() < paths.size(), sc.title() + ": fewer orbits than states ("
                    + canonical.size() + " of " + paths.size() + ")");
        }
    }

    @Test
    void aStateAndOneOfAnotherOrbitDiffer() {
        Explorable a = Engine.explorable(readers(2), CheckLevel.FULL);
        Explorable b = Engine.explorable(readers(2), CheckLevel.FULL);
        a.step(0); /* a reader moves */
        b.step(2); /* the writer moves */
        assertNotEquals(a.canonicalFingerprint(null), b.canonicalFingerprint(null));
        Explorable c = Engine.explorable(readers(2), CheckLevel.FULL);
        c.step(1); /* the other reader moves: the same orbit as a */
        assertEquals(a.canonicalFingerprint(null), c.canonicalFingerprint(null));
        assertNotEquals(a.fingerprint(), c.fingerprint());
    }

    /**
     * Every state reachable from the start (breadth first, by plain fingerprint; a spin that changes nothing is not a
     * step, as in the explorer), with a path to it.
     */
    static Map<Long, List<Integer>> reachable(Explorable m, int limit) {
        Map<Long, List<Integer>> seen = new HashMap<>();
        Explorable.Mark start = m.save();
        seen.put(m.fingerprint(), List.of());
        ArrayDeque<List<Integer>> queue = new ArrayDeque<>();
        queue.add(List.of());
        while (!queue.isEmpty()) {
            List<Integer> p = queue.poll();
            for (int c = 0; c < m.threadCount(); c++) {
                m.restore(start);
                for (int x : p) {
                    m.step(x);
                }
                if (!m.enabled(c)) {
                    continue;
                }
                m.step(c);
                if (m.idle()) {
                    continue; /* a spin that changed nothing but its counter: not a transition */
                }
                long fp = m.fingerprint();
                if (!seen.containsKey(fp)) {
                    List<Integer> q = new ArrayList<>(p);
                    q.add(c);
                    seen.put(fp, q);
                    queue.add(q);
                    assertTrue(seen.size() < limit, "the scenario is small");
                }
            }
        }
        m.restore(start);
        return seen;
    }

    private static List<Integer> enabled(Explorable m) {
        List<Integer> en = new ArrayList<>();
        for (int c = 0; c < m.threadCount(); c++) {
            if (m.enabled(c)) {
                en.add(c);
            }
        }
        return en;
    }

    private static int[] randomRenaming(int[][] classes, int n, SplittableRandom rnd) {
        int[] g = identity(n);
        for (int[] c : classes) {
            int[] shuffled = c.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int x = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = x;
            }
            for (int i = 0; i < c.length; i++) {
                g[c[i]] = shuffled[i];
            }
        }
        return g;
    }

    private static int[] identity(int n) {
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = i;
        }
        return g;
    }

    private static boolean isIdentity(int[] g) {
        for (int i = 0; i < g.length; i++) {
            if (g[i] != i) {
                return false;
            }
        }
        return true;
    }
}
