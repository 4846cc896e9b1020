package org.vmalab.lesson;

import java.util.List;

/**
 * A question asked when the player reaches its step (playback pauses there); the answer and its explanation
 * are revealed when the user steps on.
 *
 * @param answer index into {@code choices}
 */
public record Checkpoint(Anchor anchor, String question, List<String> choices, int answer, String explanation,
                         SourcePos pos) implements Cue {
    public Checkpoint {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer out of range");
        }
    }

    /** The text of the right choice. */
    public String answerText() {
        return choices.get(answer);
    }
}
