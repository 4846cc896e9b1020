package org.vmalab.ui;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vmalab.engine.trace.Trace;
import org.vmalab.lesson.Challenge;
import org.vmalab.viewmodel.ChallengeProof;
import org.vmalab.viewmodel.ChallengeRun;
import org.vmalab.viewmodel.Player;

/**
 * A challenge beside the tree: the goal, how many steps the learner has used, the controls, hints one at a time;
 * the win card (the learner's schedule beside the explorer's shortest one); then the same goal with the patch, the
 * learner's tries with what stopped each, and the explorer's proof that no schedule reaches the goal.
 */
final class ChallengePane extends VBox {
    private final Player player;
    private final Label goal = new Label();
    private final Label steps = new Label();
    private final Label keys = new Label("A number key (or a click on a thread's lane) runs that thread one step · "
            + "Shift and the number: until it blocks or ends · Backspace: take the last step back · R: start over");
    private final Button undo = new Button("Step back");
    private final Button restart = new Button("Start over");
    private final Button hint = new Button();
    private final Button giveUp = new Button("Give up");
    private final VBox hints = new VBox(4);
    private final VBox card = new VBox(6);
    private final Label head = new Label("Challenge: you are the scheduler");
    private final FlowPane buttons;
    private ChallengeRun run;

    ChallengePane(Player player) {
        this.player = player;
        getStyleClass().add("challenge");
        setId("challenge");
        setSpacing(6);
        head.getStyleClass().add("checkpoint-head");
        // on two rows rather than cut, in a narrow pane or the room's type
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        goal.getStyleClass().add("challenge-goal");
        goal.setId("challenge-goal");
        goal.setWrapText(true);
        goal.setMinHeight(Region.USE_PREF_SIZE);
        steps.getStyleClass().add("challenge-steps");
        steps.setId("challenge-steps");
        steps.setWrapText(true);
        keys.getStyleClass().add("hint");
        steps.setMinHeight(Region.USE_PREF_SIZE);
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        undo.setId("challenge-undo");
        undo.setTooltip(new Tooltip("Take the last step back (Backspace)"));
        undo.setOnAction(e -> player.undo());
        restart.setId("challenge-restart");
        restart.setTooltip(new Tooltip("Back to no step at all (R)"));
        restart.setOnAction(e -> {
            if (run != null) {
                run.startOver();
            }
        });
        hint.setId("challenge-hint");
        hint.setOnAction(e -> {
            if (run != null) {
                run.nextHint();
                update();
            }
        });
        giveUp.setId("challenge-give-up");
        giveUp.setOnAction(e -> {
            if (run != null) {
                run.giveUp();
                update();
            }
        });
        for (Button b : List.of(undo, restart, hint, giveUp)) {
            b.setMnemonicParsing(false);
            b.getStyleClass().add("small-button");
            b.setFocusTraversable(false);
        }
        buttons = new FlowPane(6, 6, undo, restart, hint, giveUp);
        hints.getStyleClass().add("challenge-hints");
        card.getStyleClass().add("challenge-card");
        card.setId("challenge-card");
        // the controls right under the goal, in view in a short pane; the hint they show under them, then the keys
        getChildren().addAll(head, goal, steps, buttons, hints, keys, card);
    }

    /** Shows challenge {@code r} (null: none). */
    void show(ChallengeRun r) {
        run = r;
        if (r != null) {
            update();
        }
    }

    ChallengeRun run() {
        return run;
    }

    /** The controls under the goal (step back, start over, hint, give up). */
    Node controls() {
        return buttons;
    }

    /** The height from the pane's top to the bottom of its controls, at width {@code w}: the goal and the steps. */
    double heightToControls(double w) {
        double inner = Math.max(0, w - snappedLeftInset() - snappedRightInset());
        double h = snappedTopInset();
        for (Node n : List.of(head, goal, steps, buttons)) {
            if (n.isManaged()) {
                h += n.prefHeight(inner) + getSpacing();
            }
        }
        return h - getSpacing();
    }

    /** The card under the controls (the win, the tries, the proof). */
    Node card() {
        return card;
    }

    /** Follows the challenge and the player. */
    void update() {
        if (run == null) {
            return;
        }
        Challenge c = run.challenge();
        ChallengeRun.Phase ph = run.phase();
        boolean patch = ph == ChallengeRun.Phase.PATCH || ph == ChallengeRun.Phase.PROVING
                || ph == ChallengeRun.Phase.PROVED;
        goal.setText((patch ? "With the patch: " : "Goal: ") + plain(c.text()));
        Trace t = player.trace();
        int used = t == null ? 0 : t.size();
        boolean counting = ph == ChallengeRun.Phase.TRYING || ph == ChallengeRun.Phase.PATCH;
        steps.setVisible(counting);
        steps.setManaged(counting);
        String over = run.tryOver();
        steps.setText(!counting ? "" : "Steps: " + used + " of at most " + c.maxSteps()
                + (t != null && used >= c.maxSteps() ? " — out of steps: step back or start over"
                : over != null ? " — " + over + ": step back or start over" : ""));
        boolean playing = ph == ChallengeRun.Phase.TRYING || ph == ChallengeRun.Phase.PATCH;
        for (Node n : List.of(keys, undo, restart)) {
            n.setVisible(playing);
            n.setManaged(playing);
        }
        hint.setVisible(ph == ChallengeRun.Phase.TRYING && !c.hints().isEmpty());
        hint.setManaged(hint.isVisible());
        int left = c.hints().size() - run.hintsShown().size();
        hint.setText(left == 0 ? "No more hints" : "Hint (" + left + " left)");
        hint.setDisable(left == 0);
        giveUp.setVisible(playing);
        giveUp.setManaged(playing);
        giveUp.setText(ph == ChallengeRun.Phase.PATCH ? "Give up: search every schedule" : "Give up");
        hints.getChildren().clear();
        if (ph == ChallengeRun.Phase.TRYING) {
            int k = 1;
            for (String h : run.hintsShown()) {
                Label l = new Label("Hint " + k++ + ": " + plain(h));
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.getStyleClass().add("challenge-hint");
                hints.getChildren().add(l);
            }
        }
        card.getChildren().clear();
        switch (ph) {
            case TRYING -> card.getChildren().clear();
            case WON -> winCard();
            case PATCH -> patchCard();
            case PROVING -> {
                ProgressIndicator pi = new ProgressIndicator(-1);
                pi.setPrefSize(22, 22);
                card.getChildren().add(new HBox(8, pi, line("The explorer searches every schedule with the patch…",
                        "challenge-line")));
            }
            case PROVED -> provedCard();
            default -> {
            }
        }
        card.setVisible(!card.getChildren().isEmpty());
        card.setManaged(card.isVisible());
    }

    private void winCard() {
        String[] names = run.threadNames();
        if (run.won()) {
            card.getChildren().add(line("✓ Goal reached at step " + run.winning().size() + ".", "challenge-won"));
            card.getChildren().add(line("Your schedule (" + run.winning().size() + " steps): "
                    + ChallengeRun.shape(run.winning(), names), "challenge-line"));
        } else {
            card.getChildren().add(line("You gave up. Here is a schedule that reaches the goal.", "challenge-line"));
        }
        if (!run.shortestDone()) {
            card.getChildren().add(line("The explorer looks for the shortest schedule…", "hint"));
        } else if (run.shortest() == null) {
            card.getChildren().add(line("The explorer found no shortest schedule.", "hint"));
        } else {
            card.getChildren().add(line("The explorer's shortest (" + run.shortest().steps() + " steps): "
                    + ChallengeRun.shape(run.shortest().threads(), names), "challenge-line"));
            Button play = new Button("Play the shortest");
            play.setId("challenge-play-shortest");
            play.getStyleClass().add("small-button");
            play.setFocusTraversable(false);
            play.setOnAction(e -> run.playShortest());
            card.getChildren().add(play);
        }
        if (run.hasPatchPhase()) {
            Button next = new Button("Now try it with the patch →");
            next.setId("challenge-with-patch");
            next.setDefaultButton(false);
            next.setFocusTraversable(false);
            next.setOnAction(e -> {
                run.withPatch();
                update();
            });
            card.getChildren().add(next);
        }
    }

    private void patchCard() {
        card.getChildren().add(line("The same threads with the patch as written. Try to reach the goal; every try "
                + "you finish is kept. When you are convinced, let the explorer search every schedule.",
                "challenge-line"));
        tries();
    }

    private void tries() {
        List<ChallengeRun.Attempt> as = run.attempts();
        int k = 1;
        for (ChallengeRun.Attempt a : as) {
            card.getChildren().add(line("Try " + k++ + " (" + a.threads().size() + " steps: " + a.shape() + ")",
                    "challenge-try"));
            if (a.stoppedBy().isEmpty()) {
                card.getChildren().add(line("   nothing of the patch had to act: the threads never met", "hint"));
            }
            for (String s : a.stoppedBy()) {
                card.getChildren().add(line("   stopped by " + s, "challenge-stop"));
            }
        }
    }

    private void provedCard() {
        ChallengeProof.PatchProof p = run.proof();
        if (p == null) {
            card.getChildren().add(line("The search failed; see the status line.", "challenge-line"));
            return;
        }
        if (p.proves()) {
            BigInteger n = p.schedules();
            String count = n.signum() > 0 ? String.format(Locale.ROOT, "%,d", n) : "the";
            card.getChildren().add(line("No schedule reaches it.", "challenge-proved"));
            card.getChildren().add(line("The explorer searched every schedule with the patch: none of the " + count
                    + " schedules reaches the goal (" + String.format(Locale.ROOT, "%,d", p.states())
                    + " distinct states, a complete search).", "challenge-line"));
        } else if (p.reached() != null) {
            card.getChildren().add(line("With the patch the goal is still reached, in " + p.reached().steps()
                    + " steps: the patch does not prevent this one.", "challenge-line"));
        } else {
            card.getChildren().add(line("The search is not a proof: " + p.incomplete(), "challenge-line"));
        }
        if (!run.attempts().isEmpty()) {
            card.getChildren().add(line("Your tries, and the part of the patch that stopped each:", "challenge-sub"));
            tries();
        }
        List<ChallengeProof.PartOfPatch> parts = run.partsOfPatch();
        if (!parts.isEmpty()) {
            card.getChildren().add(line("Each part of the patch taken away alone:", "challenge-sub"));
            for (ChallengeProof.PartOfPatch pt : parts) {
                String r = !pt.complete() && pt.reaches() == null ? "not decided (search cut short)"
                        : pt.reaches() == null ? "still unreachable" : "reachable again, in " + pt.reaches().steps()
                        + " steps";
                card.getChildren().add(line("• without " + pt.words() + ": " + r, pt.reaches() == null
                        ? "challenge-part" : "challenge-part-needed"));
            }
        }
    }

    private static Label line(String s, String style) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }

    /** A goal or hint as the learner reads it (the Markdown's marks gone). */
    static String plain(String s) {
        return Markdown.plain(s).strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** Everything the card says, as text (for tests). */
    String cardText() {
        StringBuilder b = new StringBuilder();
        for (Node n : card.getChildren()) {
            if (n instanceof Label l) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }
}
