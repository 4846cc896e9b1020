package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;

/** The form's operation text, its validation, the strip's scales and the number formats. */
class TextAndStripTest {
    @Test
    void theFormKeepsEveryOperationAndFlagItIsGiven() {
        List<Op> ops = List.of(new Op.FindVma(0x1000), new Op.GetVma(0x55555575e000L), new Op.PutVma(),
                new Op.Spf(0x55555575e000L, true), new Op.Fault(0x4000, false),
                new Op.Map("stack", 0x7ffffffde000L, 0x7ffffffff000L, Scenarios.RW | Const.VM_GROWSDOWN, false, 2),
                new Op.Map("shm", 0x1000, 0x3000, Scenarios.RW | Const.VM_SHARED, true, 0),
                new Op.Mmap("buf", 0x7f0000000000L, 0x2000, Scenarios.RW | Const.VM_SHARED, false, true, false),
                new Op.Mmap("mmap", 0, 0x801000, Scenarios.RW, true, false, true),
                new Op.Munmap(0x55555575d000L, 0x55555577e000L), new Op.Brk(0x55555579f000L),
                new Op.Search(0x2000, 0x10000, 0x7ffff7fff000L, true), new Op.Search(0x1000, 0, 1L << 40, false),
                new Op.DownRead(), new Op.UpRead(), new Op.DownWrite(), new Op.UpWrite());
        VmaSpec shared = new VmaSpec("shm", 0x7ffff7000000L, 0x7ffff7004000L, Scenarios.RW | Const.VM_SHARED, true, 0);
        Scenario sc = Scenario.of("form", List.of(shared), List.of(new ThreadSpec("T1", ThreadSpec.Role.MIXED, ops)),
                Protection.PATCH);
        ScenarioDraft d = ScenarioDraft.of(sc);
        assertEquals("rw- shared", d.vmas.get(0).flags, "the form shows VM_SHARED");
        assertTrue(d.threads.get(0).program.contains("map shm 0x1000-0x3000 rw- shared file"),
                d.threads.get(0).program);
        ScenarioDraft.Result r = d.build();
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(sc.layout(), r.scenario().layout(), "a shared layout VMA stays shared");
        assertEquals(ops, r.scenario().threads().get(0).program(), "a shared mapping typed in the form stays shared");

        d.threads.get(0).program = "map shm 0x1000-0x3000 shared\n";
        d.vmas.get(0).flags = "r-- shared growsdown";
        r = d.build();
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(Const.VM_READ | Const.VM_SHARED | Const.VM_GROWSDOWN, r.scenario().layout().get(0).flags());
        assertEquals(Scenarios.RW | Const.VM_SHARED, ((Op.Map) r.scenario().threads().get(0).program().get(0))
                .flags(), "typed in the form: rw- and VM_SHARED");
    }

    @Test
    void badLinesSayWhatIsWrong() {
        ScenarioDraft d = ScenarioDraft.of(Scenarios.defaultScenario());
        d.threads.get(0).program = "# a comment\nspf 0x1000\n\nmunmp 0x1000 0x2000\n";
        d.vmas.get(0).flags = "rw- sharde";
        List<String> e = d.build().errors();
        assertTrue(e.contains("T1 line 4: unknown operation 'munmp' (did you mean 'munmap'?)"), e.toString());
        assertTrue(e.contains("Layout row 1 (text): flags: unknown word 'sharde' (did you mean 'shared'?)"),
                e.toString());
    }

    @Test
    void theDraftKeepsTheScenariosMaxMapCount() {
        Scenario sc = Scenarios.defaultScenario().withMaxMapCount(1 << 20);
        ScenarioDraft.Result r = ScenarioDraft.of(sc).build();
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(1 << 20, r.scenario().maxMapCount());
        assertEquals(Const.MAX_MAP_COUNT, ScenarioDraft.of(Scenarios.defaultScenario()).build().scenario()
                .maxMapCount());
    }

    @Test
    void theDraftValidatesAndBuilds() {
        ScenarioDraft d = ScenarioDraft.of(Scenarios.defaultScenario());
        ScenarioDraft.Result ok = d.build();
        assertTrue(ok.ok(), ok.errors().toString());
        Scenario s = ok.scenario();
        assertEquals(Scenarios.defaultScenario().layout(), s.layout());
        assertEquals(Scenarios.defaultScenario().threads(), s.threads());

        d.vmas.get(1).end = "0x555555554000";
        d.vmas.get(2).name = "text";
        d.vmas.get(3).start = "nope";
        d.threads.get(1).program = "munmap 0x55555575d000";
        d.threads.add(new ScenarioDraft.ThreadRow("T1", ""));
        List<String> e = d.build().errors();
        assertFalse(d.build().ok());
        assertTrue(e.contains("Layout row 2 (data): the start 0x55555575b000 must be below the end 0x555555554000"),
                e.toString());
        assertTrue(e.stream().anyMatch(x -> x.startsWith("Layout row 4 (libc): start")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.equals("T2 line 1: missing arguments: munmap START END")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.equals("T1: the name is used twice")), e.toString());

        ScenarioDraft o = ScenarioDraft.of(Scenarios.defaultScenario());
        o.vmas.get(2).start = "0x55555575c000";
        assertTrue(o.build().errors().stream().anyMatch(x -> x.contains("overlap")), o.build().errors().toString());
    }

    @Test
    void theStripScales() {
        Player p = new Player(TaskRunner.INLINE);
        p.load(Playable.of(Scenarios.defaultScenario()));
        StepScene.Strip st = p.scene().strip();
        StripLayout lin = StripLayout.of(st, StripLayout.Scale.LINEAR, 1000);
        assertEquals(0, lin.x(0), 1e-9);
        assertEquals(1000, lin.x(Const.TASK_SIZE), 1e-9);
        assertEquals(500, lin.x(Const.TASK_SIZE / 2), 0.01);
        StripLayout log = StripLayout.of(st, StripLayout.Scale.LOG, 1000);
        assertEquals(1000, log.x1(log.segments().size() - 1), 1e-6, "the segments fill the width");
        double prev = -1;
        for (int i = 0; i < log.segments().size(); i++) {
            assertTrue(log.x0(i) >= prev - 1e-9, "in address order");
            assertTrue(log.x1(i) - log.x0(i) > 5, "every segment visible: " + log.segments().get(i));
            prev = log.x1(i);
        }
        // a VMA of 8 pages is clearly visible on the log scale, a sliver on the linear one
        StepScene.Segment text = st.segments().get(1);
        assertEquals("text", text.name());
        assertTrue(lin.x(text.end()) - lin.x(text.start()) < 0.01);
        assertTrue(log.x(text.end()) - log.x(text.start()) > 20);
    }

    @Test
    void sizesAndHex() {
        assertEquals("0x1ff000", Numbers.hex(0x1ff000));
        assertEquals("2044 KiB", Fmt.size(0x1ff000));
        assertEquals("16 KiB", Fmt.size(0x4000));
        assertEquals("42.7 TiB", Fmt.size(0x2aaaa2266000L));
        assertEquals("0", Fmt.size(0));
        assertEquals("128.9 MiB", Fmt.size(0x80e2000));
        assertEquals("1 MiB", Fmt.size(0x100000));
        assertEquals("555555554000-55555555c000", Fmt.range(0x555555554000L, 0x55555555c000L));
    }
}
