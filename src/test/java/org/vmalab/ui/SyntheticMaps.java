package org.vmalab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Synthetic {@code /proc/PID/maps} files of any size (tests, benchmarks, screenshots): a program, a heap,
 * {@code n - 4} mappings of 1-8 pages with gaps of 1-16 pages (libraries, anonymous memory), [vdso] and [stack].
 * The same {@code seed} gives the same file.
 */
final class SyntheticMaps {
    private SyntheticMaps() {
    }

    static String text(int n, long seed) {
        StringBuilder b = new StringBuilder(n * 80);
        long addr = 0x555555554000L;
        line(b, addr, addr + 0x8000, "r-xp", "/usr/bin/demo");
        addr += 0x8000;
        line(b, addr, addr + 0x21000, "rw-p", "[heap]");
        addr = 0x7f0000000000L;
        long s = seed;
        String[] libs = {"libc.so.6", "libm.so.6", "libz.so.1", "libssl.so.3", "libgtk-3.so.0", "ld-linux.so.2"};
        for (int i = 0; i < n - 4; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            long pages = 1 + ((s >>> 33) & 7);
            long gap = 1 + ((s >>> 40) & 15);
            addr += gap * 0x1000;
            int kind = (int) ((s >>> 50) & 7);
            String path = kind < 3 ? "/usr/lib/x86_64-linux-gnu/" + libs[(int) ((s >>> 45) % libs.length)]
                    : kind == 3 ? "[anon:jit]" : "";
            line(b, addr, addr + pages * 0x1000, kind < 2 ? "r-xp" : "rw-p", path);
            addr += pages * 0x1000;
        }
        line(b, 0x7ffff7ffa000L, 0x7ffff7ffc000L, "r-xp", "[vdso]");
        line(b, 0x7ffffffde000L, 0x7ffffffff000L, "rw-p", "[stack]");
        return b.toString();
    }

    private static void line(StringBuilder b, long start, long end, String perms, String path) {
        b.append(String.format("%012x-%012x %s 00000000 00:00 0", start, end, perms));
        if (!path.isEmpty()) {
            b.append("                          ").append(path);
        }
        b.append('\n');
    }

    static Path write(Path dir, int n) throws IOException {
        Path p = dir.resolve("synthetic-" + n + ".maps");
        Files.writeString(p, text(n, 42));
        return p;
    }
}
