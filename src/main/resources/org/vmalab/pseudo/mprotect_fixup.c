# function: mprotect_fixup
# file: mm/mprotect.c
-	-	-	/* lines from success: on: SPF 08/24's hunks (v7 mail), which add vm_write_begin/end; above: counted back */
301	-	-	int mprotect_fixup(vma, struct vm_area_struct **pprev, start, end, newflags)
303	-	-	{
305	-	-	    unsigned long oldflags = vma->vm_flags;
312	-	MPROTECT_SAME	    if (newflags == oldflags) {
313	-	MPROTECT_SAME	        *pprev = vma;
314	-	MPROTECT_SAME	        return 0;
315	-	-	    }
-	-	-	    /* ... a private mapping made writable is charged (security_vm_enough_memory_mm) ... */
340	-	-	    pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
341	-	-	    *pprev = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma, vma->vm_file, pgoff,
342	-	-	                       vma_policy(vma), vma->vm_userfaultfd_ctx);     /* mprotect cases 4-8 */
344	-	-	    if (*pprev) {
345	-	-	        vma = *pprev;
347	-	-	        goto success;
348	-	-	    }
350	-	-	    *pprev = vma;
352	-	-	    if (start != vma->vm_start) {
353	-	-	        error = split_vma(mm, vma, start, 1);     /* the part below start keeps the old flags */
354	-	-	        if (error)
355	-	-	            goto fail;
356	-	-	    }
358	-	-	    if (end != vma->vm_end) {
359	-	-	        error = split_vma(mm, vma, end, 0);     /* the part above end keeps the old flags */
360	-	-	        if (error)
361	-	-	            goto fail;
362	-	-	    }
364	-	-	success:
369	-	MPROTECT_SEQ_BEGIN	    vm_write_begin(vma);     /* SPF: vm_sequence odd, a speculative fault on vma will retry */
370	-	MPROTECT_FLAGS	    WRITE_ONCE(vma->vm_flags, newflags);
371	-	-	    dirty_accountable = vma_wants_writenotify(vma, vma->vm_page_prot);
372	-	-	    vma_set_page_prot(vma);
374	-	-	    change_protection(vma, start, end, vma->vm_page_prot, dirty_accountable, 0);
381	-	-	    if (a private VM_LOCKED vma becomes writable)
383	-	-	        populate_vma_page_range(vma, start, end, NULL);     /* break COW now, not at the next fault */
385	-	MPROTECT_SEQ_END	    vm_write_end(vma);
-	-	-	    /* ... vm_stat_account, perf_event_mmap ... */
390	-	-	    return 0;
-	-	-	    /* ... fail: vm_unacct_memory(charged); return error ... */
