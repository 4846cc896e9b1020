package org.vmalab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code open FILE [--part N]}: the window on a lesson or scenario file of the user's, or on a built-in lesson by
 * its id, at part N. The file is read here first, so a bad one is one line and exit code 2 before any window
 * opens; see docs/CLI.md.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Opens the window on a lesson or scenario file, or on a built-in lesson by its id "
                + "(vmalab open 12), at part N.",
                "Exit codes: 0 when the window is closed, 2 bad input (the file, the part), 4 no display."})
public final class OpenCommand implements Callable<Integer> {
    /** Opens the window with the application's arguments (replaced in tests: no window opens there). */
    static volatile ToIntFunction<String[]> opener = WindowOpener::open;

    @Parameters(index = "0", paramLabel = "FILE", description = "a lesson or scenario file, or a built-in lesson's "
            + "id (vmalab lessons lists them)")
    Path file;

    @Option(names = "--part", paramLabel = "N", description = "the part to open (default 1)")
    int part = 1;

    @Override
    public Integer call() {
        Path resolved = LessonArgs.require(file);
        Lesson lesson;
        try {
            Fatal.doing("reading " + file);
            lesson = LessonLoader.load(resolved);
        } catch (LessonException e) {
            throw new UserError(e.getMessage());
        }
        UserError noPart = LessonArgs.noSuchPart(file, part, lesson.parts().size());
        if (noPart != null) {
            throw noPart;
        }
        // a file of the user's by its absolute path; a built-in lesson by its id (the window's library has it)
        String what = Files.exists(file) ? file.toAbsolutePath().normalize().toString() : file.toString();
        return opener.applyAsInt(windowArgs(what, part));
    }

    /** The application's arguments that open {@code what} (a path, or a built-in id) at part {@code part}. */
    static String[] windowArgs(String what, int part) {
        return new String[] {"--open=" + what, "--part=" + part};
    }
}
