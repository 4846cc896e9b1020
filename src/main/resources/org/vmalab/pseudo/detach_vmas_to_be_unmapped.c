# function: detach_vmas_to_be_unmapped
# file: mm/mmap.c
2634	-	-	static void detach_vmas_to_be_unmapped(mm, vma, prev, end)
2636	-	-	{
2640	-	-	    insertion_point = (prev ? &prev->vm_next : &mm->mmap);
2641	-	DETACH_PREV_NULL	    vma->vm_prev = NULL;     /* first victim: its own gap is stale from now on */
2642	-	-	    do {
2643	+	-	        vma_rb_erase(vma, mm);     /* write_lock, erase, write_unlock, RB_CLEAR_NODE */
2644	-	MAP_COUNT_DEC	        mm->map_count--;
2645	-	-	        tail_vma = vma;
2646	-	-	        vma = vma->vm_next;
2647	-	-	    } while (vma && vma->vm_start < end);
2648	-	DETACH_INSERTION_POINT,DETACH_INSERTION_MMAP	    *insertion_point = vma;     /* prev (or mm->mmap) skips the victims */
2649	-	-	    if (vma) {
2650	-	DETACH_SURVIVOR_PREV	        vma->vm_prev = prev;
2651	-	-	        vma_gap_update(vma);
2652	-	-	    } else
2653	-	DETACH_HIGHEST	        mm->highest_vm_end = prev ? vm_end_gap(prev) : 0;
2654	-	DETACH_TAIL_NEXT	    tail_vma->vm_next = NULL;     /* the victims now form a private list */
2657	-	-	    vmacache_invalidate(mm);
2658	-	-	}
