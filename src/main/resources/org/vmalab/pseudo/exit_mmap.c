# function: exit_mmap
# file: mm/mmap.c
-	-	-	/* lines: estimate; called from __mmput once mm_users is 0 */
3065	-	-	void exit_mmap(struct mm_struct *mm)
3066	-	-	{
-	-	-	    /* ... mmu_notifier_release, the OOM reaper's handshake, munlock, arch_exit_mmap ... */
3100	-	-	    vma = mm->mmap;
3101	-	EXIT_MMAP_DONE	    if (!vma)     /* can happen if dup_mmap() received an OOM */
3102	-	EXIT_MMAP_DONE	        return;
-	-	-	    /* ... lru_add_drain, flush_cache_mm, tlb_gather_mmu ... */
3108	-	-	    unmap_vmas(&tlb, vma, 0, -1);     /* every VMA: vm_write_begin/end around its zap (+2) */
-	-	-	    /* ... MMF_OOM_SKIP ... */
3115	-	-	    free_pgtables(&tlb, vma, FIRST_USER_ADDRESS, USER_PGTABLES_CEILING);     /* +2, unlink_anon_vmas */
3116	-	-	    tlb_finish_mmu(&tlb, 0, -1);
-	-	-	    /* Walk the list again, actually closing and freeing it, with preemption enabled, without holding any MM locks. */
3122	-	-	    while (vma) {
3123	-	-	        if (vma->vm_flags & VM_ACCOUNT)
3124	-	-	            nr_accounted += vma_pages(vma);
3125	-	-	        vma = remove_vma(vma);     /* put_vma: the mm's reference; the tree is not erased */
3126	-	-	    }
3127	-	EXIT_MMAP_DONE	    vm_unacct_memory(nr_accounted);
3128	-	-	}
