package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Explorable;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.mm.Op;

/** Fingerprints do not depend on the engine instance or the worker that computed them. */
class FingerprintsTest {
    /** Two writers map VMAs with names the layout does not have; a reader looks them up. */
    static Scenario twoNewNames() {
        return Fixtures.layoutW("two new names", Fixtures.with(),
                Fixtures.thread("T1", new Op.Map("x", 0x10000000L, 0x10001000L, Scenarios.RW, false, 0)),
                Fixtures.thread("T2", new Op.Map("y", 0x20000000L, 0x20001000L, Scenarios.RW, false, 0)),
                Fixtures.thread("T3", new Op.GetVma(0x10000000L), new Op.PutVma(), new Op.GetVma(0x20000000L),
                        new Op.PutVma()));
    }

    static void runAlone(Explorable m, int t) {
        while (!m.done(t)) {
            m.step(t);
        }
    }

    @Test
    void everyEngineInstanceGivesTheSameStateTheSameFingerprint() {
        Scenario sc = twoNewNames();
        Explorable a = Engine.explorable(sc, CheckLevel.FULL);
        runAlone(a, 1); /* y is met first here */
        runAlone(a, 0);
        Explorable b = Engine.explorable(sc, CheckLevel.FULL);
        Explorable.Mark start = b.save();
        runAlone(b, 1);
        long onlyY = b.fingerprint();
        b.restore(start);
        runAlone(b, 0); /* x first: the two VMAs swap slots, a different state */
        runAlone(b, 1);
        assertNotEquals(a.fingerprint(), b.fingerprint(), "x and y are in other slots");
        Explorable c = Engine.explorable(sc, CheckLevel.FULL);
        runAlone(c, 1);
        assertEquals(onlyY, c.fingerprint());
        runAlone(c, 0);
        assertEquals(a.fingerprint(), c.fingerprint());
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
