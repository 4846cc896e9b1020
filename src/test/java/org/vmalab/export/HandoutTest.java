package org.vmalab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.Checkpoint;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Narration;
import org.vmalab.lesson.Part;

/** The handout: everything of the lesson in order, the answers last, nothing loaded from outside. */
class HandoutTest {
    /** A 1x1 PNG, and which steps were asked for. */
    static final byte[] DOT = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void everyBuiltInLessonHasItsTextPicturesQuestionsAndAnswers() throws Exception {
        for (BuiltinLessons.Item item : BuiltinLessons.list()) {
            Lesson l = LessonLoader.load(item.path());
            List<String> asked = new ArrayList<>();
            String html = Handout.html(l, (part, trace, step) -> {
                asked.add(part + ":" + step);
                return DOT;
            });
            String what = item.fileName();
            assertTrue(html.startsWith("<!DOCTYPE html>"), what);
            assertTrue(html.contains("<h1>" + Handout.esc(l.title()) + "</h1>"), what);
            for (String o : l.objectives()) {
                assertTrue(html.contains("<li>" + Handout.inline(o) + "</li>"), what + ": objective " + o);
            }
            int questions = 0;
            int lastQuestion = -1;
            List<String> reasons = new ArrayList<>();
            for (Part p : l.parts()) {
                for (Narration n : p.narration()) {
                    if (!n.title().isEmpty()) {
                        assertTrue(html.contains("<h3>" + Handout.inline(n.title()) + "</h3>"), what + ": "
                                + n.title());
                    }
                }
                for (Checkpoint c : p.checkpoints()) {
                    questions++;
                    int at = html.indexOf("<p>" + Handout.inline(c.question()) + "</p>");
                    assertTrue(at > lastQuestion, what + ": question in order: " + c.question());
                    lastQuestion = at;
                    for (int k = 0; k < c.choices().size(); k++) {
                        assertTrue(html.indexOf("<b>" + (char) ('A' + k) + ".</b> " + Handout.inline(c.choices()
                                .get(k)), at) > at, what + ": choice " + c.choices().get(k));
                        if (!c.whyNot(k).isEmpty()) {
                            reasons.add("<li><b>" + (char) ('A' + k) + ". " + Handout.inline(c.choices().get(k))
                                    + "</b>: " + Handout.inline(c.whyNot(k).strip().replaceAll("\\s*\\n\\s*", " "))
                                    + "</li>");
                        }
                    }
                }
            }
            assertEquals(questions, count(html, "<article class=\"question\">"), what);
            int answers = html.indexOf("<section class=\"answers\">");
            if (questions > 0) {
                assertTrue(answers > lastQuestion, what + ": the answers come after every question");
                assertEquals(questions, count(html.substring(answers), "<p class=\"right\">"), what);
                // the reason of each wrong choice beside it, on the answers page only: the questions stay blank
                int last = answers;
                for (String r : reasons) {
                    assertTrue(html.indexOf(r) > last, what + ": in order on the answers page: " + r);
                    last = html.indexOf(r);
                    assertEquals(1, count(html, r), what + ": once: " + r);
                }
            } else {
                assertEquals(-1, answers, what);
            }
            // one picture per step that has a card, each embedded
            assertEquals(asked.size(), count(html, "<img "), what);
            assertEquals(asked.size(), count(html, "src=\"data:image/png;base64,"), what);
            assertEquals(asked.size(), new java.util.HashSet<>(asked).size(), what + ": no step drawn twice");
            assertTrue(asked.size() >= l.parts().size(), what);
        }
    }

    @Test
    void nothingExternalIsLoadedAndThePrintStyleFitsA4AndLetter() throws Exception {
        Lesson l = LessonLoader.load(BuiltinLessons.list().get(0).path());
        String html = Handout.html(l, (part, trace, step) -> DOT);
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String bad : List.of("<script", "<link", "<iframe", "<object", "<embed", "@import", "http:", "https:",
                "//fonts")) {
            assertFalse(lower.contains(bad), bad);
        }
        Matcher src = Pattern.compile("\\b(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertTrue(src.group(2).startsWith("data:image/png;base64,"), src.group());
        }
        Matcher url = Pattern.compile("url\\(").matcher(html);
        assertFalse(url.find(), "no url() in the style");
        assertTrue(html.contains("@page { size: auto;"), "the printer's paper, A4 or Letter");
        assertTrue(html.contains(".answers { break-before: page; }"));
        assertTrue(html.contains("break-inside: avoid"));
    }

    @Test
    void textIsEscapedAndCodeSpansAreCode() {
        assertEquals("a &lt;b&gt; &amp; <code>mm_rb</code> &quot;x&quot;", Handout.inline("a <b> & `mm_rb` \"x\""));
        StringBuilder b = new StringBuilder();
        Handout.paragraphs(b, "one\ntwo\n\nthree\n");
        assertEquals("<p>one two</p>\n<p>three</p>\n", b.toString());
    }

    /**
     * In the window a step label of the narration (K3, S6, X4 ...) is a link to a card that says what the step does;
     * on paper the handout says it too: each label is explained where it is used (its words as a tooltip) and once
     * more in a list of the labels the lesson names, before the answers.
     */
    @Test
    void theStepLabelsTheLessonNamesAreExplainedOnPaper() throws Exception {
        Lesson l = LessonLoader.load(BuiltinLessons.find("05").path());
        String html = Handout.html(l, (part, trace, step) -> DOT);
        int list = html.indexOf("<section class=\"labels\">");
        assertTrue(list > 0, "a list of the step labels");
        int last = html.lastIndexOf("<article class=\"question\">");
        assertTrue(list > last, "after the last question");
        int answers = html.indexOf("<section class=\"answers\">");
        assertTrue(answers < 0 || list < answers, "before the answers");
        String section = html.substring(list, html.indexOf("</section>", list));
        List<String> labels = new ArrayList<>();
        Matcher dt = Pattern.compile("<dt>([A-Za-z0-9]+)</dt>").matcher(section);
        while (dt.find()) {
            labels.add(dt.group(1));
        }
        assertEquals(List.of("K2", "K3", "K5", "K6", "K8", "K9"), labels, "the labels lesson 5 names, in order");
        org.vmalab.lesson.Glossary.Card k3 = org.vmalab.lesson.Glossary.card("K3");
        assertTrue(section.contains(Handout.esc(k3.words())), section);
        assertTrue(section.contains("<code>" + k3.function() + "</code>"), section);
        assertTrue(html.contains("<abbr class=\"step\" title=\"" + Handout.esc(k3.words()) + "\">K3</abbr>"),
                "K3 in the text carries its words");
        assertEquals("<code>K3</code> and <abbr class=\"step\" title=\"" + Handout.esc(k3.words())
                + "\">K3</abbr>", Handout.inline("`K3` and K3"), "a label in code stays code");

        Lesson none = LessonLoader.load(BuiltinLessons.find("02").path());
        assertFalse(Handout.html(none, (part, trace, step) -> DOT).contains("class=\"labels\""),
                "no list when the lesson names no label");
    }
}
