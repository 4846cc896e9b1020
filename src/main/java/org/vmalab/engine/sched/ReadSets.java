package org.vmalab.engine.sched;

import static org.vmalab.engine.sched.Footprint.bit;
import static org.vmalab.engine.sched.Footprint.bits;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.vmalab.engine.Granularity;
import org.vmalab.engine.memory.DeltaLog;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.mm.Plan;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.StepRecord;

/**
 * The footprint of an executed step: its stores exactly (the delta log), and an over-approximation of what it
 * read. The engine does not record reads, so they are derived from what the step was (the action at the head of
 * the thread's continuation before the step, and the {@link Loc} it recorded) by a table written against the
 * engine's sources ({@code Readers}, {@code Actions}, {@code Ops}, {@code Checker}, {@code Machine}).
 *
 * <p>Soundness rule: a step is given a narrow read set only when both its head action and its Loc are in the
 * table <em>and</em> the pair is one where no other action can have run silently before the recorded step. Any
 * other step (an unknown action, a MACRO step of several micro-steps, a writer computing its plan, an
 * {@code up_write} that runs the quiescent checks, a {@code validate_mm_rb} checkpoint) reads everything.
 * The explorer's {@code SoundnessAuditTest} checks the table by executing both orders of every pair the
 * reduction treats as independent (its audit option).
 */
final class ReadSets {
    private ReadSets() {
    }

    /** vm_start, vm_end, the child pointers and the life bits of one node: a walker's visit. */
    static final long NODE = bits(Field.VM_START, Field.VM_END, Field.RB_LEFT, Field.RB_RIGHT, Field.LIFE);
    /** The ghost "truth" scan of a lookup (Readers.truth): life bits and bounds of every VMA. */
    static final long TRUTH_VMA = bits(Field.LIFE, Field.VM_START, Field.VM_END);
    static final long RB_LOCK = bits(Field.RB_READERS, Field.RB_WRITER, Field.RB_WAITING, Field.RB_QUEUE);
    static final long SEM = bits(Field.SEM_READERS, Field.SEM_WRITER, Field.SEM_QUEUE);
    static final long REFS = bits(Field.T_REF0, Field.T_REF1, Field.T_REF2);

    /** How a head action may have ended its step: the Locs it can record with nothing read silently before. */
    private static final Map<String, Set<Loc>> EXPECTED = new HashMap<>();
    /** Heads after which a lookup's silent truth check (checkLookup) runs before the recorded step. */
    private static final Map<String, Set<Loc>> EXPECTED_AFTER_TRUTH = new HashMap<>();
    /** First steps of a non-writer operation (Ops.begin pushes actions that read nothing before them). */
    private static final Set<Loc> OP_START = EnumSet.of(Loc.VMACACHE_FLUSH, Loc.VMACACHE_VALID, Loc.SEM_DOWN_READ,
            Loc.SEM_DOWN_READ_SLEEP, Loc.SEM_DOWN_WRITE, Loc.SEM_DOWN_WRITE_SLEEP, Loc.RB_READ_LOCK,
            Loc.RB_READ_SPIN, Loc.GET_VMA_ROOT, Loc.PUT_VMA_NOOP, Loc.PUT_VMA_DEC, Loc.FREE_VMA, Loc.SPF_ENTRY,
            Loc.SPF_NO_SPF, Loc.SEM_UP_READ);

    static {
        Set<Loc> vcValid = EnumSet.of(Loc.VMACACHE_FLUSH, Loc.VMACACHE_VALID);
        Set<Loc> put = EnumSet.of(Loc.PUT_VMA_DEC, Loc.PUT_VMA_NOOP, Loc.FREE_VMA);
        Set<Loc> downRead = EnumSet.of(Loc.SEM_DOWN_READ, Loc.SEM_DOWN_READ_SLEEP);
        expect("Readers$VcValid", vcValid);
        expect("Ops$ClassicLookup", vcValid);
        expect("Readers$ClassicFind", vcValid);
        expect("Readers$VcSlot", EnumSet.of(Loc.VMACACHE_SLOT, Loc.VMACACHE_HIT));
        expect("Readers$WalkRoot", EnumSet.of(Loc.FIND_VMA_ROOT, Loc.GET_VMA_ROOT));
        expect("Readers$WalkVisit", EnumSet.of(Loc.FIND_VMA_LEFT, Loc.FIND_VMA_RIGHT, Loc.FIND_VMA_FOUND,
                Loc.VMACACHE_UPDATE, Loc.FIND_VMA_RETURN, Loc.GET_VMA_LEFT, Loc.GET_VMA_RIGHT, Loc.GET_VMA_FOUND));
        expect("Readers$FvEnd", EnumSet.of(Loc.VMACACHE_UPDATE, Loc.FIND_VMA_RETURN));
        expect("Readers$GvLock", EnumSet.of(Loc.RB_READ_LOCK, Loc.RB_READ_SPIN));
        EXPECTED_AFTER_TRUTH.put("Readers$WalkVisit", EnumSet.of(Loc.GET_VMA_INC, Loc.RB_READ_UNLOCK,
                Loc.GET_VMA_RETURN));
        EXPECTED_AFTER_TRUTH.put("Readers$GvFound", EnumSet.of(Loc.GET_VMA_INC, Loc.RB_READ_UNLOCK,
                Loc.GET_VMA_RETURN));
        expect("Readers$GvInc", EnumSet.of(Loc.GET_VMA_INC, Loc.SPF_UAF_INC));
        expect("Readers$GvUnlock", EnumSet.of(Loc.RB_READ_UNLOCK, Loc.GET_VMA_RETURN));
        expect("Readers$SpfEntry", EnumSet.of(Loc.SPF_ENTRY, Loc.SPF_NO_SPF));
        expect("Readers$SpfAfterGet", EnumSet.of(Loc.SPF_NO_VMA, Loc.SPF_S2_SEQ));
        expect("Readers$SpfCacheInc", EnumSet.of(Loc.SPF_UAF_INC));
        expect("Readers$SpfS2", EnumSet.of(Loc.SPF_S2_SEQ));
        expect("Readers$SpfS3", EnumSet.of(Loc.SPF_S3_CHECKS));
        expect("Readers$SpfS5", EnumSet.of(Loc.SPF_S5_RETRY));
        expect("Readers$SpfS6", EnumSet.of(Loc.SPF_S6_PTE_LOCK));
        expect("Readers$SpfS7", EnumSet.of(Loc.SPF_S7_INSTALL));
        expect("Readers$SpfS8", put);
        expect("Readers$SpfAbort", EnumSet.of(Loc.SPF_ABORT));
        expect("Readers$Fallback", downRead);
        expect("Readers$AfterDownRead", EnumSet.of(Loc.CAN_REUSE, Loc.VMACACHE_FLUSH, Loc.VMACACHE_VALID));
        expect("Readers$CanReuse", EnumSet.of(Loc.CAN_REUSE));
        expect("Readers$ClassicHandle", EnumSet.of(Loc.CLASSIC_GOOD, Loc.CLASSIC_BAD));
        expect("Actions$DownRead", downRead);
        expect("Actions$DownWrite", EnumSet.of(Loc.SEM_DOWN_WRITE, Loc.SEM_DOWN_WRITE_SLEEP));
        expect("Actions$SemWoken", EnumSet.of(Loc.SEM_WOKEN));
        expect("Actions$UpRead", EnumSet.of(Loc.SEM_UP_READ));
        expect("Actions$PutVma", put);
        expect("Actions$FreeVma", EnumSet.of(Loc.FREE_VMA));
        expect("Ops$PutLatest", put);
        expect("Actions$WriteLockRb", EnumSet.of(Loc.LINK_WRITE_LOCK, Loc.LINK_WRITE_WAITING, Loc.LINK_WRITE_SPIN,
                Loc.ERASE_WRITE_LOCK, Loc.ERASE_WRITE_WAITING, Loc.ERASE_WRITE_SPIN));
        expect("Actions$WriteUnlockRb", EnumSet.of(Loc.LINK_WRITE_UNLOCK, Loc.ERASE_WRITE_UNLOCK));
        expect("Actions$Zap", EnumSet.of(Loc.ZAP, Loc.ZAP_SPIN));
    }

    private static void expect(String head, Set<Loc> locs) {
        EXPECTED.put(head, locs);
    }

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> c) {
            String n = c.getName();
            int dot = n.lastIndexOf('.');
            return dot >= 0 ? n.substring(dot + 1) : n;
        }
    };

    /** The name the table knows an action by: {@code Outer$Inner} of its class. */
    static String headName(Action a) {
        return a == null ? "<start>" : NAMES.get(a.getClass());
    }

    /**
     * The footprint of {@code rec}, a step of thread {@code t} just executed on {@code m}.
     *
     * @param head the head of the thread's continuation before the step (null: the step started an operation)
     * @param opBefore the thread's operation index before the step
     */
    static Footprint of(Machine m, int t, Action head, int opBefore, StepRecord rec) {
        Footprint f = new Footprint(t);
        DeltaLog log = m.log();
        int from = rec.deltaFrom();
        int to = rec.deltaTo();
        f.writes = new long[to - from];
        for (int i = from; i < to; i++) {
            Field fld = log.field(i);
            int obj = log.object(i);
            f.writes[f.nWrites++] = Footprint.key(fld, obj);
            /* Checker.onStore and the plan player read the life bits of the stored VMA and of a stored pointer */
            if (fld.kind() == Field.Kind.VMA) {
                f.read(Field.LIFE, obj);
            }
            if (fld.isVmaPointer()) {
                long v = log.newValue(i);
                if (v >= 0 && v < Integer.MAX_VALUE) {
                    f.read(Field.LIFE, (int) v);
                }
            }
        }
        if (rec.micro() != 1 || m.scenario().granularity() != Granularity.MICRO) {
            f.readAll();
            return f;
        }
        Loc loc = rec.loc();
        if (loc == Loc.SEM_UP_WRITE || loc == Loc.OP_ABORTED) {
            f.readAll(); /* the quiescent checks read the whole state */
            return f;
        }
        String name = headName(head);
        if (head instanceof Actions.PlanStep ps) {
            plan(f, ps, rec);
            return f;
        }
        if (head == null) {
            Op op = nextOp(m, t, opBefore);
            if (op == null || op.isWriter() || !OP_START.contains(loc)) {
                f.readAll();
                return f;
            }
            byLoc(f, loc, rec.a());
            return f;
        }
        Set<Loc> ok = EXPECTED.get(name);
        if (ok != null && ok.contains(loc)) {
            byLoc(f, loc, rec.a());
            return f;
        }
        Set<Loc> afterTruth = EXPECTED_AFTER_TRUTH.get(name);
        if (afterTruth != null && afterTruth.contains(loc)) {
            truth(f);
            byLoc(f, loc, rec.a());
            return f;
        }
        f.readAll();
        return f;
    }

    private static Op nextOp(Machine m, int t, int opBefore) {
        var program = m.scenario().threads().get(t).program();
        int i = opBefore + 1;
        return i >= 0 && i < program.size() ? program.get(i) : null;
    }

    /** A writer's plan item: planned stores read nothing but the checks; dynamic items by their Loc. */
    private static void plan(Footprint f, Actions.PlanStep ps, StepRecord rec) {
        Plan.Item it = ps.plan().item(ps.i());
        Loc loc = rec.loc();
        if (it instanceof Plan.Planned p) {
            if (p.loc() != loc) {
                f.readAll();
                return;
            }
            if (loc.isVisit() || loc == Loc.AUG_PROPAGATE_STOP) {
                f.read(Field.LIFE, p.a());
            }
            if (loc.kind() == Loc.Kind.SEQ) {
                f.read(Field.SEQUENCE, p.a());
            }
            if (loc == Loc.RB_CLEAR_NODE || loc == Loc.RB_CLEAR_NODE_EARLY) {
                treeShape(f);
            }
            if (p.validateAfter() != Plan.NO_VALIDATE) {
                f.readAll(); /* validate_mm_rb walks the whole tree */
            }
            return;
        }
        Plan.DynItem d = (Plan.DynItem) it;
        Set<Loc> ok = EXPECTED.get(headName(d.dyn()));
        if (ok != null && ok.contains(loc)) {
            byLoc(f, loc, rec.a());
        } else {
            f.readAll();
        }
    }

    /** Readers.truth(): the allocated count, the life bits and bounds of every VMA, and the tree it can reach. */
    private static void truth(Footprint f) {
        f.readAny(TRUTH_VMA | bit(Field.NR_ALLOC));
        treeShape(f);
    }

    /** Checker.reachable(): the root and every child pointer. */
    private static void treeShape(Footprint f) {
        f.readAny(bits(Field.ROOT, Field.RB_LEFT, Field.RB_RIGHT));
    }

    /** What the step that recorded {@code loc} about VMA {@code a} read, besides its own thread. */
    private static void byLoc(Footprint f, Loc loc, int a) {
        switch (loc) {
            case VMACACHE_FLUSH, VMACACHE_VALID -> f.readAny(bit(Field.VMACACHE_SEQNUM));
            case VMACACHE_SLOT, VMACACHE_HIT -> f.read(TRUTH_VMA, a);
            case FIND_VMA_ROOT, GET_VMA_ROOT -> {
                f.readAny(bit(Field.ROOT));
                truth(f);
            }
            case FIND_VMA_LEFT, FIND_VMA_RIGHT, FIND_VMA_FOUND, GET_VMA_LEFT, GET_VMA_RIGHT, GET_VMA_FOUND ->
                    f.read(NODE, a);
            case VMACACHE_UPDATE, FIND_VMA_RETURN -> truth(f);
            case RB_READ_LOCK, RB_READ_SPIN, LINK_WRITE_LOCK, LINK_WRITE_WAITING, LINK_WRITE_SPIN, ERASE_WRITE_LOCK,
                    ERASE_WRITE_WAITING, ERASE_WRITE_SPIN -> f.readAny(RB_LOCK);
            case GET_VMA_INC, SPF_UAF_INC, PUT_VMA_DEC -> refCount(f, a);
            case RB_READ_UNLOCK -> f.readAny(bit(Field.RB_READERS));
            case GET_VMA_RETURN, SPF_NO_VMA, SPF_ABORT, SEM_WOKEN, PUT_VMA_NOOP, LINK_WRITE_UNLOCK,
                    ERASE_WRITE_UNLOCK -> {
            }
            case SPF_ENTRY, SPF_NO_SPF -> f.readAny(bit(Field.MM_USERS));
            case SPF_S2_SEQ, SPF_S5_RETRY -> f.read(bits(Field.LIFE, Field.SEQUENCE), a);
            case SPF_S3_CHECKS -> f.read(bits(Field.LIFE, Field.HAS_OPS, Field.ANON_VMA, Field.VM_FLAGS,
                    Field.VM_START, Field.VM_END), a);
            case SPF_S6_PTE_LOCK -> {
                f.read(bits(Field.LIFE, Field.RB_PC, Field.SEQUENCE), a);
                f.readAny(bit(Field.PTL_OWNER));
            }
            case SPF_S7_INSTALL -> {
                f.read(Field.LIFE, a);
                f.readAny(bits(Field.PTE_ADDR, Field.PTL_OWNER));
            }
            case CAN_REUSE -> f.read(bits(Field.LIFE, Field.RB_PC, Field.VM_START, Field.VM_END), a);
            case CLASSIC_GOOD, CLASSIC_BAD -> {
                f.read(bits(Field.LIFE, Field.VM_START, Field.VM_END, Field.VM_FLAGS), a);
                f.readAny(bit(Field.PTE_ADDR));
            }
            case SEM_DOWN_READ, SEM_DOWN_READ_SLEEP, SEM_DOWN_WRITE, SEM_DOWN_WRITE_SLEEP -> f.readAny(SEM);
            case SEM_UP_READ -> f.readAny(SEM | bit(Field.T_HOLDS) | bit(Field.T_STATUS));
            case FREE_VMA -> {
                f.read(bits(Field.LIFE, Field.HAS_OPS, Field.REF_COUNT), a);
                treeShape(f);
                f.readAny(bits(Field.MMAP, Field.VM_NEXT));
            }
            case ZAP, ZAP_SPIN -> {
                f.read(bits(Field.VM_START, Field.VM_END, Field.LIFE), a);
                f.readAny(bits(Field.PTL_OWNER, Field.PTE_ADDR));
            }
            default -> f.readAll();
        }
    }

    /** An increment or drop of vm_ref_count, with Checker.checkRef: every thread's held references. */
    private static void refCount(Footprint f, int a) {
        f.read(bits(Field.LIFE, Field.REF_COUNT), a);
        f.readAny(REFS);
    }
}
