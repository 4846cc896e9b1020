package org.vmalab.engine.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.vmalab.engine.Protection;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * Runs a writer algorithm against the live memory, captures its steps into a {@link Plan}, then puts
 * every word back: the plan's steps are replayed one at a time by the thread afterwards.
 */
public final class Planner extends Kx implements Memory.Recorder {
    private final int thread;
    private final List<Plan.Item> items = new ArrayList<>();
    private final List<Long> pending = new ArrayList<>();
    /** A dynamic step's {@link Dyn#planEffect} runs: its stores are undone with the plan's, not captured. */
    private boolean effectOnly;
    private final List<long[]> undo = new ArrayList<>();
    private final List<Loc> groupOf = new ArrayList<>();
    private final List<Integer> groupAOf = new ArrayList<>();
    private final List<Integer> groupId = new ArrayList<>();
    private int depth;
    private int currentGroup;
    private Loc currentGroupLoc;
    private int currentGroupA = Memory.NIL;
    private int nextGroup = 1;

    private Planner(Memory m, Protection prot, int thread) {
        super(m, prot);
        this.thread = thread;
    }

    /**
     * Plans {@code algorithm} for {@code thread}. The memory is left exactly as it was.
     *
     * @param algorithm returns the operation's result (kept in {@link Plan#result()})
     */
    public static Plan plan(Memory m, Protection prot, int thread, String label, ToLongFunction<Kx> algorithm) {
        Planner p = new Planner(m, prot, thread);
        Memory.Recorder saved = m.recorder();
        m.recorder(p);
        long result;
        try {
            result = algorithm.applyAsLong(p);
            if (!p.pending.isEmpty()) {
                throw new IllegalStateException(label + ": stores after the last step");
            }
        } finally {
            m.recorder(saved);
            for (int i = p.undo.size() - 1; i >= 0; i--) {
                long[] u = p.undo.get(i);
                m.poke(Field.of((int) u[0]), (int) u[1], u[2]);
            }
        }
        return new Plan(p.finish(), label, result);
    }

    private List<Plan.Item> finish() {
        List<Plan.Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Plan.Item it = items.get(i);
            if (it instanceof Plan.Planned p) {
                int g = groupId.get(i);
                boolean more = g != 0 && i + 1 < items.size() && groupId.get(i + 1) == g
                        && items.get(i + 1) instanceof Plan.Planned;
                out.add(new Plan.Planned(p.loc(), p.tag(), p.a(), p.b(), p.v(), p.stores(), more, p.validateAfter(),
                        groupOf.get(i), groupAOf.get(i)));
            } else {
                out.add(it);
            }
        }
        return out;
    }

    @Override
    public void stored(Field f, int obj, long old, long value) {
        undo.add(new long[] {f.ordinal(), obj, old});
        if (effectOnly) {
            return;
        }
        pending.add((long) f.ordinal());
        pending.add((long) obj);
        pending.add(value);
    }

    @Override
    public void step(Loc loc, Tag tag, int a, int b, long v) {
        long[] stores = new long[pending.size()];
        for (int i = 0; i < stores.length; i++) {
            stores[i] = pending.get(i);
        }
        pending.clear();
        items.add(new Plan.Planned(loc, tag, a, b, v, stores, false, Plan.NO_VALIDATE, null, Memory.NIL));
        groupId.add(depth > 0 ? currentGroup : 0);
        groupOf.add(depth > 0 ? currentGroupLoc : null);
        groupAOf.add(depth > 0 ? currentGroupA : Memory.NIL);
    }

    @Override
    public void dyn(Dyn d) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("stores pending before a dynamic step");
        }
        items.add(new Plan.DynItem(d));
        groupId.add(0);
        groupOf.add(null);
        groupAOf.add(Memory.NIL);
        effectOnly = true;
        try {
            d.planEffect(this);
        } finally {
            effectOnly = false;
        }
    }

    @Override
    public void group(Loc title, int a) {
        if (depth++ == 0) {
            currentGroup = nextGroup++;
            currentGroupLoc = title;
            currentGroupA = a;
        }
    }

    @Override
    public void endGroup() {
        depth--;
    }

    @Override
    public int thread() {
        return thread;
    }

    @Override
    public void validateMmRb(int ignore) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof Plan.Planned p) {
                items.set(i, new Plan.Planned(p.loc(), p.tag(), p.a(), p.b(), p.v(), p.stores(), p.more(), ignore,
                        p.group(), p.groupA()));
                return;
            }
        }
    }
}
