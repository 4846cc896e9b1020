package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.ui.FxWait.fx;
import static org.vmalab.ui.FxWait.settle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.PseudoCode;
import org.vmalab.engine.trace.TaskView.Status;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;

/**
 * Issue 12, item 4: every thread side by side, each column with its operation, its locks and a window of
 * pseudo-C centred on the current line that fits without scrolling sideways; the lock holder and its waiters
 * stay in view when the columns do not all fit; every listing line has its own number; choosing a sleeping
 * thread says why beside its lane (item 8).
 */
@ExtendWith(ApplicationExtension.class)
class ThreadsWindowTest {
    private Player player;
    private MainView view;
    private Stage stage;
    /** The lesson with five threads (three readers in a relay, a writer, a classic fault). */
    private Lesson five;

    @Start
    void start(Stage s) {
        stage = s;
        player = new Player(new FxTaskRunner());
        view = new MainView(player);
        s.setScene(new javafx.scene.Scene(view, 1240, 760));
        s.sizeToScene();
        view.selectTheme(MainView.Theme.LIGHT);
        s.show();
        List<Lessons.Entry> entries = Lessons.load(Path.of("lessons"));
        five = entries.stream().filter(Lessons.Entry::ok).map(Lessons.Entry::lesson)
                .filter(l -> l.parts().get(0).scenario().threads().size() == 5).findFirst().orElseThrow();
        view.setLessons(Path.of("lessons"), entries, Lessons.Progress.inMemory());
        view.openLesson(five, 0);
    }

    private ScrollPane band() {
        return band(view);
    }

    private static ScrollPane band(MainView v) {
        return (ScrollPane) v.lookup(".lanes-scroll");
    }

    private static Bounds scene(javafx.scene.Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 1 && inner.getMaxX() <= outer.getMaxX() + 1
                && inner.getMinY() >= outer.getMinY() - 1 && inner.getMaxY() <= outer.getMaxY() + 1;
    }

    private Bounds viewport() {
        return viewport(view);
    }

    private static Bounds viewport(MainView v) {
        ScrollPane sp = band(v);
        javafx.scene.Node vp = sp.lookup(".viewport");
        return scene(vp);
    }

    private void seek(int i) {
        FxWait.seek(player, view, i);
    }

    @Test
    void fiveThreadsSideBySideEachWithItsCurrentLineInView() {
        settle(player);
        // 1240x760 (the headless screen): a few lines each
        seek(12);
        checkColumns(view, 2);
        // 1600x1000, off screen (larger than the headless screen): about twelve
        Player big = new Player(new FxTaskRunner());
        MainView v = fx(() -> {
            MainView m = new MainView(big);
            new javafx.scene.Scene(m, 1600, 1000);
            m.selectTheme(MainView.Theme.LIGHT);
            m.openLesson(five, 0);
            return m;
        });
        settle(big);
        fx(() -> {
            big.seek(12);
            return null;
        });
        for (int i = 0; i < 3; i++) {
            fx(() -> v.getScene().snapshot(null));
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (System.getProperty("shot") != null) {
            fx(() -> javax.imageio.ImageIO.write(org.vmalab.export.Png.toBuffered(v.getScene().snapshot(null)), "png",
                    new java.io.File("/tmp/panels/cols-1600.png")));
        }
        checkColumns(v, 8);
    }

    private void checkColumns(MainView view, int minLines) {
        assertEquals(5, (int) fx(() -> view.lanes().size()));
        Bounds vp = fx(() -> viewport(view));
        List<String> problems = new ArrayList<>();
        fx(() -> {
            double y0 = -1;
            for (ThreadLane l : view.lanes()) {
                Bounds lb = scene(l);
                if (!inside(lb, vp)) {
                    problems.add(l.name() + " is not in view: " + lb + " vs " + vp);
                }
                if (y0 >= 0 && Math.abs(lb.getMinY() - y0) > 1) {
                    problems.add(l.name() + " is not beside the others");
                }
                y0 = lb.getMinY();
                CodeView c = l.code();
                if (c.currentLine() < 0) {
                    continue;
                }
                List<Integer> shown = c.visibleLines();
                if (!shown.contains(c.currentLine())) {
                    problems.add(l.name() + ": the current line is not shown " + shown);
                }
                if (shown.size() > CodeView.WINDOW || shown.size() < Math.min(minLines, c.lines().size())) {
                    problems.add(l.name() + ": " + shown.size() + " lines shown");
                }
                int before = shown.indexOf(c.currentLine());
                int after = shown.size() - 1 - before;
                // centred, unless the window reaches the first or the last line of the listing
                boolean atAnEnd = shown.get(0) == 0 || shown.get(shown.size() - 1) == c.lines().size() - 1;
                if (Math.abs(before - after) > 2 && !atAnEnd) {
                    problems.add(l.name() + ": the current line is not centred (" + before + " above, " + after
                            + " below)");
                }
                for (int i : shown) {
                    CodeView.Row r = c.row(i);
                    if (!inside(scene(r), lb)) {
                        problems.add(l.name() + ": line " + r.numberText() + " is cut off");
                    }
                    javafx.scene.text.Text code = r.codeNode();
                    Bounds cb = code.getBoundsInParent();
                    if (cb.getMaxY() > r.getHeight() + 1 || cb.getMaxX() > r.getWidth() + 0.5 || code.getText()
                            .isEmpty()) {
                        problems.add(l.name() + ": line " + r.numberText() + " does not fit its column ("
                                + code.getText() + ")");
                    }
                }
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(fx(() -> band(view).lookupAll(".scroll-bar").stream().anyMatch(b -> b.isVisible()
                && ((javafx.scene.control.ScrollBar) b).getOrientation() == javafx.geometry.Orientation.HORIZONTAL)),
                "all five fit: no horizontal scroll bar");
        // each column says its operation and its locks
        for (ThreadLane l : fx(() -> view.lanes())) {
            assertTrue(fx(() -> l.lookup(".lane-op-count") instanceof javafx.scene.control.Label c
                    && !c.getText().isEmpty()));
            assertTrue(fx(() -> l.lookup(".lane-holds") instanceof javafx.scene.control.Label c
                    && c.getText().startsWith("holds")));
        }
    }

    /**
     * The whole window at once, in the five-thread lesson with the lesson pane open: at 1600x1000 the tree shows every
     * number on its nodes and every column at least eight lines of pseudo-C (or its whole listing) around its current
     * line; at 1280x720 the whole tree and every column's current line are in view.
     */
    @Test
    void theTreesNumbersAndEveryThreadsCodeAtOnce() {
        List<String> problems = new ArrayList<>();
        fx(() -> {
            for (int[] size : new int[][] {{1600, 1000}, {1280, 720}}) {
                TreeViewTest.Window w = new TreeViewTest.Window(size[0], size[1]).lesson("fairness");
                for (int step : new int[] {12, 30, 60, 100}) {
                    w.player.seek(step);
                    w.settle();
                    w.settle();
                    String at = size[0] + "x" + size[1] + " step " + step + ": ";
                    if (size[0] == 1600 && w.tree().detail() != org.vmalab.viewmodel.TreeGeometry.Detail.FULL) {
                        problems.add(at + "the tree shows " + w.tree().detail() + ", not every number");
                    }
                    if (w.outside() != null) {
                        problems.add(at + w.outside());
                    }
                    Bounds vp = viewport(w.view);
                    for (ThreadLane l : w.view.lanes()) {
                        CodeView c = l.code();
                        if (!inside(scene(l), vp)) {
                            problems.add(at + l.name() + " is not in view");
                        }
                        if (c.currentLine() < 0) {
                            continue;
                        }
                        List<Integer> shown = c.visibleLines();
                        if (!shown.contains(c.currentLine()) || !inside(scene(c.row(c.currentLine())), scene(l))) {
                            problems.add(at + l.name() + ": the current line is not in view");
                        }
                        if (size[0] == 1600 && shown.size() < Math.min(8, c.lines().size())) {
                            problems.add(at + l.name() + ": " + shown.size() + " lines of " + c.lines().size());
                        }
                    }
                }
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Lesson 16's five threads at 1280x720 with the lesson pane open (and at 1920x1080, and presenting at 1280x720 at
     * 150 % and 200 %): at every step of the run (every third at 1920x1080), every column's head reads whole (the
     * thread's key, name, role and state, the function and its file:line: no label cut or ellipsised, none wider than
     * its room), the current line is whole in view, and no line of pseudo-C in view is broken inside an
     * identifier or a number (rows end at token boundaries) or wider than its column.
     */
    @Test
    void atTheSmallestScreenEveryHeadReadsWholeAndCodeWrapsBetweenTokens() {
        List<String> problems = new ArrayList<>();
        // width, height, and the presentation's type (an index of Presentation.SCALES, -1: not presenting)
        for (int[] size : new int[][] {{1280, 720, -1}, {1920, 1080, -1}, {1280, 720, 2}, {1280, 720, 4}}) {
            TreeViewTest.Window w = fx(() -> {
                TreeViewTest.Window x = new TreeViewTest.Window(size[0], size[1]).lesson("fairness");
                if (size[2] >= 0) {
                    x.view.classroom().presentation().enter();
                    x.view.classroom().presentation().setScale(size[2]);
                }
                return x;
            });
            String mode = size[0] + "x" + size[1] + (size[2] < 0 ? "" : " presenting at "
                    + Math.round(Presentation.SCALES[size[2]] * 100) + " %");
            // at 1280x720 every step (a seek of one step forward shows the panels a pulse later: three passes of
            // jumps of three); a few steps per call on the FX thread, so that a loaded machine never meets the
            // wait's time limit in one call
            int n = fx(w.player::size);
            int m = (n + 2) / 3;
            int all = (size[0] == 1280 ? 3 : 1) * m;
            int checked = 0;
            for (int from = 0; from < all; from += CHUNK) {
                int lo = from;
                checked += fx(() -> {
                    int c = 0;
                    for (int k = lo; k < Math.min(all, lo + CHUNK); k++) {
                        int step = 1 + k % m * 3 + k / m;
                        if (step > n) {
                            continue;
                        }
                        w.player.seek(step);
                        w.settle();
                        w.settle();
                        c += columnProblems(w.view, mode + " step " + step + ": ", problems);
                    }
                    return c;
                });
            }
            if (checked < 100) {
                problems.add(mode + ": only " + checked + " lines checked");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    /** Steps checked in one call on the FX thread. */
    private static final int CHUNK = 10;

    /** What is cut, too wide or broken inside a word in the columns of {@code v}; returns the code lines checked. */
    private static int columnProblems(MainView v, String at, List<String> problems) {
        int checked = 0;
        for (ThreadLane l : v.lanes()) {
            for (javafx.scene.control.Label x : l.headLabels()) {
                String cut = cut(x);
                if (cut != null) {
                    problems.add(at + l.name() + "'s head: " + cut);
                }
            }
            CodeView c = l.code();
            for (javafx.scene.Node part : List.of(c, l.lookup(".lane-holds"), l.lookup(".lane-op"))) {
                // (a brief column leaves its operation and "holds no lock" out)
                if (part.isVisible() && scene(part).getMaxX() > scene(l).getMaxX() + 1) {
                    problems.add(at + l.name() + ": " + part.getStyleClass() + " is wider than its column");
                }
            }
            javafx.scene.text.Text head = c.header();
            if (head.getBoundsInParent().getMaxX() > c.getWidth() + 0.5) {
                problems.add(at + l.name() + "'s function '" + head.getText() + "' is wider than its "
                        + "column");
            }
            List<String> headRows = List.of(head.getText().split("\n"));
            if (!head.getText().isEmpty() && !shows(c.headerText(), headRows)) {
                problems.add(at + l.name() + "'s function shows '" + c.header().getText() + "' for '"
                        + c.headerText() + "'");
            }
            if (!head.getText().isEmpty() && CodeView.Wrap.splitsAWord(c.headerText(), headRows)) {
                problems.add(at + l.name() + "'s function breaks inside a word: " + headRows);
            }
            if (c.currentLine() >= 0) {
                CodeView.Row cur = c.row(c.currentLine());
                if (!cur.isVisible() || cur.getHeight() + 0.5 < cur.prefHeight(cur.getWidth())
                        || !inside(scene(cur), scene(l))) {
                    problems.add(at + l.name() + ": the current line " + cur.numberText()
                            + " is not whole in view");
                }
            }
            for (int i : c.visibleLines()) {
                CodeView.Row r = c.row(i);
                List<String> rows = r.shownRows();
                if (CodeView.Wrap.splitsAWord(r.codeText(), rows)) {
                    problems.add(at + l.name() + ": line " + r.numberText() + " breaks inside a word: "
                            + rows);
                }
                if (!shows(r.codeText(), rows)) {
                    problems.add(at + l.name() + ": line " + r.numberText() + " shows " + rows + " for "
                            + r.codeText());
                }
                javafx.scene.text.Text code = r.codeNode();
                for (String row : rows) {
                    if (code.getLayoutX() + width(row, code.getFont()) > r.getWidth() + 0.5) {
                        problems.add(at + l.name() + ": line " + r.numberText() + "'s row '" + row
                                + "' is wider than its column");
                    }
                }
                checked++;
            }
        }
        return checked;
    }

    /**
     * In presentation mode the current line's comment grows with the room's type like the code above it (it stayed at
     * 11 px under code of 18 px).
     */
    @Test
    void inPresentationModeTheCurrentLinesCommentGrowsWithTheType() {
        String problem = fx(() -> {
            // lesson 1's three threads: columns wide enough for the comment
            TreeViewTest.Window w = new TreeViewTest.Window(1920, 1080).lesson("mmap-sem-convoy");
            w.view.classroom().presentation().enter();
            w.player.seek(3);
            w.settle().settle();
            for (ThreadLane l : w.view.lanes()) {
                CodeView c = l.code();
                if (c.currentLine() < 0 || !c.row(c.currentLine()).noteShown()) {
                    continue;
                }
                CodeView.Row r = c.row(c.currentLine());
                double code = r.codeNode().getFont().getSize();
                double note = r.noteLabel().getFont().getSize();
                return note >= 0.8 * code ? null : l.name() + ": the comment is " + note + " px under code of " + code;
            }
            return "no current line shows its comment";
        });
        assertEquals(null, problem);
    }

    /**
     * The store buffer's pills (lesson 14's "Stores that wait", RELAXED_STORES) in the window's column at 1280x720 and
     * in columns of 200 to 300 px: the buffer's heading and every store read whole (wrapped at their words, never cut
     * by the column), inside the column.
     */
    @Test
    void theStoreBuffersPillsStayWholeInANarrowColumn() {
        List<String> problems = new ArrayList<>();
        fx(() -> {
            TreeViewTest.Window w = new TreeViewTest.Window(1280, 720);
            Lesson l = TreeViewTest.load("race-c-clear-node");
            int part = 0;
            while (!l.parts().get(part).title().equals("Stores that wait")) {
                part++;
            }
            w.view.setLessons(Path.of("lessons"), Lessons.load(Path.of("lessons")), Lessons.Progress.inMemory());
            w.view.openLesson(l, part);
            w.settle();
            int checked = 0;
            for (int step = 1; step <= w.player.size(); step += 2) {
                w.player.seek(step);
                w.settle();
                ThreadLane lane = w.view.lanes().get(0);
                if (w.player.scene().threads().get(0).pendingStores().isEmpty()) {
                    continue;
                }
                // the column the window gives it (1280x720, the lesson pane open), then narrower ones
                double own = lane.getPrefWidth();
                for (double width : new double[] {-1, 200, 240, 270, 300}) {
                    double cw = width > 0 ? width : own;
                    lane.setMinWidth(cw);
                    lane.setPrefWidth(cw);
                    lane.setMaxWidth(cw);
                    w.settle();
                    Bounds col = scene(lane);
                    for (javafx.scene.Node n : lane.pills().getChildren()) {
                        javafx.scene.control.Label p = (javafx.scene.control.Label) n;
                        String cut = cut(p);
                        String at = "step " + step + " at " + (width < 0 ? "the window's width" : width + " px") + ": ";
                        if (cut != null) {
                            problems.add(at + cut);
                        }
                        Bounds b = scene(p);
                        // (a column narrowed by hand keeps the band's height: its pills may go under its bottom)
                        if (b.getMaxX() > col.getMaxX() + 1 || b.getMinX() < col.getMinX() - 1
                                || width < 0 && b.getMaxY() > col.getMaxY() + 1) {
                            problems.add(at + "'" + p.getText() + "' is outside its column: " + b + " in " + col);
                        }
                        if (p.getStyleClass().contains("sb-pill") && !shows(p.getText(), List.of(shown(p)))
                                && !shows(p.getText().replace(" ", ""), List.of(shown(p).replace(" ", "")))) {
                            problems.add(at + "'" + p.getText() + "' shows as '" + shown(p) + "'");
                        }
                        checked++;
                    }
                }
                lane.setMinWidth(own);
                lane.setPrefWidth(own);
                lane.setMaxWidth(own);
            }
            if (checked < 20) {
                problems.add("only " + checked + " pills checked");
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    private static String shown(javafx.scene.control.Label l) {
        return l.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text)
                .map(t -> ((javafx.scene.text.Text) t).getText()).reduce("", String::concat);
    }

    /** The rows of a line of C end after a space, '(', ',', '->', '.' or an operator, never inside a word. */
    @Test
    void codeWrapsOnlyBetweenTokens() {
        // a word that fits a row but not with its "(": the row ends between the two tokens
        assertEquals(List.of("if (", "atomic_dec_and_test", "(&vma->", "vm_ref_count))"),
                CodeView.Wrap.rows("if (atomic_dec_and_test(&vma->vm_ref_count))", 19, 19, true));
        // a continuation gives up its extra indentation for a word that fits a whole row
        assertEquals(List.of("if (", "atomic_dec_and_test(", "&vma->vm_ref_count))"),
                CodeView.Wrap.rows("if (atomic_dec_and_test(&vma->vm_ref_count))", 20, 18, true));
        assertEquals(List.of("if (atomic_dec_and_test(", "&vma->", "vm_ref_count))"),
                CodeView.Wrap.rows("if (atomic_dec_and_test(&vma->vm_ref_count))", 24, 16, true));
        assertEquals(List.of("rb_node =", "mm->mm_rb.", "rb_node;"),
                CodeView.Wrap.rows("rb_node = mm->mm_rb.rb_node;", 12, 10, true));
        assertEquals(List.of("a == b &&", "c != d"), CodeView.Wrap.rows("a == b && c != d", 10, 8, true));
        // a word longer than the row is shortened in its middle (the whole line is in the row's tooltip), never
        // broken: its closing ")" stays with it
        assertEquals(List.of("__rwse…ommon()"),
                CodeView.Wrap.rows("__rwsem_down_read_failed_common()", 14, 14, true));
        List<String> sem = CodeView.Wrap.rows("ret = __rwsem_down_read_failed_common(sem, TASK_KILLABLE);", 20, 20,
                true);
        assertEquals(List.of("ret =", "__rwsem_d…ed_common(", "sem, TASK_KILLABLE);"), sem);
        assertFalse(CodeView.Wrap.splitsAWord("ret = __rwsem_down_read_failed_common(sem, TASK_KILLABLE);", sem));
        assertTrue(shows("ret = __rwsem_down_read_failed_common(sem, TASK_KILLABLE);", sem));
        assertTrue(CodeView.Wrap.splitsAWord("x = __rwsem_down_read_failed_common(sem);", List.of("x =",
                "__rwse…own_", "read_failed_common(sem);")));
        assertTrue(CodeView.Wrap.splitsAWord("__rwsem_down_read_failed_common()", List.of("__rwsem_down_",
                "read_failed_", "common()")));
        assertFalse(CodeView.Wrap.splitsAWord("static inline void vmacache_invalidate(mm)", List.of(
                "static inline void", "  vmacache_invalidate(mm)")));
        assertEquals("vma = __find_v…", CodeView.Wrap.cut("vma = __find_vma(mm, addr);", 15));
        assertEquals("vma = __find_vma(…", CodeView.Wrap.cut("vma = __find_vma(mm, addr);", 20));
        assertEquals("vma =…", CodeView.Wrap.cut("vma = __find_vma(mm, addr);", 7));
        for (String line : List.of("if (atomic_dec_and_test(&vma->vm_ref_count))", "rb_node = mm->mm_rb.rb_node;",
                "LOCK_CONTENDED(sem, __down_read_trylock, __down_read);", "tmp->vm_end > addr && x[i] <= 0x1000")) {
            // from the width where its longest word fits a row (narrower, a word longer than a row must break)
            for (int k = 22; k < 60; k++) {
                int w = k;
                List<String> rows = CodeView.Wrap.rows(line, w, w - 2, true);
                assertFalse(CodeView.Wrap.splitsAWord(line, rows), line + " at " + w + ": " + rows);
                assertEquals(line.replace(" ", ""), String.join("", rows).replace(" ", ""), line + " at " + w);
                assertTrue(rows.stream().allMatch(r -> r.length() <= w),
                        line + " at " + w + ": " + rows);
            }
        }
    }

    /**
     * Do {@code rows} show {@code whole} (spaces aside), but for a word shortened in its middle or a tail cut, each
     * marked with "…"?
     */
    /**
     * A current line that is only a comment reads whole too: at lesson 14's bug, "RB_CLEAR_NODE(heap) BEFORE the
     * erase", T1's current line is the bug variant's comment, and it was cut with "…" in a 1280x720 window and in a
     * 1920x1080 room (comment lines never wrapped).
     */
    @Test
    void aCurrentLineThatIsACommentReadsWhole() {
        Lesson clear = fx(() -> Lessons.load(Path.of("lessons")).stream().filter(Lessons.Entry::ok)
                .map(Lessons.Entry::lesson).filter(l -> l.id().equals("14-race-c-clear-node")).findFirst()
                .orElseThrow());
        fx(() -> {
            view.openLesson(clear, 0);
            return null;
        });
        settle(player);
        int bug = fx(() -> {
            for (int i = 1; i <= player.size(); i++) {
                if (player.trace().caption(i).contains("BEFORE the erase")) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(bug > 0);
        seek(bug);
        List<String> cut = fx(() -> {
            List<String> out = new ArrayList<>();
            for (ThreadLane l : view.lanes()) {
                CodeView c = l.code();
                if (c.currentLine() < 0) {
                    continue;
                }
                CodeView.Row r = c.row(c.currentLine());
                if (String.join("", r.shownRows()).contains("…")) {
                    out.add(l.name() + "'s current line " + r.numberText() + " shows " + r.shownRows() + " for '"
                            + r.codeText() + "'");
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    static boolean shows(String whole, List<String> rows) {
        String shown = String.join("", rows).replaceAll("\\s+", "");
        StringBuilder re = new StringBuilder();
        String[] parts = shown.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".+");
            }
            re.append(java.util.regex.Pattern.quote(parts[i]));
        }
        return whole.replaceAll("\\s+", "").matches(re.toString());
    }

    /** What of {@code l}'s text is not shown (cut, ellipsised, or wider than the label), or null. */
    private static String cut(javafx.scene.control.Label l) {
        if (!l.isVisible() || l.getText() == null || l.getText().isEmpty()) {
            return null;
        }
        String shown = l.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text)
                .map(t -> ((javafx.scene.text.Text) t).getText()).reduce("", String::concat);
        if (!shown.replaceAll("\\s+", " ").strip().equals(l.getText().replaceAll("\\s+", " ").strip())) {
            return "'" + l.getText() + "' shows as '" + shown + "'";
        }
        double room = l.getWidth() - l.getInsets().getLeft() - l.getInsets().getRight();
        for (String row : l.getText().split("\n")) {
            if (!l.isWrapText() && width(row, l.getFont()) > room + 0.5) {
                return "'" + row + "' is " + width(row, l.getFont()) + " px wide in " + room;
            }
        }
        return null;
    }

    private static double width(String s, javafx.scene.text.Font f) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * With no thread (an imported address space) the band has no height and the tree takes it; opening a lesson
     * after it gives the band its height back, every lane in view.
     */
    @Test
    void anImportWithoutThreadsGivesTheBandsHeightToTheTree() {
        List<String> problems = new ArrayList<>();
        fx(() -> {
            TreeViewTest.Window w = new TreeViewTest.Window(1280, 720);
            org.vmalab.imports.MapsImporter.Result r = org.vmalab.imports.MapsImporter.parse(
                    SyntheticMaps.text(300, 7), "synthetic.maps", false);
            w.play(org.vmalab.imports.MapsImporter.scenario(r)).settle().settle();
            javafx.scene.Node none = w.view.lookup(".lanes-panel");
            if (none != null && none.getLayoutBounds().getHeight() > 2) {
                problems.add("with no thread the band is " + none.getLayoutBounds().getHeight() + " px high");
            }
            Bounds strip = scene(w.view.lookup(".strip-panel"));
            Bounds timeline = scene(w.view.lookup(".timeline"));
            if (timeline.getMinY() - strip.getMaxY() > 4) {
                problems.add("with no thread " + (timeline.getMinY() - strip.getMaxY())
                        + " px under the tree are empty");
            }
            w.lesson("fairness").settle().settle();
            w.player.seek(30);
            w.settle().settle();
            javafx.scene.Node band = w.view.lookup(".lanes-panel");
            if (band == null || band.getLayoutBounds().getHeight() < 150) {
                problems.add("back in a lesson the band is "
                        + (band == null ? "gone" : band.getLayoutBounds().getHeight()
                        + " px high"));
            }
            Bounds vp = viewport(w.view);
            for (ThreadLane l : w.view.lanes()) {
                if (!inside(scene(l), vp)) {
                    problems.add(l.name() + " is not in view");
                }
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The dock of vmacache slots sits in a corner where it covers no node: lesson 3's walk at 1280x720 and 1600x1000
     * (the bottom right, where it used to be, holds the stack node).
     */
    @Test
    void theVmacacheDockCoversNoNode() {
        List<String> problems = new ArrayList<>();
        fx(() -> {
            for (int[] size : new int[][] {{1280, 720}, {1600, 1000}, {1920, 1080}}) {
                TreeViewTest.Window w = new TreeViewTest.Window(size[0], size[1]).lesson("augmented-gap");
                for (int step : new int[] {12, 18, 29, 40}) {
                    w.player.seek(step);
                    w.settle();
                    w.settle();
                    TreeCanvas.Rect dock = w.tree().dockRect();
                    if (dock == null) {
                        problems.add(size[0] + "x" + size[1] + " step " + step + ": no dock drawn");
                        continue;
                    }
                    for (TreeCanvas.Drawn d : w.tree().drawn()) {
                        if (dock.intersects(d.box())) {
                            problems.add(size[0] + "x" + size[1] + " step " + step + ": the dock " + dock
                                    + " covers node " + d.id() + " " + d.box());
                        }
                    }
                }
            }
            return null;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theHolderAndItsWaitersStayInViewWhenTheColumnsDoNotFit() {
        settle(player);
        fx(() -> {
            stage.setWidth(960);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int checked = 0;
        int size = fx(() -> player.size());
        for (int i = 1; i <= Math.min(size, 60); i++) {
            seek(i);
            int at = i;
            List<String> missing = fx(() -> {
                Bounds vp = viewport();
                StepScene s = player.scene();
                List<ThreadLane> wanted = view.importantLanes(s);
                List<String> out = new ArrayList<>();
                if (!wanted.isEmpty() && !inside(scene(wanted.get(0)), vp)) {
                    out.add("step " + at + ": " + wanted.get(0).name() + " (holds, waits or ran) is out of view");
                }
                String holder = !s.locks().semWriter().isEmpty() ? s.locks().semWriter() : s.locks().rbWriter();
                for (ThreadLane l : view.lanes()) {
                    if (l.name().equals(holder) && !inside(scene(l), vp)) {
                        out.add("step " + at + ": the holder " + holder + " is out of view");
                    }
                }
                return out;
            });
            assertTrue(missing.isEmpty(), String.join("\n", missing));
            checked++;
        }
        assertTrue(checked > 10);
        assertTrue(fx(() -> view.lanes().get(0).getWidth()) >= MainView.MIN_COLUMN_EM * 13 - 1,
                "a column keeps its width and the band scrolls");
    }

    @Test
    void choosingASleepingThreadSaysWhyBesideItsLane(FxRobot robot) {
        settle(player);
        int size = fx(() -> player.size());
        int blocked = -1;
        for (int i = 1; i <= size && blocked < 0; i++) {
            seek(i);
            blocked = fx(() -> {
                for (StepScene.ThreadView t : player.scene().threads()) {
                    if (t.status() == Status.BLOCKED) {
                        return t.index();
                    }
                }
                return -1;
            });
        }
        assertTrue(blocked >= 0, "a thread sleeps somewhere in the run");
        int index = fx(() -> player.index());
        robot.push(KeyCode.valueOf("DIGIT" + (blocked + 1)));
        WaitForAsyncUtils.waitForFxEvents();
        int b = blocked;
        String said = fx(() -> view.lanes().get(b).refusal());
        assertTrue(said.contains("cannot run now") && said.contains("asleep"), said);
        assertEquals(index, (int) fx(() -> player.index()), "nothing ran");
        assertTrue(fx(() -> view.lookup("#lane-refusal-" + (b + 1)).isVisible()));
        assertTrue(fx(() -> inside(scene(view.lanes().get(b)), viewport())), "the lane that says it is in view");
    }

    @Test
    void steppingForwardUpdatesEveryLane(FxRobot robot) {
        settle(player);
        for (int i = 0; i < 4; i++) {
            robot.push(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until("the step", () -> player.index() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 5; i++) {
            int t = i;
            assertEquals(fx(() -> player.scene().threads().get(t).state().toUpperCase(java.util.Locale.ROOT)),
                    fx(() -> view.lanes().get(t).stateText()), "lane " + (t + 1) + " shows the state at the cursor");
        }
        assertFalse(fx(() -> view.menuBar().getMenus().stream().anyMatch(m -> m.isShowing())));
        assertFalse(fx(() -> view.menuBar().isFocused()), "the arrows step the run, not the menu bar");
    }

    @Test
    void everyListingLineHasItsOwnNumber() {
        List<String> dup = new ArrayList<>();
        for (Listing l : PseudoCode.get().all().values()) {
            Set<Integer> seen = new HashSet<>();
            for (Listing.Line line : l.lines()) {
                if (line.number() > 0 && !seen.add(line.number())) {
                    dup.add(l.function() + ":" + line.number());
                }
            }
        }
        assertTrue(dup.isEmpty(), "lines that share a number: " + dup);
        Listing p = PseudoCode.get().listingOf(Loc.AUG_PROPAGATE);
        assertNotNull(p);
        assertEquals("include/linux/rbtree_augmented.h", p.file(), "the macro body the generated code comes from");
    }

    @Test
    void aLanesPillsFollowItsReferencesAndStoresStepByStepAndAreKeptWhileTheyDoNotChange() {
        settle(player);
        ThreadLane lane = fx(() -> new ThreadLane(0, t -> { }, t -> { }));
        int kept = 0;
        int remade = 0;
        List<javafx.scene.Node> before = List.of();
        // the run's scenes built apart (the window shown is left where it is)
        org.vmalab.engine.trace.Trace run = fx(player::trace);
        for (int i = 0; i <= run.size(); i++) {
            StepScene.ThreadView tv = org.vmalab.viewmodel.StepSceneBuilder.build(run, run.cursor().seek(i),
                    org.vmalab.viewmodel.Narration.NONE).threads().get(0);
            List<String> want = new ArrayList<>();
            want.add(tv.holds().isEmpty() ? "holds no lock" : "holds " + String.join(", ", tv.holds()));
            for (StepScene.Ref r : tv.refs()) {
                want.add("ref " + r.name() + (r.freed() ? " (FREED)" : ""));
            }
            if (!tv.pendingStores().isEmpty()) {
                want.add("store buffer, not yet visible to the other CPUs:");
            }
            want.addAll(tv.pendingStores());
            List<javafx.scene.Node> now = fx(() -> {
                lane.update(tv);
                return List.copyOf(lane.pills().getChildren());
            });
            assertEquals(want, fx(lane::pillTexts), "index " + i);
            if (!now.isEmpty() && now.equals(before)) {
                kept++;
            } else if (!now.isEmpty()) {
                remade++;
            }
            before = now;
        }
        assertTrue(remade > 0 && kept > 0, "the pills were remade when the references changed (" + remade
                + ") and kept while they did not (" + kept + ")");
    }
}
