package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.trace.Trace;

/**
 * What a lesson says along a run: text for a cursor index and the checkpoints where playback pauses. A
 * lesson ties its narration to schedule positions or to events ("T2 acquires mm_rb_lock"); both resolve
 * against the trace, so the player asks with the trace in hand.
 */
public interface Narration {
    /** No narration (a bare scenario). */
    Narration NONE = new Narration() {
        @Override
        public String textAt(Trace trace, int index) {
            return "";
        }
    };

    /** The narration to show at cursor index {@code index} (0 = before the first step), or "". */
    String textAt(Trace trace, int index);

    /**
     * The narration in force at {@code index} with its heading and the index it was placed on, or null.
     * Narrations stay in force until the next one, so the panel can say "since step 12".
     */
    default Said said(Trace trace, int index) {
        String t = textAt(trace, index);
        return t == null || t.isEmpty() ? null : new Said("", t, index);
    }

    /** Cues that have no place in this trace (the user changed the schedule), in words. */
    default List<String> unplaced(Trace trace) {
        return List.of();
    }

    /** A narration in force: heading (or ""), text ({@code `code`} marks identifiers), the index it belongs to. */
    record Said(String title, String text, int index) {
    }

    /** The checkpoints of this run, in index order; playback pauses on arriving at each. */
    default List<Checkpoint> checkpoints(Trace trace) {
        return List.of();
    }

    /** Cues that this trace contradicts (a card whose claims do not hold here), in words. */
    default List<String> contradicted(Trace trace) {
        return List.of();
    }

    /**
     * A question asked at a cursor index; the learner checks a choice, and the verdict stays until they move on.
     *
     * @param whyNot one text per choice: why that choice is wrong (shown when the learner picked it), or ""
     * @param id     the question's number in its part (0-based, file order): the key of the learner's answer
     * @param watch  the index at which the picture shows the answer (a prediction question), or -1
     */
    record Checkpoint(int index, String question, List<String> choices, int answer, String explanation,
                      List<String> whyNot, int id, int watch) {
        public Checkpoint {
            choices = List.copyOf(choices);
            List<String> w = new ArrayList<>(choices.size());
            for (int i = 0; i < choices.size(); i++) {
                w.add(whyNot == null || i >= whyNot.size() || whyNot.get(i) == null ? "" : whyNot.get(i));
            }
            whyNot = List.copyOf(w);
        }

        /** A question without a watch or reasons for its wrong choices, numbered by its index. */
        public Checkpoint(int index, String question, List<String> choices, int answer, String explanation) {
            this(index, question, choices, answer, explanation, List.of(), index, -1);
        }

        /** Why choice {@code i} is wrong, or "" (the answer, or a wrong choice without a reason of its own). */
        public String whyNot(int i) {
            return i >= 0 && i < whyNot.size() && i != answer ? whyNot.get(i) : "";
        }
    }
}
