package org.vmalab.export;

import java.nio.file.Path;

/**
 * An export that could not be written, in one line: {@code path: reason} ("out/a.png: already exists (use
 * --force to overwrite)", "out/a.gif: no space left on device; nothing was written"). Never a stack trace.
 */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public ExportException(Path path, String reason) {
        super((path == null ? "" : path + ": ") + reason, null, false, false);
        this.path = path;
    }

    /** The file or folder the message is about (may be null). */
    public Path path() {
        return path;
    }
}
