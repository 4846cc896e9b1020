# function: do_mprotect_pkey
# file: mm/mprotect.c
-	-	-	/* lines: counted from mprotect_fixup's end (SPF 08/24); the model has no pkeys, no PROT_GROWSDOWN/UP */
400	-	-	static int do_mprotect_pkey(unsigned long start, size_t len, unsigned long prot, int pkey)
402	-	-	{
414	-	MPROTECT_EINVAL	    if (start & ~PAGE_MASK)     /* checked before mmap_sem is taken */
415	-	MPROTECT_EINVAL	        return -EINVAL;
-	-	-	    /* ... len 0 is a no-op, end wraps (-ENOMEM) ... */
427	-	-	    if (down_write_killable(&current->mm->mmap_sem))
428	-	-	        return -EINTR;
-	-	-	    /* ... */
438	-	-	    vma = find_vma(current->mm, start);
439	-	-	    error = -ENOMEM;
440	-	MPROTECT_HOLE	    if (!vma)
441	-	MPROTECT_HOLE	        goto out;
442	-	-	    prev = vma->vm_prev;
-	-	-	    /* ... PROT_GROWSDOWN handling ... */
452	-	MPROTECT_HOLE	        if (vma->vm_start > start)     /* the range begins in a hole */
453	-	-	            goto out;
-	-	-	    /* ... */
461	-	-	    if (start > vma->vm_start)
462	-	-	        prev = vma;
464	-	-	    for (nstart = start ; ; ) {
-	-	-	        /* ... READ_IMPLIES_EXEC ... */
476	-	-	        newflags = calc_vm_prot_bits(prot, new_vma_pkey);
477	-	-	        newflags |= (vma->vm_flags & ~mask_off_old_flags);     /* keep every other flag */
480	-	-	        if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC)) {     /* VM_MAY* missing */
481	-	-	            error = -EACCES;
482	-	-	            goto out;
483	-	-	        }
-	-	-	        /* ... security_file_mprotect ... */
489	-	-	        tmp = vma->vm_end;
490	-	-	        if (tmp > end)
491	-	-	            tmp = end;
492	-	-	        error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
493	-	-	        if (error)
494	-	-	            goto out;
495	-	-	        nstart = tmp;
497	-	-	        if (nstart < prev->vm_end)
498	-	-	            nstart = prev->vm_end;
499	-	-	        if (nstart >= end)
500	-	-	            goto out;
502	-	-	        vma = prev->vm_next;
503	-	MPROTECT_HOLE	        if (!vma || vma->vm_start != nstart) {     /* a hole inside the range */
504	-	-	            error = -ENOMEM;
505	-	-	            goto out;
506	-	-	        }
507	-	-	        prot = reqprot;
508	-	-	    }
509	-	-	out:
510	-	-	    up_write(&current->mm->mmap_sem);
511	-	-	    return error;
512	-	-	}
