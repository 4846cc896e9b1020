package org.vmalab.engine.trace;

import org.vmalab.engine.Face;

/** How a run ended. */
@Face
public enum Outcome {
    /** Every thread finished its program. */
    COMPLETE,
    /** Threads remain but none can run (all asleep). */
    DEADLOCK,
    /** The step bound was reached (a spinning livelock, or just a long run): not a pass. */
    BOUND,
    /** The explicit schedule ran out (policy STOP). */
    STOPPED,
    /** The explicit schedule named a thread that could not run at that point. */
    INVALID_SCHEDULE
}
