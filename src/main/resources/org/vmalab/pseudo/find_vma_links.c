# function: find_vma_links
# file: mm/mmap.c
527	-	-	static int find_vma_links(mm, addr, end, &prev, &rb_link, &rb_parent)
530	-	-	{
533	-	-	    __rb_link = &mm->mm_rb.rb_node;
534	-	-	    rb_prev = __rb_parent = NULL;
536	-	-	    while (*__rb_link) {
539	-	-	        __rb_parent = *__rb_link;
540	-	-	        vma_tmp = rb_entry(__rb_parent, struct vm_area_struct, vm_rb);
542	-	-	        if (vma_tmp->vm_end > addr) {
544	-	-	            if (vma_tmp->vm_start < end)     /* an existing VMA overlaps [addr, end) */
545	-	FIND_LINKS_OVERLAP	                return -ENOMEM;
546	-	FIND_LINKS_LEFT	            __rb_link = &__rb_parent->rb_left;
547	-	-	        } else {
548	-	FIND_LINKS_RIGHT	            rb_prev = __rb_parent;     /* last node we went right from: the prev VMA */
549	-	FIND_LINKS_RIGHT	            __rb_link = &__rb_parent->rb_right;
550	-	-	        }
551	-	-	    }
553	-	-	    *pprev = rb_prev ? rb_entry(rb_prev, struct vm_area_struct, vm_rb) : NULL;
556	-	-	    *rb_link = __rb_link;
557	-	-	    *rb_parent = __rb_parent;
558	-	-	    return 0;
559	-	-	}
