package org.vmalab.engine;

/**
 * A one-line text that does not read (a number, a VMA line, an operation), with the reason in plain words and
 * where in the text it went wrong.
 */
public final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public SyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where in the text (0-based), or -1 when the whole text is meant. */
    public int offset() {
        return offset;
    }
}
