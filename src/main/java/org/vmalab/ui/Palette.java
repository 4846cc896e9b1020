package org.vmalab.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.vmalab.viewmodel.Tone;

/**
 * The canvases' colours, read from the stylesheet: one hidden swatch region per {@link Ink}, styled by
 * pseudo-class. {@link #refresh()} re-reads them after a theme change.
 */
final class Palette {
    private final Group swatches = new Group();
    private final Map<Ink, Region> regions = new EnumMap<>(Ink.class);
    private final Map<Ink, Color> colors = new EnumMap<>(Ink.class);

    Palette() {
        swatches.setManaged(false);
        swatches.setVisible(false);
        swatches.getStyleClass().add("swatches");
        for (Ink ink : Ink.values()) {
            Region r = new Region();
            r.getStyleClass().add("ink");
            r.pseudoClassStateChanged(PseudoClass.getPseudoClass(ink.css()), true);
            r.resize(1, 1);
            regions.put(ink, r);
            swatches.getChildren().add(r);
        }
    }

    /** Add this to the scene graph so that CSS reaches the swatches. */
    Group node() {
        return swatches;
    }

    /** Re-reads every swatch (after the stylesheet changed). */
    void refresh() {
        swatches.applyCss();
        for (Map.Entry<Ink, Region> e : regions.entrySet()) {
            e.getValue().applyCss();
            colors.put(e.getKey(), read(e.getValue()));
        }
    }

    private static Color read(Region r) {
        Background b = r.getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            BackgroundFill f = b.getFills().get(0);
            Paint p = f.getFill();
            if (p instanceof Color c) {
                return c;
            }
        }
        return Color.GRAY;
    }

    Color get(Ink ink) {
        Color c = colors.get(ink);
        return c == null ? Color.GRAY : c;
    }

    /** The fill of a node tone. */
    Color tone(Tone t) {
        return switch (t) {
            case NODE_RED -> get(Ink.NODE_RED);
            case NODE_BLACK -> get(Ink.NODE_BLACK);
            case NODE_FREED -> get(Ink.NODE_FREED);
            case NODE_ALARM -> get(Ink.NODE_ALARM);
        };
    }

    /** The text colour on a node tone. */
    Color toneText(Tone t) {
        return switch (t) {
            case NODE_RED -> get(Ink.NODE_RED_TEXT);
            case NODE_BLACK -> get(Ink.NODE_BLACK_TEXT);
            case NODE_FREED -> get(Ink.NODE_FREED_TEXT);
            case NODE_ALARM -> get(Ink.NODE_ALARM_TEXT);
        };
    }

    Color thread(int t) {
        return get(Ink.thread(t));
    }
}
