package org.vmalab.lesson;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;
import org.vmalab.engine.Const;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.SyntaxException;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.OpSyntax;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.tree.Tag;

/**
 * Reads lessons and scenario files (the same YAML format; see {@code docs/WRITING-LESSONS.md} and
 * {@code lessons/lesson.schema.json}). Strict: an unknown key is an error (with the nearest valid key), as is a
 * duplicate key, a wrong type, a bad number, an unknown thread, operation or step name. Safe: UTF-8 only, no
 * objects built from YAML tags, limits on size, nesting, aliases and program length. Every problem is a
 * {@link LessonException} whose message is {@code file:line:column: message}; nothing else is thrown.
 */
public final class LessonLoader {
    /**
     * Most VMAs in a layout: its {@code max_map_count} (the kernel's default, 65,530, unless the scenario sets
     * another), and never more than {@link Const#MAX_MAP_COUNT_LIMIT}.
     */
    public static final int MAX_VMAS = Const.MAX_MAP_COUNT_LIMIT;
    /** Most threads (the engine's wait queues hold 14). */
    public static final int MAX_THREADS = Scenario.MAX_THREADS;
    /** Most operations in one program once {@code repeat} blocks are expanded. */
    public static final int MAX_OPS = 10_000;
    /** Deepest nesting of {@code repeat} blocks. */
    public static final int MAX_REPEAT_DEPTH = 8;
    /** Largest step bound a file may ask for. */
    public static final int MAX_BOUND = 10_000_000;

    static final List<String> SCENARIO_KEYS = List.of("layout", "threads", "protection", "rwlock", "granularity",
            "mm_users", "stack_guard_gap", "mmap_base", "max_map_count", "schedule", "bound", "seed");
    static final List<String> CUE_KEYS = List.of("narration", "checkpoints", "expect", "challenge");
    static final List<String> TOP_KEYS = concat(List.of("id", "title", "summary", "objectives", "parts", "hide"),
            SCENARIO_KEYS, CUE_KEYS);
    static final List<String> PART_KEYS = concat(List.of("title", "summary", "optional", "done_title"), SCENARIO_KEYS,
            CUE_KEYS);
    static final List<String> VMA_KEYS = List.of("name", "start", "end", "flags", "file", "anon_vma");
    static final List<String> THREAD_KEYS = List.of("name", "role", "program");
    static final List<String> NARRATION_KEYS = List.of("at", "when", "title", "text", "claims");
    static final List<String> CHECKPOINT_KEYS = List.of("at", "when", "question", "choices", "answer", "explanation",
            "why_not", "watch");
    static final List<String> CLAIM_KEYS = List.of("thread", "step", "vma", "case", "violation", "clean");
    static final List<String> CHALLENGE_KEYS = List.of("goal", "hints", "max_steps", "with_patch");
    static final List<String> GOAL_KEYS = List.of("text", "thread", "step", "kind", "function", "vma", "caption",
            "case", "violation", "deadlock");
    static final List<String> EVENT_KEYS = List.of("thread", "step", "kind", "function", "vma", "caption", "case",
            "violation", "nth");
    static final List<String> EXPECT_KEYS = List.of("outcome", "violations", "invariants");
    static final List<String> PRESETS = List.of("W", "M", "empty");
    static final List<String> POLICIES = List.of("round-robin", "random", "in-order", "stop", "explore");
    static final Map<String, ThreadSpec.Role> ROLES = Map.of("writer", ThreadSpec.Role.WRITER, "spf-reader",
            ThreadSpec.Role.SPF_READER, "classic-reader", ThreadSpec.Role.CLASSIC_READER, "mixed",
            ThreadSpec.Role.MIXED);

    private LessonLoader() {
    }

    @SafeVarargs
    private static List<String> concat(List<String>... ls) {
        List<String> out = new ArrayList<>();
        for (List<String> l : ls) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    // ================================================================== public API

    /**
     * Reads the lesson or scenario file at {@code file}. At most {@link YamlSource#MAX_BYTES} bytes are ever read,
     * whatever the file is (a device such as /dev/zero, a pipe, a file that grows): a larger one is refused.
     */
    public static Lesson load(Path file) throws LessonException {
        return parse(YamlSource.decode(YamlSource.read(file), file.toString()), file.toString());
    }

    /** Reads a lesson or scenario from {@code text}; {@code sourceName} is used in messages and as the default id. */
    public static Lesson parse(String text, String sourceName) throws LessonException {
        String source = sourceName == null || sourceName.isEmpty() ? "<text>" : sourceName;
        try {
            Node root = YamlSource.compose(text, source);
            return new Reader(new Nodes(source, YamlSource.Limits.of(text).visits()), source).lesson(root);
        } catch (LessonException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new LessonException(source, 1, 1, "internal error while reading the file (please report it): "
                    + e);
        }
    }

    /** A file of a lesson directory: the lesson, or the error that keeps it from loading. */
    public record LessonFile(Path path, Lesson lesson, LessonException error) {
        public boolean ok() {
            return lesson != null;
        }
    }

    /**
     * Every {@code *.yaml} / {@code *.yml} file of {@code dir}, sorted by name, each loaded or with its error: a
     * bad lesson does not keep the others from loading. A missing directory gives an empty list.
     */
    public static List<LessonFile> loadDirectory(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path p : ds) {
                if (!Files.isDirectory(p)) {
                    files.add(p);
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        files.sort(null);
        List<LessonFile> out = new ArrayList<>();
        for (Path p : files) {
            try {
                out.add(new LessonFile(p, load(p), null));
            } catch (LessonException e) {
                out.add(new LessonFile(p, null, e));
            }
        }
        return out;
    }

    /**
     * The shipped lessons' directory: the system property {@code vmalab.lessons} if set, else {@code lessons/}
     * in the working directory, else next to (or one level above) the running jar. Null if none exists.
     */
    public static Path lessonsDirectory() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("vmalab.lessons");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("lessons"));
        try {
            java.security.CodeSource cs = LessonLoader.class.getProtectionDomain().getCodeSource();
            if (cs != null) {
                Path here = Path.of(cs.getLocation().toURI());
                Path dir = Files.isDirectory(here) ? here : here.getParent();
                for (int up = 0; up < 3 && dir != null; up++) {
                    candidates.add(dir.resolve("lessons"));
                    dir = dir.getParent();
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no jar location: the working directory only
        }
        for (Path c : candidates) {
            if (Files.isDirectory(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /**
     * Runs every part that has a fixed schedule and checks what the file promises: each narration and checkpoint
     * anchor occurs in the run, no checkpoint sits on the last step (it could never be answered by stepping on),
     * the run's schedule is valid, and the expected outcome holds. Returns the problems, each at the line of the
     * cue or part concerned; empty when all is well.
     */
    public static List<LessonException> verify(Lesson lesson) {
        List<LessonException> out = new ArrayList<>(wording(lesson));
        for (Part p : lesson.parts()) {
            if (p.explore()) {
                continue;
            }
            Trace t;
            try {
                t = Engine.run(p.scenario(), p.schedule());
            } catch (RuntimeException e) {
                out.add(new LessonException(lesson.source(), p.pos(), "the model cannot run part '" + p.title()
                        + "': " + e.getMessage()));
                continue;
            }
            if (t.outcome() == Outcome.INVALID_SCHEDULE && p.expect().outcome() != Outcome.INVALID_SCHEDULE) {
                out.add(new LessonException(lesson.source(), p.pos(), "part '" + p.title() + "': the schedule "
                        + "cannot be followed: " + t.outcomeMessage()));
            }
            CueTimeline tl = p.timeline(t);
            for (Cue c : tl.unplaced()) {
                String what = c instanceof Narration ? "narration" : "checkpoint";
                out.add(new LessonException(lesson.source(), c.pos(), what + " anchored to " + c.anchor().describe()
                        + ", which does not occur in the run of part '" + p.title() + "' (" + t.size() + " steps)"));
            }
            for (CueTimeline.Entry e : tl.entries()) {
                if (e.cue() instanceof Checkpoint && e.step() >= t.size()) {
                    out.add(new LessonException(lesson.source(), e.cue().pos(), "checkpoint on the last step ("
                            + e.step() + "): its answer could never be revealed by stepping on"));
                }
            }
            for (String m : p.expect().mismatches(t)) {
                out.add(new LessonException(lesson.source(), p.expect().isStated() ? p.expect().pos() : p.pos(),
                        "part '" + p.title() + "': " + m));
            }
            for (CueTimeline.Entry e : tl.entries()) {
                if (e.cue() instanceof Narration nr && !nr.claims().isEmpty()) {
                    for (String m : nr.claims().mismatches(t, e.step())) {
                        out.add(new LessonException(lesson.source(), nr.pos(), "the narration claims something the "
                                + "run does not show (step " + e.step() + "): " + m));
                    }
                } else if (e.cue() instanceof Checkpoint c && c.watch() != null) {
                    int w = c.watch().resolve(t);
                    if (w <= e.step()) {
                        out.add(new LessonException(lesson.source(), c.pos(), "the checkpoint's watch ("
                                + c.watch().describe() + ") " + (w < 0 ? "does not occur in the run" : "is at step " + w
                                + ", not after the question (step " + e.step() + ")")));
                    }
                }
            }
            Challenge ch = p.challenge();
            if (ch != null) {
                int at = ch.reachedAt(t);
                if (at < 0) {
                    out.add(new LessonException(lesson.source(), ch.pos(), "part '" + p.title() + "': the part's "
                            + "schedule (the solution) does not reach the challenge's goal"));
                } else if (at > ch.maxSteps()) {
                    out.add(new LessonException(lesson.source(), ch.pos(), "part '" + p.title() + "': the part's "
                            + "schedule reaches the goal at step " + at + ", beyond max_steps " + ch.maxSteps()));
                }
            }
        }
        return out;
    }

    /**
     * What the learner reads must speak to a student: no citation of the specification (SEMANTICS), no internal
     * step name ({@code ERASE_WRITE_LOCK}), and only step labels (S2, X1 ...) that have a glossary card. Returns the
     * problems, at the line of the text concerned.
     */
    public static List<LessonException> wording(Lesson lesson) {
        List<LessonException> out = new ArrayList<>();
        SourcePos top = lesson.parts().get(0).pos();
        List<String> lessonTexts = new ArrayList<>(lesson.objectives());
        lessonTexts.add(lesson.title());
        lessonTexts.add(lesson.summary());
        for (String s : lessonTexts) {
            wording(lesson, s, top, out);
        }
        for (Part p : lesson.parts()) {
            wording(lesson, p.title() + "\n" + p.doneTitle() + "\n" + p.summary(), p.pos(), out);
            for (Narration n : p.narration()) {
                wording(lesson, n.title() + "\n" + n.text(), n.pos(), out);
            }
            for (Checkpoint c : p.checkpoints()) {
                wording(lesson, c.question() + "\n" + String.join("\n", c.choices()) + "\n" + c.explanation()
                        + "\n" + String.join("\n", c.whyNot()), c.pos(), out);
            }
            if (p.challenge() != null) {
                wording(lesson, p.challenge().text() + "\n" + String.join("\n", p.challenge().hints()),
                        p.challenge().pos(), out);
            }
        }
        return out;
    }

    private static void wording(Lesson lesson, String text, SourcePos pos, List<LessonException> out) {
        if (text.contains("SEMANTICS")) {
            out.add(new LessonException(lesson.source(), pos,
                    "learner text cites SEMANTICS: say what it says instead"));
        }
        Set<String> seen = new HashSet<>();
        for (String w : text.split("[^A-Za-z0-9_]+")) {
            if (w.indexOf('_') > 0 && LOC_NAMES.contains(w) && !KERNEL_NAMES.contains(w) && seen.add(w)) {
                out.add(new LessonException(lesson.source(), pos, "learner text shows the internal step name " + w
                        + ": say what the step does"));
            }
        }
        for (String l : Glossary.unknownLabels(text)) {
            out.add(new LessonException(lesson.source(), pos, "the step label " + l + " has no glossary card "
                    + "(org.vmalab.lesson.Glossary): use one that has, or say what the step does"));
        }
    }

    private static final Set<String> LOC_NAMES = new HashSet<>();
    /** Step names that are also the kernel's own identifiers (a macro), so fine in learner text. */
    private static final Set<String> KERNEL_NAMES = Set.of("RB_CLEAR_NODE");

    static {
        for (Loc l : Loc.values()) {
            LOC_NAMES.add(l.name());
        }
    }

    // ================================================================== the reader

    /** Converts the node tree of one file. */
    private static final class Reader {
        private final Nodes n;
        private final String source;

        Reader(Nodes n, String source) {
            this.n = n;
            this.source = source;
        }

        Lesson lesson(Node root) throws LessonException {
            if (!Nodes.isMap(root)) {
                throw n.err(root, "a lesson file is a mapping (title:, layout:, threads: ...), not "
                        + Nodes.kind(root));
            }
            Nodes.Fields top = n.map(root, "the lesson", TOP_KEYS);
            String title = n.str(top.require("title"), "title");
            String id = top.has("id") ? id(top.get("id")) : defaultId(source);
            String summary = top.has("summary") ? n.text(top.get("summary"), "summary") : "";
            List<String> objectives = top.has("objectives") ? n.strings(top.get("objectives"), "objectives")
                    : List.of();
            List<Part> parts = new ArrayList<>();
            if (top.has("parts")) {
                for (String k : CUE_KEYS) {
                    if (top.has(k)) {
                        throw n.err(top.keyNode(k), "'" + k + "' belongs to a part: this lesson has parts");
                    }
                }
                List<Node> ps = n.seq(top.get("parts"), "parts");
                if (ps.isEmpty()) {
                    throw n.err(top.get("parts"), "parts is empty: give at least one part");
                }
                for (Node pn : ps) {
                    Nodes.Fields pf = n.map(pn, "a part", PART_KEYS);
                    String pt = n.str(pf.require("title"), "the part's title");
                    parts.add(part(pt, pf, top, ps.size() == 1 ? title : pt, n.pos(pn)));
                }
            } else {
                parts.add(part(title, top, null, title, n.pos(root)));
            }
            List<String> hide = new ArrayList<>();
            if (top.has("hide")) {
                for (Node h : n.seq(top.get("hide"), "hide")) {
                    String s = n.str(h, "hide");
                    if (!Lesson.HIDEABLE.contains(s)) {
                        throw n.err(h, "hide names what the window may leave out: " + String.join(", ", Lesson.HIDEABLE)
                                + ", not '" + Nodes.shorten(s) + "'");
                    }
                    hide.add(s);
                }
            }
            return new Lesson(id, title, summary, objectives, parts, source, hide);
        }

        private String id(Node node) throws LessonException {
            String id = n.str(node, "id");
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw n.err(node, "an id is letters, digits, '.', '_' and '-' (like 01-find-vma), not '"
                        + Nodes.shorten(id) + "'");
            }
            return id;
        }

        static String defaultId(String source) {
            String f = source.replace('\\', '/');
            f = f.substring(f.lastIndexOf('/') + 1);
            int dot = f.lastIndexOf('.');
            return dot > 0 ? f.substring(0, dot) : f;
        }

        /** A value from the part, else from the top level (defaults for every part). */
        private static Node pick(Nodes.Fields part, Nodes.Fields top, String key) {
            Node v = part.get(key);
            if (v == null && top != null) {
                v = top.get(key);
            }
            return v;
        }

        private Part part(String title, Nodes.Fields pf, Nodes.Fields top, String scenarioTitle, SourcePos pos)
                throws LessonException {
            Nodes.Fields where = top == null ? pf : top;
            Node layoutN = pick(pf, top, "layout");
            if (layoutN == null) {
                throw n.err(where.node, "needs 'layout' (a preset such as W, or a list of VMAs)");
            }
            Node mc = pick(pf, top, "max_map_count");
            int maxMapCount = mc == null ? Const.MAX_MAP_COUNT
                    : n.intIn(mc, "max_map_count", 1, Const.MAX_MAP_COUNT_LIMIT);
            List<VmaSpec> layout = layout(layoutN);
            if (layout.size() > maxMapCount) {
                throw n.err(layoutN, "too many VMAs (" + layout.size() + "; the limit is max_map_count, " + maxMapCount
                        + (mc == null ? ", the kernel's default: 'max_map_count: N' at the top of the file raises it"
                        : "") + ")");
            }
            Node threadsN = pick(pf, top, "threads");
            if (threadsN == null) {
                throw n.err(where.node, "needs 'threads' (a list; [] for none)");
            }
            List<ThreadSpec> threads = threads(threadsN);
            List<String> names = threads.stream().map(ThreadSpec::name).toList();
            Protection prot = protection(pick(pf, top, "protection"), pick(pf, top, "rwlock"));
            Granularity gran = Granularity.MICRO;
            Node g = pick(pf, top, "granularity");
            if (g != null) {
                String s = n.str(g, "granularity");
                gran = switch (s.toLowerCase(Locale.ROOT)) {
                    case "micro" -> Granularity.MICRO;
                    case "macro" -> Granularity.MACRO;
                    default -> throw n.err(g, "granularity is micro or macro, not '" + Nodes.shorten(s) + "'");
                };
            }
            Node mu = pick(pf, top, "mm_users");
            int mmUsers = mu == null ? 0 : n.intIn(mu, "mm_users", 0, 1_000_000);
            Node sg = pick(pf, top, "stack_guard_gap");
            long guard = sg == null ? Const.STACK_GUARD_GAP : n.num(sg, "stack_guard_gap");
            if (sg != null && (guard & (Const.PAGE_SIZE - 1)) != 0) {
                throw n.err(sg, "stack_guard_gap is a whole number of pages (a multiple of 0x1000)");
            }
            Node mb = pick(pf, top, "mmap_base");
            long base = mb == null ? Const.MMAP_BASE : n.num(mb, "mmap_base");
            Node bn = pick(pf, top, "bound");
            int bound = bn == null ? Schedule.DEFAULT_BOUND : n.intIn(bn, "bound", 1, MAX_BOUND);
            Node sd = pick(pf, top, "seed");
            long seed = sd == null ? 0 : n.num(sd, "seed");
            Node sn = pick(pf, top, "schedule");
            Schedule sched;
            boolean explore = false;
            if (sn == null) {
                sched = new Schedule(List.of(), Schedule.Policy.ROUND_ROBIN, seed, bound);
            } else {
                ScheduleRead r = schedule(sn, Scenario.scheduleNames(names, prot), seed, bound);
                sched = r.schedule;
                explore = r.explore;
            }
            Scenario sc;
            try {
                sc = new Scenario(scenarioTitle, layout, threads, prot, gran, mmUsers, guard, base, maxMapCount);
            } catch (IllegalArgumentException e) {
                throw n.err(threadsN, e.getMessage());
            }
            List<Narration> narration = new ArrayList<>();
            if (pf.has("narration")) {
                for (Node c : n.seq(pf.get("narration"), "narration")) {
                    narration.add(narration(c, names));
                }
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            if (pf.has("checkpoints")) {
                for (Node c : n.seq(pf.get("checkpoints"), "checkpoints")) {
                    checkpoints.add(checkpoint(c, names));
                }
            }
            Expectation expect = pf.has("expect") ? expect(pf.get("expect")) : Expectation.NONE;
            String summary = pf != where && pf.has("summary") ? n.text(pf.get("summary"), "summary") : "";
            Challenge challenge = pf.has("challenge") ? challenge(pf.get("challenge"), names) : null;
            if (challenge != null && explore) {
                throw n.err(sn, "a challenge part needs a fixed schedule: a solution that reaches the goal");
            }
            boolean optional = pf.has("optional") && n.bool(pf.get("optional"), "optional");
            String doneTitle = pf.has("done_title") ? n.str(pf.get("done_title"), "done_title") : null;
            return new Part(title, summary, sc, sched, explore, narration, checkpoints, expect, challenge, optional,
                    doneTitle, pos);
        }

        // -------------------------------------------------------------- layout

        /** Layouts already read, by node: parts that share the file's layout read it once. */
        private final Map<Node, List<VmaSpec>> layouts = new IdentityHashMap<>();

        private List<VmaSpec> layout(Node node) throws LessonException {
            List<VmaSpec> known = layouts.get(node);
            if (known != null) {
                return known;
            }
            List<VmaSpec> l = readLayout(node);
            layouts.put(node, l);
            return l;
        }

        private List<VmaSpec> readLayout(Node node) throws LessonException {
            if (Nodes.isScalar(node)) {
                String s = n.str(node, "layout");
                return switch (s) {
                    case "W", "w" -> Scenarios.layoutW();
                    case "M", "m" -> Scenarios.layoutM();
                    case "empty" -> List.of();
                    default -> throw n.err(node, "unknown layout preset '" + Nodes.shorten(s) + "'"
                            + Nodes.suggest(s, PRESETS) + "; or give a list of VMAs");
                };
            }
            List<Node> items = n.seq(node, "layout");
            if (items.size() > MAX_VMAS) {
                throw n.err(node, "too many VMAs (" + items.size() + "; the model's limit is " + MAX_VMAS + ")");
            }
            List<VmaSpec> out = new ArrayList<>(items.size());
            for (Node it : items) {
                out.add(vma(it));
            }
            for (int[] pair : VmaSpec.overlaps(out)) {
                throw n.err(items.get(pair[1]), "VMA " + out.get(pair[1]).describe() + " overlaps "
                        + out.get(pair[0]).describe());
            }
            return out;
        }

        private VmaSpec vma(Node node) throws LessonException {
            if (Nodes.isScalar(node)) {
                String s = n.str(node, "a VMA");
                try {
                    return OpSyntax.parseVma(s);
                } catch (SyntaxException e) {
                    throw n.errAt(node, e.offset(), e.getMessage());
                }
            }
            if (!Nodes.isMap(node)) {
                throw n.err(node, "a VMA is a line such as 'heap 0x55555575d000-0x55555577e000 rw- anon_vma 1' or "
                        + "a mapping (name:, start:, end:, ...), not " + Nodes.kind(node));
            }
            Nodes.Fields f = n.map(node, "a VMA", VMA_KEYS);
            String name = n.str(f.require("name"), "name");
            long start = n.num(f.require("start"), "start");
            long end = n.num(f.require("end"), "end");
            String problem = VmaSpec.nameProblem(name) != null ? VmaSpec.nameProblem(name)
                    : VmaSpec.rangeProblem(start, end);
            if (problem != null) {
                throw n.err(f.get("start"), problem);
            }
            long flags = OpSyntax.DEFAULT_FLAGS;
            if (f.has("flags")) {
                String fs = n.str(f.get("flags"), "flags");
                try {
                    flags = OpSyntax.parseFlags(fs);
                } catch (SyntaxException e) {
                    throw n.errAt(f.get("flags"), e.offset(), e.getMessage());
                }
            }
            boolean file = f.has("file") && n.bool(f.get("file"), "file");
            long anon = f.has("anon_vma") ? n.num(f.get("anon_vma"), "anon_vma") : 0;
            return new VmaSpec(name, start, end, flags, file, anon);
        }

        // -------------------------------------------------------------- threads and programs

        private List<ThreadSpec> threads(Node node) throws LessonException {
            List<Node> items = n.seq(node, "threads");
            if (items.size() > MAX_THREADS) {
                throw n.err(node, "too many threads (" + items.size() + "; the model has room for " + MAX_THREADS
                        + ")");
            }
            List<ThreadSpec> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Node it : items) {
                Nodes.Fields f = n.map(it, "a thread", THREAD_KEYS);
                Node nameN = f.require("name");
                String name = n.str(nameN, "the thread's name");
                if (ThreadSpec.nameProblem(name) != null) {
                    throw n.err(nameN, ThreadSpec.nameProblem(name));
                }
                if (POLICIES.contains(name)) {
                    throw n.err(nameN, "'" + name + "' is a schedule word; give the thread another name");
                }
                if (!seen.add(name)) {
                    throw n.err(nameN, "two threads are called " + name);
                }
                List<Op> program = new ArrayList<>();
                if (f.has("program")) {
                    program(f.get("program"), program, 0);
                }
                ThreadSpec.Role role = ThreadSpec.infer(program);
                if (f.has("role")) {
                    String r = n.str(f.get("role"), "role");
                    role = ROLES.get(r.toLowerCase(Locale.ROOT).replace('_', '-'));
                    if (role == null) {
                        throw n.err(f.get("role"), "unknown role '" + Nodes.shorten(r) + "'"
                                + Nodes.suggest(r, new TreeSet<>(ROLES.keySet())));
                    }
                }
                out.add(new ThreadSpec(name, role, program));
            }
            return out;
        }

        private void program(Node node, List<Op> out, int depth) throws LessonException {
            for (Node it : n.seq(node, "a program")) {
                if (Nodes.isMap(it)) {
                    repeat(it, out, depth);
                    continue;
                }
                String s = n.str(it, "an operation");
                try {
                    out.add(OpSyntax.parse(s));
                } catch (SyntaxException e) {
                    throw n.errAt(it, e.offset(), e.getMessage());
                }
                if (out.size() > MAX_OPS) {
                    throw n.err(it, "the program is too long (more than " + MAX_OPS + " operations)");
                }
            }
        }

        /** {@code - repeat N: [ops]}, expanded in place. */
        private void repeat(Node node, List<Op> out, int depth) throws LessonException {
            Nodes.Fields f = n.map(node, "a repeat block", new AnyKey());
            if (f.keys().size() != 1) {
                throw n.err(node, "a block in a program is one 'repeat N:' key with a list of operations");
            }
            String key = f.keys().iterator().next();
            Node kn = f.keyNode(key);
            String[] w = key.strip().split("\\s+");
            if (w.length != 2 || !w[0].equals("repeat")) {
                throw n.err(kn, "unknown block '" + Nodes.shorten(key) + "' (a block is 'repeat N:')");
            }
            long count;
            try {
                count = Numbers.parse(w[1]);
            } catch (SyntaxException e) {
                throw n.err(kn, "repeat: " + e.getMessage());
            }
            if (count < 1 || count > MAX_OPS) {
                throw n.err(kn, "repeat count must be between 1 and " + MAX_OPS + ", not " + count);
            }
            if (depth + 1 > MAX_REPEAT_DEPTH) {
                throw n.err(kn, "repeat blocks nested too deeply (more than " + MAX_REPEAT_DEPTH + ")");
            }
            List<Op> body = new ArrayList<>();
            program(f.get(key), body, depth + 1);
            if (body.isEmpty()) {
                throw n.err(kn, "the repeat block is empty");
            }
            if (out.size() + count * body.size() > MAX_OPS) {
                throw n.err(kn, "the program is too long once repeated (more than " + MAX_OPS + " operations)");
            }
            for (long i = 0; i < count; i++) {
                out.addAll(body);
            }
        }

        // -------------------------------------------------------------- protection

        private Protection protection(Node pn, Node rn) throws LessonException {
            RwlockPolicy policy = RwlockPolicy.QUEUED;
            if (rn != null) {
                String s = n.str(rn, "rwlock");
                policy = switch (norm(s)) {
                    case "QUEUED" -> RwlockPolicy.QUEUED;
                    case "READER_PREF" -> RwlockPolicy.READER_PREF;
                    default -> throw n.err(rn, "rwlock is queued or reader-pref, not '" + Nodes.shorten(s) + "'");
                };
            }
            if (pn == null) {
                return Protection.of(policy);
            }
            List<Node> items;
            if (Nodes.isScalar(pn)) {
                String s = n.str(pn, "protection");
                if (s.equalsIgnoreCase("patch")) {
                    return Protection.of(policy);
                }
                items = List.of(pn);
            } else {
                items = n.seq(pn, "protection");
            }
            EnumSet<ProtectionToggle> set = EnumSet.noneOf(ProtectionToggle.class);
            List<String> valid = new ArrayList<>();
            for (ProtectionToggle t : ProtectionToggle.values()) {
                valid.add(t.name());
            }
            for (Node it : items) {
                String s = n.str(it, "a protection toggle");
                ProtectionToggle t;
                try {
                    t = ProtectionToggle.valueOf(norm(s));
                } catch (IllegalArgumentException e) {
                    throw n.err(it, "unknown protection '" + Nodes.shorten(s) + "'" + Nodes.suggest(norm(s), valid)
                            + "; 'patch' is the patch as written");
                }
                if (!set.add(t)) {
                    throw n.err(it, t.name() + " is listed twice");
                }
                if (set.contains(ProtectionToggle.PRE_PATCH) && set.size() > 1) {
                    throw n.err(it, "PRE_PATCH cannot be combined with other toggles");
                }
            }
            return new Protection(set, policy);
        }

        static String norm(String s) {
            return s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        }

        // -------------------------------------------------------------- schedule

        private record ScheduleRead(Schedule schedule, boolean explore) {
        }

        private ScheduleRead schedule(Node node, List<String> names, long seed, int bound) throws LessonException {
            List<Node> items;
            List<String> texts = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            if (Nodes.isScalar(node)) {
                String s = n.str(node, "schedule");
                String raw = n.scalar(node, "schedule");
                items = new ArrayList<>();
                int at = 0;
                for (String part : raw.split(",", -1)) {
                    int lead = part.length() - part.stripLeading().length();
                    texts.add(part.strip());
                    offsets.add(at + lead);
                    items.add(node);
                    at += part.length() + 1;
                }
                if (s.isEmpty()) {
                    throw n.err(node, "schedule is empty");
                }
            } else {
                items = n.seq(node, "schedule");
                for (Node it : items) {
                    texts.add(n.str(it, "a schedule entry"));
                    offsets.add(0);
                }
            }
            List<Schedule.Slot> slots = new ArrayList<>();
            Schedule.Policy policy = Schedule.Policy.ROUND_ROBIN;
            long sd = seed;
            for (int i = 0; i < items.size(); i++) {
                Node it = items.get(i);
                String s = texts.get(i);
                int off = offsets.get(i);
                boolean last = i == items.size() - 1;
                if (s.isEmpty()) {
                    throw n.errAt(it, off, "empty schedule entry");
                }
                String[] w = s.split("\\s+");
                String head = w[0];
                if (POLICIES.contains(head) && !names.contains(head)) {
                    if (head.equals("explore")) {
                        if (items.size() != 1 || w.length != 1) {
                            throw n.errAt(it, off, "'explore' stands alone: schedule: explore");
                        }
                        return new ScheduleRead(new Schedule(List.of(), Schedule.Policy.ROUND_ROBIN, sd, bound),
                                true);
                    }
                    if (!last) {
                        throw n.errAt(it, off, "'" + head + "' says what happens after the list: put it last");
                    }
                    if (head.equals("random")) {
                        if (w.length != 2) {
                            throw n.errAt(it, off, "random needs a seed: random 42");
                        }
                        try {
                            sd = Numbers.parse(w[1]);
                        } catch (SyntaxException e) {
                            throw n.errAt(it, off, "random: " + e.getMessage());
                        }
                        policy = Schedule.Policy.RANDOM;
                    } else {
                        if (w.length != 1) {
                            throw n.errAt(it, off, "'" + head + "' takes no argument");
                        }
                        policy = switch (head) {
                            case "round-robin" -> Schedule.Policy.ROUND_ROBIN;
                            case "in-order" -> Schedule.Policy.IN_ORDER;
                            default -> Schedule.Policy.STOP;
                        };
                    }
                    continue;
                }
                int t = names.indexOf(head);
                if (t < 0) {
                    List<String> valid = new ArrayList<>(names);
                    valid.addAll(POLICIES);
                    throw n.errAt(it, off, "unknown thread '" + Nodes.shorten(head) + "' in the schedule"
                            + (names.isEmpty() ? " (this scenario has no threads)" : Nodes.suggest(head, valid)));
                }
                if (w.length > 2) {
                    throw n.errAt(it, off, "a schedule entry is NAME, NAME xN or NAME *, not '" + Nodes.shorten(s)
                            + "'");
                }
                int count = 1;
                if (w.length == 2) {
                    String c = w[1];
                    int coff = off + s.indexOf(c, head.length());
                    if (c.equals("*")) {
                        count = Schedule.Slot.UNTIL_BLOCKED;
                    } else if (c.length() > 1 && c.charAt(0) == 'x') {
                        long v;
                        try {
                            v = Numbers.parse(c.substring(1));
                        } catch (SyntaxException e) {
                            throw n.errAt(it, coff, "bad step count '" + Nodes.shorten(c) + "': write x8 for 8 steps");
                        }
                        if (v < 1 || v > MAX_BOUND) {
                            throw n.errAt(it, coff, "a step count is between 1 and " + MAX_BOUND);
                        }
                        count = (int) v;
                    } else {
                        throw n.errAt(it, coff, "after a thread name: xN (N steps) or * (until it blocks or "
                                + "finishes), not '" + Nodes.shorten(c) + "'");
                    }
                }
                slots.add(new Schedule.Slot(t, count));
                if (slots.size() > MAX_BOUND) {
                    throw n.errAt(it, off, "the schedule is too long");
                }
            }
            return new ScheduleRead(new Schedule(slots, policy, sd, bound), false);
        }

        // -------------------------------------------------------------- narration, checkpoints, expect

        private Anchor anchor(Nodes.Fields f, List<String> threads, String what) throws LessonException {
            if (f.has("at") == f.has("when")) {
                throw n.err(f.node, what + " needs exactly one of 'at' (a step number, start or end) and 'when' (an "
                        + "event)");
            }
            if (f.has("at")) {
                Node a = f.get("at");
                String s = n.str(a, "at");
                if (s.equals("start")) {
                    return new Anchor.At(0);
                }
                if (s.equals("end")) {
                    return new Anchor.End();
                }
                try {
                    long v = Numbers.parse(s);
                    if (v < 0 || v > MAX_BOUND) { /* hex is unsigned 64-bit: 0xffffffff00000005 is not step 5 */
                        throw n.err(a, "at: step " + Long.toUnsignedString(v) + " is beyond any run (at most "
                                + MAX_BOUND + ")");
                    }
                    return new Anchor.At((int) v);
                } catch (SyntaxException e) {
                    throw n.err(a, "at is a step number (0 = before the first step), start or end, not '"
                            + Nodes.shorten(s) + "'");
                }
            }
            return event(f.get("when"), threads);
        }

        private static final Map<String, Loc> LOCS = new HashMap<>();
        private static final Set<String> FUNCTIONS = new LinkedHashSet<>();

        static {
            for (Loc l : Loc.values()) {
                LOCS.put(l.name(), l);
                FUNCTIONS.add(l.function());
            }
        }

        private Anchor.Event event(Node node, List<String> threads) throws LessonException {
            if (Nodes.isScalar(node)) {
                String thread = null;
                Loc loc = null;
                Loc.Kind kind = null;
                int nth = 1;
                String s = n.str(node, "when");
                String raw = n.scalar(node, "when");
                if (Nodes.commentFollows(node, "#[0-9]")) {
                    throw n.err(node, "'#' after a blank starts a YAML comment, so the count after it is lost: "
                            + "quote the whole event, e.g. when: \"" + Nodes.shorten(raw.strip()) + " #2\"");
                }
                int lead = raw.length() - raw.stripLeading().length();
                for (OpSyntax.Word tk : OpSyntax.words(s)) {
                    String w = tk.text();
                    int off = lead + tk.at();
                    if (threads.contains(w)) {
                        thread = w;
                    } else if (LOCS.containsKey(w.toUpperCase(Locale.ROOT))) {
                        loc = LOCS.get(w.toUpperCase(Locale.ROOT));
                    } else if (kindOf(w) != null) {
                        kind = kindOf(w);
                    } else if (w.startsWith("#")) {
                        nth = nth(node, w.substring(1), off);
                    } else {
                        List<String> valid = new ArrayList<>(threads);
                        valid.addAll(LOCS.keySet());
                        throw n.errAt(node, off, "'" + Nodes.shorten(w) + "' is not a thread, a step name or a step "
                                + "kind" + Nodes.suggest(w, valid));
                    }
                }
                return new Anchor.Event(thread, loc, kind, null, null, null, null, false, null, nth);
            }
            Nodes.Fields f = n.map(node, "an event ('when')", EVENT_KEYS);
            if (f.keys().isEmpty() || f.keys().equals(Set.of("nth"))) {
                throw n.err(node, "an event needs at least one condition: thread, step, kind, function, vma, "
                        + "caption, case or violation");
            }
            return event(f, threads);
        }

        /** The conditions of an event from the fields of a mapping (a 'when', a challenge's goal, a 'watch'). */
        private Anchor.Event event(Nodes.Fields f, List<String> threads) throws LessonException {
            String thread = null;
            Loc loc = null;
            Loc.Kind kind = null;
            String function = null;
            String vma = null;
            String caption = null;
            Tag tag = null;
            boolean violation = false;
            Invariant inv = null;
            int nth = 1;
            if (f.has("thread")) {
                thread = thread(f.get("thread"), threads);
            }
            if (f.has("step")) {
                loc = loc(f.get("step"));
            }
            if (f.has("kind")) {
                String s = n.str(f.get("kind"), "kind");
                kind = kindOf(s);
                if (kind == null) {
                    List<String> valid = Arrays.stream(Loc.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                            .toList();
                    throw n.err(f.get("kind"), "unknown step kind '" + Nodes.shorten(s) + "'" + Nodes.suggest(s,
                            valid));
                }
            }
            if (f.has("function")) {
                function = n.str(f.get("function"), "function");
                if (!FUNCTIONS.contains(function)) {
                    throw n.err(f.get("function"), "no step of the model is in a function called '"
                            + Nodes.shorten(function) + "'" + Nodes.suggest(function, FUNCTIONS));
                }
            }
            if (f.has("vma")) {
                vma = n.str(f.get("vma"), "vma");
            }
            if (f.has("caption")) {
                caption = n.str(f.get("caption"), "caption");
            }
            if (f.has("case")) {
                tag = tag(f.get("case"));
            }
            if (f.has("violation")) {
                String s = n.str(f.get("violation"), "violation");
                if (s.equals("true") || s.equals("any")) {
                    violation = true;
                } else {
                    inv = invariant(f.get("violation"), s);
                    violation = true;
                }
            }
            if (f.has("nth")) {
                nth = nth(f.get("nth"), n.str(f.get("nth"), "nth"), 0);
            }
            return new Anchor.Event(thread, loc, kind, function, vma, caption, tag, violation, inv, nth);
        }

        private String thread(Node node, List<String> threads) throws LessonException {
            String thread = n.str(node, "thread");
            if (!threads.contains(thread)) {
                throw n.err(node, "unknown thread '" + Nodes.shorten(thread) + "'"
                        + (threads.isEmpty() ? " (this scenario has no threads)" : Nodes.suggest(thread, threads)));
            }
            return thread;
        }

        private Loc loc(Node node) throws LessonException {
            String s = n.str(node, "step");
            Loc loc = LOCS.get(s.toUpperCase(Locale.ROOT));
            if (loc == null) {
                throw n.err(node, "unknown step '" + Nodes.shorten(s) + "'" + Nodes.suggest(
                        s.toUpperCase(Locale.ROOT), new TreeSet<>(LOCS.keySet())) + " (the names are in "
                        + "org.vmalab.engine.trace.Loc)");
            }
            return loc;
        }

        private Tag tag(Node node) throws LessonException {
            String s = n.str(node, "case");
            for (Tag t : Tag.values()) {
                if (t != Tag.NONE && (t.label().equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s))) {
                    return t;
                }
            }
            List<String> valid = Arrays.stream(Tag.values()).filter(t -> t != Tag.NONE).map(Tag::label).toList();
            throw n.err(node, "unknown rbtree case '" + Nodes.shorten(s) + "'" + Nodes.suggest(s, valid));
        }

        private int nth(Node node, String s, int off) throws LessonException {
            if (s.equals("last")) {
                return Anchor.Event.LAST;
            }
            try {
                long v = Numbers.parse(s);
                if (v >= 1 && v <= MAX_BOUND) {
                    return (int) v;
                }
            } catch (SyntaxException e) {
                // below
            }
            throw n.errAt(node, off, "nth is 1, 2, ... or last, not '" + Nodes.shorten(s) + "'");
        }

        private static Loc.Kind kindOf(String w) {
            for (Loc.Kind k : Loc.Kind.values()) {
                if (k.name().equalsIgnoreCase(w)) {
                    return k;
                }
            }
            return null;
        }

        private Invariant invariant(Node node, String s) throws LessonException {
            try {
                return Invariant.valueOf(norm(s));
            } catch (IllegalArgumentException e) {
                List<String> valid = Arrays.stream(Invariant.values()).map(Invariant::id).toList();
                throw n.err(node, "unknown invariant '" + Nodes.shorten(s) + "'" + Nodes.suggest(s.toUpperCase(
                        Locale.ROOT).replace('_', '-'), valid));
            }
        }

        private Narration narration(Node node, List<String> threads) throws LessonException {
            Nodes.Fields f = n.map(node, "a narration", NARRATION_KEYS);
            Anchor a = anchor(f, threads, "a narration");
            String title = f.has("title") ? n.str(f.get("title"), "title") : "";
            String text = n.text(f.require("text"), "text");
            Claims claims = f.has("claims") ? claims(f.get("claims"), threads) : Claims.NONE;
            return new Narration(a, title, text, claims, n.pos(node));
        }

        private Checkpoint checkpoint(Node node, List<String> threads) throws LessonException {
            Nodes.Fields f = n.map(node, "a checkpoint", CHECKPOINT_KEYS);
            Anchor a = anchor(f, threads, "a checkpoint");
            String q = n.text(f.require("question"), "question");
            Node cn = f.require("choices");
            List<String> choices = new ArrayList<>();
            for (Node c : n.seq(cn, "choices")) {
                String s = n.str(c, "a choice");
                if (choices.contains(s)) {
                    throw n.err(c, "the choice '" + Nodes.shorten(s) + "' is listed twice");
                }
                choices.add(s);
            }
            if (choices.size() < 2 || choices.size() > 8) {
                throw n.err(cn, "a checkpoint has 2 to 8 choices, not " + choices.size());
            }
            Node an = f.require("answer");
            String ans = n.str(an, "answer");
            int idx = choices.indexOf(ans);
            if (idx < 0) {
                throw n.err(an, "the answer '" + Nodes.shorten(ans) + "' is not one of the choices"
                        + Nodes.suggest(ans, choices));
            }
            String ex = n.text(f.require("explanation"), "explanation");
            List<String> whyNot = f.has("why_not") ? whyNot(f.get("why_not"), choices, idx) : List.of();
            Anchor.Event watch = null;
            if (f.has("watch")) {
                watch = event(f.get("watch"), threads);
            }
            return new Checkpoint(a, q, choices, idx, ex, whyNot, watch, n.pos(node));
        }

        /**
         * A checkpoint's {@code why_not}: a mapping from a wrong choice's text to why that choice is wrong. Each key
         * is a choice (its text as in {@code choices}), never the answer, at most once.
         *
         * @return one text per choice, "" where none is given
         */
        private List<String> whyNot(Node node, List<String> choices, int answer) throws LessonException {
            String[] out = new String[choices.size()];
            Arrays.fill(out, "");
            for (Node[] t : n.pairs(node, "why_not", "a wrong choice: why it is wrong")) {
                Node kn = t[0];
                String c = n.str(kn, "a why_not choice");
                int i = choices.indexOf(c);
                if (i < 0) {
                    throw n.err(kn, "why_not gives a reason for '" + Nodes.shorten(c) + "', which is not one of the"
                            + " choices" + Nodes.suggest(c, choices));
                }
                if (i == answer) {
                    throw n.err(kn, "why_not gives a reason for '" + Nodes.shorten(c) + "', the right answer: a"
                            + " reason is for a wrong choice (the explanation says why the answer is right)");
                }
                if (!out[i].isEmpty()) {
                    throw n.err(kn, "why_not gives a reason for '" + Nodes.shorten(c) + "' twice");
                }
                out[i] = n.text(t[1], "the reason for '" + Nodes.shorten(c) + "'");
            }
            return List.of(out);
        }

        private Claims claims(Node node, List<String> threads) throws LessonException {
            Nodes.Fields f = n.map(node, "claims", CLAIM_KEYS);
            String thread = f.has("thread") ? thread(f.get("thread"), threads) : null;
            Loc loc = f.has("step") ? loc(f.get("step")) : null;
            String vma = f.has("vma") ? n.str(f.get("vma"), "vma") : null;
            Tag tag = f.has("case") ? tag(f.get("case")) : null;
            Boolean violation = null;
            Invariant inv = null;
            if (f.has("violation")) {
                String s = n.str(f.get("violation"), "violation");
                if (s.equals("true") || s.equals("false")) {
                    violation = s.equals("true");
                } else {
                    inv = invariant(f.get("violation"), s);
                    violation = true;
                }
            }
            Boolean clean = f.has("clean") ? n.bool(f.get("clean"), "clean") : null;
            Claims c = new Claims(thread, loc, vma, tag, violation, inv, clean);
            if (c.isEmpty()) {
                throw n.err(node, "claims is empty: give thread, step, vma, case, violation or clean");
            }
            return c;
        }

        private Challenge challenge(Node node, List<String> threads) throws LessonException {
            Nodes.Fields f = n.map(node, "a challenge", CHALLENGE_KEYS);
            Node gn = f.require("goal");
            Nodes.Fields g = n.map(gn, "a challenge's goal", GOAL_KEYS);
            String text = n.text(g.require("text"), "the goal's text");
            boolean deadlock = g.has("deadlock") && n.bool(g.get("deadlock"), "deadlock");
            Anchor.Event goal = null;
            boolean conditions = g.keys().stream().anyMatch(k -> !k.equals("text") && !k.equals("deadlock"));
            if (deadlock && conditions) {
                throw n.err(gn,
                        "a deadlock goal has no other condition: the run must end with no thread able to go on");
            }
            if (!deadlock) {
                if (!conditions) {
                    throw n.err(gn, "a goal needs conditions, as in 'when': thread, step, vma, violation ... (or "
                            + "deadlock: true)");
                }
                goal = event(g, threads);
            }
            List<String> hints = new ArrayList<>();
            if (f.has("hints")) {
                for (Node h : n.seq(f.get("hints"), "hints")) {
                    hints.add(n.text(h, "a hint"));
                }
            }
            int max = n.intIn(f.require("max_steps"), "max_steps", 1, Challenge.MAX_STEPS);
            boolean patch = false;
            if (f.has("with_patch")) {
                String s = n.str(f.get("with_patch"), "with_patch");
                if (!s.equals("unreachable")) {
                    throw n.err(f.get("with_patch"), "with_patch is 'unreachable' (the explorer proves that no "
                            + "schedule reaches the goal with the patch), not '" + Nodes.shorten(s) + "'");
                }
                patch = true;
            }
            return new Challenge(text, goal, deadlock, hints, max, patch, n.pos(node));
        }

        private Expectation expect(Node node) throws LessonException {
            Nodes.Fields f = n.map(node, "expect", EXPECT_KEYS);
            Outcome outcome = null;
            if (f.has("outcome")) {
                String s = n.str(f.get("outcome"), "outcome");
                try {
                    outcome = Outcome.valueOf(norm(s));
                } catch (IllegalArgumentException e) {
                    List<String> valid = Arrays.stream(Outcome.values())
                            .map(o -> o.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
                    throw n.err(f.get("outcome"), "unknown outcome '" + Nodes.shorten(s) + "'" + Nodes.suggest(s,
                            valid));
                }
            }
            Boolean violations = f.has("violations") ? n.bool(f.get("violations"), "violations") : null;
            EnumSet<Invariant> invs = EnumSet.noneOf(Invariant.class);
            if (f.has("invariants")) {
                Node in = f.get("invariants");
                List<Node> items = Nodes.isScalar(in) ? List.of(in) : n.seq(in, "invariants");
                for (Node it : items) {
                    invs.add(invariant(it, n.str(it, "an invariant")));
                }
                if (Boolean.FALSE.equals(violations) && !invs.isEmpty()) {
                    throw n.err(in, "invariants are listed but 'violations: false' says there are none");
                }
            }
            return new Expectation(outcome, violations, invs, n.pos(node));
        }
    }

    /** A key set that allows every key (for blocks whose key is data, such as 'repeat 4'). */
    private static final class AnyKey extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
