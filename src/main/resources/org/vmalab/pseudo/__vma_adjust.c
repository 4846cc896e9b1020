# function: __vma_adjust
# file: mm/mmap.c
723	-	-	int __vma_adjust(vma, start, end, pgoff, insert, expand, keep_locked)
726	-	-	{
728	-	-	    next = vma->vm_next;
757	-	ADJUST_SEQ_BEGIN	    vm_raw_write_begin(vma);     /* vm_sequence odd: SPF readers will abort */
758	-	-	    if (next)
759	-	ADJUST_SEQ_BEGIN_NEXT	        vm_raw_write_begin(next);
761	-	-	    if (next && !insert) {
764	-	-	        if (end >= next->vm_end) {     /* vma expands over all of next (and perhaps the one after) */
771	-	-	            if (next == expand) {     /* case 8: next expands down, vma goes */
782	-	-	                remove_next = 3;
784	-	-	                swap(vma, next);
785	-	-	            } else {
791	-	-	                remove_next = 1 + (end > next->vm_end);     /* 2: mprotect case 6 */
-	-	-	                /* ... */
797	-	-	                end = next->vm_end;     /* trim end to next, for case 6 first pass */
798	-	-	            }
800	-	-	            exporter = next;
801	-	-	            importer = vma;
807	-	-	            if (remove_next == 2 && !next->anon_vma)
808	-	-	                exporter = next->vm_next;
810	-	-	        } else if (end > next->vm_start) {     /* mprotect case 5: the boundary moves up */
815	-	-	            adjust_next = (end - next->vm_start) >> PAGE_SHIFT;
816	-	-	            exporter = next;
817	-	-	            importer = vma;
819	-	-	        } else if (end < vma->vm_end) {     /* mprotect case 4: the boundary moves down */
825	-	-	            adjust_next = -((vma->vm_end - end) >> PAGE_SHIFT);
826	-	-	            exporter = vma;
827	-	-	            importer = next;
829	-	-	        }
836	-	-	        if (exporter && exporter->anon_vma && !importer->anon_vma) {
839	-	ADJUST_ANON_VMA	            importer->anon_vma = exporter->anon_vma;
840	-	-	            error = anon_vma_clone(importer, exporter);
843	-	-	        }
844	-	-	    }
845	-	-	again:
-	-	-	    /* ... file: i_mmap lock, uprobes; anon_vma lock; interval trees out ... */
887	-	-	    if (start != vma->vm_start) {
888	-	ADJUST_START	        vma->vm_start = start;     /* WRITE_ONCE; in place, the node is NOT moved in mm_rb */
889	-	-	        start_changed = true;
890	-	-	    }
891	-	-	    if (end != vma->vm_end) {
892	-	ADJUST_END	        vma->vm_end = end;         /* WRITE_ONCE; no mm_rb_lock taken */
893	-	-	        end_changed = true;
894	-	-	    }
895	-	-	    vma->vm_pgoff = pgoff;
896	-	-	    if (adjust_next) {
897	-	ADJUST_NEXT_START	        next->vm_start += adjust_next << PAGE_SHIFT;     /* WRITE_ONCE over 2 lines; in place */
899	-	ADJUST_NEXT_START	        next->vm_pgoff += adjust_next;
900	-	-	    }
-	-	-	    /* ... interval trees back ... */
909	-	-	    if (remove_next) {
914	-	-	        if (remove_next != 3)
915	-	-	            __vma_unlink_prev(mm, next, vma);     /* erase next from mm_rb and the list */
916	-	-	        else
926	-	-	            __vma_unlink_common(mm, next, NULL, false, vma);     /* case 8: vma and next swapped */
929	-	-	    } else if (insert) {
935	-	-	        __insert_vm_struct(mm, insert);     /* split: link the new half */
936	-	-	    } else {
937	-	-	        if (start_changed)
938	-	-	            vma_gap_update(vma);
939	-	-	        if (end_changed) {
940	-	-	            if (!next)
941	-	ADJUST_HIGHEST	                mm->highest_vm_end = vm_end_gap(vma);
942	-	-	            else if (!adjust_next)
943	-	-	                vma_gap_update(next);
944	-	-	        }
945	-	-	    }
-	-	-	    /* ... unlock anon_vma and i_mmap, uprobes ... */
963	-	-	    if (remove_next) {
964	+	-	        if (file)
965	-	-	            uprobe_munmap(next, next->vm_start, next->vm_end);
966	-	-	        if (next->anon_vma)
967	-	-	            anon_vma_merge(vma, next);
968	-	ADJUST_MAP_COUNT_DEC	        mm->map_count--;
969	-	ADJUST_SEQ_END_REMOVED	        vm_raw_write_end(next);
970	+	-	        put_vma(next);     /* was fput + mpol_put + kmem_cache_free */
976	-	-	        if (remove_next != 3) {
983	-	-	            next = vma->vm_next;     /* its gap changed too */
984	-	-	            if (next)
985	-	ADJUST_SEQ_BEGIN_NEW_NEXT	                vm_raw_write_begin(next);
986	-	-	        } else {
997	-	-	            next = vma;
998	-	-	        }
999	-	ADJUST_REMOVE_AGAIN	        if (remove_next == 2) {     /* mprotect case 6: a second next */
1000	-	ADJUST_REMOVE_AGAIN	            remove_next = 1;
1001	-	ADJUST_REMOVE_AGAIN	            end = next->vm_end;
1002	-	ADJUST_REMOVE_AGAIN	            goto again;
1003	-	-	        }
1004	-	-	        else if (next)
1005	-	-	            vma_gap_update(next);
1028	-	-	    }
1032	-	-	    if (next && next != vma)
1033	-	ADJUST_SEQ_END_NEXT	        vm_raw_write_end(next);
1034	-	-	    if (!keep_locked)
1035	-	ADJUST_SEQ_END	        vm_raw_write_end(vma);     /* vm_sequence even again */
1037	-	-	    validate_mm(mm);
1039	-	-	    return 0;
1040	-	-	}
