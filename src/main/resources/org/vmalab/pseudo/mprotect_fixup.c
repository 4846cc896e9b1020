# function: mprotect_fixup
# file: mm/mprotect.c
-	-	-	/* lines: estimate (v4.15 + SPF v8 08/24, which brackets the flag change with vm_write_begin/end) */
302	-	-	int mprotect_fixup(vma, struct vm_area_struct **pprev, start, end, newflags)
304	-	-	{
306	-	-	    unsigned long oldflags = vma->vm_flags;
313	-	MPROTECT_SAME	    if (newflags == oldflags) {
314	-	MPROTECT_SAME	        *pprev = vma;
315	-	MPROTECT_SAME	        return 0;
316	-	-	    }
-	-	-	    /* ... a private mapping made writable is charged (security_vm_enough_memory_mm) ... */
341	-	-	    pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
342	-	-	    *pprev = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma, vma->vm_file, pgoff,
343	-	-	                       vma_policy(vma), vma->vm_userfaultfd_ctx);     /* mprotect cases 4-8 */
345	-	-	    if (*pprev) {
346	-	-	        vma = *pprev;
348	-	-	        goto success;
349	-	-	    }
351	-	-	    *pprev = vma;
353	-	-	    if (start != vma->vm_start) {
354	-	-	        error = split_vma(mm, vma, start, 1);     /* the part below start keeps the old flags */
355	-	-	        if (error)
356	-	-	            goto fail;
357	-	-	    }
359	-	-	    if (end != vma->vm_end) {
360	-	-	        error = split_vma(mm, vma, end, 0);     /* the part above end keeps the old flags */
361	-	-	        if (error)
362	-	-	            goto fail;
363	-	-	    }
365	-	-	success:
370	-	MPROTECT_SEQ_BEGIN	    vm_write_begin(vma);     /* SPF: vm_sequence odd, a speculative fault on vma will retry */
371	-	MPROTECT_FLAGS	    WRITE_ONCE(vma->vm_flags, newflags);
372	-	-	    dirty_accountable = vma_wants_writenotify(vma, vma->vm_page_prot);
373	-	-	    vma_set_page_prot(vma);
375	-	-	    change_protection(vma, start, end, vma->vm_page_prot, dirty_accountable, 0);
377	-	MPROTECT_SEQ_END	    vm_write_end(vma);
-	-	-	    /* ... mlock populate, vm_stat_account, perf_event_mmap ... */
391	-	-	    return 0;
-	-	-	    /* ... fail: vm_unacct_memory(charged); return error ... */
