package org.vmalab.viewmodel;

import java.util.List;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.sched.Schedule;

/** The race of SEMANTICS 6(b) on the default scenario, shared by the model and window tests. */
public final class Races {
    private Races() {
    }

    /** T1 runs 8 steps (get_vma, then a little), T2 runs munmap(heap) until it ends, then round-robin. */
    public static Schedule raceSchedule() {
        return new Schedule(List.of(new Schedule.Slot(0, 8), new Schedule.Slot(1, Schedule.Slot.UNTIL_BLOCKED)),
                Schedule.Policy.ROUND_ROBIN, 0, Schedule.DEFAULT_BOUND);
    }

    public static Playable race(boolean noRefcount) {
        Scenario sc = Scenarios.defaultScenario();
        if (noRefcount) {
            sc = sc.withProtection(Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.NO_REFCOUNT));
        }
        return new Playable("race", sc.title(), "", sc, raceSchedule(), Narration.NONE);
    }
}
