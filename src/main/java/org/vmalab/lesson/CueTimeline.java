package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vmalab.engine.trace.Trace;

/**
 * A part's narration and checkpoints placed on the steps of one trace: what the narration panel shows at each
 * cursor position, and where playback pauses. Cursor {@code i} is the state after step {@code i} (0 = initial).
 * Cues whose anchor does not occur in this trace (the user changed the schedule) are in {@link #unplaced()}.
 */
public final class CueTimeline {
    /** A cue and the cursor index it belongs to. */
    public record Entry(int step, Cue cue) {
    }

    private final List<Entry> entries;
    private final List<Cue> unplaced;

    private CueTimeline(List<Entry> entries, List<Cue> unplaced) {
        this.entries = List.copyOf(entries);
        this.unplaced = List.copyOf(unplaced);
    }

    /** Places every cue of {@code p} on {@code t}. Two cues on one step keep their file order. */
    public static CueTimeline of(Part p, Trace t) {
        List<Entry> es = new ArrayList<>();
        List<Cue> un = new ArrayList<>();
        List<Cue> all = new ArrayList<>();
        all.addAll(p.narration());
        all.addAll(p.checkpoints());
        all.sort(Comparator.comparingInt((Cue c) -> c.pos().line()).thenComparingInt(c -> c.pos().column()));
        for (Cue c : all) {
            int i = c.anchor().resolve(t);
            if (i < 0) {
                un.add(c);
            } else {
                es.add(new Entry(i, c));
            }
        }
        es.sort(Comparator.comparingInt(Entry::step));
        return new CueTimeline(es, un);
    }

    /** Every placed cue in step order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Cues whose anchor is not in this trace. */
    public List<Cue> unplaced() {
        return unplaced;
    }

    /** The narrations placed exactly on {@code step}. */
    public List<Narration> narrationsAt(int step) {
        List<Narration> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.step() == step && e.cue() instanceof Narration n) {
                out.add(n);
            }
        }
        return out;
    }

    /** The narration in force at {@code cursor}: the last one placed at or before it. */
    public Optional<Narration> narrationAt(int cursor) {
        Narration last = null;
        for (Entry e : entries) {
            if (e.step() > cursor) {
                break;
            }
            if (e.cue() instanceof Narration n) {
                last = n;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The step the narration in force at {@code cursor} is placed on, or -1. */
    public int narrationStepAt(int cursor) {
        int last = -1;
        for (Entry e : entries) {
            if (e.step() > cursor) {
                break;
            }
            if (e.cue() instanceof Narration) {
                last = e.step();
            }
        }
        return last;
    }

    /** The checkpoint asked at exactly {@code cursor}, if any (the first, if a lesson placed two there). */
    public Optional<Checkpoint> checkpointAt(int cursor) {
        for (Entry e : entries) {
            if (e.step() == cursor && e.cue() instanceof Checkpoint c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The cursor of the first checkpoint strictly after {@code cursor}, or -1: where playback pauses next. */
    public int nextCheckpoint(int cursor) {
        for (Entry e : entries) {
            if (e.step() > cursor && e.cue() instanceof Checkpoint) {
                return e.step();
            }
        }
        return -1;
    }

    /** The cursor of the first cue strictly after {@code cursor}, or -1. */
    public int nextCue(int cursor) {
        for (Entry e : entries) {
            if (e.step() > cursor) {
                return e.step();
            }
        }
        return -1;
    }

    /** Has the checkpoint at {@code checkpointStep} been answered by stepping past it? */
    public static boolean revealed(int checkpointStep, int cursor) {
        return cursor > checkpointStep;
    }
}
