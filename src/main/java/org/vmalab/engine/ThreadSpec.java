package org.vmalab.engine;

import java.util.List;
import org.vmalab.engine.mm.Op;

/** A simulated thread: its name, its role (for the view) and its program. */
public record ThreadSpec(String name, Role role, List<Op> program) {
    public ThreadSpec {
        program = List.copyOf(program);
    }

    /** What kind of thread this is, for the thread lanes. */
    public enum Role {
        WRITER("writer"), SPF_READER("speculative reader"), CLASSIC_READER("classic reader"), MIXED("mixed");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Why {@code name} cannot name a thread, or null: a letter (or {@code _}) then up to 31 letters, digits,
     * {@code _} or {@code .}, as schedules and goals write it.
     */
    public static String nameProblem(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_.]{0,31}")) {
            return null;
        }
        return "a thread name is a letter then letters, digits, '_' or '.' (like T1), not '" + Words.shorten(name)
                + "'";
    }

    /** The role a program implies. */
    public static Role infer(List<Op> program) {
        boolean w = false;
        boolean s = false;
        boolean c = false;
        for (Op o : program) {
            if (o.isWriter() || o instanceof Op.DownWrite) {
                w = true;
            } else if (o instanceof Op.Spf || o instanceof Op.GetVma || o instanceof Op.PutVma) {
                s = true;
            } else {
                c = true;
            }
        }
        int kinds = (w ? 1 : 0) + (s ? 1 : 0) + (c ? 1 : 0);
        if (kinds > 1 && !(w && c && !s)) {
            return Role.MIXED;
        }
        return w ? Role.WRITER : s ? Role.SPF_READER : Role.CLASSIC_READER;
    }
}
