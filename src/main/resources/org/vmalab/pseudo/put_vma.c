# function: put_vma
# file: mm/mmap.c
171	+	-	#ifdef CONFIG_SPECULATIVE_PAGE_FAULT
172	+	-	void put_vma(vma)
173	+	-	{
174	+	PUT_VMA_DEC	    if (atomic_dec_and_test(&vma->vm_ref_count))     /* drop one reference */
175	+	-	        __free_vma(vma);     /* it was the last one */
-	-	PUT_VMA_NOOP	    /* model toggle NO_REFCOUNT: no reference was taken, so nothing is dropped */
176	+	-	}
177	+	-	#else
180	+	-	put_vma(vma) { __free_vma(vma); }     /* without SPF: free at once */
182	+	-	#endif
