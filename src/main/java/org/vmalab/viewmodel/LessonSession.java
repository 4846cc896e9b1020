package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Part;

/**
 * One lesson part being studied: the learner's answers, what may be shown, and when the part is done. Sits beside
 * the {@link Player} and gates it:
 * <ul>
 *   <li>at an open question "forward" checks the chosen answer instead of moving (or says to pick one); the verdict
 *       and the explanation stay until the learner moves on; the choice is kept (in {@link Lessons.Progress}, so
 *       also between runs of the program) and shown again when they come back;</li>
 *   <li>the run beyond the first unanswered question at or after the cursor is hidden ({@link #horizon()}): no
 *       marks, no "later" counts, no jump to a later violation;</li>
 *   <li>a part is done once it was played to its end on the lesson's run with every question answered, or, for
 *       a challenge, once the challenge is finished ({@link ChallengeRun#finished()}).</li>
 * </ul>
 * Pure Java; every method on the UI thread.
 */
public final class LessonSession {
    /** A question as it stands: the one on screen, the choice selected, whether it was checked. */
    public record Question(Narration.Checkpoint checkpoint, int selected, boolean checked) {
        public boolean right() {
            return checked && selected == checkpoint.answer();
        }
    }

    private final Player player;
    private final Lesson lesson;
    private final int part;
    private final Lessons.Progress progress;
    private final ChallengeRun challenge;
    private final Map<Integer, Integer> selected = new HashMap<>();
    private boolean reachedEnd;

    public LessonSession(Player player, Lesson lesson, int part, Lessons.Progress progress, TaskRunner background,
                         Runnable changed) {
        this.player = player;
        this.lesson = lesson;
        this.part = part;
        this.progress = progress;
        Part p = lesson.parts().get(part);
        this.challenge = p.challenge() == null ? null : new ChallengeRun(player, lesson, part, background, () -> {
            updateDone();
            if (changed != null) {
                changed.run();
            }
        });
        player.setForwardGate(this::forward);
        player.setHorizon(this::horizon);
    }

    /** Takes the gates off the player (another part or lesson is opened). */
    public void detach() {
        player.setForwardGate(null);
        player.setHorizon(null);
    }

    public Lesson lesson() {
        return lesson;
    }

    public int partIndex() {
        return part;
    }

    public Part part() {
        return lesson.parts().get(part);
    }

    /** The challenge of this part, or null. */
    public ChallengeRun challenge() {
        return challenge;
    }

    public String key() {
        return Lessons.key(lesson, part);
    }

    /** Is the player playing this part (and not, say, an opened file)? */
    public boolean active() {
        return player.playable() != null && player.playable().id().equals(key());
    }

    // ------------------------------------------------------------------ questions

    /** The questions of the player's run (placed on its trace). */
    public List<Narration.Checkpoint> checkpoints() {
        return active() ? player.checkpoints() : List.of();
    }

    /** The question asked exactly at the cursor, or null. */
    public Narration.Checkpoint openCheckpoint() {
        for (Narration.Checkpoint c : checkpoints()) {
            if (c.index() == player.index()) {
                return c;
            }
        }
        return null;
    }

    /** The question at the cursor with the learner's choice, or null. */
    public Question question() {
        Narration.Checkpoint c = openCheckpoint();
        if (c == null) {
            return null;
        }
        int checked = progress.answer(key(), c.id());
        if (checked >= 0) {
            return new Question(c, checked, true);
        }
        return new Question(c, selected.getOrDefault(c.id(), -1), false);
    }

    /** Has the question been checked (in this session or an earlier one)? */
    public boolean answered(Narration.Checkpoint c) {
        return progress.answer(key(), c.id()) >= 0;
    }

    /** Selects a choice at the open question (not yet checked). */
    public void select(int choice) {
        Narration.Checkpoint c = openCheckpoint();
        if (c == null || answered(c) || choice < 0 || choice >= c.choices().size()) {
            return;
        }
        selected.put(c.id(), choice);
        player.changed();
    }

    /** Checks the selected choice at the open question: the verdict stays on screen. False if nothing to check. */
    public boolean check() {
        Narration.Checkpoint c = openCheckpoint();
        if (c == null || answered(c)) {
            return false;
        }
        Integer s = selected.get(c.id());
        if (s == null) {
            return false;
        }
        progress.recordAnswer(key(), c.id(), s);
        updateDone();
        player.changed();
        return true;
    }

    /**
     * Forgets the answer checked at the question at the cursor: it is open again, with no choice picked and the run
     * beyond it hidden (a student who wants another try, a teacher who asks the class after rehearsing). The part's
     * done mark stays.
     */
    public void askAgain() {
        Narration.Checkpoint c = openCheckpoint();
        if (c == null || !answered(c)) {
            return;
        }
        progress.forgetAnswer(key(), c.id());
        selected.remove(c.id());
        player.changed();
    }

    /** Moves past the open question without answering it (it stays open for later). */
    public void skip() {
        player.seek(player.index() + 1);
    }

    /**
     * Goes to the step where the picture shows the answer of the question at the cursor, or to the first question on
     * the way that is not answered yet ({@link #watchStop()}): the run beyond it would give its answer away.
     */
    public void watch() {
        int to = watchStop();
        if (to > 0) {
            player.seek(to);
        }
    }

    /**
     * Where "watch it happen" goes from the answered question at the cursor: its watch step, or the first unanswered
     * question before it; -1 when there is nothing to watch.
     */
    public int watchStop() {
        Question q = question();
        if (q == null || !q.checked() || q.checkpoint().watch() <= 0) {
            return -1;
        }
        int to = q.checkpoint().watch();
        for (Narration.Checkpoint c : checkpoints()) {
            if (c.index() > player.index() && c.index() < to && !answered(c)) {
                to = c.index();
            }
        }
        return to;
    }

    /** "Forward" at an open question: check the answer, or ask for one. True when the press was used here. */
    boolean forward() {
        Question q = question();
        if (q == null || q.checked()) {
            return false;
        }
        if (q.selected() >= 0) {
            return check();
        }
        player.changed();
        return true;
    }

    /** What "forward" will do at an open question, for the hint under it. */
    public boolean forwardChecks() {
        Question q = question();
        return q != null && !q.checked();
    }

    /**
     * The last index the learner may see: the first unanswered question at or after the cursor; beyond it the
     * timeline, the checker's later violations and the end of the run are hidden.
     */
    public int horizon() {
        if (challenge != null || !active()) {
            return Integer.MAX_VALUE;
        }
        int h = Integer.MAX_VALUE;
        for (Narration.Checkpoint c : checkpoints()) {
            if (c.index() >= player.index() && !answered(c)) {
                h = Math.min(h, c.index());
            }
        }
        return h;
    }

    // ------------------------------------------------------------------ off the lesson's run

    /** Has the learner changed the protection or the schedule: the narration describes another run? */
    public boolean offRun() {
        return active() && player.offPlayableRun();
    }

    /** The notes left out of this run (their event does not happen, or the run contradicts them), in words. */
    public List<String> hiddenNotes() {
        Trace t = player.trace();
        if (!active() || t == null) {
            return List.of();
        }
        Narration n = player.playable().narration();
        List<String> out = new ArrayList<>();
        try {
            out.addAll(n.contradicted(t));
            out.addAll(n.unplaced(t));
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }

    // ------------------------------------------------------------------ done

    /** Follows the player: the challenge, the end of the run, the done mark. */
    public void update() {
        if (!active()) {
            return;
        }
        if (challenge != null) {
            challenge.update();
        } else if (player.trace() != null && !player.busy() && !player.offPlayableRun()
                && player.index() >= player.size() && player.size() > 0) {
            reachedEnd = true;
        }
        updateDone();
    }

    private void updateDone() {
        if (progress.done(key())) {
            return;
        }
        boolean done;
        if (challenge != null) {
            done = challenge.finished();
        } else {
            done = reachedEnd && unanswered() == 0;
        }
        if (done) {
            progress.markDone(key());
        }
    }

    /** How many questions of the part are not answered yet. */
    public int unanswered() {
        int n = 0;
        for (int i = 0; i < part().checkpoints().size(); i++) {
            if (progress.answer(key(), i) < 0) {
                n++;
            }
        }
        return n;
    }

    /** Has the part been played to its end (on the lesson's run) in this session? */
    public boolean reachedEnd() {
        return reachedEnd;
    }

    public boolean done() {
        return progress.done(key());
    }
}
