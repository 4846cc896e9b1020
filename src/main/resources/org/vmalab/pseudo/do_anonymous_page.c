# function: do_anonymous_page
# file: mm/memory.c
3167	-	-	static int do_anonymous_page(vmf)     /* header line: estimate */
-	-	-	    /* ... VM_SHARED check, pte_alloc(), pmd_trans_unstable() ... */
3197	-	-	    if (!(vmf->flags & FAULT_FLAG_WRITE) && !mm_forbids_zeropage(vma->vm_mm)) {     /* read: map the zero page */
3201	-	-	        if (!pte_map_lock(vmf))     /* SPF 5/24: may fail on a speculative fault */
3202	-	-	            return VM_FAULT_RETRY;
3203	-	-	        if (!pte_none(*vmf->pte))
3204	-	-	            goto unlock;
3213	-	-	        goto setpte;
3214	-	-	    }
-	-	-	    /* ... anon_vma_prepare, allocate and zero a page, charge memcg, build the pte ... */
3241	-	-	    if (!pte_map_lock(vmf)) {
3244	-	-	        return VM_FAULT_RETRY;
3245	-	-	    }
3246	-	-	    if (!pte_none(*vmf->pte))     /* someone else mapped it meanwhile */
3247	-	-	        goto release;
-	-	-	    /* ... userfaultfd, rss counter, rmap, memcg commit, lru ... */
3261	-	-	setpte:
3262	-	SPF_S7_INSTALL	    set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);     /* the page is mapped */
3265	-	-	    update_mmu_cache(vma, vmf->address, vmf->pte);
3266	-	-	unlock:
3267	-	SPF_S7_INSTALL	    pte_unmap_unlock(vmf->pte, vmf->ptl);
3268	-	-	    return ret;
