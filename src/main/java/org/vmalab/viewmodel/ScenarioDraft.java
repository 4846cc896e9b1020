package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.Const;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.SyntaxException;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.OpSyntax;

/**
 * What the scenario form edits, as text, and its validation into a {@link Scenario}. The texts are those of
 * lesson files ({@link OpSyntax}: numbers, VMA flags, one operation per program line) and the rules those of
 * every scenario ({@link VmaSpec#nameProblem}, {@link VmaSpec#rangeProblem}, {@link VmaSpec#overlaps},
 * {@link ThreadSpec#nameProblem}). Every problem is reported in plain words with the row or line it is on; the
 * form shows them and keeps OK disabled until there are none.
 */
public final class ScenarioDraft {
    /** One VMA of the initial layout; {@code flags} in the lesson words ({@code rw- shared growsdown}). */
    public static final class VmaRow {
        public String name;
        public String start;
        public String end;
        public String flags;
        public boolean file;
        public String anonVma;

        public VmaRow(String name, String start, String end, String flags, boolean file, String anonVma) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.flags = flags;
            this.file = file;
            this.anonVma = anonVma;
        }

        static VmaRow of(VmaSpec v) {
            return new VmaRow(v.name(), Numbers.hex(v.start()), Numbers.hex(v.end()), OpSyntax.flags(v.flags()),
                    v.hasOps(), Long.toString(v.anonVma()));
        }
    }

    /** One thread and its program (one operation per line). */
    public static final class ThreadRow {
        public String name;
        public String program;

        public ThreadRow(String name, String program) {
            this.name = name;
            this.program = program;
        }
    }

    /** A valid scenario, or the problems. */
    public record Result(Scenario scenario, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public String title;
    public Granularity granularity;
    public int mmUsers;
    public String stackGuard;
    public String mmapBase;
    /** {@code max_map_count}, kept from the scenario the draft was made of (an imported layout may need more). */
    public int maxMapCount = Const.MAX_MAP_COUNT;
    public Protection protection;
    public final List<VmaRow> vmas = new ArrayList<>();
    public final List<ThreadRow> threads = new ArrayList<>();

    public static ScenarioDraft of(Scenario s) {
        ScenarioDraft d = new ScenarioDraft();
        d.title = s.title();
        d.granularity = s.granularity();
        d.mmUsers = s.mmUsers();
        d.stackGuard = Numbers.hex(s.stackGuard());
        d.mmapBase = Numbers.hex(s.mmapBase());
        d.maxMapCount = s.maxMapCount();
        d.protection = s.protection();
        for (VmaSpec v : s.layout()) {
            d.vmas.add(VmaRow.of(v));
        }
        for (ThreadSpec t : s.threads()) {
            d.threads.add(new ThreadRow(t.name(), OpSyntax.formatProgram(t.program())));
        }
        return d;
    }

    /** Replaces the layout rows. */
    public void setLayout(List<VmaSpec> layout) {
        vmas.clear();
        for (VmaSpec v : layout) {
            vmas.add(VmaRow.of(v));
        }
    }

    public Result build() {
        List<String> err = new ArrayList<>();
        String t = title == null || title.isBlank() ? "Edited scenario" : title.strip();
        long guard = number(stackGuard, "stack_guard_gap", err);
        long base = number(mmapBase, "mmap_base", err);
        if (mmUsers < 0) {
            err.add("mm_users must be 0 (one per thread) or more");
        }
        List<VmaSpec> layout = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < vmas.size(); i++) {
            VmaRow r = vmas.get(i);
            String name = r.name == null ? "" : r.name.strip();
            String who = "Layout row " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")");
            int before = err.size();
            problem(err, who, name.isEmpty() ? "the VMA needs a name" : VmaSpec.nameProblem(name));
            long s = number(r.start, who + ": start", err);
            long e = number(r.end, who + ": end", err);
            long anon = r.anonVma == null || r.anonVma.isBlank() ? 0 : number(r.anonVma, who + ": anon_vma", err);
            long flags = OpSyntax.DEFAULT_FLAGS;
            try {
                flags = OpSyntax.parseFlags(r.flags == null ? "" : r.flags);
            } catch (SyntaxException x) {
                err.add(who + ": flags: " + x.getMessage());
            }
            if (err.size() == before) {
                problem(err, who, VmaSpec.rangeProblem(s, e));
            }
            if (err.size() == before) {
                layout.add(new VmaSpec(name, s, e, flags, r.file, anon));
                rowOf.add(i);
            }
        }
        for (int[] pair : VmaSpec.overlaps(layout)) {
            err.add("Layout row " + (rowOf.get(pair[1]) + 1) + ": " + layout.get(pair[1]).describe() + " overlaps "
                    + layout.get(pair[0]).describe());
        }
        if (threads.size() > Scenario.MAX_THREADS) {
            err.add("At most " + Scenario.MAX_THREADS + " threads");
        }
        List<ThreadSpec> ts = new ArrayList<>();
        Set<String> tnames = new HashSet<>();
        for (int i = 0; i < threads.size(); i++) {
            ThreadRow r = threads.get(i);
            String name = r.name == null ? "" : r.name.strip();
            String who = name.isEmpty() ? "Thread " + (i + 1) : name;
            if (name.isEmpty()) {
                err.add("Thread " + (i + 1) + ": the thread needs a name");
            } else if (ThreadSpec.nameProblem(name) != null) {
                err.add("Thread " + (i + 1) + ": " + ThreadSpec.nameProblem(name));
            } else if (!tnames.add(name)) {
                err.add(who + ": the name is used twice");
            }
            List<Op> ops = OpSyntax.parseProgram(r.program == null ? "" : r.program, err, who);
            ts.add(new ThreadSpec(name, ThreadSpec.infer(ops), ops));
        }
        if (!err.isEmpty()) {
            return new Result(null, List.copyOf(err));
        }
        try {
            Scenario sc = new Scenario(t, layout, ts, protection == null ? Protection.PATCH : protection,
                    granularity == null ? Granularity.MICRO : granularity, mmUsers, guard, base, maxMapCount);
            return new Result(sc, List.of());
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of(e.getMessage()));
        }
    }

    private static void problem(List<String> err, String who, String problem) {
        if (problem != null) {
            err.add(who + ": " + problem);
        }
    }

    private static long number(String s, String what, List<String> err) {
        if (s == null || s.isBlank()) {
            err.add(what + " is empty");
            return 0;
        }
        try {
            return Numbers.parse(s);
        } catch (SyntaxException e) {
            err.add(what + ": " + e.getMessage());
            return 0;
        }
    }
}
