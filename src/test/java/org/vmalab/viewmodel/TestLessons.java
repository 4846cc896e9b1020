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

    /** Race (a) as a challenge: no mm_rb_lock, get_vma of an address in ld while the stack is inserted. */
    public static final String CHALLENGE = """
            id: t-challenge
            title: Strand the walker
            summary: A walk without a lock meets a rotation.
            objectives: [Make get_vma miss a VMA, See the lock stop it]
            layout:
              - text 0x555555554000-0x55555555c000 r-x file
              - data 0x55555575b000-0x55555575d000 rw- file
              - heap 0x55555575d000-0x55555577e000 rw- anon_vma 1
              - libc 0x7ffff79e4000-0x7ffff7bcb000 r-x file
              - libc_rw 0x7ffff7dcb000-0x7ffff7dd1000 rw- file
              - ld 0x7ffff7dd5000-0x7ffff7dfc000 r-x file
            threads:
              - name: T1
                program: [get_vma 0x7ffff7dd6000]
              - name: T2
                program: [map stack 0x7ffffffde000-0x7ffffffff000 rw- growsdown anon_vma 2]
            protection: [NO_LOCK]
            schedule: [T1 x3, T2 *, T1 *]
            challenge:
              goal: {text: Make get_vma return NULL for an address inside `ld`., thread: T1, violation: LOOKUP}
              hints: [Stop T1 on its way down to ld., Then let T2 insert the stack.]
              max_steps: 40
              with_patch: unreachable
            narration:
              - at: start
                title: Your turn
                text: Press 1 or 2 to choose who runs next.
            """;

    /** {@code text} as a lesson (a test's own, so a parse error is a bug of the test). */
    public static Lesson parse(String text) {
        try {
            return LessonLoader.parse(text, "t.yaml");
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static Lesson lesson() {
        try {
            return LessonLoader.parse(TEXT, "t-race.yaml");
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
