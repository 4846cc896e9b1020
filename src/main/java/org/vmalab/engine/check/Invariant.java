package org.vmalab.engine.check;

import org.vmalab.engine.Face;

/** The invariants the checker enforces (SEMANTICS section 5), with when they must hold. */
@Face
public enum Invariant {
    I_LOCK(Scope.ALWAYS, "lock rules: mmap_sem before mm_rb_lock, no sleeping under mm_rb_lock, "
            + "write_lock only under mmap_sem write, find_vma only under mmap_sem"),
    I_STORE(Scope.ALWAYS, "structural tree stores are made under mmap_sem write and mm_rb_lock write"),
    I_UAF(Scope.ALWAYS, "no thread reads or writes a freed VMA (use-after-free)"),
    I_FREE(Scope.ALWAYS, "a VMA is freed once, by the put_vma that brings vm_ref_count to 0; "
            + "the count never goes from 0 to 1 (resurrection) or below 0"),
    I_REF(Scope.ALWAYS, "vm_ref_count = the mm's reference + references taken by get_vma and not put"),
    I_GET(Scope.ALWAYS, "get_vma increments only inside its read-locked section, on a VMA reached from the root"),
    I_REACH(Scope.ALWAYS, "a freed VMA is not reachable from the tree root or the VMA list"),
    I_CLEAR(Scope.ALWAYS, "a node marked RB_CLEAR_NODE is not reachable from the root"),
    I_SEQ(Scope.ALWAYS, "vm_sequence is odd exactly inside a write-begin/write-end section"),
    I_TERM(Scope.ALWAYS, "the tree reachable from the root has no cycle: every walk terminates"),
    LOOKUP(Scope.ALWAYS, "a lookup returns the VMA that contains the address when that VMA was in the tree (linked "
            + "and not yet unlinked) both when the walk began and when it ended"),
    SPF_PTE(Scope.ALWAYS, "a speculative fault installs a PTE only if its VMA was not cleared and its "
            + "vm_sequence unchanged at the last check, into an anon_vma chain still linked (5.5)"),
    L_GAP(Scope.CHECKPOINT, "validate_mm_rb: every node's rb_subtree_gap matches its children and own gap"),
    Q_BST(Scope.QUIESCENT, "in-order keys strictly increase, VMAs do not overlap"),
    Q_RB(Scope.QUIESCENT, "red-black rules: black root, no red-red, equal black heights, parent pointers"),
    Q_LIST(Scope.QUIESCENT, "the VMA list equals the in-order tree, vm_prev/vm_next agree"),
    Q_COUNT(Scope.QUIESCENT, "map_count equals the number of VMAs"),
    Q_HIGH(Scope.QUIESCENT, "highest_vm_end = vm_end_gap(last VMA), or 0"),
    Q_GAP(Scope.QUIESCENT, "every rb_subtree_gap equals the largest own gap in its subtree"),
    Q_CLEAN(Scope.QUIESCENT, "no tree VMA is cleared or freed; counts >= 1; sequences even"),
    Q_PTE(Scope.QUIESCENT, "every installed PTE lies inside a mapped VMA");

    /** When an invariant must hold. */
    public enum Scope { ALWAYS, QUIESCENT, CHECKPOINT }

    private final Scope scope;
    private final String description;

    Invariant(Scope scope, String description) {
        this.scope = scope;
        this.description = description;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    /** I-UAF, Q-GAP ... as SEMANTICS writes them. */
    public String id() {
        return name().replace('_', '-');
    }

    /**
     * A design rule of the patch (who may take which lock, where a reference may be taken), as opposed to a
     * consequence (a use-after-free, a broken tree, a wrong answer). A setting that takes a part of the patch away
     * breaks its rules on every schedule; the consequences say what that costs, so reports list them first.
     */
    public boolean rule() {
        return this == I_LOCK || this == I_GET || this == I_STORE;
    }
}
