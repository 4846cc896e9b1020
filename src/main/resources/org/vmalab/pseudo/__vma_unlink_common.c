# function: __vma_unlink_common
# file: mm/mmap.c
683	-	-	static __always_inline void __vma_unlink_common(mm, vma, prev, has_prev, ignore)
688	-	-	{
691	+	-	    vma_rb_erase_ignore(vma, mm, ignore);     /* validate_mm_rb + __vma_rb_erase */
692	-	-	    next = vma->vm_next;
693	-	-	    if (has_prev)
694	-	UNLINK_LIST	        prev->vm_next = next;
695	-	-	    else {
696	-	-	        prev = vma->vm_prev;
697	-	-	        if (prev)
698	-	UNLINK_LIST	            prev->vm_next = next;
699	-	-	        else
700	-	UNLINK_LIST	            mm->mmap = next;
701	-	-	    }
702	-	-	    if (next)
703	-	UNLINK_LIST	        next->vm_prev = prev;
706	-	-	    vmacache_invalidate(mm);     /* every thread's cached VMA pointers become stale */
707	-	-	}
