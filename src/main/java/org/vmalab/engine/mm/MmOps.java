package org.vmalab.engine.mm;

import static org.vmalab.engine.Const.PAGE_SIZE;
import static org.vmalab.engine.memory.Memory.NIL;
import static org.vmalab.engine.tree.Vm.uge;
import static org.vmalab.engine.tree.Vm.ugt;
import static org.vmalab.engine.tree.Vm.ule;
import static org.vmalab.engine.tree.Vm.ult;

import org.vmalab.engine.Const;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.sched.Actions;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.CorruptTreeException;
import org.vmalab.engine.tree.GapAugment;
import org.vmalab.engine.tree.RbTree;
import org.vmalab.engine.tree.Tag;
import org.vmalab.engine.tree.Vm;

/**
 * A port of the parts of mm/mmap.c (and mm/util.c, mm/vmacache.c) that change or search the VMA set, as
 * they stand in v4.15 with SPF v8 patches 1-17 applied. Writers run these with {@code mmap_sem} held for
 * write, through a {@link Kx}: every store is followed by a step, and steps that depend on other threads go
 * to {@link Kx#dyn}.
 */
public final class MmOps {
    /** Errors the operations return (the kernel's negative errno values, as names). */
    static final long EPERM = -1;
    public static final long ENOMEM = -12;
    static final long EINVAL = -22;

    private MmOps() {
    }

    static boolean isErr(long v) {
        return v < 0 && v > -4096;
    }

    /** The errno name of an error result. */
    static String errorName(long r) {
        return r == ENOMEM ? "ENOMEM" : r == EINVAL ? "EINVAL" : r == EPERM ? "EPERM" : r == EACCES ? "EACCES"
                : "error " + r;
    }

    // ============================================================ vmacache (mm/vmacache.c)

    /** {@code vmacache_find(mm, addr)} for thread {@code t}: valid check, then one step per slot. */
    static int vmacacheFind(Kx k, int t, long addr) {
        long mmSeq = k.mm(Field.VMACACHE_SEQNUM);
        if (k.get(Field.T_VC_SEQ, t) != mmSeq) {
            k.set(Field.T_VC_SEQ, t, mmSeq);
            for (Field f : Field.VC_SLOTS) {
                k.set(f, t, NIL);
            }
            k.step(Loc.VMACACHE_FLUSH, NIL, mmSeq);
            return NIL;
        }
        k.step(Loc.VMACACHE_VALID, NIL, mmSeq);
        for (int i = 0; i < Field.VC_SLOTS.length; i++) {
            int v = (int) k.get(Field.VC_SLOTS[i], t);
            if (v != NIL && Vm.contains(k, v, addr)) {
                k.step(Loc.VMACACHE_HIT, Tag.NONE, v, NIL, i);
                return v;
            }
            k.step(Loc.VMACACHE_SLOT, Tag.NONE, v, NIL, i);
        }
        return NIL;
    }

    /** {@code vmacache_update(addr, vma)}: one store into slot {@code (addr >> 12) & 3}. */
    static void vmacacheUpdate(Kx k, int t, long addr, int v) {
        int slot = (int) ((addr >>> 12) & 3);
        k.set(Field.VC_SLOTS[slot], t, v);
        k.step(Loc.VMACACHE_UPDATE, Tag.NONE, v, NIL, slot);
    }

    /** {@code vmacache_invalidate(mm)}: one store. */
    static void vmacacheInvalidate(Kx k) {
        long s = k.mm(Field.VMACACHE_SEQNUM) + 1;
        k.setMm(Field.VMACACHE_SEQNUM, s);
        k.step(Loc.VMACACHE_INVALIDATE, NIL, s);
    }

    // ============================================================ lookups

    /** {@code __find_vma(mm, addr)}: the tree walk, straight through (one step per node, {@link FindVma}). */
    public static int findVmaTree(Kx k, long addr) {
        return FindVma.walk(k, FindVma.Walker.FIND_VMA, addr);
    }

    /** {@code find_vma(mm, addr)}: vmacache first (when run by a thread), then the walk, then the update. */
    static int findVma(Kx k, long addr) {
        int t = k.thread();
        if (t != NIL) {
            int hit = vmacacheFind(k, t, addr);
            if (hit != NIL) {
                return hit;
            }
        }
        int v = findVmaTree(k, addr);
        if (v != NIL && t != NIL) {
            vmacacheUpdate(k, t, addr, v);
        }
        return v;
    }

    /** Result of {@code find_vma_links}. */
    public record Links(boolean overlap, int prev, int rbParent, boolean leftSide, int overlapping) {
    }

    /**
     * {@code find_vma_links(mm, addr, end, &prev, &rb_link, &rb_parent)}: where a VMA [addr, end) would be
     * linked; fails if a visited node overlaps the range.
     */
    static Links findVmaLinks(Kx k, long addr, long end) {
        int node = Vm.root(k);
        int rbPrev = NIL;
        int rbParent = NIL;
        boolean left = false;
        /* a counted loop (no safepoint poll at each level): a path of more nodes than there are slots is a cycle */
        for (int guard = k.vmaCapacity() + 3; guard > 0; guard--) {
            if (node == NIL) {
                return new Links(false, rbPrev, rbParent, left, NIL);
            }
            rbParent = node;
            if (ugt(Vm.end(k, node), addr)) {
                /* Fail if an existing vma overlaps the area */
                if (ult(Vm.start(k, node), end)) {
                    k.step(Loc.FIND_LINKS_OVERLAP, Tag.NONE, node, NIL, addr);
                    return new Links(true, NIL, NIL, false, node);
                }
                left = true;
                k.step(Loc.FIND_LINKS_LEFT, Tag.NONE, node, Vm.left(k, node), addr);
                node = Vm.left(k, node);
            } else {
                rbPrev = node;
                left = false;
                k.step(Loc.FIND_LINKS_RIGHT, Tag.NONE, node, Vm.right(k, node), addr);
                node = Vm.right(k, node);
            }
        }
        throw new CorruptTreeException("find_vma_links walked in a cycle");
    }

    // ============================================================ linking (3.6)

    /** {@code __vma_link_list(mm, vma, prev, rb_parent)} (mm/util.c): the list stores, one step. */
    static void vmaLinkList(Kx k, int vma, int prev, int rbParent) {
        int next;
        k.setVmPrev(vma, prev);
        if (prev != NIL) {
            next = Vm.next(k, prev);
            k.set(Field.VM_NEXT, prev, vma);
        } else {
            k.setMm(Field.MMAP, vma);
            next = rbParent;
        }
        k.set(Field.VM_NEXT, vma, next);
        if (next != NIL) {
            k.setVmPrev(next, vma);
        }
        k.step(Loc.LINK_LIST, Tag.NONE, vma, prev, next);
    }

    /** {@code vma_gap_update(vma)}: propagate from {@code vma} to the root, with the early stop. */
    static void vmaGapUpdate(Kx k, int vma) {
        GapAugment.INSTANCE.propagate(k, vma, NIL);
    }

    /** {@code __vma_link_rb(mm, vma, rb_link, rb_parent)} with the patch (steps K1-K9). */
    static void vmaLinkRb(Kx k, int vma, int rbParent, boolean leftSide) {
        /* K1: the next VMA's gap shrank; or this is the highest VMA */
        int next = Vm.next(k, vma);
        if (next != NIL) {
            vmaGapUpdate(k, next);
        } else {
            long hi = Vm.vmEndGap(k, vma);
            k.setMm(Field.HIGHEST_VM_END, hi);
            k.step(Loc.LINK_RB_HIGHEST, vma, hi);
        }
        vmaLinkRbRef(k, vma); // K2
        if (k.lock) {
            /* K3 (a no-op when running straight through); fork links into the child's tree under the child's lock */
            k.dyn(k.inChild() ? new Actions.ChildLock(true, true) : Actions.WriteLockRb.LINK);
        }
        k.group(Loc.RB_LINK_NODE, vma);
        RbTree.linkNode(k, vma, rbParent, leftSide); // K4
        k.setRbSubtreeGap(vma, 0);
        k.step(Loc.LINK_RB_GAP0, vma, 0); // K5
        k.endGroup();
        vmaGapUpdate(k, vma); // K6
        if (!k.inChild()) {
            k.validateMmRb(NIL); // K7: vma_rb_insert (the checker's checkpoint walks the process's tree)
        }
        RbTree.insert(k, vma, GapAugment.INSTANCE); // K8
        if (k.lock) {
            k.dyn(k.inChild() ? new Actions.ChildLock(true, false) : Actions.WriteUnlockRb.LINK); // K9
        }
    }

    /** K2 of {@code __vma_link_rb}: the mm's reference to the VMA. */
    private static void vmaLinkRbRef(Kx k, int vma) {
        if (!k.prePatch) {
            /* the mm's reference (atomic_set); under NO_REFCOUNT the count exists but readers skip it */
            k.set(Field.REF_COUNT, vma, 1);
            k.set(Field.LIFE, vma, k.get(Field.LIFE, vma) | Life.OWNED);
            k.step(Loc.LINK_RB_REFCOUNT, vma, 1);
        } else {
            k.set(Field.LIFE, vma, k.get(Field.LIFE, vma) | Life.OWNED);
        }
    }

    /**
     * A scenario's initial layout linked VMA by VMA, as {@link #insertVmStruct} links it, when each VMA lies above
     * every VMA linked before it (an imported maps file, most layouts): then {@code find_vma_links} would walk the
     * right spine to the rightmost node every time, the new VMA is its right child and its {@code vm_next}, and
     * nothing after it has a gap to update. So the walk is skipped (the rightmost node is kept, as the kernel's
     * cached rbtree keeps its leftmost), the insertion is rebalanced with {@code dummy_callbacks}, and every
     * {@code rb_subtree_gap} is computed once, in one postorder pass at the end ({@link #finish}), instead of
     * propagated towards the root at each insertion. The memory it leaves is the same, word for word, as
     * {@code insert_vm_struct} one VMA at a time (the tree's shape and colours come from the same rebalancing; a
     * propagated gap is by construction the one the pass computes). Only in a {@link FastKx} before anything is
     * recorded: it has no steps of its own. A VMA that does not fit is linked by {@code insert_vm_struct}, after
     * {@link #finish}.
     */
    public static final class LayoutLink {
        private final FastKx k;
        /** The rightmost node: the last VMA linked. */
        private int last = NIL;
        private long maxEnd;
        private boolean linked;

        public LayoutLink(FastKx k) {
            this.k = k;
        }

        /** Does {@code vma} lie at or above the end of every VMA linked so far (unsigned)? */
        public boolean fits(int vma) {
            return !linked || uge(Vm.start(k, vma), maxEnd);
        }

        /** {@code vma_link(mm, vma, last, &last->vm_rb.rb_right, last)} for a VMA that {@link #fits}. */
        public void link(int vma) {
            if (!fits(vma)) {
                throw new IllegalArgumentException(k.name(vma) + " is not above the VMAs linked before it");
            }
            vmaLinkList(k, vma, last, last);
            /* __vma_link_rb: K1, vma has no vm_next */
            k.setMm(Field.HIGHEST_VM_END, Vm.vmEndGap(k, vma));
            vmaLinkRbRef(k, vma);
            RbTree.linkNode(k, vma, last, false); // K4
            k.setRbSubtreeGap(vma, 0); // K5
            /* K6 deferred to finish() */
            RbTree.insertUnaugmented(k, vma); // K8
            k.setMm(Field.MAP_COUNT, k.mm(Field.MAP_COUNT) + 1);
            if (!linked || ugt(Vm.end(k, vma), maxEnd)) {
                maxEnd = Vm.end(k, vma);
            }
            linked = true;
            last = vma;
        }

        /** Every {@code rb_subtree_gap}, once: the tree is then as {@code insert_vm_struct} leaves it. */
        public void finish() {
            GapAugment.INSTANCE.computeAll(k);
        }
    }

    /** {@code vma_link(mm, vma, prev, rb_link, rb_parent)}: list, tree, {@code map_count++}. */
    static void vmaLink(Kx k, int vma, Links l) {
        vmaLinkList(k, vma, l.prev(), l.rbParent());
        vmaLinkRb(k, vma, l.rbParent(), l.leftSide());
        long c = k.mm(Field.MAP_COUNT) + 1;
        k.setMm(Field.MAP_COUNT, c);
        k.step(Loc.MAP_COUNT_INC, NIL, c);
    }

    /**
     * {@code insert_vm_struct(mm, vma)}: find the insertion point (ENOMEM on overlap), then {@code vma_link}.
     * What exec uses for the stack; the model's {@code map} operation and the shell's {@code map} command.
     */
    public static long insertVmStruct(Kx k, int vma) {
        Links l = findVmaLinks(k, Vm.start(k, vma), Vm.end(k, vma));
        if (l.overlap()) {
            return ENOMEM;
        }
        vmaLink(k, vma, l);
        return 0;
    }

    /** {@code __insert_vm_struct(mm, vma)}: used by split; the range is known to be free. */
    static void insertVmStructLocked(Kx k, int vma) {
        Links l = findVmaLinks(k, Vm.start(k, vma), Vm.end(k, vma));
        if (l.overlap()) {
            /* the kernel BUG()s: the range was free on a sound tree */
            throw new CorruptTreeException("__insert_vm_struct: range of " + k.name(vma) + " is not free");
        }
        vmaLinkList(k, vma, l.prev(), l.rbParent());
        vmaLinkRb(k, vma, l.rbParent(), l.leftSide());
        long c = k.mm(Field.MAP_COUNT) + 1;
        k.setMm(Field.MAP_COUNT, c);
        k.step(Loc.INSERT_MAP_COUNT_INC, NIL, c);
    }

    /** Allocates a zeroed VMA ({@code kmem_cache_zalloc}); not a step of its own. */
    public static int allocVma(Kx k, String name, long start, long end, long flags, boolean hasOps, long anonVma) {
        int id = k.reusedSlot();
        if (id == NIL) {
            id = k.allocSlot();
        }
        k.setName(id, name);
        k.set(Field.LIFE, id, Life.ALLOCATED);
        k.setVmStart(id, start);
        k.setVmEnd(id, end);
        k.setVmFlags(id, flags);
        k.set(Field.HAS_OPS, id, hasOps ? 1 : 0);
        k.set(Field.ANON_VMA, id, anonVma);
        if (!hasOps) {
            /*
             * an anonymous VMA's vm_pgoff is its start page: insert_vm_struct sets it so, and do_mmap and
             * do_brk_flags pass addr >> PAGE_SHIFT (expand_downwards lowers it as the stack grows)
             */
            k.set(Field.VM_PGOFF, id, start >>> 12);
        }
        return id;
    }

    // ============================================================ erasing (3.7)

    /**
     * {@code vma_rb_erase_ignore(vma, mm, ignore)} = {@code validate_mm_rb(root, ignore)} and
     * {@code __vma_rb_erase(vma, mm)} with the patch: X1 write_lock, X2 rb_erase_augmented, X3 write_unlock
     * (the wmb), X4 RB_CLEAR_NODE.
     */
    static void vmaRbErase(Kx k, int vma, int ignore) {
        k.validateMmRb(ignore);
        if (k.lock) {
            k.dyn(Actions.WriteLockRb.ERASE); // X1 (a no-op when running straight through)
        }
        if (k.clearBeforeErase) {
            rbClearNode(k, vma, Loc.RB_CLEAR_NODE_EARLY);
        }
        RbTree.eraseAugmented(k, vma, GapAugment.INSTANCE); // X2
        if (k.lock) {
            k.dyn(Actions.WriteUnlockRb.ERASE); // X3
        }
        if (k.clearNode && !k.clearBeforeErase) {
            rbClearNode(k, vma, Loc.RB_CLEAR_NODE); // X4
        }
    }

    /** {@code RB_CLEAR_NODE(&vma->vm_rb)}: one store of the whole word, the node becomes its own parent. */
    static void rbClearNode(Kx k, int vma, Loc loc) {
        k.setRbParentColor(vma, Vm.pc(vma, Const.RED));
        k.step(loc, vma);
    }

    /**
     * {@code __vma_unlink_common(mm, vma, prev, has_prev, ignore)}: erase from the tree, unlink from the list
     * (one step), invalidate the vmacaches.
     */
    public static void vmaUnlinkCommon(Kx k, int vma, int prev, boolean hasPrev, int ignore) {
        vmaRbErase(k, vma, ignore);
        int next = Vm.next(k, vma);
        if (hasPrev) {
            k.set(Field.VM_NEXT, prev, next);
        } else {
            prev = Vm.prev(k, vma);
            if (prev != NIL) {
                k.set(Field.VM_NEXT, prev, next);
            } else {
                k.setMm(Field.MMAP, next);
            }
        }
        if (next != NIL) {
            k.setVmPrev(next, prev);
        }
        k.step(Loc.UNLINK_LIST, Tag.NONE, vma, prev, next);
        vmacacheInvalidate(k);
    }

    // ============================================================ munmap (3.10)

    /**
     * {@code do_munmap(mm, start, len)}: 0 on success (also when nothing was mapped), EINVAL for a bad
     * range.
     */
    public static long doMunmap(Kx k, long start, long len) {
        if ((start & (PAGE_SIZE - 1)) != 0 || ugt(start, Const.TASK_SIZE) || ugt(len, Const.TASK_SIZE - start)) {
            return EINVAL;
        }
        len = Const.pageAlign(len);
        if (len == 0) {
            return EINVAL;
        }
        /* Find the first overlapping VMA */
        int vma = findVma(k, start);
        if (vma == NIL) {
            return 0;
        }
        int prev = Vm.prev(k, vma);
        long end = start + len;
        /* if it doesn't overlap, we have nothing.. */
        if (uge(Vm.start(k, vma), end)) {
            return 0;
        }
        if (ugt(start, Vm.start(k, vma))) {
            if (ult(end, Vm.end(k, vma)) && k.mm(Field.MAP_COUNT) >= k.mm(Field.MAX_MAP_COUNT)) {
                return ENOMEM;
            }
            splitVma(k, vma, start, false);
            prev = vma;
        }
        /* Does it split the last one? */
        int last = findVma(k, end);
        if (last != NIL && ugt(end, Vm.start(k, last))) {
            splitVma(k, last, end, true);
        }
        vma = prev != NIL ? Vm.next(k, prev) : (int) k.mm(Field.MMAP);
        detachVmasToBeUnmapped(k, vma, prev, end);
        unmapRegion(k, vma);
        removeVmaList(k, vma);
        return 0;
    }

    /** {@code detach_vmas_to_be_unmapped(mm, vma, prev, end)}: steps D1-D6. */
    static void detachVmasToBeUnmapped(Kx k, int vma, int prev, long end) {
        if (vma == NIL) {
            /* prev->vm_next is NULL although find_vma found a VMA after prev: the kernel oopses here */
            throw new CorruptTreeException("detach_vmas_to_be_unmapped found no VMA after " + k.name(prev));
        }
        k.setVmPrev(vma, NIL);
        k.step(Loc.DETACH_PREV_NULL, vma); // D1
        int tail;
        do {
            vmaRbErase(k, vma, vma); // D2: vma_rb_erase(vma, mm)
            long c = k.mm(Field.MAP_COUNT) - 1;
            k.setMm(Field.MAP_COUNT, c);
            k.step(Loc.MAP_COUNT_DEC, vma, c);
            tail = vma;
            vma = Vm.next(k, vma);
        } while (vma != NIL && ult(Vm.start(k, vma), end));
        if (prev != NIL) {
            k.set(Field.VM_NEXT, prev, vma);
        } else {
            k.setMm(Field.MMAP, vma);
        }
        k.step(prev != NIL ? Loc.DETACH_INSERTION_POINT : Loc.DETACH_INSERTION_MMAP, Tag.NONE, prev, vma, 0); // D3
        if (vma != NIL) {
            k.setVmPrev(vma, prev);
            k.step(Loc.DETACH_SURVIVOR_PREV, Tag.NONE, vma, prev, 0); // D4
            vmaGapUpdate(k, vma);
        } else {
            long hi = prev != NIL ? Vm.vmEndGap(k, prev) : 0;
            k.setMm(Field.HIGHEST_VM_END, hi);
            k.step(Loc.DETACH_HIGHEST, prev, hi);
        }
        k.set(Field.VM_NEXT, tail, NIL);
        k.step(Loc.DETACH_TAIL_NEXT, tail); // D5
        vmacacheInvalidate(k); // D6
    }

    /**
     * {@code unmap_region()}: {@code unmap_vmas} zaps each victim inside vm_write_begin/end (+2), then
     * {@code free_pgtables} unlinks its anon_vma chain inside vm_write_begin/end (+2).
     */
    static void unmapRegion(Kx k, int first) {
        boolean seq = k.seqcount;
        for (int v = first; v != NIL; v = Vm.next(k, v)) {
            if (seq) {
                seqBegin(k, v, Loc.UNMAP_SEQ_BEGIN);
            }
            k.dyn(new Actions.Zap(v));
            if (seq) {
                seqEnd(k, v, Loc.UNMAP_SEQ_END);
            }
        }
        for (int v = first; v != NIL; v = Vm.next(k, v)) {
            if (seq) {
                seqBegin(k, v, Loc.FREEPGT_SEQ_BEGIN);
            }
            if (k.get(Field.ANON_VMA, v) != 0) {
                k.set(Field.LIFE, v, k.get(Field.LIFE, v) | Life.ANON_UNLINKED);
                k.step(Loc.UNLINK_ANON_VMAS, v);
            } else {
                k.step(Loc.UNLINK_ANON_VMAS_NONE, v);
            }
            if (seq) {
                seqEnd(k, v, Loc.FREEPGT_SEQ_END);
            }
        }
    }

    /** {@code remove_vma_list()}: {@code remove_vma} on each victim, which drops the owner reference. */
    static void removeVmaList(Kx k, int first) {
        int v = first;
        while (v != NIL) {
            int next = Vm.next(k, v);
            k.dyn(new Actions.PutVma(v, Actions.PutSite.REMOVE_VMA));
            v = next;
        }
    }

    /** {@code vm_write_begin(vma)} / {@code vm_raw_write_begin}: sequence becomes odd. */
    static void seqBegin(Kx k, int v, Loc loc) {
        long s = k.get(Field.SEQUENCE, v) + 1;
        k.set(Field.SEQUENCE, v, s);
        k.step(loc, v, s);
    }

    /** {@code vm_write_end(vma)}: sequence becomes even again. */
    static void seqEnd(Kx k, int v, Loc loc) {
        long s = k.get(Field.SEQUENCE, v) + 1;
        k.set(Field.SEQUENCE, v, s);
        k.step(loc, v, s);
    }

    // ============================================================ split, adjust, merge (3.11)

    /** {@code __split_vma(mm, vma, addr, new_below)}. */
    static void splitVma(Kx k, int vma, long addr, boolean newBelow) {
        int nu = (int) k.get(Field.NR_ALLOC, 0);
        /*
         * most fields are the same, copy all, and then fixup: the copy is taken when its step runs (a dynamic
         * step), so that it holds the vm_ref_count of that moment, readers' references included (SEMANTICS 1.2)
         */
        k.dyn(new Actions.SplitCopy(nu, vma, uniqueName(k, k.name(vma) + "'")));
        long pgoff = k.get(Field.VM_PGOFF, vma);
        if (newBelow) {
            k.setVmEnd(nu, addr);
            k.step(Loc.SPLIT_NEW_END, nu, addr);
            vmaAdjust(k, vma, addr, Vm.end(k, vma), pgoff + ((addr - Vm.start(k, nu)) >>> 12), nu, NIL);
        } else {
            k.setVmStart(nu, addr);
            k.set(Field.VM_PGOFF, nu, pgoff + ((addr - Vm.start(k, vma)) >>> 12));
            k.step(Loc.SPLIT_NEW_START, nu, addr);
            vmaAdjust(k, vma, Vm.start(k, vma), addr, pgoff, nu, NIL);
        }
    }

    /**
     * A name no live VMA has (model only): {@code base}, with a prime added while it clashes, so that the two
     * halves of a split, or two mappings of one name, can be told apart. Depends on the state alone.
     */
    private static String uniqueName(StateView m, String base) {
        String n = base;
        while (liveVmaNamed(m, n)) {
            n = n + "'";
        }
        return n;
    }

    private static boolean liveVmaNamed(StateView m, String name) {
        long w = Memory.nameWord(name);
        int alloc = Vm.allocated(m);
        for (int i = 0; i < alloc; i++) {
            if (m.get(Field.NAME, i) == w && (m.get(Field.LIFE, i) & Life.ALLOCATED) != 0 && !Vm.isFreed(m, i)
                    && m.name(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code __vma_adjust(vma, start, end, pgoff, insert, expand)} with the SPF v8 additions (A0-A6): a split
     * ({@code insert}), a merge that removes the next VMA ({@code remove_next} 1, 2 for mprotect case 6 where a
     * second next goes too, 3 for case 8 where {@code vma} and {@code next} are swapped and the first is removed), a
     * boundary moved between two VMAs ({@code adjust_next}: mprotect cases 4 and 5), and plain start or end changes
     * (vma_merge cases 2 and 3, brk). The removed VMA gets {@code put_vma}: the patch's change, so that a reader
     * holding it keeps it alive.
     */
    static void vmaAdjust(Kx k, int vma, long start, long end, long pgoff, int insert, int expand) {
        boolean seq = k.seqcount;
        int next = Vm.next(k, vma);
        int removeNext = 0;
        long adjustNext = 0;
        if (seq) {
            seqBegin(k, vma, Loc.ADJUST_SEQ_BEGIN); // A0
            if (next != NIL) {
                seqBegin(k, next, Loc.ADJUST_SEQ_BEGIN_NEXT);
            }
        }
        if (next != NIL && insert == NIL) { // A1
            int exporter = NIL;
            int importer = NIL;
            if (uge(end, Vm.end(k, next))) {
                /*
                 * vma expands, overlapping all the next, and perhaps the one after too (mprotect case 6). The only
                 * other cases that gets here are case 1, case 7 and case 8.
                 */
                if (next == expand) {
                    /* the only case where we don't expand "vma" and we expand "next" instead is case 8 */
                    removeNext = 3;
                    int t = vma;
                    vma = next;
                    next = t;
                } else {
                    /* case 1, 6, 7: remove_next == 2 is case 6, remove_next == 1 is case 1 or 7 */
                    removeNext = ugt(end, Vm.end(k, next)) ? 2 : 1;
                    /* trim end to next, for case 6 first pass */
                    end = Vm.end(k, next);
                }
                exporter = next;
                importer = vma;
                /* If next doesn't have anon_vma, import from vma after next, if the vma overlaps with it. */
                if (removeNext == 2 && k.get(Field.ANON_VMA, next) == 0) {
                    exporter = Vm.next(k, next);
                }
            } else if (ugt(end, Vm.start(k, next))) {
                /* vma expands, overlapping part of the next: mprotect case 5 shifting the boundary up */
                adjustNext = (end - Vm.start(k, next)) >>> 12;
                exporter = next;
                importer = vma;
            } else if (ult(end, Vm.end(k, vma))) {
                /* vma shrinks, and !insert tells it's not split_vma inserting another: mprotect case 4 */
                adjustNext = -((Vm.end(k, vma) - end) >>> 12);
                exporter = vma;
                importer = next;
            }
            /* when mprotect shifts the boundary, the expanding vma gets the shrinking one's anon_vma */
            if (exporter != NIL && k.get(Field.ANON_VMA, exporter) != 0 && k.get(Field.ANON_VMA, importer) == 0) {
                long av = k.get(Field.ANON_VMA, exporter);
                k.set(Field.ANON_VMA, importer, av);
                k.step(Loc.ADJUST_ANON_VMA, Tag.NONE, importer, exporter, av);
            }
        }
        while (true) { // again:
            boolean startChanged = false;
            boolean endChanged = false;
            if (pgoff != k.get(Field.VM_PGOFF, vma) && (start != Vm.start(k, vma) || end != Vm.end(k, vma))) {
                k.set(Field.VM_PGOFF, vma, pgoff); // part of the bound store that follows
            }
            if (start != Vm.start(k, vma)) { // A3: in place, no mm_rb_lock
                k.setVmStart(vma, start);
                k.step(Loc.ADJUST_START, vma, start);
                startChanged = true;
            }
            if (end != Vm.end(k, vma)) {
                k.setVmEnd(vma, end);
                k.step(Loc.ADJUST_END, vma, end);
                endChanged = true;
            }
            if (adjustNext != 0) {
                long ns = Vm.start(k, next) + (adjustNext << 12);
                k.setVmStart(next, ns);
                k.set(Field.VM_PGOFF, next, k.get(Field.VM_PGOFF, next) + adjustNext);
                k.step(Loc.ADJUST_NEXT_START, next, ns);
            }
            if (removeNext != 0) { // A4
                if (removeNext != 3) {
                    vmaUnlinkCommon(k, next, vma, true, next); // __vma_unlink_prev(mm, next, vma)
                } else {
                    /* vma is not before next if they've been swapped: ignore the pre-swap next (vma) */
                    vmaUnlinkCommon(k, next, NIL, false, vma);
                }
            } else if (insert != NIL) {
                insertVmStructLocked(k, insert);
            } else {
                if (startChanged) {
                    vmaGapUpdate(k, vma);
                }
                if (endChanged) {
                    if (next == NIL) {
                        long hi = Vm.vmEndGap(k, vma);
                        k.setMm(Field.HIGHEST_VM_END, hi);
                        k.step(Loc.ADJUST_HIGHEST, vma, hi);
                    } else if (adjustNext == 0) {
                        vmaGapUpdate(k, next);
                    }
                }
            }
            if (removeNext == 0) {
                break;
            }
            /* A5 */
            long c = k.mm(Field.MAP_COUNT) - 1;
            k.setMm(Field.MAP_COUNT, c);
            k.step(Loc.ADJUST_MAP_COUNT_DEC, next, c);
            if (seq) {
                seqEnd(k, next, Loc.ADJUST_SEQ_END_REMOVED);
            }
            /* the patch: put_vma(next), where v4.15 freed it (kmem_cache_free): a reader may hold it */
            k.dyn(new Actions.PutVma(next, Actions.PutSite.VMA_ADJUST));
            if (removeNext != 3) {
                /* "next" was removed and vma->vm_end expanded over it: the new next's gap must be updated */
                next = Vm.next(k, vma);
                if (next != NIL && seq) {
                    seqBegin(k, next, Loc.ADJUST_SEQ_BEGIN_NEW_NEXT);
                }
            } else {
                /* case 8: "vma" (pre-swap next) was expanded down over the removed one */
                next = vma;
            }
            if (removeNext == 2) {
                /* mprotect case 6: the VMA after next goes too, in a second pass */
                removeNext = 1;
                if (next == NIL) {
                    /* case 6 removes the VMA after next, which a sound list has: the kernel dereferences it */
                    throw new CorruptTreeException("vma_adjust found no VMA after " + k.name(vma) + " to remove");
                }
                end = Vm.end(k, next);
                k.step(Loc.ADJUST_REMOVE_AGAIN, vma, end);
                continue;
            }
            if (next != NIL) {
                vmaGapUpdate(k, next);
            }
            break;
        }
        if (seq) { // A6
            if (next != NIL && next != vma) {
                seqEnd(k, next, Loc.ADJUST_SEQ_END_NEXT);
            }
            seqEnd(k, vma, Loc.ADJUST_SEQ_END);
        }
    }

    /** The model's mergeability predicate (SEMANTICS 3.8): anonymous, same flags, compatible anon_vmas. */
    static boolean mergeable(StateView m, int v, long flags, boolean hasOps) {
        return !hasOps && m.get(Field.HAS_OPS, v) == 0 && m.get(Field.VM_FLAGS, v) == flags;
    }

    /** {@code is_mergeable_anon_vma(a, b)}: either is NULL, or both are the same. */
    static boolean mergeableAnon(long a, long b) {
        return a == 0 || b == 0 || a == b;
    }

    /**
     * {@code vma_merge(mm, prev, addr, end, vm_flags, anon_vma, ...)}, all eight cases of the kernel comment. For
     * mmap and brk [addr, end) is a hole (cases 1, 2, 3); for mprotect it is already mapped, within one VMA
     * ({@code area}), and the flags are about to change (cases 4 to 8). Returns the VMA that now covers the range,
     * or NIL. The step carries the case number.
     */
    static int vmaMerge(Kx k, int prev, long addr, long end, long flags, boolean hasOps, long anonVma) {
        long pglen = (end - addr) >>> 12;
        int next = prev != NIL ? Vm.next(k, prev) : (int) k.mm(Field.MMAP);
        int area = next;
        boolean mapped = area != NIL && Vm.end(k, area) == end;
        if (mapped) {
            /* cases 6, 7, 8 */
            next = Vm.next(k, next);
        }
        /* Can it merge with the predecessor? */
        if (prev != NIL && Vm.end(k, prev) == addr && mergeable(k, prev, flags, hasOps)
                && mergeableAnon(anonVma, k.get(Field.ANON_VMA, prev))) {
            /* OK, it can. Can we now merge in the successor as well? */
            if (next != NIL && end == Vm.start(k, next) && mergeable(k, next, flags, hasOps)
                    && mergeableAnon(anonVma, k.get(Field.ANON_VMA, next))
                    && mergeableAnon(k.get(Field.ANON_VMA, prev), k.get(Field.ANON_VMA, next))) {
                /* cases 1, 6 */
                k.step(Loc.MERGE_CASE1, Tag.NONE, prev, next, mapped ? 6 : 1);
                vmaAdjust(k, prev, Vm.start(k, prev), Vm.end(k, next), k.get(Field.VM_PGOFF, prev), NIL, prev);
            } else {
                /* cases 2, 5, 7 */
                k.step(Loc.MERGE_CASE2, Tag.NONE, prev, next, mapped ? 7 : area != NIL && ult(Vm.start(k, area), end)
                        ? 5 : 2);
                vmaAdjust(k, prev, Vm.start(k, prev), end, k.get(Field.VM_PGOFF, prev), NIL, prev);
            }
            return prev;
        }
        /* Can this new request be merged in front of next? */
        if (next != NIL && end == Vm.start(k, next) && mergeable(k, next, flags, hasOps)
                && mergeableAnon(anonVma, k.get(Field.ANON_VMA, next))) {
            if (prev != NIL && ult(addr, Vm.end(k, prev))) {
                /* case 4 */
                k.step(Loc.MERGE_CASE4, Tag.NONE, prev, next, 4);
                vmaAdjust(k, prev, Vm.start(k, prev), addr, k.get(Field.VM_PGOFF, prev), NIL, next);
            } else {
                /* cases 3, 8: in case 3 area is already equal to next and this is a noop */
                k.step(Loc.MERGE_CASE3, Tag.NONE, next, area, mapped ? 8 : 3);
                vmaAdjust(k, area, addr, Vm.end(k, next), k.get(Field.VM_PGOFF, next) - pglen, NIL, next);
                area = next;
            }
            return area;
        }
        k.step(Loc.MERGE_NONE, Tag.NONE, prev, next, 0);
        return NIL;
    }

    // ============================================================ mprotect (mm/mprotect.c)

    /** {@code -EACCES}. */
    static final long EACCES = -13;

    /**
     * {@code do_mprotect_pkey(start, len, prot, -1)} (mm/mprotect.c), after {@code down_write(mmap_sem)}: each VMA of
     * [start, start + len) goes through {@code mprotect_fixup}; a hole in the range is ENOMEM. {@code prot} is
     * VM_READ, VM_WRITE and VM_EXEC bits; every modelled VMA may take any of them (VM_MAY* all set, as for private
     * mappings), so EACCES does not arise.
     */
    static long doMprotect(Kx k, long start, long len, long prot) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        len = Const.pageAlign(len);
        long end = start + len;
        if (ule(end, start)) {
            return ENOMEM;
        }
        int vma = findVma(k, start);
        if (vma == NIL || ugt(Vm.start(k, vma), start)) {
            k.step(Loc.MPROTECT_HOLE, vma, start);
            return ENOMEM;
        }
        int prev = Vm.prev(k, vma);
        if (ugt(start, Vm.start(k, vma))) {
            prev = vma;
        }
        long mask = Const.VM_READ | Const.VM_WRITE | Const.VM_EXEC;
        for (long nstart = start;;) {
            /* Here we know that vma->vm_start <= nstart < vma->vm_end. */
            long newflags = prot | (k.vmFlags(vma) & ~mask);
            long tmp = Vm.end(k, vma);
            if (ugt(tmp, end)) {
                tmp = end;
            }
            long[] r = mprotectFixup(k, vma, prev, nstart, tmp, newflags);
            if (isErr(r[0])) {
                return r[0];
            }
            prev = (int) r[1];
            nstart = tmp;
            if (ult(nstart, Vm.end(k, prev))) {
                nstart = Vm.end(k, prev);
            }
            if (uge(nstart, end)) {
                return 0;
            }
            vma = Vm.next(k, prev);
            if (vma == NIL || Vm.start(k, vma) != nstart) {
                k.step(Loc.MPROTECT_HOLE, vma, nstart);
                return ENOMEM;
            }
        }
    }

    /**
     * {@code mprotect_fixup(vma, &prev, start, end, newflags)}: nothing to do if the flags are the same; else try
     * {@code vma_merge} with the neighbours (cases 4 to 8), else split off the parts outside [start, end); then the
     * new flags and {@code change_protection} inside {@code vm_write_begin}/{@code vm_write_end} (SPF v8).
     * Returns {error or 0, the new *pprev}.
     */
    static long[] mprotectFixup(Kx k, int vma, int prev, long start, long end, long newflags) {
        if (newflags == k.vmFlags(vma)) {
            k.step(Loc.MPROTECT_SAME, vma, newflags);
            return new long[] {0, vma};
        }
        /*
         * First try to merge with previous and/or next vma (the kernel also passes the pgoff of start; for the
         * model's anonymous VMAs, whose vm_pgoff is their start page, it always lines up)
         */
        int merged = vmaMerge(k, prev, start, end, newflags, k.get(Field.HAS_OPS, vma) != 0,
                k.get(Field.ANON_VMA, vma));
        if (merged != NIL) {
            vma = merged;
            prev = merged;
        } else {
            prev = vma;
            if (start != Vm.start(k, vma)) {
                if (k.mm(Field.MAP_COUNT) >= k.mm(Field.MAX_MAP_COUNT)) {
                    return new long[] {ENOMEM, prev};
                }
                splitVma(k, vma, start, true);
            }
            if (end != Vm.end(k, vma)) {
                if (k.mm(Field.MAP_COUNT) >= k.mm(Field.MAX_MAP_COUNT)) {
                    return new long[] {ENOMEM, prev};
                }
                splitVma(k, vma, end, false);
            }
        }
        /* success: vm_flags and vm_page_prot are protected by the mmap_sem held in write mode */
        if (k.seqcount) {
            seqBegin(k, vma, Loc.MPROTECT_SEQ_BEGIN);
        }
        k.setVmFlags(vma, newflags);
        k.step(Loc.MPROTECT_FLAGS, vma, newflags);
        k.step(Loc.MPROTECT_CHANGE_PROT, Tag.NONE, vma, NIL, start);
        if (k.seqcount) {
            seqEnd(k, vma, Loc.MPROTECT_SEQ_END);
        }
        return new long[] {0, prev};
    }

    // ============================================================ mmap (3.8, 3.9)

    /** Arguments of an mmap call, in the model's terms. */
    public record MmapArgs(String name, long addr, long len, long flags, boolean hasOps, boolean fixed,
                           boolean bottomUp) {
    }

    /** {@code do_mmap} + {@code mmap_region}: returns the address or an error. */
    static long doMmap(Kx k, MmapArgs a) {
        if (a.len() == 0) {
            return EINVAL;
        }
        long hint = a.fixed() ? a.addr() : roundHintToMin(a.addr());
        /* Careful about overflows.. */
        long len = Const.pageAlign(a.len());
        if (len == 0) {
            return ENOMEM;
        }
        /* Too many mappings? */
        if (k.mm(Field.MAP_COUNT) > k.mm(Field.MAX_MAP_COUNT)) {
            return ENOMEM;
        }
        long addr = getUnmappedArea(k, hint, len, a.fixed(), a.bottomUp());
        if (isErr(addr)) {
            return addr;
        }
        return mmapRegion(k, a.name(), addr, len, a.flags(), a.hasOps());
    }

    /** {@code mmap_region()}: clear old maps (MAP_FIXED), try vma_merge, else allocate and vma_link. */
    static long mmapRegion(Kx k, String name, long addr, long len, long flags, boolean hasOps) {
        Links l = findVmaLinks(k, addr, addr + len);
        int guard = 0;
        while (l.overlap()) {
            if (isErr(doMunmap(k, addr, len)) || ++guard > 4) {
                return ENOMEM;
            }
            l = findVmaLinks(k, addr, addr + len);
        }
        int merged = vmaMerge(k, l.prev(), addr, addr + len, flags, hasOps, 0);
        if (merged != NIL) {
            return addr;
        }
        int vma = allocVma(k, uniqueName(k, name), addr, addr + len, flags, hasOps, 0);
        k.step(Loc.MMAP_ALLOC, Tag.NONE, vma, NIL, addr);
        vmaLink(k, vma, l);
        return addr;
    }

    /**
     * {@code round_hint_to_min(hint)} (mm/mmap.c, do_mmap without MAP_FIXED): the hint is rounded down to a page,
     * and a hint below {@code mmap_min_addr} is raised to it.
     */
    static long roundHintToMin(long hint) {
        hint &= Const.PAGE_MASK;
        if (hint != 0 && ult(hint, Const.MMAP_MIN_ADDR)) {
            return Const.pageAlign(Const.MMAP_MIN_ADDR);
        }
        return hint;
    }

    /**
     * {@code get_unmapped_area()} with x86-64's {@code arch_get_unmapped_area[_topdown]}: MAP_FIXED returns the
     * address; a hint is taken if {@code mmap_address_hint_valid} and free up to the next VMA's start gap; otherwise
     * {@code unmapped_area_topdown} below mmap_base, falling back to bottom-up from TASK_UNMAPPED_BASE (or
     * bottom-up only, for the legacy layout). Then the generic checks: inside TASK_SIZE (ENOMEM), page aligned
     * (EINVAL), not below mmap_min_addr ({@code security_mmap_addr}: EPERM for an unprivileged process).
     */
    static long getUnmappedArea(Kx k, long hint, long len, boolean fixed, boolean bottomUp) {
        /* requested length too big for entire address space */
        if (ugt(len, Const.TASK_SIZE)) {
            return ENOMEM;
        }
        long addr = hint;
        if (!fixed) {
            addr = unmappedForHint(k, hint, len, bottomUp);
            if (isErr(addr)) {
                return addr;
            }
        }
        if (ugt(addr, Const.TASK_SIZE - len)) {
            return ENOMEM;
        }
        if ((addr & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        return ult(addr, Const.MMAP_MIN_ADDR) ? EPERM : addr;
    }

    /** The x86-64 arch part of {@code get_unmapped_area} for a mapping without MAP_FIXED. */
    private static long unmappedForHint(Kx k, long hint, long len, boolean bottomUp) {
        /* requesting a specific address */
        if (hint != 0) {
            long addr = hint & Const.PAGE_MASK;
            /* mmap_address_hint_valid(): the whole range below TASK_SIZE (one 47-bit map window) */
            if (ule(addr, Const.TASK_SIZE - len)) {
                int vma = findVma(k, addr);
                if (vma == NIL || ule(addr + len, Vm.vmStartGap(k, vma))) {
                    k.step(Loc.GUA_HINT_OK, vma, addr);
                    return addr;
                }
            }
        }
        long r;
        if (!bottomUp) {
            r = unmappedAreaTopdown(k, len, PAGE_SIZE, k.mm(Field.MMAP_BASE), 0, 0);
            if (!isErr(r)) {
                return r;
            }
        }
        return unmappedArea(k, len, Const.TASK_UNMAPPED_BASE, Const.TASK_SIZE, 0, 0);
    }

    /**
     * {@code unmapped_area_topdown(info)}: the highest gap of at least {@code length} that ends at or below
     * {@code highLimit} and starts at or above {@code lowLimit}, using {@code rb_subtree_gap} to prune.
     */
    public static long unmappedAreaTopdown(Kx k, long lengthReq, long lowLimitIn, long highLimitIn, long alignMask,
                                           long alignOffset) {
        /* Adjust search length to account for worst case alignment overhead */
        long length = lengthReq + alignMask;
        if (ult(length, lengthReq)) {
            return ENOMEM;
        }
        /* Adjust search limits by the desired length. See implementation comment at top of unmapped_area(). */
        long gapEnd = highLimitIn;
        if (ult(gapEnd, length)) {
            return ENOMEM;
        }
        long highLimit = gapEnd - length;
        if (ugt(lowLimitIn, highLimit)) {
            return ENOMEM;
        }
        long lowLimit = lowLimitIn + length;
        /* Check highest gap, which does not precede any rbtree node */
        long gapStart = k.mm(Field.HIGHEST_VM_END);
        if (ule(gapStart, highLimit)) {
            k.step(Loc.UA_TD_HIGHEST_OK, NIL, gapStart);
            return foundTopdown(gapEnd, lengthReq, alignMask, alignOffset);
        }
        k.step(Loc.UA_TD_HIGHEST_NO, NIL, gapStart);
        /* Check if rbtree root looks promising */
        int vma = Vm.root(k);
        if (vma == NIL || ult(Vm.gap(k, vma), length)) {
            k.step(Loc.UA_TD_ROOT_NO, vma, length);
            return ENOMEM;
        }
        int guard = 0;
        while (true) {
            if (++guard > 4 * k.vmaCapacity() + 8) {
                throw new CorruptTreeException("unmapped_area_topdown did not terminate");
            }
            /* Visit right subtree if it looks promising */
            gapStart = Vm.prev(k, vma) != NIL ? Vm.vmEndGap(k, Vm.prev(k, vma)) : 0;
            int r = Vm.right(k, vma);
            if (ule(gapStart, highLimit) && r != NIL && uge(Vm.gap(k, r), length)) {
                k.step(Loc.UA_TD_GO_RIGHT, Tag.NONE, vma, r, gapStart);
                vma = r;
                continue;
            }
            boolean descend = false;
            while (!descend) {
                /* check_current: */
                gapEnd = Vm.vmStartGap(k, vma);
                if (ult(gapEnd, lowLimit)) {
                    k.step(Loc.UA_TD_BELOW_LOW, Tag.NONE, vma, NIL, gapEnd);
                    return ENOMEM;
                }
                if (ule(gapStart, highLimit) && ugt(gapEnd, gapStart) && uge(gapEnd - gapStart, length)) {
                    k.step(Loc.UA_TD_FOUND, Tag.NONE, vma, NIL, gapStart);
                    /* found: */
                    if (ugt(gapEnd, highLimitIn)) {
                        gapEnd = highLimitIn;
                    }
                    return foundTopdown(gapEnd, lengthReq, alignMask, alignOffset);
                }
                k.step(Loc.UA_TD_CHECK, Tag.NONE, vma, NIL, gapStart);
                /* Visit left subtree if it looks promising */
                int l = Vm.left(k, vma);
                if (l != NIL && uge(Vm.gap(k, l), length)) {
                    k.step(Loc.UA_TD_GO_LEFT, Tag.NONE, vma, l, 0);
                    vma = l;
                    descend = true;
                    continue;
                }
                /* Go back up the rbtree to find next candidate node */
                while (true) {
                    if (++guard > 4 * k.vmaCapacity() + 8) {
                        throw new CorruptTreeException("unmapped_area_topdown did not terminate");
                    }
                    int prev = vma;
                    int parent = Vm.parent(k, prev);
                    if (parent == NIL) {
                        k.step(Loc.UA_TD_UP_ROOT, prev);
                        return ENOMEM;
                    }
                    vma = parent;
                    if (prev == Vm.right(k, vma)) {
                        gapStart = Vm.prev(k, vma) != NIL ? Vm.vmEndGap(k, Vm.prev(k, vma)) : 0;
                        k.step(Loc.UA_TD_UP_FROM_RIGHT, Tag.NONE, vma, prev, gapStart);
                        break;
                    }
                    k.step(Loc.UA_TD_UP_FROM_LEFT, Tag.NONE, vma, prev, 0);
                }
            }
        }
    }

    private static long foundTopdown(long gapEnd, long lengthReq, long alignMask, long alignOffset) {
        /* found_highest: Compute highest gap address at the desired alignment */
        gapEnd -= lengthReq;
        gapEnd -= (gapEnd - alignOffset) & alignMask;
        return gapEnd;
    }

    /** {@code unmapped_area(info)}: the lowest suitable gap (bottom-up search). */
    public static long unmappedArea(Kx k, long lengthReq, long lowLimitIn, long highLimitIn, long alignMask,
                                    long alignOffset) {
        long length = lengthReq + alignMask;
        if (ult(length, lengthReq)) {
            return ENOMEM;
        }
        if (ult(highLimitIn, length)) {
            return ENOMEM;
        }
        long highLimit = highLimitIn - length;
        if (ugt(lowLimitIn, highLimit)) {
            return ENOMEM;
        }
        long lowLimit = lowLimitIn + length;
        /* Check if rbtree root looks promising */
        int vma = Vm.root(k);
        if (vma == NIL || ult(Vm.gap(k, vma), length)) {
            return checkHighest(k, highLimit, lowLimitIn, alignMask, alignOffset);
        }
        long gapStart;
        long gapEnd;
        int guard = 0;
        boolean descend = true;
        gapStart = 0;
        gapEnd = 0;
        while (true) {
            if (++guard > 4 * k.vmaCapacity() + 8) {
                throw new CorruptTreeException("unmapped_area did not terminate");
            }
            if (descend) {
                /* Visit left subtree if it looks promising */
                gapEnd = Vm.vmStartGap(k, vma);
                int l = Vm.left(k, vma);
                if (uge(gapEnd, lowLimit) && l != NIL && uge(Vm.gap(k, l), length)) {
                    k.step(Loc.UA_BU_GO_LEFT, Tag.NONE, vma, l, gapEnd);
                    vma = l;
                    continue;
                }
                gapStart = Vm.prev(k, vma) != NIL ? Vm.vmEndGap(k, Vm.prev(k, vma)) : 0;
            }
            /* check_current: */
            /* Check if current node has a suitable gap */
            if (ugt(gapStart, highLimit)) {
                k.step(Loc.UA_BU_ABOVE_HIGH, Tag.NONE, vma, NIL, gapStart);
                return ENOMEM;
            }
            if (uge(gapEnd, lowLimit) && ugt(gapEnd, gapStart) && uge(gapEnd - gapStart, length)) {
                k.step(Loc.UA_BU_FOUND, Tag.NONE, vma, NIL, gapStart);
                return foundBottomUp(gapStart, lowLimitIn, alignMask, alignOffset);
            }
            k.step(Loc.UA_BU_CHECK, Tag.NONE, vma, NIL, gapStart);
            /* Visit right subtree if it looks promising */
            int r = Vm.right(k, vma);
            if (r != NIL && uge(Vm.gap(k, r), length)) {
                k.step(Loc.UA_BU_GO_RIGHT, Tag.NONE, vma, r, 0);
                vma = r;
                descend = true;
                continue;
            }
            /* Go back up the rbtree to find next candidate node */
            while (true) {
                if (++guard > 4 * k.vmaCapacity() + 8) {
                    throw new CorruptTreeException("unmapped_area did not terminate");
                }
                int prev = vma;
                int parent = Vm.parent(k, prev);
                if (parent == NIL) {
                    k.step(Loc.UA_BU_UP_ROOT, prev);
                    return checkHighest(k, highLimit, lowLimitIn, alignMask, alignOffset);
                }
                vma = parent;
                if (prev == Vm.left(k, vma)) {
                    if (Vm.prev(k, vma) == NIL) {
                        /* a node with a left child has a predecessor; the kernel dereferences vm_prev */
                        throw new CorruptTreeException("unmapped_area found no vm_prev for " + k.name(vma)
                                + ", which has a left child");
                    }
                    gapStart = Vm.vmEndGap(k, Vm.prev(k, vma));
                    gapEnd = Vm.vmStartGap(k, vma);
                    k.step(Loc.UA_BU_UP_FROM_LEFT, Tag.NONE, vma, prev, gapStart);
                    descend = false;
                    break;
                }
                k.step(Loc.UA_BU_UP_FROM_RIGHT, Tag.NONE, vma, prev, 0);
            }
        }
    }

    private static long checkHighest(Kx k, long highLimit, long lowLimitIn, long alignMask, long alignOffset) {
        /* Check highest gap, which does not precede any rbtree node */
        long gapStart = k.mm(Field.HIGHEST_VM_END);
        if (ugt(gapStart, highLimit)) {
            k.step(Loc.UA_BU_HIGHEST_NO, NIL, gapStart);
            return ENOMEM;
        }
        k.step(Loc.UA_BU_HIGHEST_OK, NIL, gapStart);
        return foundBottomUp(gapStart, lowLimitIn, alignMask, alignOffset);
    }

    private static long foundBottomUp(long gapStart, long lowLimitIn, long alignMask, long alignOffset) {
        /* We found a suitable gap. Clip it with the original low_limit. */
        if (ult(gapStart, lowLimitIn)) {
            gapStart = lowLimitIn;
        }
        /* Adjust gap address to the desired alignment */
        gapStart += (alignOffset - gapStart) & alignMask;
        return gapStart;
    }

    // ============================================================ stack growth (3.12)

    /**
     * The part of {@code expand_downwards(vma, address)} that runs holding the anon_vma lock (and mmap_sem for
     * read): the re-check (another fault may have grown the stack already), {@code acct_stack_growth}'s stack rlimit,
     * then, under {@code mm->page_table_lock}, {@code vm_start} and {@code vm_pgoff} lowered in place and
     * {@code vma_gap_update}. No {@code mm_rb_lock}: the tree's shape does not change; no {@code vm_sequence}: the
     * speculative path refuses a {@code VM_GROWSDOWN} VMA. Returns 0 or ENOMEM.
     */
    static long expandDownwardsLocked(Kx k, int vma, long address) {
        long start = Vm.start(k, vma);
        /* Somebody else might have raced and expanded it already */
        if (!ult(address, start)) {
            k.step(Loc.EXPAND_RACED, vma, address);
            return 0;
        }
        long size = Vm.end(k, vma) - address;
        long grow = (start - address) >>> 12;
        k.step(Loc.EXPAND_RECHECK, vma, address);
        if (ugt(grow, k.get(Field.VM_PGOFF, vma)) || ugt(size, Const.RLIMIT_STACK)) {
            return ENOMEM;
        }
        k.dyn(new Actions.PageTableLock(true, vma));
        k.setVmStart(vma, address);
        k.set(Field.VM_PGOFF, vma, k.get(Field.VM_PGOFF, vma) - grow);
        k.step(Loc.EXPAND_START, vma, address);
        vmaGapUpdate(k, vma);
        k.dyn(new Actions.PageTableLock(false, vma));
        return 0;
    }

    // ============================================================ fork and exit (kernel/fork.c, mm/mmap.c)

    /**
     * {@code dup_mmap(mm, oldmm)} of fork, after {@code down_write(&oldmm->mmap_sem)}: the child's mm starts as a
     * copy of the parent's emptied by {@code mm_init} (the patch initialises its {@code mm_rb_lock}); under the
     * child's {@code mmap_sem}, each parent VMA is copied ({@code *tmp = *mpnt}, vm_ref_count included: a parent's
     * speculative fault may hold it), appended to the child's list and linked into the child's tree by
     * {@code __vma_link_rb} (always as the rightmost node), which sets the copy's count to 1, under the child's
     * {@code mm_rb_lock}; then {@code copy_page_range}. The parent's tree and VMAs are only read. Returns 0.
     */
    static long dupMmap(Kx k) {
        int child = Memory.CHILD_MM;
        /* dup_mm(): memcpy(mm, oldmm), then mm_init(): mmap = NULL, mm_rb = RB_ROOT, map_count = 0, rwlock_init */
        for (Field f : new Field[] {Field.GUARD_GAP, Field.MMAP_BASE, Field.START_BRK, Field.BRK}) {
            k.set(f, child, k.mm(f));
        }
        k.set(Field.MM_USERS, child, 1);
        k.step(Loc.FORK_DUP_MM, NIL);
        /* Not linked in yet - no deadlock potential */
        k.dyn(new Actions.ChildLock(false, true));
        int prev = NIL;
        int rbParent = NIL;
        for (int mpnt = (int) k.mm(Field.MMAP); mpnt != NIL; mpnt = Vm.next(k, mpnt)) {
            int tmp = (int) k.get(Field.NR_ALLOC, 0);
            k.dyn(new Actions.SplitCopy(tmp, mpnt, "child:" + k.name(mpnt), true));
            int parentMm = k.useMm(child);
            try {
                /* Link in the new vma and copy the page table entries */
                if (prev != NIL) {
                    k.set(Field.VM_NEXT, prev, tmp);
                } else {
                    k.setMm(Field.MMAP, tmp);
                }
                k.setVmPrev(tmp, prev);
                k.step(Loc.FORK_LINK_LIST, Tag.NONE, tmp, prev, 0);
                prev = tmp;
                vmaLinkRb(k, tmp, rbParent, false);
                rbParent = tmp; /* rb_link = &tmp->vm_rb.rb_right */
                long c = k.mm(Field.MAP_COUNT) + 1;
                k.setMm(Field.MAP_COUNT, c);
                k.step(Loc.FORK_MAP_COUNT, tmp, c);
            } finally {
                k.useMm(parentMm);
            }
            k.step(Loc.FORK_COPY_PAGE_RANGE, Tag.NONE, tmp, mpnt, 0);
        }
        k.dyn(new Actions.ChildLock(false, false));
        return 0;
    }

    /**
     * {@code exit_mmap(mm)}, run by the last user's {@code mmput} with no lock held (nobody else can use the mm):
     * {@code unmap_vmas} and {@code free_pgtables} over every VMA (each vm_sequence +4), then {@code remove_vma} on
     * each, whose {@code put_vma} drops the mm's reference. The tree is not erased, node by node: it dies with the mm.
     */
    static long exitMmap(Kx k) {
        int first = (int) k.mm(Field.MMAP);
        if (first == NIL) {
            k.step(Loc.EXIT_MMAP_DONE, NIL);
            return 0;
        }
        unmapRegion(k, first);
        int v = first;
        while (v != NIL) {
            int next = Vm.next(k, v);
            k.dyn(new Actions.PutVma(v, Actions.PutSite.EXIT_MMAP));
            v = next;
        }
        k.step(Loc.EXIT_MMAP_DONE, NIL);
        return 0;
    }

    // ============================================================ brk

    /**
     * {@code sys_brk(brk)}: shrink with do_munmap, or grow with {@code do_brk_flags}, which merges into the
     * heap VMA through {@code vma_merge} (case 2, SEMANTICS 8.8). Returns the new brk (or the old one on
     * failure, as the syscall does).
     */
    static long sysBrk(Kx k, long brk) {
        long origBrk = k.mm(Field.BRK);
        long minBrk = k.mm(Field.START_BRK);
        if (ult(brk, minBrk)) {
            k.step(Loc.BRK_FAIL, NIL, origBrk);
            return origBrk;
        }
        long newBrk = Const.pageAlign(brk);
        long oldBrk = Const.pageAlign(origBrk);
        if (oldBrk != newBrk) {
            if (ule(brk, origBrk)) {
                /* Always allow shrinking brk. */
                if (isErr(doMunmap(k, newBrk, oldBrk - newBrk))) {
                    k.step(Loc.BRK_FAIL, NIL, origBrk);
                    return origBrk;
                }
            } else {
                /* Check against existing mmap mappings. */
                int next = findVma(k, oldBrk);
                if (next != NIL && ugt(newBrk + PAGE_SIZE, Vm.vmStartGap(k, next))) {
                    k.step(Loc.BRK_FAIL, next, origBrk);
                    return origBrk;
                }
                if (isErr(doBrkFlags(k, oldBrk, newBrk - oldBrk))) {
                    k.step(Loc.BRK_FAIL, NIL, origBrk);
                    return origBrk;
                }
            }
        }
        k.setMm(Field.BRK, brk);
        k.step(Loc.BRK_SET, NIL, brk);
        return brk;
    }

    /** {@code do_brk_flags(addr, len, 0)}: clear old maps, merge into the previous VMA or link a new one. */
    static long doBrkFlags(Kx k, long addr, long request) {
        long len = Const.pageAlign(request);
        if (ult(len, request)) {
            return ENOMEM;
        }
        if (len == 0) {
            return 0;
        }
        long flags = Const.VM_READ | Const.VM_WRITE;
        long error = getUnmappedArea(k, addr, len, true, false);
        if (isErr(error)) {
            return error;
        }
        Links l = findVmaLinks(k, addr, addr + len);
        int guard = 0;
        while (l.overlap()) {
            if (isErr(doMunmap(k, addr, len)) || ++guard > 4) {
                return ENOMEM;
            }
            l = findVmaLinks(k, addr, addr + len);
        }
        if (k.mm(Field.MAP_COUNT) > k.mm(Field.MAX_MAP_COUNT)) {
            return ENOMEM;
        }
        /* Can we just expand an old private anonymous mapping? */
        int vma = vmaMerge(k, l.prev(), addr, addr + len, flags, false, 0);
        if (vma != NIL) {
            return 0;
        }
        vma = allocVma(k, uniqueName(k, "brk"), addr, addr + len, flags, false, 0);
        k.step(Loc.MMAP_ALLOC, Tag.NONE, vma, NIL, addr);
        vmaLink(k, vma, l);
        return 0;
    }
}
