package org.vmalab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.imports.MapsException;
import org.vmalab.imports.MapsImporter;
import org.vmalab.lesson.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import MAPS --out FILE}: a real address space as a scenario file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turns /proc/PID/maps (a file, or a PID on Linux) into a scenario file.",
                "A malformed line is an error (file:LINE: message, exit code 2); --lenient skips such lines."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MAPS", description = "a maps file, or a process id")
    String maps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the scenario file to write")
    Path out;

    @Option(names = "--lenient", description = "skip malformed lines and say how many")
    boolean lenient;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        Path in = MapsImporter.resolve(maps);
        MapsImporter.Result r;
        try {
            r = MapsImporter.read(in, lenient);
        } catch (MapsException e) {
            throw new UserError(e.getMessage());
        }
        if (Files.exists(out) && !force) {
            throw new UserError(out + ": already exists (use --force to overwrite)");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(out + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(out + ": cannot write in " + dir + " (permission denied)");
        }
        try {
            ScenarioWriter.write(MapsImporter.scenario(r), Schedule.roundRobin(), out);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write the file: " + e.getMessage() + " (nothing was written)");
        }
        for (String n : r.notes()) {
            System.err.println("note: " + n);
        }
        if (r.malformedSkipped() > 0) {
            System.err.println("warning: " + in + ": skipped " + r.malformedSkipped() + " malformed line"
                    + (r.malformedSkipped() > 1 ? "s" : "") + " (--lenient)");
        }
        System.out.println("imported " + r.vmas().size() + " VMAs from " + in + " into " + out);
        return ExitCodes.OK;
    }
}
