package org.vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Const;
import org.vmalab.engine.mm.Op;

/**
 * The one-line text of a thread's operation, as the scenario form edits it: the words of {@link Op#text()}
 * plus the options that text leaves out (flags, file mapping, anon_vma). {@link #format} and {@link #parse}
 * are inverse: {@code parse(format(op)) == op}.
 *
 * <pre>
 * find_vma ADDR | get_vma ADDR | put_vma | spf ADDR [write] | fault ADDR [write]
 * map NAME START END [rw-] [file] [anon=N] [growsdown]
 * mmap LEN [hint ADDR | fixed ADDR] [bottomup] [name=NAME] [rw-] [file]
 * munmap START END | brk ADDR | topdown LEN LOW HIGH | bottomup LEN LOW HIGH
 * down_read | up_read | down_write | up_write
 * </pre>
 * Numbers are hex with {@code 0x}, or decimal; {@code _} may separate digits.
 */
public final class OpText {
    /** Every operation keyword, for completion and "did you mean". */
    public static final List<String> KEYWORDS = List.of("find_vma", "get_vma", "put_vma", "spf", "fault", "map",
            "mmap", "munmap", "brk", "topdown", "bottomup", "down_read", "up_read", "down_write", "up_write");

    private OpText() {
    }

    /** A line that does not parse, with the reason in plain words. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        public ParseError(String message) {
            super(message);
        }
    }

    public static String format(Op op) {
        if (op instanceof Op.Map m) {
            return "map " + m.name() + " " + Fmt.hex(m.start()) + " " + Fmt.hex(m.end()) + " " + perms(m.flags())
                    + (m.hasOps() ? " file" : "") + (m.anonVma() != 0 ? " anon=" + m.anonVma() : "")
                    + ((m.flags() & Const.VM_GROWSDOWN) != 0 ? " growsdown" : "");
        }
        if (op instanceof Op.Mmap m) {
            StringBuilder b = new StringBuilder("mmap ").append(Fmt.hex(m.len()));
            if (m.addr() != 0) {
                b.append(m.fixed() ? " fixed " : " hint ").append(Fmt.hex(m.addr()));
            }
            if (m.bottomUp()) {
                b.append(" bottomup");
            }
            if (m.name() != null && !m.name().isEmpty()) {
                b.append(" name=").append(m.name());
            }
            b.append(' ').append(perms(m.flags()));
            if (m.hasOps()) {
                b.append(" file");
            }
            return b.toString();
        }
        return op.text();
    }

    static String perms(long flags) {
        return ((flags & Const.VM_READ) != 0 ? "r" : "-") + ((flags & Const.VM_WRITE) != 0 ? "w" : "-")
                + ((flags & Const.VM_EXEC) != 0 ? "x" : "-");
    }

    /** Parses one line (blank lines and {@code #} comments are the caller's business). */
    public static Op parse(String line) throws ParseError {
        String[] w = line.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            throw new ParseError("empty operation");
        }
        String k = w[0].toLowerCase(Locale.ROOT);
        switch (k) {
            case "find_vma" -> {
                args(w, 1, 1, "find_vma ADDR");
                return new Op.FindVma(num(w[1], "ADDR"));
            }
            case "get_vma" -> {
                args(w, 1, 1, "get_vma ADDR");
                return new Op.GetVma(num(w[1], "ADDR"));
            }
            case "put_vma" -> {
                args(w, 0, 0, "put_vma");
                return new Op.PutVma();
            }
            case "spf", "fault" -> {
                args(w, 1, 2, k + " ADDR [write]");
                boolean write = false;
                if (w.length == 3) {
                    if (!w[2].equalsIgnoreCase("write")) {
                        throw new ParseError("'" + w[2] + "': expected 'write' or nothing after the address");
                    }
                    write = true;
                }
                long a = num(w[1], "ADDR");
                return k.equals("spf") ? new Op.Spf(a, write) : new Op.Fault(a, write);
            }
            case "map" -> {
                if (w.length < 4) {
                    throw new ParseError("usage: map NAME START END [rw-] [file] [anon=N] [growsdown]");
                }
                long flags = Const.VM_READ | Const.VM_WRITE;
                boolean file = false;
                long anon = 0;
                for (int i = 4; i < w.length; i++) {
                    String o = w[i].toLowerCase(Locale.ROOT);
                    if (isPerms(o)) {
                        flags = (flags & ~(Const.VM_READ | Const.VM_WRITE | Const.VM_EXEC)) | permBits(o);
                    } else if (o.equals("file")) {
                        file = true;
                    } else if (o.startsWith("anon=")) {
                        anon = num(o.substring(5), "anon");
                    } else if (o.equals("growsdown")) {
                        flags |= Const.VM_GROWSDOWN;
                    } else {
                        throw new ParseError("'" + w[i] + "': expected rw-, file, anon=N or growsdown");
                    }
                }
                long s = num(w[2], "START");
                long e = num(w[3], "END");
                range(s, e);
                return new Op.Map(w[1], s, e, flags, file, anon);
            }
            case "mmap" -> {
                if (w.length < 2) {
                    throw new ParseError("usage: mmap LEN [hint ADDR | fixed ADDR] [bottomup] [name=NAME] [rw-] "
                            + "[file]");
                }
                long len = num(w[1], "LEN");
                if (len <= 0 || len % Const.PAGE_SIZE != 0) {
                    throw new ParseError("LEN must be a positive multiple of the page size (0x1000)");
                }
                long addr = 0;
                boolean fixed = false;
                boolean bottomUp = false;
                String name = "";
                long flags = Const.VM_READ | Const.VM_WRITE;
                boolean file = false;
                for (int i = 2; i < w.length; i++) {
                    String o = w[i].toLowerCase(Locale.ROOT);
                    if (o.equals("hint") || o.equals("fixed")) {
                        if (i + 1 >= w.length) {
                            throw new ParseError("'" + o + "' needs an address");
                        }
                        fixed = o.equals("fixed");
                        addr = num(w[++i], "ADDR");
                    } else if (o.equals("bottomup")) {
                        bottomUp = true;
                    } else if (o.startsWith("name=")) {
                        name = w[i].substring(5);
                    } else if (isPerms(o)) {
                        flags = permBits(o);
                    } else if (o.equals("file")) {
                        file = true;
                    } else {
                        throw new ParseError("'" + w[i] + "': expected hint ADDR, fixed ADDR, bottomup, name=NAME, "
                                + "rw- or file");
                    }
                }
                return new Op.Mmap(name, addr, len, flags, file, fixed, bottomUp);
            }
            case "munmap" -> {
                args(w, 2, 2, "munmap START END");
                long s = num(w[1], "START");
                long e = num(w[2], "END");
                range(s, e);
                return new Op.Munmap(s, e);
            }
            case "brk" -> {
                args(w, 1, 1, "brk ADDR");
                return new Op.Brk(num(w[1], "ADDR"));
            }
            case "topdown", "bottomup" -> {
                args(w, 3, 3, k + " LEN LOW HIGH");
                return new Op.Search(num(w[1], "LEN"), num(w[2], "LOW"), num(w[3], "HIGH"), k.equals("topdown"));
            }
            case "down_read" -> {
                args(w, 0, 0, k);
                return new Op.DownRead();
            }
            case "up_read" -> {
                args(w, 0, 0, k);
                return new Op.UpRead();
            }
            case "down_write" -> {
                args(w, 0, 0, k);
                return new Op.DownWrite();
            }
            case "up_write" -> {
                args(w, 0, 0, k);
                return new Op.UpWrite();
            }
            default -> {
                String near = nearest(k);
                throw new ParseError("unknown operation '" + w[0] + "'" + (near == null ? ""
                        : " (did you mean " + near + "?)"));
            }
        }
    }

    /** Parses a program: one operation per line; blank lines and {@code #} comments are skipped. */
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
            } catch (ParseError e) {
                errors.add(who + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return ops;
    }

    public static String formatProgram(List<Op> ops) {
        StringBuilder b = new StringBuilder();
        for (Op o : ops) {
            b.append(format(o)).append('\n');
        }
        return b.toString();
    }

    private static boolean isPerms(String o) {
        return o.length() == 3 && o.matches("[r-][w-][x-]");
    }

    private static long permBits(String o) {
        return (o.charAt(0) == 'r' ? Const.VM_READ : 0) | (o.charAt(1) == 'w' ? Const.VM_WRITE : 0)
                | (o.charAt(2) == 'x' ? Const.VM_EXEC : 0);
    }

    private static void args(String[] w, int min, int max, String usage) throws ParseError {
        int n = w.length - 1;
        if (n < min || n > max) {
            throw new ParseError("usage: " + usage);
        }
    }

    private static void range(long s, long e) throws ParseError {
        if (Long.compareUnsigned(s, e) >= 0) {
            throw new ParseError("END must be above START");
        }
        if (s % Const.PAGE_SIZE != 0 || e % Const.PAGE_SIZE != 0) {
            throw new ParseError("START and END must be page aligned (multiples of 0x1000)");
        }
    }

    /** A number: {@code 0x...} hex or decimal. */
    public static long num(String s, String what) throws ParseError {
        String t = s.strip().replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ParseError(what + " '" + s + "' is not a number (write hex as 0x...)");
        }
    }

    /** The keyword closest to {@code word} (edit distance at most 2), or null. */
    static String nearest(String word) {
        String best = null;
        int bestD = 3;
        for (String k : KEYWORDS) {
            int d = distance(word, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
