package org.vmalab.lesson;

import java.util.List;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;

/**
 * A lesson (or a scenario file, which is a lesson without narration): an id such as {@code 01-find-vma}, a
 * title, a summary, what the learner will be able to do, and one or more parts, each a scenario with its
 * schedule, narration, checkpoints and expected outcome.
 *
 * @param source the file it was read from (as given to the loader)
 * @param hide   what the window leaves out of the picture in this lesson, because the lesson has not introduced it
 *               yet ({@link #REFCOUNT}: the vm_ref_count badges)
 */
public record Lesson(String id, String title, String summary, List<String> objectives, List<Part> parts,
                     String source, List<String> hide) {
    /** The vm_ref_count badge on each node. */
    public static final String REFCOUNT = "refcount";
    /** Everything {@code hide} may name. */
    public static final List<String> HIDEABLE = List.of(REFCOUNT);

    public Lesson {
        objectives = List.copyOf(objectives);
        parts = List.copyOf(parts);
        hide = hide == null ? List.of() : List.copyOf(hide);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a lesson has at least one part");
        }
    }

    public Lesson(String id, String title, String summary, List<String> objectives, List<Part> parts,
                  String source) {
        this(id, title, summary, objectives, parts, source, List.of());
    }

    /** Does the lesson leave {@code what} out of the picture? */
    public boolean hides(String what) {
        return hide.contains(what);
    }

    /** The first part's scenario. */
    public Scenario scenario() {
        return parts.get(0).scenario();
    }

    /** The first part's schedule. */
    public Schedule schedule() {
        return parts.get(0).schedule();
    }

    /** The first part. */
    public Part part() {
        return parts.get(0);
    }

    /** Does any part have narration or checkpoints (a lesson rather than a bare scenario file)? */
    public boolean isNarrated() {
        return parts.stream().anyMatch(p -> !p.narration().isEmpty() || !p.checkpoints().isEmpty());
    }
}
