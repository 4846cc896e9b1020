package org.vmalab.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmalab.engine.Const;
import org.vmalab.engine.Protection;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.VmaSpec;

/**
 * Reads {@code /proc/PID/maps} (a file, or a process id on Linux) into the initial layout of a scenario. Each
 * line {@code start-end perms offset dev inode [path]} becomes a VMA named after its file ({@code libc.so.6}),
 * or {@code [heap]}, {@code [stack]}, {@code [anon]}, {@code [vdso]}...; repeated names get {@code ~2},
 * {@code ~3}. The model's attributes: a file or special mapping ({@code [vdso]}, {@code [vvar]}) has vm_ops;
 * an anonymous writable mapping has an anon_vma (it has been written, or it would not show its pages); the
 * main {@code [stack]} grows down. {@code [vsyscall]} is the gate area, not a VMA of the mm: it is skipped.
 */
public final class MapsImporter {
    /** Above this the address is not a user address, even with 5-level page tables. */
    static final long USER_LIMIT = 0x0100000000000000L;
    static final int MAX_LINE = 8192;

    private static final Pattern LINE = Pattern.compile(
            "^([0-9a-fA-F]{1,16})-([0-9a-fA-F]{1,16})\\s+([r-][w-][x-][ps])\\s+([0-9a-fA-F]{1,16})\\s+"
                    + "([0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8})\\s+([0-9]{1,20})(?:\\s+(.*))?$");

    /** What an import produced. */
    public record Result(String source, List<VmaSpec> vmas, int malformedSkipped, List<String> notes) {
        public Result {
            vmas = List.copyOf(vmas);
            notes = List.copyOf(notes);
        }
    }

    private MapsImporter() {
    }

    /** {@code file}, or {@code /proc/PID/maps} when {@code arg} is a number and no such file exists. */
    public static Path resolve(String arg) {
        Path p = Path.of(arg);
        if (!Files.exists(p) && arg.matches("[0-9]{1,9}")) {
            return Path.of("/proc", arg, "maps");
        }
        return p;
    }

    public static Result read(Path file, boolean lenient) throws MapsException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new MapsException(name + ": is a directory, not a maps file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MapsException(name + ": no such file" + (name.startsWith("/proc/") ? " (no such process?)" : ""));
        } catch (AccessDeniedException e) {
            throw new MapsException(name + ": cannot read the file (permission denied)");
        } catch (IOException e) {
            throw new MapsException(name + ": cannot read the file: " + e.getMessage());
        }
        if (bytes.length > 64 << 20) {
            throw new MapsException(name + ": the file is too large for a maps file (" + bytes.length + " bytes)");
        }
        /* paths may hold any bytes: decode leniently, the VMA names replace what is not UTF-8 */
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MapsException(name + ": cannot decode the file");
        }
        return parse(text, name, lenient);
    }

    /** Parses the text of a maps file; {@code lenient} skips malformed lines instead of failing on the first. */
    public static Result parse(String text, String source, boolean lenient) throws MapsException {
        List<VmaSpec> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int malformed = 0;
        long anonVma = 1;
        long prevEnd = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.endsWith("\r")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            if (raw.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            try {
                Parsed p = parseLine(raw);
                if ("[vsyscall]".equals(p.path)) {
                    notes.add(source + ":" + lineNo + ": skipped [vsyscall], the gate area, not a VMA of the mm");
                    continue;
                }
                if (Long.compareUnsigned(p.start, prevEnd) < 0) {
                    throw new IllegalArgumentException("[" + hex(p.start) + ", " + hex(p.end)
                            + ") overlaps or precedes the mapping above it (maps lists VMAs in address order)");
                }
                if (out.size() >= Const.MAX_MAP_COUNT) {
                    throw new IllegalArgumentException("more than " + Const.MAX_MAP_COUNT
                            + " VMAs (max_map_count)");
                }
                prevEnd = p.end;
                String base = baseName(p.path);
                int k = seen.merge(base, 1, Integer::sum);
                String vmaName = k == 1 ? base : base + "~" + k;
                long flags = (p.perms.charAt(0) == 'r' ? Const.VM_READ : 0)
                        | (p.perms.charAt(1) == 'w' ? Const.VM_WRITE : 0)
                        | (p.perms.charAt(2) == 'x' ? Const.VM_EXEC : 0)
                        | (p.perms.charAt(3) == 's' ? Const.VM_SHARED : 0)
                        | ("[stack]".equals(p.path) ? Const.VM_GROWSDOWN : 0);
                boolean file = p.path != null && !p.path.equals("[heap]") && !p.path.equals("[stack]")
                        && !p.path.startsWith("[stack:") && !p.path.startsWith("[anon");
                long av = !file && (flags & Const.VM_WRITE) != 0 && (flags & Const.VM_SHARED) == 0 ? anonVma++ : 0;
                out.add(new VmaSpec(vmaName, p.start, p.end, flags, file, av));
            } catch (IllegalArgumentException e) {
                String msg = source + ":" + lineNo + ": " + e.getMessage();
                if (!lenient) {
                    throw new MapsException(msg);
                }
                malformed++;
            }
        }
        if (out.isEmpty() && malformed == 0) {
            throw new MapsException(source + ":1: no mapping in the file (expected lines such as "
                    + "'55555555a000-55555555c000 r-xp 00000000 08:01 1234 /usr/bin/cat')");
        }
        return new Result(source, out, malformed, notes);
    }

    private record Parsed(long start, long end, String perms, String path) {
    }

    private static Parsed parseLine(String raw) {
        if (raw.length() > MAX_LINE) {
            throw new IllegalArgumentException("the line is too long (" + raw.length() + " characters)");
        }
        Matcher m = LINE.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException(explain(raw));
        }
        long start = Long.parseUnsignedLong(m.group(1), 16);
        long end = Long.parseUnsignedLong(m.group(2), 16);
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException("start " + hex(start) + " is not below end " + hex(end));
        }
        if (((start | end) & (Const.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("[" + hex(start) + ", " + hex(end) + ") is not page aligned");
        }
        String path = m.group(7) == null ? null : m.group(7).strip();
        if (path != null && path.isEmpty()) {
            path = null;
        }
        if (Long.compareUnsigned(end, USER_LIMIT) > 0 && !"[vsyscall]".equals(path)) {
            throw new IllegalArgumentException(hex(end) + " is above the user address space");
        }
        return new Parsed(start, end, m.group(3), path);
    }

    /** Says which field of a line is wrong. */
    private static String explain(String raw) {
        String[] f = raw.strip().split("\\s+", 6);
        if (!f[0].matches("[0-9a-fA-F]{1,16}-[0-9a-fA-F]{1,16}")) {
            return "expected START-END in hex, found '" + clip(f[0]) + "'";
        }
        if (f.length < 2 || !f[1].matches("[r-][w-][x-][ps]")) {
            return "expected permissions such as r-xp, found '" + (f.length < 2 ? "" : clip(f[1])) + "'";
        }
        if (f.length < 3 || !f[2].matches("[0-9a-fA-F]{1,16}")) {
            return "expected the file offset in hex, found '" + (f.length < 3 ? "" : clip(f[2])) + "'";
        }
        if (f.length < 4 || !f[3].matches("[0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8}")) {
            return "expected the device as MAJOR:MINOR, found '" + (f.length < 4 ? "" : clip(f[3])) + "'";
        }
        if (f.length < 5 || !f[4].matches("[0-9]{1,20}")) {
            return "expected the inode number, found '" + (f.length < 5 ? "" : clip(f[4])) + "'";
        }
        return "not a maps line";
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    /** The VMA's name: the file's name, or the bracketed name, or [anon]. */
    static String baseName(String path) {
        if (path == null) {
            return "[anon]";
        }
        String p = path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path;
        if (p.startsWith("[")) {
            return sanitize(p);
        }
        int slash = p.lastIndexOf('/');
        String b = slash >= 0 && slash < p.length() - 1 ? p.substring(slash + 1) : p;
        return sanitize(b);
    }

    private static String sanitize(String s) {
        String t = s.replaceAll("[\\s\\p{Cntrl}]", "_");
        if (t.length() > 180) {
            t = t.substring(0, 180);
        }
        return t.isEmpty() ? "[anon]" : t;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** The imported address space as a scenario with no threads (add them in the window or the file). */
    public static Scenario scenario(Result r) {
        String title = "Address space imported from " + r.source();
        return Scenario.of(title, r.vmas(), List.of(), Protection.PATCH);
    }
}
