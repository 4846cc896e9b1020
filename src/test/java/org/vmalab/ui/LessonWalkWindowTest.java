package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Checkpoint;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Narration;
import org.vmalab.lesson.Part;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;

/**
 * What a student met walking lessons 3 to 16 in a 1280x720 window (ninth session): a question must be asked at the
 * step it speaks of, and the lesson's words must say what the window shows, with no id of the lesson format.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWalkWindowTest {
    private Player player;
    private MainView view;
    private List<Lessons.Entry> entries;

    @Start
    void start(Stage s) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1280, 720));
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        entries = Lessons.load(Path.of("lessons"));
        view.setLessons(Path.of("lessons"), entries, Lessons.Progress.inMemory());
    }

    private List<Lesson> lessons() {
        List<Lesson> out = new ArrayList<>();
        for (Lessons.Entry e : entries) {
            assertTrue(e.ok(), e.path() + " loads");
            out.add(e.lesson());
        }
        return out;
    }

    private void open(Lesson l, int part) {
        fx(() -> {
            view.openLesson(l, part);
            return null;
        });
        settle(player);
    }

    private void seek(int i) {
        FxWait.seek(player, view, i);
        fx(() -> {
            view.tree().finishAnimation();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "T1 looks for 0x7ffff7dcc000": the thread and the address a question speaks of. */
    private static final Pattern LOOKS_FOR = Pattern.compile("\\b(T\\d) looks for (0x[0-9a-f]+)");

    /**
     * A question that says which address a thread looks for is asked while that thread's lane shows the operation
     * with that address (lesson 3's first question spoke of 0x7ffff7dcc000 during the lookup of 0x55555575e000: its
     * anchor counted the root's load as a visit).
     */
    @Test
    void aQuestionAboutALookupIsAskedDuringThatLookup() {
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (Lesson l : lessons()) {
            for (int p = 0; p < l.parts().size(); p++) {
                Part part = l.parts().get(p);
                for (Checkpoint c : part.checkpoints()) {
                    Matcher m = LOOKS_FOR.matcher(c.question());
                    if (!m.find()) {
                        continue;
                    }
                    seen++;
                    open(l, p);
                    int at = fx(() -> c.anchor().resolve(player.trace()));
                    seek(at);
                    String thread = m.group(1);
                    String address = m.group(2);
                    String op = fx(() -> view.lanes().stream().filter(x -> x.name().equals(thread)).findFirst()
                            .map(x -> ((Labeled) x.lookup(".op-pill")).getText()).orElse("(no lane)"));
                    if (!op.contains(address)) {
                        wrong.add(l.id() + " part " + (p + 1) + ", step " + at + ": '" + c.question()
                                + "' is asked while "
                                + thread + " runs '" + op + "'");
                    }
                }
            }
        }
        assertTrue(seen > 0, "no question says which address a thread looks for");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The words a node shows of its own gap, as drawn in the tree ("gap 0x1ff000"). */
    private List<String> gapsDrawn() {
        return fx(() -> view.tree().drawn().stream().flatMap(d -> d.texts().stream()).map(TreeCanvas.DrawnText::text)
                .filter(t -> t.startsWith("gap ")).toList());
    }

    /**
     * Lesson 3's card says each node shows its gap as "gap": in a 1280x720 window the tree is fitted with the names
     * only, so the card says how to see them (+, twice at most, shows every node's numbers), and it does.
     */
    @Test
    void theGapsLesson3SpeaksOfShowAt1280x720() {
        Lesson l = lessons().stream().filter(x -> x.id().equals("03-augmented-gap")).findFirst().orElseThrow();
        Narration card = l.parts().get(0).narration().stream().filter(n -> n.text().contains("shows it as \"gap\""))
                .findFirst().orElseThrow();
        open(l, 0);
        seek(fx(() -> card.anchor().resolve(player.trace())));
        if (!gapsDrawn().isEmpty()) {
            return;
        }
        assertTrue(card.text().contains("+ zooms in"), "the tree shows no gap at 1280x720 and the card does not say "
                + "how to see them: " + card.text());
        for (int i = 0; i < 2 && gapsDrawn().isEmpty(); i++) {
            fx(() -> {
                view.tree().zoomBy(1.25);
                return null;
            });
            seek(fx(() -> card.anchor().resolve(player.trace())));
        }
        assertTrue(!gapsDrawn().isEmpty(), "+ pressed twice shows the nodes' gaps");
    }

    /** The ids of the lesson format's layouts (a lesson's {@code layout:}): "Layout M" means nothing to a student. */
    private static final Pattern LAYOUT_ID = Pattern.compile("\\b[Ll]ayout [A-Z]\\b");

    /** Every text of a lesson the student reads: narration, questions, choices, explanations, reasons, goals, hints. */
    private static List<String> texts(Lesson l) {
        List<String> out = new ArrayList<>();
        out.add(l.title());
        for (Part p : l.parts()) {
            out.add(p.title());
            for (Narration n : p.narration()) {
                out.add(n.title());
                out.add(n.text());
            }
            for (Checkpoint c : p.checkpoints()) {
                out.add(c.question());
                out.addAll(c.choices());
                out.add(c.explanation());
                out.addAll(c.whyNot());
            }
            if (p.challenge() != null) {
                out.add(p.challenge().text());
                out.addAll(p.challenge().hints());
            }
        }
        out.removeIf(s -> s == null);
        return out;
    }

    /**
     * Lesson 13 said "Layout M (lesson 9)", the name of lesson 9's scenario in the file, never shown to the student.
     */
    @Test
    void noLessonNamesALayoutOfTheFileFormat() {
        List<String> found = new ArrayList<>();
        for (Lesson l : lessons()) {
            for (String t : texts(l)) {
                Matcher m = LAYOUT_ID.matcher(t);
                if (m.find()) {
                    found.add(l.id() + ": '" + m.group() + "' in '" + t.strip() + "'");
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /**
     * What the narration says of how the tree draws a black and a red node is what the window draws: lesson 4 said
     * black nodes are drawn in UPPERCASE and red ones in lowercase (as the SVG export does), but the window writes
     * every name as it is and tells the colours by the fill and a dashed border.
     */
    @Test
    void theNarrationDescribesTheTreeAsTheWindowDrawsIt() {
        List<String> wrong = new ArrayList<>();
        for (Lesson l : lessons()) {
            for (int p = 0; p < l.parts().size(); p++) {
                for (Narration n : l.parts().get(p).narration()) {
                    String t = n.text();
                    if (!t.contains("UPPERCASE") && !t.toLowerCase(Locale.ROOT).contains("lowercase")) {
                        continue;
                    }
                    open(l, p);
                    // (the part's end: a tree with black nodes)
                    seek(fx(() -> player.size()));
                    List<String> names = fx(() -> {
                        List<String> out = new ArrayList<>();
                        for (TreeCanvas.Drawn d : view.tree().drawn()) {
                            StepScene.NodeView v = player.scene().node(d.id());
                            if (v != null && v.black() && !d.texts().isEmpty()) {
                                out.add(d.texts().get(0).text());
                            }
                        }
                        return out;
                    });
                    assertTrue(!names.isEmpty(), l.id() + " part " + (p + 1) + ": a black node is drawn");
                    for (String name : names) {
                        if (!name.equals(name.toUpperCase(Locale.ROOT))) {
                            wrong.add(l.id() + " part " + (p + 1) + " '" + n.title()
                                    + "' says UPPERCASE for black nodes;"
                                    + " the window draws '" + name + "'");
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
