package org.vmalab.viewmodel;

/** What the current step did to a node: drawn as highlights on top of its state. */
public enum Mark {
    /** The step is about this node ({a} of its caption). */
    SUBJECT,
    /** The step's second node ({b} of its caption). */
    OTHER,
    /** A store of the step wrote one of its words. */
    STORED,
    GAP_CHANGED,
    COLOR_FLIPPED,
    PARENT_CHANGED,
    CHILD_CHANGED,
    REF_CHANGED,
    SEQ_CHANGED,
    RANGE_CHANGED,
    LIST_CHANGED,
    LIFE_CHANGED,
    /** The propagate callback stored this node's gap and climbs on. */
    PROPAGATE,
    /** The propagate callback found this node's gap unchanged and stopped here. */
    PROPAGATE_STOP,
    /** The root pointer now points here (mm_rb.rb_node changed). */
    NEW_ROOT,
    /** A violation of this step names this node. */
    VIOLATION
}
