package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Scenario;

/**
 * The reduction's independence relation comes from the footprints the engine's steps declare (what each read and
 * wrote; the engine's {@code FootprintTest} checks every declaration against the reads a step really made). The
 * audit checks every independence the search relies on by running both orders from the state where it was used:
 * same state, same violations. A failure means a declaration misses a read (and the reduction could hide a
 * schedule).
 */
class SoundnessAuditTest {
    static Stream<Arguments> scenarios() {
        return Stream.concat(ReductionEquivalenceTest.scenarios(), Stream.of(
                Arguments.of("three get_vma without the lock", Fixtures.threeGetVmaNoLock()),
                Arguments.of("two lockless find_vma", Fixtures.twoLocklessFindVma()),
                Arguments.of("lesson 9 in MACRO granularity", Fixtures.lesson9(Fixtures.with())
                        .withGranularity(Granularity.MACRO))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyIndependenceTheReductionUsesHolds(String name, Scenario sc) {
        ExploreResult r = Explorer.run(sc, Fixtures.single().withAudit(true));
        assertTrue(r.complete(), r.incompleteReasons().toString());
        assertTrue(r.auditFailures().isEmpty(), () -> r.auditFailures().size() + " failures, e.g. "
                + r.auditFailures().subList(0, Math.min(5, r.auditFailures().size())));
        assertTrue(r.auditChecks() > 0 || r.stats().sleepPruned() == 0, "the audit ran");
    }
}
