package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Done parts and checked answers survive a restart: a second PrefsProgress on the same node sees them. */
class PrefsProgressTest {
    static final String ROOT = "org/vmalab-test/progress-" + ProcessHandle.current().pid();

    @AfterEach
    void cleanUp() throws Exception {
        Preferences.userRoot().node(ROOT).removeNode();
        Preferences.userRoot().flush();
    }

    @Test
    void doneAndAnswersAreKeptBetweenRuns() {
        PrefsProgress first = new PrefsProgress(ROOT);
        assertFalse(first.done("12-race-b-use-after-free#1"));
        assertEquals(-1, first.answer("12-race-b-use-after-free#1", 0));
        first.markDone("12-race-b-use-after-free#1");
        first.recordAnswer("12-race-b-use-after-free#1", 0, 2);
        PrefsProgress again = new PrefsProgress(ROOT);
        assertTrue(again.done("12-race-b-use-after-free#1"));
        assertEquals(2, again.answer("12-race-b-use-after-free#1", 0));
        assertEquals(-1, again.answer("12-race-b-use-after-free#1", 1));
    }

    /** An answer asked again is forgotten for good: a restart does not bring it back. */
    @Test
    void anAnswerAskedAgainIsForgottenBetweenRuns() {
        PrefsProgress first = new PrefsProgress(ROOT);
        first.recordAnswer("01-mmap-sem-convoy#1", 0, 0);
        first.recordAnswer("01-mmap-sem-convoy#1", 1, 1);
        first.forgetAnswer("01-mmap-sem-convoy#1", 0);
        assertEquals(-1, first.answer("01-mmap-sem-convoy#1", 0));
        PrefsProgress again = new PrefsProgress(ROOT);
        assertEquals(-1, again.answer("01-mmap-sem-convoy#1", 0));
        assertEquals(1, again.answer("01-mmap-sem-convoy#1", 1), "the other answer stays");
    }
}
