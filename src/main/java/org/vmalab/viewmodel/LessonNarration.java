package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Cue;
import org.vmalab.lesson.CueTimeline;
import org.vmalab.lesson.Part;

/**
 * A lesson part's narration and checkpoints as the player's {@link Narration}: cues are placed on the steps
 * of whatever trace is playing (the lesson's own run, or a variation after the user chose another thread or
 * changed a protection), through the lesson's {@link CueTimeline}. A card whose {@code claims} the trace
 * contradicts is left out (it would say something false about this run), and so is a card whose event does not
 * happen. Thread-safe: the player asks from its background thread too.
 */
public final class LessonNarration implements Narration {
    private final Part part;
    private Trace placedOn;
    private Placed placed;

    /** The cues of one trace: those shown, and those left out. */
    private record Placed(List<CueTimeline.Entry> shown, List<Cue> unplaced, List<org.vmalab.lesson.Narration> wrong) {
    }

    public LessonNarration(Part part) {
        this.part = part;
    }

    public Part part() {
        return part;
    }

    private synchronized Placed placed(Trace t) {
        if (t != placedOn) {
            CueTimeline tl = part.timeline(t);
            List<CueTimeline.Entry> shown = new ArrayList<>();
            List<org.vmalab.lesson.Narration> wrong = new ArrayList<>();
            for (CueTimeline.Entry e : tl.entries()) {
                if (e.cue() instanceof org.vmalab.lesson.Narration n && !n.claims().hold(t, e.step())) {
                    wrong.add(n);
                } else {
                    shown.add(e);
                }
            }
            placed = new Placed(List.copyOf(shown), tl.unplaced(), List.copyOf(wrong));
            placedOn = t;
        }
        return placed;
    }

    @Override
    public String textAt(Trace trace, int index) {
        Said s = said(trace, index);
        if (s == null) {
            return "";
        }
        return s.title().isEmpty() ? s.text().strip() : s.title() + ": " + s.text().strip();
    }

    @Override
    public Said said(Trace trace, int index) {
        org.vmalab.lesson.Narration last = null;
        int at = -1;
        for (CueTimeline.Entry e : placed(trace).shown()) {
            if (e.step() > index) {
                break;
            }
            if (e.cue() instanceof org.vmalab.lesson.Narration n) {
                last = n;
                at = e.step();
            }
        }
        return last == null ? null : new Said(last.title(), last.text().strip(), at);
    }

    @Override
    public List<Checkpoint> checkpoints(Trace trace) {
        List<Checkpoint> out = new ArrayList<>();
        List<org.vmalab.lesson.Checkpoint> all = part.checkpoints();
        for (CueTimeline.Entry e : placed(trace).shown()) {
            if (e.cue() instanceof org.vmalab.lesson.Checkpoint c) {
                int watch = c.watch() == null ? -1 : c.watch().resolve(trace);
                out.add(new Checkpoint(e.step(), c.question().strip(), c.choices(), c.answer(),
                        c.explanation() == null ? "" : c.explanation().strip(), strip(c.whyNot()), all.indexOf(c),
                        watch > e.step() ? watch : -1));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> strip(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(t.strip());
        }
        return out;
    }

    @Override
    public List<String> unplaced(Trace trace) {
        List<String> out = new ArrayList<>();
        for (Cue c : placed(trace).unplaced()) {
            out.add(words(c));
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> contradicted(Trace trace) {
        List<String> out = new ArrayList<>();
        for (org.vmalab.lesson.Narration n : placed(trace).wrong()) {
            out.add(words(n));
        }
        return List.copyOf(out);
    }

    /** A cue in the learner's words: its title, or its first line, or the question. */
    static String words(Cue c) {
        String s = c instanceof org.vmalab.lesson.Narration n ? (n.title().isEmpty() ? firstLine(n.text()) : n.title())
                : "the question \"" + firstLine(((org.vmalab.lesson.Checkpoint) c).question()) + "\"";
        return s;
    }

    private static String firstLine(String s) {
        String l = s.strip();
        int nl = l.indexOf('\n');
        l = nl < 0 ? l : l.substring(0, nl);
        return l.length() > 80 ? l.substring(0, 77) + "…" : l;
    }

    /** The cues shown on {@code t} (for tests). */
    Set<Cue> shownOn(Trace t) {
        Set<Cue> s = new java.util.HashSet<>();
        for (CueTimeline.Entry e : placed(t).shown()) {
            s.add(e.cue());
        }
        return s;
    }
}
