package org.vmalab.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.vmalab.lesson.Lesson;
import org.vmalab.viewmodel.Lessons;
import org.vmalab.viewmodel.Playable;
import org.vmalab.viewmodel.Player;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.TaskRunner;

/**
 * The window without a window: a {@link MainView} in an off-screen scene of a given size, playing one run, that
 * renders any step of it as an image (the whole window or one panel, at any scale) and gives the step's
 * {@link StepScene} and the palette's colours for the SVG. Used by {@code vmalab render} (headless) and by the
 * window's GIF and PNG-sequence exports, so that the user's own window never moves.
 *
 * <p>Every method runs on the JavaFX application thread. Engine runs are inline (the run happens in
 * {@link #load}); a step is shown snapped, never animated.
 */
public final class RunRenderer {
    /** What an image shows: the whole window or one panel. */
    public enum Panel {
        WINDOW("window", "window", null),
        TREE("tree", "tree", ".tree-stack"),
        STRIP("strip", "address space", ".strip-panel"),
        THREADS("threads", "threads", ".lanes-panel");

        private final String id;
        private final String label;
        private final String selector;

        Panel(String id, String label, String selector) {
            this.id = id;
            this.label = label;
            this.selector = selector;
        }

        /** The command-line and file-name word: window, tree, strip, threads. */
        public String id() {
            return id;
        }

        /** In words: "address space". */
        public String label() {
            return label;
        }

        String selector() {
            return selector;
        }

        /** By its id (case-insensitive), or null. */
        public static Panel of(String id) {
            for (Panel p : values()) {
                if (p.id.equalsIgnoreCase(id) || p.name().equalsIgnoreCase(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The themes by their command-line names. */
    public static final List<String> THEMES = List.of("light", "dark", "colorblind", "high-contrast");

    /** Rendering a part to its end does not count as having done it. */
    private static final Lessons.Progress NO_PROGRESS = new Lessons.Progress() {
        @Override
        public boolean done(String key) {
            return false;
        }

        @Override
        public void markDone(String key) {
            // a picture of a run is not a learner's progress
        }
    };

    private final Player player = new Player(TaskRunner.INLINE);
    private final MainView view = new MainView(player);
    private final javafx.scene.Scene scene;

    /** An off-screen window of {@code width} x {@code height} in {@code theme} ({@link #THEMES}). */
    public RunRenderer(int width, int height, String theme) {
        requireFx();
        scene = new javafx.scene.Scene(view, width, height);
        setTheme(theme);
    }

    RunRenderer(int width, int height, MainView.Theme theme) {
        requireFx();
        scene = new javafx.scene.Scene(view, width, height);
        view.selectTheme(theme);
        view.applyTheme(theme);
    }

    public int width() {
        return (int) Math.round(scene.getWidth());
    }

    public int height() {
        return (int) Math.round(scene.getHeight());
    }

    void setTheme(MainView.Theme t) {
        view.selectTheme(t);
        view.applyTheme(t);
    }

    private static void requireFx() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("RunRenderer must be used on the JavaFX application thread");
        }
    }

    /** The theme by name: light, dark, colorblind or high-contrast. */
    public void setTheme(String name) {
        MainView.Theme t = theme(name);
        view.selectTheme(t);
        view.applyTheme(t);
    }

    static MainView.Theme theme(String name) {
        return switch (name == null ? "light" : name.toLowerCase(Locale.ROOT)) {
            case "dark" -> MainView.Theme.DARK;
            case "colorblind", "colourblind", "cb" -> MainView.Theme.COLORBLIND;
            case "high-contrast", "highcontrast", "contrast", "hc" -> MainView.Theme.HIGH_CONTRAST;
            default -> MainView.Theme.LIGHT;
        };
    }

    /**
     * Plays a lesson part with its narration and the lesson pane beside the tree, at its start. A challenge is played
     * with the part's own schedule (a solution), without the lesson pane: the learner's run of a challenge is empty.
     */
    public void load(Lesson lesson, int part) {
        if (lesson.parts().get(part).challenge() != null) {
            player.load(Lessons.solution(lesson, part));
        } else if (lesson.isNarrated()) {
            view.setLessons(null, List.of(), NO_PROGRESS);
            view.openLesson(lesson, part);
        } else {
            player.load(Lessons.playable(lesson, part));
        }
        settle();
    }

    /** Plays a playable (a scenario and schedule, with or without narration), at its start. */
    public void load(Playable p) {
        player.load(p);
        settle();
    }

    /** Steps of the run (index 0 is the initial state, {@code size()} the end). */
    public int size() {
        return player.trace() == null ? 0 : player.trace().size();
    }

    public Player player() {
        return player;
    }

    MainView view() {
        return view;
    }

    /** Shows the state after step {@code index} (0 = initial), snapped: never an animation frame. */
    public void show(int index) {
        int target = Math.max(0, Math.min(index, size()));
        int from = player.index();
        if (target == from && player.scene() != null) {
            settle();
            return;
        }
        if (target == from + 1) {
            // a single forward step animates; go round it so that the view snaps to the target
            if (target < size()) {
                player.seek(target + 1);
            } else if (target >= 2) {
                player.seek(0);
            } else {
                player.run(player.scenario(), player.schedule(), target);
                settle();
                return;
            }
        }
        player.seek(target);
        settle();
    }

    private void settle() {
        // twice: the first pass gives the panes their widths, by which the locks choose their arrangement and the
        // address space folds or not; the second lays the tree out in the height that is left
        for (int i = 0; i < 2; i++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
    }

    /** The model of the step shown (what the SVG draws). */
    public StepScene model() {
        return player.scene();
    }

    /** The image of a panel (or the whole window) at {@code scale} (1 = one pixel per unit). */
    public WritableImage snapshot(Panel panel, double scale) {
        settle();
        return snapshot(view, panel, scale);
    }

    /**
     * The part of the window a handout shows, in layout units: from the protection bar (which parts of the patch are
     * on) and the step's caption down to the panels' bottom; the menu, the toolbar and the timeline are left out.
     */
    public Rectangle2D handoutArea() {
        settle();
        Node top = view.lookup(".protection-bar");
        Node bottom = view.lookup(".main-split");
        if (top == null || bottom == null) {
            return new Rectangle2D(0, 0, width(), height());
        }
        double y0 = top.localToScene(top.getLayoutBounds()).getMinY();
        double y1 = bottom.localToScene(bottom.getLayoutBounds()).getMaxY();
        return new Rectangle2D(0, Math.max(0, y0), width(), Math.min(height(), y1) - Math.max(0, y0));
    }

    /**
     * The size in pixels of the largest of the pictures of {@code panel} at {@code scale} over steps {@code from} to
     * {@code to}: a panel is not as high at every step (the threads band below the tree grows and shrinks), and the
     * frames of a GIF or a PNG sequence take this one size so that they play without jumping. Shows each step.
     */
    public java.awt.Dimension frameSize(Panel panel, double scale, int from, int to) {
        int w = 0;
        int h = 0;
        // from the last step back: a step forward is shown by going round it (it would animate), a step back is not;
        // and the first frame is then already shown
        for (int i = to; i >= from; i--) {
            java.awt.Dimension d = frameSize(panel, scale, i);
            w = Math.max(w, d.width);
            h = Math.max(h, d.height);
        }
        return new java.awt.Dimension(w, h);
    }

    /** The size in pixels of the picture of {@code panel} at {@code scale} at step {@code step}. Shows the step. */
    public java.awt.Dimension frameSize(Panel panel, double scale, int step) {
        show(step);
        Rectangle2D v = viewport(view, panel, scale);
        return new java.awt.Dimension((int) v.getWidth(), (int) v.getHeight());
    }

    /** The panel drawn for {@code panel}: the whole window if the panel is not shown. */
    private static Node node(MainView view, Panel panel) {
        Node node = panel == Panel.WINDOW ? view : view.lookup(panel.selector());
        return node == null || node.getLayoutBounds().getHeight() < 1 ? view : node;
    }

    /**
     * The snapshot's viewport for {@code panel}, in pixels at {@code scale}. Node.snapshot draws the node with its
     * own transforms, its layout position included: the viewport is its box in its parent's coordinates (a panel
     * below another one starts lower down).
     */
    private static Rectangle2D viewport(MainView view, Panel panel, double scale) {
        Node node = node(view, panel);
        javafx.geometry.Bounds bl = node.localToParent(node.getLayoutBounds());
        return new Rectangle2D(bl.getMinX() * scale, bl.getMinY() * scale, Math.round(bl.getWidth() * scale),
                Math.round(bl.getHeight() * scale));
    }

    /** A panel of any view (the live window too) at {@code scale}. */
    static WritableImage snapshot(MainView view, Panel panel, double scale) {
        Node node = node(view, panel);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(view.palette().get(Ink.BG));
        if (scale != 1) {
            p.setTransform(Transform.scale(scale, scale));
        }
        p.setViewport(viewport(view, panel, scale));
        if (scale == 1) {
            return node.snapshot(p, null);
        }
        /* canvases draw at the export's scale for the snapshot: sharp, not enlarged */
        PixelScalable.setAll(node, scale);
        try {
            return node.snapshot(p, null);
        } finally {
            PixelScalable.setAll(node, 1);
        }
    }

    /** The palette's colours by ink name ({@code node-red}: {@code #d23a36}), for the SVG. */
    public Map<String, String> colors() {
        return colors(view.palette());
    }

    static Map<String, String> colors(Palette palette) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Ink ink : Ink.values()) {
            m.put(ink.css(), hex(palette.get(ink)));
        }
        return m;
    }

    static String hex(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        String s = String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        if (c.getOpacity() < 1) {
            return "rgba(" + r + "," + g + "," + b + "," + String.format(Locale.ROOT, "%.3f", c.getOpacity()) + ")";
        }
        return s;
    }

    /** The title of the run shown. */
    public String title() {
        return player.playable() == null ? "" : player.playable().title();
    }
}
