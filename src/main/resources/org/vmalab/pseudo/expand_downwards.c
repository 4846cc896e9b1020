# function: expand_downwards
# file: mm/mmap.c
-	-	-	/* called as expand_stack(vma, address) by the fault path, under mmap_sem held for READ; lines: estimate */
2443	-	-	int expand_downwards(struct vm_area_struct *vma, unsigned long address)
2445	-	-	{
2451	-	EXPAND_CHECK,EXPAND_REFUSED	    address &= PAGE_MASK;
2452	-	EXPAND_CHECK,EXPAND_REFUSED	    error = security_mmap_addr(address);     /* below mmap_min_addr: -EPERM */
2453	-	-	    if (error)
2454	-	-	        return error;
2457	-	EXPAND_CHECK	    gap_addr = address - stack_guard_gap;     /* enforce stack_guard_gap (256 pages) */
2458	-	-	    if (gap_addr > address)
2459	-	-	        return -ENOMEM;
2460	-	-	    prev = vma->vm_prev;
2461	-	EXPAND_CHECK	    if (prev && prev->vm_end > gap_addr) {     /* a mapping inside the guard gap */
2462	-	-	        if (!(prev->vm_flags & VM_GROWSDOWN))
2463	-	-	            return -ENOMEM;
2465	-	-	    }
2468	-	EXPAND_ANON_PREPARE	    if (unlikely(anon_vma_prepare(vma)))     /* the first growth of a stack without one */
2469	-	-	        return -ENOMEM;
2476	-	EXPAND_ANON_LOCK,EXPAND_ANON_WAIT	    anon_vma_lock_write(vma->anon_vma);     /* serializes concurrent expand_stacks: mmap_sem is only read-held */
2479	-	EXPAND_RECHECK,EXPAND_RACED	    if (address < vma->vm_start) {     /* somebody else might have raced and expanded it already */
2482	-	-	        size = vma->vm_end - address;
2483	-	-	        grow = (vma->vm_start - address) >> PAGE_SHIFT;
2485	-	-	        error = -ENOMEM;
2486	-	-	        if (grow <= vma->vm_pgoff) {
2487	-	-	            error = acct_stack_growth(vma, size, grow);     /* size > rlimit(RLIMIT_STACK): -ENOMEM */
2488	-	-	            if (!error) {
2501	-	EXPAND_PTL_LOCK	                spin_lock(&mm->page_table_lock);     /* guards vma_gap_update against other expansions */
-	-	-	                /* ... locked_vm, vm_stat_account, anon_vma interval tree ... */
2506	-	EXPAND_START	                vma->vm_start = address;     /* in place: no mm_rb_lock, no vm_sequence */
2507	-	EXPAND_START	                vma->vm_pgoff -= grow;
2509	-	-	                vma_gap_update(vma);     /* the VMA's own gap shrank: propagate */
2510	-	EXPAND_PTL_UNLOCK	                spin_unlock(&mm->page_table_lock);
2513	-	-	            }
2514	-	-	        }
2515	-	-	    }
2516	-	EXPAND_ANON_UNLOCK	    anon_vma_unlock_write(vma->anon_vma);
2518	-	-	    validate_mm(mm);
2519	-	-	    return error;
2520	-	-	}
