package org.vmalab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
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
import javafx.stage.Popup;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Glossary;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.Part;
import org.vmalab.viewmodel.LessonSession;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.Player;

/**
 * The lesson beside the tree: which lesson and part is playing, the narration in force at the cursor, and the
 * questions. A question is answered by picking a choice and checking it (the Check button, or →); the verdict and
 * the explanation stay until the learner moves on, and the choice is kept. A part with a challenge shows the
 * {@link ChallengePane} instead. When the learner changes the run (a protection, the schedule), a banner says that
 * the narration describes the lesson's run. The state lives in the view model ({@link LessonSession}).
 */
final class LessonPane extends VBox {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass ROOM = PseudoClass.getPseudoClass("room");

    private final Player player;
    private final Label lessonTitle = new Label();
    private final Label summary = new Label();
    private final VBox objectives = new VBox(2);
    private final TitledPane objectivesPane = new TitledPane("About this lesson", objectives);
    private final ListView<String> parts = new ListView<>();
    private final Label banner = new Label();
    private final Label narrTitle = new Label();
    private final TextFlow narrText = new TextFlow();
    private final Label since = new Label();
    private final VBox checkpointBox = new VBox(6);
    private final Label questionHead = new Label("Question");
    /** Does the verdict line only say how to answer ("Pick an answer, then Check")? The room leaves it out. */
    private boolean verdictHint;
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final Button check = new Button("Check");
    private final Button skip = new Button("Skip");
    private final Label verdict = new Label();
    private final TextFlow explanation = new TextFlow();
    /** After a wrong answer: why the choice the learner picked is wrong (the lesson's reason for it), if it has one. */
    private final TextFlow whyNot = new TextFlow();
    private final Hyperlink watch = new Hyperlink();
    private final Hyperlink again = new Hyperlink("Answer it again");
    private final ChallengePane challengePane;
    private final Label progress = new Label();
    private final Popup glossaryPopup = new Popup();
    private ScrollPane scroll;
    private final HBox top;
    /** The narration's column (title, text, question, challenge) inside the scroll pane. */
    private final VBox narrationBox;
    /** Presentation mode: the pane keeps only what the step needs (see {@link #setRoom}). */
    private boolean room;
    /**
     * A question is shown and does not fit the narration's view under the lesson's title, its objectives and its
     * parts: those three give way while it is shown (see {@link #layoutChildren}).
     */
    private boolean tight;
    private Object shownPhase;
    private Narration.Checkpoint revealedVerdict;
    /** What this update showed anew (a question, a verdict, a challenge's phase), to scroll into view at its end. */
    private Runnable revealPending;
    private Lesson lesson;
    private int part = -1;
    private Lessons.Progress done = Lessons.Progress.inMemory();
    private LessonSession session;
    private Narration.Checkpoint shownCheckpoint;
    private String shownSaid;
    private boolean syncing;

    LessonPane(Player player, IntConsumer openPart, Runnable browse) {
        this.player = player;
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
        top = new HBox(8, head, sp, all);
        top.getStyleClass().add("panel-head");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        summary.getStyleClass().add("lesson-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
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
        banner.getStyleClass().add("lesson-banner");
        banner.setId("lesson-banner");
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        narrTitle.getStyleClass().add("narration-title");
        narrTitle.setWrapText(true);
        narrText.getStyleClass().addAll(Markdown.FLOW, "narration-text");
        since.getStyleClass().add("hint");
        question.getStyleClass().add("checkpoint-question");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("checkpoint-verdict");
        verdict.setId("checkpoint-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        explanation.getStyleClass().addAll(Markdown.FLOW, "checkpoint-explanation");
        explanation.setId("checkpoint-explanation");
        whyNot.getStyleClass().addAll(Markdown.FLOW, "checkpoint-explanation", "checkpoint-why-not");
        whyNot.setId("checkpoint-why-not");
        check.setId("checkpoint-check");
        check.getStyleClass().add("small-button");
        check.setTooltip(new Tooltip("Check your answer (→)"));
        check.setFocusTraversable(false);
        check.setOnAction(e -> {
            if (session != null) {
                session.check();
            }
        });
        skip.setId("checkpoint-skip");
        skip.getStyleClass().add("small-button");
        skip.setTooltip(new Tooltip("Go on without answering; the question stays open for later"));
        skip.setFocusTraversable(false);
        skip.setOnAction(e -> {
            if (session != null) {
                session.skip();
            }
        });
        watch.setId("checkpoint-watch");
        watch.setFocusTraversable(false);
        // on two rows rather than cut ("Watch it happen: the next question comes first (step 92) →")
        watch.setWrapText(true);
        watch.setMinHeight(Region.USE_PREF_SIZE);
        watch.setOnAction(e -> {
            if (session != null) {
                session.watch();
            }
        });
        again.setId("checkpoint-again");
        again.setFocusTraversable(false);
        again.setTooltip(new Tooltip("Forget this answer and choose again (for another try, or to ask a class)"));
        again.setOnAction(e -> {
            if (session != null) {
                revealedVerdict = null;
                session.askAgain();
            }
        });
        group.selectedToggleProperty().addListener((o, a, n) -> {
            if (!syncing && session != null && n != null) {
                session.select(group.getToggles().indexOf(n));
            }
        });
        Label qh = questionHead;
        qh.getStyleClass().add("checkpoint-head");
        HBox buttons = new HBox(8, check, skip);
        checkpointBox.getChildren().addAll(qh, question, choices, buttons, verdict, whyNot, explanation, watch,
                again);
        checkpointBox.getStyleClass().add("checkpoint");
        checkpointBox.setId("checkpoint");
        challengePane = new ChallengePane(player);
        VBox narration = new VBox(6, banner, narrTitle, narrText, since, checkpointBox, challengePane);
        narration.getStyleClass().add("narration-box");
        narration.setFillWidth(true);
        narrationBox = narration;
        scroll = new ScrollPane(narration);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("narration-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // a window made shorter keeps the open question where it was shown (the scroll's value is a fraction)
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a != null && Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                javafx.application.Platform.runLater(this::revealAsked);
            }
        });
        progress.getStyleClass().add("hint");
        progress.setId("lesson-progress");
        // on two rows rather than cut ("0 of 2 parts done · 2 questions open in this part")
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        glossaryPopup.setAutoHide(true);
        getChildren().addAll(top, lessonTitle, objectivesPane, parts, scroll, progress);
        setMinWidth(240);
        setPrefWidth(340);
        show(banner, false);
        show(checkpointBox, false);
        show(whyNot, false);
        show(challengePane, false);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /**
     * Presentation mode (on) collapses the pane to what the step needs in a room: the narration in force and the open
     * question (or the challenge), in the room's type; the pane's head, the lesson's title, its objectives, the list of
     * parts, "since step n" and the progress line go (the teacher chose the lesson before presenting). When the
     * question and the narration's text do not both fit the height, the text gives way: the question stays whole.
     */
    void setRoom(boolean on) {
        if (room != on) {
            room = on;
            pseudoClassStateChanged(ROOM, on);
            chrome();
            requestLayout();
        }
    }

    boolean room() {
        return room;
    }

    /** Does the lesson have objectives or a summary to show above the narration? */
    private boolean hasObjectives() {
        return lesson != null && (!lesson.objectives().isEmpty() || !lesson.summary().isEmpty());
    }

    /** Does the lesson have more than one part to list? */
    private boolean hasParts() {
        return lesson != null && lesson.parts().size() > 1;
    }

    /** The pane's parts around the narration, shown or not by the lesson and the mode. */
    private void chrome() {
        show(top, !room);
        show(lessonTitle, !room && !tight);
        show(objectivesPane, !room && !tight && hasObjectives());
        show(parts, !room && !tight && hasParts());
        show(progress, !room);
        show(since, !room);
        show(questionHead, !room);
        show(verdict, !(room && verdictHint));
        if (!room) {
            show(narrText, true);
        }
    }

    /** Does the pane have anything to show in a room at this step (narration, a question, a challenge)? */
    boolean roomContent() {
        return narrTitle.isVisible() && !narrTitle.getText().isEmpty() || !narrationText().isBlank()
                || checkpointBox.isVisible() || challengePane.isVisible() || banner.isVisible();
    }

    /** The height the pane needs in a room at width {@code w}: what it shows, the text left out under a question. */
    double roomNeed(double w) {
        double inner = Math.max(0, w - snappedLeftInset() - snappedRightInset() - scroll.snappedLeftInset()
                - scroll.snappedRightInset());
        javafx.geometry.Insets in = narrationBox.getInsets();
        double textW = Math.max(0, inner - in.getLeft() - in.getRight());
        boolean asked = checkpointBox.isVisible() || challengePane.isVisible();
        double h = narrationBox.prefHeight(inner);
        if (asked && narrText.isManaged()) {
            h -= narrText.prefHeight(textW) + narrationBox.getSpacing();
        }
        return h + snappedTopInset() + snappedBottomInset() + scroll.snappedTopInset() + scroll.snappedBottomInset();
    }

    /**
     * Is a question shown that does not fit the narration's view when the lesson's title, objectives and parts are
     * shown above it, or a challenge being tried whose narration, goal and controls do not? Measured with all of
     * them, whether they are shown now or not, so that giving way does not undo itself. (At 1280x720 lesson 1's
     * first question needs about 300 px, lesson 11's first challenge about 330; the view under them has about 260.)
     */
    private boolean askedTight() {
        boolean trying = trying();
        if (room || !checkpointBox.isVisible() && !trying || lesson == null) {
            return false;
        }
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (w <= 0 || h <= 0) {
            return false;
        }
        List<Node> above = new ArrayList<>(List.of(top, lessonTitle));
        if (hasObjectives()) {
            above.add(objectivesPane);
        }
        if (hasParts()) {
            above.add(parts);
        }
        above.add(progress);
        double used = 0;
        for (Node n : above) {
            used += n.prefHeight(w) + getSpacing();
        }
        javafx.geometry.Insets in = narrationBox.getInsets();
        // the viewport's own width once laid out: its scroll bar takes some (the text wraps to more lines)
        double port = scroll.getViewportBounds().getWidth();
        double inner = Math.max(0, (port > 0 ? port : w - scroll.snappedLeftInset() - scroll.snappedRightInset())
                - in.getLeft() - in.getRight());
        double view = h - used - scroll.snappedTopInset() - scroll.snappedBottomInset();
        // as reveal() shows it: its top 4 px under the view's, its bottom over the box's bottom padding
        double need = trying ? challengeNeed(inner) + 4 : checkpointBox.prefHeight(inner) + 4 + in.getBottom();
        return need > view + 0.5;
    }

    /** Is a challenge shown while the learner tries to reach its goal (without the patch)? */
    private boolean trying() {
        return challengePane.isVisible() && session != null && session.challenge() != null
                && session.challenge().phase() == org.vmalab.viewmodel.ChallengeRun.Phase.TRYING;
    }

    /** The height from the narration's top to the bottom of the challenge's controls, at text width {@code w}. */
    private double challengeNeed(double w) {
        double h = narrationBox.getInsets().getTop();
        for (Node n : narrationBox.getChildren()) {
            if (n == challengePane) {
                break;
            }
            if (n.isManaged()) {
                h += n.prefHeight(w) + narrationBox.getSpacing();
            }
        }
        return h + challengePane.heightToControls(w);
    }

    /**
     * A challenge being tried in view: the narration from its top (what the part says before the learner tries), as
     * far as the goal and the controls under it stay in view; the challenge from its top when even they do not fit.
     */
    private void revealChallenge() {
        scrollTo(view -> Math.min(within(challengePane).getMinY() - 4, Math.max(0,
                within(challengePane.controls()).getMaxY() + 4 - view)));
    }

    @Override
    protected void layoutChildren() {
        boolean t = askedTight();
        if (t != tight) {
            tight = t;
            chrome();
            javafx.application.Platform.runLater(this::revealAsked);
        }
        if (room) {
            // the question first: the narration's text gives way when both do not fit the pane's height
            boolean asked = checkpointBox.isVisible() || challengePane.isVisible();
            double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            javafx.geometry.Insets in = narrationBox.getInsets();
            double textW = Math.max(0, w - in.getLeft() - in.getRight());
            double need = narrationBox.prefHeight(w) + (narrText.isManaged() ? 0 : narrText.prefHeight(textW)
                    + narrationBox.getSpacing());
            boolean text = !asked || need <= h + 0.5;
            if (text != narrText.isManaged()) {
                show(narrText, text);
            }
        }
        super.layoutChildren();
        if (room && narrationBox.prefHeight(scroll.getViewportBounds().getWidth()) <= scroll.getViewportBounds()
                .getHeight() + 0.5) {
            // all of it in view: nothing stays scrolled away from an earlier, longer narration
            scroll.setVvalue(0);
        }
    }

    void setProgress(Lessons.Progress p) {
        done = p;
    }

    Lessons.Progress progress() {
        return done;
    }

    Lesson lesson() {
        return lesson;
    }

    int part() {
        return part;
    }

    /** The view model of the part on screen (null before a lesson is opened). */
    LessonSession session() {
        return session;
    }

    ChallengePane challengePane() {
        return challengePane;
    }

    /** Shows lesson {@code l}, part {@code p} (0-based), and starts its session on the player. */
    void showLesson(Lesson l, int p) {
        syncing = true;
        try {
            boolean newLesson = l != lesson;
            lesson = l;
            part = p;
            if (session != null) {
                session.detach();
            }
            session = new LessonSession(player, l, p, done, player.background(), () -> update(player));
            challengePane.show(session.challenge());
            lessonTitle.setText(l.title());
            summary.setText(l.summary());
            if (newLesson) {
                objectives.getChildren().setAll(summary);
                if (!l.objectives().isEmpty()) {
                    Label after = new Label("After this lesson you can:");
                    after.getStyleClass().add("lesson-objective");
                    objectives.getChildren().add(after);
                }
                for (String o : l.objectives()) {
                    Label x = new Label("• " + o);
                    x.setWrapText(true);
                    x.getStyleClass().add("lesson-objective");
                    objectives.getChildren().add(x);
                }
            }
            refreshPartNames();
            chrome();
            parts.setPrefHeight(Math.min(4, l.parts().size()) * 24 + 4);
            parts.setMinHeight(parts.getPrefHeight());
            parts.getSelectionModel().select(p);
            shownCheckpoint = null;
            shownSaid = null;
        } finally {
            syncing = false;
        }
    }

    /** Part names: neutral until the part is done, then its done title; optional drills say so. */
    private void refreshPartNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lesson.parts().size(); i++) {
            Part pt = lesson.parts().get(i);
            String t = pt.title(done.done(Lessons.key(lesson, i)));
            names.add((i + 1) + ". " + (t == null || t.isEmpty() ? "Part " + (i + 1) : t)
                    + (pt.optional() ? " (optional)" : "") + (pt.challenge() != null ? " ★" : ""));
        }
        if (!names.equals(parts.getItems())) {
            boolean was = syncing;
            syncing = true;
            try {
                parts.getItems().setAll(names);
                parts.getSelectionModel().select(part);
            } finally {
                syncing = was;
            }
        }
        parts.refresh();
    }

    /** Follows the player: the narration in force, the question, the challenge, parts done. */
    void update(Player p) {
        Trace t = p.trace();
        if (lesson == null || t == null || p.playable() == null || session == null || !session.active()) {
            return;
        }
        session.update();
        Narration n = p.playable().narration();
        int index = p.index();
        Narration.Said said;
        try {
            said = n.said(t, index);
        } catch (RuntimeException e) {
            said = null;
        }
        String key = said == null ? "" : said.index() + said.title() + said.text().hashCode();
        if (!key.equals(shownSaid)) {
            shownSaid = key;
            narrTitle.setText(said == null ? "" : said.title());
            show(narrTitle, said != null && !said.title().isEmpty());
            narrText.getChildren().setAll(said == null ? List.of(new Text("")) : rich(said.text()));
        }
        boolean challenge = session.challenge() != null;
        since.setText(said == null || challenge ? "" : said.index() == index ? "at this step"
                : said.index() == 0 ? "since the start" : "since step " + said.index());
        boolean off = session.offRun();
        if (off) {
            int hidden = session.hiddenNotes().size();
            banner.setText("You changed the run (a protection or the schedule). The notes describe the lesson's "
                    + "own run" + (hidden == 0 ? "" : "; " + hidden + (hidden == 1 ? " note that does" : " notes that "
                    + "do") + " not fit this run " + (hidden == 1 ? "is" : "are") + " hidden") + ". Reset (R) "
                    + "brings the lesson's run back.");
        }
        show(banner, off);
        if (challenge) {
            show(checkpointBox, false);
            show(challengePane, true);
            challengePane.update();
            Object phase = session.challenge().phase();
            if (phase != shownPhase) {
                shownPhase = phase;
                revealPending = phase == org.vmalab.viewmodel.ChallengeRun.Phase.TRYING ? this::revealChallenge
                        : () -> reveal(challengePane.card());
            }
        } else {
            show(challengePane, false);
            showQuestion(said, index);
        }
        refreshPartNames();
        int req = Lessons.partsRequired(lesson);
        int d = Lessons.requiredDone(lesson, done);
        String here = session.done() ? "this part is done ✓" : challenge ? toFinish(session.challenge())
                : session.unanswered() > 0 ? session.unanswered() + " question" + (session.unanswered() == 1 ? "" : "s")
                + " open in this part" : session.reachedEnd() ? "" : "play to the end to finish this part";
        progress.setText((lesson.parts().size() == 1 ? "" : d + " of " + req + " parts done · ") + here);
        if (revealPending != null) {
            Runnable r = revealPending;
            revealPending = null;
            revealNow(r);
        }
    }

    /** What is left to do in a challenge that is not finished, by its phase. */
    static String toFinish(org.vmalab.viewmodel.ChallengeRun run) {
        return switch (run.phase()) {
            case TRYING -> "reach the goal to finish this part";
            case WON -> "now try it with the patch to finish this part";
            case PATCH -> "try it with the patch, or give up to see the proof";
            case PROVING, PROVED -> "the explorer searches every schedule with the patch";
        };
    }

    /**
     * Scrolls as {@code how} says now, before the next input: the pane laid out first (twice: a question or a
     * challenge that does not fit makes the lesson's title, objectives and parts give way, which moves everything
     * under them); once more two events later, for a pane not laid out yet (a lesson just opened).
     */
    private void revealNow(Runnable how) {
        if (getScene() != null && getWidth() > 0) {
            applyCss();
            layout();
            layout();
            how.run();
        }
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(how));
    }

    /**
     * After the view changed height (the window, or the lesson's title and parts giving way): the open question as
     * {@link #revealQuestion} says, or a challenge being tried as {@link #revealChallenge} says.
     */
    private void revealAsked() {
        if (checkpointBox.isVisible()) {
            revealQuestion();
        } else if (trying()) {
            revealChallenge();
        }
    }

    /** The question shown in view: the open one from its top, an answered one as {@link #revealAnswer} says. */
    private void revealQuestion() {
        if (verdictHint) {
            reveal(checkpointBox);
        } else {
            revealAnswer();
        }
    }

    /**
     * An answered question in view: its verdict, the reason of a wrong choice, the explanation and the links under
     * them (watch it happen, answer it again) whole, with as much of the question above them as fits; the verdict at
     * the top of the view when even they do not fit.
     */
    private void revealAnswer() {
        scrollTo(view -> Math.min(within(verdict).getMinY() - 4, Math.max(within(checkpointBox).getMinY() - 4,
                within(checkpointBox).getMaxY() + 4 - view)));
    }

    /** Scrolls the narration so that {@code n} (inside it) starts at the top of the view, as far as it can. */
    private void reveal(Node n) {
        scrollTo(view -> within(n).getMinY() - 4);
    }

    /**
     * Scrolls the narration so that the y of its content that {@code top} computes from the view's height is at the
     * top of the view, as far as it can; nothing when the content fits the view.
     */
    private void scrollTo(java.util.function.DoubleUnaryOperator top) {
        scroll.applyCss();
        scroll.layout();
        double h = scroll.getContent().getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (h <= view || view <= 0) {
            return;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, top.applyAsDouble(view) / (h - view))));
    }

    /** The bounds of {@code n} in the narration's content. */
    private javafx.geometry.Bounds within(Node n) {
        return scroll.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
    }

    /** The latest question at or before the cursor, while no later narration took over. */
    private void showQuestion(Narration.Said said, int index) {
        Narration.Checkpoint cp = null;
        for (Narration.Checkpoint c : session.checkpoints()) {
            if (c.index() <= index && (said == null || c.index() >= said.index())) {
                cp = c;
            }
        }
        show(checkpointBox, cp != null);
        if (cp == null) {
            shownCheckpoint = null;
            return;
        }
        syncing = true;
        try {
            if (!cp.equals(shownCheckpoint)) {
                shownCheckpoint = cp;
                revealPending = this::revealQuestion;
                question.setText(cp.question());
                choices.getChildren().clear();
                group.getToggles().clear();
                for (String c : cp.choices()) {
                    RadioButton r = new RadioButton(c);
                    r.setMnemonicParsing(false);
                    r.setWrapText(true);
                    r.setToggleGroup(group);
                    r.getStyleClass().add("checkpoint-choice");
                    r.setFocusTraversable(false);
                    r.setMinHeight(Region.USE_PREF_SIZE);
                    choices.getChildren().add(r);
                }
            }
            boolean atIt = cp.index() == index;
            LessonSession.Question q = atIt ? session.question() : null;
            boolean checked = session.answered(cp);
            int chosen = q != null ? q.selected() : checked ? done.answer(session.key(), cp.id()) : -1;
            if (chosen >= 0 && chosen < group.getToggles().size()) {
                group.selectToggle(group.getToggles().get(chosen));
            } else {
                group.selectToggle(null);
            }
            for (int i = 0; i < choices.getChildren().size(); i++) {
                RadioButton r = (RadioButton) choices.getChildren().get(i);
                r.setDisable(checked || !atIt);
                r.pseudoClassStateChanged(RIGHT, checked && i == cp.answer());
                r.pseudoClassStateChanged(WRONG, checked && i == chosen && i != cp.answer());
            }
            checkpointBox.pseudoClassStateChanged(OPEN, atIt && !checked);
            show(check.getParent(), atIt && !checked);
            check.setDisable(chosen < 0);
            verdictHint = !checked;
            show(verdict, !(room && verdictHint));
            if (!checked) {
                verdict.setText(atIt ? (chosen < 0 ? "Pick an answer, then Check (or →)." : "Check it (or →).")
                        : "Not answered yet: go back to step " + cp.index() + " to answer it.");
                verdict.pseudoClassStateChanged(RIGHT, false);
                verdict.pseudoClassStateChanged(WRONG, false);
                show(whyNot, false);
                show(explanation, false);
                show(watch, false);
                show(again, false);
            } else {
                if (!cp.equals(revealedVerdict) && atIt) {
                    revealedVerdict = cp;
                    revealPending = this::revealQuestion;
                }
                boolean right = chosen == cp.answer();
                verdict.setText(right ? "✓ Right." : "✗ Not quite: the answer is \"" + cp.choices().get(cp.answer())
                        + "\".");
                verdict.pseudoClassStateChanged(RIGHT, right);
                verdict.pseudoClassStateChanged(WRONG, !right);
                String reason = right ? "" : cp.whyNot(chosen);
                whyNot.getChildren().setAll(rich(reason));
                show(whyNot, !reason.isEmpty());
                explanation.getChildren().setAll(rich(cp.explanation()));
                show(explanation, !cp.explanation().isEmpty());
                int stop = atIt ? session.watchStop() : -1;
                watch.setText(stop > 0 && stop < cp.watch() ? "Watch it happen: the next question comes first (step "
                        + stop + ") →" : "Watch it happen (step " + cp.watch() + ") →");
                show(watch, cp.watch() > 0 && atIt);
                show(again, atIt);
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * Narration text as Markdown ({@link Markdown}: paragraphs, {@code `code`} in the mono font, emphasis, lists),
     * with each step label of the glossary (S2, X1 ...) outside code made a link to its card.
     */
    List<Node> rich(String s) {
        List<Node> out = new ArrayList<>();
        for (Text run : Markdown.runs(s)) {
            if (run.getStyleClass().contains(Markdown.CODE) || run.getStyleClass().contains(Markdown.CODE_BLOCK)) {
                out.add(run);
            } else {
                withLabels(run, out);
            }
        }
        return out;
    }

    /** {@code run} split around its glossary labels, each label a link; the rest keeps the run's styles. */
    private void withLabels(Text run, List<Node> out) {
        String piece = run.getText();
        Matcher m = Glossary.LABEL.matcher(piece);
        int at = 0;
        while (m.find()) {
            Glossary.Card c = Glossary.card(m.group());
            if (c == null) {
                continue;
            }
            if (m.start() > at) {
                out.add(like(run, piece.substring(at, m.start())));
            }
            Hyperlink h = new Hyperlink(c.label());
            h.getStyleClass().add("glossary-link");
            h.setFocusTraversable(false);
            h.setTooltip(new Tooltip(c.label() + ": " + c.words() + "\n" + c.function() + "(), " + c.file()));
            h.setOnAction(e -> showCard(h, c));
            out.add(h);
            at = m.end();
        }
        if (at == 0) {
            out.add(run);
        } else if (at < piece.length()) {
            out.add(like(run, piece.substring(at)));
        }
    }

    private static Text like(Text run, String s) {
        Text t = new Text(s);
        t.getStyleClass().setAll(run.getStyleClass());
        return t;
    }

    /** The glossary card of a step label, beside the link. */
    private void showCard(Node anchor, Glossary.Card c) {
        Label head = new Label(c.label() + " — " + c.function() + "() in " + c.file());
        head.getStyleClass().add("glossary-head");
        Label words = new Label(c.words());
        words.setWrapText(true);
        words.setMaxWidth(360);
        words.getStyleClass().add("glossary-words");
        VBox box = new VBox(4, head, words);
        box.getStyleClass().add("glossary-card");
        box.getStylesheets().setAll(getScene() == null ? List.of() : getScene().getStylesheets());
        glossaryPopup.getContent().setAll(box);
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b != null && getScene() != null) {
            glossaryPopup.show(getScene().getWindow(), b.getMinX(), b.getMaxY() + 2);
        }
    }

    /** The narration on screen, as plain text (for tests). */
    String narrationText() {
        StringBuilder b = new StringBuilder();
        for (Node n : narrText.getChildren()) {
            if (n instanceof Text t) {
                b.append(t.getText());
            } else if (n instanceof Hyperlink h) {
                b.append(h.getText());
            }
        }
        return narrTitle.getText() + "\n" + b;
    }

    boolean checkpointShown() {
        return checkpointBox.isVisible();
    }

    /** The banner's text when it is shown, else "" (for tests). */
    String bannerText() {
        return banner.isVisible() ? banner.getText() : "";
    }

    /** The part names as listed (for tests). */
    List<String> partNames() {
        return List.copyOf(parts.getItems());
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
