package org.vmalab.engine;

import java.util.List;
import org.vmalab.engine.mm.Op;

/** The layouts of SEMANTICS section 8 and the default scenario (used until lessons are loaded). */
public final class Scenarios {
    private Scenarios() {
    }

    public static final long RW = Const.VM_READ | Const.VM_WRITE;
    public static final long RX = Const.VM_READ | Const.VM_EXEC;
    /** An address inside heap: the SPF target of the race lessons. */
    public static final long HEAP_ADDR = 0x55555575e000L;

    /** Layout W (8.1): 7 VMAs of /bin/cat, ASLR off; only heap is SPF-eligible. */
    public static List<VmaSpec> layoutW() {
        return List.of(
                new VmaSpec("text", 0x555555554000L, 0x55555555c000L, RX, true, 0),
                new VmaSpec("data", 0x55555575b000L, 0x55555575d000L, RW, true, 0),
                new VmaSpec("heap", 0x55555575d000L, 0x55555577e000L, RW, false, 1),
                new VmaSpec("libc", 0x7ffff79e4000L, 0x7ffff7bcb000L, RX, true, 0),
                new VmaSpec("libc_rw", 0x7ffff7dcb000L, 0x7ffff7dd1000L, RW, true, 0),
                new VmaSpec("ld", 0x7ffff7dd5000L, 0x7ffff7dfc000L, RX, true, 0),
                new VmaSpec("stack", 0x7ffffffde000L, 0x7ffffffff000L, RW | Const.VM_GROWSDOWN, false, 2));
    }

    /** Layout M (8.8): the merge example; B has an anon_vma, A none. */
    public static List<VmaSpec> layoutM() {
        return List.of(
                new VmaSpec("text", 0x400000L, 0x401000L, RX, true, 0),
                new VmaSpec("A", 0x7ffff7a00000L, 0x7ffff7a10000L, RW, false, 0),
                new VmaSpec("B", 0x7ffff7a20000L, 0x7ffff7a30000L, RW, false, 1),
                new VmaSpec("C", 0x7ffff7c00000L, 0x7ffff7c01000L, RW, true, 0),
                new VmaSpec("stack", 0x7ffffffde000L, 0x7ffffffff000L, RW | Const.VM_GROWSDOWN, false, 2));
    }

    /**
     * The default scenario: layout W, T1 a speculative fault on heap, T2 {@code munmap(heap)}, with the
     * patch (SEMANTICS 6(b)).
     */
    public static Scenario defaultScenario() {
        VmaSpec heap = layoutW().get(2);
        List<ThreadSpec> threads = List.of(
                new ThreadSpec("T1", ThreadSpec.Role.SPF_READER, List.of(new Op.Spf(HEAP_ADDR, false))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(heap.start(), heap.end()))));
        return Scenario.of("A speculative fault on heap races munmap(heap)", layoutW(), threads, Protection.PATCH);
    }
}
