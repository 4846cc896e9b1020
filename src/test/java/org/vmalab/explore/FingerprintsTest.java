package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;

/** Fingerprints do not depend on the machine that computed them. */
class FingerprintsTest {
    /** Two writers map VMAs with names the layout does not have; a reader looks them up. */
    static Scenario twoNewNames() {
        return Fixtures.layoutW("two new names", Fixtures.with(),
                Fixtures.thread("T1", new Op.Map("x", 0x10000000L, 0x10001000L, Scenarios.RW, false, 0)),
                Fixtures.thread("T2", new Op.Map("y", 0x20000000L, 0x20001000L, Scenarios.RW, false, 0)),
                Fixtures.thread("T3", new Op.GetVma(0x10000000L), new Op.PutVma(), new Op.GetVma(0x20000000L),
                        new Op.PutVma()));
    }

    @Test
    void theCopyOfTheEnginesZobristFunctionMatchesIt() {
        Memory mem = new Memory(8, 2, 4);
        mem.enableHashing();
        long h0 = mem.hash();
        mem.set(Field.NAME, 3, 5);
        assertEquals(Fingerprints.zobrist(Field.NAME, 3, 0) ^ Fingerprints.zobrist(Field.NAME, 3, 5), h0 ^ mem.hash());
        long h1 = mem.hash();
        mem.set(Field.VM_START, 1, 0x1234000L);
        assertEquals(Fingerprints.zobrist(Field.VM_START, 1, 0) ^ Fingerprints.zobrist(Field.VM_START, 1, 0x1234000L),
                h1 ^ mem.hash());
    }

    static void runAlone(Machine m, int t) {
        while (!m.done(t)) {
            m.step(t);
        }
    }

    @Test
    void theSameStateHasTheSameFingerprintWhateverOrderTheNamesWereMetIn() {
        Scenario sc = twoNewNames();
        Machine a = new Machine(sc, CheckLevel.FULL);
        a.memory().intern("y"); /* as if an earlier schedule had met y first */
        Fingerprints.prepare(a);
        runAlone(a, 0);
        runAlone(a, 1);
        Machine b = new Machine(sc, CheckLevel.FULL);
        Fingerprints.prepare(b);
        runAlone(b, 0);
        runAlone(b, 1);
        assertNotEquals(a.memory().hash(), b.memory().hash(), "the name indices differ (the test means something)");
        assertEquals(new Fingerprints(a).of(), new Fingerprints(b).of());
    }

    @Test
    void everyNameAWriterCanGiveIsInternedBeforeTheSearch() {
        Machine a = new Machine(twoNewNames(), CheckLevel.FULL);
        Fingerprints.prepare(a);
        int x = a.memory().intern("x");
        int heapPrime = a.memory().intern("heap'");
        runAlone(a, 0);
        assertEquals(x, a.memory().intern("x"));
        assertEquals(heapPrime, a.memory().intern("heap'"));
    }

    @Test
    void theIncrementalNameCorrectionEqualsTheFullOne() {
        Machine m = new Machine(twoNewNames(), CheckLevel.FULL);
        Fingerprints.prepare(m);
        Fingerprints f = new Fingerprints(m);
        long names = f.names();
        for (int t : List.of(0, 0, 0, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1)) {
            if (!m.enabled(t)) {
                continue;
            }
            names = f.names(names, m.step(t));
            assertEquals(f.names(), names);
        }
    }

    @Test
    void twoWorkersFindTheSameDistinctStatesAsOne() {
        Scenario sc = twoNewNames();
        long one = Explorer.run(sc, Fixtures.single()).stats().distinctStates();
        for (int i = 0; i < 5; i++) {
            ExploreResult r = Explorer.run(sc, Fixtures.single().withThreads(2));
            assertEquals(one, r.stats().distinctStates());
            assertTrue(r.errors().isEmpty());
            assertTrue(r.shortestExact());
        }
    }
}
