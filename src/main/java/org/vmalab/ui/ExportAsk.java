package org.vmalab.ui;

import java.nio.file.Path;
import java.util.Optional;

/** What an export asks the user: where to write, what to show, whether to replace. Tests answer for the user. */
interface ExportAsk {
    /** A PNG: which panel, at which scale. */
    record PngChoice(RunRenderer.Panel panel, int scale) {
    }

    /** A run as frames: the steps (both ends included), the GIF's delays and loop, the panel and scale. */
    record FramesChoice(int from, int to, int delayMs, int holdMs, boolean loop, RunRenderer.Panel panel, int scale) {
        int count() {
            return to - from + 1;
        }
    }

    /**
     * A file to write. {@code replaceConfirmed}: the user already agreed to replace it if it exists (the
     * platform's save dialog asks for the very name it returns).
     */
    record Chosen(Path path, boolean replaceConfirmed) {
    }

    /** A file to write, or null; the chooser starts in the remembered folder. */
    Chosen saveFile(String title, String initialName, String description, String extension);

    /** A file to read, or null. */
    Path openFile(String title, String description, String... extensions);

    /** A folder, or null. */
    Path folder(String title);

    /** Yes or no. */
    boolean confirm(String header, String text);

    Optional<PngChoice> png(PngChoice last);

    Optional<FramesChoice> frames(FramesChoice defaults, int size, boolean gif);
}
