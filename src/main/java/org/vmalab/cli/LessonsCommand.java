package org.vmalab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmalab.lesson.BuiltinLessons;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lessons}: the built-in lessons, each with its id and title; see docs/CLI.md. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"List the lessons built into VMA Lab, each with its id, title and number of parts.",
                "validate, check and render take an id in place of a file: vmalab check 09.",
                "Exit code: 0, or 2 when a built-in lesson does not load (it is listed with its error)."})
public final class LessonsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BuiltinLessons.Item> items = BuiltinLessons.list();
        int width = 2;
        for (BuiltinLessons.Item i : items) {
            width = Math.max(width, i.id().length());
        }
        int bad = 0;
        for (BuiltinLessons.Item i : items) {
            String what;
            try {
                Lesson l = LessonLoader.load(i.path());
                int n = l.parts().size();
                what = (l.title().isEmpty() ? i.stem() : l.title()) + "  (" + n + (n == 1 ? " part)" : " parts)");
            } catch (LessonException e) {
                bad++;
                what = i.fileName() + "  (does not load: " + e.getMessage() + ")";
            }
            out.println(String.format("%-" + width + "s  %s", i.id(), what));
        }
        out.println(items.isEmpty() ? "no built-in lessons (this build has none)"
                : items.size() + (items.size() == 1 ? " lesson" : " lessons") + "; give an id in place of a file, "
                + "e.g. vmalab check " + items.get(0).id() + " or vmalab render " + items.get(0).id()
                + " --format html --out handouts");
        out.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
