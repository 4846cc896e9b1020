package org.vmalab.engine;

import static org.vmalab.engine.memory.Memory.NIL;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.tree.Vm;

/** The reference model's in-order table ({@code rbvma.py dump()}) and the golden tables, for comparison. */
final class Tables {
    private Tables() {
    }

    /** One row per node in order: name, bounds, colour, position, depth, children, own gap, subtree gap. */
    static List<String> dump(StateView m) {
        List<String> out = new ArrayList<>();
        walk(m, Vm.root(m), 0, "", out);
        return out;
    }

    private static void walk(StateView m, int v, int depth, String pos, List<String> out) {
        if (v == NIL) {
            return;
        }
        walk(m, Vm.left(m, v), depth + 1, pos + "L", out);
        int l = Vm.left(m, v);
        int r = Vm.right(m, v);
        out.add(String.format("| %-9s | %s | %s | %s | %-5s | %d | %s | %s | %s | %s |", m.name(v),
                Numbers.hex(Vm.start(m, v)), Numbers.hex(Vm.end(m, v)), Vm.color(m, v) == Const.BLACK ? "B" : "R",
                pos.isEmpty() ? "root" : pos, depth, l == NIL ? "-" : m.name(l), r == NIL ? "-" : m.name(r),
                Numbers.hex(Vm.ownGap(m, v)), Numbers.hex(Vm.gap(m, v))));
        walk(m, Vm.right(m, v), depth + 1, pos + "R", out);
    }

    /** Every table of a golden file, in order (rows starting with "| " after a header row). */
    static List<List<String>> golden(String file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String line : Files.readAllLines(GoldenStepsTest.golden(file))) {
            if (line.startsWith("| ") && !line.startsWith("| vma |")) {
                if (cur == null) {
                    cur = new ArrayList<>();
                    out.add(cur);
                }
                cur.add(line);
            } else {
                cur = null;
            }
        }
        return out;
    }
}
