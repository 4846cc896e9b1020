package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.OpSyntax;

/** The one operation syntax: what it writes reads back equal, for random operations of every kind. */
class OpSyntaxTest {
    static final int PER_KIND = 400;
    static final long[] FLAG_BITS = {Const.VM_READ, Const.VM_WRITE, Const.VM_EXEC, Const.VM_SHARED,
        Const.VM_GROWSDOWN, Const.VM_GROWSUP};

    /** Addresses of every size: small, page aligned, near the top of the user space, any 64-bit value. */
    static long addr(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextLong(0x10000);
            case 1 -> r.nextLong(Const.TASK_SIZE >>> 12) << 12;
            case 2 -> Const.TASK_SIZE - (r.nextLong(1 << 20) << 12);
            default -> r.nextLong();
        };
    }

    static long flags(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return r.nextLong(1L << 20);
        }
        long f = 0;
        for (long b : FLAG_BITS) {
            if (r.nextBoolean()) {
                f |= b;
            }
        }
        return f;
    }

    static String name(SplittableRandom r) {
        String chars = "abcdefghijklmnopqrstuvwxyz_[].-0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** A random VMA range the syntax can hold: page aligned, start below end, at most TASK_SIZE. */
    static long[] range(SplittableRandom r) {
        long s = r.nextLong((Const.TASK_SIZE >>> 12) - 1) << 12;
        long e = s + ((1 + r.nextLong(Math.min(1L << 30, (Const.TASK_SIZE - s) >>> 12))) << 12);
        return new long[] {s, e};
    }

    static Op random(String kind, SplittableRandom r) {
        return switch (kind) {
            case "find_vma" -> new Op.FindVma(addr(r));
            case "get_vma" -> new Op.GetVma(addr(r));
            case "put_vma" -> new Op.PutVma();
            case "spf" -> new Op.Spf(addr(r), r.nextBoolean());
            case "fault" -> new Op.Fault(addr(r), r.nextBoolean());
            case "map" -> {
                long[] se = range(r);
                yield new Op.Map(name(r), se[0], se[1], flags(r), r.nextBoolean(), r.nextInt(3) == 0 ? 0
                        : 1 + r.nextLong(1L << 40));
            }
            case "mmap" -> {
                boolean fixed = r.nextInt(3) == 0;
                long a = fixed || r.nextBoolean() ? addr(r) : 0;
                yield new Op.Mmap(r.nextInt(4) == 0 ? "mmap" : name(r), a, 1 + Math.abs(r.nextLong() >>> 1),
                        flags(r), r.nextBoolean(), fixed, r.nextBoolean());
            }
            case "munmap" -> {
                long s = r.nextLong() >>> 1;
                yield new Op.Munmap(s, s + 1 + r.nextLong(1L << 40));
            }
            case "mprotect" -> {
                long s = r.nextLong() >>> 1;
                yield new Op.Mprotect(s, s + 1 + r.nextLong(1L << 40), flags(r) & (Const.VM_READ | Const.VM_WRITE
                        | Const.VM_EXEC));
            }
            case "brk" -> new Op.Brk(addr(r));
            case "fork" -> new Op.Fork();
            case "exit" -> new Op.Exit();
            case "search" -> new Op.Search(addr(r), addr(r), addr(r), r.nextBoolean());
            case "down_read" -> new Op.DownRead();
            case "up_read" -> new Op.UpRead();
            case "down_write" -> new Op.DownWrite();
            case "up_write" -> new Op.UpWrite();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyKindReadsBackWhatItWrites() {
        assertEquals(17, OpSyntax.OPS.size(), "every kind of Op has a name");
        return OpSyntax.OPS.stream().map(kind -> DynamicTest.dynamicTest(kind, () -> {
            SplittableRandom r = new SplittableRandom(kind.hashCode());
            for (int i = 0; i < PER_KIND; i++) {
                Op op = random(kind, r);
                assertTrue(OpSyntax.writable(op), op::toString);
                String text = op.text();
                assertEquals(text, OpSyntax.format(op), "Op.text() is the syntax");
                assertTrue(text.startsWith(kind), text);
                assertEquals(op, Op.parse(text), text);
                assertEquals(op, OpSyntax.parse("  " + text.replace(" ", "   ") + " "), "blanks do not matter");
            }
        }));
    }

    @Test
    void aSharedMappingStaysShared() {
        Op.Map m = new Op.Map("shm", 0x7f0000000000L, 0x7f0000004000L, Const.VM_READ | Const.VM_WRITE
                | Const.VM_SHARED, true, 0);
        assertEquals("map shm 0x7f0000000000-0x7f0000004000 rw- shared file", m.text());
        assertEquals(m, Op.parse(m.text()));
    }

    @Test
    void programsReadBackAndBadLinesSayWhereAndWhy() {
        SplittableRandom r = new SplittableRandom(42);
        List<Op> ops = new ArrayList<>();
        for (String kind : OpSyntax.OPS) {
            ops.add(random(kind, r));
        }
        List<String> errors = new ArrayList<>();
        assertEquals(ops, OpSyntax.parseProgram(OpSyntax.formatProgram(ops), errors, "T1"));
        assertEquals(List.of(), errors);
        OpSyntax.parseProgram("# a comment\nspf 0x1000\n\nmunmp 0x1000 0x2000\n", errors, "T1");
        assertEquals(List.of("T1 line 4: unknown operation 'munmp' (did you mean 'munmap'?)"), errors);
        SyntaxException e = assertThrows(SyntaxException.class, () -> Op.parse("map heap 0x1000-0x2800"));
        assertTrue(e.getMessage().contains("page boundary"), e.getMessage());
        assertEquals(9, e.offset(), "the range is where it went wrong");
        assertThrows(SyntaxException.class, () -> Op.parse("munmap 0x2000 0x1000"));
        assertThrows(SyntaxException.class, () -> Op.parse("spf zz"));
    }

    @Test
    void oneNumberParserOneHexFormatter() {
        assertEquals(0x1f000, Numbers.parse("0x1f000"));
        assertEquals(0x1f000, Numbers.parse("0x1_f000"));
        assertEquals(4096, Numbers.parse("4096"));
        assertEquals(-1L, Numbers.parse("0xffffffffffffffff"));
        assertEquals(0x7ffff7dd1000L, Numbers.parseHex("7ffff7dd1000"));
        assertEquals(0x7ffff7dd1000L, Numbers.parseHex("0x7ffff7dd1000"));
        assertThrows(SyntaxException.class, () -> Numbers.parse("0x"));
        assertThrows(SyntaxException.class, () -> Numbers.parse("12ab"));
        assertThrows(SyntaxException.class, () -> Numbers.parse("99999999999999999999"));
        assertThrows(SyntaxException.class, () -> Numbers.parseHex("0x12345678901234567"));
        assertEquals("0x55555575d000", Numbers.hex(0x55555575d000L));
        assertEquals("55555575d000", Numbers.hexDigits(0x55555575d000L));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            long v = r.nextLong();
            assertEquals(v, Numbers.parse(Numbers.hex(v)));
            assertEquals(v, Numbers.parseHex(Numbers.hexDigits(v)));
        }
    }
}
