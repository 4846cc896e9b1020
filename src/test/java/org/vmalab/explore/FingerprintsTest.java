package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
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
        Fingerprints fa = new Fingerprints(a);
        runAlone(a, 0);
        runAlone(a, 1);
        Machine b = new Machine(sc, CheckLevel.FULL);
        Fingerprints fb = new Fingerprints(b);
        runAlone(b, 1);
        Machine c = new Machine(sc, CheckLevel.FULL);
        Fingerprints fc = new Fingerprints(c);
        runAlone(c, 0);
        runAlone(c, 1);
        assertEquals(fa.of(), fc.of());
        assertNotEquals(fb.of(), fc.of(), "a different state has a different fingerprint");
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
