package org.vmalab.engine.sched;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ScenarioException;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;

/**
 * {@code CLEAR_BEFORE_ERASE} makes {@code rb_erase} read a parent word that says "not in a tree": the erase then
 * breaks the tree (cycles, lost children, a list that disagrees with the tree). Whatever a later step meets on
 * such a tree, the engine reports it the one way it knows: a writer that cannot go on stops with a violation
 * ({@link Invariant#I_TERM}) and its operation ends ({@link Loc#OP_ABORTED}); a reader goes on walking step by
 * step; a check reports what it sees. No step throws anything but a {@link ScenarioException} (a program the
 * model refuses).
 *
 * <p>Each seed below once crashed a step (an index out of bounds, a stack overflow, a macro step that never
 * ended); they were found by scanning thousands of seeds of this generator.
 */
class BrokenTreeTest {

    @TestFactory
    Stream<DynamicTest> aStepOnABrokenTreeFailsTheWayTheEngineReportsIt() {
        return Stream.of(
                seed(8, false, "a reader going round a cycle in one macro step"),
                seed(17, true, "unmapped_area climbing to a node without vm_prev; an erase losing a left child"),
                seed(21, true, "detach_vmas_to_be_unmapped without a VMA after prev"),
                seed(71, true, "vma_adjust case 6 without a VMA after next"),
                seed(88, false, "a reader going round a cycle in one macro step"),
                seed(2013, false, "the quiescent check on a cycle its bounded walk did not reach"),
                seed(2887, true, "__insert_vm_struct on a range the broken tree says is taken"),
                seed(2987, true, "unmapped_area climbing round a cycle of parent pointers"));
    }

    /** {@code writerStops}: a writer meets a tree it cannot go on with, and its operation ends there. */
    private static DynamicTest seed(long seed, boolean writerStops, String what) {
        return DynamicTest.dynamicTest("seed " + seed + ": " + what, () -> {
            int[] stopped = new int[1];
            run(seed, stopped);
            if (writerStops) {
                assertTrue(stopped[0] > 0, "seed " + seed + ": no operation was stopped");
            }
        });
    }

    /** Random programs on layout W under CLEAR_BEFORE_ERASE (and maybe more toggles), three random schedules. */
    static void run(long seed, int[] stopped) {
        SplittableRandom r = new SplittableRandom(seed);
        int nt = 2 + r.nextInt(3);
        List<ThreadSpec> threads = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            List<Op> program = new ArrayList<>();
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                program.addAll(FootprintTest.program(r));
            }
            threads.add(new ThreadSpec("T" + (t + 1), ThreadSpec.infer(program), program));
        }
        EnumSet<ProtectionToggle> tg = EnumSet.of(ProtectionToggle.CLEAR_BEFORE_ERASE);
        for (ProtectionToggle p : ProtectionToggle.values()) {
            if (p != ProtectionToggle.PRE_PATCH && r.nextInt(4) == 0) {
                tg.add(p);
            }
        }
        Protection prot = Protection.of(r.nextBoolean() ? RwlockPolicy.QUEUED : RwlockPolicy.READER_PREF,
                tg.toArray(new ProtectionToggle[0]));
        Scenario sc = Scenario.of("broken tree " + seed, FootprintTest.W, threads, prot);
        if (r.nextBoolean()) {
            sc = sc.withGranularity(Granularity.MACRO);
        }
        CheckLevel level = CheckLevel.values()[r.nextInt(3)];
        for (int run = 0; run < 3; run++) {
            Machine m = new Machine(sc, level);
            if (r.nextBoolean()) {
                m.declareFootprints();
            }
            for (int s = 0; s < 2000 && !m.allDone(); s++) {
                int[] en = new int[m.threadCount()];
                int c = 0;
                for (int t = 0; t < m.threadCount(); t++) {
                    if (m.enabled(t)) {
                        en[c++] = t;
                    }
                }
                if (c == 0) {
                    break;
                }
                StepRecord rec;
                try {
                    rec = m.step(en[r.nextInt(c)]);
                } catch (ScenarioException e) {
                    break;
                }
                if (rec.loc() == Loc.OP_ABORTED) {
                    stopped[0]++;
                }
            }
            m.finalCheck(null);
        }
    }
}
