package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Part;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Player;

/**
 * The lesson beside the tree: which lesson and part is playing, the narration in force at the cursor (in step
 * with the player: it changes as the cursor reaches each cue), and the checkpoint questions, whose answer is
 * revealed by stepping on. Playback pauses at each checkpoint ({@link Player#tick()}).
 */
final class LessonPane extends VBox {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final Label lessonTitle = new Label();
    private final Label summary = new Label();
    private final VBox objectives = new VBox(2);
    private final TitledPane objectivesPane = new TitledPane("Objectives", objectives);
    private final ListView<String> parts = new ListView<>();
    private final Label narrTitle = new Label();
    private final TextFlow narrText = new TextFlow();
    private final Label since = new Label();
    private final Label unplaced = new Label();
    private final VBox checkpointBox = new VBox(4);
    private final Label question = new Label();
    private final VBox choices = new VBox(3);
    private final ToggleGroup group = new ToggleGroup();
    private final Label verdict = new Label();
    private final Label progress = new Label();
    private Lesson lesson;
    private int part = -1;
    private Lessons.Progress done = Lessons.Progress.inMemory();
    private Narration.Checkpoint shownCheckpoint;
    private String shownSaid;
    private boolean syncing;

    LessonPane(IntConsumer openPart, Runnable browse) {
        getStyleClass().addAll("panel", "lesson-pane");
        setId("lesson-pane");
        Label head = new Label("Lesson");
        head.getStyleClass().add("panel-title");
        Button all = new Button("All lessons…");
        all.setId("browse-lessons");
        all.getStyleClass().add("small-button");
        all.setTooltip(new Tooltip("The lesson browser: every lesson with its summary, and which ones you "
                + "finished (L)"));
        all.setOnAction(e -> browse.run());
        all.setFocusTraversable(false);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(8, head, sp, all);
        top.getStyleClass().add("panel-head");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        summary.getStyleClass().add("lesson-summary");
        summary.setWrapText(true);
        objectivesPane.setExpanded(false);
        objectivesPane.getStyleClass().add("lesson-objectives");
        objectivesPane.setAnimated(false);
        parts.getStyleClass().add("lesson-parts");
        parts.setId("lesson-parts");
        parts.setFocusTraversable(false);
        parts.setFixedCellSize(24);
        parts.setCellFactory(v -> new PartCell());
        parts.getSelectionModel().selectedIndexProperty().addListener((o, a, n) -> {
            if (!syncing && n.intValue() >= 0 && n.intValue() != part) {
                openPart.accept(n.intValue());
            }
        });
        narrTitle.getStyleClass().add("narration-title");
        narrTitle.setWrapText(true);
        narrText.getStyleClass().add("narration-text");
        since.getStyleClass().add("hint");
        unplaced.getStyleClass().add("narration-unplaced");
        unplaced.setWrapText(true);
        question.getStyleClass().add("checkpoint-question");
        question.setWrapText(true);
        verdict.getStyleClass().add("checkpoint-verdict");
        verdict.setWrapText(true);
        Label qh = new Label("Checkpoint");
        qh.getStyleClass().add("checkpoint-head");
        checkpointBox.getChildren().addAll(qh, question, choices, verdict);
        checkpointBox.getStyleClass().add("checkpoint");
        checkpointBox.setId("checkpoint");
        VBox narration = new VBox(6, narrTitle, narrText, since, unplaced, checkpointBox);
        narration.getStyleClass().add("narration-box");
        narration.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(narration);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("narration-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        progress.getStyleClass().add("hint");
        getChildren().addAll(top, lessonTitle, summary, objectivesPane, parts, scroll, progress);
        setMinWidth(240);
        setPrefWidth(340);
    }

    void setProgress(Lessons.Progress p) {
        done = p;
    }

    Lesson lesson() {
        return lesson;
    }

    int part() {
        return part;
    }

    /** Shows lesson {@code l}, part {@code p} (0-based). */
    void showLesson(Lesson l, int p) {
        syncing = true;
        try {
            boolean newLesson = l != lesson;
            lesson = l;
            part = p;
            lessonTitle.setText(l.title());
            summary.setText(l.summary());
            if (newLesson) {
                objectives.getChildren().clear();
                for (String o : l.objectives()) {
                    Label x = new Label("• " + o);
                    x.setWrapText(true);
                    x.getStyleClass().add("lesson-objective");
                    objectives.getChildren().add(x);
                }
                objectivesPane.setVisible(!l.objectives().isEmpty());
                objectivesPane.setManaged(!l.objectives().isEmpty());
                List<String> names = new ArrayList<>();
                for (int i = 0; i < l.parts().size(); i++) {
                    Part pt = l.parts().get(i);
                    names.add((i + 1) + ". " + (pt.title() == null || pt.title().isEmpty() ? "Part " + (i + 1)
                            : pt.title()));
                }
                parts.getItems().setAll(names);
            }
            parts.setVisible(l.parts().size() > 1);
            parts.setManaged(l.parts().size() > 1);
            parts.setPrefHeight(Math.min(7, l.parts().size()) * 24 + 4);
            parts.getSelectionModel().select(p);
            parts.refresh();
            shownCheckpoint = null;
            shownSaid = null;
        } finally {
            syncing = false;
        }
    }

    /** Follows the player: the narration in force, the checkpoint, parts done. */
    void update(Player player) {
        Trace t = player.trace();
        if (lesson == null || t == null || player.playable() == null) {
            return;
        }
        Narration n = player.playable().narration();
        int index = player.index();
        Narration.Said said;
        List<Narration.Checkpoint> cps;
        List<String> lost;
        try {
            said = n.said(t, index);
            cps = player.checkpoints();
            lost = n.unplaced(t);
        } catch (RuntimeException e) {
            said = null;
            cps = List.of();
            lost = List.of();
        }
        String key = said == null ? "" : said.index() + said.title();
        if (!key.equals(shownSaid)) {
            shownSaid = key;
            narrTitle.setText(said == null ? "" : said.title());
            narrText.getChildren().setAll(said == null ? List.of(new Text("(no narration yet at this step)"))
                    : rich(said.text()));
        }
        since.setText(said == null ? "" : said.index() == index ? "at this step"
                : said.index() == 0 ? "since the start" : "since step " + said.index());
        unplaced.setText(lost.isEmpty() ? "" : lost.size() + " note" + (lost.size() == 1 ? "" : "s")
                + " of this part do not occur in this run (the schedule changed): " + String.join("; ", lost)
                + ". Reset to get the lesson's run back.");
        unplaced.setManaged(!lost.isEmpty());
        unplaced.setVisible(!lost.isEmpty());
        // the latest checkpoint at or before the cursor, while no later narration took over
        Narration.Checkpoint cp = null;
        for (Narration.Checkpoint c : cps) {
            if (c.index() <= index && (said == null || c.index() >= said.index())) {
                cp = c;
            }
        }
        showCheckpoint(cp, index);
        if (index >= player.size() && player.size() > 0) {
            done.markDone(Lessons.key(lesson, part));
            parts.refresh();
        }
        int d = Lessons.partsDone(lesson, done);
        progress.setText(lesson.parts().size() == 1 ? (d == 1 ? "✓ lesson done" : "Play to the end to finish it.")
                : d + " of " + lesson.parts().size() + " parts done" + (d == lesson.parts().size() ? " ✓" : ""));
    }

    private void showCheckpoint(Narration.Checkpoint cp, int index) {
        checkpointBox.setVisible(cp != null);
        checkpointBox.setManaged(cp != null);
        if (cp == null) {
            shownCheckpoint = null;
            return;
        }
        if (cp != shownCheckpoint) {
            shownCheckpoint = cp;
            question.setText(cp.question());
            choices.getChildren().clear();
            group.getToggles().clear();
            for (String c : cp.choices()) {
                RadioButton r = new RadioButton(c);
                r.setWrapText(true);
                r.setToggleGroup(group);
                r.getStyleClass().add("checkpoint-choice");
                r.setFocusTraversable(false);
                choices.getChildren().add(r);
            }
        }
        boolean revealed = index > cp.index();
        int chosen = group.getSelectedToggle() == null ? -1 : group.getToggles().indexOf(group.getSelectedToggle());
        for (int i = 0; i < choices.getChildren().size(); i++) {
            RadioButton r = (RadioButton) choices.getChildren().get(i);
            r.setDisable(revealed);
            r.pseudoClassStateChanged(RIGHT, revealed && i == cp.answer());
            r.pseudoClassStateChanged(WRONG, revealed && i == chosen && i != cp.answer());
        }
        checkpointBox.pseudoClassStateChanged(OPEN, !revealed);
        if (!revealed) {
            verdict.setText("Pick an answer, then step on (→) to see it.");
            verdict.pseudoClassStateChanged(RIGHT, false);
            verdict.pseudoClassStateChanged(WRONG, false);
        } else {
            String head = chosen < 0 ? "Answer: " + cp.choices().get(cp.answer()) + "."
                    : chosen == cp.answer() ? "✓ Right: " + cp.choices().get(cp.answer()) + "."
                    : "✗ Not quite. Answer: " + cp.choices().get(cp.answer()) + ".";
            verdict.setText(head + (cp.explanation().isEmpty() ? "" : " " + cp.explanation()));
            verdict.pseudoClassStateChanged(RIGHT, chosen == cp.answer());
            verdict.pseudoClassStateChanged(WRONG, chosen >= 0 && chosen != cp.answer());
        }
    }

    /** Narration text: paragraphs as written, {@code `code`} spans in the mono font. */
    static List<Text> rich(String s) {
        List<Text> out = new ArrayList<>();
        String text = s.replaceAll("(?<!\n)\n(?!\n)", " ");
        boolean code = false;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '`') {
                if (i > from) {
                    Text t = new Text(text.substring(from, i));
                    t.getStyleClass().add(code ? "narration-code" : "narration-plain");
                    out.add(t);
                }
                code = !code;
                from = i + 1;
            }
        }
        return out;
    }

    /** The narration on screen, as plain text (for tests). */
    String narrationText() {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : narrText.getChildren()) {
            if (n instanceof Text t) {
                b.append(t.getText());
            }
        }
        return narrTitle.getText() + "\n" + b;
    }

    boolean checkpointShown() {
        return checkpointBox.isVisible();
    }

    private final class PartCell extends ListCell<String> {
        PartCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null || lesson == null) {
                setText(null);
                pseudoClassStateChanged(DONE, false);
                return;
            }
            boolean d = done.done(Lessons.key(lesson, getIndex()));
            setText((d ? "✓ " : "") + s);
            setTooltip(new Tooltip(s + (d ? " (done)" : "")));
            pseudoClassStateChanged(DONE, d);
        }
    }
}
