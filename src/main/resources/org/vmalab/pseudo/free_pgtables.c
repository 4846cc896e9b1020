# function: free_pgtables
# file: mm/memory.c
616	-	-	void free_pgtables(tlb, vma, floor, ceiling)     /* exit and munmap: tear down page tables */
618	-	-	{
619	-	-	    while (vma) {
620	-	-	        next = vma->vm_next;
621	-	-	        addr = vma->vm_start;
627	-	FREEPGT_SEQ_BEGIN	        vm_write_begin(vma);     /* SPF 10/24: sequence odd around the anon_vma teardown */
628	-	UNLINK_ANON_VMAS,UNLINK_ANON_VMAS_NONE	        unlink_anon_vmas(vma);
629	-	FREEPGT_SEQ_END	        vm_write_end(vma);
630	-	-	        unlink_file_vma(vma);
632	-	-	        if (is_vm_hugetlb_page(vma)) {
633	-	-	            hugetlb_free_pgd_range(tlb, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
635	-	-	        } else {
639	-	-	            while (next && next->vm_start <= vma->vm_end + PMD_SIZE && !is_vm_hugetlb_page(next)) {     /* batch neighbours */
641	-	-	                vma = next;
642	-	-	                next = vma->vm_next;
643	-	FREEPGT_SEQ_BEGIN	                vm_write_begin(vma);
644	-	UNLINK_ANON_VMAS,UNLINK_ANON_VMAS_NONE	                unlink_anon_vmas(vma);
645	-	FREEPGT_SEQ_END	                vm_write_end(vma);
646	-	-	                unlink_file_vma(vma);
647	-	-	            }
648	-	-	            free_pgd_range(tlb, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
650	-	-	        }
651	-	-	        vma = next;
652	-	-	    }
653	-	-	}
