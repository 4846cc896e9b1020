package org.vmalab.lesson;

/** Where something was written in a lesson file: 1-based line and column. */
public record SourcePos(int line, int column) {
    /** For values that were not read from a file (built in code). */
    public static final SourcePos NONE = new SourcePos(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
