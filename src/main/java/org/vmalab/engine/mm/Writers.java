package org.vmalab.engine.mm;

import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/** The writer operations as kernel calls, run through a {@link Kx} (fast or planning). */
public final class Writers {
    private Writers() {
    }

    /** Runs {@code op}; returns the kernel's return value (an address, 0, or an error). */
    public static long run(Op op, Kx k) {
        if (op instanceof Op.Map w) {
            int id = MmOps.allocVma(k, w.name(), w.start(), w.end(), w.flags(), w.hasOps(), w.anonVma());
            k.step(Loc.MMAP_ALLOC, Tag.NONE, id, Memory.NIL, w.start());
            return MmOps.insertVmStruct(k, id);
        }
        if (op instanceof Op.Mmap w) {
            return MmOps.doMmap(k, new MmOps.MmapArgs(w.name(), w.addr(), w.len(), w.flags(), w.hasOps(), w.fixed(),
                    w.bottomUp()));
        }
        if (op instanceof Op.Munmap w) {
            return MmOps.doMunmap(k, w.start(), w.end() - w.start());
        }
        if (op instanceof Op.Fork) {
            return MmOps.dupMmap(k);
        }
        if (op instanceof Op.Mprotect w) {
            return MmOps.doMprotect(k, w.start(), w.end() - w.start(), w.prot());
        }
        if (op instanceof Op.Brk w) {
            return MmOps.sysBrk(k, w.newBrk());
        }
        if (op instanceof Op.Search w) {
            return w.topDown() ? MmOps.unmappedAreaTopdown(k, w.len(), w.low(), w.high(), 0, 0)
                    : MmOps.unmappedArea(k, w.len(), w.low(), w.high(), 0, 0);
        }
        throw new IllegalArgumentException("not a writer operation: " + op.text());
    }

    /** The result as the user reads it. */
    static String describe(Op op, long r) {
        if (MmOps.isErr(r)) {
            return MmOps.errorName(r);
        }
        if (op instanceof Op.Mmap || op instanceof Op.Search) {
            return Numbers.hex(r);
        }
        if (op instanceof Op.Brk) {
            return "brk " + Numbers.hex(r);
        }
        return "0";
    }
}
