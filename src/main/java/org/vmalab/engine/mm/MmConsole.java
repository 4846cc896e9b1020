package org.vmalab.engine.mm;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.Const;
import org.vmalab.engine.Face;
import org.vmalab.engine.Protection;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.trace.VmaView;
import org.vmalab.engine.trace.Views;
import org.vmalab.engine.tree.Vm;

/**
 * The mm behind the {@code shell} command: one address space, changed by the engine's real code paths
 * ({@code insert_vm_struct}, {@code do_munmap}, {@code find_vma}, {@code unmapped_area[_topdown]}) run
 * straight through ({@link FastKx}), with the patch on. VMA ids are read through {@link #vma(int)}.
 */
@Face
public final class MmConsole {
    private final Memory m = new Memory(1024, 1, 1);
    /** The shell's task is thread 0 of its memory: {@code find_vma} looks in its vmacache first, as the kernel's. */
    private final FastKx k = new FastKx(m, Protection.PATCH, true, 0);

    /** {@code mm->start_brk} of the console: where layout W's heap starts (ASLR off, SEMANTICS 8.1). */
    public static final long START_BRK = 0x55555575d000L;

    public MmConsole() {
        m.setMm(Field.GUARD_GAP, Const.STACK_GUARD_GAP);
        m.setMm(Field.MMAP_BASE, Const.MMAP_BASE);
        m.setMm(Field.MM_USERS, 1);
        m.setMm(Field.START_BRK, START_BRK);
        m.setMm(Field.BRK, START_BRK);
    }

    /** The kernel's name of an error result ({@code ENOMEM}, {@code EINVAL}, ...). */
    public static String errorName(long result) {
        return MmOps.errorName(result);
    }

    /** {@code mprotect(start, end - start, prot)}: 0 or an error; {@code prot} is VM_READ/WRITE/EXEC bits. */
    public long mprotect(long start, long end, long prot) {
        return MmOps.doMprotect(k, start, end - start, prot);
    }

    /** {@code brk(addr)}: the new break, or the old one when the kernel refuses (as the syscall returns). */
    public long brk(long addr) {
        return MmOps.sysBrk(k, addr);
    }

    /** The current break ({@code mm->brk}). */
    public long currentBrk() {
        return m.mm(Field.BRK);
    }

    /** An anonymous rw- {@code mmap(addr, len)}, with MAP_FIXED or with addr as a hint (0: none): address or error. */
    public long mmap(long len, long addr, boolean fixed) {
        return MmOps.doMmap(k, new MmOps.MmapArgs("v", addr, len, Const.VM_READ | Const.VM_WRITE, false, fixed,
                false));
    }

    /** The raw words: the engine's own (its tests read them). */
    StateView state() {
        return m;
    }

    /** VMA {@code id} as it is now. */
    public VmaView vma(int id) {
        return Views.vma(m, id, m.name(id));
    }

    /** Did an address-returning call ({@link #topdown}, {@link #bottomup}) fail ({@code IS_ERR_VALUE})? */
    public static boolean failed(long result) {
        return MmOps.isErr(result);
    }

    /**
     * {@code insert_vm_struct} of [start, end): true, or false for ENOMEM (an overlap, or a range that ends above
     * TASK_SIZE, which {@code get_unmapped_area} refuses before any mmap gets that far).
     */
    public boolean map(long start, long end, boolean growsDown) {
        /* get_unmapped_area() refuses a range that ends above TASK_SIZE with ENOMEM, as mmap would */
        if (Vm.ugt(end, Const.TASK_SIZE)) {
            return false;
        }
        long flags = Const.VM_READ | Const.VM_WRITE | (growsDown ? Const.VM_GROWSDOWN : 0);
        int id = MmOps.allocVma(k, "v", start, end, flags, false, 0);
        if (MmOps.insertVmStruct(k, id) != 0) {
            k.set(Field.LIFE, id, k.get(Field.LIFE, id) | Life.FREED);
            k.freed(id);
            return false;
        }
        return true;
    }

    /** munmap of exactly one VMA [start, end): true, or false (EINVAL) when no VMA is exactly that range. */
    public boolean unmap(long start, long end) {
        /* find_vma caches the VMA for start: do_munmap's own find_vma(start) finds it in the vmacache */
        int v = MmOps.findVma(k, start);
        if (v == NIL || Vm.start(m, v) != start || Vm.end(m, v) != end) {
            return false;
        }
        return MmOps.doMunmap(k, start, end - start) == 0;
    }

    /** {@code find_vma(addr)}: the first VMA with vm_end > addr, or {@link VmaView#NIL}. */
    public int find(long addr) {
        return MmOps.findVma(k, addr);
    }

    /** {@code unmapped_area_topdown}: the start of the highest hole that fits, or an error ({@link #failed}). */
    public long topdown(long len, long low, long high) {
        return MmOps.unmappedAreaTopdown(k, len, low, high, 0, 0);
    }

    /** {@code unmapped_area}: the start of the lowest hole that fits, or an error ({@link #failed}). */
    public long bottomup(long len, long low, long high) {
        return MmOps.unmappedArea(k, len, low, high, 0, 0);
    }

    /** The tree in pre-order: {@code (START-END C GAP LEFT RIGHT)}, {@code .} for an empty subtree. */
    public String dump() {
        StringBuilder b = new StringBuilder();
        dump(Vm.root(m), b);
        return b.toString();
    }

    private void dump(int v, StringBuilder b) {
        if (v == NIL) {
            b.append('.');
            return;
        }
        b.append('(').append(Long.toHexString(Vm.start(m, v))).append('-').append(Long.toHexString(Vm.end(m, v)))
                .append(' ').append(Vm.color(m, v) == Const.BLACK ? 'B' : 'R').append(' ')
                .append(Long.toHexString(Vm.gap(m, v))).append(' ');
        dump(Vm.left(m, v), b);
        b.append(' ');
        dump(Vm.right(m, v), b);
        b.append(')');
    }

    public long mapCount() {
        return m.mm(Field.MAP_COUNT);
    }

    public long highestVmEnd() {
        return m.mm(Field.HIGHEST_VM_END);
    }
}
