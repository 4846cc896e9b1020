# function: expand_downwards
# file: mm/mmap.c
-	-	-	/* expand_stack() of the fault path, mmap_sem held for READ; lines from spin_lock on: SPF 08/24 */
2437	-	-	int expand_downwards(struct vm_area_struct *vma, unsigned long address)
2439	-	-	{
2445	-	EXPAND_CHECK,EXPAND_REFUSED	    address &= PAGE_MASK;
2446	-	EXPAND_CHECK,EXPAND_REFUSED	    error = security_mmap_addr(address);     /* below mmap_min_addr: -EPERM */
2447	-	-	    if (error)
2448	-	-	        return error;
2451	-	EXPAND_CHECK	    gap_addr = address - stack_guard_gap;     /* enforce stack_guard_gap (256 pages) */
2452	-	-	    if (gap_addr > address)
2453	-	-	        return -ENOMEM;
2454	-	-	    prev = vma->vm_prev;
2455	-	EXPAND_CHECK	    if (prev && prev->vm_end > gap_addr) {     /* a mapping inside the guard gap */
2456	-	-	        if (!(prev->vm_flags & VM_GROWSDOWN))
2457	-	-	            return -ENOMEM;
2459	-	-	    }
2462	-	EXPAND_ANON_PREPARE	    if (unlikely(anon_vma_prepare(vma)))     /* the first growth of a stack without one */
2463	-	-	        return -ENOMEM;
2470	-	EXPAND_ANON_LOCK,EXPAND_ANON_WAIT	    anon_vma_lock_write(vma->anon_vma);     /* serializes expansions */
2473	-	EXPAND_RECHECK,EXPAND_RACED	    if (address < vma->vm_start) {     /* another expansion may have won the race */
2476	-	-	        size = vma->vm_end - address;
2477	-	-	        grow = (vma->vm_start - address) >> PAGE_SHIFT;
2479	-	-	        error = -ENOMEM;
2480	-	-	        if (grow <= vma->vm_pgoff) {
2481	-	-	            error = acct_stack_growth(vma, size, grow);     /* size > rlimit(RLIMIT_STACK): -ENOMEM */
2482	-	-	            if (!error) {
2495	-	EXPAND_PTL_LOCK	                spin_lock(&mm->page_table_lock);     /* vma_gap_update vs other expansions */
-	-	-	                /* ... locked_vm, vm_stat_account, anon_vma interval tree ... */
2500	-	EXPAND_START	                WRITE_ONCE(vma->vm_start, address);     /* no mm_rb_lock, no vm_sequence */
2501	-	EXPAND_START	                WRITE_ONCE(vma->vm_pgoff, vma->vm_pgoff - grow);
2503	-	-	                vma_gap_update(vma);     /* the VMA's own gap shrank: propagate */
2504	-	EXPAND_PTL_UNLOCK	                spin_unlock(&mm->page_table_lock);
2507	-	-	            }
2508	-	-	        }
2509	-	-	    }
2510	-	EXPAND_ANON_UNLOCK	    anon_vma_unlock_write(vma->anon_vma);
2512	-	-	    validate_mm(mm);
2513	-	-	    return error;
2514	-	-	}
