package org.vmalab.engine.trace;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.Const;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.Protection;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.sched.WaitQueue;
import org.vmalab.engine.sched.Waits;
import org.vmalab.engine.trace.Change.MmChange;
import org.vmalab.engine.trace.Change.MmField;
import org.vmalab.engine.trace.Change.PteChange;
import org.vmalab.engine.trace.Change.TaskChange;
import org.vmalab.engine.trace.Change.TaskField;
import org.vmalab.engine.trace.Change.VmaChange;
import org.vmalab.engine.trace.Change.VmaField;
import org.vmalab.engine.trace.LockView.Lock;
import org.vmalab.engine.trace.LockView.Waiter;
import org.vmalab.engine.trace.TaskView.LockMode;
import org.vmalab.engine.tree.Vm;

/** Decodes the words of simulated memory into the typed views of the face (the engine's own). */
public final class Views {
    private Views() {
    }

    // ================================================================ VMAs

    /** VMA {@code v} of {@code m}. */
    public static VmaView vma(StateView m, int v, String name) {
        int cap = m.vmaCapacity();
        long life = m.get(Field.LIFE, v);
        int prev = Vm.prev(m, v);
        int left = Vm.left(m, v);
        int right = Vm.right(m, v);
        long ownGap = ownGap(m, v, cap);
        long computed = computedGap(m, ownGap, left, right, cap);
        return new VmaView(v, name, Vm.start(m, v), Vm.end(m, v), m.get(Field.VM_FLAGS, v),
                m.get(Field.HAS_OPS, v) != 0, m.get(Field.ANON_VMA, v),
                Vm.color(m, v) == Const.BLACK ? VmaView.Color.BLACK : VmaView.Color.RED, Vm.parent(m, v), left, right,
                prev, Vm.next(m, v), ownGap, Vm.gap(m, v), computed, Vm.vmStartGap(m, v), Vm.vmEndGap(m, v),
                m.get(Field.REF_COUNT, v), m.get(Field.SEQUENCE, v), (life & Life.ALLOCATED) != 0,
                (life & Life.FREED) != 0, (life & Life.IN_TREE) != 0, Vm.rbEmptyNode(m, v), (life & Life.OWNED) != 0);
    }

    /** {@link VmaView#ownGap()}: the gap in front of {@code v} (0 when its {@code vm_prev} is garbage). */
    static long ownGap(StateView m, int v, int cap) {
        int prev = Vm.prev(m, v);
        return prev != NIL && (prev < 0 || prev >= cap) ? 0 : Vm.ownGap(m, v);
    }

    /** {@link VmaView#computedGap()}: {@code vma_compute_subtree_gap()} from the own gap and the children's. */
    static long computedGap(StateView m, long ownGap, int left, int right, int cap) {
        long computed = ownGap;
        if (left >= 0 && left < cap && Long.compareUnsigned(Vm.gap(m, left), computed) > 0) {
            computed = Vm.gap(m, left);
        }
        if (right >= 0 && right < cap && Long.compareUnsigned(Vm.gap(m, right), computed) > 0) {
            computed = Vm.gap(m, right);
        }
        return computed;
    }

    // ================================================================ threads

    static TaskView task(StateView m, int t, String[] names) {
        long st = m.get(Field.T_STATUS, t);
        TaskView.Status status = switch ((int) st) {
            case (int) Status.RUNNABLE -> TaskView.Status.RUNNABLE;
            case (int) Status.SPINNING -> TaskView.Status.SPINNING;
            case (int) Status.BLOCKED -> TaskView.Status.BLOCKED;
            default -> TaskView.Status.DONE;
        };
        long locOrd = m.get(Field.T_LOC, t);
        Loc loc = locOrd >= 0 && locOrd < Loc.values().length ? Loc.of((int) locOrd) : null;
        int cap = m.vmaCapacity();
        List<Integer> vc = new ArrayList<>(Field.VC_SLOTS.length);
        for (Field f : Field.VC_SLOTS) {
            int r = (int) m.get(f, t);
            vc.add(r >= 0 && r < cap ? r : NIL);
        }
        List<Integer> refs = new ArrayList<>(Field.REF_SLOTS.length);
        for (Field f : Field.REF_SLOTS) {
            int r = (int) m.get(f, t);
            if (r >= 0 && r < cap) {
                refs.add(r);
            }
        }
        int node = (int) m.get(Field.T_NODE, t);
        long seq = m.get(Field.T_VC_SEQ, t);
        return new TaskView(t, name(names, t), status, waitMode(m.get(Field.T_WAIT, t)),
                Waits.describe(m, t, names), holds(m.get(Field.T_HOLDS, t)), (int) m.get(Field.T_OP, t), loc,
                node >= 0 && node < cap ? node : NIL, m.get(Field.T_SPINS, t), Collections.unmodifiableList(vc),
                seq, seq == m.mm(Field.VMACACHE_SEQNUM), Collections.unmodifiableList(refs), pendingStores(m, t));
    }

    /** Thread {@code t}'s buffered stores in words, oldest first (none without RELAXED_STORES). */
    static List<String> pendingStores(StateView m, int t) {
        int n = StoreBuffer.size(m, t);
        if (n == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long key = StoreBuffer.keyAt(m, t, i);
            out.add(storeText(m, StoreBuffer.field(key), StoreBuffer.object(key), StoreBuffer.valueAt(m, t, i)));
        }
        return List.copyOf(out);
    }

    /** A store in words: {@code libc.rb_left := stack}, {@code mm->mmap := heap}. */
    public static String storeText(StateView m, Field f, int obj, long value) {
        String where = switch (f.kind()) {
            case VMA -> m.name(obj) + "." + f.cName();
            case MM -> "mm->" + f.cName();
            default -> f.cName() + "[" + obj + "]";
        };
        String what;
        if (f.isVmaPointer()) {
            what = value == NIL ? "NULL" : m.name((int) value);
        } else if (f == Field.RB_PC) {
            int p = Vm.parentOf(value);
            what = value == Vm.pc(obj, Const.RED) ? "itself (RB_CLEAR_NODE: the node is marked empty)"
                    : "parent " + (p == NIL ? "NULL" : m.name(p)) + (Vm.colorOf(value) == Const.RED ? ", red"
                    : ", black");
        } else {
            what = Numbers.hex(value);
        }
        return where + " := " + what;
    }

    static LockMode waitMode(long w) {
        return switch ((int) w) {
            case (int) Status.WAIT_SEM_READ -> LockMode.MMAP_SEM_READ;
            case (int) Status.WAIT_SEM_WRITE -> LockMode.MMAP_SEM_WRITE;
            case (int) Status.WAIT_RB_READ -> LockMode.MM_RB_LOCK_READ;
            case (int) Status.WAIT_RB_WRITE -> LockMode.MM_RB_LOCK_WRITE;
            case (int) Status.WAIT_PTL -> LockMode.PTE_LOCK;
            default -> null;
        };
    }

    private static final long[] HOLD_BITS = {Status.HOLD_SEM_READ, Status.HOLD_SEM_WRITE, Status.HOLD_RB_READ,
        Status.HOLD_RB_WRITE, Status.HOLD_PTL};

    static Set<LockMode> holds(long bits) {
        if (bits == 0) {
            return Set.of();
        }
        EnumSet<LockMode> out = EnumSet.noneOf(LockMode.class);
        LockMode[] modes = LockMode.values();
        for (int i = 0; i < HOLD_BITS.length; i++) {
            if ((bits & HOLD_BITS[i]) != 0) {
                out.add(modes[i]);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    // ================================================================ locks and the mm

    static LockView lock(StateView m, Lock which, Protection p) {
        boolean sem = which == Lock.MMAP_SEM;
        long bit = sem ? Status.HOLD_SEM_READ : Status.HOLD_RB_READ;
        List<Integer> readers = new ArrayList<>();
        for (int t = 0; t < m.threadCount(); t++) {
            if ((m.get(Field.T_HOLDS, t) & bit) != 0) {
                readers.add(t);
            }
        }
        long q = m.mm(sem ? Field.SEM_QUEUE : Field.RB_QUEUE);
        List<Waiter> queue = new ArrayList<>();
        for (int i = 0, n = WaitQueue.size(q); i < n; i++) {
            queue.add(new Waiter(WaitQueue.tid(q, i), WaitQueue.isWrite(q, i)));
        }
        RwlockPolicy policy = sem ? null : p.policy();
        return new LockView(which, sem || p.lock(), policy, (int) m.mm(sem ? Field.SEM_WRITER : Field.RB_WRITER),
                m.mm(sem ? Field.SEM_READERS : Field.RB_READERS), List.copyOf(readers), List.copyOf(queue),
                sem ? NIL : (int) m.mm(Field.RB_WAITING));
    }

    static MmView mm(StateView m) {
        return new MmView((int) m.mm(Field.ROOT), (int) m.mm(Field.MMAP), m.mm(Field.MAP_COUNT),
                m.mm(Field.HIGHEST_VM_END), m.mm(Field.VMACACHE_SEQNUM), m.mm(Field.MM_USERS), m.mm(Field.MMAP_BASE),
                m.mm(Field.GUARD_GAP), m.mm(Field.START_BRK), m.mm(Field.BRK), (int) m.mm(Field.PTL_OWNER),
                (int) m.mm(Field.NR_ALLOC));
    }

    static List<Long> ptes(StateView m) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < m.pteSlots(); i++) {
            long a = m.get(Field.PTE_ADDR, i);
            if (a != 0) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    // ================================================================ changes

    static Change change(Trace t, Field f, int o, long old, long now) {
        return switch (f.kind()) {
            case VMA -> {
                VmaField vf = vmaField(f);
                yield new VmaChange(o, vf, old, now, t.vmaName(o) + "." + vf.cName() + ": "
                        + vmaValue(t, vf, old, now));
            }
            case MM -> {
                MmField mf = mmField(f);
                yield new MmChange(mf, old, now, mf.cName() + ": " + value(t, f, old) + " → " + value(t, f, now));
            }
            case THREAD -> {
                TaskField tf = taskField(f);
                int slot = slot(f);
                yield new TaskChange(o, tf, slot, old, now, t.threadName(o) + "." + f.cName() + ": "
                        + value(t, f, old) + " → " + value(t, f, now));
            }
            case PTE -> new PteChange(o, old, now, "pte[" + o + "]: " + pte(old) + " → " + pte(now));
            case SB -> {
                int owner = o / StoreBuffer.CAPACITY;
                yield new TaskChange(owner, TaskField.STORE_BUFFER, o % StoreBuffer.CAPACITY, old, now,
                        t.threadName(owner) + "'s store buffer[" + (o % StoreBuffer.CAPACITY) + "]." + f.cName()
                                + ": " + Numbers.hex(old) + " → " + Numbers.hex(now));
            }
        };
    }

    private static String vmaValue(Trace t, VmaField f, long old, long now) {
        if (f == VmaField.PARENT_COLOR) {
            int op = VmaChange.parentOf(old);
            int np = VmaChange.parentOf(now);
            String oc = VmaChange.colorOf(old).name().toLowerCase(java.util.Locale.ROOT);
            String nc = VmaChange.colorOf(now).name().toLowerCase(java.util.Locale.ROOT);
            String parent = "parent " + t.vmaName(op) + (op == np ? "" : " → " + t.vmaName(np));
            return parent + ", " + (oc.equals(nc) ? oc : oc + " → " + nc);
        }
        if (f == VmaField.LIFE) {
            return life(old) + " → " + life(now);
        }
        if (f.pointer()) {
            return t.vmaName((int) old) + " → " + t.vmaName((int) now);
        }
        return switch (f) {
            case START, END, FLAGS, PGOFF, SUBTREE_GAP -> Numbers.hex(old) + " → " + Numbers.hex(now);
            default -> old + " → " + now;
        };
    }

    private static String value(Trace t, Field f, long v) {
        if (f.isVmaPointer()) {
            return t.vmaName((int) v);
        }
        if (f.isThreadPointer()) {
            return v == NIL ? "nobody" : t.threadName((int) v);
        }
        return switch (f) {
            case SEM_QUEUE, RB_QUEUE -> queue(t, v);
            case T_STATUS -> Status.name(v);
            case T_WAIT -> {
                LockMode w = waitMode(v);
                yield w == null ? "nothing" : w.label();
            }
            case T_HOLDS -> {
                Set<LockMode> h = holds(v);
                yield h.isEmpty() ? "nothing" : String.join(", ", h.stream().map(LockMode::label).toList());
            }
            case T_LOC -> v >= 0 && v < Loc.values().length ? Loc.of((int) v).function() : "-";
            case HIGHEST_VM_END, START_BRK, BRK, GUARD_GAP, MMAP_BASE -> Numbers.hex(v);
            default -> Long.toString(v);
        };
    }

    private static String queue(Trace t, long q) {
        int n = WaitQueue.size(q);
        if (n == 0) {
            return "empty";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(t.threadName(WaitQueue.tid(q, i)))
                    .append(WaitQueue.isWrite(q, i) ? " (write)" : " (read)");
        }
        return b.toString();
    }

    private static String pte(long addr) {
        return addr == 0 ? "empty" : Numbers.hex(addr);
    }

    private static String life(long bits) {
        List<String> w = new ArrayList<>();
        if ((bits & Life.ALLOCATED) != 0) {
            w.add("allocated");
        }
        if ((bits & Life.IN_TREE) != 0) {
            w.add("in the tree");
        }
        if ((bits & Life.OWNED) != 0) {
            w.add("owned by the mm");
        }
        if ((bits & Life.ANON_UNLINKED) != 0) {
            w.add("anon_vma unlinked");
        }
        if ((bits & Life.FILE_PUT) != 0) {
            w.add("file put");
        }
        if ((bits & Life.POLICY_PUT) != 0) {
            w.add("policy put");
        }
        if ((bits & Life.FREED) != 0) {
            w.add("freed");
        }
        return w.isEmpty() ? "unallocated" : String.join(", ", w);
    }

    static VmaField vmaField(Field f) {
        return switch (f) {
            case VM_START -> VmaField.START;
            case VM_END -> VmaField.END;
            case VM_FLAGS -> VmaField.FLAGS;
            case VM_PGOFF -> VmaField.PGOFF;
            case RB_LEFT -> VmaField.LEFT;
            case RB_RIGHT -> VmaField.RIGHT;
            case RB_PC -> VmaField.PARENT_COLOR;
            case RB_GAP -> VmaField.SUBTREE_GAP;
            case VM_PREV -> VmaField.PREV;
            case VM_NEXT -> VmaField.NEXT;
            case REF_COUNT -> VmaField.REF_COUNT;
            case SEQUENCE -> VmaField.SEQUENCE;
            case ANON_VMA -> VmaField.ANON_VMA;
            case HAS_OPS -> VmaField.OPS;
            case NAME -> VmaField.NAME;
            case LIFE -> VmaField.LIFE;
            default -> throw new IllegalArgumentException("not a VMA field: " + f);
        };
    }

    static MmField mmField(Field f) {
        return switch (f) {
            case ROOT -> MmField.ROOT;
            case MMAP -> MmField.MMAP;
            case MAP_COUNT -> MmField.MAP_COUNT;
            case HIGHEST_VM_END -> MmField.HIGHEST_VM_END;
            case VMACACHE_SEQNUM -> MmField.VMACACHE_SEQNUM;
            case START_BRK -> MmField.START_BRK;
            case BRK -> MmField.BRK;
            case GUARD_GAP -> MmField.STACK_GUARD_GAP;
            case MMAP_BASE -> MmField.MMAP_BASE;
            case MM_USERS -> MmField.MM_USERS;
            case MM_DEAD -> MmField.MM_DEAD;
            case NR_ALLOC -> MmField.VMA_SLOTS;
            case SEM_READERS -> MmField.SEM_READERS;
            case SEM_WRITER -> MmField.SEM_WRITER;
            case SEM_QUEUE -> MmField.SEM_WAIT_LIST;
            case RB_READERS -> MmField.RB_READERS;
            case RB_WRITER -> MmField.RB_WRITER;
            case RB_WAITING -> MmField.RB_WAITING;
            case RB_QUEUE -> MmField.RB_WAIT_LOCK;
            case PTL_OWNER -> MmField.PTL_OWNER;
            default -> throw new IllegalArgumentException("not an mm field: " + f);
        };
    }

    static TaskField taskField(Field f) {
        return switch (f) {
            case T_STATUS -> TaskField.STATUS;
            case T_OP -> TaskField.OP;
            case T_LOC -> TaskField.LOC;
            case T_NODE -> TaskField.NODE;
            case T_SPINS -> TaskField.SPINS;
            case T_WAIT -> TaskField.WAIT;
            case T_HOLDS -> TaskField.HOLDS;
            case T_VC_SEQ -> TaskField.VMACACHE_SEQNUM;
            case T_VC0, T_VC1, T_VC2, T_VC3 -> TaskField.VMACACHE;
            case T_REF0, T_REF1, T_REF2 -> TaskField.REF;
            case T_SB_N -> TaskField.STORE_BUFFER;
            default -> throw new IllegalArgumentException("not a thread field: " + f);
        };
    }

    private static int slot(Field f) {
        for (int i = 0; i < Field.VC_SLOTS.length; i++) {
            if (Field.VC_SLOTS[i] == f) {
                return i;
            }
        }
        for (int i = 0; i < Field.REF_SLOTS.length; i++) {
            if (Field.REF_SLOTS[i] == f) {
                return i;
            }
        }
        return -1;
    }

    private static String name(String[] names, int t) {
        return t >= 0 && t < names.length ? names[t] : "T" + (t + 1);
    }
}
