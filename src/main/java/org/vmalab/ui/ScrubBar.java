package org.vmalab.ui;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.trace.Trace;

/**
 * The scrub bar: the whole run, one thin band per step in the colour of the thread that took it (the
 * interleaving at a glance), ticks at operation starts, markers at violations, and the cursor. Click or
 * drag to seek.
 */
final class ScrubBar extends CanvasRegion {
    private static final double PAD = 8;
    private final Palette palette;
    private final Tooltip tip = new Tooltip();
    private Trace trace;
    private int index;
    private List<Integer> opStarts = List.of();
    private int horizon = Integer.MAX_VALUE;
    private final IntConsumer seek;

    ScrubBar(Palette palette, IntConsumer seek) {
        this.palette = palette;
        this.seek = seek;
        getStyleClass().add("scrub-bar");
        setMinHeight(34);
        setPrefHeight(34);
        setMinWidth(120);
        setPrefWidth(600);
        tip.setShowDelay(Duration.millis(200));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> seekTo(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> seekTo(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (trace != null && trace.size() > 0) {
                int i = at(e.getX());
                tip.setText(i == 0 ? "the start: the initial state, before step 1" : i > horizon ? "step " + i
                        + ": hidden until you answer the question" : "step " + i + " (" + trace.threadName(
                        trace.step(i).thread()) + "): " + trace.caption(i));
                Tooltip.install(canvas, tip);
            }
        });
    }

    void show(Trace t, int i, List<Integer> starts) {
        show(t, i, starts, Integer.MAX_VALUE);
    }

    /**
     * @param h the last step the learner may see (a lesson hides the run beyond an open question): later steps are
     *          drawn as a blank track, with no thread band, no operation tick and no violation marker
     */
    void show(Trace t, int i, List<Integer> starts, int h) {
        trace = t;
        index = i;
        opStarts = starts;
        horizon = h;
        draw();
    }

    void repaint() {
        draw();
    }

    private int at(double x) {
        double w = canvasWidth() - 2 * PAD;
        double f = Math.max(0, Math.min(1, (x - PAD) / w));
        return (int) Math.round(f * trace.size());
    }

    private void seekTo(double x) {
        if (trace != null) {
            seek.accept(at(x));
        }
    }

    @Override
    protected void layoutChildren() {
        if (sizeCanvas(getWidth(), getHeight())) {
            draw();
        }
    }

    private double xOf(int i) {
        double w = canvasWidth() - 2 * PAD;
        return PAD + (trace.size() == 0 ? 0 : (double) i / trace.size() * w);
    }

    @Override
    protected void draw() {
        GraphicsContext g = graphics();
        double w = canvasWidth();
        double h = canvasHeight();
        g.setFill(palette.get(Ink.BG));
        g.fillRect(0, 0, w, h);
        if (trace == null) {
            return;
        }
        double top = 8;
        double bh = h - 16;
        g.setFill(palette.get(Ink.SCRUB_TRACK));
        g.fillRoundRect(PAD, top, w - 2 * PAD, bh, 6, 6);
        g.setFill(palette.get(Ink.SCRUB_PLAYED));
        g.fillRoundRect(PAD, top, xOf(index) - PAD, bh, 6, 6);
        int n = trace.size();
        if (n > 0) {
            // who took each step: a band along the bottom
            double inner = w - 2 * PAD;
            int cols = (int) Math.max(1, Math.min(n, inner));
            double cw = inner / cols;
            for (int c = 0; c < cols; c++) {
                int step = (int) Math.min(n, Math.floor((double) c * n / cols) + 1);
                if (step > horizon) {
                    break;
                }
                g.setFill(palette.thread(trace.step(step).thread()));
                g.fillRect(PAD + c * cw, top + bh - 6, Math.ceil(cw), 6);
            }
            g.setLineWidth(1.2);
            for (int s : opStarts) {
                if (s > horizon) {
                    continue;
                }
                double x = xOf(s - 1);
                g.setStroke(palette.thread(trace.step(s).thread()));
                g.strokeLine(x, top + 1, x, top + bh - 6);
            }
            int lastV = -1;
            g.setFill(palette.get(Ink.SCRUB_VIOLATION));
            for (Violation v : trace.violations()) {
                if (v.step() == lastV || v.step() <= 0 || v.step() > horizon) {
                    continue;
                }
                lastV = v.step();
                double x = xOf(v.step());
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {0, 0, top + 5}, 3);
            }
        }
        double x = xOf(index);
        g.setFill(palette.get(Ink.SCRUB_THUMB));
        g.fillRoundRect(x - 2.5, top - 4, 5, bh + 8, 4, 4);
    }

}
