# function: __vma_link_list
# file: mm/util.c
230	-	-	void __vma_link_list(mm, vma, prev, rb_parent)     /* lines: estimate */
232	-	-	{
235	-	LINK_LIST	    vma->vm_prev = prev;
236	-	-	    if (prev) {
237	-	-	        next = prev->vm_next;
238	-	LINK_LIST	        prev->vm_next = vma;
239	-	-	    } else {
240	-	LINK_LIST	        mm->mmap = vma;
241	-	-	        next = rb_parent ? rb_entry(rb_parent, struct vm_area_struct, vm_rb) : NULL;
245	-	-	    }
246	-	LINK_LIST	    vma->vm_next = next;
247	-	-	    if (next)
248	-	LINK_LIST	        next->vm_prev = vma;
249	-	-	}
