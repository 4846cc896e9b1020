# function: pte_map_lock
# file: mm/memory.c
-	-	-	/* SPF version from patch 18/24 (lines: v4.15 + SPF v8 1-24); in 1-17 it is a plain pte_offset_map_lock() */
2349	-	-	static bool pte_map_lock(vmf)
2350	-	-	{
2356	-	-	    if (!(vmf->flags & FAULT_FLAG_SPECULATIVE)) {     /* classic fault: mmap_sem held */
2357	-	-	        vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
2359	-	-	        return true;
2360	-	-	    }
2369	-	-	    local_irq_disable();     /* page tables cannot be freed under us now */
2370	-	SPF_S6_PTE_LOCK	    if (vma_has_changed(vmf)) {     /* RB_EMPTY_NODE(vma) || vm_sequence moved (mm/internal.h) */
2372	-	-	        goto out;
2373	-	-	    }
2379	-	-	    pmdval = READ_ONCE(*vmf->pmd);
2380	-	-	    if (!pmd_same(pmdval, vmf->orig_pmd)) {     /* THP collapse in progress */
2382	-	-	        goto out;
2383	-	-	    }
2392	-	-	    ptl = pte_lockptr(vmf->vma->vm_mm, vmf->pmd);
2393	-	-	    pte = pte_offset_map(vmf->pmd, vmf->address);
2394	-	SPF_S6_PTE_LOCK	    if (unlikely(!spin_trylock(ptl))) {     /* trylock: IRQs are off */
2395	-	-	        pte_unmap(pte);
2397	-	-	        goto out;
2398	-	-	    }
2400	-	SPF_S6_PTE_LOCK	    if (vma_has_changed(vmf)) {     /* re-check with the PTL held */
2401	-	-	        pte_unmap_unlock(pte, ptl);
2403	-	-	        goto out;
2404	-	-	    }
2406	-	-	    vmf->pte = pte;
2407	-	-	    vmf->ptl = ptl;
2408	-	-	    ret = true;
2409	-	-	out:
2410	-	-	    local_irq_enable();
2411	-	-	    return ret;
2412	-	-	}
