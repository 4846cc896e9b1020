# function: get_vma
# file: mm/mmap.c
2261	+	-	#ifdef CONFIG_SPECULATIVE_PAGE_FAULT
2262	+	-	struct vm_area_struct *get_vma(mm, addr)     /* for readers that do not hold mmap_sem */
2263	+	-	{
2264	+	-	    vma = NULL;
2266	+	RB_READ_LOCK,RB_READ_SPIN	    read_lock(&mm->mm_rb_lock);     /* excludes every tree writer */
2267	+	-	    vma = __find_vma(mm, addr);     /* the same walk as find_vma, shown inline: */
2226	-	GET_VMA_ROOT	        rb_node = mm->mm_rb.rb_node;
2233	-	-	        while (rb_node) { if (tmp->vm_end > addr) { vma = tmp;
2236	-	GET_VMA_FOUND	                if (tmp->vm_start <= addr) break;     /* contains addr */
2237	-	GET_VMA_LEFT	                rb_node = rb_node->rb_left; }
2239	-	GET_VMA_RIGHT	            else rb_node = rb_node->rb_right; }
2268	+	-	    if (vma)
2269	+	GET_VMA_INC	        atomic_inc(&vma->vm_ref_count);     /* taken under the lock: count is >= 1 here */
2270	+	RB_READ_UNLOCK	    read_unlock(&mm->mm_rb_lock);
2272	+	GET_VMA_RETURN	    return vma;     /* the caller must put_vma() it */
2273	+	-	}
2274	+	-	#endif
