package org.vmalab.lesson;

import java.util.List;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * A part's run as plain text: one line per step (number, thread, caption), the violations under their step,
 * and the narration and checkpoints where they are placed. The golden traces of the tests are in this form; it
 * is also a text log a screen reader can read and a user can copy.
 */
public final class TraceText {
    private TraceText() {
    }

    /**
     * @param full the whole narration and checkpoint texts (a log to read); otherwise their title (or first line)
     *             only, and each step's name ({@code [ERASE_WRITE_LOCK]}) for authors who anchor narration to it
     */
    public static String render(Lesson lesson, int partIndex, Trace t, boolean full) {
        Part p = lesson.parts().get(partIndex);
        CueTimeline tl = p.timeline(t);
        StringBuilder b = new StringBuilder();
        Scenario sc = t.scenario();
        b.append("# lesson ").append(lesson.id()).append(", part ").append(partIndex + 1).append('/')
                .append(lesson.parts().size()).append(": ").append(p.title()).append('\n');
        b.append("# protection ").append(sc.protection().label()).append(" (").append(sc.protection().policy())
                .append("), granularity ").append(sc.granularity()).append(", schedule ")
                .append(schedule(sc, t.schedule())).append(p.explore() ? " (explore)" : "").append('\n');
        b.append("# outcome ").append(t.outcome()).append(": ").append(t.outcomeMessage()).append("; ")
                .append(t.size()).append(" steps; ").append(t.violations().isEmpty() ? "no violation"
                        : t.violations().size() + " violation(s), first at step " + t.firstViolationStep())
                .append('\n');
        if (p.challenge() != null) {
            Challenge c = p.challenge();
            b.append("# challenge: ").append(firstLine(c.text())).append(" (").append(c.deadlock() ? "a deadlock"
                    : c.goal().describe()).append("; at most ").append(c.maxSteps()).append(" steps")
                    .append(c.patchUnreachable() ? "; unreachable with the patch" : "").append("); the run below is "
                    + "the lesson's solution, reached at step ").append(c.reachedAt(t)).append('\n');
        }
        int width = Math.max(3, Integer.toString(t.size()).length());
        int tw = 2;
        for (String n : t.threadNames()) {
            tw = Math.max(tw, n.length());
        }
        String pad = " ".repeat(width + tw + 2);
        b.append(String.format("%" + width + "d %-" + tw + "s %s%n", 0, "", "(initial state)"));
        for (Violation v : t.initialViolations()) {
            b.append(pad).append("!! ").append(v.invariant().id()).append(": ").append(v.message()).append('\n');
        }
        cues(b, tl, 0, pad, full);
        for (int i = 1; i <= t.size(); i++) {
            StepRecord s = t.step(i);
            b.append(String.format("%" + width + "d %-" + tw + "s %s%s%n", i, t.threadName(s.thread()),
                    full ? "" : "[" + s.loc().name() + "] ", t.caption(i)));
            for (Violation v : s.violations()) {
                b.append(pad).append("!! ").append(v.invariant().id()).append(": ").append(v.message()).append('\n');
            }
            cues(b, tl, i, pad, full);
        }
        for (Cue c : tl.unplaced()) {
            b.append("# not placed in this run: ").append(c instanceof Narration ? "narration" : "checkpoint")
                    .append(" at line ").append(c.pos().line()).append(" (").append(c.anchor().describe())
                    .append(")\n");
        }
        return b.toString();
    }

    private static void cues(StringBuilder b, CueTimeline tl, int step, String pad, boolean full) {
        for (CueTimeline.Entry e : tl.entries()) {
            if (e.step() != step) {
                continue;
            }
            if (e.cue() instanceof Narration n) {
                String head = !n.title().isEmpty() ? n.title() : firstLine(n.text());
                b.append(pad).append(">> narration: ").append(head).append('\n');
                if (full) {
                    indent(b, pad + "   ", n.text());
                }
            } else if (e.cue() instanceof Checkpoint c) {
                b.append(pad).append("?? checkpoint: ").append(firstLine(c.question())).append(" -> ")
                        .append(c.answerText()).append('\n');
                if (full) {
                    indent(b, pad + "   ", c.question());
                    for (int k = 0; k < c.choices().size(); k++) {
                        b.append(pad).append("   ").append(k == c.answer() ? "* " : "- ").append(c.choices().get(k))
                                .append('\n');
                        if (!c.whyNot(k).isEmpty()) {
                            indent(b, pad + "       not: ", c.whyNot(k).strip().replaceAll("\\s*\\n\\s*", " "));
                        }
                    }
                    indent(b, pad + "   ", c.explanation());
                }
            }
        }
    }

    private static void indent(StringBuilder b, String pad, String text) {
        for (String line : text.split("\n", -1)) {
            b.append(line.isBlank() ? "" : pad + line).append('\n');
        }
    }

    static String firstLine(String s) {
        String l = s.strip();
        int nl = l.indexOf('\n');
        l = nl < 0 ? l : l.substring(0, nl);
        return l.length() > 100 ? l.substring(0, 97) + "..." : l;
    }

    /** The schedule as the format writes it. */
    static String schedule(Scenario sc, Schedule s) {
        StringBuilder b = new StringBuilder("[");
        List<Schedule.Slot> pre = s.prefix();
        List<String> names = sc.scheduleNames();
        for (Schedule.Slot slot : pre) {
            String n = slot.thread() >= 0 && slot.thread() < names.size() ? names.get(slot.thread())
                    : "?" + slot.thread();
            b.append(slot.untilBlocked() ? n + " *" : slot.count() == 1 ? n : n + " x" + slot.count()).append(", ");
        }
        b.append(switch (s.policy()) {
            case ROUND_ROBIN -> "round-robin";
            case IN_ORDER -> "in-order";
            case STOP -> "stop";
            case RANDOM -> "random " + s.seed();
        });
        return b.append(']').toString();
    }
}
