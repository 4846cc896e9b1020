package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinLessonsTest {
    /** The repository's lesson files, by name. */
    static List<String> repositoryLessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .sorted().toList();
        }
    }

    @Test
    void everyLessonFileIsBuiltInFromTheClassPathNotTheWorkingDirectory() throws IOException {
        Path dir = BuiltinLessons.folder();
        assertNotNull(dir);
        assertTrue(dir.toString().replace('\\', '/').endsWith(BuiltinLessons.RESOURCES), dir.toString());
        assertTrue(!dir.toAbsolutePath().normalize().equals(Path.of("lessons").toAbsolutePath().normalize()));
        List<BuiltinLessons.Item> items = BuiltinLessons.list();
        assertEquals(repositoryLessons(), items.stream().map(BuiltinLessons.Item::fileName).toList());
        Set<String> ids = new HashSet<>();
        for (BuiltinLessons.Item i : items) {
            assertTrue(ids.add(i.id()), "unique id " + i.id());
            assertTrue(i.fileName().startsWith(i.id()), i.id() + " comes from " + i.fileName());
            assertEquals(i, BuiltinLessons.find(i.id()));
            assertEquals(i, BuiltinLessons.find(i.stem()));
        }
    }

    @Test
    void idsAreTheFileNamesFirstWordOrTheWholeNameWhenTwoShareIt(@TempDir Path dir) throws IOException {
        for (String f : List.of("01-a.yaml", "02-b.yaml", "02-c.yml", "intro.yaml", "notes.txt")) {
            Files.writeString(dir.resolve(f), "id: x\n");
        }
        List<BuiltinLessons.Item> items = BuiltinLessons.list(dir);
        assertEquals(List.of("01", "02-b", "02-c", "intro"), items.stream().map(BuiltinLessons.Item::id).toList());
        assertEquals("01-a.yaml", BuiltinLessons.find(items, "1").fileName());
        assertEquals("01-a.yaml", BuiltinLessons.find(items, "01").fileName());
        assertEquals("01-a.yaml", BuiltinLessons.find(items, "01-A").fileName());
        assertEquals("02-c.yml", BuiltinLessons.find(items, "02-c").fileName());
        assertNull(BuiltinLessons.find(items, "02"), "ambiguous");
        assertNull(BuiltinLessons.find(items, "2"), "ambiguous");
        assertNull(BuiltinLessons.find(items, "03"));
        assertNull(BuiltinLessons.find(items, ""));
        assertEquals("intro.yaml", BuiltinLessons.find(items, "intro").fileName());
        assertEquals(List.of(), BuiltinLessons.list(dir.resolve("missing")));
    }
}
