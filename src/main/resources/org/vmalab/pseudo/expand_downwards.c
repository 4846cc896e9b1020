# function: expand_downwards
# file: mm/mmap.c
-	-	-	/* expand_stack() of the fault path, mmap_sem held for READ; lines from spin_lock on: SPF 08/24 */
2441	-	-	int expand_downwards(struct vm_area_struct *vma, unsigned long address)
2443	-	-	{
2448	-	EXPAND_CHECK,EXPAND_REFUSED	    address &= PAGE_MASK;
2449	-	EXPAND_CHECK,EXPAND_REFUSED	    error = security_mmap_addr(address);     /* below mmap_min_addr: -EPERM */
2450	-	-	    if (error)
2451	-	-	        return error;
2454	-	EXPAND_CHECK	    prev = vma->vm_prev;     /* enforce stack_guard_gap (256 pages) */
2456	-	EXPAND_CHECK	    if (prev && prev is not a stack (VM_GROWSDOWN) && prev is accessible (r, w or x)) {
2458	-	-	        if (address - prev->vm_end < stack_guard_gap)     /* PROT_NONE below: no matter */
2459	-	-	            return -ENOMEM;
2460	-	-	    }
2463	-	EXPAND_ANON_PREPARE	    if (unlikely(anon_vma_prepare(vma)))     /* the first growth of a stack without one */
2464	-	-	        return -ENOMEM;
2471	-	EXPAND_ANON_LOCK,EXPAND_ANON_WAIT	    anon_vma_lock_write(vma->anon_vma);     /* serializes expansions */
2474	-	EXPAND_RECHECK,EXPAND_RACED	    if (address < vma->vm_start) {     /* another expansion may have won the race */
2477	-	-	        size = vma->vm_end - address;
2478	-	-	        grow = (vma->vm_start - address) >> PAGE_SHIFT;
2480	-	-	        error = -ENOMEM;
2481	-	-	        if (grow <= vma->vm_pgoff) {
2482	-	-	            error = acct_stack_growth(vma, size, grow);     /* size > rlimit(RLIMIT_STACK): -ENOMEM */
2483	-	-	            if (!error) {
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
