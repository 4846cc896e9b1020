package org.vmalab.engine.sched;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Prints the hash of one instance of every action record the engine pushes onto a thread's continuation (for each
 * enum component, one instance per constant), one line each. {@link ActionHashTest} runs it in two JVMs whose
 * identity hashes differ and compares the lines: a continuation's hash must not depend on an identity hash.
 */
public final class ActionHashProbe {
    private ActionHashProbe() {
    }

    /** The classes whose nested records are the engine's actions. */
    static final List<String> OUTER = List.of("org.vmalab.engine.sched.Actions", "org.vmalab.engine.mm.Ops",
            "org.vmalab.engine.mm.Readers");

    public static void main(String[] args) throws Exception {
        for (String o : OUTER) {
            for (Class<?> c : Class.forName(o).getDeclaredClasses()) {
                if (!c.isRecord() || !Action.class.isAssignableFrom(c)) {
                    continue;
                }
                RecordComponent[] rc = c.getRecordComponents();
                int variants = 1;
                for (RecordComponent r : rc) {
                    if (r.getType().isEnum()) {
                        variants = Math.max(variants, r.getType().getEnumConstants().length);
                    }
                }
                for (int v = 0; v < variants; v++) {
                    System.out.println(c.getSimpleName() + "#" + v + " " + hash(c, rc, v));
                }
            }
        }
    }

    private static String hash(Class<?> c, RecordComponent[] rc, int variant) {
        Class<?>[] types = new Class<?>[rc.length];
        Object[] values = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            values[i] = sample(types[i], variant + i);
        }
        try {
            Constructor<?> k = c.getDeclaredConstructor(types);
            k.setAccessible(true);
            return Integer.toString(k.newInstance(values).hashCode());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a component the sample cannot fill (a plan, a list): the same in every JVM
            return "not made: " + e.getClass().getSimpleName();
        }
    }

    private static Object sample(Class<?> t, int k) {
        if (t == int.class) {
            return 3 + k;
        } else if (t == long.class) {
            return 0x7fff0000L + k;
        } else if (t == boolean.class) {
            return k % 2 == 0;
        } else if (t == String.class) {
            return "s" + k;
        } else if (t.isEnum()) {
            Object[] e = t.getEnumConstants();
            return e[k % e.length];
        }
        return null;
    }
}
