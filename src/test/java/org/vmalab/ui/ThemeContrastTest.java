package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, item 6: in every theme, text is readable on what it is drawn on (WCAG AA, 4.5:1) and a selected
 * control looks different from an unselected one (3:1, WCAG's contrast for the parts of a control). The colours
 * are the themes' tokens ({@code theme-*.css}, and the tokens {@code classroom.css} derives from them); the
 * pairs are every rule of the window's stylesheets that sets a text colour and a background together, and the
 * text tokens on the grounds they are drawn on ({@link #GROUNDS}).
 */
class ThemeContrastTest {
    static final double TEXT = 4.5;
    static final double PARTS = 3.0;

    /** Text tokens and the grounds the window draws them on (labels on panels, lanes, code, notes). */
    static final Map<String, List<String>> GROUNDS = new LinkedHashMap<>();

    static {
        List<String> panels = List.of("-vl-bg", "-vl-surface", "-vl-surface-2", "-vl-code-bg");
        GROUNDS.put("-vl-text", List.of("-vl-bg", "-vl-surface", "-vl-surface-2", "-vl-code-bg", "-vl-code-current",
                "-vl-code-added", "-vl-ok-soft", "-vl-bad-soft"));
        GROUNDS.put("-vl-text-dim", List.of("-vl-bg", "-vl-surface", "-vl-surface-2", "-vl-code-bg",
                "-vl-code-current", "-vl-code-added"));
        GROUNDS.put("-vl-mono", List.of("-vl-code-bg", "-vl-code-current", "-vl-code-added", "-vl-surface"));
        GROUNDS.put("-vl-accent", panels);
        GROUNDS.put("-vl-ok", List.of("-vl-surface", "-vl-surface-2", "-vl-ok-soft"));
        GROUNDS.put("-vl-bad", List.of("-vl-surface", "-vl-surface-2", "-vl-bad-soft"));
        GROUNDS.put("-vl-warn", List.of("-vl-surface", "-vl-surface-2"));
        GROUNDS.put("-vl-changed", List.of("-vl-surface", "-vl-surface-2"));
        GROUNDS.put("-vl-code-added-mark", List.of("-vl-code-added", "-vl-code-bg"));
        GROUNDS.put("-vl-accent-text", List.of("-vl-accent"));
        GROUNDS.put("-vl-changed-text", List.of("-vl-changed"));
        GROUNDS.put("-vl-badge-text", List.of("-vl-badge"));
        GROUNDS.put("-vl-badge-hot-text", List.of("-vl-badge-hot"));
        GROUNDS.put("-vl-tag-text", List.of("-vl-tag"));
        GROUNDS.put("-vl-node-red-text", List.of("-vl-node-red"));
        GROUNDS.put("-vl-node-black-text", List.of("-vl-node-black"));
        GROUNDS.put("-vl-node-freed-text", List.of("-vl-node-freed"));
        GROUNDS.put("-vl-node-alarm-text", List.of("-vl-node-alarm"));
        GROUNDS.put("-vl-strip-vma-text", List.of("-vl-strip-vma"));
        GROUNDS.put("-vl-thread-text", List.of("-vl-thread-1", "-vl-thread-2", "-vl-thread-3", "-vl-thread-4",
                "-vl-thread-5", "-vl-thread-6", "-vl-thread-7", "-vl-thread-8", "-vl-thread-9"));
    }

    private static final Pattern TOKEN = Pattern.compile("(-(?:vl|fx)-[a-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

    static String read(String name) throws IOException {
        try (InputStream in = MainView.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    /** The theme's tokens, and classroom.css's derived ones, resolved to colours. */
    static Map<String, double[]> tokens(MainView.Theme t) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String css : List.of(read(t.file), read(Classroom.CSS))) {
            Matcher m = TOKEN.matcher(css);
            while (m.find()) {
                raw.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String k : raw.keySet()) {
            double[] c = resolve(raw, k, 0);
            if (c != null) {
                out.put(k, c);
            }
        }
        return out;
    }

    private static double[] resolve(Map<String, String> raw, String k, int depth) {
        String v = raw.get(k);
        if (v == null || depth > 8) {
            return null;
        }
        if (v.startsWith("-vl-") || v.startsWith("-fx-")) {
            return resolve(raw, v, depth + 1);
        }
        return rgb(v);
    }

    static double[] rgb(String v) {
        v = v.strip().toLowerCase(Locale.ROOT);
        if (v.equals("black")) {
            return new double[] {0, 0, 0};
        }
        if (v.equals("white")) {
            return new double[] {1, 1, 1};
        }
        if (!v.matches("#[0-9a-f]{6}([0-9a-f]{2})?")) {
            return null;
        }
        return new double[] {Integer.parseInt(v.substring(1, 3), 16) / 255.0,
            Integer.parseInt(v.substring(3, 5), 16) / 255.0, Integer.parseInt(v.substring(5, 7), 16) / 255.0};
    }

    static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    static double contrast(double[] a, double[] b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    /** Text colour and background set together in one rule of the window's stylesheets. */
    record Pair(String where, String text, String ground) {
    }

    static List<Pair> rulePairs() throws IOException {
        List<Pair> out = new ArrayList<>();
        for (String file : List.of(MainView.BASE_CSS, Classroom.CSS)) {
            Matcher r = RULE.matcher(read(file));
            while (r.find()) {
                String body = r.group(2);
                String fg = value(body, "-fx-text-fill");
                if (fg == null) {
                    fg = value(body, "-fx-fill");
                }
                String bg = value(body, "-fx-background-color");
                if (fg != null && bg != null && fg.startsWith("-vl-") && bg.startsWith("-vl-")) {
                    out.add(new Pair(file + " " + r.group(1).strip(), fg, bg));
                }
            }
        }
        return out;
    }

    private static String value(String body, String prop) {
        Matcher m = Pattern.compile("(?:^|[;\\s])" + Pattern.quote(prop) + "\\s*:\\s*([^;]+);").matcher(body);
        return m.find() ? m.group(1).strip() : null;
    }

    @ParameterizedTest
    @EnumSource(MainView.Theme.class)
    void textIsReadableOnItsGround(MainView.Theme theme) throws IOException {
        Map<String, double[]> tok = tokens(theme);
        List<String> bad = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>(rulePairs());
        GROUNDS.forEach((fg, grounds) -> grounds.forEach(bg -> pairs.add(new Pair("on its ground", fg, bg))));
        for (Pair p : pairs) {
            double[] a = tok.get(p.text());
            double[] b = tok.get(p.ground());
            assertTrue(a != null && b != null, theme + ": unknown token in " + p);
            double c = contrast(a, b);
            if (c < TEXT) {
                bad.add(String.format(Locale.ROOT, "%s on %s: %.2f (%s)", p.text(), p.ground(), c, p.where()));
            }
        }
        assertTrue(bad.isEmpty(), theme + ": text below 4.5:1:\n" + String.join("\n", bad));
    }

    @ParameterizedTest
    @EnumSource(MainView.Theme.class)
    void aSelectedControlStandsOut(MainView.Theme theme) throws IOException {
        Map<String, double[]> tok = tokens(theme);
        // a selected toggle, a selected list cell or menu item: the accent against the control's own ground
        double[] sel = tok.get("-vl-accent");
        List<String> bad = new ArrayList<>();
        for (String ground : List.of("-fx-base", "-vl-surface", "-vl-surface-2")) {
            double c = contrast(sel, tok.get(ground));
            if (c < PARTS) {
                bad.add(String.format(Locale.ROOT, "selected (-vl-accent) vs %s: %.2f", ground, c));
            }
        }
        assertTrue(contrast(tok.get("-vl-accent-text"), sel) >= TEXT, theme + ": the selected item's text");
        assertTrue(bad.isEmpty(), theme + ": " + String.join("; ", bad));
        // the stylesheet says so for the controls that have a selected state
        String css = read(MainView.BASE_CSS);
        for (String sel2 : List.of(".toggle-button:selected", ".menu-item:focused", ".list-cell:filled:selected")) {
            assertTrue(css.contains(sel2), "vmalab.css styles " + sel2 + " from the tokens");
        }
    }
}
