package org.vmalab.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Checkpoint;
import org.vmalab.lesson.CueTimeline;
import org.vmalab.lesson.Glossary;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Narration;
import org.vmalab.lesson.Part;

/**
 * A lesson as one self-contained HTML page to print or hand out: the title, summary and objectives; for each part
 * its narration cards in the order they come up, each with the picture of the step it belongs to; the checkpoints
 * as numbered questions where they are asked; the step labels the text names (K3, S6 ...) with what each step does;
 * the answers, with their explanations and the lesson's reasons for the wrong choices, on a last page. The pictures
 * are PNGs embedded as data URIs and the style is inline, so the file loads nothing from anywhere. The print
 * style fits A4 and Letter alike (the printer's paper size, margins both take, no card split across pages).
 */
public final class Handout {
    /** The picture of one step of one part, as PNG bytes. */
    @FunctionalInterface
    public interface Pictures {
        byte[] png(int part, Trace trace, int step) throws ExportException;
    }

    private Handout() {
    }

    /** The handout of {@code lesson}; {@code pictures} draws each step that gets a picture. */
    public static String html(Lesson lesson, Pictures pictures) throws ExportException {
        StringBuilder b = new StringBuilder(1 << 16);
        String title = lesson.title().isEmpty() ? lesson.id() : lesson.title();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"VMA Lab\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header class=\"lesson\">\n<p class=\"kicker\">VMA Lab lesson handout</p>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n");
        if (!lesson.summary().isEmpty()) {
            b.append("<p class=\"summary\">").append(inline(lesson.summary())).append("</p>\n");
        }
        if (!lesson.objectives().isEmpty()) {
            b.append("<section class=\"objectives\">\n<h2>What you will learn</h2>\n<ul>\n");
            for (String o : lesson.objectives()) {
                b.append("<li>").append(inline(o)).append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("</header>\n");
        List<String[]> answers = new ArrayList<>();
        int parts = lesson.parts().size();
        for (int pi = 0; pi < parts; pi++) {
            Part p = lesson.parts().get(pi);
            Trace t = p.run();
            CueTimeline tl = p.timeline(t);
            String where = parts > 1 ? "Part " + (pi + 1) : "";
            b.append("<section class=\"part\">\n");
            if (parts > 1 || (p.title() != null && !p.title().isEmpty())) {
                b.append("<h2>").append(esc(where));
                if (p.title() != null && !p.title().isEmpty()) {
                    b.append(where.isEmpty() ? "" : ": ").append(inline(p.title()));
                }
                b.append("</h2>\n");
            }
            if (p.summary() != null && !p.summary().isEmpty()) {
                b.append("<p class=\"summary\">").append(inline(p.summary())).append("</p>\n");
            }
            int pictured = -1;
            for (CueTimeline.Entry e : tl.entries()) {
                int step = e.step();
                if (e.cue() instanceof Narration n) {
                    b.append("<article class=\"card\">\n<h3>").append(n.title().isEmpty() ? esc(caption(t, step))
                            : inline(n.title())).append("</h3>\n");
                    if (step != pictured) {
                        figure(b, pictures.png(pi, t, step), t, step);
                        pictured = step;
                    }
                    paragraphs(b, n.text());
                    b.append("</article>\n");
                } else if (e.cue() instanceof Checkpoint c) {
                    int q = answers.size() + 1;
                    b.append("<article class=\"question\">\n<h3>Question ").append(q).append("</h3>\n");
                    if (step != pictured) {
                        figure(b, pictures.png(pi, t, step), t, step);
                        pictured = step;
                    }
                    b.append("<p>").append(inline(c.question())).append("</p>\n<ol class=\"choices\">\n");
                    for (int k = 0; k < c.choices().size(); k++) {
                        b.append("<li><span class=\"box\"></span><b>").append(letter(k)).append(".</b> ")
                                .append(inline(c.choices().get(k))).append("</li>\n");
                    }
                    b.append("</ol>\n</article>\n");
                    answers.add(new String[] {Integer.toString(q), letter(c.answer()) + ". " + inline(c.answerText()),
                            c.explanation() == null ? "" : c.explanation(), whyNot(c)});
                }
            }
            b.append("</section>\n");
        }
        StringBuilder ans = new StringBuilder();
        if (!answers.isEmpty()) {
            ans.append("<section class=\"answers\">\n<h2>Answers</h2>\n");
            for (String[] a : answers) {
                ans.append("<div class=\"answer\">\n<h3>Question ").append(a[0])
                        .append("</h3>\n<p class=\"right\">").append(a[1]).append("</p>\n");
                paragraphs(ans, a[2]);
                ans.append(a[3]);
                ans.append("</div>\n");
            }
            ans.append("</section>\n");
        }
        labels(b, b.toString() + ans);
        b.append(ans);
        b.append("<footer><p>Made with VMA Lab from the lesson ").append(esc(lesson.id()))
                .append(". The pictures show the state after each step of the lesson's run.</p></footer>\n")
                .append("</body>\n</html>\n");
        return b.toString();
    }

    /** How many pictures the handout of {@code lesson} has (it runs every part once). */
    public static int pictureCount(Lesson lesson) throws ExportException {
        int[] n = new int[1];
        html(lesson, (part, trace, step) -> {
            n[0]++;
            return new byte[0];
        });
        return n[0];
    }

    /** The handout as UTF-8 bytes. */
    public static byte[] bytes(Lesson lesson, Pictures pictures) throws ExportException {
        return html(lesson, pictures).getBytes(StandardCharsets.UTF_8);
    }

    private static void figure(StringBuilder b, byte[] png, Trace t, int step) {
        b.append("<figure>\n<img alt=\"").append(esc(caption(t, step))).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>")
                .append(step == 0 ? "Before the first step" : "After step " + step + " of " + t.size() + ": "
                        + esc(t.caption(step))).append("</figcaption>\n</figure>\n");
    }

    /**
     * The step labels {@code html} names (K3, S6 ...; in the window each is a link to its card), each with what the
     * step does and where, in the kernel's order: on paper there is no card to open.
     */
    private static void labels(StringBuilder b, String html) {
        List<Glossary.Card> used = new ArrayList<>();
        for (Glossary.Card c : Glossary.cards()) {
            if (html.contains("\">" + c.label() + "</abbr>")) {
                used.add(c);
            }
        }
        if (used.isEmpty()) {
            return;
        }
        b.append("<section class=\"labels\">\n<h2>The steps named in this lesson</h2>\n<dl>\n");
        for (Glossary.Card c : used) {
            b.append("<dt>").append(esc(c.label())).append("</dt>\n<dd>").append(esc(c.words()))
                    .append(" <span class=\"where\">(<code>").append(esc(c.function())).append("</code>, ")
                    .append(esc(c.file())).append(")</span></dd>\n");
        }
        b.append("</dl>\n</section>\n");
    }

    /**
     * The reasons the lesson gives for a question's wrong choices, each beside its letter and text ("" when it gives
     * none): on the answers page, after the explanation, as the window shows the one the learner picked.
     */
    private static String whyNot(Checkpoint c) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < c.choices().size(); k++) {
            String why = c.whyNot(k);
            if (!why.isBlank()) {
                b.append("<li><b>").append(letter(k)).append(". ").append(inline(c.choices().get(k)))
                        .append("</b>: ").append(inline(why.strip().replaceAll("\\s*\\n\\s*", " ")))
                        .append("</li>\n");
            }
        }
        return b.isEmpty() ? "" : "<ul class=\"why-not\">\n" + b + "</ul>\n";
    }

    private static String caption(Trace t, int step) {
        return step == 0 ? "The start" : "Step " + step + ": " + t.caption(step);
    }

    private static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** Paragraphs separated by blank lines; the lines of one paragraph joined. */
    static void paragraphs(StringBuilder b, String text) {
        if (text == null) {
            return;
        }
        for (String para : text.strip().split("\\n\\s*\\n")) {
            String p = para.strip().replaceAll("\\s*\\n\\s*", " ");
            if (!p.isEmpty()) {
                b.append("<p>").append(inline(p)).append("</p>\n");
            }
        }
    }

    /**
     * Escaped text with {@code `code`} spans as {@code <code>}, and each step label outside them (K3, S6 ...) as an
     * {@code <abbr>} whose title says what the step does.
     */
    static String inline(String s) {
        StringBuilder b = new StringBuilder();
        boolean code = false;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '`') {
                String run = esc(s.substring(start, i));
                b.append(code ? "<code>" + run + "</code>" : stepLabels(run));
                if (i < s.length()) {
                    code = !code;
                }
                start = i + 1;
            }
        }
        return b.toString();
    }

    /** {@code text} (escaped already) with each step label that has a card as an {@code <abbr>}. */
    private static String stepLabels(String text) {
        Matcher m = Glossary.LABEL.matcher(text);
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (m.find()) {
            Glossary.Card c = Glossary.card(m.group());
            if (c != null) {
                b.append(text, at, m.start()).append("<abbr class=\"step\" title=\"").append(esc(c.words()))
                        .append("\">").append(m.group()).append("</abbr>");
                at = m.end();
            }
        }
        return b.append(text, at, text.length()).toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** Screen and print style; the print part fits A4 (210 x 297 mm) and Letter (216 x 279 mm). */
    static final String CSS = """
            :root { color-scheme: light; }
            body { font: 11pt/1.45 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #111;
                   background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 20pt; margin: 0 0 .4rem; line-height: 1.2; }
            h2 { font-size: 14pt; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
            h3 { font-size: 11.5pt; margin: 0 0 .35rem; }
            p { margin: .35rem 0; }
            code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 92%;
                   background: #f1f1f1; padding: 0 .15em; border-radius: 2px; }
            .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #555; margin: 0; }
            .summary { color: #333; }
            .objectives ul { margin: .3rem 0 0 1.2rem; padding: 0; }
            .card, .question { border: 1px solid #bbb; border-radius: 4px; padding: .6rem .8rem; margin: .8rem 0; }
            .question { border: 2px solid #444; }
            figure { margin: .3rem 0 .5rem; }
            figure img { display: block; width: 100%; height: auto; border: 1px solid #ccc; }
            figcaption { font-size: 9pt; color: #444; margin-top: .2rem; }
            .choices { list-style: none; margin: .3rem 0 .2rem .2rem; padding: 0; }
            .choices li { margin: .3rem 0; padding-left: 1.6em; text-indent: -1.6em; }
            .choices .box { display: inline-block; width: .75em; height: .75em; border: 1px solid #333;
                            margin-right: .5em; vertical-align: -.05em; }
            .answers .answer { margin: .6rem 0 .9rem; }
            .answers .right { font-weight: bold; }
            .answers .why-not { margin: .3rem 0 0 1.2rem; padding: 0; }
            .answers .why-not li { margin: .2rem 0; }
            abbr.step { text-decoration: none; font-weight: bold; }
            .labels dl { margin: .3rem 0; }
            .labels dt { font-weight: bold; float: left; width: 2.8em; }
            .labels dd { margin: 0 0 .35rem 2.8em; break-inside: avoid; }
            .labels .where { color: #444; }
            footer { margin-top: 2rem; font-size: 9pt; color: #555; border-top: 1px solid #ccc; }
            @page { size: auto; margin: 14mm 15mm 15mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              h2 { break-after: avoid; }
              .card, .question, .answer, figure { break-inside: avoid; }
              figure img { width: 100%; max-height: 125mm; object-fit: contain; margin: 0 auto; }
              .answers { break-before: page; }
              code { background: none; border: 1px solid #ddd; }
            }
            """;
}
