package org.vmalab.engine.trace;

import org.vmalab.engine.Face;

/**
 * Every kind of step the engine can record: the kernel function and file it belongs to, what kind of
 * step it is, and the caption template shown above the tree. The line in the file comes from the line
 * table ({@link LineTable}). Generated from {@code docs/step-locations.tsv}; keep the two in step.
 */
@Face
public enum Loc {
    RB_CHANGE_CHILD_LEFT(Kind.STORE, "__rb_change_child", "include/linux/rbtree_augmented.h", "{a}.rb_left := {b}"),
    RB_CHANGE_CHILD_RIGHT(Kind.STORE, "__rb_change_child", "include/linux/rbtree_augmented.h", "{a}.rb_right := {b}"),
    RB_CHANGE_CHILD_ROOT(Kind.STORE, "__rb_change_child", "include/linux/rbtree_augmented.h", "mm_rb.rb_node := {a}"),
    RB_ROTATE_SET_NEW(Kind.STORE, "__rb_rotate_set_parents", "lib/rbtree.c", "{a} takes over the parent ({b}) and colour ({c}) of the rotated node"),
    RB_ROTATE_SET_OLD(Kind.STORE, "__rb_rotate_set_parents", "lib/rbtree.c", "{a} goes under {b}, colour {c}"),
    RB_LINK_NODE(Kind.STORE, "rb_link_node", "include/linux/rbtree.h", "rb_link_node: {a} is red, childless, parent {b}"),
    RB_LINK_ROOT(Kind.STORE, "rb_link_node", "include/linux/rbtree.h", "rb_link_node: mm_rb.rb_node := {a}"),
    RB_LINK_LEFT(Kind.STORE, "rb_link_node", "include/linux/rbtree.h", "rb_link_node: {a}.rb_left := {b}"),
    RB_LINK_RIGHT(Kind.STORE, "rb_link_node", "include/linux/rbtree.h", "rb_link_node: {a}.rb_right := {b}"),
    INS_ROOT_BLACK(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a} is the root: paint it black"),
    INS_CASE1(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 1: colour flip at {a}"),
    INS_C1_UNCLE(Kind.STORE, "__rb_insert", "lib/rbtree.c", "uncle {a} := black"),
    INS_C1_PARENT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "parent {a} := black"),
    INS_C1_GPARENT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "gparent {a} := red, recurse at {a}"),
    INS_CASE2(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 2: left rotate at parent {a}"),
    INS_C2_PARENT_RIGHT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_right := {b}"),
    INS_C2_NODE_LEFT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_left := {b}"),
    INS_C2_TMP_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, black"),
    INS_C2_PARENT_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, red"),
    INS_CASE3(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 3: right rotate at gparent {a}"),
    INS_C3_GPARENT_LEFT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_left := {b}"),
    INS_C3_PARENT_RIGHT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_right := {b}"),
    INS_C3_TMP_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, black"),
    INS_CASE1_M(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 1 (mirror): colour flip at {a}"),
    INS_C1M_UNCLE(Kind.STORE, "__rb_insert", "lib/rbtree.c", "uncle {a} := black"),
    INS_C1M_PARENT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "parent {a} := black"),
    INS_C1M_GPARENT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "gparent {a} := red, recurse at {a}"),
    INS_CASE2_M(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 2 (mirror): right rotate at parent {a}"),
    INS_C2M_PARENT_LEFT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_left := {b}"),
    INS_C2M_NODE_RIGHT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_right := {b}"),
    INS_C2M_TMP_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, black"),
    INS_C2M_PARENT_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, red"),
    INS_CASE3_M(Kind.GROUP, "__rb_insert", "lib/rbtree.c", "Insert case 3 (mirror): left rotate at gparent {a}"),
    INS_C3M_GPARENT_RIGHT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_right := {b}"),
    INS_C3M_PARENT_LEFT(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.rb_left := {b}"),
    INS_C3M_TMP_PC(Kind.STORE, "__rb_insert", "lib/rbtree.c", "{a}.parent := {b}, black"),
    ERASE_CASE1(Kind.GROUP, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "Erase case 1: {a} has at most one child"),
    ERASE_C1_CHILD_PC(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "child {a} takes the erased node's parent ({b}) and colour ({c})"),
    ERASE_C1_LEFT_PC(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "left child {a} takes the erased node's parent ({b}) and colour ({c})"),
    ERASE_CASE2(Kind.GROUP, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "Erase case 2: the successor of {a} is its right child"),
    ERASE_CASE3(Kind.GROUP, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "Erase case 3: the successor of {a} is the leftmost node of its right subtree"),
    ERASE_C3_PARENT_LEFT(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "{a}.rb_left := {b} (the successor's right child)"),
    ERASE_C3_SUCC_RIGHT(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "{a}.rb_right := {b}"),
    ERASE_C3_CHILD_PARENT(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "{a}.parent := {b}"),
    ERASE_SUCC_LEFT(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "successor {a}.rb_left := {b}"),
    ERASE_LEFT_PARENT(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "{a}.parent := {b}"),
    ERASE_SUCC_PC(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "successor {a} takes the erased node's parent ({b}) and colour ({c})"),
    ERASE_CHILD2_PC(Kind.STORE, "__rb_erase_augmented", "include/linux/rbtree_augmented.h", "{a}.parent := {b}, black"),
    COL_CASE1(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 1: left rotate at parent {a}"),
    COL_C1_PARENT_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C1_SIB_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C1_TMP_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_CASE2(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 2: sibling {a} colour flip"),
    COL_C2_SIB_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "sibling {a} := red"),
    COL_C2_PARENT_BLACK(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "parent {a} := black"),
    COL_CASE3(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 3: right rotate at sibling {a}"),
    COL_C3_SIB_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C3_TMP2_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C3_PARENT_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C3_TMP1_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_CASE4(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 4: left rotate at parent {a} + colour flips"),
    COL_C4_PARENT_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C4_SIB_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C4_TMP1_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_C4_TMP2_PARENT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}"),
    COL_CASE1_M(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 1 (mirror): right rotate at parent {a}"),
    COL_C1M_PARENT_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C1M_SIB_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C1M_TMP_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_CASE2_M(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 2 (mirror): sibling {a} colour flip"),
    COL_C2M_SIB_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "sibling {a} := red"),
    COL_C2M_PARENT_BLACK(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "parent {a} := black"),
    COL_CASE3_M(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 3 (mirror): left rotate at sibling {a}"),
    COL_C3M_SIB_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C3M_TMP2_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C3M_PARENT_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C3M_TMP1_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_CASE4_M(Kind.GROUP, "____rb_erase_color", "lib/rbtree.c", "Erase fix-up case 4 (mirror): right rotate at parent {a} + colour flips"),
    COL_C4M_PARENT_LEFT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_left := {b}"),
    COL_C4M_SIB_RIGHT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.rb_right := {b}"),
    COL_C4M_TMP1_PC(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}, black"),
    COL_C4M_TMP2_PARENT(Kind.STORE, "____rb_erase_color", "lib/rbtree.c", "{a}.parent := {b}"),
    AUG_PROPAGATE(Kind.GAP, "vma_gap_callbacks_propagate", "include/linux/rbtree_augmented.h", "propagate: {a}.rb_subtree_gap := {v}"),
    AUG_PROPAGATE_STOP(Kind.CHECK, "vma_gap_callbacks_propagate", "include/linux/rbtree_augmented.h", "propagate stops at {a}: its gap {v} is unchanged"),
    AUG_COPY(Kind.GAP, "vma_gap_callbacks_copy", "include/linux/rbtree_augmented.h", "copy: {a}.rb_subtree_gap := {v} (from {b})"),
    AUG_ROTATE_NEW(Kind.GAP, "vma_gap_callbacks_rotate", "include/linux/rbtree_augmented.h", "rotate: {a}.rb_subtree_gap := {v} (takes {b}'s)"),
    AUG_ROTATE_OLD(Kind.GAP, "vma_gap_callbacks_rotate", "include/linux/rbtree_augmented.h", "rotate: {a}.rb_subtree_gap := {v} (recomputed)"),
    VMACACHE_FLUSH(Kind.STORE, "vmacache_valid", "mm/vmacache.c", "vmacache stale (seqnum {i} changed): flush the 4 slots, miss"),
    VMACACHE_VALID(Kind.CHECK, "vmacache_valid", "mm/vmacache.c", "vmacache valid (seqnum {i})"),
    VMACACHE_SLOT(Kind.CHECK, "vmacache_find", "mm/vmacache.c", "vmacache slot {i}: {a} does not contain the address"),
    VMACACHE_HIT(Kind.CHECK, "vmacache_find", "mm/vmacache.c", "vmacache hit in slot {i}: {a}"),
    VMACACHE_UPDATE(Kind.STORE, "vmacache_update", "mm/vmacache.c", "vmacache_update: slot {i} := {a}"),
    VMACACHE_INVALIDATE(Kind.STORE, "vmacache_invalidate", "include/linux/vmacache.h", "vmacache_invalidate: mm->vmacache_seqnum := {i}"),
    FIND_VMA_ROOT(Kind.VISIT, "__find_vma", "mm/mmap.c", "__find_vma({v}): load the root, {a}"),
    FIND_VMA_LEFT(Kind.VISIT, "__find_vma", "mm/mmap.c", "visit {a}: vm_end > addr, remember it, go left to {b}"),
    FIND_VMA_RIGHT(Kind.VISIT, "__find_vma", "mm/mmap.c", "visit {a}: vm_end <= addr, go right to {b}"),
    FIND_VMA_FOUND(Kind.VISIT, "__find_vma", "mm/mmap.c", "visit {a}: contains {v}, stop"),
    FIND_LINKS_LEFT(Kind.VISIT, "find_vma_links", "mm/mmap.c", "find_vma_links: visit {a}, go left to {b}"),
    FIND_LINKS_RIGHT(Kind.VISIT, "find_vma_links", "mm/mmap.c", "find_vma_links: visit {a}, go right to {b}"),
    FIND_LINKS_OVERLAP(Kind.VISIT, "find_vma_links", "mm/mmap.c", "find_vma_links: {a} overlaps the range"),
    LINK_LIST(Kind.STORE, "__vma_link_list", "mm/util.c", "__vma_link_list: {a} linked between {b} and its next"),
    LINK_RB_HIGHEST(Kind.STORE, "__vma_link_rb", "mm/mmap.c", "mm->highest_vm_end := {v}"),
    LINK_RB_REFCOUNT(Kind.STORE, "__vma_link_rb", "mm/mmap.c", "atomic_set({a}.vm_ref_count, 1): the mm's reference"),
    LINK_RB_GAP0(Kind.GAP, "__vma_link_rb", "mm/mmap.c", "{a}.rb_subtree_gap := 0"),
    MAP_COUNT_INC(Kind.STORE, "vma_link", "mm/mmap.c", "mm->map_count := {i}"),
    MAP_COUNT_DEC(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "mm->map_count := {i}"),
    INSERT_MAP_COUNT_INC(Kind.STORE, "__insert_vm_struct", "mm/mmap.c", "mm->map_count := {i}"),
    ADJUST_MAP_COUNT_DEC(Kind.STORE, "__vma_adjust", "mm/mmap.c", "mm->map_count := {i}"),
    RB_CLEAR_NODE(Kind.STORE, "__vma_rb_erase", "mm/mmap.c", "RB_CLEAR_NODE({a}): the node becomes its own parent (RB_EMPTY_NODE is now true)"),
    RB_CLEAR_NODE_EARLY(Kind.STORE, "__vma_rb_erase", "mm/mmap.c", "RB_CLEAR_NODE({a}) BEFORE the erase (bug variant): overwrites the word the erase needs"),
    UNLINK_LIST(Kind.STORE, "__vma_unlink_common", "mm/mmap.c", "list unlink of {a}: prev {b} and next are joined"),
    DETACH_PREV_NULL(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "{a}.vm_prev := NULL (its own gap is stale from now on)"),
    DETACH_INSERTION_POINT(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "*insertion_point: {a}.vm_next := {b}"),
    DETACH_INSERTION_MMAP(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "*insertion_point: mm->mmap := {b} (the victims were the first VMAs)"),
    DETACH_SURVIVOR_PREV(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "{a}.vm_prev := {b}"),
    DETACH_HIGHEST(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "mm->highest_vm_end := {v}"),
    DETACH_TAIL_NEXT(Kind.STORE, "detach_vmas_to_be_unmapped", "mm/mmap.c", "{a}.vm_next := NULL (the victims form a private list)"),
    UNMAP_SEQ_BEGIN(Kind.SEQ, "unmap_page_range", "mm/memory.c", "vm_write_begin({a}): vm_sequence := {i}"),
    UNMAP_SEQ_END(Kind.SEQ, "unmap_page_range", "mm/memory.c", "vm_write_end({a}): vm_sequence := {i}"),
    ZAP(Kind.STORE, "zap_pte_range", "mm/memory.c", "zap_pte_range({a}) under the PTE lock"),
    ZAP_SPIN(Kind.SPIN, "zap_pte_range", "mm/memory.c", "spin_lock(ptl) for the zap of {a}: spins"),
    FREEPGT_SEQ_BEGIN(Kind.SEQ, "free_pgtables", "mm/memory.c", "vm_write_begin({a}): vm_sequence := {i}"),
    UNLINK_ANON_VMAS(Kind.STORE, "free_pgtables", "mm/memory.c", "unlink_anon_vmas({a}): its anon_vma chain is torn down"),
    UNLINK_ANON_VMAS_NONE(Kind.CHECK, "free_pgtables", "mm/memory.c", "unlink_anon_vmas({a}): no anon_vma, nothing to unlink"),
    FREEPGT_SEQ_END(Kind.SEQ, "free_pgtables", "mm/memory.c", "vm_write_end({a}): vm_sequence := {i}"),
    SPLIT_COPY(Kind.STORE, "__split_vma", "mm/mmap.c", "__split_vma: {a} := copy of {b}, every field (vm_ref_count {i} included)"),
    SPLIT_NEW_END(Kind.STORE, "__split_vma", "mm/mmap.c", "{a}.vm_end := {v}"),
    SPLIT_NEW_START(Kind.STORE, "__split_vma", "mm/mmap.c", "{a}.vm_start := {v}"),
    ADJUST_SEQ_BEGIN(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_begin({a}): vm_sequence := {i}"),
    ADJUST_SEQ_BEGIN_NEXT(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_begin(next {a}): vm_sequence := {i}"),
    ADJUST_ANON_VMA(Kind.STORE, "__vma_adjust", "mm/mmap.c", "importer {a} takes exporter {b}'s anon_vma ({i})"),
    ADJUST_START(Kind.STORE, "__vma_adjust", "mm/mmap.c", "{a}.vm_start := {v} (in place, no mm_rb_lock)"),
    ADJUST_END(Kind.STORE, "__vma_adjust", "mm/mmap.c", "{a}.vm_end := {v} (in place, no mm_rb_lock)"),
    ADJUST_NEXT_START(Kind.STORE, "__vma_adjust", "mm/mmap.c", "{a}.vm_start := {v}: the boundary with the previous VMA moves (mprotect case 4 or 5, in place)"),
    ADJUST_HIGHEST(Kind.STORE, "__vma_adjust", "mm/mmap.c", "mm->highest_vm_end := {v}"),
    ADJUST_SEQ_END_REMOVED(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_end(removed {a}): vm_sequence := {i}"),
    ADJUST_SEQ_BEGIN_NEW_NEXT(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_begin(new next {a}): vm_sequence := {i}"),
    ADJUST_REMOVE_AGAIN(Kind.CHECK, "__vma_adjust", "mm/mmap.c", "mprotect case 6: the VMA after the removed one goes too: again, with {a} growing to {v}"),
    ADJUST_SEQ_END_NEXT(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_end(next {a}): vm_sequence := {i}"),
    ADJUST_SEQ_END(Kind.SEQ, "__vma_adjust", "mm/mmap.c", "vm_raw_write_end({a}): vm_sequence := {i}"),
    MERGE_CASE1(Kind.CHECK, "vma_merge", "mm/mmap.c", "vma_merge case {i}: {a} grows over the range and over {b} (cases 1, 6)"),
    MERGE_CASE2(Kind.CHECK, "vma_merge", "mm/mmap.c", "vma_merge case {i}: {a} grows up over the range (cases 2, 5, 7)"),
    MERGE_CASE3(Kind.CHECK, "vma_merge", "mm/mmap.c", "vma_merge case {i}: {a} grows down over the range (cases 3, 8)"),
    MERGE_CASE4(Kind.CHECK, "vma_merge", "mm/mmap.c", "vma_merge case 4: {a} shrinks, {b} grows down over the range"),
    MERGE_NONE(Kind.CHECK, "vma_merge", "mm/mmap.c", "vma_merge: no neighbour can be extended, a new VMA is needed"),
    MPROTECT_SAME(Kind.CHECK, "mprotect_fixup", "mm/mprotect.c", "{a} already has these flags: nothing to change"),
    MPROTECT_SEQ_BEGIN(Kind.SEQ, "mprotect_fixup", "mm/mprotect.c", "vm_write_begin({a}): vm_sequence := {i}"),
    MPROTECT_FLAGS(Kind.STORE, "mprotect_fixup", "mm/mprotect.c", "{a}.vm_flags := {p} (WRITE_ONCE, under mmap_sem write)"),
    MPROTECT_CHANGE_PROT(Kind.STORE, "change_protection", "mm/mprotect.c", "change_protection({a}): the PTEs from {v} get the new protection, under the PTE lock"),
    MPROTECT_SEQ_END(Kind.SEQ, "mprotect_fixup", "mm/mprotect.c", "vm_write_end({a}): vm_sequence := {i}"),
    MPROTECT_HOLE(Kind.CHECK, "do_mprotect_pkey", "mm/mprotect.c", "no VMA at {v}: the range has a hole, ENOMEM"),
    FORK_DUP_MM(Kind.STORE, "dup_mm", "kernel/fork.c", "dup_mm: the child's mm is a copy of the parent's, emptied by mm_init (no VMA, an empty tree, mm_rb_lock initialised)"),
    FORK_CHILD_SEM_LOCK(Kind.LOCK, "dup_mmap", "kernel/fork.c", "down_write_nested(child's mmap_sem): nobody else can reach the child's mm yet"),
    FORK_COPY(Kind.STORE, "dup_mmap", "kernel/fork.c", "{a} := copy of {b}, every field (vm_ref_count {i} included), for the child"),
    FORK_LINK_LIST(Kind.STORE, "dup_mmap", "kernel/fork.c", "the child's list: {a} after {b}"),
    FORK_MAP_COUNT(Kind.STORE, "dup_mmap", "kernel/fork.c", "child's mm->map_count := {i}"),
    FORK_COPY_PAGE_RANGE(Kind.STORE, "dup_mmap", "kernel/fork.c", "copy_page_range: {a} gets {b}'s page tables; private writable PTEs become copy-on-write"),
    FORK_CHILD_SEM_UNLOCK(Kind.LOCK, "dup_mmap", "kernel/fork.c", "up_write(child's mmap_sem): the child's tree is complete"),
    MMPUT(Kind.RMW, "mmput", "kernel/fork.c", "mmput: mm_users := {i}, the mm lives on"),
    MMPUT_LAST(Kind.RMW, "mmput", "kernel/fork.c", "mmput: mm_users := 0, the last user is gone: exit_mmap"),
    EXIT_MMAP_DONE(Kind.CHECK, "exit_mmap", "mm/mmap.c", "exit_mmap: every VMA removed; the tree is left as it was, nobody can walk it any more"),
    MMAP_ALLOC(Kind.STORE, "mmap_region", "mm/mmap.c", "kmem_cache_zalloc: new VMA {a} at {v}"),
    GUA_HINT_OK(Kind.CHECK, "arch_get_unmapped_area_topdown", "arch/x86/kernel/sys_x86_64.c", "the hint {v} is free: use it"),
    UA_TD_HIGHEST_OK(Kind.CHECK, "unmapped_area_topdown", "mm/mmap.c", "highest gap from highest_vm_end {v} fits below the limit: take it"),
    UA_TD_HIGHEST_NO(Kind.CHECK, "unmapped_area_topdown", "mm/mmap.c", "highest gap starts at {v}, above the window: search the tree"),
    UA_TD_ROOT_NO(Kind.CHECK, "unmapped_area_topdown", "mm/mmap.c", "root's rb_subtree_gap is too small: ENOMEM"),
    UA_TD_GO_RIGHT(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "at {a} (gap starts {v}): right subtree {b} looks promising, go right"),
    UA_TD_CHECK(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "check_current {a}: the gap in front of it (from {v}) does not fit"),
    UA_TD_FOUND(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "check_current {a}: the gap in front of it (from {v}) fits: found"),
    UA_TD_BELOW_LOW(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "check_current {a}: gap ends at {v}, below the window: ENOMEM"),
    UA_TD_GO_LEFT(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "at {a}: left subtree {b} looks promising, go left"),
    UA_TD_UP_FROM_LEFT(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "up to {a} (came from its left child {b}), keep climbing"),
    UA_TD_UP_FROM_RIGHT(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "up to {a} (came from its right child {b}): check its gap"),
    UA_TD_UP_ROOT(Kind.VISIT, "unmapped_area_topdown", "mm/mmap.c", "climbed past the root at {a}: ENOMEM"),
    UA_BU_GO_LEFT(Kind.VISIT, "unmapped_area", "mm/mmap.c", "at {a}: left subtree {b} looks promising, go left"),
    UA_BU_CHECK(Kind.VISIT, "unmapped_area", "mm/mmap.c", "check_current {a}: the gap in front of it (from {v}) does not fit"),
    UA_BU_FOUND(Kind.VISIT, "unmapped_area", "mm/mmap.c", "check_current {a}: the gap in front of it (from {v}) fits: found"),
    UA_BU_ABOVE_HIGH(Kind.VISIT, "unmapped_area", "mm/mmap.c", "check_current {a}: gap starts at {v}, above the window: ENOMEM"),
    UA_BU_GO_RIGHT(Kind.VISIT, "unmapped_area", "mm/mmap.c", "at {a}: right subtree {b} looks promising, go right"),
    UA_BU_UP_FROM_LEFT(Kind.VISIT, "unmapped_area", "mm/mmap.c", "up to {a} (came from its left child {b}): check its gap"),
    UA_BU_UP_FROM_RIGHT(Kind.VISIT, "unmapped_area", "mm/mmap.c", "up to {a} (came from its right child {b}), keep climbing"),
    UA_BU_UP_ROOT(Kind.VISIT, "unmapped_area", "mm/mmap.c", "climbed past the root at {a}: try the highest gap"),
    UA_BU_HIGHEST_OK(Kind.CHECK, "unmapped_area", "mm/mmap.c", "highest gap from {v} fits: take it"),
    UA_BU_HIGHEST_NO(Kind.CHECK, "unmapped_area", "mm/mmap.c", "highest gap from {v} is above the window: ENOMEM"),
    BRK_SET(Kind.STORE, "sys_brk", "mm/mmap.c", "mm->brk := {v}"),
    BRK_FAIL(Kind.CHECK, "sys_brk", "mm/mmap.c", "brk refused: stays at {v}"),
    SEM_DOWN_READ(Kind.LOCK, "down_read", "kernel/locking/rwsem.c", "down_read(mmap_sem): acquired"),
    SEM_DOWN_READ_SLEEP(Kind.BLOCK, "down_read", "kernel/locking/rwsem.c", "down_read(mmap_sem): sleeps in the wait queue"),
    SEM_DOWN_WRITE(Kind.LOCK, "down_write", "kernel/locking/rwsem.c", "down_write(mmap_sem): acquired"),
    SEM_DOWN_WRITE_SLEEP(Kind.BLOCK, "down_write", "kernel/locking/rwsem.c", "down_write(mmap_sem): sleeps in the wait queue"),
    SEM_WOKEN(Kind.LOCK, "rwsem_down_read_failed", "kernel/locking/rwsem-xadd.c", "woken up holding mmap_sem"),
    SEM_WRITE_TAKE(Kind.LOCK, "rwsem_down_write_failed", "kernel/locking/rwsem-xadd.c", "woken, takes mmap_sem for write itself (rwsem_try_write_lock)"),
    SEM_UP_READ(Kind.LOCK, "up_read", "kernel/locking/rwsem.c", "up_read(mmap_sem)"),
    SEM_UP_WRITE(Kind.LOCK, "up_write", "kernel/locking/rwsem.c", "up_write(mmap_sem)"),
    RB_READ_LOCK(Kind.LOCK, "get_vma", "mm/mmap.c", "read_lock(mm_rb_lock): acquired"),
    RB_READ_SPIN(Kind.SPIN, "get_vma", "mm/mmap.c", "read_lock(mm_rb_lock): spins"),
    RB_READ_UNLOCK(Kind.LOCK, "get_vma", "mm/mmap.c", "read_unlock(mm_rb_lock)"),
    LINK_WRITE_LOCK(Kind.LOCK, "__vma_link_rb", "mm/mmap.c", "write_lock(mm_rb_lock): acquired"),
    LINK_WRITE_WAITING(Kind.SPIN, "__vma_link_rb", "mm/mmap.c", "write_lock(mm_rb_lock): sets _QW_WAITING, waits for the readers to drain"),
    LINK_WRITE_SPIN(Kind.SPIN, "__vma_link_rb", "mm/mmap.c", "write_lock(mm_rb_lock): spins"),
    LINK_WRITE_UNLOCK(Kind.LOCK, "__vma_link_rb", "mm/mmap.c", "write_unlock(mm_rb_lock)"),
    FORK_CHILD_RB_LOCK(Kind.LOCK, "__vma_link_rb", "mm/mmap.c", "write_lock(child's mm_rb_lock) (uncontended: the child runs nothing yet)"),
    FORK_CHILD_RB_UNLOCK(Kind.LOCK, "__vma_link_rb", "mm/mmap.c", "write_unlock(child's mm_rb_lock)"),
    ERASE_WRITE_LOCK(Kind.LOCK, "__vma_rb_erase", "mm/mmap.c", "write_lock(mm_rb_lock): acquired"),
    ERASE_WRITE_WAITING(Kind.SPIN, "__vma_rb_erase", "mm/mmap.c", "write_lock(mm_rb_lock): sets _QW_WAITING, waits for the readers to drain"),
    ERASE_WRITE_SPIN(Kind.SPIN, "__vma_rb_erase", "mm/mmap.c", "write_lock(mm_rb_lock): spins"),
    ERASE_WRITE_UNLOCK(Kind.LOCK, "__vma_rb_erase", "mm/mmap.c", "write_unlock(mm_rb_lock): the release the patch calls its wmb"),
    GET_VMA_ROOT(Kind.VISIT, "get_vma", "mm/mmap.c", "__find_vma({v}): load the root, {a}"),
    GET_VMA_LEFT(Kind.VISIT, "get_vma", "mm/mmap.c", "visit {a}: vm_end > addr, remember it, go left to {b}"),
    GET_VMA_RIGHT(Kind.VISIT, "get_vma", "mm/mmap.c", "visit {a}: vm_end <= addr, go right to {b}"),
    GET_VMA_FOUND(Kind.VISIT, "get_vma", "mm/mmap.c", "visit {a}: contains {v}, stop"),
    GET_VMA_INC(Kind.RMW, "get_vma", "mm/mmap.c", "atomic_inc({a}.vm_ref_count) -> {i}"),
    GET_VMA_RETURN(Kind.CHECK, "get_vma", "mm/mmap.c", "get_vma returns {a}"),
    PUT_VMA_DEC(Kind.RMW, "put_vma", "mm/mmap.c", "atomic_dec_and_test({a}.vm_ref_count) -> {i}"),
    PUT_VMA_NOOP(Kind.CHECK, "put_vma", "mm/mmap.c", "put_vma({a}): no reference was taken (NO_REFCOUNT), nothing to do"),
    FREE_VMA(Kind.FREE, "__free_vma", "mm/mmap.c", "__free_vma({a}): fput, mpol_put, kmem_cache_free"),
    FIND_VMA_RETURN(Kind.CHECK, "find_vma", "mm/mmap.c", "find_vma returns {a}"),
    SPF_ENTRY(Kind.CHECK, "__do_page_fault", "arch/x86/mm/fault.c", "user fault at {v}, mm_users > 1: try handle_speculative_fault"),
    SPF_NO_SPF(Kind.CHECK, "__do_page_fault", "arch/x86/mm/fault.c", "fault at {v}: no speculative path, take mmap_sem"),
    SPF_NO_VMA(Kind.CHECK, "handle_speculative_fault", "mm/memory.c", "get_vma found nothing: VM_FAULT_RETRY, no VMA handed over"),
    SPF_S2_SEQ(Kind.CHECK, "handle_speculative_fault", "mm/memory.c", "seq = raw_read_seqcount({a}.vm_sequence) = {i}"),
    SPF_S3_CHECKS(Kind.CHECK, "handle_speculative_fault", "mm/memory.c", "checks of {a}: vm_ops, anon_vma, flags, bounds"),
    SPF_S5_RETRY(Kind.CHECK, "handle_speculative_fault", "mm/memory.c", "read_seqcount_retry({a}): vm_sequence now {i}"),
    SPF_S6_PTE_LOCK(Kind.CHECK, "pte_map_lock", "mm/memory.c", "pte_map_lock: vma_has_changed({a}), spin_trylock(ptl)"),
    SPF_S7_INSTALL(Kind.STORE, "do_anonymous_page", "mm/memory.c", "set_pte_at({v}) in {a}, pte_unmap_unlock"),
    SPF_ABORT(Kind.CHECK, "handle_speculative_fault", "mm/memory.c", "VM_FAULT_RETRY: {a} is handed to the arch handler"),
    CAN_REUSE(Kind.CHECK, "can_reuse_spf_vma", "mm/memory.c", "can_reuse_spf_vma({a}): reads RB_EMPTY_NODE and the bounds"),
    CLASSIC_GOOD(Kind.STORE, "handle_mm_fault", "mm/memory.c", "good_area: handle_mm_fault in {a} maps {v}"),
    CLASSIC_BAD(Kind.CHECK, "__do_page_fault", "arch/x86/mm/fault.c", "bad_area at {v}: SIGSEGV"),
    EXPAND_CHECK(Kind.CHECK, "expand_downwards", "mm/mmap.c", "expand_downwards({a}, {v}): not below mmap_min_addr, the stack guard gap below is free"),
    EXPAND_REFUSED(Kind.CHECK, "expand_downwards", "mm/mmap.c", "expand_downwards({a}, {v}) refused"),
    EXPAND_ANON_PREPARE(Kind.STORE, "expand_downwards", "mm/mmap.c", "anon_vma_prepare({a}): anon_vma := {i}"),
    EXPAND_ANON_LOCK(Kind.LOCK, "expand_downwards", "mm/mmap.c", "anon_vma_lock_write({a}->anon_vma): acquired"),
    EXPAND_ANON_WAIT(Kind.SPIN, "expand_downwards", "mm/mmap.c", "anon_vma_lock_write({a}->anon_vma): waits"),
    EXPAND_RECHECK(Kind.CHECK, "expand_downwards", "mm/mmap.c", "{a} still starts above {v}: grow it if the stack rlimit allows"),
    EXPAND_RACED(Kind.CHECK, "expand_downwards", "mm/mmap.c", "{a} already reaches down to {v}: another fault expanded it"),
    EXPAND_PTL_LOCK(Kind.LOCK, "expand_downwards", "mm/mmap.c", "spin_lock(&mm->page_table_lock)"),
    EXPAND_START(Kind.STORE, "expand_downwards", "mm/mmap.c", "{a}.vm_start := {v}, vm_pgoff lowered (in place: no mm_rb_lock, no vm_sequence)"),
    EXPAND_PTL_UNLOCK(Kind.LOCK, "expand_downwards", "mm/mmap.c", "spin_unlock(&mm->page_table_lock)"),
    EXPAND_ANON_UNLOCK(Kind.LOCK, "expand_downwards", "mm/mmap.c", "anon_vma_unlock_write({a}->anon_vma)"),
    SPF_UAF_INC(Kind.RMW, "handle_speculative_fault", "mm/memory.c", "atomic_inc({a}.vm_ref_count) -> {i} (bug variant: outside mm_rb_lock)"),
    OP_ABORTED(Kind.CHECK, "(model)", "-", "the model stops this operation: the tree is corrupt"),
    SB_FLUSH(Kind.STORE, "(model)", "-", "store buffer: an earlier store leaves the buffer and becomes visible to the other CPUs");

    /** What a step does, for the view's animation and the explorer's dependency test. */
    public enum Kind { STORE, GAP, SEQ, VISIT, CHECK, LOCK, SPIN, BLOCK, RMW, FREE, GROUP }

    private final Kind kind;
    private final String function;
    private final String file;
    private final String template;

    Loc(Kind kind, String function, String file, String template) {
        this.kind = kind;
        this.function = function;
        this.file = file;
        this.template = template;
    }

    public Kind kind() {
        return kind;
    }

    /** The kernel function the step belongs to. */
    public String function() {
        return function;
    }

    /** Source file, relative to the kernel tree. */
    public String file() {
        return file;
    }

    /** Caption template: {a} {b} VMA names, {v} hex value, {c} colour, {i} decimal. */
    public String template() {
        return template;
    }

    /** Line in {@link #file()} of v4.15 with the SPF v8 series up to this patch, 0 if unknown. */
    public int line() {
        return LineTable.line(this);
    }

    /** {@code mm/mmap.c:2239}, or just the file when the line is unknown. */
    public String where() {
        return LineTable.where(this);
    }

    /** Our pseudo-C of the function this step is shown in, each line with its v4.15 file:line; or null. */
    public Listing listing() {
        return PseudoCode.get().listingOf(this);
    }

    /** A walker stands on node {@code a} after this step. */
    public boolean isVisit() {
        return kind == Kind.VISIT;
    }

    private static final Loc[] VALUES = values();

    public static Loc of(int ordinal) {
        return VALUES[ordinal];
    }
}
