package org.vmalab.engine.trace;

import org.vmalab.engine.Face;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;

/**
 * The state of a trace at one index (0 = initial, {@code i} = after step {@code i}), reached by applying
 * the recorded stores forward or backward from wherever the cursor was: seeking costs what the steps in
 * between stored, never a copy of the tree. Read-only for its users.
 */
@Face
public final class TraceCursor implements StateView {
    private final Trace trace;
    private final Memory mem;
    private int index;

    TraceCursor(Trace trace) {
        this.trace = trace;
        this.mem = trace.initialMemory().copy();
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

    /** A copy of the state at this index, independent of later seeks (for a background renderer). */
    public StateView snapshot() {
        Memory copy = mem.copy();
        Trace t = trace;
        return new StateView() {
            @Override
            public long get(Field f, int obj) {
                return copy.get(f, obj);
            }

            @Override
            public long mm(Field f) {
                return copy.mm(f);
            }

            @Override
            public int vmaCapacity() {
                return copy.vmaCapacity();
            }

            @Override
            public int threadCount() {
                return copy.threadCount();
            }

            @Override
            public int pteSlots() {
                return copy.pteSlots();
            }

            @Override
            public String name(int vma) {
                return t.vmaName(vma);
            }
        };
    }
}
