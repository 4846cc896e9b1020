package org.vmalab.imports;

/** A malformed maps file: the message is one line, {@code file:LINE: message}. */
public final class MapsException extends Exception {
    public MapsException(String message) {
        super(message, null, false, false);
    }
}
