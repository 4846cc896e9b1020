# function: can_reuse_spf_vma
# file: mm/memory.c
-	-	-	/* defined in mm/memory.c by SPF 22/24 (lines: v4.15 + SPF v8 1-24); called from __do_page_fault with mmap_sem held */
4545	-	-	bool can_reuse_spf_vma(vma, address)
4546	-	-	{
4549	-	CAN_REUSE	    ret = !RB_EMPTY_NODE(&vma->vm_rb) &&     /* still in mm_rb? */
4550	-	CAN_REUSE	          vma->vm_start <= address && address < vma->vm_end;     /* fields read BEFORE the put */
4551	-	-	    put_vma(vma);     /* may free a detached VMA */
4552	-	-	    return ret;
4553	-	-	}
