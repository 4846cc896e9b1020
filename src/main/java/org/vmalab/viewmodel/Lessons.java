package org.vmalab.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.engine.sched.Schedule;
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

    /**
     * Part {@code part} (0-based) of a lesson, ready to play: its scenario, schedule and narration. A challenge
     * part starts with no step at all: the learner builds the schedule, and the run stops where it ends.
     */
    public static Playable playable(Lesson l, int part) {
        return playable(l, part, false);
    }

    /** The same, titled with the part's {@code done_title} once {@code done}. */
    public static Playable playable(Lesson l, int part, boolean done) {
        Part p = l.parts().get(part);
        return playable(l, part, done, p.challenge() == null ? p.schedule() : learnerSchedule(p));
    }

    /**
     * The part played with its own schedule, also for a challenge, whose schedule is a solution: what a picture or a
     * handout of the part shows (the learner's run of a challenge starts empty).
     */
    public static Playable solution(Lesson l, int part) {
        return playable(l, part, true, l.parts().get(part).schedule());
    }

    private static Playable playable(Lesson l, int part, boolean done, Schedule s) {
        Part p = l.parts().get(part);
        String pt = p.title(done);
        String title = l.title() + (l.parts().size() > 1 ? " — " + (pt == null || pt.isEmpty() ? "part " + (part + 1)
                : pt) : "");
        return new Playable(key(l, part), title, l.summary(), p.scenario(), s, new LessonNarration(p));
    }

    /** The empty schedule a challenge starts from: no step yet, stop where the learner's choices end. */
    public static Schedule learnerSchedule(Part p) {
        return new Schedule(List.of(), Schedule.Policy.STOP, p.schedule().seed(), p.challenge().maxSteps());
    }

    /** The progress key of a part. */
    public static String key(Lesson l, int part) {
        return l.id() + "#" + (part + 1);
    }

    /**
     * What the learner has done: which lesson parts are finished (played to the end with every question answered,
     * or the challenge won), and the choice checked at each question.
     */
    public interface Progress {
        boolean done(String key);

        void markDone(String key);

        /** The choice checked at question {@code checkpoint} (its number in the part) of part {@code key}, or -1. */
        default int answer(String key, int checkpoint) {
            return -1;
        }

        /** Remembers the choice checked at a question. */
        default void recordAnswer(String key, int checkpoint, int choice) {
        }

        /** Forgets the choice checked at a question: the question is open again ("Answer it again"). */
        default void forgetAnswer(String key, int checkpoint) {
        }

        /** Progress kept in memory only (tests, or when preferences cannot be written). */
        static Progress inMemory() {
            Map<String, Boolean> m = new ConcurrentHashMap<>();
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            return new Progress() {
                @Override
                public boolean done(String key) {
                    return m.getOrDefault(key, false);
                }

                @Override
                public void markDone(String key) {
                    m.put(key, true);
                }

                @Override
                public int answer(String key, int checkpoint) {
                    return answers.getOrDefault(key + "/" + checkpoint, -1);
                }

                @Override
                public void recordAnswer(String key, int checkpoint, int choice) {
                    answers.put(key + "/" + checkpoint, choice);
                }

                @Override
                public void forgetAnswer(String key, int checkpoint) {
                    answers.remove(key + "/" + checkpoint);
                }
            };
        }
    }

    /** A lesson is done when every part of it that is not optional is done. */
    public static boolean done(Lesson l, Progress p) {
        for (int i = 0; i < l.parts().size(); i++) {
            if (!l.parts().get(i).optional() && !p.done(key(l, i))) {
                return false;
            }
        }
        return true;
    }

    /** How many parts of the lesson are done (optional ones included). */
    public static int partsDone(Lesson l, Progress p) {
        int n = 0;
        for (int i = 0; i < l.parts().size(); i++) {
            if (p.done(key(l, i))) {
                n++;
            }
        }
        return n;
    }

    /** How many parts the lesson asks for (the optional drills not counted). */
    public static int partsRequired(Lesson l) {
        return (int) l.parts().stream().filter(p -> !p.optional()).count();
    }

    /** How many of the required parts are done. */
    public static int requiredDone(Lesson l, Progress p) {
        int n = 0;
        for (int i = 0; i < l.parts().size(); i++) {
            if (!l.parts().get(i).optional() && p.done(key(l, i))) {
                n++;
            }
        }
        return n;
    }
}
