package org.vmalab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.export.ExportException;
import org.vmalab.export.SafeWrite;
import org.vmalab.imports.MapsException;
import org.vmalab.imports.MapsImporter;
import org.vmalab.lesson.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import MAPS --out FILE}: a real address space as a scenario file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turns /proc/PID/maps (a file, or a PID on Linux) into a scenario file.",
                "A malformed line is an error (file:LINE: message, exit code 2); --lenient skips such lines."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MAPS", description = "a maps file, or a process id")
    String maps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the scenario file to write")
    Path out;

    @Option(names = "--max-map-count", paramLabel = "N", defaultValue = "65530", description = "the most VMAs, as "
            + "the kernel's vm.max_map_count (default ${DEFAULT-VALUE}; several distributions ship 1048576; at most "
            + "4194304): the scenario keeps it, and a larger N lets the file be larger (1 KiB a line)")
    int maxMapCount;

    @Option(names = "--lenient", description = "skip malformed lines and say how many")
    boolean lenient;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar on standard error (it shows only on a "
            + "terminal, once the import has taken a second)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** The file's size when it is a plain file (for the bar's time left), else -1 (a pipe, /proc). */
    private static long size(Path p) {
        try {
            long n = java.nio.file.Files.isRegularFile(p) ? java.nio.file.Files.size(p) : 0;
            return n > 0 ? n : -1;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public Integer call() {
        String problem = MapsImporter.maxMapCountProblem(maxMapCount);
        if (problem != null) {
            throw new UserError("--max-map-count: " + problem);
        }
        Path in = MapsImporter.resolve(maps);
        Fatal.doing("reading " + in);
        MapsImporter.Result r;
        long size = size(in);
        try (TermProgress bar = TermProgress.start("import", "KiB", size < 0 ? -1 : (size + 1023) / 1024, quiet)) {
            try {
                r = MapsImporter.read(in, lenient, maxMapCount, (lines, bytes) -> {
                    bar.stepTo(bytes / 1024);
                    bar.extra(String.format(java.util.Locale.ROOT, "%,d lines", lines));
                });
            } catch (MapsException e) {
                throw new UserError(e.getMessage());
            }
            Fatal.doing("writing the scenario of " + r.vmas().size() + " VMAs to " + out);
            bar.extra("writing " + out.getFileName());
            String text = ScenarioWriter.toYaml(MapsImporter.scenario(r), Schedule.roundRobin());
            try {
                SafeWrite.write(out, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (ExportException e) {
                throw new UserError(e.getMessage() + (e.getMessage().endsWith("already exists")
                        ? " (use --force to overwrite)" : ""));
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String n : r.notes()) {
            err.println(ErrorText.clean("note: " + n));
        }
        if (r.malformedSkipped() > 0) {
            err.println(ErrorText.clean("warning: " + in + ": skipped " + r.malformedSkipped() + " malformed line"
                    + (r.malformedSkipped() > 1 ? "s" : "") + " (--lenient)"));
        }
        spec.commandLine().getOut().println("imported " + r.vmas().size() + " VMAs from " + in + " into " + out);
        return ExitCodes.OK;
    }
}
