package org.vmalab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Const;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.Scenarios;
import org.vmalab.engine.ThreadSpec;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.OpSyntax;
import org.vmalab.engine.sched.Schedule;

/**
 * Writes a scenario and a schedule as a scenario file (the lesson format without narration) that
 * {@link LessonLoader} reads back to an equal {@link Scenario} and {@link Schedule}: used to save a run, an
 * explorer counterexample or an imported address space.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    /** Writes {@link #toYaml} to {@code file} through a temporary file and a rename (no partial file is left). */
    public static void write(Scenario sc, Schedule schedule, Path file) throws IOException {
        String text = toYaml(sc, schedule);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        /* a new file with the folder's usual permissions (createTempFile's are owner-only) */
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime() & 0xffffffffffffL)
                + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The scenario file's text.
     *
     * @throws IllegalArgumentException for what the format cannot hold (an operation whose VMA name has a
     *                                  blank; more threads or VMAs than the loader accepts)
     */
    public static String toYaml(Scenario sc, Schedule schedule) {
        if (sc.threads().size() > LessonLoader.MAX_THREADS) {
            throw new IllegalArgumentException("more than " + LessonLoader.MAX_THREADS + " threads");
        }
        if (sc.layout().size() > sc.maxMapCount()) {
            throw new IllegalArgumentException("more than " + sc.maxMapCount() + " VMAs (max_map_count)");
        }
        StringBuilder b = new StringBuilder(256 + sc.layout().size() * 64);
        b.append("# VMA Lab scenario: java -jar vmalab.jar validate FILE checks it\n");
        b.append("title: ").append(quote(sc.title().isBlank() ? "untitled scenario" : sc.title())).append('\n');
        if (sc.maxMapCount() != Const.MAX_MAP_COUNT) {
            /* before the layout, where the loader looks for it to raise its limits */
            b.append("max_map_count: ").append(sc.maxMapCount()).append('\n');
        }
        layout(b, sc.layout());
        b.append("threads:");
        if (sc.threads().isEmpty()) {
            b.append(" []\n");
        } else {
            b.append('\n');
            for (ThreadSpec t : sc.threads()) {
                thread(b, t);
            }
        }
        b.append("protection: ").append(protection(sc.protection())).append('\n');
        if (sc.protection().policy() != RwlockPolicy.QUEUED) {
            b.append("rwlock: reader-pref\n");
        }
        if (sc.granularity() != Granularity.MICRO) {
            b.append("granularity: macro\n");
        }
        if (sc.mmUsers() != 0) {
            b.append("mm_users: ").append(sc.mmUsers()).append('\n');
        }
        if (sc.stackGuard() != Const.STACK_GUARD_GAP) {
            b.append("stack_guard_gap: ").append(Numbers.hex(sc.stackGuard())).append('\n');
        }
        if (sc.mmapBase() != Const.MMAP_BASE) {
            b.append("mmap_base: ").append(Numbers.hex(sc.mmapBase())).append('\n');
        }
        schedule(b, sc, schedule);
        return b.toString();
    }

    private static void layout(StringBuilder b, List<VmaSpec> layout) {
        if (layout.equals(Scenarios.layoutW())) {
            b.append("layout: W\n");
            return;
        }
        if (layout.equals(Scenarios.layoutM())) {
            b.append("layout: M\n");
            return;
        }
        if (layout.isEmpty()) {
            b.append("layout: empty\n");
            return;
        }
        b.append("layout:\n");
        for (VmaSpec v : layout) {
            if (Long.compareUnsigned(v.start(), v.end()) >= 0
                    || ((v.start() | v.end()) & (Const.PAGE_SIZE - 1)) != 0 || v.name().isEmpty()) {
                throw new IllegalArgumentException("VMA " + v.name() + " cannot be written: its range is not a "
                        + "page-aligned [start, end)");
            }
            if (OpSyntax.plainName(v.name())) {
                String line = OpSyntax.formatVma(v);
                b.append("  - ").append(safePlain(line) ? line : quote(line)).append('\n');
            } else {
                b.append("  - {name: ").append(quote(v.name())).append(", start: ").append(Numbers.hex(v.start()))
                        .append(", end: ").append(Numbers.hex(v.end())).append(", flags: ")
                        .append(quote(OpSyntax.flags(v.flags())));
                if (v.hasOps()) {
                    b.append(", file: true");
                }
                if (v.anonVma() != 0) {
                    b.append(", anon_vma: ").append(v.anonVma());
                }
                b.append("}\n");
            }
        }
    }

    private static void thread(StringBuilder b, ThreadSpec t) {
        b.append("  - name: ").append(t.name()).append('\n');
        b.append("    role: ").append(role(t.role())).append('\n');
        if (t.program().isEmpty()) {
            b.append("    program: []\n");
            return;
        }
        b.append("    program:\n");
        for (Op op : t.program()) {
            if (!OpSyntax.writable(op)) {
                throw new IllegalArgumentException(t.name() + ": the operation '" + op.text() + "' cannot be written "
                        + "(a VMA name with a blank, or an empty range)");
            }
            String s = OpSyntax.format(op);
            b.append("      - ").append(safePlain(s) ? s : quote(s)).append('\n');
        }
    }

    static String role(ThreadSpec.Role r) {
        return switch (r) {
            case WRITER -> "writer";
            case SPF_READER -> "spf-reader";
            case CLASSIC_READER -> "classic-reader";
            case MIXED -> "mixed";
        };
    }

    static String protection(Protection p) {
        if (p.toggles().isEmpty()) {
            return "patch";
        }
        List<String> ts = new ArrayList<>();
        for (ProtectionToggle t : p.toggles()) {
            ts.add(t.name());
        }
        return "[" + String.join(", ", ts) + "]";
    }

    private static void schedule(StringBuilder b, Scenario sc, Schedule s) {
        List<String> items = new ArrayList<>();
        List<String> names = sc.scheduleNames();
        for (Schedule.Slot slot : s.prefix()) {
            if (slot.thread() < 0 || slot.thread() >= names.size()) {
                throw new IllegalArgumentException("the schedule names thread " + slot.thread() + ", which does "
                        + "not exist");
            }
            if (slot.count() < 1 && !slot.untilBlocked()) {
                throw new IllegalArgumentException("a schedule slot of " + slot.count() + " steps");
            }
            String name = names.get(slot.thread());
            items.add(slot.untilBlocked() ? name + " *" : slot.count() == 1 ? name : name + " x" + slot.count());
        }
        boolean seedInPolicy = false;
        switch (s.policy()) {
            case ROUND_ROBIN -> items.add("round-robin");
            case IN_ORDER -> items.add("in-order");
            case STOP -> items.add("stop");
            case RANDOM -> {
                items.add("random " + (s.seed() < 0 ? Numbers.hex(s.seed()) : Long.toString(s.seed())));
                seedInPolicy = true;
            }
            default -> throw new IllegalArgumentException("policy " + s.policy());
        }
        if (items.size() == 1) {
            b.append("schedule: ").append(items.get(0)).append('\n');
        } else {
            b.append("schedule: [");
            int col = 11;
            for (int i = 0; i < items.size(); i++) {
                String it = items.get(i) + (i + 1 < items.size() ? "," : "");
                if (i > 0) {
                    if (col + 1 + it.length() > 116) {
                        b.append("\n    ");
                        col = 4;
                    } else {
                        b.append(' ');
                        col++;
                    }
                }
                b.append(it);
                col += it.length();
            }
            b.append("]\n");
        }
        if (s.seed() != 0 && !seedInPolicy) {
            b.append("seed: ").append(s.seed() < 0 ? Numbers.hex(s.seed()) : Long.toString(s.seed())).append('\n');
        }
        if (s.bound() != Schedule.DEFAULT_BOUND) {
            if (s.bound() < 1 || s.bound() > LessonLoader.MAX_BOUND) {
                throw new IllegalArgumentException("bound " + s.bound() + " is outside 1.." + LessonLoader.MAX_BOUND);
            }
            b.append("bound: ").append(s.bound()).append('\n');
        }
    }

    /** Can {@code s} be written as a plain YAML scalar (in block context) and read back unchanged? */
    static boolean safePlain(String s) {
        if (s.isEmpty() || !s.strip().equals(s)) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c > 0x7e) {
                return false;
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return !List.of("null", "true", "false", "~", "yes", "no", "on", "off").contains(lower);
    }

    /** A double-quoted YAML string. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0xfeff || c == 0x2028 || c == 0x2029
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
