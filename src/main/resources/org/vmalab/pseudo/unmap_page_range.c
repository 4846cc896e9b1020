# function: unmap_page_range
# file: mm/memory.c
1502	-	-	void unmap_page_range(tlb, vma, addr, end, details)
1506	-	-	{
1510	-	-	    BUG_ON(addr >= end);
1511	-	UNMAP_SEQ_BEGIN	    vm_write_begin(vma);     /* SPF 7/24: vm_sequence odd while the page tables go */
1512	-	-	    tlb_start_vma(tlb, vma);
1513	-	-	    pgd = pgd_offset(vma->vm_mm, addr);
1514	-	-	    do {
1515	-	-	        next = pgd_addr_end(addr, end);
1516	-	-	        if (pgd_none_or_clear_bad(pgd))
1517	-	-	            continue;
1518	-	-	        next = zap_p4d_range(tlb, vma, pgd, addr, next, details);     /* ... -> zap_pte_range() */
1519	-	-	    } while (pgd++, addr = next, addr != end);
1520	-	-	    tlb_end_vma(tlb, vma);
1521	-	UNMAP_SEQ_END	    vm_write_end(vma);
1522	-	-	}
