package org.vmalab.lesson;

/**
 * A problem with a lesson or scenario file, always located: {@link #getMessage()} is the one line
 * {@code file:line:column: message} that the command line prints and the lesson browser shows. Lines and
 * columns count from 1; a problem with the file as a whole is reported at 1:1.
 */
public final class LessonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public LessonException(String source, int line, int column, String problem) {
        super(source + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": " + problem, null, false, false);
        this.source = source;
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.problem = problem;
    }

    public LessonException(String source, SourcePos pos, String problem) {
        this(source, pos.line(), pos.column(), problem);
    }

    /** The file name (or the name given to {@link LessonLoader#parse(String, String)}). */
    public String source() {
        return source;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column (in characters). */
    public int column() {
        return column;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
