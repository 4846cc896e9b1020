package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.Const;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.mm.Op;

/**
 * The one-line texts of the lesson format, both ways: numbers, VMA flags, a layout VMA
 * ({@code heap 0x55555575d000-0x55555577e000 rw- anon_vma 1}) and a program operation
 * ({@code spf 0x55555575e000 write}). The window's forms can use these to check what a user types.
 * {@code parse(format(x))} equals {@code x} for every value.
 */
public final class Formats {
    private Formats() {
    }

    /** A bad one-line text; {@link #offset()} is where in the text (0-based), or -1. */
    public static final class FormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        public FormatException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** The operation names, for suggestions and the schema. */
    public static final List<String> OPS = List.of("find_vma", "get_vma", "put_vma", "spf", "fault", "map", "mmap",
            "munmap", "brk", "search", "down_read", "up_read", "down_write", "up_write");

    static final long KNOWN_FLAGS = Const.VM_READ | Const.VM_WRITE | Const.VM_EXEC | Const.VM_SHARED
            | Const.VM_GROWSDOWN | Const.VM_GROWSUP;
    static final long DEFAULT_FLAGS = Const.VM_READ | Const.VM_WRITE;

    // ------------------------------------------------------------------ numbers

    /** {@code 0x1f000} (hex) or {@code 42} (decimal); unsigned 64-bit for hex, no sign. */
    public static long parseNumber(String s) {
        String t = s.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String h = t.substring(2);
            if (h.isEmpty() || h.length() > 16 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new FormatException("bad number '" + Nodes.shorten(s) + "': hex is 0x followed by 1 to 16 hex "
                        + "digits", 0);
            }
            return Long.parseUnsignedLong(h, 16);
        }
        if (t.isEmpty() || t.length() > 19 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FormatException("bad number '" + Nodes.shorten(s) + "': write 0x1000 (hex) or 4096 (decimal)",
                    0);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new FormatException("number '" + Nodes.shorten(s) + "' is too large for 64 bits: write it in hex",
                    0);
        }
    }

    /** {@code 0x} and lowercase hex. */
    public static String hex(long v) {
        return Const.h(v);
    }

    // ------------------------------------------------------------------ tokens

    /** A word of a one-line text and where it starts. */
    record Tok(String text, int at) {
    }

    static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int st = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > st) {
                out.add(new Tok(s.substring(st, i), st));
            }
        }
        return out;
    }

    private static long num(Tok t, String what) {
        try {
            return parseNumber(t.text());
        } catch (FormatException e) {
            throw new FormatException(what + ": " + e.getMessage(), t.at());
        }
    }

    private static Tok need(List<Tok> ts, int i, String what, String usage, int end) {
        if (i >= ts.size()) {
            throw new FormatException("missing " + what + " (" + usage + ")", end);
        }
        return ts.get(i);
    }

    // ------------------------------------------------------------------ flags and VMA attributes

    /** Is this word a permission word such as {@code rw-}, {@code r-x}, {@code rw}, {@code ---}? */
    static boolean isPerm(String w) {
        if (w.isEmpty() || w.length() > 3 || !w.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'x' || c == '-')) {
            return false;
        }
        return w.chars().filter(c -> c == 'r').count() <= 1 && w.chars().filter(c -> c == 'w').count() <= 1
                && w.chars().filter(c -> c == 'x').count() <= 1 && (w.indexOf('-') < 0 || w.length() == 3);
    }

    static long perm(String w) {
        long f = 0;
        if (w.indexOf('r') >= 0) {
            f |= Const.VM_READ;
        }
        if (w.indexOf('w') >= 0) {
            f |= Const.VM_WRITE;
        }
        if (w.indexOf('x') >= 0) {
            f |= Const.VM_EXEC;
        }
        return f;
    }

    /** {@code rw-}, {@code rw- growsdown}, {@code r-x shared}; bits without a name as {@code flags 0x...}. */
    public static String flags(long flags) {
        if ((flags & ~KNOWN_FLAGS) != 0) {
            return "flags " + hex(flags);
        }
        StringBuilder b = new StringBuilder();
        b.append((flags & Const.VM_READ) != 0 ? 'r' : '-').append((flags & Const.VM_WRITE) != 0 ? 'w' : '-')
                .append((flags & Const.VM_EXEC) != 0 ? 'x' : '-');
        if ((flags & Const.VM_SHARED) != 0) {
            b.append(" shared");
        }
        if ((flags & Const.VM_GROWSDOWN) != 0) {
            b.append(" growsdown");
        }
        if ((flags & Const.VM_GROWSUP) != 0) {
            b.append(" growsup");
        }
        return b.toString();
    }

    /** Flags, file, anon_vma, name and mmap placement read from attribute words. */
    static final class Attrs {
        long flags;
        boolean flagsSet;
        boolean file;
        long anonVma;
        String name;
        long addr;
        boolean fixed;
        boolean hint;
        boolean bottomUp;

        long flagsOrDefault() {
            return flagsSet ? flags : DEFAULT_FLAGS;
        }
    }

    static final List<String> VMA_WORDS = List.of("rw-", "growsdown", "growsup", "shared", "file", "anon_vma",
            "flags");
    static final List<String> MMAP_WORDS = List.of("rw-", "growsdown", "growsup", "shared", "file", "flags", "name",
            "fixed", "hint", "bottomup");

    /** Reads attribute words from {@code ts[from..]}; {@code mmap} selects the mmap words. */
    static Attrs attrs(List<Tok> ts, int from, boolean mmap, int end) {
        Attrs a = new Attrs();
        boolean perm = false;
        for (int i = from; i < ts.size(); i++) {
            Tok t = ts.get(i);
            String w = t.text();
            if (isPerm(w)) {
                if (perm) {
                    throw new FormatException("two permission words", t.at());
                }
                perm = true;
                a.flags |= perm(w);
                a.flagsSet = true;
                continue;
            }
            switch (w) {
                case "growsdown" -> {
                    a.flags |= Const.VM_GROWSDOWN;
                    a.flagsSet = true;
                    if (!perm) {
                        a.flags |= DEFAULT_FLAGS;
                    }
                }
                case "growsup" -> {
                    a.flags |= Const.VM_GROWSUP;
                    a.flagsSet = true;
                    if (!perm) {
                        a.flags |= DEFAULT_FLAGS;
                    }
                }
                case "shared" -> {
                    a.flags |= Const.VM_SHARED;
                    a.flagsSet = true;
                    if (!perm) {
                        a.flags |= DEFAULT_FLAGS;
                    }
                }
                case "file" -> a.file = true;
                case "anon" -> {
                    if (mmap) {
                        throw new FormatException("'anon' is the default of mmap", t.at());
                    }
                }
                case "flags" -> {
                    a.flags = num(need(ts, i + 1, "the flags value", "flags 0x103", end), "flags");
                    a.flagsSet = true;
                    perm = true;
                    i++;
                }
                default -> {
                    if (!mmap && w.equals("anon_vma")) {
                        a.anonVma = num(need(ts, i + 1, "the anon_vma id", "anon_vma 1", end), "anon_vma");
                        i++;
                    } else if (mmap && w.equals("name")) {
                        a.name = need(ts, i + 1, "the name", "name buf", end).text();
                        i++;
                    } else if (mmap && (w.equals("fixed") || w.equals("hint"))) {
                        if (a.fixed || a.hint) {
                            throw new FormatException("give one address: fixed ADDR or hint ADDR", t.at());
                        }
                        a.addr = num(need(ts, i + 1, "the address", w + " 0x7ffff7a00000", end), w);
                        a.fixed = w.equals("fixed");
                        a.hint = !a.fixed;
                        i++;
                    } else if (mmap && w.equals("bottomup")) {
                        a.bottomUp = true;
                    } else {
                        throw new FormatException("unknown word '" + Nodes.shorten(w) + "'"
                                + Nodes.suggest(w, mmap ? MMAP_WORDS : VMA_WORDS), t.at());
                    }
                }
            }
        }
        return a;
    }

    /** {@code START-END} in one word. */
    private static long[] range(Tok t) {
        int dash = t.text().indexOf('-');
        if (dash <= 0 || dash == t.text().length() - 1) {
            throw new FormatException("expected a range START-END such as 0x1000-0x3000, not '"
                    + Nodes.shorten(t.text()) + "'", t.at());
        }
        long s = num(new Tok(t.text().substring(0, dash), t.at()), "start");
        long e = num(new Tok(t.text().substring(dash + 1), t.at() + dash + 1), "end");
        return new long[] {s, e};
    }

    private static boolean isRange(Tok t) {
        return t.text().indexOf('-') > 0;
    }

    static void checkRange(long start, long end, int at) {
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new FormatException("the start " + hex(start) + " must be below the end " + hex(end), at);
        }
        if ((start & (Const.PAGE_SIZE - 1)) != 0 || (end & (Const.PAGE_SIZE - 1)) != 0) {
            throw new FormatException("a VMA starts and ends on a page boundary (0x1000): " + hex(start) + "-"
                    + hex(end), at);
        }
    }

    static void checkName(String name, int at) {
        if (name.isEmpty() || name.length() > 200) {
            throw new FormatException("a VMA name has 1 to 200 characters", at);
        }
    }

    /** A layout VMA: {@code NAME START-END [rw-] [growsdown] [file] [anon_vma N]}. */
    public static VmaSpec parseVma(String line) {
        List<Tok> ts = tokens(line);
        String usage = "NAME START-END [rw-] [growsdown] [file] [anon_vma N]";
        Tok name = need(ts, 0, "the VMA name", usage, line.length());
        checkName(name.text(), name.at());
        Tok r = need(ts, 1, "the range", usage, line.length());
        long[] se = range(r);
        checkRange(se[0], se[1], r.at());
        Attrs a = attrs(ts, 2, false, line.length());
        return new VmaSpec(name.text(), se[0], se[1], a.flagsOrDefault(), a.file, a.anonVma);
    }

    /** Can this name be written in the one-line form? */
    static boolean plainName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
    }

    /** The one-line form of a layout VMA (the name must have no blank; see {@link #plainName}). */
    public static String vma(VmaSpec v) {
        StringBuilder b = new StringBuilder();
        b.append(v.name()).append(' ').append(hex(v.start())).append('-').append(hex(v.end())).append(' ')
                .append(flags(v.flags()));
        if (v.hasOps()) {
            b.append(" file");
        }
        if (v.anonVma() != 0) {
            b.append(" anon_vma ").append(v.anonVma());
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ operations

    /** One operation of a thread's program, e.g. {@code munmap 0x55555575d000 0x55555577e000}. */
    public static Op parseOp(String text) {
        List<Tok> ts = tokens(text);
        if (ts.isEmpty()) {
            throw new FormatException("empty operation", 0);
        }
        Tok head = ts.get(0);
        String op = head.text();
        int end = text.length();
        switch (op) {
            case "find_vma" -> {
                exact(ts, 2, "find_vma ADDR", end);
                return new Op.FindVma(num(ts.get(1), "address"));
            }
            case "get_vma" -> {
                exact(ts, 2, "get_vma ADDR", end);
                return new Op.GetVma(num(ts.get(1), "address"));
            }
            case "put_vma" -> {
                exact(ts, 1, "put_vma", end);
                return new Op.PutVma();
            }
            case "spf", "fault" -> {
                String usage = op + " ADDR [read|write]";
                if (ts.size() < 2 || ts.size() > 3) {
                    exact(ts, 2, usage, end);
                }
                long addr = num(ts.get(1), "address");
                boolean write = false;
                if (ts.size() == 3) {
                    String w = ts.get(2).text();
                    if (!w.equals("write") && !w.equals("read")) {
                        throw new FormatException("expected 'read' or 'write', not '" + Nodes.shorten(w) + "'",
                                ts.get(2).at());
                    }
                    write = w.equals("write");
                }
                return op.equals("spf") ? new Op.Spf(addr, write) : new Op.Fault(addr, write);
            }
            case "map" -> {
                String usage = "map NAME START-END [rw-] [growsdown] [file] [anon_vma N]";
                Tok name = need(ts, 1, "the VMA name", usage, end);
                checkName(name.text(), name.at());
                Tok r = need(ts, 2, "the range", usage, end);
                long[] se;
                int next;
                if (isRange(r)) {
                    se = range(r);
                    next = 3;
                } else {
                    Tok e = need(ts, 3, "the end address", usage, end);
                    se = new long[] {num(r, "start"), num(e, "end")};
                    next = 4;
                }
                checkRange(se[0], se[1], r.at());
                Attrs a = attrs(ts, next, false, end);
                return new Op.Map(name.text(), se[0], se[1], a.flagsOrDefault(), a.file, a.anonVma);
            }
            case "mmap" -> {
                Tok len = need(ts, 1, "the length", "mmap LEN [name N] [rw-] [file] [fixed ADDR|hint ADDR] "
                        + "[bottomup]", end);
                long l = num(len, "length");
                if (l == 0) {
                    throw new FormatException("the length must not be 0", len.at());
                }
                Attrs a = attrs(ts, 2, true, end);
                return new Op.Mmap(a.name == null ? "mmap" : a.name, a.addr, l, a.flagsOrDefault(), a.file,
                        a.fixed, a.bottomUp);
            }
            case "munmap" -> {
                String usage = "munmap START END";
                Tok r = need(ts, 1, "the start", usage, end);
                long[] se;
                if (isRange(r)) {
                    exact(ts, 2, usage, end);
                    se = range(r);
                } else {
                    exact(ts, 3, usage, end);
                    se = new long[] {num(r, "start"), num(ts.get(2), "end")};
                }
                if (Long.compareUnsigned(se[0], se[1]) >= 0) {
                    throw new FormatException("the start " + hex(se[0]) + " must be below the end " + hex(se[1]),
                            r.at());
                }
                return new Op.Munmap(se[0], se[1]);
            }
            case "brk" -> {
                exact(ts, 2, "brk ADDR", end);
                return new Op.Brk(num(ts.get(1), "address"));
            }
            case "search", "topdown", "bottomup" -> {
                int o = op.equals("search") ? 1 : 0;
                String usage = "search topdown|bottomup LEN LOW HIGH";
                exact(ts, 4 + o, usage, end);
                String dir = ts.get(o).text();
                if (!dir.equals("topdown") && !dir.equals("bottomup")) {
                    throw new FormatException("expected 'topdown' or 'bottomup', not '" + Nodes.shorten(dir) + "'",
                            ts.get(o).at());
                }
                return new Op.Search(num(ts.get(o + 1), "length"), num(ts.get(o + 2), "low limit"),
                        num(ts.get(o + 3), "high limit"), dir.equals("topdown"));
            }
            case "down_read" -> {
                exact(ts, 1, op, end);
                return new Op.DownRead();
            }
            case "up_read" -> {
                exact(ts, 1, op, end);
                return new Op.UpRead();
            }
            case "down_write" -> {
                exact(ts, 1, op, end);
                return new Op.DownWrite();
            }
            case "up_write" -> {
                exact(ts, 1, op, end);
                return new Op.UpWrite();
            }
            default -> throw new FormatException("unknown operation '" + Nodes.shorten(op) + "'"
                    + Nodes.suggest(op, OPS), head.at());
        }
    }

    private static void exact(List<Tok> ts, int n, String usage, int end) {
        if (ts.size() < n) {
            throw new FormatException("missing arguments: " + usage, end);
        }
        if (ts.size() > n) {
            throw new FormatException("too many words: " + usage, ts.get(n).at());
        }
    }

    /** The text of an operation, as {@link #parseOp} reads it back. */
    public static String op(Op op) {
        if (op instanceof Op.FindVma o) {
            return "find_vma " + hex(o.addr());
        } else if (op instanceof Op.GetVma o) {
            return "get_vma " + hex(o.addr());
        } else if (op instanceof Op.PutVma) {
            return "put_vma";
        } else if (op instanceof Op.Spf o) {
            return "spf " + hex(o.addr()) + (o.write() ? " write" : "");
        } else if (op instanceof Op.Fault o) {
            return "fault " + hex(o.addr()) + (o.write() ? " write" : "");
        } else if (op instanceof Op.Map o) {
            return "map " + o.name() + " " + hex(o.start()) + "-" + hex(o.end()) + " " + flags(o.flags())
                    + (o.hasOps() ? " file" : "") + (o.anonVma() != 0 ? " anon_vma " + o.anonVma() : "");
        } else if (op instanceof Op.Mmap o) {
            StringBuilder b = new StringBuilder("mmap ").append(hex(o.len()));
            if (!o.name().equals("mmap")) {
                b.append(" name ").append(o.name());
            }
            b.append(' ').append(flags(o.flags()));
            if (o.hasOps()) {
                b.append(" file");
            }
            if (o.fixed()) {
                b.append(" fixed ").append(hex(o.addr()));
            } else if (o.addr() != 0) {
                b.append(" hint ").append(hex(o.addr()));
            }
            if (o.bottomUp()) {
                b.append(" bottomup");
            }
            return b.toString();
        } else if (op instanceof Op.Munmap o) {
            return "munmap " + hex(o.start()) + " " + hex(o.end());
        } else if (op instanceof Op.Brk o) {
            return "brk " + hex(o.newBrk());
        } else if (op instanceof Op.Search o) {
            return "search " + (o.topDown() ? "topdown " : "bottomup ") + hex(o.len()) + " " + hex(o.low()) + " "
                    + hex(o.high());
        } else if (op instanceof Op.DownRead) {
            return "down_read";
        } else if (op instanceof Op.UpRead) {
            return "up_read";
        } else if (op instanceof Op.DownWrite) {
            return "down_write";
        } else if (op instanceof Op.UpWrite) {
            return "up_write";
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    /** Can {@link #op} write this operation so that it reads back equal? (names with blanks cannot) */
    static boolean writable(Op op) {
        if (op instanceof Op.Map o) {
            return plainName(o.name()) && Long.compareUnsigned(o.start(), o.end()) < 0
                    && ((o.start() | o.end()) & (Const.PAGE_SIZE - 1)) == 0;
        }
        if (op instanceof Op.Mmap o) {
            return plainName(o.name()) && o.len() != 0;
        }
        if (op instanceof Op.Munmap o) {
            return Long.compareUnsigned(o.start(), o.end()) < 0;
        }
        return true;
    }
}
