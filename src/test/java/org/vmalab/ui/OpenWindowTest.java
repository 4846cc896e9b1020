package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;

/** {@code vmalab open}: the window opens on the lesson and part given, a built-in id or a file of the user's. */
@ExtendWith(ApplicationExtension.class)
class OpenWindowTest {
    private Stage stage;

    @TempDir
    Path dir;

    private MainView open(List<String> args) {
        return fx(() -> {
            stage = new Stage();
            new VmaLabApp().start(stage, VmaLabApp.Opening.of(args));
            return (MainView) stage.getScene().getRoot();
        });
    }

    @AfterEach
    void close() {
        FxWait.closeWithPopups(stage);
    }

    @Test
    void aBuiltInLessonAtItsThirdPart() throws Exception {
        BuiltinLessons.Item item = BuiltinLessons.list().get(11);
        MainView view = open(List.of("--open=" + item.id(), "--part=3"));
        settle(view.player());
        Lesson want = LessonLoader.load(item.path());
        assertEquals(want.id(), fx(() -> view.lessonPane().lesson().id()));
        assertEquals(Lessons.key(want, 2), fx(() -> view.player().playable().id()));
    }

    @Test
    void aFileOfTheUsersAtItsSecondPart() throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.copy(BuiltinLessons.list().get(0).path(), f);
        MainView view = open(List.of("--open=" + f.toAbsolutePath(), "--part=2"));
        settle(view.player());
        Lesson want = LessonLoader.load(f);
        assertEquals(want.id(), fx(() -> view.lessonPane().lesson().id()));
        assertEquals(Lessons.key(want, 1), fx(() -> view.player().playable().id()));
    }

    @Test
    void aScenarioIsPlayedWithoutALessonAroundIt() throws Exception {
        Path f = dir.resolve("two.yaml");
        Files.writeString(f, "title: \"Two VMAs\"\nlayout:\n  - \"a 0x1000-0x3000 rw-\"\n"
                + "  - \"b 0x8000-0x9000 r--\"\nthreads: []\n");
        MainView view = open(List.of("--open=" + f.toAbsolutePath()));
        settle(view.player());
        assertEquals("Two VMAs", fx(() -> view.player().scenario().title()));
        assertEquals(2, (int) fx(() -> view.player().scene().nodes().size()));
        assertNull(fx(() -> view.lessonPane().lesson()), "no lesson pane for a scenario");
    }

    @Test
    void withoutArgumentsTheFirstLesson() throws Exception {
        assertNull(VmaLabApp.Opening.of(List.of()));
        MainView view = open(List.of());
        settle(view.player());
        Lesson first = LessonLoader.load(BuiltinLessons.list().get(0).path());
        assertEquals(Lessons.key(first, 0), fx(() -> view.player().playable().id()));
    }
}
