# function: __insert_vm_struct
# file: mm/mmap.c
# Lines counted from vma_link (ends at 665) to the __vma_unlink_common hunk anchor (its body opens at 688).
671	-	-	static void __insert_vm_struct(mm, vma)     /* split_vma's insert: list + tree, no file tree */
672	-	-	{
676	-	-	    if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
678	-	-	        BUG();     /* the range was checked free by the caller */
679	-	-	    __vma_link(mm, vma, prev, rb_link, rb_parent);     /* __vma_link_list + __vma_link_rb */
680	-	INSERT_MAP_COUNT_INC	    mm->map_count++;
681	-	-	}
