package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Lessons;

/**
 * The lesson browser's line says how many parts a lesson has as the lesson pane lists them: the ones the lesson
 * needs and the optional ones (lesson 12 said "2 parts" while its pane listed seven).
 */
class LessonBrowserTextTest {
    @Test
    void theOptionalPartsAreCountedToo() throws Exception {
        Lesson l = LessonLoader.load(Path.of("lessons", "12-race-b-use-after-free.yaml"));
        int needed = Lessons.partsRequired(l);
        int optional = l.parts().size() - needed;
        long stars = l.parts().stream().filter(p -> p.challenge() != null).count();
        Lessons.Progress progress = Lessons.Progress.inMemory();
        assertEquals(needed + " parts + " + optional + " optional · " + stars + " ★",
                LessonBrowser.stateText(l, progress));
        progress.markDone(Lessons.key(l, 0));
        assertEquals("1 of " + needed + " parts done · " + stars + " ★", LessonBrowser.stateText(l, progress));
    }

    @Test
    void aLessonWithoutOptionalPartsSaysItsCountAlone() throws Exception {
        Lesson l = LessonLoader.load(Path.of("lessons", "02-find-vma.yaml"));
        assertEquals(l.parts().size() == 1 ? "1 part" : l.parts().size() + " parts",
                LessonBrowser.stateText(l, Lessons.Progress.inMemory()));
    }
}
