package org.vmalab.engine.trace;

import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.tree.Tag;

/** The words shown for a step: the case title, the step's template filled in, and its dynamic note. */
final class Captions {
    private Captions() {
    }

    static String of(Trace t, StepRecord s) {
        StringBuilder b = new StringBuilder();
        if (s.tag() != Tag.NONE && s.tag() != Tag.ROOT && s.loc().kind() != Loc.Kind.GROUP) {
            b.append(s.tag().title()).append(": ");
        }
        b.append(fill(s.loc().template(), t::vmaName, s.a(), s.b(), s.v()));
        if (s.micro() > 1) {
            b.append(" (").append(s.micro()).append(" steps)");
        }
        if (s.note() != null && !s.note().isEmpty()) {
            b.append(" — ").append(s.note());
        }
        return b.toString();
    }

    /** Fills {a} {b} (VMA names), {v} (hex), {c} (colour), {i} (decimal), {p} (protection bits as rwx). */
    static String fill(String template, java.util.function.IntFunction<String> names, int a, int b, long v) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char k = template.charAt(i + 1);
                switch (k) {
                    case 'a' -> out.append(names.apply(a));
                    case 'b' -> out.append(names.apply(b));
                    case 'v' -> out.append(Numbers.hex(v));
                    case 'c' -> out.append(v == Const.BLACK ? "black" : "red");
                    case 'i' -> out.append(v);
                    case 'p' -> out.append((v & Const.VM_READ) != 0 ? 'r' : '-')
                            .append((v & Const.VM_WRITE) != 0 ? 'w' : '-').append((v & Const.VM_EXEC) != 0 ? 'x' : '-');
                    default -> out.append(c).append(k).append('}');
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
