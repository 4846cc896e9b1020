package org.vmalab.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.vmalab.viewmodel.Lessons;

/**
 * Which lesson parts are done, kept in the user's preferences so that the browser remembers them between
 * sessions; falls back to memory when the preferences cannot be written.
 */
final class PrefsProgress implements Lessons.Progress {
    private final Lessons.Progress memory = Lessons.Progress.inMemory();
    private Preferences prefs;

    PrefsProgress() {
        try {
            prefs = Preferences.userRoot().node("org/vmalab/lessons-done");
        } catch (RuntimeException e) {
            prefs = null;
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
}
