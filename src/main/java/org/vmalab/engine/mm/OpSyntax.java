package org.vmalab.engine.mm;

import java.util.ArrayList;
import java.util.List;
import org.vmalab.engine.Const;
import org.vmalab.engine.Face;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.SyntaxException;
import org.vmalab.engine.VmaSpec;
import org.vmalab.engine.Words;

/**
 * The one text syntax of operations and VMAs, both ways: what lesson and scenario files, the scenario form and
 * the thread lanes write. {@code parse(format(x))} equals {@code x} for every value {@link #writable} accepts.
 * <pre>
 * find_vma ADDR | get_vma ADDR | put_vma | spf ADDR [read|write] | fault ADDR [read|write]
 * map NAME START-END [rw-] [shared] [growsdown|growsup] [file] [anon_vma N]
 * mmap LEN [name NAME] [rw-] [shared] [file] [fixed ADDR | hint ADDR] [bottomup]
 * munmap START END | brk ADDR | search topdown|bottomup LEN LOW HIGH
 * down_read | up_read | down_write | up_write
 * a layout VMA: NAME START-END [rw-] [shared] [growsdown|growsup] [file] [anon_vma N]
 * </pre>
 * Numbers are {@link Numbers#parse}: {@code 0x} hex or decimal. {@code map NAME START END} and {@code topdown LEN
 * LOW HIGH} (without {@code search}) are read too.
 */
@Face
public final class OpSyntax {
    private OpSyntax() {
    }

    /** The operation names, for suggestions and the schema. */
    public static final List<String> OPS = List.of("find_vma", "get_vma", "put_vma", "spf", "fault", "map", "mmap",
            "munmap", "mprotect", "brk", "search", "fork", "exit", "down_read", "up_read", "down_write", "up_write");

    static final long KNOWN_FLAGS = Const.VM_READ | Const.VM_WRITE | Const.VM_EXEC | Const.VM_SHARED
            | Const.VM_GROWSDOWN | Const.VM_GROWSUP;
    /** The flags of a VMA whose text names none: {@code rw-}. */
    public static final long DEFAULT_FLAGS = Const.VM_READ | Const.VM_WRITE;

    // ------------------------------------------------------------------ words

    /** A word of a one-line text and where it starts (0-based). */
    public record Word(String text, int at) {
    }

    /** The words of a one-line text, split at blanks. */
    public static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
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
                out.add(new Word(s.substring(st, i), st));
            }
        }
        return out;
    }

    private static long num(Word t, String what) {
        try {
            return Numbers.parse(t.text());
        } catch (SyntaxException e) {
            throw new SyntaxException(what + ": " + e.getMessage(), t.at());
        }
    }

    private static Word need(List<Word> ts, int i, String what, String usage, int end) {
        if (i >= ts.size()) {
            throw new SyntaxException("missing " + what + " (" + usage + ")", end);
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
            return "flags " + Numbers.hex(flags);
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

    /** Flags alone ({@code rw- shared growsdown}, {@code flags 0x103}); blank means {@link #DEFAULT_FLAGS}. */
    public static long parseFlags(String text) {
        Attrs a = attrs(words(text), 0, false, text.length());
        if (a.file || a.anonVma != 0) {
            throw new SyntaxException("flags holds only rwx, shared, growsdown, growsup (file and anon_vma are "
                    + "not flags)", 0);
        }
        return a.flagsOrDefault();
    }

    /** Flags, file, anon_vma, name and mmap placement read from attribute words. */
    private static final class Attrs {
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
    private static Attrs attrs(List<Word> ts, int from, boolean mmap, int end) {
        Attrs a = new Attrs();
        boolean perm = false;
        for (int i = from; i < ts.size(); i++) {
            Word t = ts.get(i);
            String w = t.text();
            if (isPerm(w)) {
                if (perm) {
                    throw new SyntaxException("two permission words", t.at());
                }
                perm = true;
                a.flags |= perm(w);
                a.flagsSet = true;
                continue;
            }
            switch (w) {
                case "growsdown", "growsup", "shared" -> {
                    a.flags |= w.equals("shared") ? Const.VM_SHARED : w.equals("growsup") ? Const.VM_GROWSUP
                            : Const.VM_GROWSDOWN;
                    a.flagsSet = true;
                    if (!perm) {
                        a.flags |= DEFAULT_FLAGS;
                    }
                }
                case "file" -> a.file = true;
                case "anon" -> {
                    if (mmap) {
                        throw new SyntaxException("'anon' is the default of mmap", t.at());
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
                            throw new SyntaxException("give one address: fixed ADDR or hint ADDR", t.at());
                        }
                        a.addr = num(need(ts, i + 1, "the address", w + " 0x7ffff7a00000", end), w);
                        a.fixed = w.equals("fixed");
                        a.hint = !a.fixed;
                        i++;
                    } else if (mmap && w.equals("bottomup")) {
                        a.bottomUp = true;
                    } else {
                        throw new SyntaxException("unknown word '" + Words.shorten(w) + "'"
                                + Words.suggest(w, mmap ? MMAP_WORDS : VMA_WORDS), t.at());
                    }
                }
            }
        }
        return a;
    }

    /** {@code START-END} in one word. */
    private static long[] range(Word t) {
        int dash = t.text().indexOf('-');
        if (dash <= 0 || dash == t.text().length() - 1) {
            throw new SyntaxException("expected a range START-END such as 0x1000-0x3000, not '"
                    + Words.shorten(t.text()) + "'", t.at());
        }
        long s = num(new Word(t.text().substring(0, dash), t.at()), "start");
        long e = num(new Word(t.text().substring(dash + 1), t.at() + dash + 1), "end");
        return new long[] {s, e};
    }

    private static boolean isRange(Word t) {
        return t.text().indexOf('-') > 0;
    }

    private static void check(String problem, int at) {
        if (problem != null) {
            throw new SyntaxException(problem, at);
        }
    }

    /** A layout VMA: {@code NAME START-END [rw-] [shared] [growsdown] [file] [anon_vma N]}. */
    public static VmaSpec parseVma(String line) {
        List<Word> ts = words(line);
        String usage = "NAME START-END [rw-] [growsdown] [file] [anon_vma N]";
        Word name = need(ts, 0, "the VMA name", usage, line.length());
        check(VmaSpec.nameProblem(name.text()), name.at());
        Word r = need(ts, 1, "the range", usage, line.length());
        long[] se = range(r);
        check(VmaSpec.rangeProblem(se[0], se[1]), r.at());
        Attrs a = attrs(ts, 2, false, line.length());
        return new VmaSpec(name.text(), se[0], se[1], a.flagsOrDefault(), a.file, a.anonVma);
    }

    /** Can this name be written in the one-line form (not empty, no blank)? */
    public static boolean plainName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
    }

    /** The one-line form of a layout VMA (the name must have no blank; see {@link #plainName}). */
    public static String formatVma(VmaSpec v) {
        StringBuilder b = new StringBuilder();
        b.append(v.name()).append(' ').append(Numbers.hex(v.start())).append('-').append(Numbers.hex(v.end()))
                .append(' ').append(flags(v.flags()));
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
    public static Op parse(String text) {
        List<Word> ts = words(text);
        if (ts.isEmpty()) {
            throw new SyntaxException("empty operation", 0);
        }
        Word head = ts.get(0);
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
                        throw new SyntaxException("expected 'read' or 'write', not '" + Words.shorten(w) + "'",
                                ts.get(2).at());
                    }
                    write = w.equals("write");
                }
                return op.equals("spf") ? new Op.Spf(addr, write) : new Op.Fault(addr, write);
            }
            case "map" -> {
                String usage = "map NAME START-END [rw-] [growsdown] [file] [anon_vma N]";
                Word name = need(ts, 1, "the VMA name", usage, end);
                check(VmaSpec.nameProblem(name.text()), name.at());
                Word r = need(ts, 2, "the range", usage, end);
                long[] se;
                int next;
                if (isRange(r)) {
                    se = range(r);
                    next = 3;
                } else {
                    Word e = need(ts, 3, "the end address", usage, end);
                    se = new long[] {num(r, "start"), num(e, "end")};
                    next = 4;
                }
                check(VmaSpec.rangeProblem(se[0], se[1]), r.at());
                Attrs a = attrs(ts, next, false, end);
                return new Op.Map(name.text(), se[0], se[1], a.flagsOrDefault(), a.file, a.anonVma);
            }
            case "mmap" -> {
                Word len = need(ts, 1, "the length", "mmap LEN [name N] [rw-] [file] [fixed ADDR|hint ADDR] "
                        + "[bottomup]", end);
                long l = num(len, "length");
                if (l == 0) {
                    throw new SyntaxException("the length must not be 0", len.at());
                }
                Attrs a = attrs(ts, 2, true, end);
                return new Op.Mmap(a.name == null ? "mmap" : a.name, a.addr, l, a.flagsOrDefault(), a.file,
                        a.fixed, a.bottomUp);
            }
            case "munmap" -> {
                String usage = "munmap START END";
                Word r = need(ts, 1, "the start", usage, end);
                long[] se;
                if (isRange(r)) {
                    exact(ts, 2, usage, end);
                    se = range(r);
                } else {
                    exact(ts, 3, usage, end);
                    se = new long[] {num(r, "start"), num(ts.get(2), "end")};
                }
                if (Long.compareUnsigned(se[0], se[1]) >= 0) {
                    throw new SyntaxException("the start " + Numbers.hex(se[0]) + " must be below the end "
                            + Numbers.hex(se[1]), r.at());
                }
                return new Op.Munmap(se[0], se[1]);
            }
            case "mprotect" -> {
                String usage = "mprotect START END PROT (PROT: r--, rw-, r-x, rwx, ---)";
                Word r = need(ts, 1, "the start", usage, end);
                long[] se;
                int p;
                if (isRange(r)) {
                    se = range(r);
                    p = 2;
                } else {
                    se = new long[] {num(r, "start"), num(need(ts, 2, "the end", usage, end), "end")};
                    p = 3;
                }
                exact(ts, p + 1, usage, end);
                if (Long.compareUnsigned(se[0], se[1]) >= 0) {
                    throw new SyntaxException("the start " + Numbers.hex(se[0]) + " must be below the end "
                            + Numbers.hex(se[1]),
                            r.at());
                }
                String w = ts.get(p).text();
                if (!w.matches("[r-][w-][x-]")) {
                    throw new SyntaxException("expected a protection like rw- or r-x, not '" + Words.shorten(w) + "'",
                            ts.get(p).at());
                }
                return new Op.Mprotect(se[0], se[1], perm(w));
            }
            case "fork" -> {
                exact(ts, 1, op, end);
                return new Op.Fork();
            }
            case "exit" -> {
                exact(ts, 1, op, end);
                return new Op.Exit();
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
                    throw new SyntaxException("expected 'topdown' or 'bottomup', not '" + Words.shorten(dir) + "'",
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
            default -> throw new SyntaxException("unknown operation '" + Words.shorten(op) + "'"
                    + Words.suggest(op, OPS), head.at());
        }
    }

    private static void exact(List<Word> ts, int n, String usage, int end) {
        if (ts.size() < n) {
            throw new SyntaxException("missing arguments: " + usage, end);
        }
        if (ts.size() > n) {
            throw new SyntaxException("too many words: " + usage, ts.get(n).at());
        }
    }

    /** The text of an operation, as {@link #parse} reads it back (this is {@link Op#text()}). */
    public static String format(Op op) {
        if (op instanceof Op.FindVma o) {
            return "find_vma " + Numbers.hex(o.addr());
        }
        if (op instanceof Op.GetVma o) {
            return "get_vma " + Numbers.hex(o.addr());
        }
        if (op instanceof Op.PutVma) {
            return "put_vma";
        }
        if (op instanceof Op.Spf o) {
            return "spf " + Numbers.hex(o.addr()) + (o.write() ? " write" : "");
        }
        if (op instanceof Op.Fault o) {
            return "fault " + Numbers.hex(o.addr()) + (o.write() ? " write" : "");
        }
        if (op instanceof Op.Map o) {
            return "map " + o.name() + " " + Numbers.hex(o.start()) + "-" + Numbers.hex(o.end()) + " "
                    + flags(o.flags()) + (o.hasOps() ? " file" : "") + (o.anonVma() != 0 ? " anon_vma "
                    + o.anonVma() : "");
        }
        if (op instanceof Op.Mmap o) {
            StringBuilder b = new StringBuilder("mmap ").append(Numbers.hex(o.len()));
            if (!o.name().equals("mmap")) {
                b.append(" name ").append(o.name());
            }
            b.append(' ').append(flags(o.flags()));
            if (o.hasOps()) {
                b.append(" file");
            }
            if (o.fixed()) {
                b.append(" fixed ").append(Numbers.hex(o.addr()));
            } else if (o.addr() != 0) {
                b.append(" hint ").append(Numbers.hex(o.addr()));
            }
            if (o.bottomUp()) {
                b.append(" bottomup");
            }
            return b.toString();
        }
        if (op instanceof Op.Munmap o) {
            return "munmap " + Numbers.hex(o.start()) + " " + Numbers.hex(o.end());
        }
        if (op instanceof Op.Mprotect o) {
            return "mprotect " + Numbers.hex(o.start()) + " " + Numbers.hex(o.end()) + " " + flags(o.prot());
        }
        if (op instanceof Op.Brk o) {
            return "brk " + Numbers.hex(o.newBrk());
        }
        if (op instanceof Op.Search o) {
            return "search " + (o.topDown() ? "topdown " : "bottomup ") + Numbers.hex(o.len()) + " "
                    + Numbers.hex(o.low()) + " " + Numbers.hex(o.high());
        }
        if (op instanceof Op.DownRead) {
            return "down_read";
        }
        if (op instanceof Op.UpRead) {
            return "up_read";
        }
        if (op instanceof Op.DownWrite) {
            return "down_write";
        }
        if (op instanceof Op.UpWrite) {
            return "up_write";
        }
        if (op instanceof Op.Fork) {
            return "fork";
        }
        if (op instanceof Op.Exit) {
            return "exit";
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    /** Can {@link #format} write this operation so that it reads back equal? (names with blanks cannot) */
    public static boolean writable(Op op) {
        if (op instanceof Op.Map o) {
            return plainName(o.name()) && VmaSpec.rangeProblem(o.start(), o.end()) == null;
        }
        if (op instanceof Op.Mmap o) {
            return plainName(o.name()) && o.len() != 0;
        }
        if (op instanceof Op.Munmap o) {
            return Long.compareUnsigned(o.start(), o.end()) < 0;
        }
        if (op instanceof Op.Mprotect o) {
            return Long.compareUnsigned(o.start(), o.end()) < 0 && (o.prot() & ~(Const.VM_READ | Const.VM_WRITE
                    | Const.VM_EXEC)) == 0;
        }
        return true;
    }

    /**
     * A program: one operation per line; blank lines and {@code #} comments are skipped. Each bad line adds
     * "{@code who} line N: reason" to {@code errors}.
     */
    public static List<Op> parseProgram(String text, List<String> errors, String who) {
        List<Op> ops = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            if (l.isBlank()) {
                continue;
            }
            try {
                ops.add(parse(l));
            } catch (SyntaxException e) {
                errors.add(who + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return ops;
    }

    /** A program, one operation per line, as {@link #parseProgram} reads it back. */
    public static String formatProgram(List<Op> ops) {
        StringBuilder b = new StringBuilder();
        for (Op o : ops) {
            b.append(format(o)).append('\n');
        }
        return b.toString();
    }
}
