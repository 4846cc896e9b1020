package org.vmalab.engine.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmalab.engine.trace.Listing.Line;

/**
 * Our own kernel-style pseudo-C for each kernel function the engine steps through, with the real file:line
 * of v4.15 + SPF v8 (patches 1-17) on every line. Loaded from {@code /org/vmalab/pseudo/*.c}; the format is
 * documented in {@code docs/LINE-TABLE.md}:
 * <pre>
 * # function: NAME
 * # file: PATH
 * LINE&lt;TAB&gt;FLAGS&lt;TAB&gt;LOCS&lt;TAB&gt;TEXT
 * </pre>
 * LINE is the line number in the file ({@code -} for none), FLAGS is {@code +} for a line the patch adds
 * ({@code -} otherwise), LOCS a comma-separated list of {@link Loc} names the line stands for ({@code -}).
 */
public final class PseudoCode {
    private static final String INDEX = "/org/vmalab/pseudo/index.txt";
    private static volatile PseudoCode instance;

    private final Map<String, Listing> byFunction;
    private final Map<Loc, Listing> byLoc;
    private final Map<Loc, Integer> lineOf;

    private PseudoCode(Map<String, Listing> byFunction) {
        this.byFunction = byFunction;
        this.byLoc = new EnumMap<>(Loc.class);
        this.lineOf = new EnumMap<>(Loc.class);
        for (Listing l : byFunction.values()) {
            for (Line line : l.lines()) {
                for (Loc loc : line.locs()) {
                    byLoc.putIfAbsent(loc, l);
                    lineOf.putIfAbsent(loc, line.number());
                }
            }
        }
    }

    public static PseudoCode get() {
        PseudoCode p = instance;
        if (p == null) {
            synchronized (PseudoCode.class) {
                p = instance;
                if (p == null) {
                    p = load();
                    instance = p;
                }
            }
        }
        return p;
    }

    /** The listing a step of {@code loc} is shown in, or null. */
    public Listing listingOf(Loc loc) {
        return byLoc.get(loc);
    }

    public Listing listing(String function) {
        return byFunction.get(function);
    }

    public Map<String, Listing> all() {
        return Collections.unmodifiableMap(byFunction);
    }

    /** The file line of {@code loc}, 0 if no listing marks it. */
    int line(Loc loc) {
        Integer n = lineOf.get(loc);
        return n == null ? 0 : n;
    }

    private static PseudoCode load() {
        Map<String, Listing> map = new LinkedHashMap<>();
        try (InputStream in = PseudoCode.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return new PseudoCode(map);
            }
            for (String name : read(in)) {
                name = name.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream f = PseudoCode.class.getResourceAsStream("/org/vmalab/pseudo/" + name)) {
                    if (f == null) {
                        throw new IllegalStateException("pseudo-code listing missing: " + name);
                    }
                    Listing l = parse(name, read(f));
                    map.put(l.function(), l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PseudoCode(map);
    }

    static Listing parse(String source, List<String> text) {
        String function = null;
        String file = null;
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (String raw : text) {
            n++;
            if (raw.startsWith("# function:")) {
                function = raw.substring("# function:".length()).strip();
                continue;
            }
            if (raw.startsWith("# file:")) {
                file = raw.substring("# file:".length()).strip();
                continue;
            }
            if (raw.startsWith("#") || raw.isBlank()) {
                continue;
            }
            String[] p = raw.split("\t", 4);
            if (p.length < 4) {
                throw new IllegalStateException(source + ":" + n + ": expected LINE<TAB>FLAGS<TAB>LOCS<TAB>TEXT");
            }
            int number = p[0].equals("-") ? 0 : Integer.parseInt(p[0].strip());
            List<Loc> locs = new ArrayList<>();
            if (!p[2].equals("-")) {
                for (String s : p[2].split(",")) {
                    locs.add(Loc.valueOf(s.strip()));
                }
            }
            lines.add(new Line(number, p[1].contains("+"), List.copyOf(locs), p[3]));
        }
        if (function == null || file == null) {
            throw new IllegalStateException(source + ": missing '# function:' or '# file:' header");
        }
        return new Listing(function, file, List.copyOf(lines));
    }

    private static List<String> read(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) {
                out.add(s);
            }
        }
        return out;
    }
}
