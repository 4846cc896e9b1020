package org.vmalab.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protections in force: the patch as written (no toggles) or with parts taken away, and the policy of
 * the {@code mm_rb_lock} rwlock.
 */
public record Protection(Set<ProtectionToggle> toggles, RwlockPolicy policy) {
    public static final Protection PATCH = new Protection(Set.of(), RwlockPolicy.QUEUED);

    public Protection {
        toggles = Collections.unmodifiableSet(toggles.isEmpty() ? EnumSet.noneOf(ProtectionToggle.class)
                : EnumSet.copyOf(toggles));
        if (toggles.contains(ProtectionToggle.PRE_PATCH)
                && toggles.stream().filter(t -> !t.option()).count() > 1) {
            throw new IllegalArgumentException("PRE_PATCH cannot be combined with other toggles");
        }
    }

    public static Protection of(RwlockPolicy policy, ProtectionToggle... toggles) {
        EnumSet<ProtectionToggle> s = EnumSet.noneOf(ProtectionToggle.class);
        s.addAll(java.util.Arrays.asList(toggles));
        return new Protection(s, policy);
    }

    public boolean has(ProtectionToggle t) {
        return toggles.contains(t);
    }

    public boolean prePatch() {
        return has(ProtectionToggle.PRE_PATCH);
    }

    /** mm_rb_lock exists and is taken. */
    public boolean lock() {
        return !has(ProtectionToggle.NO_LOCK) && !prePatch();
    }

    /** vm_ref_count exists and get_vma takes a reference. */
    public boolean refcount() {
        return !has(ProtectionToggle.NO_REFCOUNT) && !prePatch();
    }

    /** The speculative path exists. */
    public boolean spf() {
        return !prePatch();
    }

    /** RB_CLEAR_NODE is stored by __vma_rb_erase. */
    public boolean clearNode() {
        return !prePatch();
    }

    /** vm_sequence exists (SPF series). */
    public boolean seqcount() {
        return !prePatch();
    }

    /** The toggles that are options of the model ({@link ProtectionToggle#option()}), not parts of the patch. */
    public Set<ProtectionToggle> options() {
        EnumSet<ProtectionToggle> s = EnumSet.noneOf(ProtectionToggle.class);
        for (ProtectionToggle t : toggles) {
            if (t.option()) {
                s.add(t);
            }
        }
        return s;
    }

    /** mmap_sem writers may steal the lock (v4.15 optimistic spinning); off: FIFO hand-off. */
    public boolean writerSteal() {
        return has(ProtectionToggle.RWSEM_WRITER_STEAL);
    }

    /** Stores wait in per-thread store buffers (the RELAXED_STORES memory model). */
    public boolean relaxed() {
        return has(ProtectionToggle.RELAXED_STORES);
    }

    /** The release of write_unlock(mm_rb_lock) in __vma_rb_erase orders the erase's stores before later ones. */
    public boolean eraseRelease() {
        return !has(ProtectionToggle.NO_RELEASE);
    }

    public Protection withPolicy(RwlockPolicy p) {
        return new Protection(toggles, p);
    }

    /** "the patch", or the toggles joined with '+'. */
    public String label() {
        if (toggles.isEmpty()) {
            return "PATCH";
        }
        return toggles.stream().map(Enum::name).collect(Collectors.joining("+"));
    }
}
