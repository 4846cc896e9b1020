package org.vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmalab.lesson.BuiltinLessons;

class LessonLibraryTest {
    static final String LESSON = """
            id: %s
            title: "%s"
            layout: W
            threads:
              - name: T1
                role: spf-reader
                program: [spf 0x55555575e000]
            """;

    @Test
    void builtInLessonsThenTheUsersFoldersRememberedInPreferences(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my lessons"));
        Files.writeString(mine.resolve("90-mine.yaml"), String.format(LESSON, "90-mine", "Mine"));
        Files.writeString(mine.resolve("91-broken.yaml"), "id: [\n");
        Preferences node = Preferences.userRoot().node("org/vmalab/test-library-" + System.nanoTime());
        try {
            LessonLibrary lib = new LessonLibrary(LessonLibrary.Folders.preferences(node));
            int builtIn = BuiltinLessons.list().size();
            assertTrue(builtIn > 10);
            assertEquals(builtIn, lib.entries().size());
            assertTrue(lib.shelves().get(0).builtIn());
            assertTrue(lib.addFolder(mine));
            assertFalse(lib.addFolder(mine), "once");
            assertEquals(builtIn + 2, lib.entries().size());
            Lessons.Entry e = lib.entries().get(builtIn);
            assertEquals("Mine", e.title());
            assertEquals(mine, lib.shelfOf(e).dir());
            assertFalse(lib.shelfOf(e).builtIn());
            assertSame(e, lib.entryOf(e.lesson()));
            assertFalse(lib.entries().get(builtIn + 1).ok(), "a bad file is listed with its error");

            // the next start remembers the folder
            LessonLibrary again = new LessonLibrary(LessonLibrary.Folders.preferences(node));
            assertEquals(List.of(mine.toAbsolutePath().normalize()), again.folders());
            assertEquals(builtIn + 2, again.entries().size());
            again.removeFolder(again.folders().get(0));
            assertEquals(builtIn, new LessonLibrary(LessonLibrary.Folders.preferences(node)).entries().size());
            assertTrue(Files.exists(mine.resolve("90-mine.yaml")), "forgetting a folder leaves its files");
            assertNull(again.entryOf(e.lesson()));
        } finally {
            node.removeNode();
        }
    }

    @Test
    void aFolderThatIsGoneStaysListedEmpty(@TempDir Path tmp) throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.writeString(stick.resolve("a.yaml"), String.format(LESSON, "a", "A"));
        LessonLibrary.Folders store = LessonLibrary.Folders.inMemory();
        LessonLibrary lib = new LessonLibrary(store, null);
        assertTrue(lib.addFolder(stick));
        assertEquals(1, lib.entries().size());
        Files.delete(stick.resolve("a.yaml"));
        Files.delete(stick);
        lib.reload();
        assertEquals(0, lib.entries().size());
        assertEquals(1, lib.folders().size());
        assertFalse(lib.addFolder(tmp.resolve("nowhere")), "not a folder");
    }
}
