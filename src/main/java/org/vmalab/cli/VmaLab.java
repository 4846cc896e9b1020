package org.vmalab.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code vmalab} command: the window without arguments, headless subcommands otherwise. */
@Command(name = "vmalab", mixinStandardHelpOptions = true, versionProvider = VmaLab.Version.class,
        description = {"VMA Lab: the patch \"mm: Protect mm_rb tree with a rwlock\" (SPF v8 17/24), "
                + "made visible and explorable.", "", "Without a command, opens the window on the default lesson; "
                + "vmalab open FILE|ID opens it on another."},
        subcommands = {ShellCommand.class, ImportCommand.class, ValidateCommand.class, CheckCommand.class,
                RenderCommand.class, LessonsCommand.class, OpenCommand.class},
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

    /** Runs the command line on the process's streams; returns the exit code. Never throws. */
    public static int run(String[] args) {
        if (args.length == 0) {
            return WindowOpener.open(args);
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, System.in, out, err);
    }

    /**
     * Runs one command with the given streams (standard input is what {@code shell} reads without a FILE); returns
     * the exit code. Never throws: every failure, running out of memory included, is one line on {@code err}.
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        Fatal.install();
        int code;
        try {
            CommandLine cl = commandLine();
            cl.setOut(out);
            cl.setErr(err);
            ((ShellCommand) cl.getSubcommands().get("shell").getCommand()).stdin = in;
            code = cl.execute(args);
            Throwable died = Fatal.takeUncaught();
            if (died != null) {
                code = Fatal.report(died, err);
            }
        } catch (Throwable e) {
            code = Fatal.report(e, err);
        }
        try {
            out.flush();
        } catch (RuntimeException e) {
            // a closed standard output: nothing more to say
        }
        return code;
    }

    /**
     * Ends the process with {@code code}: temporary files are removed by the shutdown hooks, and if a hook or a
     * thread keeps the process alive (the JavaFX toolkit, search workers), it is halted after a few seconds.
     */
    public static void exit(int code) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(code);
        }, "vmalab-exit");
        halt.setDaemon(true);
        halt.start();
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VmaLab());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getOut().flush();
            return Fatal.report(ex, line.getErr());
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandName().equals("vmalab") ? "vmalab --help" : "vmalab " + c.getCommandName()
                    + " --help";
            return Fatal.line(c.getErr(), "error: " + ex.getMessage() + " (see " + name + ")", ExitCodes.BAD_INPUT);
        });
        return cl;
    }
}
