package org.vmalab.engine;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.mm.Op;

/** The layouts of SEMANTICS section 8, for tests. */
final class Layouts {
    private Layouts() {
    }

    static final long RW = Const.VM_READ | Const.VM_WRITE;

    /** Layout W (8.1), with the model attributes of rbvma.py layout_kinds(). */
    static List<VmaSpec> w() {
        return List.of(
                new VmaSpec("text", 0x555555554000L, 0x55555555c000L, Const.VM_READ | Const.VM_EXEC, true, 0),
                new VmaSpec("data", 0x55555575b000L, 0x55555575d000L, RW, true, 0),
                new VmaSpec("heap", 0x55555575d000L, 0x55555577e000L, RW, false, 1),
                new VmaSpec("libc", 0x7ffff79e4000L, 0x7ffff7bcb000L, Const.VM_READ | Const.VM_EXEC, true, 0),
                new VmaSpec("libc_rw", 0x7ffff7dcb000L, 0x7ffff7dd1000L, RW, true, 0),
                new VmaSpec("ld", 0x7ffff7dd5000L, 0x7ffff7dfc000L, Const.VM_READ | Const.VM_EXEC, true, 0),
                new VmaSpec("stack", 0x7ffffffde000L, 0x7ffffffff000L, RW | Const.VM_GROWSDOWN, false, 2));
    }

    static VmaSpec byName(String name) {
        for (VmaSpec v : w()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Layout W in the order given by names. */
    static List<VmaSpec> w(String... order) {
        List<VmaSpec> out = new ArrayList<>();
        for (String n : order) {
            out.add(byName(n));
        }
        return out;
    }

    static Op.Map map(VmaSpec v) {
        return new Op.Map(v.name(), v.start(), v.end(), v.flags(), v.hasOps(), v.anonVma());
    }

    static ThreadSpec thread(String name, Op... ops) {
        return new ThreadSpec(name, ThreadSpec.infer(List.of(ops)), List.of(ops));
    }

    static Scenario scenario(List<VmaSpec> layout, Protection p, ThreadSpec... threads) {
        return Scenario.of("test", layout, List.of(threads), p);
    }
}
