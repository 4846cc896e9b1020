package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;
import static org.vmalab.ui.FxWait.until;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;

/**
 * Issue 12, item 7: markdown is rendered (code spans in the mono font, emphasis, lists), underscores are shown
 * (no label parses mnemonics), and hiding the lesson pane does not move its narration above the tree.
 */
@ExtendWith(ApplicationExtension.class)
class TextWindowTest {
    private Player player;
    private MainView view;
    /** The lesson whose checkpoint offers a choice with "vma_has_changed" in it, and that part. */
    private Lesson lesson9;
    private int part9;

    @Start
    void start(Stage stage) {
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        stage.setScene(new javafx.scene.Scene(view, 1240, 760));
        view.selectTheme(MainView.Theme.LIGHT);
        stage.show();
        List<Lessons.Entry> entries = Lessons.load(Path.of("lessons"));
        for (Lessons.Entry e : entries) {
            for (int i = 0; e.ok() && lesson9 == null && i < e.lesson().parts().size(); i++) {
                for (org.vmalab.lesson.Checkpoint c : e.lesson().parts().get(i).checkpoints()) {
                    if (c.choices().stream().anyMatch(x -> x.contains("vma_has_changed"))) {
                        lesson9 = e.lesson();
                        part9 = i;
                    }
                }
            }
        }
        view.setLessons(Path.of("lessons"), entries, Lessons.Progress.inMemory());
        view.openLesson(lesson9, part9);
    }

    @Test
    void markdownBecomesStyledRuns() {
        String md = "`vma_has_changed()` reads *only* **two** things:\n\n- `RB_EMPTY_NODE`\n- the sequence\n\n"
                + "A_B stays, and so does __find_vma.";
        assertEquals("vma_has_changed() reads only two things:\n\n•  RB_EMPTY_NODE\n•  the sequence\n\n"
                + "A_B stays, and so does __find_vma.", Markdown.plain(md));
        TextFlow flow = fx(() -> {
            TextFlow f = Markdown.flow(md);
            f.getStyleClass().add("narration");
            f.setManaged(false);
            view.getChildren().add(f);
            f.applyCss();
            return f;
        });
        Text code = run(flow, "vma_has_changed()");
        Text em = run(flow, "only");
        Text strong = run(flow, "two");
        Text plain = run(flow, " reads ");
        assertEquals("DejaVu Sans Mono", fx(() -> code.getFont().getFamily()), "a code span is set in the mono font");
        assertTrue(fx(() -> em.getFont().getStyle()).matches("(?i).*(italic|oblique).*"), fx(() -> em.getFont()
                .getStyle()));
        assertTrue(fx(() -> strong.getFont().getStyle()).toLowerCase().contains("bold"));
        assertEquals("DejaVu Sans", fx(() -> plain.getFont().getFamily()));
        assertEquals(14, fx(() -> plain.getFont().getSize()), 0.01, "the size comes from the container");
        assertEquals(14, fx(() -> code.getFont().getSize()), 0.01);
        Color text = fx(() -> view.palette().get(Ink.TEXT));
        assertEquals(text, fx(plain::getFill), "the theme's text colour");
        assertFalse(fx(() -> Markdown.text(flow)).contains("`"));
        assertTrue(Markdown.plain("1. one\n2. two").startsWith("1. one\n2. two"));
    }

    private static Text run(TextFlow flow, String s) {
        return fx(() -> flow.getChildren().stream().map(n -> (Text) n).filter(t ->
                t.getText().strip().equals(s.strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no run '" + s + "' in " + Markdown.text(flow))));
    }

    @Test
    void everyUnderscoreIsShown() {
        settle(player);
        // the lesson's checkpoint offers "The sequence check in vma_has_changed" and "RB_EMPTY_NODE in vma_has_changed"
        fx(() -> {
            player.seek(player.checkpoints().get(0).index());
            return null;
        });
        until("the checkpoint", () -> view.lessonPane().checkpointShown());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        fx(() -> {
            view.applyCss();
            view.layout();
            shown(view, checked, wrong);
            for (Menu m : view.menuBar().getMenus()) {
                items(m, checked, wrong);
            }
            return null;
        });
        assertTrue(wrong.isEmpty(), "underscores lost: " + wrong);
        assertTrue(checked.stream().anyMatch(s -> s.contains("vma_has_changed")), "the checkpoint's choices: "
                + checked);
        assertTrue(checked.stream().anyMatch(s -> s.contains("mm_rb_lock")), checked.toString());
    }

    /** Every labeled control whose text has an underscore shows it on the screen (its skin's text node). */
    private static void shown(Parent p, List<String> checked, List<String> wrong) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.getText() != null && l.getText().contains("_") && l.isVisible()
                    && !Classroom.mnemonic(l.getText())) {
                checked.add(l.getText());
                String onScreen = l.lookupAll(".text").stream().filter(t -> t instanceof Text)
                        .map(t -> ((Text) t).getText()).reduce("", String::concat);
                // (a label cut at its end by an ellipsis shows the beginning of its text)
                String shownPart = onScreen.replaceAll("(\\.\\.\\.|…)$", "");
                if (!l.getText().startsWith(shownPart) || l.isMnemonicParsing()) {
                    wrong.add(l.getText() + " shows as " + onScreen);
                }
            }
            if (n instanceof Parent q) {
                shown(q, checked, wrong);
            }
        }
    }

    private static void items(MenuItem mi, List<String> checked, List<String> wrong) {
        if (mi.getText() != null && mi.getText().contains("_")) {
            checked.add(mi.getText());
            if (mi.isMnemonicParsing()) {
                wrong.add("menu item " + mi.getText());
            }
        }
        if (mi instanceof Menu m) {
            for (MenuItem c : m.getItems()) {
                items(c, checked, wrong);
            }
        }
    }

    @Test
    void hidingTheLessonPaneHidesItsNarrationAndOtherNarrationIsRendered() {
        settle(player);
        Node band = fx(() -> view.lookup(".narration-band"));
        assertFalse(fx(band::isVisible), "the lesson's narration is in its pane");
        fx(() -> {
            ((javafx.scene.control.ToggleButton) view.lookup("#lesson-toggle")).setSelected(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> view.getChildrenUnmodifiable().isEmpty()));
        assertFalse(fx(band::isVisible), "hiding the pane does not move the narration above the tree");
        // a run with narration that is not the lesson's (a schedule loaded from elsewhere): rendered in the band
        Playable p = Lessons.playable(lesson9, part9);
        fx(() -> {
            player.load(new Playable("run", p.title(), p.summary(), p.scenario(), p.schedule(), p.narration()));
            return null;
        });
        settle(player);
        until("the narration band", band::isVisible);
        String shown = fx(() -> Markdown.text((TextFlow) view.lookup("#narration-band")));
        assertFalse(shown.isBlank());
        assertFalse(shown.contains("`"), "no raw markdown: " + shown);
        assertTrue(fx(() -> view.lookup("#narration-band").lookupAll(".md-code").size()) > 0, "code spans: " + shown);
    }
}
