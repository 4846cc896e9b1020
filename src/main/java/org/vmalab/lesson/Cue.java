package org.vmalab.lesson;

/** What a lesson ties to a step: a narration or a checkpoint. */
public sealed interface Cue permits Narration, Checkpoint {
    /** Where in the run it belongs. */
    Anchor anchor();

    /** Where the lesson file wrote it. */
    SourcePos pos();
}
