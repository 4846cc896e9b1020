# function: sys_brk
# file: mm/mmap.c
200	-	-	SYSCALL_DEFINE1(brk, unsigned long, brk)
210	-	-	    if (down_write_killable(&mm->mmap_sem))     /* writer of the address space */
211	-	-	        return -EINTR;
-	-	-	    /* ... min_brk from start_brk (or end_data with COMPAT_BRK) ... */
226	-	-	    if (brk < min_brk)
227	-	-	        goto out;
235	-	-	    if (check_data_rlimit(rlimit(RLIMIT_DATA), brk, ...))  goto out;
239	-	-	    newbrk = PAGE_ALIGN(brk);
240	-	-	    oldbrk = PAGE_ALIGN(mm->brk);
241	-	-	    if (oldbrk == newbrk)
242	-	-	        goto set_brk;
245	-	-	    if (brk <= mm->brk) {     /* shrinking is always allowed */
246	-	-	        if (!do_munmap(mm, newbrk, oldbrk - newbrk, &uf))
247	-	-	            goto set_brk;
248	-	-	        goto out;
249	-	-	    }
252	-	-	    next = find_vma(mm, oldbrk);     /* must not run into the next mapping */
253	-	-	    if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
254	-	-	        goto out;
257	-	-	    if (do_brk(oldbrk, newbrk - oldbrk, &uf) < 0)     /* grow: vma_merge or a new VMA */
258	-	-	        goto out;
260	-	-	set_brk:
261	-	BRK_SET	    mm->brk = brk;
263	-	-	    up_write(&mm->mmap_sem);
-	-	-	    /* ... userfaultfd unmap events, mm_populate() if VM_LOCKED ... */
267	-	-	    return brk;
269	-	-	out:
270	-	BRK_FAIL	    retval = mm->brk;     /* refused: the old break stays */
271	-	-	    up_write(&mm->mmap_sem);
272	-	-	    return retval;
