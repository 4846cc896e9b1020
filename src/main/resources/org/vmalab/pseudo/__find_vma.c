# function: __find_vma
# file: mm/mmap.c
2219	-	-	/* lowest VMA with addr < vm_end, NULL if none (the tree walk only, no vmacache) */
2220	+	-	static struct vm_area_struct *__find_vma(mm, addr)
2222	-	-	{
2224	+	-	    vma = NULL;
2226	-	FIND_VMA_ROOT	    rb_node = mm->mm_rb.rb_node;
2228	-	-	    while (rb_node) {
2231	-	-	        tmp = rb_entry(rb_node, struct vm_area_struct, vm_rb);
2233	-	-	        if (tmp->vm_end > addr) {
2234	-	-	            vma = tmp;     /* best candidate so far */
2235	-	-	            if (tmp->vm_start <= addr)
2236	-	FIND_VMA_FOUND	                break;     /* addr lies inside tmp */
2237	-	FIND_VMA_LEFT	            rb_node = rb_node->rb_left;
2238	-	-	        } else
2239	-	FIND_VMA_RIGHT	            rb_node = rb_node->rb_right;
2240	-	-	    }
2242	+	-	    return vma;
2243	+	-	}
