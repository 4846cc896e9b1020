package org.vmalab.ui;

import java.util.Locale;

/**
 * Every colour the canvases draw with, by meaning. Each ink is a pseudo-class of a hidden swatch region;
 * the stylesheet gives the swatch its colour from the theme's tokens ({@code .ink:node-red {
 * -fx-background-color: -vl-node-red; }}), so no colour is ever written in Java.
 */
enum Ink {
    BG, GRID, TEXT, TEXT_DIM, MONO,
    NODE_RED, NODE_RED_TEXT, NODE_RED_BORDER, NODE_BLACK, NODE_BLACK_TEXT, NODE_BLACK_BORDER,
    NODE_FREED, NODE_FREED_TEXT, NODE_ALARM, NODE_ALARM_TEXT,
    EDGE, EDGE_STALE, EDGE_CHANGED, EDGE_REMOVED, EDGE_CYCLE, PARENT_ARROW,
    SUBJECT, OTHER, CHANGED, CHANGED_TEXT, WARN, BAD, OK,
    BADGE, BADGE_TEXT, BADGE_HOT, BADGE_HOT_TEXT, OFF_ROW, TAG, TAG_TEXT,
    STRIP_VMA, STRIP_VMA_TEXT, STRIP_VMA_TOUCHED, STRIP_GAP, STRIP_GAP_LINE, STRIP_TOP, STRIP_WINDOW, STRIP_HOLE,
    STRIP_CHECK, STRIP_HIGH, STRIP_BASE, STRIP_GHOST, PTE, PTE_BAD,
    SCRUB_TRACK, SCRUB_THUMB, SCRUB_OP, SCRUB_VIOLATION, SCRUB_PLAYED,
    THREAD_1, THREAD_2, THREAD_3, THREAD_4, THREAD_5, THREAD_6, THREAD_7, THREAD_8, THREAD_9, THREAD_TEXT,
    SUMMARY, SUMMARY_TEXT, SUMMARY_BORDER, FOUND;

    private static final Ink[] THREADS = {THREAD_1, THREAD_2, THREAD_3, THREAD_4, THREAD_5, THREAD_6, THREAD_7,
        THREAD_8, THREAD_9};

    /** The pseudo-class of this ink's swatch. */
    String css() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The colour of thread {@code t} (cycles after nine). */
    static Ink thread(int t) {
        return THREADS[Math.floorMod(t, THREADS.length)];
    }
}
