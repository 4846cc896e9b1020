package org.vmalab.engine;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.mm.MmOps;
import org.vmalab.engine.tree.Vm;

/** Independent answers computed by scanning the VMA list, to check the tree algorithms against. */
final class BruteForce {
    private BruteForce() {
    }

    static List<Integer> list(StateView m) {
        List<Integer> out = new ArrayList<>();
        for (int v = (int) m.mm(Field.MMAP); v != NIL; v = Vm.next(m, v)) {
            out.add(v);
        }
        return out;
    }

    /** The first VMA with vm_end > addr. */
    static int findVma(StateView m, long addr) {
        for (int v : list(m)) {
            if (Vm.ugt(Vm.end(m, v), addr)) {
                return v;
            }
        }
        return NIL;
    }

    /** rbvma.py brute_topdown: scan the gaps from the highest downwards. */
    static long topdown(StateView m, long length, long low, long high) {
        if (Vm.ugt(length, high)) {
            return MmOps.ENOMEM;
        }
        long hl = high - length;
        if (Vm.ugt(low, hl)) {
            return MmOps.ENOMEM;
        }
        long ll = low + length;
        if (Vm.ule(m.mm(Field.HIGHEST_VM_END), hl)) {
            return high - length;
        }
        List<Integer> vs = list(m);
        for (int i = vs.size() - 1; i >= 0; i--) {
            int v = vs.get(i);
            long gs = i > 0 ? Vm.vmEndGap(m, vs.get(i - 1)) : 0;
            long ge = Vm.vmStartGap(m, v);
            if (Vm.ult(ge, ll)) {
                return MmOps.ENOMEM;
            }
            if (Vm.ule(gs, hl) && Vm.ugt(ge, gs) && Vm.uge(ge - gs, length)) {
                return (Vm.ult(ge, high) ? ge : high) - length;
            }
        }
        return MmOps.ENOMEM;
    }

    /** The lowest gap that fits, scanning upwards; the gap above the last VMA last. */
    static long bottomUp(StateView m, long length, long low, long high) {
        if (Vm.ult(high, length)) {
            return MmOps.ENOMEM;
        }
        long hl = high - length;
        if (Vm.ugt(low, hl)) {
            return MmOps.ENOMEM;
        }
        long ll = low + length;
        List<Integer> vs = list(m);
        for (int i = 0; i < vs.size(); i++) {
            long gs = i > 0 ? Vm.vmEndGap(m, vs.get(i - 1)) : 0;
            long ge = Vm.vmStartGap(m, vs.get(i));
            if (Vm.ugt(gs, hl)) {
                return MmOps.ENOMEM;
            }
            if (Vm.uge(ge, ll) && Vm.ugt(ge, gs) && Vm.uge(ge - gs, length)) {
                return Vm.ult(gs, low) ? low : gs;
            }
        }
        long gs = m.mm(Field.HIGHEST_VM_END);
        if (Vm.ugt(gs, hl)) {
            return MmOps.ENOMEM;
        }
        return Vm.ult(gs, low) ? low : gs;
    }
}
