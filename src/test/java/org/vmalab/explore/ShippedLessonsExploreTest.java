package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/**
 * The explorer against the shipped race lessons (11 to 15): a part with a protection taken away shows a violation
 * in some schedule, a part with the patch in none, and the search is complete. And since the part's own
 * schedule is one of the schedules explored, everything its run shows (each kind of violation, its final
 * outcome) is among what the search reports.
 */
class ShippedLessonsExploreTest {
    static Stream<Arguments> raceParts() {
        Path dir = LessonLoader.lessonsDirectory();
        assertNotNull(dir, "the lessons directory");
        List<Arguments> out = new ArrayList<>();
        for (LessonLoader.LessonFile f : LessonLoader.loadDirectory(dir)) {
            String name = f.path().getFileName().toString();
            if (!f.ok() || !name.matches("(11|12|13|14|15)-.*")) {
                continue;
            }
            for (int i = 0; i < f.lesson().parts().size(); i++) {
                out.add(Arguments.of(name + " part " + (i + 1), f.lesson().parts().get(i)));
            }
        }
        assertTrue(out.size() >= 8, "the race lessons were found: " + out.size() + " parts");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raceParts")
    void theSearchAgreesWithTheLessonAndContainsItsRun(String name, Part part) {
        ExploreResult r = Explorer.run(part.scenario(), ExploreOptions.defaults().withThreads(2));
        assertTrue(r.complete(), r.incompleteReasons().toString());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        /* the patch as written, under any option of the model (a lock option, the store buffers) */
        boolean patch = part.scenario().protection().toggles().stream().allMatch(ProtectionToggle::option);
        if (patch) {
            assertTrue(r.findings().isEmpty(), "the patch: " + r.findings());
        } else {
            assertTrue(!r.findings().isEmpty(), "a protection is off but no schedule breaks an invariant");
        }
        Trace t = part.run();
        Set<String> found = new TreeSet<>();
        r.findings().forEach(f -> found.add(f.kind()));
        for (Violation v : t.violations()) {
            assertTrue(found.contains(v.kind()), v.kind() + " shown by the part's schedule, not by the search "
                    + found);
        }
        if (t.outcome() == Outcome.COMPLETE) {
            assertTrue(r.outcomes().size() >= 1);
        }
        for (Finding f : r.findings()) {
            ReductionEquivalenceTest.assertReplays(part.scenario(), f);
        }
    }
}
