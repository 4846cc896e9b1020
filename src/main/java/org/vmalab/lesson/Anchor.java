package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.tree.Tag;

/**
 * Where a narration or a checkpoint belongs in a run: a schedule position ({@code at: 12}; 0 is the initial
 * state, before the first step), the last step ({@code at: end}), or an event ({@code when: {thread: T2, step:
 * ERASE_WRITE_LOCK}}), which stays right when the schedule changes. {@link #resolve(Trace)} gives the cursor
 * index (the state after that step), or -1 when the run has no such step.
 */
public sealed interface Anchor {
    /** The cursor index in {@code t}, or -1. */
    int resolve(Trace t);

    /** How the lesson file wrote it, for messages. */
    String describe();

    /** A schedule position: the state after step {@code index} (0 = before the first step). */
    record At(int index) implements Anchor {
        @Override
        public int resolve(Trace t) {
            return index <= t.size() ? index : -1;
        }

        @Override
        public String describe() {
            return index == 0 ? "start" : "step " + index;
        }
    }

    /** The last step of the run. */
    record End() implements Anchor {
        @Override
        public int resolve(Trace t) {
            return t.size();
        }

        @Override
        public String describe() {
            return "end";
        }
    }

    /**
     * The {@code nth} step (1-based; {@link #LAST} for the last one) that matches every condition given (null
     * means any): the thread's name, the step's location ({@link Loc} name), its kind, its kernel function,
     * the first VMA it is about, a piece of its caption, its rbtree case ({@link Tag}, e.g. I3m), a violation
     * (of {@code invariant}, or of any invariant when {@code violation} is set).
     */
    record Event(String thread, Loc loc, Loc.Kind kind, String function, String vma, String caption, Tag tag,
                 boolean violation, Invariant invariant, int nth) implements Anchor {
        /** {@code nth} for the last matching step. */
        public static final int LAST = -1;

        /** Does step {@code i} of {@code t} match? */
        public boolean matches(Trace t, int i) {
            StepRecord s = t.step(i);
            if (thread != null && !thread.equals(t.threadName(s.thread()))) {
                return false;
            }
            if (loc != null && s.loc() != loc) {
                return false;
            }
            if (kind != null && s.loc().kind() != kind) {
                return false;
            }
            if (function != null && !function.equals(s.loc().function())) {
                return false;
            }
            if (vma != null && !vma.equals(t.vmaName(s.a()))) {
                return false;
            }
            if (tag != null && s.tag() != tag) {
                return false;
            }
            if (violation && s.violations().isEmpty()) {
                return false;
            }
            if (invariant != null && s.violations().stream().map(Violation::invariant).noneMatch(invariant::equals)) {
                return false;
            }
            return caption == null || t.caption(i).contains(caption);
        }

        /** Every matching step, in order. */
        public List<Integer> matches(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 1; i <= t.size(); i++) {
                if (matches(t, i)) {
                    out.add(i);
                }
            }
            return out;
        }

        @Override
        public int resolve(Trace t) {
            int seen = 0;
            int last = -1;
            for (int i = 1; i <= t.size(); i++) {
                if (matches(t, i)) {
                    last = i;
                    if (++seen == nth) {
                        return i;
                    }
                }
            }
            return nth == LAST ? last : -1;
        }

        @Override
        public String describe() {
            List<String> w = new ArrayList<>();
            if (thread != null) {
                w.add("thread " + thread);
            }
            if (loc != null) {
                w.add("step " + loc.name());
            }
            if (kind != null) {
                w.add("kind " + kind.name().toLowerCase());
            }
            if (function != null) {
                w.add("function " + function);
            }
            if (vma != null) {
                w.add("vma " + vma);
            }
            if (caption != null) {
                w.add("caption containing '" + caption + "'");
            }
            if (tag != null) {
                w.add("case " + tag.label());
            }
            if (invariant != null) {
                w.add("violation of " + invariant.id());
            } else if (violation) {
                w.add("a violation");
            }
            String which = nth == LAST ? "the last step" : nth == 1 ? "the first step" : "step #" + nth;
            return which + " with " + String.join(", ", w);
        }
    }
}
