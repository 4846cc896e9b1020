package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;
import org.vmalab.viewmodel.Kernel;

/**
 * The current kernel function as pseudo-C in the kernel's style: a window of up to {@link #WINDOW} lines centred
 * on the current line, each with its own v4.15 line number, the lines the patch adds marked with '+', the current
 * line highlighted with its comment under it. Nothing scrolls sideways: the current line wraps (with its
 * indentation), the lines around it take one row each, cut with an ellipsis when the column is narrow (the whole line
 * is in its tooltip), so that about twelve lines fit; the window shrinks to the lines that fit the height, the current
 * line always among them. A function without a listing yet says so instead of showing nothing.
 */
final class CodeView extends VBox {
    /** The most lines shown at once. */
    static final int WINDOW = 12;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");

    private final Label header = new Label();
    private final Tooltip headerTip = new Tooltip();
    private final Lines lines = new Lines();
    private final Label missing = new Label();
    private Listing listing;
    private int current = -1;

    CodeView() {
        getStyleClass().add("code-view");
        header.getStyleClass().add("code-header");
        header.setMinWidth(0);
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.setMaxWidth(Double.MAX_VALUE);
        header.setTooltip(headerTip);
        missing.getStyleClass().add("code-missing");
        missing.setWrapText(true);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        lines.getStyleClass().add("code-list");
        VBox.setVgrow(lines, Priority.ALWAYS);
        getChildren().addAll(header, lines);
    }

    /** Shows the function of {@code loc} (null: the thread has not started). */
    void show(Loc loc, String idle) {
        header.setWrapText(loc == null);
        if (loc == null) {
            listing = null;
            header.setText(idle);
            headerTip.setText(idle);
            missing.setText("");
            getChildren().setAll(header);
            return;
        }
        Listing l = Kernel.listing(loc);
        String where = Kernel.where(loc);
        // one line: the function, then its file (cut at the end when the column is narrow; the tooltip has it all)
        header.setText(loc.function() + "()   " + where);
        headerTip.setText(loc.function() + "() at " + where);
        if (l == null) {
            listing = null;
            String err = Kernel.loadError();
            missing.setText(err != null ? "The pseudo-C listings could not be read: " + err
                    : "No pseudo-C listing for " + loc.function() + "() yet. The step is at " + where + ".");
            getChildren().setAll(header, missing);
            return;
        }
        if (!Objects.equals(l, listing)) {
            listing = l;
            current = -1;
            lines.setAll(l.lines());
            getChildren().setAll(header, lines);
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

    /** The index of the current line in {@link #lines()}, or -1. */
    int currentLine() {
        return current;
    }

    /** In a narrow column the current line's comment is left out (it is in the line's tooltip). */
    void setCompact(boolean on) {
        if (lines.compact != on) {
            lines.compact = on;
            lines.setCurrent(current);
        }
    }

    /** The indices of the lines in view, top to bottom (after layout). */
    List<Integer> visibleLines() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.getChildrenUnmodifiable().size(); i++) {
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

    /** One line: its number, '+' when the patch adds it, the code (wrapped, indented) and, when current, its comment. */
    static final class Row extends HBox {
        private final Label number = new Label();
        private final Label mark = new Label();
        private final Label code = new Label();
        private final Label note = new Label();
        private final Listing.Line line;
        /** Is the line only a comment? */
        private final boolean commentOnly;

        Row(Listing.Line line) {
            this.line = line;
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-number");
            mark.getStyleClass().add("code-mark");
            code.getStyleClass().add("code-text");
            note.getStyleClass().add("code-note");
            number.setMinWidth(Region.USE_PREF_SIZE);
            mark.setMinWidth(Region.USE_PREF_SIZE);
            code.setWrapText(true);
            note.setWrapText(true);
            code.setMinWidth(0);
            note.setMinWidth(0);
            number.setText(line.number() > 0 ? Integer.toString(line.number()) : "");
            mark.setText(line.addedByPatch() ? "+" : " ");
            Split s = Split.of(line.text());
            commentOnly = s.code().isEmpty() || s.code().startsWith("/*") || s.code().startsWith("*");
            code.setText(s.code().isEmpty() ? "/* " + s.comment() + " */" : s.code());
            // the kernel indents by a tab, the listings by four spaces: half an em a level keeps narrow columns
            // readable (a wrapped line keeps its indentation)
            code.setStyle(String.format(Locale.ROOT, "-fx-padding: 0 0 0 %.1fem;", s.indent() / 4 * 0.5));
            note.setText(s.code().isEmpty() ? "" : s.comment());
            note.setStyle(code.getStyle());
            VBox text = new VBox(code, note);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            getChildren().addAll(number, mark, text);
            pseudoClassStateChanged(ADDED, line.addedByPatch());
            setCurrent(false, false);
            Tooltip.install(this, new Tooltip((line.number() > 0 ? line.number() + "  " : "") + line.text().strip()));
        }

        /** Whole, wrapped over as many rows as it needs, or on one row cut with an ellipsis. */
        void setWrapped(boolean on) {
            code.setWrapText(on);
        }

        /** Is the line only a comment? */
        boolean commentOnly() {
            return commentOnly;
        }

        void setCurrent(boolean on, boolean compact) {
            pseudoClassStateChanged(CURRENT, on);
            boolean n = on && !compact && !note.getText().isEmpty();
            note.setVisible(n);
            note.setManaged(n);
        }

        Listing.Line line() {
            return line;
        }

        /** The line number shown. */
        String numberText() {
            return number.getText();
        }

        /** The code shown (without its comment). */
        String codeText() {
            return code.getText();
        }

        Label codeLabel() {
            return code;
        }
    }

    /** The rows; lays out the window around the current line that fits the height. */
    private static final class Lines extends Region {
        private int current = -1;
        private boolean compact;

        void setAll(List<Listing.Line> l) {
            List<Row> rows = new ArrayList<>();
            for (Listing.Line line : l) {
                rows.add(new Row(line));
            }
            getChildren().setAll(rows);
            current = -1;
            requestLayout();
        }

        void setCurrent(int i) {
            if (current >= 0 && current < getChildren().size()) {
                ((Row) getChildren().get(current)).setCurrent(false, compact);
            }
            current = i;
            if (i >= 0 && i < getChildren().size()) {
                ((Row) getChildren().get(i)).setCurrent(true, compact);
            }
            for (int k = 0; k < getChildren().size(); k++) {
                Row r = (Row) getChildren().get(k);
                r.setWrapped(k == i && !r.commentOnly());
            }
            requestLayout();
        }

        private double rowHeight(int i, double w) {
            return getChildren().get(i).prefHeight(w);
        }

        /** The first and last line of the window for this size. */
        private int[] window(double w, double h) {
            int n = getChildren().size();
            if (n == 0) {
                return new int[] {0, -1};
            }
            int c = current >= 0 && current < n ? current : 0;
            int from = c;
            int to = c;
            double used = rowHeight(c, w);
            boolean below = true;
            boolean upFits = true;
            boolean downFits = true;
            while (to - from + 1 < WINDOW && (upFits || downFits)) {
                // grow one line at a time, alternately after and before, so that the current line stays centred;
                // when one side is at its end or its next line is too tall, the other side goes on
                boolean down = below ? downFits : !upFits;
                int next = down ? to + 1 : from - 1;
                if (next < 0 || next >= n || used + rowHeight(next, w) > h) {
                    if (down) {
                        downFits = false;
                    } else {
                        upFits = false;
                    }
                    below = !below;
                    continue;
                }
                used += rowHeight(next, w);
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
            double y = in.getTop();
            for (int i = 0; i < getChildren().size(); i++) {
                javafx.scene.Node r = getChildren().get(i);
                boolean in1 = i >= win[0] && i <= win[1];
                r.setVisible(in1);
                if (in1) {
                    // only the current line can be taller than the height (a wrapped line in a short band): it
                    // keeps what fits, its last row cut with an ellipsis (the whole line is in its tooltip)
                    double rh = Math.min(rowHeight(i, w), Math.max(0, in.getTop() + h - y));
                    r.resizeRelocate(in.getLeft(), y, w, rh);
                    y += rh;
                }
            }
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width < 0 ? 300 : width - getInsets().getLeft() - getInsets().getRight();
            int[] win = window(w, Double.MAX_VALUE);
            double h = 0;
            for (int i = win[0]; i <= win[1]; i++) {
                h += rowHeight(i, w);
            }
            return h + getInsets().getTop() + getInsets().getBottom();
        }

        @Override
        protected double computeMinHeight(double width) {
            int n = getChildren().size();
            double w = width < 0 ? 300 : width - getInsets().getLeft() - getInsets().getRight();
            double h = n == 0 ? 0 : rowHeight(current >= 0 && current < n ? current : 0, w);
            return h + getInsets().getTop() + getInsets().getBottom();
        }

        @Override
        protected double computePrefWidth(double height) {
            return 200;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }
    }
}
