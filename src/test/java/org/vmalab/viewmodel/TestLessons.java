package org.vmalab.viewmodel;

import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;

/** A small two-part lesson written inline, so that the tests do not depend on the shipped lesson files. */
public final class TestLessons {
    private TestLessons() {
    }

    public static final String TEXT = """
            id: t-race
            title: A test lesson
            summary: T1 faults on heap while T2 unmaps it.
            objectives: [Watch the reference count]
            layout: W
            threads:
              - name: T1
                role: spf-reader
                program: [spf 0x55555575e000]
              - name: T2
                role: writer
                program: [munmap 0x55555575d000 0x55555577e000]
            parts:
              - title: The patch
                schedule: round-robin
                narration:
                  - at: start
                    title: Two threads
                    text: T1 faults on `heap`, T2 unmaps it.
                  - at: 3
                    title: The walk
                    text: T1 walks the tree under `mm_rb_lock`.
                checkpoints:
                  - at: 5
                    question: Who takes step 6?
                    choices: [T1, T2]
                    answer: T2
                    explanation: Round-robin alternates.
              - title: No refcount
                protection: [NO_REFCOUNT]
                schedule: [T1 x8, T2 *, round-robin]
                narration:
                  - at: start
                    title: Without the count
                    text: Nothing keeps `heap` alive.
            """;

    public static Lesson lesson() {
        try {
            return LessonLoader.parse(TEXT, "t-race.yaml");
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
