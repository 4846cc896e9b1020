# function: handle_speculative_fault
# file: mm/memory.c
-	-	-	/* introduced by SPF 18/24, reworked by 22/24: lines are v4.15 + SPF v8 1-24 */
4324	-	-	int handle_speculative_fault(mm, address, flags, struct vm_area_struct **vma)
4326	-	-	{
4339	-	-	    flags &= ~(FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE);     /* never drops mmap_sem: none held */
4340	-	-	    flags |= FAULT_FLAG_SPECULATIVE;
4342	-	-	    *vma = get_vma(mm, address);     /* read_lock(mm_rb_lock), walk, refcount++ */
-	-	SPF_UAF_INC	    /* bug variant SPF_USES_VMACACHE: *vma = find_vma(mm, address) instead (vmacache, no lock), then the reference is taken here, outside any lock */
4343	-	SPF_NO_VMA	    if (!*vma)
4344	-	SPF_NO_VMA	        return ret;     /* VM_FAULT_RETRY, nothing handed over */
4345	-	-	    vmf.vma = *vma;
4348	-	SPF_S2_SEQ	    seq = raw_read_seqcount(&vmf.vma->vm_sequence);     /* pairs with vm_write_begin/end */
4349	-	SPF_S2_SEQ	    if (seq & 1) {     /* a writer is modifying the VMA right now */
4351	-	SPF_ABORT	        return ret;     /* RETRY: the VMA reference goes to the caller */
4352	-	-	    }
4359	-	SPF_S3_CHECKS	    if (vmf.vma->vm_ops) { ...; return ret; }     /* file/special mappings not handled */
4369	-	SPF_S3_CHECKS	    if (unlikely(!vmf.vma->anon_vma)) { ...; return ret; }     /* anon_vma_prepare needs mmap_sem */
4374	-	-	    vmf.vma_flags = READ_ONCE(vmf.vma->vm_flags);
4375	-	-	    vmf.vma_page_prot = READ_ONCE(vmf.vma->vm_page_prot);
4378	-	SPF_S3_CHECKS	    if (unlikely(vmf.vma_flags & VM_UFFD_MISSING)) { ...; return ret; }
4383	-	SPF_S3_CHECKS	    if (vmf.vma_flags & VM_GROWSDOWN || vmf.vma_flags & VM_GROWSUP) { ...; return ret; }
4393	-	SPF_S3_CHECKS	    if (address < READ_ONCE(vmf.vma->vm_start) || READ_ONCE(vmf.vma->vm_end) <= address) {
4396	-	SPF_ABORT	        return ret;
4397	-	-	    }
4399	-	-	    if (!arch_vma_access_permitted(vmf.vma, ...))  goto out_segv;
4405	-	-	    /* write fault needs VM_WRITE, read fault needs some access: else goto out_segv */
4416	-	-	    pol = __get_vma_policy(vmf.vma, address);     /* MPOL_INTERLEAVE: return ret (RETRY) */
4428	-	-	    local_irq_disable();     /* lockless page-table walk: pgd, p4d, pud, pmd */
-	-	-	    /* ... any level missing or huge: goto out_walk ... */
4475	-	-	    vmf.pte = pte_offset_map(vmf.pmd, address);
4476	-	-	    vmf.orig_pte = READ_ONCE(*vmf.pte);
4485	-	-	    vmf.sequence = seq;
4488	-	-	    local_irq_enable();
4494	-	SPF_S5_RETRY	    if (read_seqcount_retry(&vmf.vma->vm_sequence, seq)) {     /* changed since the checks? */
4496	-	SPF_ABORT	        return ret;
4497	-	-	    }
4500	-	-	    ret = handle_pte_fault(&vmf);     /* -> do_anonymous_page -> pte_map_lock */
4506	-	-	    if (!(ret & VM_FAULT_RETRY)) {     /* done: drop our reference */
4507	-	-	        put_vma(vmf.vma);
4508	-	-	        *vma = NULL;
4509	-	-	    }
4519	-	SPF_ABORT	    return ret;     /* on RETRY *vma keeps its reference for the arch handler */
4521	-	-	out_walk:
4523	-	-	    local_irq_enable();
4524	-	-	    return ret;
4526	-	-	out_segv:
4532	-	-	    put_vma(vmf.vma);     /* permission error: nothing handed over */
4533	-	-	    *vma = NULL;
4534	-	-	    return VM_FAULT_SIGSEGV;
4535	-	-	}
