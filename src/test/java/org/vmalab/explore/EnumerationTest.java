package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmalab.engine.Scenario;

/**
 * For threads that never block, plain enumeration (no reduction, no state caching) runs every interleaving once:
 * exactly the multinomial number of schedules, and one state per prefix.
 */
class EnumerationTest {
    static Stream<Arguments> neverBlocking() {
        return Stream.of(Arguments.of("two lockless find_vma", Fixtures.twoLocklessFindVma()),
                Arguments.of("three get_vma without the lock", Fixtures.threeGetVmaNoLock()),
                Arguments.of("two get_vma/put_vma without the lock", Fixtures.twoGetPutNoLock()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverBlocking")
    void plainEnumerationRunsTheMultinomialNumberOfSchedules(String name, Scenario sc) {
        int[] n = Fixtures.stepsAlone(sc);
        ExploreResult r = Explorer.run(sc, Fixtures.plain());
        assertTrue(r.complete(), r.incompleteReasons().toString());
        assertEquals(Fixtures.multinomial(n), r.stats().schedules(), "schedules");
        assertEquals(Fixtures.prefixes(n), r.stats().states(), "states = prefixes of the interleavings");
        assertEquals(0, r.stats().idleSpins());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverBlocking")
    void plainEnumerationOnTwoWorkersRunsTheSameSchedules(String name, Scenario sc) {
        int[] n = Fixtures.stepsAlone(sc);
        ExploreResult r = Explorer.run(sc, Fixtures.plain().withThreads(2));
        assertEquals(Fixtures.multinomial(n), r.stats().schedules());
        assertEquals(Fixtures.prefixes(n), r.stats().states());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverBlocking")
    void theScheduleCounterAgreesWithTheFormula(String name, Scenario sc) {
        int[] n = Fixtures.stepsAlone(sc);
        assertEquals(BigInteger.valueOf(Fixtures.multinomial(n)), ScheduleCounter.count(sc, Fixtures.single()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverBlocking")
    void sleepSetsRunFewerSchedulesThanPlainEnumeration(String name, Scenario sc) {
        int[] n = Fixtures.stepsAlone(sc);
        ExploreResult r = Explorer.run(sc, Fixtures.plain().withReduction(true));
        assertTrue(r.complete());
        assertTrue(r.stats().schedules() >= 1 && r.stats().schedules() * 10 <= Fixtures.multinomial(n),
                r.stats().schedules() + " schedules with sleep sets, " + Fixtures.multinomial(n) + " without");
    }
}
