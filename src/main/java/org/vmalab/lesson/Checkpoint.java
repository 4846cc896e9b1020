package org.vmalab.lesson;

import java.util.List;

/**
 * A question asked when the player reaches its step (playback pauses there). The learner picks a choice and checks
 * it; the verdict and the explanation stay until the learner moves on.
 *
 * @param answer index into {@code choices}
 * @param watch  for a prediction about the picture: the step at which the picture shows the answer (the window
 *               offers to go there once the question is answered), or null
 */
public record Checkpoint(Anchor anchor, String question, List<String> choices, int answer, String explanation,
                         Anchor.Event watch, SourcePos pos) implements Cue {
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
