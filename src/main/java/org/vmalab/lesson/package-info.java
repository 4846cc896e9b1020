/**
 * Lessons and scenario files: the YAML format of {@code lessons/} (see {@code docs/WRITING-LESSONS.md} and
 * {@code lessons/lesson.schema.json}), read strictly into records, and written back for saved runs. Pure Java:
 * no JavaFX.
 *
 * <pre>{@code
 * Lesson lesson = LessonLoader.load(Path.of("lessons/01-find-vma.yaml"));   // or LessonLoader.parse(text, name)
 * // LessonException.getMessage() is one line: "file:line:column: message"
 * List<LessonLoader.LessonFile> all = LessonLoader.loadDirectory(LessonLoader.lessonsDirectory());
 *                                                    // each file: a lesson, or its error (the browser shows both)
 * Part part = lesson.parts().get(0);                 // title, summary, scenario, schedule, narration, checkpoints
 * Trace trace = part.run();                          // Engine.run(part.scenario(), part.schedule())
 * CueTimeline tl = part.timeline(trace);                // cues placed on this trace's steps (cursor i = after step i)
 * tl.narrationAt(cursor);                            // the narration in force at the cursor
 * tl.checkpointAt(cursor); tl.nextCheckpoint(cursor) // where playback pauses; CueTimeline.revealed(step, cursor)
 * part.expect().mismatches(trace);                   // what check and the tests compare
 * LessonLoader.verify(lesson);                       // every cue placed, every expectation met (validate)
 * ScenarioWriter.write(scenario, schedule, path);    // a scenario file that loads back equal
 * TraceText.render(lesson, 0, trace, true);          // the run as text, narration included
 * part.challenge();                                  // the learner is the scheduler: goal, hints, max_steps
 * narration.claims().mismatches(trace, step);        // what a card says about its step, checked on a run
 * }</pre>
 *
 * A new trace of the same part (the user chose another thread in the player) keeps every cue anchored to an
 * event ({@code when:}) on that event; cues whose event did not happen are in {@link CueTimeline#unplaced()}.
 *
 * <p>May import: the engine's face. No JavaFX, nothing of {@code explore}, {@code viewmodel}, {@code ui},
 * {@code export} or {@code cli} ({@code ArchitectureTest}).
 */
package org.vmalab.lesson;
