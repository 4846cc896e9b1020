package org.vmalab.lesson;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lessons built into VMA Lab: the files of the repository's {@code lessons/} folder, which the build copies
 * into the jar as resources ({@code org/vmalab/lessons}), so that the jar alone, copied anywhere, has them. The
 * system property {@code vmalab.lessons=DIR} puts a folder in their place (to try edited lessons without a build).
 *
 * <p>A lesson's id comes from its file name: the part before the first {@code -} ({@code 09} for
 * {@code 09-race-b-lifetime.yaml}); when two files share it, their ids are their whole names without the
 * extension. {@link #find} takes either, and a number without its leading zeros ({@code 9}).
 */
public final class BuiltinLessons {
    /** Where the build puts the lessons on the class path. */
    public static final String RESOURCES = "org/vmalab/lessons";
    /** A file that is always beside the lessons (it locates their folder). */
    static final String ANCHOR = "lesson.schema.json";

    private BuiltinLessons() {
    }

    /** A built-in lesson file: its id and where to read it. */
    public record Item(String id, Path path) {
        /** The file's name, such as {@code 09-race-b-lifetime.yaml}. */
        public String fileName() {
            return path.getFileName().toString();
        }

        /** The file name without its extension. */
        public String stem() {
            return BuiltinLessons.stem(fileName());
        }
    }

    /** The folder of the built-in lessons (inside the jar, or a plain folder), or null when there is none. */
    public static Path folder() {
        String prop = System.getProperty("vmalab.lessons");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return ResourceFolder.of(RESOURCES, ANCHOR);
    }

    /** Every built-in lesson file, in file-name order, each with its id. */
    public static List<Item> list() {
        Path dir = folder();
        return dir == null ? List.of() : list(dir);
    }

    /** The lesson files ({@code *.yaml}, {@code *.yml}) of {@code dir} in file-name order, each with its id. */
    public static List<Item> list(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path p : ds) {
                if (!Files.isDirectory(p)) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Map<String, Integer> shortIds = new HashMap<>();
        for (Path p : files) {
            shortIds.merge(shortId(stem(p.getFileName().toString())), 1, Integer::sum);
        }
        List<Item> out = new ArrayList<>();
        for (Path p : files) {
            String stem = stem(p.getFileName().toString());
            String s = shortId(stem);
            out.add(new Item(shortIds.get(s) == 1 ? s : stem, p));
        }
        return List.copyOf(out);
    }

    /**
     * The built-in lesson that {@code id} names: its id, its file name without extension, or its number without
     * leading zeros; null when none does. Ids are compared without regard to case.
     */
    public static Item find(String id) {
        return find(list(), id);
    }

    static Item find(List<Item> items, String id) {
        String want = id.strip().toLowerCase(Locale.ROOT);
        if (want.isEmpty()) {
            return null;
        }
        for (Item i : items) {
            if (i.id().toLowerCase(Locale.ROOT).equals(want) || i.stem().toLowerCase(Locale.ROOT).equals(want)) {
                return i;
            }
        }
        if (want.chars().allMatch(Character::isDigit) && want.length() < 9) {
            int n = Integer.parseInt(want);
            Item found = null;
            for (Item i : items) {
                String d = i.id();
                if (!d.isEmpty() && d.length() < 9 && d.chars().allMatch(Character::isDigit)
                        && Integer.parseInt(d) == n) {
                    if (found != null) {
                        return null;
                    }
                    found = i;
                }
            }
            return found;
        }
        return null;
    }

    /** Reads a built-in lesson; its messages name it by its file name. */
    public static Lesson load(Item i) throws LessonException {
        return LessonLoader.load(i.path());
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The part of a file name (without extension) before its first {@code -}. */
    static String shortId(String stem) {
        int dash = stem.indexOf('-');
        return dash > 0 ? stem.substring(0, dash) : stem;
    }
}
