package org.vmalab.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;

/**
 * The lesson browser's model: every lesson file of a directory (a bad one with its error, the others
 * still load), a lesson part as a {@link Playable}, and which parts and lessons the learner has finished.
 */
public final class Lessons {
    private Lessons() {
    }

    /** A lesson file: the lesson, or why it does not load ({@code file:line:column: message}). */
    public record Entry(Path path, Lesson lesson, String error) {
        public boolean ok() {
            return lesson != null;
        }

        /** The lesson's id, or the file name without extension. */
        public String id() {
            if (lesson != null) {
                return lesson.id();
            }
            String f = path.getFileName().toString();
            int dot = f.lastIndexOf('.');
            return dot > 0 ? f.substring(0, dot) : f;
        }

        public String title() {
            return lesson != null ? lesson.title() : path.getFileName().toString();
        }

        public String summary() {
            return lesson != null ? lesson.summary() : "";
        }
    }

    /** Every lesson of {@code dir} in file-name order (empty when the directory is missing). */
    public static List<Entry> load(Path dir) {
        List<Entry> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        for (LessonLoader.LessonFile f : LessonLoader.loadDirectory(dir)) {
            out.add(new Entry(f.path(), f.lesson(), f.error() == null ? null : f.error().getMessage()));
        }
        return List.copyOf(out);
    }

    /** Part {@code part} (0-based) of a lesson, ready to play: its scenario, schedule and narration. */
    public static Playable playable(Lesson l, int part) {
        Part p = l.parts().get(part);
        String title = l.title() + (l.parts().size() > 1 ? " — " + (p.title() == null || p.title().isEmpty()
                ? "part " + (part + 1) : p.title()) : "");
        return new Playable(key(l, part), title, l.summary(), p.scenario(), p.schedule(), new LessonNarration(p));
    }

    /** The progress key of a part. */
    public static String key(Lesson l, int part) {
        return l.id() + "#" + (part + 1);
    }

    /** Which lesson parts the learner has played to the end. */
    public interface Progress {
        boolean done(String key);

        void markDone(String key);

        /** Progress kept in memory only (tests, or when preferences cannot be written). */
        static Progress inMemory() {
            Map<String, Boolean> m = new ConcurrentHashMap<>();
            return new Progress() {
                @Override
                public boolean done(String key) {
                    return m.getOrDefault(key, false);
                }

                @Override
                public void markDone(String key) {
                    m.put(key, true);
                }
            };
        }
    }

    /** A lesson is done when every part of it has been played to the end. */
    public static boolean done(Lesson l, Progress p) {
        for (int i = 0; i < l.parts().size(); i++) {
            if (!p.done(key(l, i))) {
                return false;
            }
        }
        return true;
    }

    /** How many parts of the lesson are done. */
    public static int partsDone(Lesson l, Progress p) {
        int n = 0;
        for (int i = 0; i < l.parts().size(); i++) {
            if (p.done(key(l, i))) {
                n++;
            }
        }
        return n;
    }
}
