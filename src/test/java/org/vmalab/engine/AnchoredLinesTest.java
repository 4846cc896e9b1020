package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.PseudoCode;

/**
 * Listing lines whose number a patch hunk gives (docs/LINE-TABLE.md, "Audit against the patch hunks"): the
 * seed (v8 17/24) and the v7 mails of SPF 08/24 and 09/24, whose mm/mmap.c blobs chain into the seed's
 * pre-image. Each anchor is (function, a piece of the line's text, its line in v4.15 + SPF v8 1-17); the
 * first numbered line holding the text is taken.
 */
class AnchoredLinesTest {
    record Anchor(String function, String text, int line) {
    }

    static final List<Anchor> ANCHORS = List.of(
            /* seed @@ -160,6 +160,27 */
            new Anchor("__free_vma", "static void __free_vma", 163),
            new Anchor("__free_vma", "kmem_cache_free", 168),
            new Anchor("put_vma", "void put_vma", 172),
            new Anchor("put_vma", "atomic_dec_and_test", 174),
            new Anchor("put_vma", "#else", 177),
            /* seed @@ -411,26 +437,37 */
            new Anchor("__vma_rb_erase", "static void __vma_rb_erase", 450),
            new Anchor("__vma_rb_erase", "mm_rb_write_lock(mm)", 458),
            new Anchor("__vma_rb_erase", "rb_erase_augmented", 459),
            new Anchor("__vma_rb_erase", "mm_rb_write_unlock(mm)", 460),
            new Anchor("__vma_rb_erase", "RB_CLEAR_NODE(&vma->vm_rb)", 466),
            /* seed @@ -558,10 +595,6 and @@ -571,10 +604,15 */
            new Anchor("__vma_link_rb", "mm->highest_vm_end = vm_end_gap(vma)", 596),
            new Anchor("__vma_link_rb", "atomic_set(&vma->vm_ref_count, 1)", 608),
            new Anchor("__vma_link_rb", "mm_rb_write_lock(mm)", 610),
            new Anchor("__vma_link_rb", "rb_link_node(", 611),
            new Anchor("__vma_link_rb", "vma->rb_subtree_gap = 0", 612),
            new Anchor("__vma_link_rb", "vma_rb_insert(vma, mm)", 614),
            new Anchor("__vma_link_rb", "mm_rb_write_unlock(mm)", 615),
            /* seed @@ -650,7 +688,7 */
            new Anchor("__vma_unlink_common", "vma_rb_erase_ignore(vma, mm, ignore)", 691),
            new Anchor("__vma_unlink_common", "next = vma->vm_next", 692),
            /* seed @@ -2182,15 +2217,11 and @@ -2208,13 +2239,40 */
            new Anchor("__find_vma", "static struct vm_area_struct *__find_vma", 2220),
            new Anchor("__find_vma", "rb_node = mm->mm_rb.rb_node", 2226),
            new Anchor("__find_vma", "rb_node = rb_node->rb_right", 2239),
            new Anchor("__find_vma", "return vma;", 2242),
            new Anchor("find_vma", "vma = vmacache_find(mm, addr)", 2250),
            new Anchor("find_vma", "vma = __find_vma(mm, addr)", 2254),
            new Anchor("find_vma", "vmacache_update(addr, vma)", 2256),
            new Anchor("get_vma", "read_lock(&mm->mm_rb_lock)", 2266),
            new Anchor("get_vma", "atomic_inc(&vma->vm_ref_count)", 2269),
            new Anchor("get_vma", "read_unlock(&mm->mm_rb_lock)", 2270),
            /* seed @@ -2582,7 +2640,7 */
            new Anchor("detach_vmas_to_be_unmapped", "vma->vm_prev = NULL", 2641),
            new Anchor("detach_vmas_to_be_unmapped", "vma_rb_erase(vma, mm)", 2643),
            new Anchor("detach_vmas_to_be_unmapped", "mm->map_count--", 2644),
            /* v7 08/24 @@ -847,17 +847,18 (+38 from the seed) */
            new Anchor("__vma_adjust", "vma->vm_start = start", 888),
            new Anchor("__vma_adjust", "vma->vm_end = end", 892),
            new Anchor("__vma_adjust", "vma->vm_pgoff = pgoff", 895),
            new Anchor("__vma_adjust", "next->vm_start += adjust_next", 897),
            new Anchor("__vma_adjust", "next->vm_pgoff += adjust_next", 899),
            /* v7 08/24 @@ -1781,6 +1782,7 and @@ -1803,6 +1805,7 (+5 from 09/24, +35 from the seed) */
            new Anchor("mmap_region", "out:", 1822),
            new Anchor("mmap_region", "vm_write_begin(vma)", 1825),
            new Anchor("mmap_region", "vm_write_end(vma)", 1848),
            /* v7 08/24 @@ -2431,8 +2434,8 (+5 from 09/24, +58 from the seed) */
            new Anchor("expand_downwards", "spin_lock(&mm->page_table_lock)", 2495),
            new Anchor("expand_downwards", "vma->vm_start, address", 2500),
            new Anchor("expand_downwards", "vma->vm_pgoff - grow", 2501),
            new Anchor("expand_downwards", "vma_gap_update(vma)", 2503),
            new Anchor("expand_downwards", "spin_unlock(&mm->page_table_lock)", 2504),
            /* v7 08/24, mm/mprotect.c @@ -366,7 +366,8 and @@ -381,6 +382,7 (no later patch up to 17 touches it) */
            new Anchor("mprotect_fixup", "success:", 364),
            new Anchor("mprotect_fixup", "vm_write_begin(vma)", 369),
            new Anchor("mprotect_fixup", "WRITE_ONCE(vma->vm_flags, newflags)", 370),
            new Anchor("mprotect_fixup", "vma_set_page_prot(vma)", 372),
            new Anchor("mprotect_fixup", "change_protection(", 374),
            new Anchor("mprotect_fixup", "vm_write_end(vma)", 385));

    @Test
    void everyAnchoredLineHasItsHunksNumber() {
        List<String> wrong = new ArrayList<>();
        for (Anchor a : ANCHORS) {
            Listing l = PseudoCode.get().listing(a.function());
            int found = -1;
            for (Listing.Line line : l.lines()) {
                if (line.number() != 0 && line.text().contains(a.text())) {
                    found = line.number();
                    break;
                }
            }
            if (found != a.line()) {
                wrong.add(a.function() + " \"" + a.text() + "\": " + found + ", the hunk says " + a.line());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
