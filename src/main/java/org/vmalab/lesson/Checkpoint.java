package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A question asked when the player reaches its step (playback pauses there). The learner picks a choice and checks
 * it; the verdict and the explanation stay until the learner moves on. A wrong choice may carry its own reason (the
 * file's {@code why_not}): the window shows the reason of the choice the learner picked before the explanation.
 *
 * @param answer index into {@code choices}
 * @param whyNot one text per choice: why that choice is wrong, or "" (always "" for the answer)
 * @param watch  for a prediction about the picture: the step at which the picture shows the answer (the window
 *               offers to go there once the question is answered), or null
 */
public record Checkpoint(Anchor anchor, String question, List<String> choices, int answer, String explanation,
                         List<String> whyNot, Anchor.Event watch, SourcePos pos) implements Cue {
    public Checkpoint {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer out of range");
        }
        List<String> w = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            String s = whyNot == null || i >= whyNot.size() || whyNot.get(i) == null ? "" : whyNot.get(i);
            w.add(i == answer ? "" : s);
        }
        whyNot = List.copyOf(w);
    }

    /** A question whose wrong choices carry no reason of their own. */
    public Checkpoint(Anchor anchor, String question, List<String> choices, int answer, String explanation,
                      Anchor.Event watch, SourcePos pos) {
        this(anchor, question, choices, answer, explanation, List.of(), watch, pos);
    }

    /** The text of the right choice. */
    public String answerText() {
        return choices.get(answer);
    }

    /** Why choice {@code i} is wrong, or "" (the answer, or a wrong choice the file gives no reason for). */
    public String whyNot(int i) {
        return i >= 0 && i < whyNot.size() ? whyNot.get(i) : "";
    }
}
