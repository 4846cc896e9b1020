package org.vmalab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonException;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.lesson.Part;
import org.vmalab.lesson.TraceText;
import org.vmalab.viewmodel.ChallengeProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE...}: checks lesson and scenario files; one line per problem, exit 0 or 2. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check lesson and scenario files (the format of lessons/, see docs/WRITING-LESSONS.md).",
                "Each file is read strictly (unknown keys, wrong types, bad numbers, unknown threads or operations "
                        + "are errors), then each part with a fixed schedule is run: every narration and checkpoint "
                        + "must find its step, and the expected outcome must hold. A challenge's goal must be "
                        + "reachable within its step limit, and (with_patch: unreachable) the explorer's complete "
                        + "search must find no schedule that reaches it with the patch.",
                "Each problem is one line on standard error: FILE:LINE:COLUMN: message. Exit code 0 when every file "
                        + "is valid, 2 otherwise."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "lesson or scenario files (YAML), or ids of "
            + "built-in lessons (vmalab lessons lists them)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--no-run", description = "check the format only; do not run the parts")
    boolean noRun;

    @Option(names = {"-q", "--quiet"}, description = "print nothing for a valid file")
    boolean quiet;

    @Option(names = "--trace", description = "print the run of every part: each step with its name and caption, "
            + "and where each narration and checkpoint lands (to write and check a lesson)")
    boolean trace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // an argument that is neither a file nor a built-in id is said as check and render say it; the rest go on
        List<Path> known = new ArrayList<>();
        boolean unknown = false;
        for (Path given : files) {
            Path p = LessonArgs.resolve(given);
            if (LessonArgs.unknownId(given, p)) {
                err.println("error: " + ErrorText.clean(LessonArgs.unknownIdMessage(given)));
                unknown = true;
            } else {
                known.add(p);
            }
        }
        files = known;
        int rc = run(files, !noRun, quiet, out, err);
        if (unknown) {
            rc = ExitCodes.BAD_INPUT;
        }
        if (trace) {
            for (Path f : files) {
                try {
                    Lesson l = LessonLoader.load(f);
                    for (int i = 0; i < l.parts().size(); i++) {
                        if (!l.parts().get(i).explore()) {
                            out.println(TraceText.render(l, i, l.parts().get(i).run(), false));
                        }
                    }
                } catch (LessonException | RuntimeException e) {
                    // already reported by run()
                }
            }
            out.flush();
        }
        return rc;
    }

    /** Validates {@code files}; valid files are reported on {@code out}, problems on {@code err}. */
    public static int run(List<Path> files, boolean runParts, boolean quiet, PrintWriter out, PrintWriter err) {
        int bad = 0;
        for (Path f : files) {
            List<LessonException> problems = new ArrayList<>();
            Lesson lesson = null;
            try {
                Fatal.doing("reading " + f);
                lesson = LessonLoader.load(f);
                if (runParts) {
                    Fatal.doing("running the parts of " + f);
                    problems.addAll(LessonLoader.verify(lesson));
                    problems.addAll(ChallengeProof.verify(lesson));
                    problems.addAll(smokeRuns(lesson));
                }
            } catch (LessonException e) {
                problems.add(e);
            } catch (OutOfMemoryError e) {
                lesson = null;
                problems.add(new LessonException(f.toString(), 1, 1, "out of memory while reading or running the "
                        + "file (this Java has a heap of " + Fatal.heapMiB() + " MiB)"));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new LessonException(f.toString(), 1, 1, "internal error while checking the file "
                        + "(please report it): " + e));
            }
            if (problems.isEmpty()) {
                if (!quiet) {
                    int n = lesson.parts().size();
                    out.println(f + ": ok (" + n + (n == 1 ? " part" : " parts") + (lesson.isNarrated()
                            ? ", narrated" : "") + ")");
                }
            } else {
                bad++;
                out.flush();
                for (LessonException e : problems) {
                    err.println(ErrorText.clean(e.getMessage()));
                }
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /**
     * A part whose schedule is "explore" is run once as {@code render} runs it: a scenario the model cannot run
     * is refused here as it is by {@code check} and {@code render}.
     */
    private static List<LessonException> smokeRuns(Lesson lesson) {
        List<LessonException> out = new ArrayList<>();
        for (Part p : lesson.parts()) {
            if (p.explore()) {
                try {
                    p.run();
                } catch (RuntimeException e) {
                    out.add(new LessonException(lesson.source(), p.pos(), "the model cannot run part '" + p.title()
                            + "': " + e.getMessage()));
                }
            }
        }
        return out;
    }
}
