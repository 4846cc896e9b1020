package org.vmalab.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.vmalab.viewmodel.Lessons;

/**
 * Which lesson parts are done and the choice checked at each question, kept in the user's preferences so that
 * they are remembered between sessions; falls back to memory when the preferences cannot be written.
 */
final class PrefsProgress implements Lessons.Progress {
    private final Lessons.Progress memory = Lessons.Progress.inMemory();
    private Preferences prefs;
    private Preferences answers;

    PrefsProgress() {
        this("org/vmalab");
    }

    /** Progress under the preferences node {@code root} (tests use their own). */
    PrefsProgress(String root) {
        try {
            prefs = Preferences.userRoot().node(root + "/lessons-done");
            answers = Preferences.userRoot().node(root + "/lesson-answers");
        } catch (RuntimeException e) {
            prefs = null;
            answers = null;
        }
    }

    @Override
    public boolean done(String key) {
        if (memory.done(key)) {
            return true;
        }
        try {
            return prefs != null && prefs.getBoolean(key, false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void markDone(String key) {
        if (memory.done(key)) {
            return;
        }
        memory.markDone(key);
        if (prefs != null) {
            try {
                prefs.putBoolean(key, true);
                prefs.flush();
            } catch (BackingStoreException | RuntimeException e) {
                prefs = null;
            }
        }
    }

    @Override
    public int answer(String key, int checkpoint) {
        int m = memory.answer(key, checkpoint);
        if (m >= 0) {
            return m;
        }
        try {
            return answers == null ? -1 : answers.getInt(key + "/" + checkpoint, -1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void recordAnswer(String key, int checkpoint, int choice) {
        memory.recordAnswer(key, checkpoint, choice);
        if (answers != null) {
            try {
                answers.putInt(key + "/" + checkpoint, choice);
                answers.flush();
            } catch (BackingStoreException | RuntimeException e) {
                answers = null;
            }
        }
    }

    @Override
    public void forgetAnswer(String key, int checkpoint) {
        memory.forgetAnswer(key, checkpoint);
        if (answers != null) {
            try {
                answers.remove(key + "/" + checkpoint);
                answers.flush();
            } catch (BackingStoreException | RuntimeException e) {
                answers = null;
            }
        }
    }
}
