package org.vmalab.engine.mm;

import static org.vmalab.engine.memory.Memory.NIL;

/**
 * A thread's registers: the result of its last lookup and the values its program carries between
 * operations. Immutable.
 *
 * @param vma  result of the last find_vma / get_vma (NIL for none)
 * @param last a short text of the last operation's outcome ("SIGSEGV", "handled speculatively", ...)
 */
public record Regs(int vma, String last) {
    public static final Regs INITIAL = new Regs(NIL, "");

    /** These registers with {@code v} as the lookup's result (these, when it already is). */
    Regs withVma(int v) {
        return v == vma ? this : new Regs(v, last);
    }

    /** These registers with {@code v} as the lookup's result and {@code s} as the outcome's text: one new at most. */
    Regs with(int v, String s) {
        return v == vma ? withLast(s) : new Regs(v, s);
    }

    /** These registers with {@code s} as the outcome's text (these, when it already is). */
    public Regs withLast(String s) {
        return s.equals(last) ? this : new Regs(vma, s);
    }
}
