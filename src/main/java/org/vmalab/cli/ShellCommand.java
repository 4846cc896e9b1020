package org.vmalab.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.SyntaxException;
import org.vmalab.engine.mm.MmConsole;
import org.vmalab.engine.trace.VmaView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shell [FILE]}: the mm console; see README and docs/CLI.md for the commands. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"The mm console: map, unmap, mmap, mprotect, brk, find, topdown, bottomup, dump, stats; one "
                + "command per line from FILE or standard input.",
                "Numbers are hex with or without 0x; output numbers are lowercase hex without 0x. A bad line "
                        + "prints 'error: LINE: message' and the exit code becomes 2."})
public final class ShellCommand implements Callable<Integer> {
    /** The longest command line, in bytes; a longer line stops the shell (it is not a command file). */
    static final int MAX_LINE = 4096;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "commands (default: standard input)")
    Path file;

    @Spec
    CommandSpec spec;

    /** What is read without a FILE (set by {@link VmaLab#run(String[], InputStream, PrintWriter, PrintWriter)}). */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        String src = file == null ? "stdin" : file.toString();
        Fatal.doing("running the commands of " + src);
        if (file == null) {
            return run(stdin, spec.commandLine().getOut(), spec.commandLine().getErr(), src);
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return run(in, spec.commandLine().getOut(), spec.commandLine().getErr(), src);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(file + ": cannot read the file (permission denied)");
        }
    }

    /**
     * Runs every line of {@code in} (UTF-8); returns 0, or 2 if any line was bad. A bad line is reported as
     * {@code error: SOURCE:LINE: message} and skipped; a line longer than {@link #MAX_LINE} bytes or one with a NUL
     * byte (binary data) stops the shell.
     */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String source) throws IOException {
        MmConsole mm = new MmConsole();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream bin = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        byte[] buf = new byte[MAX_LINE];
        int rc = ExitCodes.OK;
        for (int lineNo = 1; ; lineNo++) {
            int len = 0;
            int c;
            while ((c = bin.read()) >= 0 && c != '\n') {
                if (c == 0) {
                    out.flush();
                    Fatal.line(err, "error: " + source + ":" + lineNo + ": binary data (a NUL byte), not a command "
                            + "(stopped here)", ExitCodes.BAD_INPUT);
                    return ExitCodes.BAD_INPUT;
                }
                if (len == buf.length) {
                    out.flush();
                    Fatal.line(err, "error: " + source + ":" + lineNo + ": the line is longer than " + MAX_LINE
                            + " bytes (the limit): is this a command file? (stopped here)", ExitCodes.BAD_INPUT);
                    return ExitCodes.BAD_INPUT;
                }
                buf[len++] = (byte) c;
            }
            if (c < 0 && len == 0) {
                return rc;
            }
            String problem = null;
            String line = null;
            try {
                line = utf8.reset().decode(ByteBuffer.wrap(buf, 0, len)).toString();
            } catch (CharacterCodingException e) {
                problem = "not valid UTF-8";
            }
            if (line != null) {
                try {
                    String r = execute(mm, line);
                    if (r != null) {
                        out.println(r);
                    }
                } catch (BadLine e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                out.flush();
                Fatal.line(err, "error: " + source + ":" + lineNo + ": " + problem, ExitCodes.BAD_INPUT);
                rc = ExitCodes.BAD_INPUT;
            }
            if (c < 0) {
                return rc;
            }
        }
    }

    /** A line that cannot be executed. */
    static final class BadLine extends Exception {
        BadLine(String m) {
            super(m, null, false, false);
        }
    }

    /** Executes one line; returns its output, or null for a blank or comment line. */
    static String execute(MmConsole mm, String raw) throws BadLine {
        int hash = raw.indexOf('#');
        String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
        if (line.isEmpty()) {
            return null;
        }
        String[] w = line.split("\\s+");
        String cmd = w[0];
        switch (cmd) {
            case "map": {
                if (w.length != 3 && !(w.length == 4 && w[3].equals("growsdown"))) {
                    throw new BadLine("usage: map START END [growsdown]");
                }
                long s = num(w[1]);
                long e = num(w[2]);
                if (Long.compareUnsigned(s, e) >= 0) {
                    throw new BadLine("START must be below END");
                }
                if (mm.mapCount() >= Const.MAX_MAP_COUNT) {
                    return "ENOMEM"; /* do_mmap: mm->map_count > sysctl_max_map_count */
                }
                return mm.map(s, e, w.length == 4) ? "ok" : "ENOMEM";
            }
            case "unmap": {
                args(w, 3, "unmap START END");
                long s = num(w[1]);
                long e = num(w[2]);
                return mm.unmap(s, e) ? "ok" : "EINVAL";
            }
            case "find": {
                args(w, 2, "find ADDR");
                int v = mm.find(num(w[1]));
                if (v < 0) {
                    return "none";
                }
                VmaView x = mm.vma(v);
                return Long.toHexString(x.start()) + "-" + Long.toHexString(x.end());
            }
            case "topdown":
            case "bottomup": {
                args(w, 4, cmd + " LEN LOW HIGH");
                long len = num(w[1]);
                long low = num(w[2]);
                long high = num(w[3]);
                long r = cmd.equals("topdown") ? mm.topdown(len, low, high) : mm.bottomup(len, low, high);
                return MmConsole.failed(r) ? "ENOMEM" : Long.toHexString(r);
            }
            case "mprotect": {
                args(w, 4, "mprotect START END PROT (PROT: r--, rw-, r-x, rwx, ---)");
                long s = num(w[1]);
                long e = num(w[2]);
                if (Long.compareUnsigned(s, e) >= 0) {
                    throw new BadLine("START must be below END");
                }
                if (!w[3].matches("[r-][w-][x-]")) {
                    throw new BadLine("'" + w[3] + "' is not a protection like rw- or r-x");
                }
                long prot = (w[3].charAt(0) == 'r' ? Const.VM_READ : 0) | (w[3].charAt(1) == 'w' ? Const.VM_WRITE : 0)
                        | (w[3].charAt(2) == 'x' ? Const.VM_EXEC : 0);
                long r = mm.mprotect(s, e, prot);
                return r == 0 ? "ok" : MmConsole.errorName(r);
            }
            case "brk": {
                if (w.length == 1) {
                    return Long.toHexString(mm.currentBrk());
                }
                args(w, 2, "brk [ADDR]");
                return Long.toHexString(mm.brk(num(w[1])));
            }
            case "mmap": {
                if (w.length != 2 && !(w.length == 4 && (w[2].equals("hint") || w[2].equals("fixed")))) {
                    throw new BadLine("usage: mmap LEN [hint ADDR | fixed ADDR]");
                }
                long len = num(w[1]);
                long r = w.length == 2 ? mm.mmap(len, 0, false) : mm.mmap(len, num(w[3]), w[2].equals("fixed"));
                return MmConsole.failed(r) ? MmConsole.errorName(r) : Long.toHexString(r);
            }
            case "dump":
                args(w, 1, "dump");
                return mm.dump();
            case "stats":
                args(w, 1, "stats");
                return "count=" + mm.mapCount() + " highest=" + Long.toHexString(mm.highestVmEnd());
            default:
                throw new BadLine("unknown command '" + cmd + "' (map, unmap, mmap, mprotect, brk, find, topdown, "
                        + "bottomup, dump, stats)");
        }
    }

    private static void args(String[] w, int n, String usage) throws BadLine {
        if (w.length != n) {
            throw new BadLine("usage: " + usage);
        }
    }

    static long num(String s) throws BadLine {
        try {
            return Numbers.parseHex(s);
        } catch (SyntaxException e) {
            throw new BadLine("'" + s + "' is not a hex number (1 to 16 hex digits, with or without 0x)");
        }
    }
}
