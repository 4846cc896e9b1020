package org.vmalab.viewmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.Lesson;

/**
 * Where the lesson browser's lessons come from: the lessons built into VMA Lab (inside the jar, so they are there
 * wherever the jar is), then the lessons of each folder the user added, remembered from one run to the next. A
 * folder that has gone (a USB stick taken out) is kept and shown empty, so that it comes back with the stick.
 */
public final class LessonLibrary {
    /** The lessons of one source: the built-in ones, or one folder of the user's. */
    public record Shelf(String label, Path dir, boolean builtIn, List<Lessons.Entry> entries) {
        public Shelf {
            entries = List.copyOf(entries);
        }
    }

    /** Where the user's folders are remembered. */
    public interface Folders {
        List<Path> load();

        void save(List<Path> folders);

        /** Folders kept in memory only (tests). */
        static Folders inMemory() {
            List<Path> kept = new ArrayList<>();
            return new Folders() {
                @Override
                public List<Path> load() {
                    return List.copyOf(kept);
                }

                @Override
                public void save(List<Path> folders) {
                    kept.clear();
                    kept.addAll(folders);
                }
            };
        }

        /** Folders remembered in the user's preferences ({@code java.util.prefs}, no admin rights needed). */
        static Folders preferences(Preferences node) {
            return new Folders() {
                @Override
                public List<Path> load() {
                    List<Path> out = new ArrayList<>();
                    try {
                        for (String line : node.get(KEY, "").split("\n")) {
                            if (!line.isBlank()) {
                                out.add(Path.of(line));
                            }
                        }
                    } catch (RuntimeException e) {
                        // unreadable preferences: no folders
                    }
                    return out;
                }

                @Override
                public void save(List<Path> folders) {
                    StringBuilder b = new StringBuilder();
                    for (Path p : folders) {
                        b.append(b.length() == 0 ? "" : "\n").append(p);
                    }
                    try {
                        node.put(KEY, b.toString());
                        node.flush();
                    } catch (Exception e) {
                        // preferences cannot be written: remembered for this run only
                    }
                }
            };
        }
    }

    static final String KEY = "folders";

    private final Folders store;
    private final Path builtInDir;
    private final List<Lessons.Entry> given;
    private final List<Path> folders;
    private List<Shelf> shelves = List.of();

    /** The built-in lessons and the folders {@code store} remembers, loaded. */
    public LessonLibrary(Folders store) {
        this(store, BuiltinLessons.folder());
    }

    /** A library whose built-in lessons are those of {@code builtInDir} (null: none). */
    public LessonLibrary(Folders store, Path builtInDir) {
        this(store, builtInDir, null);
    }

    private LessonLibrary(Folders store, Path builtInDir, List<Lessons.Entry> given) {
        this.store = store;
        this.builtInDir = builtInDir;
        this.given = given == null ? null : List.copyOf(given);
        this.folders = new ArrayList<>(store.load());
        reload();
    }

    /** A library of lessons already loaded (from {@code dir}, which may be null), with no folders remembered. */
    public static LessonLibrary of(Path dir, List<Lessons.Entry> entries) {
        return new LessonLibrary(Folders.inMemory(), dir, entries);
    }

    /** Reads every source again (a teacher edited a file). */
    public void reload() {
        List<Shelf> out = new ArrayList<>();
        out.add(new Shelf("Built in", builtInDir, true, given != null ? given : Lessons.load(builtInDir)));
        for (Path f : folders) {
            out.add(new Shelf(f.toString(), f, false, Lessons.load(f)));
        }
        shelves = List.copyOf(out);
    }

    public List<Shelf> shelves() {
        return shelves;
    }

    /** Every lesson of every source, the built-in ones first. */
    public List<Lessons.Entry> entries() {
        List<Lessons.Entry> out = new ArrayList<>();
        for (Shelf s : shelves) {
            out.addAll(s.entries());
        }
        return out;
    }

    /** The source of an entry of {@link #entries()}, or null. */
    public Shelf shelfOf(Lessons.Entry e) {
        for (Shelf s : shelves) {
            for (Lessons.Entry x : s.entries()) {
                if (x == e) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The entry a lesson was loaded from (the same object), or null (a lesson opened from a file). */
    public Lessons.Entry entryOf(Lesson l) {
        for (Shelf s : shelves) {
            for (Lessons.Entry x : s.entries()) {
                if (x.lesson() == l) {
                    return x;
                }
            }
        }
        return null;
    }

    /** The folders the user added, in the order added. */
    public List<Path> folders() {
        return List.copyOf(folders);
    }

    /** Adds a folder (remembered); false when it is already there or is not a folder. */
    public boolean addFolder(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d) || folders.contains(d) || d.equals(builtInDir)) {
            return false;
        }
        folders.add(d);
        store.save(folders);
        reload();
        return true;
    }

    /** Forgets a folder (its files stay where they are). */
    public void removeFolder(Path dir) {
        if (folders.remove(dir)) {
            store.save(folders);
            reload();
        }
    }
}
