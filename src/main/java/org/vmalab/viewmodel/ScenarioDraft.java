package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vmalab.engine.Const;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;

/**
 * What the scenario form edits, as text, and its validation into a {@link Scenario}. Every problem is
 * reported in plain words with the row or line it is on; the form shows them and keeps OK disabled until
 * there are none.
 */
public final class ScenarioDraft {
    /** One VMA of the initial layout. */
    public static final class VmaRow {
        public String name;
        public String start;
        public String end;
        public String perms;
        public boolean file;
        public boolean growsDown;
        public String anonVma;

        public VmaRow(String name, String start, String end, String perms, boolean file, boolean growsDown,
                      String anonVma) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.perms = perms;
            this.file = file;
            this.growsDown = growsDown;
            this.anonVma = anonVma;
        }

        static VmaRow of(VmaSpec v) {
            return new VmaRow(v.name(), Fmt.hex(v.start()), Fmt.hex(v.end()), OpText.perms(v.flags()), v.hasOps(),
                    v.growsDown(), Long.toString(v.anonVma()));
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
    public Protection protection;
    public final List<VmaRow> vmas = new ArrayList<>();
    public final List<ThreadRow> threads = new ArrayList<>();

    public static ScenarioDraft of(Scenario s) {
        ScenarioDraft d = new ScenarioDraft();
        d.title = s.title();
        d.granularity = s.granularity();
        d.mmUsers = s.mmUsers();
        d.stackGuard = Fmt.hex(s.stackGuard());
        d.mmapBase = Fmt.hex(s.mmapBase());
        d.protection = s.protection();
        for (VmaSpec v : s.layout()) {
            d.vmas.add(VmaRow.of(v));
        }
        for (ThreadSpec t : s.threads()) {
            d.threads.add(new ThreadRow(t.name(), OpText.formatProgram(t.program())));
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
        Set<String> names = new HashSet<>();
        for (int i = 0; i < vmas.size(); i++) {
            VmaRow r = vmas.get(i);
            String who = "Layout row " + (i + 1) + (r.name == null || r.name.isBlank() ? "" : " (" + r.name.strip()
                    + ")");
            String name = r.name == null ? "" : r.name.strip();
            if (name.isEmpty()) {
                err.add(who + ": the VMA needs a name");
            } else if (name.chars().anyMatch(Character::isWhitespace)) {
                err.add(who + ": a name cannot contain spaces");
            } else if (!names.add(name)) {
                err.add(who + ": the name " + name + " is used twice");
            }
            int before = err.size();
            long s = number(r.start, who + ": start", err);
            long e = number(r.end, who + ": end", err);
            long anon = r.anonVma == null || r.anonVma.isBlank() ? 0 : number(r.anonVma, who + ": anon_vma", err);
            String p = r.perms == null || r.perms.isBlank() ? "rw-" : r.perms.strip().toLowerCase(Locale.ROOT);
            if (!p.matches("[r-][w-][x-]")) {
                err.add(who + ": permissions are written like rw- or r-x");
                p = "rw-";
            }
            if (err.size() > before) {
                continue;
            }
            if (Long.compareUnsigned(s, e) >= 0) {
                err.add(who + ": end (" + Fmt.hex(e) + ") must be above start (" + Fmt.hex(s) + ")");
                continue;
            }
            if (s % Const.PAGE_SIZE != 0 || e % Const.PAGE_SIZE != 0) {
                err.add(who + ": start and end must be page aligned (multiples of 0x1000)");
                continue;
            }
            if (Long.compareUnsigned(e, Const.TASK_SIZE) > 0) {
                err.add(who + ": end is above TASK_SIZE (" + Fmt.hex(Const.TASK_SIZE) + ")");
                continue;
            }
            if (anon < 0) {
                err.add(who + ": anon_vma is an id, 0 for none");
                continue;
            }
            long flags = (p.charAt(0) == 'r' ? Const.VM_READ : 0) | (p.charAt(1) == 'w' ? Const.VM_WRITE : 0)
                    | (p.charAt(2) == 'x' ? Const.VM_EXEC : 0) | (r.growsDown ? Const.VM_GROWSDOWN : 0);
            layout.add(new VmaSpec(name, s, e, flags, r.file, anon));
        }
        List<VmaSpec> sorted = new ArrayList<>(layout);
        sorted.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            VmaSpec a = sorted.get(i - 1);
            VmaSpec b = sorted.get(i);
            if (Long.compareUnsigned(b.start(), a.end()) < 0) {
                err.add("Layout: " + a.name() + " [" + Fmt.hex(a.start()) + ", " + Fmt.hex(a.end()) + ") and "
                        + b.name() + " [" + Fmt.hex(b.start()) + ", " + Fmt.hex(b.end()) + ") overlap");
            }
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
            } else if (!tnames.add(name)) {
                err.add(who + ": the name is used twice");
            }
            List<Op> ops = OpText.parseProgram(r.program == null ? "" : r.program, err, who);
            ts.add(new ThreadSpec(name, ThreadSpec.infer(ops), ops));
        }
        if (!err.isEmpty()) {
            return new Result(null, List.copyOf(err));
        }
        try {
            Scenario sc = new Scenario(t, layout, ts, protection == null ? Protection.PATCH : protection,
                    granularity == null ? Granularity.MICRO : granularity, mmUsers, guard, base);
            return new Result(sc, List.of());
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of(e.getMessage()));
        }
    }

    private static long number(String s, String what, List<String> err) {
        if (s == null || s.isBlank()) {
            err.add(what + " is empty");
            return 0;
        }
        try {
            return OpText.num(s, what);
        } catch (OpText.ParseError e) {
            err.add(e.getMessage());
            return 0;
        }
    }
}
