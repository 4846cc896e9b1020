package org.vmalab.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
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
    /** The longest line: a path (PATH_MAX, 4096) and the fields before it fit. */
    static final int MAX_LINE = 8192;
    /** The largest file read with the default max_map_count: 65,530 lines of 1 KiB. */
    static final int MAX_BYTES = 64 << 20;
    /** Bytes allowed per VMA above the default: a larger max_map_count reads at most 1 KiB a line more. */
    static final int BYTES_PER_VMA = 1024;

    private static final Pattern LINE = Pattern.compile(
            "^([0-9a-fA-F]{1,16})-([0-9a-fA-F]{1,16})\\s+([r-][w-][x-][ps])\\s+([0-9a-fA-F]{1,16})\\s+"
                    + "([0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8})\\s+([0-9]{1,20})(?:\\s+(.*))?$");

    /** What an import produced; {@code maxMapCount} is the limit it was read with. */
    public record Result(String source, List<VmaSpec> vmas, int malformedSkipped, List<String> notes,
                         int maxMapCount) {
        public Result {
            vmas = List.copyOf(vmas);
            notes = List.copyOf(notes);
        }

        public Result withMaxMapCount(int n) {
            return new Result(source, vmas, malformedSkipped, notes, n);
        }
    }

    /** The most VMAs the window imports: the vm.max_map_count that several distributions ship. */
    public static final int WINDOW_MAX_MAP_COUNT = 1 << 20;

    /**
     * A maps file as the window imports it (it has no option to ask for a max_map_count): up to
     * {@link #WINDOW_MAX_MAP_COUNT} VMAs; the scenario keeps the kernel's default max_map_count when the file fits
     * in it, else 1,048,576 (a process with more VMAs than the default ran on a system tuned so).
     */
    public static Result readForWindow(Path file) throws MapsException {
        Result r = read(file, false, WINDOW_MAX_MAP_COUNT, LineProgress.NONE);
        return r.vmas().size() <= Const.MAX_MAP_COUNT ? r.withMaxMapCount(Const.MAX_MAP_COUNT) : r;
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

    /**
     * Reads a maps file (or {@code /proc/PID/maps}) with the kernel's default max_map_count. It is read as a
     * stream, never more than {@link #maxBytes} bytes and never a line longer than {@link #MAX_LINE} bytes,
     * whatever the file is (a device, a pipe).
     */
    public static Result read(Path file, boolean lenient) throws MapsException {
        return read(file, lenient, Const.MAX_MAP_COUNT, LineProgress.NONE);
    }

    /**
     * The most bytes read for a given max_map_count: {@link #MAX_BYTES} (65,530 lines of 1 KiB), and 1 KiB more
     * for every VMA above 65,530.
     */
    public static long maxBytes(int maxMapCount) {
        return MAX_BYTES + (long) Math.max(0, maxMapCount - Const.MAX_MAP_COUNT) * BYTES_PER_VMA;
    }

    /** Checks a max_map_count asked for: a message naming the limits, or null when it is fine. */
    public static String maxMapCountProblem(long n) {
        if (n < 1 || n > Const.MAX_MAP_COUNT_LIMIT) {
            return "max_map_count " + n + " is outside 1.." + Const.MAX_MAP_COUNT_LIMIT + " (the kernel's default is "
                    + Const.MAX_MAP_COUNT + "; several distributions ship 1048576)";
        }
        return null;
    }

    /**
     * How far reading is: {@code lines} lines, {@code bytes} bytes so far (for a progress bar). Called on the thread
     * that reads the bytes, not the caller's.
     */
    @FunctionalInterface
    public interface LineProgress {
        LineProgress NONE = (lines, bytes) -> { };

        void at(int lines, long bytes);
    }

    /**
     * {@link #read(Path, boolean)} with at most {@code maxMapCount} VMAs (the tunable {@code vm.max_map_count}),
     * telling {@code progress} every 1,024 lines.
     */
    public static Result read(Path file, boolean lenient, int maxMapCount, LineProgress progress)
            throws MapsException {
        String problem = maxMapCountProblem(maxMapCount);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new MapsException(name + ": is a directory, not a maps file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, lenient, maxMapCount, progress);
        } catch (NoSuchFileException e) {
            throw new MapsException(name + ": no such file" + (name.startsWith("/proc/") ? " (no such process?)" : ""));
        } catch (AccessDeniedException e) {
            throw new MapsException(name + ": cannot read the file (permission denied)");
        } catch (IOException e) {
            throw new MapsException(name + ": cannot read the file: " + e.getMessage());
        }
    }

    /** Reads a maps file from {@code in} within the limits of {@link #read(Path, boolean)}. */
    public static Result read(InputStream in, String source, boolean lenient) throws MapsException, IOException {
        return read(in, source, lenient, Const.MAX_MAP_COUNT, LineProgress.NONE);
    }

    /**
     * Reads in two stages on two threads, for a million-line file on two cores: a reader thread splits the bytes
     * into lines and parses each line on its own ({@link Lines#prepare}); this thread takes the parsed lines in
     * order and does what depends on the lines before (the order, the count, the unique names: {@link Lines#take}).
     * The first problem in file order is the one reported, as when read in one pass.
     */
    private static Result read(InputStream in, String source, boolean lenient, int maxMapCount,
                               LineProgress progress) throws MapsException, IOException {
        Lines lines = new Lines(source, lenient, maxMapCount);
        long maxBytes = maxBytes(maxMapCount);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(32);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> split(in, source, maxBytes, maxMapCount, progress, queue, stop),
                "vmalab-maps-read");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object o = queue.take();
                if (o instanceof Item[] batch) {
                    for (Item it : batch) {
                        if (it == null) {
                            break;
                        }
                        lines.take(it);
                    }
                } else if (o == END) {
                    break;
                } else if (o instanceof MapsException e) {
                    throw new MapsException(e.getMessage());
                } else if (o instanceof IOException e) {
                    throw e;
                } else if (o instanceof RuntimeException e) {
                    throw e;
                } else if (o instanceof Error e) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } finally {
            stop.set(true);
            queue.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return lines.finish();
    }

    /** The end of the lines, on the queue between the two stages of {@link #read}. */
    private static final Object END = new Object();
    /** Lines handed from the reader thread to the other in a batch. */
    private static final int BATCH = 2048;

    /**
     * The reader's stage of {@link #read}: the bytes of {@code in} split into lines, each line prepared, in batches on
     * {@code queue}; then {@link #END}, or the problem that stopped it (the file too large, an I/O error).
     */
    private static void split(InputStream in, String source, long maxBytes, int maxMapCount, LineProgress progress,
                              BlockingQueue<Object> queue, AtomicBoolean stop) {
        Batches out = new Batches(queue, stop);
        Object last = END;
        try {
            Chunks b = new Chunks(in);
            byte[] buf = new byte[MAX_LINE];
            long total = 0;
            for (int lineNo = 1; ; lineNo++) {
                if ((lineNo & 1023) == 0) {
                    if (stop.get()) {
                        return;
                    }
                    progress.at(lineNo, total);
                }
                // the usual line: whole in the chunk, short enough, within the file's limit; decoded where it lies
                int fast = b.lineLength(MAX_LINE);
                if (fast >= 0 && total + fast <= maxBytes) {
                    total += fast + 1;
                    if (!out.add(Lines.prepare(b.take(fast), lineNo))) {
                        return;
                    }
                    continue;
                }
                int len = 0;
                boolean tooLong = false;
                int c;
                while ((c = b.read()) >= 0 && c != '\n') {
                    if (++total > maxBytes) {
                        throw new MapsException(source + ": the file is too large for a maps file (more than "
                                + (maxBytes >> 20) + " MiB, the limit with max_map_count " + maxMapCount + ")");
                    }
                    if (len < buf.length) {
                        buf[len++] = (byte) c;
                    } else if (!tooLong) {
                        // said at once, before anything later in the line (the file's size limit)
                        tooLong = true;
                        if (!out.add(new Item(lineNo, null, null, "the line is too long (more than " + MAX_LINE
                                + " bytes)"))) {
                            return;
                        }
                    }
                }
                total++;
                if (c < 0 && len == 0) {
                    break;
                }
                /* paths may hold any bytes: decode leniently, the VMA names replace what is not UTF-8 */
                if (!tooLong && !out.add(Lines.prepare(new String(buf, 0, len, StandardCharsets.UTF_8), lineNo))) {
                    return;
                }
                if (c < 0) {
                    break;
                }
            }
        } catch (MapsException | IOException | RuntimeException | Error e) {
            last = e;
        }
        if (out.flush()) {
            hand(queue, last, stop);
        }
    }

    /** The reader's lines, handed to the other stage {@link #BATCH} at a time. */
    private static final class Batches {
        private final BlockingQueue<Object> queue;
        private final AtomicBoolean stop;
        private Item[] batch = new Item[BATCH];
        private int n;

        Batches(BlockingQueue<Object> queue, AtomicBoolean stop) {
            this.queue = queue;
            this.stop = stop;
        }

        /** Adds a prepared line (none for null); false when the other stage stopped taking. */
        boolean add(Item it) {
            if (it == null) {
                return true;
            }
            batch[n++] = it;
            return n < BATCH || flush();
        }

        /** Hands what was added; false when the other stage stopped taking. */
        boolean flush() {
            if (n == 0) {
                return true;
            }
            if (!hand(queue, batch, stop)) {
                return false;
            }
            batch = new Item[BATCH];
            n = 0;
            return true;
        }
    }

    /** Puts {@code o} on the queue unless the other stage stopped taking (false then). */
    private static boolean hand(BlockingQueue<Object> queue, Object o, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * One line of a maps file read on its own: its reading, or why it cannot be read; {@code base} is the name its
     * path gives (null when the path's name is left to {@link Lines#take}).
     */
    private record Item(int lineNo, Parsed parsed, String base, String error) {
    }

    /** Bytes of a stream one at a time from 64 KiB chunks (a BufferedInputStream takes a lock for each byte). */
    private static final class Chunks {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int lim;

        Chunks(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (pos == lim) {
                int n = in.read(chunk, 0, chunk.length);
                while (n == 0) {
                    n = in.read(chunk, 0, chunk.length);
                }
                if (n < 0) {
                    return -1;
                }
                pos = 0;
                lim = n;
            }
            return chunk[pos++] & 0xff;
        }

        /**
         * The length in bytes of the line at the read position when its newline is in the chunk read already and it
         * has at most {@code max} bytes before it; -1 otherwise (the line is read byte by byte then).
         */
        int lineLength(int max) {
            int end = Math.min(lim, pos + max + 1);
            for (int i = pos; i < end; i++) {
                if (chunk[i] == '\n') {
                    return i - pos;
                }
            }
            return -1;
        }

        /** The line of {@code len} bytes at the read position, decoded, and its newline: read. */
        String take(int len) {
            /* paths may hold any bytes: decode leniently, the VMA names replace what is not UTF-8 */
            String t = new String(chunk, pos, len, StandardCharsets.UTF_8);
            pos += len + 1;
            return t;
        }
    }

    /** Parses the text of a maps file; {@code lenient} skips malformed lines instead of failing on the first. */
    public static Result parse(String text, String source, boolean lenient) throws MapsException {
        return parse(text, source, lenient, Const.MAX_MAP_COUNT);
    }

    /** {@link #parse(String, String, boolean)} with at most {@code maxMapCount} VMAs. */
    public static Result parse(String text, String source, boolean lenient, int maxMapCount) throws MapsException {
        Lines lines = new Lines(source, lenient, maxMapCount);
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            lines.line(all[i], i + 1);
        }
        return lines.finish();
    }

    /** The lines of one maps file, one at a time. */
    private static final class Lines {
        private final String source;
        private final boolean lenient;
        private final int maxMapCount;
        private final List<VmaSpec> out = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final UniqueNames names = new UniqueNames();
        private int malformed;
        private long anonVma = 1;
        private long prevEnd;

        Lines(String source, boolean lenient, int maxMapCount) {
            this.source = source;
            this.lenient = lenient;
            this.maxMapCount = maxMapCount;
        }

        void line(String text, int lineNo) throws MapsException {
            Item it = prepare(text, lineNo);
            if (it != null) {
                take(it);
            }
        }

        /** What a line says on its own (no state: any thread), or null for a blank line. */
        static Item prepare(String text, int lineNo) {
            String raw = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (raw.isBlank()) {
                return null;
            }
            Parsed p;
            try {
                p = parseLine(raw);
            } catch (IllegalArgumentException e) {
                return new Item(lineNo, null, null, e.getMessage());
            }
            String base = null;
            try {
                base = baseName(p.path);
            } catch (IllegalArgumentException e) {
                // left to take, in the order a one-pass reading meets it
            }
            return new Item(lineNo, p, base, null);
        }

        /** Takes a prepared line: what depends on the lines before it (order, count, unique names). */
        void take(Item it) throws MapsException {
            int lineNo = it.lineNo();
            if (it.error() != null) {
                bad(lineNo, it.error());
                return;
            }
            try {
                Parsed p = it.parsed();
                if ("[vsyscall]".equals(p.path)) {
                    notes.add(source + ":" + lineNo + ": skipped [vsyscall], the gate area, not a VMA of the mm");
                    return;
                }
                if (Long.compareUnsigned(p.start, prevEnd) < 0) {
                    throw new IllegalArgumentException("[" + Numbers.hex(p.start) + ", " + Numbers.hex(p.end)
                            + ") overlaps or precedes the mapping above it (maps lists VMAs in address order)");
                }
                if (out.size() >= maxMapCount) {
                    String hint = maxMapCount == Const.MAX_MAP_COUNT
                            ? ", the kernel's default; import --max-map-count N raises it" : "";
                    throw new IllegalArgumentException("more than " + maxMapCount + " VMAs (max_map_count" + hint
                            + ")");
                }
                prevEnd = p.end;
                long flags = (p.perms.charAt(0) == 'r' ? Const.VM_READ : 0)
                        | (p.perms.charAt(1) == 'w' ? Const.VM_WRITE : 0)
                        | (p.perms.charAt(2) == 'x' ? Const.VM_EXEC : 0)
                        | (p.perms.charAt(3) == 's' ? Const.VM_SHARED : 0)
                        | ("[stack]".equals(p.path) ? Const.VM_GROWSDOWN : 0);
                boolean file = p.path != null && !p.path.equals("[heap]") && !p.path.equals("[stack]")
                        && !p.path.startsWith("[stack:") && !p.path.startsWith("[anon");
                long av = !file && (flags & Const.VM_WRITE) != 0 && (flags & Const.VM_SHARED) == 0 ? anonVma++ : 0;
                out.add(new VmaSpec(names.name(it.base() != null ? it.base() : baseName(p.path)), p.start, p.end, flags,
                        file, av));
            } catch (IllegalArgumentException e) {
                bad(lineNo, e.getMessage());
            }
        }

        void bad(int lineNo, String message) throws MapsException {
            if (!lenient) {
                throw new MapsException(source + ":" + lineNo + ": " + message);
            }
            malformed++;
        }

        Result finish() throws MapsException {
            if (out.isEmpty()) {
                throw new MapsException(source + ":1: no mapping in the file" + (malformed > 0 ? " (" + malformed
                        + " malformed line" + (malformed > 1 ? "s" : "") + " skipped)" : " (expected lines such as "
                        + "'55555555a000-55555555c000 r-xp 00000000 08:01 1234 /usr/bin/cat')"));
            }
            return new Result(source, out, malformed, notes, maxMapCount);
        }
    }

    /**
     * A name no other VMA has: the base, else {@code base~2}, {@code base~3}... past any name already taken. The same
     * names as a set of every name taken gives, without that set (a million names, a hash and an entry each): a name
     * is either its base given as it is, or {@code base~k} given by the base's count, and two such names can only be
     * equal when the base given as it is has a {@code ~} in it. So only those are kept, with the names a base skipped
     * because one of them had taken it; whether {@code p~j} was given by the count of {@code p} is the count itself.
     */
    static final class UniqueNames {
        /** How many times each base was met (and each name it skipped): its next {@code ~k}. */
        private final Map<String, Integer> seen = new HashMap<>();
        /** The bases given as they are that contain a {@code ~}: the only names a {@code base~k} can be equal to. */
        private final Set<String> literals = new HashSet<>();
        /** The {@code base~k} names a base skipped because a name of {@link #literals} had them (rare). */
        private final Set<String> skipped = new HashSet<>();

        String name(String base) {
            int k = seen.merge(base, 1, Integer::sum);
            if (k == 1) {
                if (!counted(base)) {
                    if (base.indexOf('~') >= 0) {
                        literals.add(base);
                    }
                    return base;
                }
                k = seen.merge(base, 1, Integer::sum);
            }
            while (true) {
                String n = base + "~" + k;
                if (!literals.contains(n)) {
                    return n;
                }
                skipped.add(n);
                k = seen.merge(base, 1, Integer::sum);
            }
        }

        /** Was {@code n} given before as {@code p~j} by the count of {@code p} (the part before its last {@code ~})? */
        private boolean counted(String n) {
            int i = n.lastIndexOf('~');
            int digits = n.length() - i - 1;
            if (i < 0 || digits == 0 || digits > 9 || n.charAt(i + 1) == '0') {
                return false;
            }
            for (int c = i + 1; c < n.length(); c++) {
                if (n.charAt(c) < '0' || n.charAt(c) > '9') {
                    return false;
                }
            }
            int j = Integer.parseInt(n, i + 1, n.length(), 10);
            Integer count = seen.get(n.substring(0, i));
            return j >= 2 && count != null && j <= count && !skipped.contains(n);
        }
    }

    private record Parsed(long start, long end, String perms, String path) {
    }

    private static Parsed parseLine(String raw) {
        if (raw.length() > MAX_LINE) {
            throw new IllegalArgumentException("the line is too long (" + raw.length() + " characters)");
        }
        Parsed fast = parseUsual(raw);
        return fast != null ? fast : parseByPattern(raw);
    }

    /** How the fast reading and the regular expression read a line: they must agree where the fast one reads it. */
    static String[] bothReadings(String raw) {
        Parsed usual = parseUsual(raw);
        String pattern;
        try {
            pattern = parseByPattern(raw).toString();
        } catch (IllegalArgumentException e) {
            pattern = "error: " + e.getMessage();
        }
        return new String[] {usual == null ? null : usual.toString(), pattern};
    }

    private static Parsed parseByPattern(String raw) {
        Matcher m = LINE.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException(explain(raw));
        }
        long start = Numbers.parseHex(m.group(1));
        long end = Numbers.parseHex(m.group(2));
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException("start " + Numbers.hex(start) + " is not below end "
                    + Numbers.hex(end));
        }
        if (((start | end) & (Const.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("[" + Numbers.hex(start) + ", " + Numbers.hex(end)
                    + ") is not page aligned");
        }
        String path = m.group(7) == null ? null : m.group(7).strip();
        if (path != null && path.isEmpty()) {
            path = null;
        }
        if (Long.compareUnsigned(end, USER_LIMIT) > 0 && !"[vsyscall]".equals(path)) {
            throw new IllegalArgumentException(Numbers.hex(end) + " is above the user address space");
        }
        return new Parsed(start, end, m.group(3), path);
    }

    /**
     * The usual line, read without the regular expression (a million-line file reads in a fraction of the time):
     * the fields separated by blanks or tabs, the path without a line-breaking character. Anything else (and every
     * error) gives null, and the regular expression decides, with its messages.
     */
    private static Parsed parseUsual(String raw) {
        int n = raw.length();
        int i = 0;
        int a = hexEnd(raw, i, 16);
        if (a < 0 || a >= n || raw.charAt(a) != '-') {
            return null;
        }
        int b = hexEnd(raw, a + 1, 16);
        if (b < 0) {
            return null;
        }
        int p = blanks(raw, b);
        if (p < 0 || p + 4 > n) {
            return null;
        }
        char r = raw.charAt(p);
        char w = raw.charAt(p + 1);
        char x = raw.charAt(p + 2);
        char sh = raw.charAt(p + 3);
        if ((r != 'r' && r != '-') || (w != 'w' && w != '-') || (x != 'x' && x != '-') || (sh != 'p' && sh != 's')) {
            return null;
        }
        int o = blanks(raw, p + 4);
        int oe = o < 0 ? -1 : hexEnd(raw, o, 16);
        int d = oe < 0 ? -1 : blanks(raw, oe);
        int dm = d < 0 ? -1 : hexEnd(raw, d, 8);
        if (dm < 0 || dm >= n || raw.charAt(dm) != ':') {
            return null;
        }
        int de = hexEnd(raw, dm + 1, 8);
        int in = de < 0 ? -1 : blanks(raw, de);
        if (in < 0) {
            return null;
        }
        int ie = in;
        while (ie < n && ie - in < 21 && raw.charAt(ie) >= '0' && raw.charAt(ie) <= '9') {
            ie++;
        }
        if (ie == in || ie - in > 20) {
            return null;
        }
        String path = null;
        if (ie < n) {
            int q = blanks(raw, ie);
            if (q < 0) {
                return null;
            }
            for (int k = q; k < n; k++) {
                char c = raw.charAt(k);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u000b'
                        || c == '\f') {
                    return null;
                }
            }
            path = raw.substring(q).strip();
            if (path.isEmpty()) {
                path = null;
            }
        }
        long start = Long.parseUnsignedLong(raw, 0, a, 16);
        long end = Long.parseUnsignedLong(raw, a + 1, b, 16);
        if (Long.compareUnsigned(start, end) >= 0 || ((start | end) & (Const.PAGE_SIZE - 1)) != 0
                || Long.compareUnsigned(end, USER_LIMIT) > 0 && !"[vsyscall]".equals(path)) {
            return null;
        }
        return new Parsed(start, end, raw.substring(p, p + 4), path);
    }

    /** The end of 1 to {@code max} hex digits at {@code i}, or -1. */
    private static int hexEnd(String s, int i, int max) {
        int j = i;
        while (j < s.length() && j - i <= max && hexDigit(s.charAt(j))) {
            j++;
        }
        return j == i || j - i > max ? -1 : j;
    }

    /** Is {@code c} an ASCII hex digit? */
    private static boolean hexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The end of one or more blanks or tabs at {@code i}, or -1. */
    private static int blanks(String s, int i) {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return j == i ? -1 : j;
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

    private static final Pattern BLANK_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");

    private static String sanitize(String s) {
        // the usual name has no blank and no control character (all of them are at or below ' ', or DEL)
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c > ' ' && c != 0x7f;
        }
        String t = plain ? s : BLANK_OR_CONTROL.matcher(s).replaceAll("_");
        if (t.length() > 180) {
            t = t.substring(0, 180);
        }
        return t.isEmpty() ? "[anon]" : t;
    }

    /**
     * The imported address space as a scenario with no threads (add them in the window or the file), with the
     * max_map_count it was read with.
     */
    public static Scenario scenario(Result r) {
        String title = "Address space imported from " + r.source();
        return Scenario.of(title, r.vmas(), List.of(), Protection.PATCH).withMaxMapCount(r.maxMapCount());
    }
}
