package org.vmalab.engine.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.Face;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;

/**
 * The state of a trace at one index (0 = initial, {@code i} = after step {@code i}), reached by applying
 * the recorded stores forward or backward from wherever the cursor was: seeking costs what the steps in
 * between stored, never a copy of the tree. Read-only for its users.
 *
 * <p>What is there at that index is read through typed views: {@link #vma(int)} (range, gaps, colour, parent and
 * children, reference count, life), {@link #task(int)} (status, locks held, what it waits for and why, vmacache,
 * references, the node a walker stands on), {@link #mmapSem()} and {@link #mmRbLock()} (holders, queue, policy),
 * {@link #mm()}, {@link #ptes()}, and {@link #changes()}: what the step that led here stored. The raw words
 * ({@link Recording#words}) are the engine's own.
 */
@Face
public final class TraceCursor {
    private final Trace trace;
    private final Memory mem;
    private int index;

    TraceCursor(Trace trace) {
        this.trace = trace;
        /* a cursor writes to its memory only when it seeks past index 0: a trace of no step (an import) is read in
           its initial memory itself, not in a copy (the columns of a million VMAs are 130 MB) */
        Memory initial = trace.initialMemory();
        this.mem = trace.size() == 0 && trace.vmaCount() <= initial.vmaCapacity() ? initial : initial.copy();
        if (trace.vmaCount() > 0) {
            mem.ensureVma(trace.vmaCount() - 1);
        }
    }

    public Trace trace() {
        return trace;
    }

    public int index() {
        return index;
    }

    /** Moves to index {@code i} (clamped to [0, size]). */
    public TraceCursor seek(int i) {
        i = Math.max(0, Math.min(i, trace.size()));
        DeltaLog d = trace.deltas();
        while (index < i) {
            StepRecord s = trace.step(index + 1);
            d.redo(s.deltaFrom(), s.deltaTo(), mem);
            index++;
        }
        while (index > i) {
            StepRecord s = trace.step(index);
            d.undo(s.deltaFrom(), s.deltaTo(), mem);
            index--;
        }
        return this;
    }

    /** The raw words at this index, names from the trace: the engine's own ({@link Recording#words}). */
    final StateView words = new StateView() {
        @Override
        public long get(Field f, int obj) {
            return mem.get(f, obj);
        }

        @Override
        public long mm(Field f) {
            return mem.mm(f);
        }

        @Override
        public int vmaCapacity() {
            return mem.vmaCapacity();
        }

        @Override
        public int threadCount() {
            return mem.threadCount();
        }

        @Override
        public int pteSlots() {
            return mem.pteSlots();
        }

        @Override
        public String name(int vma) {
            return trace.vmaName(vma);
        }
    };

    /** How many VMA slots the words at this index have. */
    public int vmaCapacity() {
        return mem.vmaCapacity();
    }

    /** How many threads the scenario has. */
    public int threadCount() {
        return mem.threadCount();
    }

    /** The VMA's name ({@code "NULL"} for {@link VmaView#NIL}). */
    public String name(int vma) {
        return trace.vmaName(vma);
    }

    // ================================================================ typed views

    /** The step that led to this index, or null at index 0. */
    public StepRecord step() {
        return index == 0 ? null : trace.step(index);
    }

    /** What the step that led here stored, in order (empty at index 0). */
    public List<Change> changes() {
        return index == 0 ? List.of() : trace.changes(index);
    }

    /** VMA ids are below this: the slots the whole run allocates. */
    public int vmaSlots() {
        return Math.min(trace.vmaCount(), mem.vmaCapacity());
    }

    /** VMA {@code id} (0 &lt;= id &lt; {@link #vmaSlots()}) as it is at this index, allocated or not. */
    public VmaView vma(int id) {
        if (id < 0 || id >= vmaSlots()) {
            throw new IndexOutOfBoundsException("no VMA " + id + " (ids are below " + vmaSlots() + ")");
        }
        return Views.vma(mem, id, trace.vmaName(id));
    }

    /**
     * Every allocated VMA of the process's mm, by id: freed ones included (the slot is not reused), the copies a
     * fork made for the child's mm not.
     */
    public List<VmaView> vmas() {
        int[] ids = vmaIds();
        List<VmaView> out = new ArrayList<>(ids.length);
        for (int v : ids) {
            out.add(Views.vma(mem, v, trace.vmaName(v)));
        }
        return out;
    }

    /**
     * The ids of {@link #vmas()}, ascending, without a view of each: a reader of a large tree (a million VMAs) reads
     * them one at a time with {@link #vma(int)} and keeps what it needs.
     */
    public int[] vmaIds() {
        int n = vmaSlots();
        int[] out = new int[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            long life = mem.get(Field.LIFE, v);
            if ((life & Life.ALLOCATED) != 0 && (life & Life.CHILD) == 0) {
                out[k++] = v;
            }
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }

    /**
     * {@link #vmas()} in columns by id, read in one pass without a view each: what a reader of a whole large tree
     * (the scene of an import of a million VMAs) takes of every VMA.
     */
    public VmaColumns vmaColumns() {
        return new VmaColumns(mem, trace, vmaIds(), vmaSlots());
    }

    /** Thread {@code t} as it is at this index. */
    public TaskView task(int t) {
        return Views.task(mem, t, trace.threadNames());
    }

    /** Every thread, by index. */
    public List<TaskView> tasks() {
        String[] names = trace.threadNames();
        List<TaskView> out = new ArrayList<>(mem.threadCount());
        for (int t = 0; t < mem.threadCount(); t++) {
            out.add(Views.task(mem, t, names));
        }
        return out;
    }

    /** {@code mmap_sem}. */
    public LockView mmapSem() {
        return Views.lock(mem, LockView.Lock.MMAP_SEM, trace.scenario().protection());
    }

    /** The patch's {@code mm_rb_lock}. */
    public LockView mmRbLock() {
        return Views.lock(mem, LockView.Lock.MM_RB_LOCK, trace.scenario().protection());
    }

    /** The mm's fields. */
    public MmView mm() {
        return Views.mm(mem);
    }

    /** The addresses of the installed page table entries, in slot order. */
    public List<Long> ptes() {
        return Views.ptes(mem);
    }
}
