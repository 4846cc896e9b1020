package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown of the learner's text (narration, checkpoint explanations, lesson captions) as {@link Text} runs
 * in a {@link TextFlow}: CommonMark (commonmark-java) parses it, and each run gets style classes that the
 * stylesheet turns into fonts and colours, so that every theme and presentation mode's type size apply.
 *
 * <p>Every run has {@code md-text}; code spans add {@code md-code} (mono), emphasis {@code md-em}, strong
 * {@code md-strong}, links {@code md-link}, headings {@code md-heading}, list markers {@code md-bullet}, code
 * blocks {@code md-code-block}. Paragraphs are separated by a blank line, list items start on a line of their
 * own with "•" or their number. The font size is inherited from the flow's container (set it there, in em or
 * px); the colour comes from {@code .md-text} and may be overridden per context ({@code .narration .md-text}).
 * Use {@link #flow(String)} for a new flow, {@link #show(TextFlow, String)} to replace a flow's text, and
 * {@link #plain(String)} for the text as the learner reads it (tests, accessibility, logs).
 */
final class Markdown {
    /** The style class of a flow made here. */
    static final String FLOW = "md";
    static final String TEXT = "md-text";
    static final String CODE = "md-code";
    static final String EM = "md-em";
    static final String STRONG = "md-strong";
    static final String LINK = "md-link";
    static final String HEADING = "md-heading";
    static final String BULLET = "md-bullet";
    static final String CODE_BLOCK = "md-code-block";

    private static final Parser PARSER = Parser.builder().build();

    private Markdown() {
    }

    /** A new flow showing {@code md}. */
    static TextFlow flow(String md) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(FLOW);
        show(f, md);
        return f;
    }

    /** Replaces what {@code flow} shows with {@code md} (null or blank: nothing). */
    static void show(TextFlow flow, String md) {
        List<Text> runs = runs(md);
        flow.getChildren().setAll(runs);
        flow.setAccessibleText(join(runs));
    }

    /** The runs of {@code md}, in order. */
    static List<Text> runs(String md) {
        Builder b = new Builder();
        if (md != null && !md.isBlank()) {
            b.blocks(PARSER.parse(md), "");
        }
        return b.out;
    }

    /** {@code md} as the learner reads it: the markup gone, the text and line breaks kept. */
    static String plain(String md) {
        return join(runs(md));
    }

    /** The text of a flow's runs (what {@link #show} put there). */
    static String text(TextFlow flow) {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                b.append(t.getText());
            }
        }
        return b.toString();
    }

    private static String join(List<Text> runs) {
        StringBuilder b = new StringBuilder();
        for (Text t : runs) {
            b.append(t.getText());
        }
        return b.toString();
    }

    /** Walks the CommonMark tree and emits runs; consecutive runs with the same classes are merged. */
    private static final class Builder {
        final List<Text> out = new ArrayList<>();
        private int pendingBreaks;
        /** The next block starts right after a list marker: no break before it. */
        private boolean afterMarker;

        void blocks(Node parent, String indent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                block(n, indent);
            }
        }

        private void block(Node n, String indent) {
            if (n instanceof Paragraph) {
                separate(n.getParent() instanceof ListItem li && li.getParent() instanceof ListBlock lb
                        && lb.isTight() ? 1 : 2);
                inline(n, List.of());
            } else if (n instanceof Heading) {
                separate(2);
                inline(n, List.of(HEADING));
            } else if (n instanceof ListBlock list) {
                separate(2);
                int number = list instanceof OrderedList ol ? ol.getStartNumber() : 0;
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    separate(list.isTight() ? 1 : 2);
                    String marker = list instanceof OrderedList ? number++ + ". " : "•  ";
                    emit(indent + marker, List.of(BULLET));
                    afterMarker = true;
                    blocks(item, indent + "    ");
                    afterMarker = false;
                }
            } else if (n instanceof FencedCodeBlock f) {
                separate(2);
                emit(strip(f.getLiteral()), List.of(CODE, CODE_BLOCK));
            } else if (n instanceof IndentedCodeBlock c) {
                separate(2);
                emit(strip(c.getLiteral()), List.of(CODE, CODE_BLOCK));
            } else if (n instanceof HtmlBlock h) {
                separate(2);
                emit(strip(h.getLiteral()), List.of());
            } else if (n instanceof ThematicBreak) {
                separate(2);
                emit("———", List.of());
            } else if (n instanceof BlockQuote) {
                separate(2);
                blocks(n, indent + "    ");
            } else {
                blocks(n, indent);
            }
        }

        private void inline(Node parent, List<String> styles) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof org.commonmark.node.Text t) {
                    emit(t.getLiteral(), styles);
                } else if (n instanceof Code c) {
                    emit(c.getLiteral(), with(styles, CODE));
                } else if (n instanceof Emphasis) {
                    inline(n, with(styles, EM));
                } else if (n instanceof StrongEmphasis) {
                    inline(n, with(styles, STRONG));
                } else if (n instanceof Link) {
                    inline(n, with(styles, LINK));
                } else if (n instanceof SoftLineBreak) {
                    emit(" ", styles);
                } else if (n instanceof HardLineBreak) {
                    emit("\n", styles);
                } else if (n instanceof HtmlInline h) {
                    emit(h.getLiteral(), styles);
                } else {
                    inline(n, styles);
                }
            }
        }

        private static List<String> with(List<String> styles, String s) {
            List<String> l = new ArrayList<>(styles);
            if (!l.contains(s)) {
                l.add(s);
            }
            return l;
        }

        private static String strip(String s) {
            return s == null ? "" : s.replaceAll("\\n+$", "");
        }

        /** A break of {@code n} newlines before the next text (1: a new line, 2: a blank line). */
        private void separate(int n) {
            if (afterMarker) {
                afterMarker = false;
                return;
            }
            if (!out.isEmpty()) {
                pendingBreaks = Math.max(pendingBreaks, n);
            }
        }

        private void emit(String s, List<String> styles) {
            if (s.isEmpty()) {
                return;
            }
            if (pendingBreaks > 0) {
                append("\n".repeat(pendingBreaks), List.of());
                pendingBreaks = 0;
            }
            append(s, styles);
        }

        private void append(String s, List<String> styles) {
            if (!out.isEmpty()) {
                Text last = out.get(out.size() - 1);
                List<String> lastStyles = last.getStyleClass().subList(1, last.getStyleClass().size());
                if (lastStyles.equals(styles) || s.isBlank() && !styles.contains(CODE)
                        && !lastStyles.contains(CODE)) {
                    last.setText(last.getText() + s);
                    return;
                }
            }
            Text t = new Text(s);
            t.getStyleClass().add(TEXT);
            t.getStyleClass().addAll(styles);
            out.add(t);
        }
    }
}
