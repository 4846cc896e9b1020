package org.vmalab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vmalab.lesson.BuiltinLessons;

/** A lesson argument of validate, check and render: a file, or the id of a built-in lesson. */
final class LessonArgs {
    private LessonArgs() {
    }

    /**
     * The file {@code given} names: itself when it exists, else the built-in lesson with that id (inside the
     * jar), else {@code given} unchanged (reading it then says there is no such file).
     */
    static Path resolve(Path given) {
        if (given == null || Files.exists(given)) {
            return given;
        }
        BuiltinLessons.Item i = BuiltinLessons.find(given.toString());
        return i == null ? given : i.path();
    }

    /** Like {@link #resolve}, but an argument that is neither a file nor a built-in id is a user error. */
    static Path require(Path given) {
        Path p = resolve(given);
        if (unknownId(given, p)) {
            throw new UserError(unknownIdMessage(given));
        }
        return p;
    }

    /** {@code given} (resolved to {@code p}) is neither a file nor a built-in id, and looks like an id. */
    static boolean unknownId(Path given, Path p) {
        String s = given.toString();
        return p == given && !Files.exists(given) && !s.contains("/") && !s.contains("\\") && !s.contains(".");
    }

    /**
     * Part {@code part} of a file of {@code parts} parts, named as the user gave it ({@code given}: a built-in
     * lesson by its id, not by its place in the jar): the error when there is no such part, or null.
     */
    static UserError noSuchPart(Path given, int part, int parts) {
        if (part >= 1 && part <= parts) {
            return null;
        }
        return new UserError(given + ": there is no part " + part + " (the file has " + parts
                + (parts == 1 ? " part)" : " parts)"));
    }

    /** What is said of an argument that is neither a file nor a built-in lesson's id. */
    static String unknownIdMessage(Path given) {
        return given + ": no such file, and no built-in lesson has this id (vmalab lessons lists them)";
    }
}
