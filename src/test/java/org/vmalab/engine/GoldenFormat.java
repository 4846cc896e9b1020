package org.vmalab.engine;

import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.StepRecord;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.tree.Tag;

/**
 * Prints engine steps in the label format of the reference model's golden files
 * ({@code shared/spec/golden/golden_insert_steps.txt}, {@code golden_erase.txt}), so that the two can be
 * compared line by line. Steps the golden lists leave out (the writer's own lookups, the vmacache, the
 * lock of mmap_sem, the PTE zap and unlink_anon_vmas) are filtered.
 */
final class GoldenFormat {
    private GoldenFormat() {
    }

    static final Set<Loc> NOT_IN_GOLDEN = EnumSet.of(Loc.SEM_DOWN_WRITE, Loc.SEM_UP_WRITE, Loc.SEM_DOWN_READ,
            Loc.SEM_UP_READ, Loc.MMAP_ALLOC, Loc.FIND_LINKS_LEFT, Loc.FIND_LINKS_RIGHT, Loc.FIND_LINKS_OVERLAP,
            Loc.VMACACHE_FLUSH, Loc.VMACACHE_VALID, Loc.VMACACHE_SLOT, Loc.VMACACHE_HIT, Loc.VMACACHE_UPDATE,
            Loc.FIND_VMA_ROOT, Loc.FIND_VMA_LEFT, Loc.FIND_VMA_RIGHT, Loc.FIND_VMA_FOUND, Loc.FIND_VMA_RETURN,
            Loc.ZAP, Loc.UNLINK_ANON_VMAS, Loc.UNLINK_ANON_VMAS_NONE, Loc.MERGE_CASE1, Loc.MERGE_CASE2, Loc.MERGE_CASE3,
            Loc.MERGE_CASE4, Loc.MERGE_NONE,
            Loc.BRK_SET);

    /** The golden lines of the steps {@code [from, to]} of {@code t}. */
    static List<String> lines(Trace t, int from, int to) {
        List<String> out = new ArrayList<>();
        TraceCursor c = t.cursor();
        for (int i = from; i <= to; i++) {
            StepRecord s = t.step(i);
            if (NOT_IN_GOLDEN.contains(s.loc())) {
                continue;
            }
            c.seek(i);
            out.add(label(t, c, s));
        }
        return out;
    }

    private static String n(Trace t, int v) {
        return v == NIL ? "None" : t.vmaName(v);
    }

    private static String col(long c) {
        return c == Const.BLACK ? "B" : "R";
    }

    /** The reference model labels both halves of insert case 1 "I1". */
    private static String tag(StepRecord s) {
        if (s.tag() == Tag.I1M) {
            return " [I1]";
        }
        return s.tag() == Tag.NONE || s.tag() == Tag.ROOT ? "" : " [" + s.tag().label() + "]";
    }

    static String label(Trace t, TraceCursor c, StepRecord s) {
        String a = n(t, s.a());
        String b = n(t, s.b());
        String hv = Numbers.hex(s.v());
        switch (s.loc()) {
            case LINK_LIST: {
                int next = (int) s.v();
                return "LIST " + a + " linked (prev=" + b + " next=" + n(t, next) + ")";
            }
            case LINK_RB_HIGHEST:
            case DETACH_HIGHEST:
                return "STORE mm.highest_vm_end=" + hv;
            case LINK_RB_REFCOUNT:
                return "STORE " + a + ".vm_ref_count=1";
            case LINK_WRITE_LOCK:
            case ERASE_WRITE_LOCK:
                return "LOCK write_lock(mm_rb_lock)";
            case LINK_WRITE_UNLOCK:
                return "UNLOCK write_unlock(mm_rb_lock)";
            case ERASE_WRITE_UNLOCK:
                return "UNLOCK write_unlock(mm_rb_lock) /* wmb */";
            case RB_LINK_NODE:
                return "STORE " + a + ".pc=(" + b + ",R),left=right=NULL (rb_link_node)";
            case RB_LINK_ROOT:
                return "STORE root=" + a + " (rb_link_node)";
            case RB_LINK_LEFT:
                return "STORE " + a + ".rb_left=" + b + " (rb_link_node)";
            case RB_LINK_RIGHT:
                return "STORE " + a + ".rb_right=" + b + " (rb_link_node)";
            case LINK_RB_GAP0:
                return "STORE " + a + ".rb_subtree_gap=0";
            case AUG_PROPAGATE:
                return "STORE " + a + ".rb_subtree_gap=" + hv + " (propagate)";
            case AUG_PROPAGATE_STOP:
                return "propagate-stop " + a;
            case AUG_COPY:
                return "STORE " + a + ".rb_subtree_gap=" + hv + " (copy from " + b + ")";
            case AUG_ROTATE_NEW:
                return "STORE " + a + ".rb_subtree_gap=" + hv + " (rotate: take old's)";
            case AUG_ROTATE_OLD:
                return "STORE " + a + ".rb_subtree_gap=" + hv + " (rotate: recompute old)";
            case INS_ROOT_BLACK:
                return "STORE " + a + ".pc=(NULL,B) [root]";
            case RB_ROTATE_SET_NEW:
            case RB_ROTATE_SET_OLD:
                return "STORE " + a + ".pc=(" + b + "," + col(s.v()) + ")";
            case RB_CHANGE_CHILD_LEFT:
                return "STORE " + a + ".rb_left=" + b + changeTag(s);
            case RB_CHANGE_CHILD_RIGHT:
                return "STORE " + a + ".rb_right=" + b + changeTag(s);
            case RB_CHANGE_CHILD_ROOT:
                return "STORE root=" + a + changeTag(s);
            case COL_C2_PARENT_BLACK:
            case COL_C2M_PARENT_BLACK:
                return "STORE " + a + " colour=B" + tag(s);
            case ERASE_C3_CHILD_PARENT:
            case ERASE_LEFT_PARENT:
            case COL_C4_TMP2_PARENT:
            case COL_C4M_TMP2_PARENT:
                return "STORE " + a + ".parent=" + b + tag(s);
            case MAP_COUNT_INC:
            case MAP_COUNT_DEC:
            case INSERT_MAP_COUNT_INC:
            case ADJUST_MAP_COUNT_DEC:
                return "STORE mm.map_count=" + s.v();
            case RB_CLEAR_NODE:
                return "STORE RB_CLEAR_NODE(" + a + ")";
            case DETACH_PREV_NULL:
                return "STORE " + a + ".vm_prev=NULL";
            case DETACH_INSERTION_POINT:
            case DETACH_INSERTION_MMAP:
                return "STORE insertion_point=" + b;
            case DETACH_SURVIVOR_PREV:
                return "STORE " + a + ".vm_prev=" + b;
            case DETACH_TAIL_NEXT:
                return "STORE " + a + ".vm_next=NULL";
            case VMACACHE_INVALIDATE:
                return "STORE mm.vmacache_seqnum=" + s.v() + " (vmacache_invalidate)";
            case UNMAP_SEQ_BEGIN:
                return "SEQ " + a + ".vm_sequence=" + s.v() + " (unmap_page_range begin)";
            case UNMAP_SEQ_END:
                return "SEQ " + a + ".vm_sequence=" + s.v() + " (unmap_page_range end)";
            case FREEPGT_SEQ_BEGIN:
                return "SEQ " + a + ".vm_sequence=" + s.v() + " (free_pgtables begin)";
            case FREEPGT_SEQ_END:
                return "SEQ " + a + ".vm_sequence=" + s.v() + " (free_pgtables end)";
            case PUT_VMA_DEC:
                return "ATOMIC " + site(s) + ": dec " + a + ".vm_ref_count -> " + s.v();
            case FREE_VMA:
                return "FREE " + a + " (by " + site(s) + ")";
            case ADJUST_SEQ_BEGIN:
                return "SEQ " + a + "=" + s.v() + " (vm_raw_write_begin)";
            case ADJUST_SEQ_BEGIN_NEXT:
                return "SEQ " + a + "=" + s.v() + " (vm_raw_write_begin next)";
            case ADJUST_SEQ_END_NEXT:
                return "SEQ " + a + "=" + s.v() + (Recording.words(c).get(Field.VM_PREV, s.a()) != NIL
                        && wasNewNext(t, s) ? " (vm_raw_write_end new next)" : " (vm_raw_write_end next)");
            case ADJUST_SEQ_END:
                return "SEQ " + a + "=" + s.v() + " (vm_raw_write_end)";
            case ADJUST_SEQ_END_REMOVED:
                return "SEQ " + a + "=" + s.v() + " (vm_raw_write_end removed next)";
            case ADJUST_SEQ_BEGIN_NEW_NEXT:
                return "SEQ " + a + "=" + s.v() + " (vm_raw_write_begin new next)";
            case ADJUST_END:
                return "STORE " + a + ".vm_end=" + hv;
            case ADJUST_START:
                return "STORE " + a + ".vm_start=" + hv;
            case ADJUST_ANON_VMA:
                return "STORE " + a + ".anon_vma=" + s.v() + " (importer takes exporter " + b
                        + "'s anon_vma; anon_vma_clone)";
            case FORK_DUP_MM:
                return "STORE child mm := copy of the parent's, emptied (dup_mm, mm_init)";
            case FORK_CHILD_SEM_LOCK:
                return "LOCK down_write_nested(child mmap_sem)";
            case FORK_CHILD_SEM_UNLOCK:
                return "UNLOCK up_write(child mmap_sem)";
            case FORK_CHILD_RB_LOCK:
                return "LOCK write_lock(child mm_rb_lock)";
            case FORK_CHILD_RB_UNLOCK:
                return "UNLOCK write_unlock(child mm_rb_lock)";
            case FORK_COPY:
                return "ALLOC " + a + " = copy of " + b + " (vm_ref_count " + s.v() + ")";
            case FORK_LINK_LIST:
                return "LIST child: " + a + " after " + b;
            case FORK_MAP_COUNT:
                return "STORE child mm.map_count=" + s.v();
            case FORK_COPY_PAGE_RANGE:
                return "PTE copy_page_range(" + b + " -> " + a + ")";
            case MMPUT:
                return "ATOMIC mmput: mm_users -> " + s.v();
            case MMPUT_LAST:
                return "ATOMIC mmput: mm_users -> 0, exit_mmap";
            case EXIT_MMAP_DONE:
                return "DONE exit_mmap";
            case ADJUST_NEXT_START:
                return "STORE " + a + ".vm_start=" + hv + " (adjust_next)";
            case ADJUST_REMOVE_AGAIN:
                return "AGAIN remove_next 2 -> 1: " + a + " grows to " + hv;
            case MPROTECT_SEQ_BEGIN:
                return "SEQ " + a + "=" + s.v() + " (vm_write_begin)";
            case MPROTECT_SEQ_END:
                return "SEQ " + a + "=" + s.v() + " (vm_write_end)";
            case MPROTECT_FLAGS:
                return "STORE " + a + ".vm_flags=" + perms(s.v());
            case MPROTECT_CHANGE_PROT:
                return "PTE change_protection(" + a + ")";
            case MPROTECT_SAME:
                return "CHECK " + a + " has these flags already";
            case MPROTECT_HOLE:
                return "ERROR ENOMEM: hole at " + hv;
            case SPLIT_COPY:
                return "ALLOC " + a + " = copy of " + b + " (vm_ref_count " + s.v() + ")";
            case SPLIT_NEW_END:
                return "STORE " + a + ".vm_end=" + hv + " (split)";
            case SPLIT_NEW_START:
                return "STORE " + a + ".vm_start=" + hv + " (split)";
            case UNLINK_LIST:
                return "LIST unlink " + a + " (prev=" + b + " next=" + n(t, nextOf(t, s)) + ")";
            default:
                break;
        }
        if (s.loc().name().endsWith("_PC") || s.loc() == Loc.INS_C1_UNCLE || s.loc() == Loc.INS_C1_PARENT
                || s.loc() == Loc.INS_C1_GPARENT || s.loc() == Loc.INS_C1M_UNCLE || s.loc() == Loc.INS_C1M_PARENT
                || s.loc() == Loc.INS_C1M_GPARENT) {
            return "STORE " + a + ".pc=(" + b + "," + col(s.v()) + ")" + tag(s);
        }
        if (s.loc().name().contains("_LEFT")) {
            return "STORE " + a + ".rb_left=" + b + tag(s);
        }
        if (s.loc().name().contains("_RIGHT")) {
            return "STORE " + a + ".rb_right=" + b + tag(s);
        }
        return "?? " + s.loc();
    }

    /** In the golden lists a change_child of __rb_rotate_set_parents carries no case label. */
    private static String changeTag(StepRecord s) {
        Tag g = s.tag();
        return g == Tag.E1 || g == Tag.E23 ? tag(s) : "";
    }

    private static String site(StepRecord s) {
        String note = s.note() == null ? "" : s.note();
        if (note.contains("__vma_adjust")) {
            return "__vma_adjust";
        }
        if (note.contains("exit_mmap")) {
            return "exit_mmap/remove_vma";
        }
        return "munmap/remove_vma";
    }

    private static String perms(long f) {
        return ((f & Const.VM_READ) != 0 ? "r" : "-") + ((f & Const.VM_WRITE) != 0 ? "w" : "-")
                + ((f & Const.VM_EXEC) != 0 ? "x" : "-");
    }

    private static boolean wasNewNext(Trace t, StepRecord s) {
        for (int i = s.index() - 1; i >= 1; i--) {
            StepRecord p = t.step(i);
            if (p.thread() != s.thread()) {
                continue;
            }
            if (p.loc() == Loc.ADJUST_SEQ_BEGIN_NEW_NEXT && p.a() == s.a()) {
                return true;
            }
            if (p.loc() == Loc.ADJUST_SEQ_BEGIN) {
                return false;
            }
        }
        return false;
    }

    private static int nextOf(Trace t, StepRecord s) {
        for (int k = s.deltaFrom(); k < s.deltaTo(); k++) {
            Recording.Store st = Recording.store(t, k);
            if (st.field() == Field.VM_NEXT && st.object() == s.b()) {
                return (int) st.newValue();
            }
        }
        return NIL;
    }
}
