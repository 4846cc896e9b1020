package org.vmalab.viewmodel;

/** Where a VMA's tree node stands in its life, as the tree view draws it. */
public enum NodeState {
    /** Reachable from {@code mm_rb.rb_node}. */
    LINKED("linked", "in the tree, reachable from the root"),
    /** Linked by rb_link_node and not erased, but a walk from the root cannot reach it right now. */
    UNREACHABLE("unreachable", "in the tree, but a walk from the root cannot reach it at this moment"),
    /** Allocated and not in the tree: not linked yet, or erased with stale pointers. */
    OFF_TREE("off the tree", "not in the tree (not linked yet, or erased: its own pointers are stale)"),
    /** {@code RB_CLEAR_NODE}: the node is its own parent, {@code RB_EMPTY_NODE} is true. */
    CLEARED("cleared", "RB_CLEAR_NODE: its parent word points to itself, RB_EMPTY_NODE() is true"),
    /** {@code kmem_cache_free} ran. */
    FREED("freed", "freed by __free_vma: any access now is a use-after-free");

    private final String label;
    private final String description;

    NodeState(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The CSS pseudo-class name. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
