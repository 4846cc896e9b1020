package org.vmalab.engine;

/** A scenario that cannot run (overlapping layout, a program the model cannot execute). */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
