package org.vmalab.lesson;

/**
 * Text shown with the player from its step on, until the next narration: what to look at, why it matters,
 * what the kernel code does.
 *
 * @param title a short heading, or "" (the panel may show the step's caption instead)
 * @param text   the narration; paragraphs are separated by blank lines, {@code `code`} marks kernel identifiers
 * @param claims what the card says about its step, checked on the run ({@link Claims#NONE} when nothing)
 */
public record Narration(Anchor anchor, String title, String text, Claims claims, SourcePos pos) implements Cue {
    public Narration {
        claims = claims == null ? Claims.NONE : claims;
    }
}
