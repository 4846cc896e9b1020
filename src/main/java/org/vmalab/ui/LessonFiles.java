package org.vmalab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.vmalab.export.ExportException;
import org.vmalab.export.Handout;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.ui.ExportAsk.Chosen;
import org.vmalab.viewmodel.LessonLibrary;
import org.vmalab.viewmodel.Lessons;

/**
 * The File menu's lesson items: open a lesson file, save a copy of the lesson shown (a built-in lesson is inside
 * the jar; the copy is a file of the user's, to edit and to add to the lesson list), and the lesson's handout
 * (File ▸ Export ▸ Handout: one HTML page to print, see {@link Handout}).
 */
final class LessonFiles {
    /** The handout's pictures: the tree of the window at this size, light theme (paper), type for print. */
    static final int HANDOUT_WIDTH = 1280;
    static final int HANDOUT_HEIGHT = 800;

    private final MainView view;
    private final WindowActions actions;
    /** The files of the lessons opened with Open lesson (not in the lesson list). */
    private final java.util.Map<Lesson, Path> opened = new java.util.IdentityHashMap<>();

    LessonFiles(MainView view, WindowActions actions) {
        this.view = view;
        this.actions = actions;
    }

    /** File ▸ Open lesson…: a lesson file of the user's, played with its narration. */
    void openLesson() {
        Path f = actions.ask().openFile("Open a lesson", "Lessons (YAML)", "yaml", "yml");
        if (f != null) {
            openLesson(f);
        }
    }

    void openLesson(Path f) {
        openLesson(f, 0);
    }

    /** Opens part {@code part} (0-based; the last one if it has fewer) of the lesson in {@code f}; false if bad. */
    boolean openLesson(Path f, int part) {
        Lesson l;
        try {
            l = LessonLoader.load(f);
        } catch (LessonException e) {
            actions.notice("Cannot open the lesson", e.getMessage(), true);
            return false;
        }
        int p = Math.max(0, Math.min(part, l.parts().size() - 1));
        if (l.isNarrated()) {
            opened.put(l, f);
            view.openLesson(l, p);
        } else {
            // a scenario or a saved run: played as File ▸ Open run plays it, with no lesson pane around it
            view.player().load(Lessons.playable(l, p));
        }
        actions.notice("Opened", f.getFileName() + ": " + l.title(), false);
        return true;
    }

    /** The lesson the lesson pane shows, or null (with a notice). */
    private Lesson current(String what) {
        Lesson l = view.lessonPane().lesson();
        if (l == null) {
            actions.notice(what, "No lesson is open: choose one with Lessons… (L) first.", true);
        }
        return l;
    }

    /** File ▸ Save a copy of the lesson…: the lesson's file, as written (comments too), to a file of the user's. */
    void saveCopy() {
        Lesson l = current("Nothing to copy");
        if (l == null) {
            return;
        }
        LessonLibrary lib = view.library();
        Lessons.Entry e = lib.entryOf(l);
        Path from = e != null ? e.path() : opened.get(l);
        byte[] text;
        String name;
        try {
            if (from == null) {
                throw new IOException("the lesson's file is not known (open it with File ▸ Open lesson…)");
            }
            text = Files.readAllBytes(from);
            name = from.getFileName().toString();
        } catch (IOException | RuntimeException x) {
            actions.notice("Cannot copy the lesson", l.id() + ": " + x.getMessage(), true);
            return;
        }
        Chosen c = actions.ask().saveFile("Save a copy of the lesson", name, "Lesson (YAML)", "yaml");
        if (c == null) {
            return;
        }
        Path dir = c.path().toAbsolutePath().getParent();
        actions.write(c, "a copy of the lesson", out -> out.write(text),
                "edit it with any text editor; its folder is now in the lesson list");
        if (dir != null) {
            // the copy's folder joins the lesson list (remembered), so that the edited lesson is there next time
            Platform.runLater(() -> {
                lib.addFolder(dir);
            });
        }
    }

    /** File ▸ Export ▸ Handout of the lesson…: one HTML page with the narration, pictures and questions. */
    void exportHandout() {
        Lesson l = current("No handout");
        if (l == null) {
            return;
        }
        Chosen c = actions.ask().saveFile("Save the lesson's handout", l.id() + ".html", "Web page (HTML)", "html");
        if (c == null) {
            return;
        }
        actions.notice("Writing the handout", "Drawing the pictures of " + l.title() + "…", false);
        actions.write(c, "the handout of " + l.title(), out -> {
            try {
                out.write(Handout.bytes(l, new HandoutPictures(l, HANDOUT_WIDTH, HANDOUT_HEIGHT, "light",
                        RunRenderer.Panel.TREE, 1)));
            } catch (ExportException x) {
                throw new IOException(x.getMessage(), x);
            }
        }, "open it in a web browser to print it (A4 or Letter)");
    }
}
