package org.vmalab.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code vmalab} command: the window without arguments, headless subcommands otherwise. */
@Command(name = "vmalab", mixinStandardHelpOptions = true, versionProvider = VmaLab.Version.class,
        description = {"VMA Lab: the patch \"mm: Protect mm_rb tree with a rwlock\" (SPF v8 17/24), "
                + "made visible and explorable.", "", "Without a command, opens the window on the default lesson."},
        subcommands = {ShellCommand.class, ImportCommand.class, ValidateCommand.class, CheckCommand.class,
                RenderCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 violation found (check), 2 bad input, 3 incomplete (check), "
                + "4 no display, 70 internal error."})
public final class VmaLab implements Runnable {
    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VmaLab.class.getPackage().getImplementationVersion();
            return new String[] {"VMA Lab " + (v == null ? "(development build)" : v)};
        }
    }

    /** Opens the window (set by the UI module; null when the window is not available). */
    public static volatile Runnable windowLauncher;

    @Override
    public void run() {
        throw new IllegalStateException("unreachable");
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args) {
        if (args.length == 0) {
            return WindowOpener.open(args);
        }
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VmaLab());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof UserError u) {
                err.println("error: " + u.getMessage());
                err.flush();
                return u.exitCode();
            }
            err.println("internal error: " + ex + " (please report it)");
            err.flush();
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("(run with --help for usage)");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }
}
