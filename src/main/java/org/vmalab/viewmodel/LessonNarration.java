package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Cue;
import org.vmalab.lesson.CueTimeline;
import org.vmalab.lesson.Part;

/**
 * A lesson part's narration and checkpoints as the player's {@link Narration}: cues are placed on the steps
 * of whatever trace is playing (the lesson's own run, or a variation after the user chose another thread),
 * through the lesson's {@link CueTimeline}. Thread-safe: the player asks from its background thread too.
 */
public final class LessonNarration implements Narration {
    private final Part part;
    private Trace placedOn;
    private CueTimeline timeline;

    public LessonNarration(Part part) {
        this.part = part;
    }

    public Part part() {
        return part;
    }

    private synchronized CueTimeline timeline(Trace t) {
        if (t != placedOn) {
            timeline = part.timeline(t);
            placedOn = t;
        }
        return timeline;
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
        CueTimeline tl = timeline(trace);
        return tl.narrationAt(index).map(n -> new Said(n.title(), n.text().strip(), tl.narrationStepAt(index)))
                .orElse(null);
    }

    @Override
    public List<Checkpoint> checkpoints(Trace trace) {
        List<Checkpoint> out = new ArrayList<>();
        for (CueTimeline.Entry e : timeline(trace).entries()) {
            if (e.cue() instanceof org.vmalab.lesson.Checkpoint c) {
                out.add(new Checkpoint(e.step(), c.question(), c.choices(), c.answer(), c.explanation() == null ? ""
                        : c.explanation().strip()));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> unplaced(Trace trace) {
        List<String> out = new ArrayList<>();
        for (Cue c : timeline(trace).unplaced()) {
            String what = c instanceof org.vmalab.lesson.Narration n ? "narration \"" + n.title() + "\""
                    : "checkpoint \"" + ((org.vmalab.lesson.Checkpoint) c).question() + "\"";
            out.add(what + " (" + c.anchor().describe() + ")");
        }
        return List.copyOf(out);
    }
}
