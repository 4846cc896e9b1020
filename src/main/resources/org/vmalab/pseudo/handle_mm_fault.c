# function: handle_mm_fault
# file: mm/memory.c
4166	-	-	int handle_mm_fault(vma, address, flags)     /* classic path: caller holds mmap_sem for read */
4168	-	-	{
4171	-	-	    __set_current_state(TASK_RUNNING);
4173	-	-	    count_vm_event(PGFAULT);
4179	-	-	    if (!arch_vma_access_permitted(vma, flags & FAULT_FLAG_WRITE, ...))
4182	-	-	        return VM_FAULT_SIGSEGV;
4188	-	-	    if (flags & FAULT_FLAG_USER)
4189	-	-	        mem_cgroup_oom_enable();
4191	-	-	    if (unlikely(is_vm_hugetlb_page(vma)))
4192	-	-	        ret = hugetlb_fault(vma->vm_mm, vma, address, flags);
4193	-	-	    else
4194	-	CLASSIC_GOOD	        ret = __handle_mm_fault(vma, address, flags);     /* -> handle_pte_fault -> do_anonymous_page */
-	-	-	    /* ... memcg OOM bookkeeping ... */
-	-	-	    return ret;
