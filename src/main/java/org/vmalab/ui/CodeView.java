package org.vmalab.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.Kernel;

/**
 * The current kernel function as pseudo-C in the kernel's style: its name and file:line, then a window of up to
 * {@link #WINDOW} lines centred on the current line, each with its own v4.15 line number, the lines the patch adds
 * marked with '+', the current line highlighted with its comment under it. Nothing scrolls sideways: a line too long
 * for the column wraps only where C allows a break between tokens (after a space, {@code (}, {@code ,}, {@code ->},
 * {@code .} or an operator), its continuation indented and numbered only on its first row; when the height is short
 * the lines around the current one keep one row each (cut with "…", the whole line in their tooltip), so that about
 * twelve lines fit. The window shrinks to the lines that fit the height, the current line always among them. A
 * function without a listing yet says so instead of showing nothing.
 *
 * <p>The code is in a monospaced font, so a row's width is its length in characters times the width of one,
 * measured once per font: wrapping and every row's height are arithmetic, not text layouts, and a step that moves the
 * current line re-styles two rows and lays out none but them (the step's cost on the FX thread, docs/PERFORMANCE.md).
 * The rows are kept and re-used from one function to the next (no new nodes, no new CSS).
 */
final class CodeView extends ColumnRegion {
    /** The most lines shown at once. */
    static final int WINDOW = 12;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    /** A column too narrow for the usual type: the code a little smaller (a C word of 20 letters fits a row). */
    private static final PseudoClass TIGHT = PseudoClass.getPseudoClass("tight");
    /** Space between the header and the listing. */
    private static final double GAP = 1;

    /** The function and its file:line, wrapped by {@link #headerRows}. */
    private final Text header = new Text();
    private final Tooltip headerTip = new Tooltip();
    private final Lines lines = new Lines();
    private final Label missing = new Label();
    private Listing listing;
    private int current = -1;
    /** The header's words: the function ("get_vma()"), where it is ("mm/mmap.c:2226"), or the idle sentence. */
    private String function = "";
    private String where = "";
    private String idle = "";

    CodeView() {
        getStyleClass().add("code-view");
        header.getStyleClass().add("code-header");
        header.setTextOrigin(VPos.TOP);
        header.setManaged(false);
        Tooltip.install(header, headerTip);
        missing.getStyleClass().add("code-missing");
        missing.setWrapText(true);
        missing.setMinSize(0, 0);
        lines.getStyleClass().add("code-list");
        getChildren().addAll(header, lines, missing);
        show(missing, false);
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** Shows the function of {@code loc} (null: the thread has not started). */
    void show(Loc loc, String idleText) {
        if (loc == null) {
            listing = null;
            function = "";
            where = "";
            idle = idleText;
            headerTip.setText(idleText);
            missing.setText(idleText);
            show(lines, false);
            show(missing, true);
            requestLayout();
            return;
        }
        idle = "";
        Listing l = Kernel.listing(loc);
        String w = Kernel.where(loc);
        String f = loc.function() + "()";
        if (!f.equals(function) || !w.equals(where)) {
            function = f;
            where = w;
            headerTip.setText(loc.function() + "() at " + w);
            requestLayout();
        }
        if (l == null) {
            listing = null;
            String err = Kernel.loadError();
            missing.setText(err != null ? "The pseudo-C listings could not be read: " + err
                    : "No pseudo-C listing for " + loc.function() + "() yet. The step is at " + w + ".");
            show(lines, false);
            show(missing, true);
            return;
        }
        show(missing, false);
        show(lines, true);
        if (!Objects.equals(l, listing)) {
            listing = l;
            current = -1;
            lines.setAll(l.lines());
        }
        int idx = l.indexOf(loc);
        if (idx != current) {
            current = idx;
            lines.setCurrent(idx);
        }
    }

    /** The listing's lines (all of them, shown or not). */
    List<Listing.Line> lines() {
        return listing == null ? List.of() : listing.lines();
    }

    /** The index of the current line in {@link #lines()}, or -1 (none shown: the thread has not started). */
    int currentLine() {
        return listing == null ? -1 : current;
    }

    /** In a narrow column the current line's comment is left out (it is in the line's tooltip). */
    void setCompact(boolean on) {
        narrow = on;
        applyCompact();
    }

    private boolean narrow;
    /** Brief (a short band in presentation mode): the header is the function alone, the current line no comment. */
    private boolean brief;

    /**
     * A brief listing, for a band short of height (presentation mode on a small screen): the function's name without
     * its file:line (in the header's tooltip), the current line without its comment, so that the current line keeps
     * its room.
     */
    void setBrief(boolean on) {
        if (brief != on) {
            brief = on;
            applyCompact();
            requestLayout();
        }
    }

    private void applyCompact() {
        boolean c = narrow || brief;
        if (lines.compact != c) {
            lines.compact = c;
            lines.setCurrent(current);
        }
    }

    /** In a tight column the code's type is a little smaller (set when the column's width changes, not per step). */
    void setTight(boolean on) {
        if (getPseudoClassStates().contains(TIGHT) != on) {
            pseudoClassStateChanged(TIGHT, on);
        }
    }

    /** The indices of the lines in view, top to bottom (after layout). */
    List<Integer> visibleLines() {
        List<Integer> out = new ArrayList<>();
        if (!lines.isVisible()) {
            return out;
        }
        for (int i = 0; i < lines.size; i++) {
            if (lines.getChildrenUnmodifiable().get(i).isVisible()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The row of line {@code i} (tests: what it shows, where it is). */
    Row row(int i) {
        return (Row) lines.getChildrenUnmodifiable().get(i);
    }

    /** The header as shown (the function and where it is, on one row or more; empty before the thread starts). */
    Text header() {
        return header;
    }

    /** The header's whole text: the function and its file:line (or the idle sentence); brief, the function. */
    String headerText() {
        return idle.isEmpty() ? brief ? function : function + " " + where : idle;
    }

    /** The header's rows for a width of {@code chars} characters: the function, then where (wrapped at '/'). */
    static List<String> headerRows(String function, String where, int chars) {
        int c = Math.max(8, chars);
        if (function.length() + 2 + where.length() <= c) {
            return List.of(function + "  " + where);
        }
        List<String> out = new ArrayList<>(Wrap.rows(function, c, c - 2, true));
        // the file:line on its own row, broken after a '/' when it is longer than the column
        List<String> w = Wrap.rows(where, c, c - 2, true);
        for (int i = 0; i < w.size(); i++) {
            out.add(i == 0 ? w.get(i) : "  " + w.get(i));
        }
        return out;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        List<String> rows = headerRows(w);
        header.setText(String.join("\n", rows));
        header.relocate(x, y);
        if (!rows.isEmpty()) {
            y += Mono.of(header.getFont()).height(rows.size()) + GAP;
        }
        if (lines.isVisible()) {
            lines.resizeRelocate(x, y, w, Math.max(0, in.getTop() + h - y));
        }
        if (missing.isVisible()) {
            missing.resizeRelocate(x, y, w, Math.min(missing.prefHeight(w), Math.max(0, in.getTop() + h - y)));
        }
    }

    /** The header's rows at a width of {@code w} px (none before the thread starts). */
    private List<String> headerRows(double w) {
        if (function.isEmpty()) {
            return List.of();
        }
        int chars = Mono.of(header.getFont()).chars(w);
        return brief ? Wrap.rows(function, chars, chars - 2, true) : headerRows(function, where, chars);
    }

    /** The header's height at a width of {@code w} px, with the gap under it. */
    private double headerHeight(double w) {
        int n = headerRows(w).size();
        return n == 0 ? 0 : Mono.of(header.getFont()).height(n) + GAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = (width < 0 ? 300 : width) - in.getLeft() - in.getRight();
        double h = headerHeight(w);
        if (lines.isVisible()) {
            h += lines.prefHeight(w);
        } else if (missing.isVisible()) {
            h += missing.prefHeight(w);
        }
        return h + in.getTop() + in.getBottom();
    }

    /** The header and the current line (wrapped, with its comment): what the column must show (its lane's floor). */
    double leastHeight(double width) {
        return computeMinHeight(width);
    }

    /** The header and the current line (wrapped, with its comment): what the column must show. */
    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        double w = (width < 0 ? 300 : width) - in.getLeft() - in.getRight();
        double h = headerHeight(w);
        if (lines.isVisible()) {
            h += lines.minHeight(w);
        }
        return h + in.getTop() + in.getBottom();
    }


    /** A monospaced font's character width and line height, measured once per font. */
    record Mono(double charWidth, double first, double line) {
        private static final Map<Font, Mono> CACHE = new HashMap<>();

        static Mono of(Font f) {
            return CACHE.computeIfAbsent(f, k -> {
                Text one = new Text("0123456789");
                one.setFont(k);
                Text two = new Text("0\n0");
                two.setFont(k);
                double h1 = one.getLayoutBounds().getHeight();
                double cw = one.getLayoutBounds().getWidth() / 10;
                return new Mono(cw, h1, two.getLayoutBounds().getHeight() - h1);
            });
        }

        /** How many characters fit {@code px} (with half a pixel to spare: a label cuts what does not fit). */
        int chars(double px) {
            return Math.max(1, (int) Math.floor((px - 0.5) / charWidth));
        }

        /** The height of {@code n} rows of text. */
        double height(int n) {
            return n <= 0 ? 0 : first + (n - 1) * line;
        }
    }

    /**
     * Wrapping C at token boundaries: a row may end after a space, {@code (}, {@code [}, {@code ,}, {@code ;},
     * {@code ->}, a {@code .} before a member, or an operator not followed by another operator character; never
     * inside an identifier or a number: a word longer than the whole row is shortened in its middle with "…" (the
     * whole line is in the row's tooltip).
     */
    static final class Wrap {
        private static final String OPS = "=+-*/%&|^!<>?:~";

        private Wrap() {
        }

        static boolean word(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        /** May a row end between {@code s[p-1]} and {@code s[p]}? */
        static boolean breakable(String s, int p) {
            if (p <= 0 || p >= s.length()) {
                return true;
            }
            char a = s.charAt(p - 1);
            char b = s.charAt(p);
            if (a == ' ' || b == ' ') {
                return true;
            }
            if (a == '(' || a == '[' || a == ',' || a == ';') {
                return true;
            }
            if (a == '>' && p >= 2 && s.charAt(p - 2) == '-') {
                return true;
            }
            if (a == '-' && b == '>') {
                return false;
            }
            if (a == '.' && (Character.isLetter(b) || b == '_')) {
                return true;
            }
            if (OPS.indexOf(a) < 0 || OPS.indexOf(b) >= 0 || b == ')' || b == ';' || b == ',') {
                return false;
            }
            // after a binary operator only (its left operand ends with a word, ')' or ']'): "&vma" stays whole
            int q = p - 1;
            while (q > 0 && OPS.indexOf(s.charAt(q - 1)) >= 0) {
                q--;
            }
            char before = q > 0 ? s.charAt(q - 1) : ' ';
            return word(before) || before == ')' || before == ']';
        }

        /**
         * The rows of {@code s}: the first at most {@code first} characters, the others at most {@code rest} (the
         * caller indents them); spaces at a break are dropped. {@code shorten}: a word longer than a row is shortened
         * in its middle with "…" ({@code __rwse…ommon()}: the whole text is in the caller's tooltip) rather than
         * broken at the row's end, so that no row ends inside a word.
         */
        static List<String> rows(String s, int first, int rest, boolean shorten) {
            List<String> out = split(s, first, rest, shorten);
            if (rest < first && (splitsAWord(s, out) || shortened(out) > 0)) {
                // a continuation row without its extra indentation may hold the word whole
                List<String> flat = split(s, first, first, shorten);
                if (!splitsAWord(s, flat) && shortened(flat) < Math.max(1, shortened(out))) {
                    return flat;
                }
            }
            return out;
        }

        /** How many of {@code rows} have a word shortened in its middle. */
        static int shortened(List<String> rows) {
            int n = 0;
            for (String r : rows) {
                int e = r.indexOf('…');
                if (e >= 0 && e < r.length() - 1) {
                    n++;
                }
            }
            return n;
        }

        private static List<String> split(String s, int first, int rest, boolean shorten) {
            List<String> out = new ArrayList<>();
            String left = s.strip();
            int max = Math.max(1, first);
            while (left.length() > max) {
                int cut = -1;
                for (int p = max; p > 0; p--) {
                    if (breakable(left, p) && !left.substring(0, p).isBlank()) {
                        cut = p;
                        break;
                    }
                }
                if (cut < 0 && shorten) {
                    // no break of the kernel's style in the row: between two tokens all the same ("f" and "(")
                    for (int p = max; p > 0; p--) {
                        if (word(left.charAt(p - 1)) != word(left.charAt(p))) {
                            cut = p;
                            break;
                        }
                    }
                }
                if (cut < 0 && shorten) {
                    // a word longer than the row: what comes before the next break, the word shortened to fit
                    int end = max + 1;
                    while (end < left.length() && !breakable(left, end)) {
                        end++;
                    }
                    // closing marks stay with what they close: "common()" rather than "common(" and ")"
                    while (end < left.length() && ")];,".indexOf(left.charAt(end)) >= 0) {
                        end++;
                    }
                    String row = shortenWord(left.substring(0, end), max);
                    if (row == null) {
                        // too narrow to keep both ends of the word: its start, cut
                        row = left.substring(0, Math.max(1, max - 1)) + "…";
                    }
                    out.add(row.stripTrailing());
                    left = left.substring(end).stripLeading();
                    max = Math.max(1, rest);
                    continue;
                }
                if (cut < 0) {
                    cut = max;
                }
                out.add(left.substring(0, cut).stripTrailing());
                left = left.substring(cut).stripLeading();
                max = Math.max(1, rest);
            }
            if (!left.isEmpty() || out.isEmpty()) {
                out.add(left);
            }
            return out;
        }

        /**
         * {@code unit} (no break inside it) in {@code max} characters, its longest word shortened in its middle
         * ({@code __rwse…ommon}); null when that word cannot keep two letters on each side of the "…".
         */
        static String shortenWord(String unit, int max) {
            int from = 0;
            int to = 0;
            for (int i = 0; i < unit.length(); ) {
                int j = i;
                while (j < unit.length() && word(unit.charAt(j))) {
                    j++;
                }
                if (j - i > to - from) {
                    from = i;
                    to = j;
                }
                i = j == i ? i + 1 : j;
            }
            int keep = max - (unit.length() - (to - from)) - 1;
            if (keep < 4) {
                return null;
            }
            int head = (keep + 1) / 2;
            int tail = keep - head;
            return unit.substring(0, from + head) + "…" + unit.substring(to - tail);
        }

        /**
         * {@code s} on one row of at most {@code max} characters: cut with "…" (at a token boundary if one is near).
         */
        static String cut(String s, int max) {
            if (s.length() <= max) {
                return s;
            }
            int m = Math.max(1, max - 1);
            for (int p = m; p >= Math.max(1, m * 2 / 3); p--) {
                if (breakable(s, p)) {
                    return s.substring(0, p).stripTrailing() + "…";
                }
            }
            return s.substring(0, m) + "…";
        }

        /**
         * Does a row of {@code rows} (the rows of {@code s}, indented or not) end inside an identifier or a number
         * that the next row goes on with?
         */
        static boolean splitsAWord(String s, List<String> rows) {
            int p = 0;
            for (int i = 0; i < rows.size(); i++) {
                String r = rows.get(i).strip();
                if (r.endsWith("…")) {
                    return false;
                }
                // a word shortened in its middle stands for the letters it leaves out
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.Arrays.stream(r.split("…", -1))
                        .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(
                        "[A-Za-z0-9_]+"))).matcher(s);
                if (!m.find(p)) {
                    return false;
                }
                p = m.end();
                if (i + 1 < rows.size() && p > 0 && p < s.length() && word(s.charAt(p - 1)) && word(s.charAt(p))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The code part of a pseudo-C line and its comment ("{@code x = y;     /* why *}{@code /}"). */
    record Split(int indent, String code, String comment) {
        static Split of(String text) {
            int n = 0;
            while (n < text.length() && text.charAt(n) == ' ') {
                n++;
            }
            String body = text.substring(n);
            int c = body.indexOf("/*");
            if (c <= 0) {
                return new Split(n, body.strip(), "");
            }
            String comment = body.substring(c + 2).replaceFirst("\\*/\\s*$", "").strip();
            return new Split(n, body.substring(0, c).strip(), comment);
        }
    }

    /**
     * One line: its number, '+' when the patch adds it, the code (wrapped at token boundaries, its continuation
     * indented, or cut to one row) and, when current, its comment. Re-used for the lines of the next function.
     */
    static final class Row extends ColumnRegion {
        private final Label number = new Label();
        private final Label mark = new Label();
        private final Text code = new Text();
        private final Label note = new Label();
        private final Tooltip tip = new Tooltip();
        private Listing.Line line;
        private Split split;
        /** Is the line only a comment? */
        private boolean commentOnly;
        /** Wrapped over as many rows as it needs (else one row, cut). */
        private boolean wrapped;
        private boolean current;
        private boolean noteShown;
        /** The most digits of a line number in the listing: every row's code starts at the same x. */
        private int digits = 4;
        /** The rows shown. */
        private List<String> rows = List.of();
        /** The rows made, cut to one row [0] and wrapped [1], and the width in characters each was made for. */
        private final List<List<String>> made = new ArrayList<>(List.of(List.of(), List.of()));
        private final int[] madeFor = {-1, -1};

        Row() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-number");
            mark.getStyleClass().add("code-mark");
            code.getStyleClass().add("code-text");
            note.getStyleClass().add("code-note");
            for (Label l : List.of(number, mark)) {
                l.setTextOverrun(OverrunStyle.CLIP);
                l.setEllipsisString("");
                l.setMinSize(0, 0);
            }
            code.setTextOrigin(VPos.TOP);
            code.setManaged(false);
            note.setWrapText(true);
            note.setMinSize(0, 0);
            getChildren().addAll(number, mark, code, note);
            Tooltip.install(this, tip);
        }

        /** Shows {@code l}, one of a listing whose line numbers have at most {@code d} digits. */
        void bind(Listing.Line l, int d) {
            line = l;
            digits = d;
            number.setText(l.number() > 0 ? Integer.toString(l.number()) : "");
            mark.setText(l.addedByPatch() ? "+" : " ");
            split = Split.of(l.text());
            commentOnly = split.code().isEmpty() || split.code().startsWith("/*") || split.code().startsWith("*");
            note.setText(split.code().isEmpty() ? "" : split.comment());
            pseudoClassStateChanged(ADDED, l.addedByPatch());
            tip.setText((l.number() > 0 ? l.number() + "  " : "") + l.text().strip());
            madeFor[0] = -1;
            madeFor[1] = -1;
            requestLayout();
        }

        /** The code text of the line (the comment alone when it has no code). */
        private String body() {
            return split.code().isEmpty() ? "/* " + split.comment() + " */" : split.code();
        }

        /** Whole, wrapped over as many rows as it needs, or on one row cut with "…". */
        void setWrapped(boolean on) {
            if (on != wrapped) {
                wrapped = on;
                requestLayout();
            }
        }

        /** Is the line only a comment? */
        boolean commentOnly() {
            return commentOnly;
        }

        void setCurrent(boolean on, boolean compact) {
            if (on != current) {
                current = on;
                pseudoClassStateChanged(CURRENT, on);
                if (commentOnly) {
                    requestLayout();
                }
            }
            boolean n = on && !compact && !note.getText().isEmpty();
            if (n != noteShown) {
                noteShown = n;
                note.setVisible(n);
                requestLayout();
            }
        }

        Listing.Line line() {
            return line;
        }

        /** The line number shown. */
        String numberText() {
            return number.getText();
        }

        /** The code shown (without its comment), whole. */
        String codeText() {
            return body();
        }

        /** The code's rows as shown (the first with the line's indentation, the others with the continuation's). */
        List<String> shownRows() {
            return rows;
        }

        /** Is the line's comment shown under it (the current line, in a column wide enough)? */
        boolean noteShown() {
            return noteShown;
        }

        Label noteLabel() {
            return note;
        }

        /** The code's text node (its rows, one per line of text). */
        Text codeNode() {
            return code;
        }

        /** The x where the code starts, and its width in px, in a row {@code w} wide. */
        private double numberWidth() {
            Insets pad = number.getInsets();
            return Mono.of(number.getFont()).charWidth() * digits + pad.getLeft() + pad.getRight() + 0.5;
        }

        private double codeX() {
            return getInsets().getLeft() + numberWidth() + Math.max(mark.minWidth(-1), mark.prefWidth(-1));
        }

        /** The code's rows for a row {@code w} px wide, wrapped or not (kept until the width changes). */
        private List<String> rowsFor(double w, boolean wrap) {
            Mono m = Mono.of(code.getFont());
            int chars = m.chars(w - getInsets().getRight() - codeX());
            // (a comment line keeps one row, unless it is the current line: at lesson 14's bug it is, and was cut)
            boolean wrapped = wrap && (!commentOnly || current);
            int k = wrapped ? 1 : 0;
            if (madeFor[k] == chars) {
                return made.get(k);
            }
            // the kernel indents by a tab, the listings by four spaces: a level is two characters in a wide
            // column, one in a narrow one; a continuation row is indented two more
            int level = split.indent() / 4 * (chars >= 40 ? 2 : 1);
            int ind = Math.min(level, chars / 3);
            String pad0 = " ".repeat(ind);
            String pad1 = " ".repeat(Math.min(ind + 2, chars / 2));
            List<String> r = new ArrayList<>();
            if (wrapped) {
                List<String> w0 = Wrap.rows(body(), chars - ind, chars - pad1.length(), true);
                // the continuation's indentation, unless it had to go for a word to fit whole
                String p1 = w0.size() > 1 && w0.stream().skip(1).anyMatch(x -> x.length() > chars - pad1.length())
                        ? pad0 : pad1;
                for (int i = 0; i < w0.size(); i++) {
                    r.add((i == 0 ? pad0 : p1) + w0.get(i));
                }
            } else {
                r.add(pad0 + Wrap.cut(body(), chars - ind));
            }
            made.set(k, List.copyOf(r));
            madeFor[k] = chars;
            return made.get(k);
        }

        private double noteHeight(double w) {
            return noteShown ? note.prefHeight(Math.max(0, w - getInsets().getRight() - codeX())) : 0;
        }

        /** The row's height at a width of {@code width}, wrapped or not. */
        double heightFor(double width, boolean wrap) {
            double w = width < 0 ? 300 : width;
            Insets in = getInsets();
            int n = rowsFor(w, wrap).size();
            double h = Mono.of(code.getFont()).height(n);
            return in.getTop() + Math.max(h, number.prefHeight(-1)) + noteHeight(w) + in.getBottom();
        }

        @Override
        protected double computePrefHeight(double width) {
            return heightFor(width, wrapped);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }


        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth();
            List<String> r = rowsFor(w, wrapped);
            rows = r;
            code.setText(String.join("\n", r));
            double ch = Mono.of(code.getFont()).height(r.size());
            double nw = numberWidth();
            double x = in.getLeft();
            double y = in.getTop();
            number.resizeRelocate(x, y, nw, number.prefHeight(-1));
            double mw = Math.max(mark.minWidth(-1), mark.prefWidth(-1));
            mark.resizeRelocate(x + nw, y, mw, mark.prefHeight(-1));
            double cx = x + nw + mw;
            double cw = Math.max(0, w - in.getRight() - cx);
            code.relocate(cx, y);
            if (noteShown) {
                note.resizeRelocate(cx, y + ch, cw, noteHeight(w));
            }
        }
    }

    /** The rows (a pool, re-used from one listing to the next); lays out the window around the current line. */
    private static final class Lines extends ColumnRegion {
        private int current = -1;
        private boolean compact;
        /** How many of the rows show the listing (the others wait, hidden, for a longer one). */
        private int size;

        void setAll(List<Listing.Line> l) {
            while (getChildren().size() < l.size()) {
                Row r = new Row();
                r.setVisible(false);
                getChildren().add(r);
            }
            int digits = 2;
            for (Listing.Line line : l) {
                digits = Math.max(digits, Integer.toString(line.number()).length());
            }
            for (int i = 0; i < getChildren().size(); i++) {
                Row r = (Row) getChildren().get(i);
                if (i < l.size()) {
                    r.bind(l.get(i), digits);
                }
                r.setCurrent(false, compact);
                r.setVisible(false);
            }
            size = l.size();
            current = -1;
            requestLayout();
        }

        void setCurrent(int i) {
            if (current >= 0 && current < size) {
                ((Row) getChildren().get(current)).setCurrent(false, compact);
            }
            current = i;
            if (i >= 0 && i < size) {
                ((Row) getChildren().get(i)).setCurrent(true, compact);
            }
            requestLayout();
        }

        private Row row(int i) {
            return (Row) getChildren().get(i);
        }

        /** Every line whole in the window just laid out (else only the current one). */
        private boolean all;

        private double rowHeight(int i, double w, boolean whole) {
            return row(i).heightFor(w, whole || i == current);
        }

        /**
         * The first and last line of the window for this size: every line whole when about twelve fit (or the whole
         * listing), else the lines around the current one on one row each.
         */
        private int[] window(double w, double h) {
            all = true;
            int[] win = grow(w, h, true);
            if (win[1] - win[0] + 1 < Math.min(WINDOW, size)) {
                all = false;
                win = grow(w, h, false);
            }
            return win;
        }

        private int[] grow(double w, double h, boolean whole) {
            int n = size;
            if (n == 0) {
                return new int[] {0, -1};
            }
            int c = current >= 0 && current < n ? current : 0;
            int from = c;
            int to = c;
            double used = rowHeight(c, w, whole);
            boolean below = true;
            boolean upFits = true;
            boolean downFits = true;
            while (to - from + 1 < WINDOW && (upFits || downFits)) {
                // grow one line at a time, alternately after and before, so that the current line stays centred;
                // when one side is at its end or its next line is too tall, the other side goes on
                boolean down = below ? downFits : !upFits;
                int next = down ? to + 1 : from - 1;
                if (next < 0 || next >= n || used + rowHeight(next, w, whole) > h) {
                    if (down) {
                        downFits = false;
                    } else {
                        upFits = false;
                    }
                    below = !below;
                    continue;
                }
                used += rowHeight(next, w, whole);
                if (down) {
                    to = next;
                } else {
                    from = next;
                }
                below = !below;
            }
            return new int[] {from, to};
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            int[] win = window(w, h);
            // the current line whole first: lines above it, then below it, give way when the window is too tall
            double sum = 0;
            for (int i = win[0]; i <= win[1]; i++) {
                sum += rowHeight(i, w, all);
            }
            while (sum > h + 0.5 && win[0] < current) {
                sum -= rowHeight(win[0]++, w, all);
            }
            while (sum > h + 0.5 && win[1] > current && win[1] > win[0]) {
                sum -= rowHeight(win[1]--, w, all);
            }
            double y = in.getTop();
            for (int i = 0; i < getChildren().size(); i++) {
                Row r = row(i);
                boolean in1 = i < size && i >= win[0] && i <= win[1];
                if (r.isVisible() != in1) {
                    r.setVisible(in1);
                }
                if (in1) {
                    r.setWrapped(all || i == current);
                    // only the current line can be taller than the height (a wrapped line in a short band): it
                    // keeps what fits (the whole line is in its tooltip)
                    double rh = Math.min(rowHeight(i, w, all), Math.max(0, in.getTop() + h - y));
                    r.resizeRelocate(in.getLeft(), y, w, rh);
                    y += rh;
                }
            }
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width < 0 ? 300 : width - getInsets().getLeft() - getInsets().getRight();
            boolean was = all;
            int[] win = window(w, Double.MAX_VALUE);
            double h = 0;
            for (int i = win[0]; i <= win[1]; i++) {
                h += rowHeight(i, w, all);
            }
            all = was;
            return h + getInsets().getTop() + getInsets().getBottom();
        }

        @Override
        protected double computeMinHeight(double width) {
            double w = width < 0 ? 300 : width - getInsets().getLeft() - getInsets().getRight();
            double h = size == 0 ? 0 : rowHeight(current >= 0 && current < size ? current : 0, w, false);
            return h + getInsets().getTop() + getInsets().getBottom();
        }

    }
}
