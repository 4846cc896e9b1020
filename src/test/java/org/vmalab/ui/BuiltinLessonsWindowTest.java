package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.LessonLibrary;
import org.vmalab.viewmodel.Lessons;

/**
 * The window as {@code java -jar vmalab.jar} opens it: its lessons come from the class path (inside the jar),
 * whatever the working directory holds, and it opens on lesson 1; the browser adds a folder of the user's;
 * "Save a copy" writes the built-in lesson's file to the user's folder; the handout is written from the window.
 */
@ExtendWith(ApplicationExtension.class)
class BuiltinLessonsWindowTest {
    private MainView view;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage primary) {
        // a stage of its own: the application sets its size limits, and TestFX's primary stage is shared
        stage = new Stage();
        new VmaLabApp().start(stage);
        view = (MainView) stage.getScene().getRoot();
    }

    /** The application's window and the notices it raised do not outlive the test. */
    @AfterEach
    void close() {
        FxWait.closeWithPopups(stage);
    }

    @Test
    void opensOnLessonOneResolvedFromTheClassPath() throws Exception {
        settle(view.player());
        LessonLibrary lib = fx(view::library);
        LessonLibrary.Shelf builtIn = lib.shelves().get(0);
        assertTrue(builtIn.builtIn());
        Path from = builtIn.dir();
        assertTrue(from.toString().replace('\\', '/').endsWith("org/vmalab/lessons"), from.toString());
        assertTrue(!from.toAbsolutePath().startsWith(Path.of("lessons").toAbsolutePath()), "not the working "
                + "directory's lessons/: " + from);
        assertEquals(BuiltinLessons.list().size(), builtIn.entries().size());
        Lesson first = LessonLoader.load(BuiltinLessons.list().get(0).path());
        Lesson shown = fx(() -> view.lessonPane().lesson());
        assertNotNull(shown, "a lesson is open");
        assertEquals(first.id(), shown.id());
        assertEquals(Lessons.key(shown, 0), fx(() -> view.player().playable().id()));
    }

    /**
     * In the lesson browser (its list 720 px wide, as in a 1280x720 window) every lesson's title and its count of
     * parts read whole: lesson 15's title was cut to "...use the vmac..." and its count to "3 parts + 1 optional
     * ·...".
     */
    @Test
    void theBrowserShowsEveryTitleAndCountWhole() throws Exception {
        settle(view.player());
        LessonLibrary lib = new LessonLibrary(LessonLibrary.Folders.inMemory());
        Stage owner = fx(() -> (Stage) view.getScene().getWindow());
        LessonBrowser b = fx(() -> {
            LessonBrowser d = new LessonBrowser(owner, lib, Lessons.Progress.inMemory(), null);
            d.show();
            return d;
        });
        try {
            int n = fx(() -> b.list().getItems().size());
            List<String> cut = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                fx(() -> {
                    b.list().scrollTo(at);
                    b.list().layout();
                    return null;
                });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(fx(() -> {
                    List<String> out = new java.util.ArrayList<>();
                    for (javafx.scene.Node c : b.list().lookupAll(".list-cell")) {
                        if (c instanceof javafx.scene.control.ListCell<?> cell && cell.getIndex() == at
                                && cell.getGraphic() != null) {
                            for (String cls : List.of(".browser-title", ".browser-state")) {
                                javafx.scene.control.Label l = (javafx.scene.control.Label) cell.getGraphic()
                                        .lookup(cls);
                                javafx.scene.Node t = l.lookup(".text");
                                String shown = t instanceof javafx.scene.text.Text x ? x.getText() : "";
                                if (!shown.equals(l.getText())) {
                                    out.add("\"" + shown + "\" of \"" + l.getText() + "\"");
                                }
                            }
                        }
                    }
                    return out;
                }));
            }
            assertEquals(List.of(), cut, "titles and counts cut in the browser");
        } finally {
            fx(() -> {
                b.close();
                return null;
            });
        }
    }

    @Test
    void theBrowserAddsAFolderAndSaveACopyWritesTheLessonsFile() throws Exception {
        settle(view.player());
        Path mine = Files.createDirectories(dir.resolve("mine"));
        LessonLibrary lib = new LessonLibrary(LessonLibrary.Folders.inMemory());
        int n = lib.entries().size();
        Files.copy(BuiltinLessons.list().get(0).path(), mine.resolve("99-copy.yaml"));
        int shown = fx(() -> {
            LessonBrowser b = new LessonBrowser(null, lib, Lessons.Progress.inMemory(), null);
            b.addFolder(mine);
            return b.list().getItems().size();
        });
        assertEquals(n + 1, shown);
        assertEquals(List.of(mine.toAbsolutePath().normalize()), lib.folders());

        // Save a copy of the lesson shown (built in: inside the jar) into a folder of the user's; the folders are
        // remembered in memory here, not in the preferences of whoever runs the tests
        Path copy = dir.resolve("copies").resolve("my-lesson.yaml");
        Files.createDirectories(copy.getParent());
        ExportMenuTest.Script ask = new ExportMenuTest.Script();
        ask.save = copy;
        fx(() -> {
            LessonLibrary mem = new LessonLibrary(LessonLibrary.Folders.inMemory());
            view.setLessons(mem, Lessons.Progress.inMemory());
            view.lessonPane().showLesson(mem.entries().get(0).lesson(), 0);
            view.menuBar().actions().setAsk(ask);
            view.menuBar().lessonFiles().saveCopy();
            return null;
        });
        waitFor(() -> Files.exists(copy), "the copy is written");
        assertArrayEquals(Files.readAllBytes(BuiltinLessons.list().get(0).path()), Files.readAllBytes(copy));
        waitFor(() -> view.library().folders().contains(copy.getParent().toAbsolutePath().normalize()),
                "the copy's folder joins the lesson list");

        // the handout of the lesson shown
        Path html = dir.resolve("handout.html");
        ask.save = html;
        fx(() -> {
            view.menuBar().lessonFiles().exportHandout();
            return null;
        });
        waitFor(() -> Files.exists(html), "the handout is written");
        String text = Files.readString(html);
        assertTrue(text.contains("<h1>"), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.contains("src=\"data:image/png;base64,"));
    }
}
