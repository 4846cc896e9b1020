package org.vmalab.viewmodel;

import java.util.List;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;

/**
 * The run as a text log, one entry per index, in the line format of {@link org.vmalab.lesson.TraceText}: the step's
 * number, thread and caption; {@code !!} lines for its violations; {@code >>} for the narration placed on it
 * (heading and text); {@code ??} for a checkpoint (its question and choices; the answer once the cursor has
 * passed it, with the reason the lesson gives for each wrong choice). Entries are built on demand, so a run of 10^5
 * steps costs nothing until it is read.
 */
public final class StepLog {
    private final Trace trace;
    private final Narration narration;
    private final List<Narration.Checkpoint> checkpoints;
    private final int width;
    private final int threadWidth;
    private final String pad;

    public StepLog(Trace trace, Narration narration, List<Narration.Checkpoint> checkpoints) {
        this.trace = trace;
        this.narration = narration == null ? Narration.NONE : narration;
        this.checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        this.width = Math.max(3, Integer.toString(trace.size()).length());
        int tw = 2;
        for (String n : trace.threadNames()) {
            tw = Math.max(tw, n.length());
        }
        this.threadWidth = tw;
        this.pad = " ".repeat(width + tw + 2);
    }

    public Trace trace() {
        return trace;
    }

    /** Entries 0 (the initial state) to {@code trace.size()}. */
    public int size() {
        return trace.size() + 1;
    }

    /** The first line of entry {@code i}: its step line. */
    public String stepLine(int i) {
        if (i == 0) {
            return String.format("%" + width + "d %-" + threadWidth + "s %s", 0, "", "(initial state) "
                    + StepSceneBuilder.initialCaption(trace));
        }
        StepRecord s = trace.step(i);
        return String.format("%" + width + "d %-" + threadWidth + "s %s", i, trace.threadName(s.thread()),
                trace.caption(i));
    }

    /** Does the step of entry {@code i} break an invariant? */
    public boolean bad(int i) {
        return i == 0 ? !trace.initialViolations().isEmpty() : !trace.step(i).violations().isEmpty();
    }

    /**
     * Entry {@code i} in full (several lines, no final newline).
     *
     * @param cursor the player's index: a checkpoint's answer is shown only once the cursor is past it
     */
    public String entry(int i, int cursor) {
        StringBuilder b = new StringBuilder(stepLine(i));
        List<Violation> vs = i == 0 ? trace.initialViolations() : trace.step(i).violations();
        for (Violation v : vs) {
            b.append('\n').append(pad).append("!! ").append(v.invariant().id()).append(": ").append(v.message());
        }
        Narration.Said said = said(i);
        if (said != null && said.index() == i) {
            b.append('\n').append(pad).append(">> narration")
                    .append(said.title().isEmpty() ? "" : ": " + said.title());
            for (String line : said.text().split("\n", -1)) {
                if (!line.isBlank()) {
                    b.append('\n').append(pad).append("   ").append(line.strip());
                }
            }
        }
        for (Narration.Checkpoint c : checkpoints) {
            if (c.index() != i) {
                continue;
            }
            b.append('\n').append(pad).append("?? checkpoint: ").append(c.question().strip());
            for (int k = 0; k < c.choices().size(); k++) {
                b.append('\n').append(pad).append("   ").append((char) ('a' + k)).append(") ")
                        .append(c.choices().get(k));
            }
            if (cursor > i) {
                b.append('\n').append(pad).append("   answer: ")
                        .append(c.answer() >= 0 && c.answer() < c.choices().size() ? c.choices().get(c.answer()) : "?");
                if (!c.explanation().isEmpty()) {
                    b.append(" (").append(c.explanation().replace('\n', ' ')).append(')');
                }
                for (int k = 0; k < c.choices().size(); k++) {
                    if (!c.whyNot(k).isEmpty()) {
                        b.append('\n').append(pad).append("   not ").append((char) ('a' + k)).append("): ")
                                .append(c.whyNot(k).replace('\n', ' '));
                    }
                }
            }
        }
        return b.toString();
    }

    private Narration.Said said(int i) {
        try {
            return narration.said(trace, i);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A header: the run's outcome in one line. */
    public String header() {
        return "# " + trace.scenario().title() + "\n# protection " + trace.scenario().protection().label()
                + "; outcome " + trace.outcome() + ": " + trace.outcomeMessage() + "; " + trace.size() + " steps; "
                + (trace.violations().isEmpty() ? "no violation" : trace.violations().size()
                + " violation(s), first at step " + trace.firstViolationStep());
    }

    /** Entries {@code from..to} (inclusive) as text, each line ending in a newline, after the header. */
    public String text(int from, int to, int cursor) {
        StringBuilder b = new StringBuilder(header()).append('\n');
        for (int i = Math.max(0, from); i <= Math.min(to, trace.size()); i++) {
            b.append(entry(i, cursor)).append('\n');
        }
        return b.toString();
    }
}
