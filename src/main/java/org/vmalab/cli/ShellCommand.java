package org.vmalab.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vmalab.engine.mm.MmConsole;
import org.vmalab.engine.trace.VmaView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shell [FILE]}: the mm console; see README and docs/CLI.md for the commands. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"The mm console: map, unmap, find, topdown, bottomup, dump, stats; one command per line "
                + "from FILE or standard input.",
                "Numbers are hex with or without 0x; output numbers are lowercase hex without 0x. A bad line "
                        + "prints 'error: LINE: message' and the exit code becomes 2."})
public final class ShellCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "commands (default: standard input)")
    Path file;

    @Override
    public Integer call() throws IOException {
        Reader in;
        if (file == null) {
            in = new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT));
        } else {
            if (Files.isDirectory(file)) {
                throw new UserError(file + ": is a directory");
            }
            if (!Files.isReadable(file)) {
                throw new UserError(file + ": cannot read the file");
            }
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
                StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        String src = file == null ? "stdin" : file.toString();
        int rc = run(new BufferedReader(in), out, err, src);
        out.flush();
        return rc;
    }

    /** Runs every line; returns 0, or 2 if any line was bad. */
    public static int run(BufferedReader in, PrintWriter out, PrintWriter err, String source) throws IOException {
        MmConsole mm = new MmConsole();
        int rc = ExitCodes.OK;
        int lineNo = 0;
        String line;
        while (true) {
            try {
                line = in.readLine();
            } catch (CharacterCodingException e) {
                err.println("error: " + source + ":" + (lineNo + 1) + ": not valid UTF-8");
                return ExitCodes.BAD_INPUT;
            }
            if (line == null) {
                break;
            }
            lineNo++;
            try {
                String r = execute(mm, line);
                if (r != null) {
                    out.println(r);
                }
            } catch (BadLine e) {
                out.flush();
                err.println("error: " + lineNo + ": " + e.getMessage());
                rc = ExitCodes.BAD_INPUT;
            }
        }
        return rc;
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
            case "dump":
                args(w, 1, "dump");
                return mm.dump();
            case "stats":
                args(w, 1, "stats");
                return "count=" + mm.mapCount() + " highest=" + Long.toHexString(mm.highestVmEnd());
            default:
                throw new BadLine("unknown command '" + cmd + "' (map, unmap, find, topdown, bottomup, dump, stats)");
        }
    }

    private static void args(String[] w, int n, String usage) throws BadLine {
        if (w.length != n) {
            throw new BadLine("usage: " + usage);
        }
    }

    static long num(String s) throws BadLine {
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() > 16 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new BadLine("'" + s + "' is not a hex number");
        }
        return Long.parseUnsignedLong(h, 16);
    }
}
