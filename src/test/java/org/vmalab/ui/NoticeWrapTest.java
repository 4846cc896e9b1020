package org.vmalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A notice's text broken into lines between words, its own line breaks kept (an empty first line included). */
class NoticeWrapTest {
    @Test
    void linesBreakBetweenWordsAndKeepTheirOwnBreaks() {
        String text = WindowActions.CHALLENGE_GATE + "\n\n" + WindowActions.CHALLENGE_GATE;
        String wrapped = WindowActions.wrap(text, WindowActions.NOTICE_LINE);
        for (String line : wrapped.split("\n", -1)) {
            assertTrue(line.length() <= WindowActions.NOTICE_LINE, line);
        }
        assertEquals(text.replace("\n", " "), wrapped.replace("\n", " "), "only spaces became line breaks");
        assertTrue(wrapped.contains("\n\n"), "the empty line kept");
        assertEquals("\nfirst line empty", WindowActions.wrap("\nfirst line empty", 72));
    }
}
