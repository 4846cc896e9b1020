package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;
import org.vmalab.explore.Schedules;
import org.vmalab.lesson.Challenge;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Part;

/**
 * One challenge as the learner plays it: they build the schedule in the {@link Player} (a number key or a lane
 * click per step, Shift for "until it blocks", Backspace to take a step back); this watches every run for the goal.
 * Once it is reached (phase {@link Phase#WON}) the learner's schedule is shown beside the explorer's shortest one.
 * Then the same goal with the patch ({@link Phase#PATCH}): every try the learner ends is kept with what stopped it,
 * and when they give up the explorer's complete search proves that no schedule reaches the goal
 * ({@link Phase#PROVED}), with the part of the patch each attempt ran into and the parts the goal needs taken away.
 * The explorer runs on the {@link TaskRunner}, never on the UI thread.
 */
public final class ChallengeRun {
    /** Where the learner is. */
    public enum Phase {
        /** The part's protection; the goal not reached yet. */
        TRYING,
        /** The goal was reached. */
        WON,
        /** The same goal with the patch. */
        PATCH,
        /** The explorer is searching every schedule with the patch. */
        PROVING,
        /** The search is done: {@link #proof()}. */
        PROVED
    }

    /** One try with the patch that the learner ended: its schedule, and what of the patch stood in its way. */
    public record Attempt(List<Integer> threads, String shape, List<String> stoppedBy) {
        public Attempt {
            threads = List.copyOf(threads);
            stoppedBy = List.copyOf(stoppedBy);
        }
    }

    private final Player player;
    private final Lesson lesson;
    private final int partIndex;
    private final Part part;
    private final Challenge challenge;
    private final TaskRunner background;
    private final Runnable changed;
    private Phase phase = Phase.TRYING;
    private int hintsShown;
    private List<Integer> winning = List.of();
    private ChallengeProof.Shortest shortest;
    private boolean shortestDone;
    private ChallengeProof.PatchProof proof;
    private List<ChallengeProof.PartOfPatch> parts = List.of();
    private final List<Attempt> attempts = new ArrayList<>();
    private Trace lastSeen;
    private String failure = "";
    private long generation;

    /**
     * @param changed called on the UI thread when something of this challenge changed (a background result came
     *                back)
     */
    public ChallengeRun(Player player, Lesson lesson, int partIndex, TaskRunner background, Runnable changed) {
        this.player = player;
        this.lesson = lesson;
        this.partIndex = partIndex;
        this.part = lesson.parts().get(partIndex);
        this.challenge = part.challenge();
        this.background = background;
        this.changed = changed == null ? () -> { } : changed;
        if (challenge == null) {
            throw new IllegalArgumentException("part " + (partIndex + 1) + " of " + lesson.id() + " has no challenge");
        }
        findShortest(part.scenario());
    }

    private void findShortest(Scenario s) {
        long gen = ++generation;
        shortestDone = false;
        background.execute(() -> {
            ChallengeProof.Shortest found;
            try {
                found = ChallengeProof.shortest(challenge, s);
            } catch (RuntimeException e) {
                found = null;
            }
            ChallengeProof.Shortest f = found;
            background.post(() -> {
                if (gen == generation) {
                    shortest = f;
                    shortestDone = true;
                    changed.run();
                }
            });
        });
    }

    public Challenge challenge() {
        return challenge;
    }

    public Phase phase() {
        return phase;
    }

    /**
     * Follows the player: looks for the goal in every new run of the learner's, keeps the tries they ended with the
     * patch. A run the learner did not schedule (the explorer's schedule, the shortest one played after the win) is
     * neither a win nor a try.
     */
    public void update() {
        Trace t = player.trace();
        if (t == null || player.busy() || t == lastSeen) {
            return;
        }
        lastSeen = t;
        if (!player.learnersRun()) {
            return;
        }
        if (phase == Phase.TRYING) {
            int at = challenge.reachedAt(t);
            if (at > 0) {
                winning = List.copyOf(t.scheduleUsed().subList(0, at));
                phase = Phase.WON;
            }
        } else if (phase == Phase.PATCH && ended(t)) {
            keepAttempt(t);
        }
    }

    /**
     * Why the learner's try is over without the goal, in words ("every thread has finished and the goal was not
     * reached"), or null while it can go on, after the goal, or at the step limit (the pane says that one itself).
     */
    public String tryOver() {
        Trace t = player.trace();
        if (t == null || player.busy() || !player.learnersRun() || (phase != Phase.TRYING && phase != Phase.PATCH)
                || phase == Phase.TRYING && challenge.reachedAt(t) > 0) {
            return null;
        }
        return switch (t.outcome()) {
            case COMPLETE -> "every thread has finished and the goal was not reached";
            case DEADLOCK -> "no thread can go on (a deadlock) and the goal was not reached";
            default -> null;
        };
    }

    /** Did this try end: every thread finished or stuck, or the step limit reached? */
    private static boolean ended(Trace t) {
        return t.outcome() == Outcome.COMPLETE || t.outcome() == Outcome.DEADLOCK || t.outcome() == Outcome.BOUND;
    }

    private void keepAttempt(Trace t) {
        List<Integer> used = t.scheduleUsed();
        if (used.isEmpty()) {
            return;
        }
        for (Attempt a : attempts) {
            if (a.threads().equals(used)) {
                return;
            }
        }
        attempts.add(new Attempt(used, shape(used, t.threadNames()), ChallengeProof.stoppedBy(t, challenged())));
    }

    /** The parts of the patch this challenge's part takes away. */
    Set<ProtectionToggle> challenged() {
        Set<ProtectionToggle> s = part.scenario().protection().toggles();
        return s.isEmpty() ? EnumSet.noneOf(ProtectionToggle.class) : EnumSet.copyOf(s);
    }

    // ------------------------------------------------------------------ hints

    public List<String> hintsShown() {
        return challenge.hints().subList(0, hintsShown);
    }

    public boolean moreHints() {
        return hintsShown < challenge.hints().size();
    }

    /** Unlocks the next hint. */
    public void nextHint() {
        if (moreHints()) {
            hintsShown++;
        }
    }

    // ------------------------------------------------------------------ the win

    /** The learner's schedule up to the step that reached the goal (empty before the win). */
    public List<Integer> winning() {
        return winning;
    }

    /** The explorer's shortest schedule to the goal; null while it is searched, or when there is none. */
    public ChallengeProof.Shortest shortest() {
        return shortest;
    }

    /** Has the search for the shortest schedule finished? */
    public boolean shortestDone() {
        return shortestDone;
    }

    /** Plays the explorer's shortest schedule in the player, from its start. */
    public void playShortest() {
        if (shortest == null) {
            return;
        }
        Schedule s = new Schedule(Schedule.slots(shortest.threads()), Schedule.Policy.STOP,
                player.schedule() == null ? 0 : player.schedule().seed(), challenge.maxSteps());
        player.run(player.scenario(), s, 0);
    }

    /** Back to no step at all, in the current phase. */
    public void startOver() {
        if (phase == Phase.PATCH) {
            Trace t = player.trace();
            if (t != null && t.size() > 0) {
                keepAttempt(t);
            }
        }
        player.reset();
    }

    /**
     * Gives up before the goal: the explorer's shortest schedule is what to look at; the challenge goes on with
     * the patch when the lesson has that phase.
     */
    public void giveUp() {
        if (phase == Phase.TRYING) {
            winning = List.of();
            phase = Phase.WON;
            failure = "given up";
        } else if (phase == Phase.PATCH) {
            prove();
        }
    }

    /** Was the goal given up rather than reached? */
    public boolean gaveUp() {
        return !failure.isEmpty();
    }

    // ------------------------------------------------------------------ with the patch

    /** Does the lesson go on with the patch after the win? */
    public boolean hasPatchPhase() {
        return challenge.patchUnreachable();
    }

    /** The same goal with the patch: the player starts over with the patched scenario. */
    public void withPatch() {
        if (!hasPatchPhase()) {
            return;
        }
        phase = Phase.PATCH;
        attempts.clear();
        lastSeen = null;
        Playable now = player.playable();
        Playable p = new Playable(now.id(), Lessons.playable(lesson, partIndex).title() + " — with the patch",
                now.summary(), ChallengeProof.patched(part.scenario()), Lessons.learnerSchedule(part),
                now.narration());
        player.load(p);
    }

    /** The tries ended with the patch, oldest first. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Runs the complete search with the patch (and with each part of the patch taken away) in the background. */
    public void prove() {
        if (phase != Phase.PATCH) {
            return;
        }
        Trace t = player.trace();
        if (t != null && t.size() > 0) {
            keepAttempt(t);
        }
        phase = Phase.PROVING;
        long gen = ++generation;
        background.execute(() -> {
            ChallengeProof.PatchProof pp;
            List<ChallengeProof.PartOfPatch> ps;
            try {
                pp = ChallengeProof.withPatch(challenge, part.scenario());
                ps = ChallengeProof.partsOfPatch(challenge, part.scenario());
            } catch (RuntimeException e) {
                pp = null;
                ps = List.of();
            }
            ChallengeProof.PatchProof fp = pp;
            List<ChallengeProof.PartOfPatch> fps = ps;
            background.post(() -> {
                if (gen == generation) {
                    proof = fp;
                    parts = fps;
                    phase = Phase.PROVED;
                    changed.run();
                }
            });
        });
    }

    /** The search with the patch, once {@link Phase#PROVED} (null if it failed). */
    public ChallengeProof.PatchProof proof() {
        return proof;
    }

    /** Each part of the patch taken away alone, once {@link Phase#PROVED}. */
    public List<ChallengeProof.PartOfPatch> partsOfPatch() {
        return parts;
    }

    /** Is the challenge finished for the progress record: won (or given up and shown), and proved if it can be? */
    public boolean finished() {
        return phase == Phase.PROVED || phase == Phase.WON && !hasPatchPhase() && !gaveUp();
    }

    /** Has the goal been reached by the learner's own schedule? */
    public boolean won() {
        return !winning.isEmpty();
    }

    // ------------------------------------------------------------------ words

    /** "T1 ×4 → T2 ×48 → T1" (runs of one thread). */
    public static String shape(List<Integer> threads, String[] names) {
        if (threads.isEmpty()) {
            return "no step";
        }
        StringBuilder b = new StringBuilder();
        for (Schedules.Run r : Schedules.runs(threads)) {
            b.append(b.length() > 0 ? " → " : "").append(Schedules.name(r.thread(), names))
                    .append(r.steps() > 1 ? " ×" + r.steps() : "");
        }
        return b.toString();
    }

    /** The thread names of the part. */
    public String[] threadNames() {
        return part.scenario().threads().stream().map(org.vmalab.engine.ThreadSpec::name).toArray(String[]::new);
    }
}
