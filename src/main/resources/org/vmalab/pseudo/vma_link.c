# function: vma_link
# file: mm/mmap.c
646	-	-	static void vma_link(mm, vma, prev, rb_link, rb_parent)
649	-	-	{
652	-	-	    if (vma->vm_file) {     /* file mapping: take the i_mmap lock */
653	-	-	        mapping = vma->vm_file->f_mapping;
654	-	-	        i_mmap_lock_write(mapping);
655	-	-	    }
657	-	-	    __vma_link(mm, vma, prev, rb_link, rb_parent);     /* __vma_link_list + __vma_link_rb */
658	-	-	    __vma_link_file(vma);
660	-	-	    if (mapping)
661	-	-	        i_mmap_unlock_write(mapping);
663	-	MAP_COUNT_INC	    mm->map_count++;
664	-	-	    validate_mm(mm);     /* debug builds only */
665	-	-	}
