package org.vmalab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What machine a native library is built for, read from its header (ELF, PE or Mach-O). */
final class Binaries {
    private Binaries() {
    }

    /** "linux-x64", "windows-x64", "mac-x64", "mac-aarch64", or a description of what else it is. */
    static String platform(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length > 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            int machine = le.getShort(18) & 0xffff;
            return machine == 62 ? "linux-x64" : "elf machine " + machine;
        }
        if (b.length > 0x40 && b[0] == 'M' && b[1] == 'Z') {
            int pe = le.getInt(0x3c);
            if (pe > 0 && pe + 6 < b.length && b[pe] == 'P' && b[pe + 1] == 'E' && b[pe + 2] == 0 && b[pe + 3] == 0) {
                int machine = le.getShort(pe + 4) & 0xffff;
                return machine == 0x8664 ? "windows-x64" : String.format("pe machine 0x%x", machine);
            }
            return "MZ without PE header";
        }
        if (b.length > 8 && le.getInt(0) == 0xfeedfacf) {
            int cpu = le.getInt(4);
            return switch (cpu) {
                case 0x01000007 -> "mac-x64";
                case 0x0100000c -> "mac-aarch64";
                default -> String.format("mach-o cpu 0x%x", cpu);
            };
        }
        if (b.length > 4 && ByteBuffer.wrap(b).getInt(0) == 0xcafebabe) {
            return "mac universal";
        }
        return "unknown";
    }
}
