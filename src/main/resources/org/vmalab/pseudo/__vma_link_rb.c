# function: __vma_link_rb
# file: mm/mmap.c
589	-	-	void __vma_link_rb(mm, vma, rb_link, rb_parent)
591	-	-	{
593	-	-	    if (vma->vm_next)
594	-	-	        vma_gap_update(vma->vm_next);     /* the gap in front of next shrank */
595	-	-	    else
596	-	LINK_RB_HIGHEST	        mm->highest_vm_end = vm_end_gap(vma);
-	-	-	    /* link with gap 0, propagate the real gap, then rebalance (vm_prev was unknown on the way down) */
607	+	-	#ifdef CONFIG_SPECULATIVE_PAGE_FAULT
608	+	LINK_RB_REFCOUNT	    atomic_set(&vma->vm_ref_count, 1);     /* the reference the mm holds */
609	+	-	#endif
610	+	LINK_WRITE_LOCK,LINK_WRITE_WAITING,LINK_WRITE_SPIN,FORK_CHILD_RB_LOCK	    mm_rb_write_lock(mm);     /* write_lock(&mm->mm_rb_lock) */
611	-	-	    rb_link_node(&vma->vm_rb, rb_parent, rb_link);     /* red leaf */
612	-	LINK_RB_GAP0	    vma->rb_subtree_gap = 0;
613	-	-	    vma_gap_update(vma);     /* vma_gap_callbacks_propagate(&vma->vm_rb, NULL) */
614	+	-	    vma_rb_insert(vma, mm);     /* validate_mm_rb + rb_insert_augmented -> __rb_insert */
615	+	LINK_WRITE_UNLOCK,FORK_CHILD_RB_UNLOCK	    mm_rb_write_unlock(mm);     /* write_unlock(&mm->mm_rb_lock) */
616	-	-	}
