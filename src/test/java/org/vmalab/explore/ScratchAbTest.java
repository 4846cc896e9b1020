package org.vmalab.explore;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;

class ScratchAbTest {
    @Test
    void mprotect() {
        List<VmaSpec> l = new ArrayList<>();
        for (VmaSpec v : Scenarios.layoutW()) {
            if (v.name().equals("heap")) {
                l.add(new VmaSpec("heap", 0x55555575d000L, 0x55555576e000L, Scenarios.RW, false, 1));
                l.add(new VmaSpec("tail", 0x55555576e000L, 0x55555577e000L, Const.VM_READ, false, 1));
            } else {
                l.add(v);
            }
        }
        Scenario sc = Scenario.of("mprotect merge", l, List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(0x555555770000L, false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Mprotect(0x55555576e000L, 0x55555577e000L, Scenarios.RW)))),
                Protection.PATCH);
        AbTable t = AbTable.run(sc, ExploreOptions.defaults().withThreads(2));
        System.out.println(Reports.abText(t));
    }
}
