# function: zap_pte_range
# file: mm/memory.c
1287	-	-	static unsigned long zap_pte_range(tlb, vma, pmd, addr, end, details)     /* line numbers: estimate */
1291	-	-	{
1303	-	ZAP_SPIN,ZAP	    start_pte = pte_offset_map_lock(mm, pmd, addr, &ptl);     /* the PTE lock: SPF's spin_trylock fails while held */
1308	-	-	    do {
1309	-	-	        ptent = *pte;
1310	-	-	        if (pte_none(ptent))
1311	-	-	            continue;
-	-	-	        /* present page: */
1322	-	ZAP	        ptent = ptep_get_and_clear_full(mm, addr, pte, tlb->fullmm);     /* the mapping is gone */
-	-	-	        /* ... rss accounting, tlb batching, swap and migration entries ... */
1367	-	-	    } while (pte++, addr += PAGE_SIZE, addr != end);
1375	-	ZAP	    pte_unmap_unlock(start_pte, ptl);
-	-	-	    /* ... flush the TLB batch, restart if it filled up ... */
1395	-	-	    return addr;
1396	-	-	}
