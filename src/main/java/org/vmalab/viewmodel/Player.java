package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.vmalab.engine.CheckLevel;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.TaskView;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;

/**
 * The view model of the window. Its one cursor is {@link #index()}; everything on screen is derived from
 * the trace at that index ({@link #scene()}). Commands move the cursor, or ask for a new run: "what if T2
 * ran now?" cuts the schedule at the cursor, appends T2 and runs the engine again on the {@link TaskRunner}
 * (never on the UI thread); protections and scenario edits re-run the same schedule. The engine's state is
 * never mutated: a new run makes a new immutable trace.
 *
 * <p>Pure Java and single-threaded: every method is called on the UI thread, background results come back
 * through {@link TaskRunner#post}.
 */
public final class Player {
    /** How the cursor got to where it is: the view animates one forward step and snaps otherwise. */
    public enum Move { NONE, FORWARD_ONE, JUMP, RELOAD }

    /** Notified on the UI thread after every change. */
    public interface Listener {
        void playerChanged(Player p);
    }

    private final TaskRunner background;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Playable playable;
    private Scenario scenario;
    private Schedule schedule;
    private Trace trace;
    /** Was {@link #trace} made by the learner's own choices ({@link #learnersRun()})? */
    private boolean learnersRun;
    private TraceCursor cursor;
    private StepScene scene;
    private StepScene previous;
    private Move lastMove = Move.NONE;
    private boolean busy;
    /**
     * The learner's choices made while a run was being made (a number key pressed again before the last step was
     * shown), taken in order once it is installed; another command forgets them.
     */
    private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
    /** The most choices kept while a run is made (a key held down stops there). */
    private static final int MAX_WAITING = 64;
    /** Is a choice of the learner's starting its run (which keeps {@link #waiting})? */
    private boolean choosing;
    private String busyText = "";
    private double progress;
    private String message = "";
    private boolean playing;
    private double speed = 2.0;
    private long generation;
    private List<Narration.Checkpoint> checkpoints = List.of();
    private Narration.Checkpoint checkpoint;
    private List<Integer> operationStarts = List.of();
    private java.util.function.BooleanSupplier forwardGate = () -> false;
    private java.util.function.IntSupplier horizon = () -> Integer.MAX_VALUE;
    /** The scene of the next index, being prepared off the UI thread (large trees), or null. */
    private Ahead ahead;
    private volatile Consumer<StepScene> prepare = s -> { };
    private Consumer<Runnable> aheadStart = Runnable::run;
    private int preparedHits;

    /** Traces of more VMAs than this get the scene of the next step prepared ahead, off the UI thread. */
    public static final int PREPARE_AHEAD_VMAS = 1000;
    /** One daemon thread prepares scenes ahead; it owns the cursor it seeks ({@link AheadCursor}). */
    private static final ExecutorService AHEAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmalab-scene-ahead");
        t.setDaemon(true);
        return t;
    });

    /**
     * A scene being prepared for {@code index} of {@code trace}. Whoever sets {@code claimed} first owns it: the
     * ahead thread when it starts the work, the UI thread when it gives the work up or needs the scene before the
     * work was handed to the ahead thread (it then builds the scene itself, and the ahead thread skips it).
     */
    private static final class Ahead {
        final Trace trace;
        final int index;
        final FutureTask<StepScene> scene;
        final AtomicBoolean claimed;
        /** Handed to the ahead thread (UI thread only). */
        boolean submitted;

        Ahead(Trace trace, int index, FutureTask<StepScene> scene, AtomicBoolean claimed) {
            this.trace = trace;
            this.index = index;
            this.scene = scene;
            this.claimed = claimed;
        }

        /** Gives the work up: not started, it never will; started, its result is dropped. */
        void abandon() {
            claimed.set(true);
            scene.cancel(false);
        }
    }

    /** The cursor the ahead thread seeks (only that thread touches it). */
    private static final class AheadCursor {
        private static Trace trace;
        private static TraceCursor cursor;

        static TraceCursor at(Trace t, int index) {
            if (trace != t) {
                trace = t;
                cursor = t.cursor();
            }
            return cursor.seek(index);
        }
    }

    /**
     * Work to do on every scene prepared ahead, on that thread (the view prepares what it will draw: the overview's
     * walk tree of a large tree).
     */
    public void setPrepare(Consumer<StepScene> p) {
        prepare = p == null ? s -> { } : p;
    }

    /**
     * When the preparation of the next scene may start: {@code start} is given the task that hands the work to the
     * ahead thread, and runs it (on the UI thread) when it likes. The window runs it once the step just taken is
     * drawn, so that the preparation does not take a core from the step's own work on a two-core machine (it has
     * the whole animation of the step to finish in). By default it starts at once.
     */
    public void setAheadStart(Consumer<Runnable> start) {
        aheadStart = start == null ? Runnable::run : start;
    }

    /** How many steps found their scene prepared ahead (tests, benches). */
    public int preparedHits() {
        return preparedHits;
    }

    /** Starts preparing the next index's scene off the UI thread, for a large trace (playback goes forward). */
    private void prepareAhead() {
        ahead = null;
        if (trace == null || trace.vmaCount() <= PREPARE_AHEAD_VMAS || index() >= trace.size()) {
            return;
        }
        Trace t = trace;
        int next = index() + 1;
        Narration n = playable == null ? Narration.NONE : playable.narration();
        Consumer<StepScene> work = prepare;
        // the scene shown now: the next one shares what this step leaves unchanged
        StepScene base = scene;
        AtomicBoolean claimed = new AtomicBoolean();
        FutureTask<StepScene> task = new FutureTask<>(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return null;
            }
            StepScene s = StepSceneBuilder.build(t, AheadCursor.at(t, next), n, base);
            work.accept(s);
            return s;
        });
        Ahead a = new Ahead(t, next, task, claimed);
        ahead = a;
        aheadStart.accept(() -> {
            if (!claimed.get()) {
                a.submitted = true;
                AHEAD.execute(task);
            }
        });
    }

    /**
     * The scene prepared ahead for {@code target}, or null (none, another trace, not started yet, or it failed):
     * the caller then builds it.
     */
    private StepScene prepared(int target) {
        Ahead a = ahead;
        ahead = null;
        if (a == null) {
            return null;
        }
        if (a.trace != trace || a.index != target || !a.submitted) {
            // another index, or the work was not handed over yet: the caller builds the scene, the work never runs
            a.abandon();
            return null;
        }
        try {
            // handed over: it is running or about to (the ahead thread does one scene at a time); wait for it
            StepScene s = a.scene.get();
            if (s != null) {
                preparedHits++;
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    public Player(TaskRunner background) {
        this.background = Objects.requireNonNull(background);
    }

    /** Where engine work runs (a lesson's explorer searches run there too). */
    public TaskRunner background() {
        return background;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    // ================================================================ loading and re-running

    /** Plays {@code p} from its start (a lesson, or the default scenario). */
    public void load(Playable p) {
        this.playable = Objects.requireNonNull(p);
        this.playing = false;
        run(p.scenario(), p.schedule(), 0, Move.RELOAD, "Running " + p.title() + "…", "", true);
    }

    /** Back to the playable's own scenario and schedule, at index 0. */
    public void reset() {
        if (playable != null) {
            load(playable);
        }
    }

    /** The same schedule with the protections changed (toggle one on or off, or the rwlock policy). */
    public void setProtection(Protection p) {
        if (scenario == null || p.equals(scenario.protection())) {
            return;
        }
        run(scenario.withProtection(p), schedule, index(), Move.RELOAD, "Re-running with " + p.label() + "…",
                "Protections: " + describe(p), learnersRun);
    }

    /** Switches one toggle; {@code PRE_PATCH} excludes the others. */
    public void toggle(ProtectionToggle t, boolean on) {
        if (scenario == null) {
            return;
        }
        Protection now = scenario.protection();
        java.util.EnumSet<ProtectionToggle> set = now.toggles().isEmpty()
                ? java.util.EnumSet.noneOf(ProtectionToggle.class)
                : java.util.EnumSet.copyOf(now.toggles());
        if (on) {
            if (t == ProtectionToggle.PRE_PATCH) {
                set.clear();
            } else {
                set.remove(ProtectionToggle.PRE_PATCH);
            }
            set.add(t);
        } else {
            set.remove(t);
        }
        setProtection(new Protection(set, now.policy()));
    }

    public void setPolicy(RwlockPolicy policy) {
        if (scenario != null) {
            setProtection(scenario.protection().withPolicy(policy));
        }
    }

    /** A scenario edited in the form: runs it with the playable's schedule, from the start. */
    public void setScenario(Scenario s) {
        Schedule base = playable == null ? Schedule.roundRobin() : playable.schedule();
        run(s, base, 0, Move.RELOAD, "Running the edited scenario…", "Scenario changed: " + s.title(), false);
    }

    /**
     * Runs {@code s} with an explicit schedule, landing at {@code land} (the explorer's schedules, a challenge's
     * shortest one, tests, lesson checkpoints). Such a run is not the learner's ({@link #learnersRun}).
     */
    public void run(Scenario s, Schedule sched, int land) {
        run(s, sched, land, Move.RELOAD, "Running…", "", false);
    }

    /**
     * Was the run shown made by the learner's own choices: the playable as loaded, then the threads they chose
     * ({@link #choose}, {@link #chooseUntilBlocked}, {@link #undo}), under any protection? A schedule handed to
     * {@link #run} (the explorer's, a challenge's shortest) or an edited scenario is not, nor is a choice made on it
     * afterwards: a challenge counts only what the learner scheduled from its start.
     */
    public boolean learnersRun() {
        return trace != null && learnersRun;
    }

    /** Can thread {@code t} take the next step from here? */
    public boolean canRun(int t) {
        if (trace == null || t < 0 || t >= trace.threadCount()) {
            return false;
        }
        return cursor.task(t).status().runnable();
    }

    /** Why thread {@code t} cannot run from here, or "" if it can. */
    public String whyNot(int t) {
        if (trace == null) {
            return "nothing is loaded";
        }
        if (t < 0 || t >= trace.threadCount()) {
            return "there is no thread " + (t + 1);
        }
        TaskView task = cursor.task(t);
        if (task.status() == TaskView.Status.DONE) {
            return trace.threadName(t) + " has finished its program";
        }
        if (task.status() == TaskView.Status.BLOCKED) {
            String w = task.waitReason();
            return trace.threadName(t) + " is asleep" + (w.isEmpty() ? "" : ": " + w);
        }
        return "";
    }

    /**
     * Be the scheduler: thread {@code t} takes the next step from the cursor. If the trace already goes
     * that way the cursor just moves; otherwise the schedule is cut here, {@code t} appended, and the rest
     * follows the current policy (round-robin after an explicit schedule).
     */
    public void choose(int t) {
        asLearner(() -> choose(t), () -> chooseNow(t));
    }

    /**
     * A choice of the learner's: {@code now} at once, or, while a run is being made after a first one,
     * {@code again} kept for when it is installed ({@link #waiting}).
     */
    private void asLearner(Runnable again, Runnable now) {
        if (trace != null && busy) {
            if (waiting.size() < MAX_WAITING) {
                waiting.add(again);
            }
            return;
        }
        choosing = true;
        try {
            now.run();
        } finally {
            choosing = false;
        }
    }

    private void chooseNow(int t) {
        if (trace == null || busy) {
            return;
        }
        String why = whyNot(t);
        if (!why.isEmpty()) {
            say("Cannot schedule " + (t >= 0 && t < trace.threadCount() ? trace.threadName(t) : "that thread") + ": "
                    + why);
            return;
        }
        int i = index();
        playing = false;
        if (i < trace.size() && trace.scheduleUsed().get(i) == t) {
            message = trace.threadName(t) + " runs step " + (i + 1) + ".";
            seekInternal(i + 1);
            return;
        }
        if (learnerSchedules() && i >= schedule.bound()) {
            say("Out of steps: this challenge allows " + schedule.bound() + ". Take a step back (Backspace) or start "
                    + "over (R).");
            return;
        }
        Schedule.Policy then = learnerSchedules() ? Schedule.Policy.STOP
                : schedule.policy() == Schedule.Policy.STOP ? Schedule.Policy.ROUND_ROBIN : schedule.policy();
        Schedule s = Schedule.choose(trace.scheduleUsed(), i, t, then).withSeed(schedule.seed());
        if (learnerSchedules()) {
            s = s.withBound(schedule.bound());
        }
        run(scenario, s, i + 1, Move.FORWARD_ONE, "Running " + trace.threadName(t) + " next…",
                learnerSchedules() ? trace.threadName(t) + " ran step " + (i + 1) + "."
                        : "You chose " + trace.threadName(t) + " for step " + (i + 1) + "; the schedule was cut there.",
                learnersRun);
    }

    /** Be the scheduler, in bulk: thread {@code t} runs until it finishes, spins or sleeps. */
    public void chooseUntilBlocked(int t) {
        asLearner(() -> chooseUntilBlocked(t), () -> chooseUntilBlockedNow(t));
    }

    private void chooseUntilBlockedNow(int t) {
        if (trace == null || busy) {
            return;
        }
        String why = whyNot(t);
        if (!why.isEmpty()) {
            say("Cannot schedule " + trace.threadName(t) + ": " + why);
            return;
        }
        int i = index();
        playing = false;
        if (learnerSchedules() && i >= schedule.bound()) {
            say("Out of steps: this challenge allows " + schedule.bound() + ". Take a step back (Backspace) or start "
                    + "over (R).");
            return;
        }
        List<Schedule.Slot> slots = new ArrayList<>(Schedule.slots(trace.scheduleUsed().subList(0, i)));
        slots.add(new Schedule.Slot(t, Schedule.Slot.UNTIL_BLOCKED));
        Schedule.Policy then = learnerSchedules() ? Schedule.Policy.STOP
                : schedule.policy() == Schedule.Policy.STOP ? Schedule.Policy.ROUND_ROBIN : schedule.policy();
        Schedule s = new Schedule(slots, then, schedule.seed(), schedule.bound());
        String name = trace.threadName(t);
        runThen(scenario, s, Move.JUMP, "Running " + name + " until it blocks…", learnersRun, tr -> {
            int k = i;
            while (k < tr.size() && tr.scheduleUsed().get(k) == t) {
                k++;
            }
            // finished: the thread's own program is done, whatever the others still have to do
            boolean done = tr.cursor().seek(k).task(t).status() == TaskView.Status.DONE;
            return new Landing(k, name + " ran " + (k - i) + " step" + (k - i == 1 ? "" : "s") + " until it "
                    + (done ? "finished" : "could not go on") + ".");
        });
    }

    /**
     * Does the learner build the schedule (a challenge)? Then a run stops where the learner's choices stop, a
     * choice never continues round-robin, and the schedule's bound is the challenge's step limit.
     */
    public boolean learnerSchedules() {
        return playable != null && playable.narration() instanceof LessonNarration ln && ln.part().challenge() != null
                && playable.schedule().policy() == Schedule.Policy.STOP;
    }

    /** A challenge: takes the last step of the run back. */
    public void undo() {
        if (learnerSchedules()) {
            asLearner(this::undo, this::undoNow);
        }
    }

    private void undoNow() {
        if (trace == null || busy || !learnerSchedules()) {
            return;
        }
        if (trace.size() == 0) {
            say("Nothing to take back: no step yet.");
            return;
        }
        int n = trace.size() - 1;
        Schedule s = new Schedule(Schedule.slots(trace.scheduleUsed().subList(0, n)), Schedule.Policy.STOP,
                schedule.seed(), schedule.bound());
        playing = false;
        run(scenario, s, n, Move.JUMP, "Taking step " + (n + 1) + " back…", "Step " + (n + 1) + " taken back.",
                learnersRun);
    }

    /**
     * Is the player off the lesson's own run: another protection, another scenario, or another schedule than the
     * playable's (a challenge's runs are the learner's own, never "off")?
     */
    public boolean offPlayableRun() {
        if (playable == null || scenario == null || learnerSchedules()) {
            return false;
        }
        return !scenario.equals(playable.scenario()) || !schedule.equals(playable.schedule());
    }

    /**
     * What a press of "forward" does first: the gate may take it (a lesson checks the answer chosen at an open
     * question) and return true; otherwise the cursor moves.
     */
    public void setForwardGate(java.util.function.BooleanSupplier gate) {
        forwardGate = gate == null ? () -> false : gate;
    }

    /**
     * The last index the learner may see the run to (a lesson hides what lies beyond an open question), or
     * {@link Integer#MAX_VALUE}.
     */
    public int horizon() {
        return horizon.getAsInt();
    }

    public void setHorizon(java.util.function.IntSupplier h) {
        horizon = h == null ? () -> Integer.MAX_VALUE : h;
    }

    /** Tells the listeners that something beside the run changed (a lesson's answer, a challenge's state). */
    public void changed() {
        fire();
    }

    /** Where a new run lands the cursor, and what to say about it. */
    private record Landing(int index, String message) {
    }

    private void run(Scenario s, Schedule sched, int land, Move move, String busyWhat, String doneMessage,
                     boolean byLearner) {
        runThen(s, sched, move, busyWhat, byLearner, tr -> new Landing(land, doneMessage));
    }

    /** A finished run, prepared off the UI thread: the trace, the cursor already at its landing, the scene. */
    private record Prepared(Trace trace, TraceCursor cursor, StepScene scene, List<Integer> operationStarts,
                            List<Narration.Checkpoint> checkpoints, String message) {
    }

    /**
     * Runs the engine on the background and prepares everything the UI thread needs (the cursor seeked to
     * its landing, the scene built), so that installing it is a few assignments.
     */
    private void runThen(Scenario s, Schedule sched, Move move, String busyWhat, boolean byLearner,
                         java.util.function.Function<Trace, Landing> land) {
        long gen = ++generation;
        if (!choosing) {
            waiting.clear();
        }
        busy = true;
        busyText = busyWhat;
        progress = -1;
        fire();
        Playable pl = playable;
        // a re-run of the same layout (a protection, a choice) shares the unchanged nodes with the scene shown now;
        // another layout (an import, a lesson) has nothing to share
        StepScene base = scenario != null && scenario.layout().size() == s.layout().size() ? scene : null;
        Consumer<StepScene> work = prepare;
        background.execute(() -> {
            Prepared prep;
            try {
                Engine.Progress pr = (done, bound) -> {
                    double f = bound <= 0 ? -1 : (double) done / bound;
                    background.post(() -> {
                        if (gen == generation) {
                            progress = f;
                            fire();
                        }
                    });
                    return gen == generation;
                };
                Trace t = Engine.run(s, sched, CheckLevel.FULL, pr);
                String note = "";
                if (t.outcome() == Outcome.INVALID_SCHEDULE) {
                    // the schedule no longer fits this scenario: keep what ran, continue round-robin
                    note = "The schedule no longer fits at step " + (t.size() + 1) + " (" + t.outcomeMessage()
                            + "); continued round-robin from there.";
                    Schedule fallback = new Schedule(Schedule.slots(t.scheduleUsed()), Schedule.Policy.ROUND_ROBIN,
                            sched.seed(), sched.bound());
                    t = Engine.run(s, fallback, CheckLevel.FULL, pr);
                }
                if (t.size() == 0 && t.vmaCount() > PREPARE_AHEAD_VMAS) {
                    // a large import: its initial checks run on the other core while its first scene is built here
                    // (the scene's checker panel waits for them if they are not done by then)
                    Trace checked = t;
                    Thread checks = new Thread(() -> {
                        try {
                            checked.initialViolations();
                        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                            // made again on this thread when the scene asks for them, which says what failed
                        }
                    }, "vmalab-initial-checks");
                    checks.setDaemon(true);
                    checks.start();
                }
                Landing l = land.apply(t);
                TraceCursor c = t.cursor().seek(Math.max(0, Math.min(l.index(), t.size())));
                Narration n = pl == null ? Narration.NONE : pl.narration();
                List<Narration.Checkpoint> cps;
                try {
                    cps = List.copyOf(n.checkpoints(t));
                } catch (RuntimeException e) {
                    cps = List.of();
                }
                String msg = l.message();
                if (!note.isEmpty()) {
                    msg = msg.isEmpty() ? note : msg + " " + note;
                }
                StepScene first = StepSceneBuilder.build(t, c, n, base);
                if (t.vmaCount() > PREPARE_AHEAD_VMAS) {
                    // what the view draws of a large tree (its overview, its strip) is made here too, not on the
                    // UI thread when the run is installed
                    work.accept(first);
                }
                prep = new Prepared(t, c, first, t.operationStarts(), cps, msg);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                background.post(() -> {
                    if (gen == generation) {
                        busy = false;
                        waiting.clear();
                        busyText = "";
                        message = "The run failed: " + why;
                        fire();
                    }
                });
                return;
            }
            Prepared done = prep;
            background.post(() -> {
                if (gen == generation) {
                    install(s, sched, done, move, byLearner);
                }
            });
        });
    }

    private void install(Scenario s, Schedule sched, Prepared p, Move move, boolean byLearner) {
        int from = index();
        StepScene before = scene;
        this.learnersRun = byLearner;
        this.scenario = s;
        this.schedule = sched;
        this.trace = p.trace();
        this.cursor = p.cursor();
        this.operationStarts = p.operationStarts();
        this.checkpoints = p.checkpoints();
        this.busy = false;
        this.busyText = "";
        this.progress = 0;
        this.message = p.message();
        int target = cursor.index();
        scene = p.scene();
        boolean forward = move == Move.FORWARD_ONE && before != null && target == from + 1;
        previous = forward ? before : null;
        lastMove = forward ? Move.FORWARD_ONE : move == Move.FORWARD_ONE ? Move.JUMP : move;
        checkpoint = checkpointAt(target);
        if (ahead != null) {
            ahead.abandon();
        }
        ahead = null;
        fire();
        prepareAhead();
        while (!busy && !waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    // ================================================================ navigation

    public void stepForward() {
        if (forwardGate.getAsBoolean()) {
            fire();
            return;
        }
        if (trace != null && index() < trace.size()) {
            seekInternal(index() + 1);
        } else if (trace != null && learnerSchedules()) {
            say("You are the scheduler: press a thread's number, or click its lane, to run its next step.");
        }
    }

    public void stepBack() {
        if (trace != null && index() > 0) {
            seekInternal(index() - 1);
        }
    }

    /** To the start of the next operation (of any thread), or the end. */
    public void operationForward() {
        if (trace == null) {
            return;
        }
        int i = index();
        for (int s : operationStarts) {
            if (s > i + 1) {
                seekInternal(s - 1);
                return;
            }
        }
        seekInternal(trace.size());
    }

    /** To the start of the current operation, or of the previous one when already there. */
    public void operationBack() {
        if (trace == null) {
            return;
        }
        int i = index();
        int best = 0;
        for (int s : operationStarts) {
            if (s - 1 < i) {
                best = s - 1;
            }
        }
        seekInternal(best);
    }

    public void home() {
        seekInternal(0);
    }

    public void end() {
        if (trace != null) {
            seekInternal(trace.size());
        }
    }

    /** To the first violation (the state after its step), if any. */
    public void firstViolation() {
        if (trace == null) {
            return;
        }
        int f = trace.firstViolationStep();
        if (f > horizon()) {
            say("Answer the question first (or skip it): the rest of the run stays hidden until then.");
            return;
        }
        if (f < 0) {
            say(trace.initialViolations().isEmpty() ? "No violation in this run." : "The initial layout already "
                    + "breaks an invariant (index 0).");
            if (!trace.initialViolations().isEmpty()) {
                seekInternal(0);
            }
            return;
        }
        seekInternal(f);
    }

    public void seek(int i) {
        seekInternal(i);
    }

    private void seekInternal(int i) {
        if (trace == null) {
            return;
        }
        int target = Math.max(0, Math.min(i, trace.size()));
        int from = index();
        if (target == from && scene != null) {
            return;
        }
        StepScene before = scene;
        StepScene made = prepared(target);
        cursor.seek(target);
        scene = made != null ? made : build(before);
        if (target == from + 1) {
            lastMove = Move.FORWARD_ONE;
            previous = before;
        } else {
            lastMove = Move.JUMP;
            previous = null;
        }
        Narration.Checkpoint cp = checkpointAt(target);
        checkpoint = cp;
        if (cp != null && playing) {
            playing = false;
        }
        fire();
        prepareAhead();
    }

    // ================================================================ playback

    public void play() {
        if (trace == null) {
            return;
        }
        if (forwardGate.getAsBoolean()) {
            fire();
            return;
        }
        if (index() >= trace.size()) {
            seekInternal(0);
        }
        playing = true;
        fire();
    }

    public void pause() {
        if (playing) {
            playing = false;
            fire();
        }
    }

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    /** One tick of playback: a step forward; stops at the end and at checkpoints. */
    public void tick() {
        if (!playing || trace == null || busy) {
            return;
        }
        if (index() >= trace.size()) {
            playing = false;
            fire();
            return;
        }
        seekInternal(index() + 1);
        if (index() >= trace.size() && playing) {
            playing = false;
            fire();
        }
    }

    /** Steps per second during playback. */
    public double speed() {
        return speed;
    }

    public void setSpeed(double stepsPerSecond) {
        double s = Math.max(0.25, Math.min(60, stepsPerSecond));
        if (s != speed) {
            speed = s;
            fire();
        }
    }

    // ================================================================ read side

    public Playable playable() {
        return playable;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The current trace, or null before the first run finished. */
    public Trace trace() {
        return trace;
    }

    public int index() {
        return cursor == null ? 0 : cursor.index();
    }

    public int size() {
        return trace == null ? 0 : trace.size();
    }

    /** The scene at the cursor, or null before the first run finished. */
    public StepScene scene() {
        return scene;
    }

    /** The scene before the last move when it was one step forward (for the animation), else null. */
    public StepScene previousScene() {
        return previous;
    }

    public Move lastMove() {
        return lastMove;
    }

    public boolean busy() {
        return busy;
    }

    public String busyText() {
        return busyText;
    }

    /** Fraction of the run's step bound done, or -1 when unknown. */
    public double progress() {
        return progress;
    }

    /** The last thing the player has to say (a refusal, what a re-run changed), or "". */
    public String message() {
        return message;
    }

    public boolean playing() {
        return playing;
    }

    public List<Integer> operationStarts() {
        return operationStarts;
    }

    public List<Narration.Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** The checkpoint at the cursor, or null. */
    public Narration.Checkpoint checkpoint() {
        return checkpoint;
    }

    private Narration.Checkpoint checkpointAt(int i) {
        for (Narration.Checkpoint c : checkpoints) {
            if (c.index() == i) {
                return c;
            }
        }
        return null;
    }

    /** The scene at the cursor, sharing with {@code base} (a scene shown before, or null) what did not change. */
    private StepScene build(StepScene base) {
        return StepSceneBuilder.build(trace, cursor, playable == null ? Narration.NONE : playable.narration(), base);
    }

    private void say(String m) {
        message = m;
        fire();
    }

    /** Clears the message line. */
    public void clearMessage() {
        if (!message.isEmpty()) {
            message = "";
            fire();
        }
    }

    private void fire() {
        for (Listener l : listeners) {
            l.playerChanged(this);
        }
    }

    static String describe(Protection p) {
        if (p.toggles().isEmpty()) {
            return "the patch as written, " + p.policy().name().toLowerCase(java.util.Locale.ROOT) + " rwlock";
        }
        StringBuilder b = new StringBuilder();
        for (ProtectionToggle t : p.toggles()) {
            b.append(b.length() > 0 ? "; " : "").append(t.name()).append(" (").append(t.description()).append(')');
        }
        return b.toString();
    }
}
