# function: do_mprotect_pkey
# file: mm/mprotect.c
-	-	-	/* lines: estimate; the model has no protection keys and no PROT_GROWSDOWN/UP */
404	-	-	static int do_mprotect_pkey(unsigned long start, size_t len, unsigned long prot, int pkey)
406	-	-	{
-	-	-	    /* ... start page aligned (-EINVAL), len 0 is a no-op, end wraps (-ENOMEM) ... */
431	-	-	    if (down_write_killable(&current->mm->mmap_sem))
432	-	-	        return -EINTR;
-	-	-	    /* ... */
442	-	-	    vma = find_vma(current->mm, start);
443	-	-	    error = -ENOMEM;
444	-	MPROTECT_HOLE	    if (!vma)
445	-	MPROTECT_HOLE	        goto out;
446	-	-	    prev = vma->vm_prev;
-	-	-	    /* ... PROT_GROWSDOWN handling ... */
456	-	MPROTECT_HOLE	        if (vma->vm_start > start)     /* the range begins in a hole */
457	-	-	            goto out;
-	-	-	    /* ... */
465	-	-	    if (start > vma->vm_start)
466	-	-	        prev = vma;
468	-	-	    for (nstart = start ; ; ) {
-	-	-	        /* ... READ_IMPLIES_EXEC ... */
480	-	-	        newflags = calc_vm_prot_bits(prot, new_vma_pkey);
481	-	-	        newflags |= (vma->vm_flags & ~mask_off_old_flags);     /* keep every other flag */
484	-	-	        if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC)) {     /* VM_MAY* missing */
485	-	-	            error = -EACCES;
486	-	-	            goto out;
487	-	-	        }
-	-	-	        /* ... security_file_mprotect ... */
493	-	-	        tmp = vma->vm_end;
494	-	-	        if (tmp > end)
495	-	-	            tmp = end;
496	-	-	        error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
497	-	-	        if (error)
498	-	-	            goto out;
499	-	-	        nstart = tmp;
501	-	-	        if (nstart < prev->vm_end)
502	-	-	            nstart = prev->vm_end;
503	-	-	        if (nstart >= end)
504	-	-	            goto out;
506	-	-	        vma = prev->vm_next;
507	-	MPROTECT_HOLE	        if (!vma || vma->vm_start != nstart) {     /* a hole inside the range */
508	-	-	            error = -ENOMEM;
509	-	-	            goto out;
510	-	-	        }
511	-	-	        prot = reqprot;
512	-	-	    }
513	-	-	out:
514	-	-	    up_write(&current->mm->mmap_sem);
515	-	-	    return error;
516	-	-	}
