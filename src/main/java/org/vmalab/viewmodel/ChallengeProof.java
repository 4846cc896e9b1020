package org.vmalab.viewmodel;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;
import org.vmalab.explore.ExploreOptions;
import org.vmalab.explore.ExploreResult;
import org.vmalab.explore.Explorer;
import org.vmalab.explore.Finding;
import org.vmalab.explore.ScheduleCounter;
import org.vmalab.lesson.Challenge;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.Part;

/**
 * What the explorer says about a challenge: the shortest schedule that reaches the goal, a proof that no schedule
 * reaches it with the patch (the complete search, and how many schedules there are), and which part of the patch
 * is needed (the goal with that part alone taken away). A goal that is not a violation or a deadlock (a toy's
 * "make T1 sleep") is searched breadth-first over schedules instead, which only suits short goals.
 */
public final class ChallengeProof {
    /** Runs of the breadth-first search for a goal the explorer cannot see. */
    public static final int MAX_RUNS = 20_000;

    private ChallengeProof() {
    }

    /** A schedule that reaches the goal: the thread of each step, replayable with {@link #schedule()}. */
    public record Shortest(List<Integer> threads) {
        public Shortest {
            threads = List.copyOf(threads);
        }

        public int steps() {
            return threads.size();
        }

        public Schedule schedule() {
            return Schedule.explicit(threads);
        }
    }

    /**
     * The complete search with the patch.
     *
     * @param complete    every schedule was explored (a bound or an error makes it incomplete: never a proof)
     * @param reached     a schedule that still reaches the goal with the patch, or null
     * @param schedules   how many complete schedules there are (-1 when not counted)
     * @param states      distinct states explored
     */
    public record PatchProof(Scenario scenario, boolean complete, String incomplete, Shortest reached,
                             BigInteger schedules, long states) {
        /** Does the search prove that no schedule reaches the goal? */
        public boolean proves() {
            return complete && reached == null;
        }
    }

    /** One part of the patch taken away alone: does the goal become reachable, and in how few steps? */
    public record PartOfPatch(ProtectionToggle toggle, String words, boolean complete, Shortest reaches) {
    }

    /** The parts of the patch a challenge can take away, in the order the lessons introduce them. */
    public static final List<ProtectionToggle> PARTS = List.of(ProtectionToggle.NO_LOCK, ProtectionToggle.NO_REFCOUNT,
            ProtectionToggle.NO_EMPTY_CHECK, ProtectionToggle.CLEAR_BEFORE_ERASE, ProtectionToggle.SPF_USES_VMACACHE);

    /** The part of the patch a toggle takes away, in the learner's words. */
    public static String words(ProtectionToggle t) {
        return switch (t) {
            case NO_LOCK -> "mm_rb_lock around the walk and the tree changes";
            case NO_REFCOUNT -> "the reference get_vma takes (vm_ref_count)";
            case NO_EMPTY_CHECK -> "the RB_EMPTY_NODE check in vma_has_changed";
            case CLEAR_BEFORE_ERASE -> "RB_CLEAR_NODE's place after the erase";
            case SPF_USES_VMACACHE -> "the tree walk get_vma makes instead of a vmacache lookup";
            case PRE_PATCH -> "the speculative path itself";
            case RWSEM_WRITER_STEAL -> "the hand-off of mmap_sem to the writer it wakes (a lock option)";
            case RELAXED_STORES -> "stores that become visible at once (a memory-model option)";
            case NO_RELEASE -> "the release of mm_rb_lock before RB_CLEAR_NODE";
        };
    }

    /** {@code s} with the patch as written (no toggle), keeping its rwlock policy. */
    public static Scenario patched(Scenario s) {
        return s.withProtection(new Protection(s.protection().options(), s.protection().policy()));
    }

    static ExploreOptions options() {
        return ExploreOptions.defaults().withThreads(1).withProgressMillis(1000);
    }

    /** The shortest schedule of {@code s} that reaches the goal, or null when none does. */
    public static Shortest shortest(Challenge c, Scenario s) {
        if (!c.explorable()) {
            return searchBreadthFirst(c, s, c.maxSteps());
        }
        return fromExplorer(c, s, Explorer.run(s, options()));
    }

    /** The shortest finding of {@code r} that reaches the goal when replayed, or null. */
    static Shortest fromExplorer(Challenge c, Scenario s, ExploreResult r) {
        List<Finding> fs = new ArrayList<>(r.findings());
        fs.sort((a, b) -> Integer.compare(a.steps(), b.steps()));
        for (Finding f : fs) {
            if (!candidate(c, f)) {
                continue;
            }
            Trace t = Engine.run(s, f.schedule());
            int at = c.reachedAt(t);
            if (at > 0) {
                return new Shortest(t.scheduleUsed().subList(0, at));
            }
        }
        return null;
    }

    private static boolean candidate(Challenge c, Finding f) {
        if (c.deadlock()) {
            return f.category() == Finding.Category.DEADLOCK;
        }
        return f.category() == Finding.Category.VIOLATION && (c.invariant() == null || c.invariant() == f.invariant());
    }

    /** Does some finding of {@code r} break the goal's invariant (or deadlock, for a deadlock goal)? */
    private static boolean anyCandidate(Challenge c, ExploreResult r) {
        return r.findings().stream().anyMatch(f -> candidate(c, f));
    }

    /** The complete search of {@code s} with the patch, and the number of its schedules. */
    public static PatchProof withPatch(Challenge c, Scenario s) {
        Scenario p = patched(s);
        if (!c.explorable()) {
            return new PatchProof(p, false, "the goal is not a violation: the explorer cannot decide it", null,
                    BigInteger.ONE.negate(), 0);
        }
        ExploreResult r = Explorer.run(p, options());
        Shortest reached = fromExplorer(c, p, r);
        boolean complete = r.complete() && r.errors().isEmpty();
        String why = complete ? "" : String.join("; ", r.incompleteReasons());
        if (reached == null && anyCandidate(c, r)) {
            complete = false;
            why = "the patch still breaks " + (c.deadlock() ? "into a deadlock" : c.invariant().id())
                    + " in some schedule, though not as the goal says";
        }
        BigInteger n = complete && reached == null ? ScheduleCounter.count(p, options()) : BigInteger.ONE.negate();
        return new PatchProof(p, complete, why, reached, n, r.stats().distinctStates());
    }

    /** For each part of the patch: the goal with that part alone taken away. */
    public static List<PartOfPatch> partsOfPatch(Challenge c, Scenario s) {
        List<PartOfPatch> out = new ArrayList<>();
        if (!c.explorable()) {
            return out;
        }
        for (ProtectionToggle t : PARTS) {
            Scenario one = s.withProtection(Protection.of(s.protection().policy(), t));
            ExploreResult r = Explorer.run(one, options());
            out.add(new PartOfPatch(t, words(t), r.complete(), fromExplorer(c, one, r)));
        }
        return out;
    }

    /**
     * Breadth-first over schedules, one engine run per schedule prefix: the shortest schedule of at most {@code
     * limit} steps that reaches the goal, or null (none, or more than {@link #MAX_RUNS} runs needed).
     */
    static Shortest searchBreadthFirst(Challenge c, Scenario s, int limit) {
        ArrayDeque<List<Integer>> queue = new ArrayDeque<>();
        queue.add(List.of());
        int runs = 0;
        int n = s.threads().size();
        while (!queue.isEmpty() && runs < MAX_RUNS) {
            List<Integer> prefix = queue.poll();
            if (prefix.size() >= limit) {
                continue;
            }
            for (int t = 0; t < n && runs < MAX_RUNS; t++) {
                List<Integer> next = new ArrayList<>(prefix);
                next.add(t);
                Trace tr = Engine.run(s, Schedule.explicit(next));
                runs++;
                if (tr.outcome() == Outcome.INVALID_SCHEDULE || tr.size() < next.size()) {
                    continue;
                }
                if (c.reachedAt(tr) > 0) {
                    return new Shortest(next);
                }
                queue.add(next);
            }
        }
        return null;
    }

    /**
     * What {@code validate} adds for challenges: the goal is reachable with the part's protection within its
     * step limit, and (when the part says {@code with_patch: unreachable}) the complete search with the patch
     * finds no schedule that reaches it.
     */
    public static List<LessonException> verify(Lesson l) {
        List<LessonException> out = new ArrayList<>();
        for (Part p : l.parts()) {
            Challenge c = p.challenge();
            if (c == null) {
                continue;
            }
            Shortest s = shortest(c, p.scenario());
            String part = "part '" + p.title() + "': ";
            if (s == null) {
                out.add(new LessonException(l.source(), c.pos(), part + (c.explorable() ? "the explorer finds no "
                        + "schedule that reaches the goal" : "no schedule of at most " + c.maxSteps() + " steps "
                        + "reaches the goal (searched breadth-first, " + MAX_RUNS + " runs at most)")));
            } else if (s.steps() > c.maxSteps()) {
                out.add(new LessonException(l.source(), c.pos(), part + "the shortest schedule to the goal has "
                        + s.steps() + " steps, more than max_steps " + c.maxSteps()));
            }
            if (c.patchUnreachable()) {
                if (!c.explorable()) {
                    out.add(new LessonException(l.source(), c.pos(), part + "with_patch needs a goal the explorer "
                            + "can decide: a violation or a deadlock"));
                    continue;
                }
                PatchProof pp = withPatch(c, p.scenario());
                if (pp.reached() != null) {
                    out.add(new LessonException(l.source(), c.pos(), part + "with the patch the goal is still "
                            + "reached, in " + pp.reached().steps() + " steps"));
                } else if (!pp.complete()) {
                    out.add(new LessonException(l.source(), c.pos(), part + "the search with the patch is not a "
                            + "proof: " + pp.incomplete()));
                }
            }
        }
        return out;
    }

    /**
     * What stood in the way of one try with the patch, read from its run: which part of the patch acted, in the
     * learner's words (a thread that had to wait for mm_rb_lock, a VMA its reader's reference kept alive, a check
     * that sent the reader back, a zap that removed a PTE ...). Empty when nothing of the patch had to act.
     */
    public static List<String> stoppedBy(Trace t, java.util.Set<ProtectionToggle> challenged) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        boolean getVma = false;
        for (int i = 1; i <= t.size(); i++) {
            org.vmalab.engine.trace.StepRecord s = t.step(i);
            String who = t.threadName(s.thread());
            String cap = t.caption(i);
            String vma = s.a() < 0 ? "the VMA" : t.vmaName(s.a());
            switch (s.loc()) {
                case RB_READ_SPIN -> out.add("mm_rb_lock: " + who + " had to wait in read_lock while a writer "
                        + "changed the tree, then walked the finished tree");
                case LINK_WRITE_SPIN, LINK_WRITE_WAITING, ERASE_WRITE_SPIN, ERASE_WRITE_WAITING -> out.add(
                        "mm_rb_lock: " + who + " had to wait in write_lock until the reader had left get_vma");
                case PUT_VMA_DEC -> {
                    if (s.v() > 0 && (cap.contains("remove_vma") || cap.contains("__vma_adjust"))) {
                        out.add("vm_ref_count: " + who + "'s put_vma left " + vma + " allocated (count " + s.v()
                                + "): the reader's reference kept it alive");
                    }
                }
                case SPF_S2_SEQ -> {
                    if (cap.contains("odd")) {
                        out.add("vm_sequence: " + who + " found " + vma + "'s sequence odd (a writer inside) and "
                                + "went back to mmap_sem");
                    }
                }
                case SPF_S5_RETRY -> {
                    if (cap.contains("changed since")) {
                        out.add("vm_sequence: " + who + " saw " + vma + "'s sequence change and went back to "
                                + "mmap_sem");
                    }
                }
                case SPF_S6_PTE_LOCK -> {
                    if (cap.contains("RB_EMPTY_NODE(") && cap.contains("erased")) {
                        out.add("RB_EMPTY_NODE: vma_has_changed saw that " + vma + " was erased and sent " + who
                                + " back to mmap_sem");
                    } else if (cap.contains("vm_sequence changed")) {
                        out.add("vm_sequence: vma_has_changed saw " + vma + "'s sequence change and sent " + who
                                + " back to mmap_sem");
                    }
                }
                case CAN_REUSE -> {
                    if (cap.contains("refuse")) {
                        out.add("RB_EMPTY_NODE: can_reuse_spf_vma refused " + vma + ", which had been erased");
                    }
                }
                case ZAP -> {
                    if (cap.contains("removes")) {
                        out.add("the zap: munmap's zap_pte_range removed the PTE that " + vma + "'s reader had "
                                + "installed");
                    }
                }
                case SEM_DOWN_READ_SLEEP, SEM_DOWN_WRITE_SLEEP -> out.add("mmap_sem: " + who + " slept until the "
                        + "holder of mmap_sem let go");
                case RB_CLEAR_NODE -> {
                    if (challenged.contains(ProtectionToggle.CLEAR_BEFORE_ERASE)) {
                        out.add("RB_CLEAR_NODE after the erase: the erase read " + vma + "'s true parent and "
                                + "unlinked it, so no later walk could reach the freed VMA");
                    }
                }
                case GET_VMA_ROOT -> getVma = true;
                default -> {
                }
            }
        }
        if (getVma && challenged.contains(ProtectionToggle.SPF_USES_VMACACHE)) {
            out.add("get_vma: the speculative fault walked the tree under mm_rb_lock and took a reference; it never "
                    + "trusted the vmacache");
        }
        return List.copyOf(out);
    }
}
