package org.vmalab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.vmalab.engine.Const;

/**
 * Bytes to a YAML node tree, with limits: UTF-8 only (an invalid byte is reported where it is), a size limit,
 * a nesting limit, a limit on aliases and on events, and no tags at all (so nothing can ask for an object to be
 * built). Every problem becomes a {@link LessonException} at a line and column.
 */
final class YamlSource {
    /**
     * Largest file read: enough for a scenario of 65,530 imported VMAs (about 100 bytes each), small enough that
     * the largest file within the limits loads in a 256 MB heap.
     */
    static final int MAX_BYTES = 8 << 20;
    /** Deepest nesting of lists and mappings (a lesson needs about 8). */
    static final int MAX_DEPTH = 32;
    /** Most aliases ({@code *name}) in one file. */
    static final int MAX_ALIASES = 64;
    /**
     * Most YAML events (nodes, starts and ends) in one file: each costs about 300 bytes of heap while the file is
     * read, so that 300,000 fit in a 256 MB heap beside the rest; a layout of 65,530 VMAs one per line needs 66,000.
     */
    static final int MAX_EVENTS = 300_000;
    /** Bytes more a file may have for each VMA of a declared max_map_count above the default (a VMA's line). */
    static final int BYTES_PER_VMA = 256;
    /** How far from the top of the file a {@code max_map_count:} that raises the limits is looked for. */
    static final int HEAD = 64 << 10;
    private static final Pattern DECLARED = Pattern.compile(
            "(?m)^max_map_count:[ \\t]*([0-9]{1,10})[ \\t]*(?:#.*)?$");

    /**
     * The limits of one file: the defaults above, or, for a scenario whose top (its first {@link #HEAD} bytes)
     * declares {@code max_map_count: N} above the kernel's default, {@link #BYTES_PER_VMA} bytes, two YAML events
     * and two node visits more for each VMA above 65,530 (a VMA on one line is one event), so that the reads stay
     * bounded: at most about 1 GiB for the largest max_map_count.
     */
    record Limits(int maxMapCount, int bytes, int events, int visits) {
        static final Limits DEFAULT = of(Const.MAX_MAP_COUNT);

        static Limits of(int maxMapCount) {
            long extra = Math.max(0, maxMapCount - Const.MAX_MAP_COUNT);
            return new Limits(maxMapCount, (int) (MAX_BYTES + extra * BYTES_PER_VMA), (int) (MAX_EVENTS + extra * 2),
                    (int) (Nodes.MAX_VISITS + extra * 2));
        }

        /** The limits a text declares in its first {@link #HEAD} characters. */
        static Limits of(CharSequence text) {
            Matcher m = DECLARED.matcher(text.length() > HEAD ? text.subSequence(0, HEAD) : text);
            if (!m.find()) {
                return DEFAULT;
            }
            long n = Long.parseLong(m.group(1));
            return n > Const.MAX_MAP_COUNT && n <= Const.MAX_MAP_COUNT_LIMIT ? of((int) n) : DEFAULT;
        }

        static Limits of(byte[] bytes) {
            return of(new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1));
        }

        /** The limit in words, for a message. */
        String say() {
            return (bytes >> 20) + " MiB" + (maxMapCount > Const.MAX_MAP_COUNT ? " with max_map_count "
                    + maxMapCount : "; a scenario of more VMAs raises it with max_map_count: N at its top");
        }
    }

    private YamlSource() {
    }

    /**
     * The bytes of {@code file}, never more than its {@link Limits#bytes}: {@link #MAX_BYTES}, or more for a
     * scenario that declares a larger max_map_count at its top. A larger regular file is refused by its size,
     * anything else (a device, a pipe, a file that grows) by reading one byte past the limit.
     */
    static byte[] read(Path file) throws LessonException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new LessonException(name, 1, 1, "is a directory, not a lesson file");
            }
            byte[] bytes;
            Limits lim;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(Math.min(MAX_BYTES + 1, HEAD));
                lim = Limits.of(bytes);
                if (Files.isRegularFile(file) && Files.size(file) > lim.bytes()) {
                    throw tooLarge(name, Files.size(file) + " bytes", lim);
                }
                if (bytes.length == HEAD) {
                    byte[] rest = in.readNBytes(lim.bytes() + 1 - HEAD);
                    byte[] all = new byte[HEAD + rest.length];
                    System.arraycopy(bytes, 0, all, 0, HEAD);
                    System.arraycopy(rest, 0, all, HEAD, rest.length);
                    bytes = all;
                }
            }
            if (bytes.length > lim.bytes()) {
                throw tooLarge(name, "more than " + lim.bytes() + " bytes", lim);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new LessonException(name, 1, 1, "no such file");
        } catch (AccessDeniedException e) {
            throw new LessonException(name, 1, 1, "cannot read the file (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new LessonException(name, 1, 1, "cannot read the file: " + e.getMessage());
        }
    }

    private static LessonException tooLarge(String name, String size, Limits lim) {
        return new LessonException(name, 1, 1, "the file is too large (" + size + "; the limit is " + lim.say() + ")");
    }

    /** Strict UTF-8 decoding; a byte order mark is skipped. */
    static String decode(byte[] bytes, String source) throws LessonException {
        if (bytes.length == 0) {
            throw new LessonException(source, 1, 1, "the file is empty");
        }
        Limits lim = Limits.of(bytes);
        if (bytes.length > lim.bytes()) {
            throw tooLarge(source, bytes.length + " bytes", lim);
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            throw new LessonException(source, 1, 1, "the file is UTF-16, not UTF-8: save it as UTF-8");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            String before = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
            int[] lc = lineColumn(before, before.length());
            throw new LessonException(source, lc[0], lc[1], "not valid UTF-8: byte 0x"
                    + String.format("%02x", bytes[bad] & 0xff) + " at offset " + bad + " (save the file as UTF-8)");
        }
        out.flip();
        return out.toString();
    }

    /** 1-based line and column of char index {@code index} in {@code text}. */
    static int[] lineColumn(String text, int index) {
        int line = 1;
        int col = 1;
        int end = Math.min(index, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** The single document of {@code text} as a node tree. */
    static Node compose(String text, String source) throws LessonException {
        Limits lim = Limits.of(text);
        if (text.length() > lim.bytes()) {
            throw new LessonException(source, 1, 1, "the text is too large (" + text.length()
                    + " characters; the limit is " + lim.say() + ")");
        }
        /* the reader copies its window each time it refills: one refill per eighth of the text keeps a long line
           linear (the default 1 KiB buffer makes a line of n characters cost n*n/1024 copies) */
        int buffer = Math.max(1 << 12, text.length() / 8 + 1);
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true)
                .setBufferSize(buffer)
                .setAllowRecursiveKeys(false).setAllowNonScalarKeys(true).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(lim.bytes() + 1).setUseMarks(true).setParseComments(false).build();
        try {
            Guard guard = new Guard(new ParserImpl(settings, new StreamReader(settings, text)), source, lim.events());
            Composer composer = new Composer(settings, guard);
            if (!composer.hasNext()) {
                throw new LessonException(source, 1, 1, "the file is empty (only blanks or comments)");
            }
            Node root = composer.next();
            if (composer.hasNext()) {
                Optional<Mark> m = guard.lastMark;
                throw at(source, m, "only one YAML document per file (remove the second '---')");
            }
            return root;
        } catch (GuardError e) {
            throw e.error;
        } catch (MarkedYamlEngineException e) {
            if (e.getContextMark().isPresent() && e.getContext() != null && e.getContext().contains("quoted scalar")
                    && e.getProblem() != null && e.getProblem().contains("end of stream")) {
                // the scanner looked for the closing quote up to the file's end: name where the quote opens
                throw at(source, e.getContextMark(),
                        "YAML: the quoted text that starts here is never closed (the file ends first)");
            }
            throw at(source, e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark(),
                    "YAML: " + clean(e.getProblem()));
        } catch (ReaderException e) {
            int[] lc = lineColumnOfCodePoint(text, e.getPosition());
            throw new LessonException(source, lc[0], lc[1], "a character that YAML does not allow here (code point "
                    + String.format("U+%04X", e.getCodePoint()) + "): is this a text file?");
        } catch (YamlEngineException e) {
            throw new LessonException(source, 1, 1, "YAML: " + clean(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new LessonException(source, 1, 1, "nested too deeply");
        }
    }

    private static int[] lineColumnOfCodePoint(String text, int cp) {
        int index = 0;
        for (int n = 0; n < cp && index < text.length(); n++) {
            index += Character.charCount(text.codePointAt(index));
        }
        return lineColumn(text, index);
    }

    static String clean(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    static LessonException at(String source, Optional<Mark> mark, String message) {
        if (mark.isPresent()) {
            Mark m = mark.get();
            return new LessonException(source, m.getLine() + 1, m.getColumn() + 1, message);
        }
        return new LessonException(source, 1, 1, message);
    }

    /** A located error thrown through the composer. */
    private static final class GuardError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient LessonException error;

        GuardError(LessonException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** Checks every event before the composer sees it: depth, aliases, count, tags. */
    private static final class Guard implements Parser {
        private final Parser p;
        private final String source;
        private int depth;
        private int aliases;
        private int events;
        Optional<Mark> lastMark = Optional.empty();

        private final int maxEvents;

        Guard(Parser p, String source, int maxEvents) {
            this.p = p;
            this.source = source;
            this.maxEvents = maxEvents;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return p.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return p.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return p.hasNext();
        }

        @Override
        public Event next() {
            Event e = p.next();
            lastMark = e.getStartMark();
            if (++events > maxEvents) {
                fail(e, "the file has too many YAML nodes (limit " + maxEvents + ")");
            }
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) e;
                    tag(e, c.getTag());
                    if (++depth > MAX_DEPTH) {
                        fail(e, "nested too deeply (more than " + MAX_DEPTH + " levels of lists and mappings)");
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                case Scalar -> tag(e, ((ScalarEvent) e).getTag());
                case Alias -> {
                    if (++aliases > MAX_ALIASES) {
                        fail(e, "too many aliases (more than " + MAX_ALIASES + " uses of *name)");
                    }
                    ((AliasEvent) e).getAlias();
                }
                default -> {
                }
            }
            return e;
        }

        private void tag(Event e, Optional<String> tag) {
            if (tag.isPresent()) {
                fail(e, "YAML tags (" + tag.get() + ") are not allowed: a lesson is plain data, nothing is built "
                        + "from tags");
            }
        }

        private void fail(Event e, String message) {
            throw new GuardError(at(source, e.getStartMark(), message));
        }
    }
}
