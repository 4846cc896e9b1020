# function: dup_mmap
# file: kernel/fork.c
-	-	-	/* lines: estimate (v4.15; the patch adds rwlock_init(&mm->mm_rb_lock) to mm_init, hunk @@ -887) */
-	-	-	/* called by dup_mm() once the child's mm is a copy of the parent's emptied by mm_init() */
394	-	-	static __latent_entropy int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
396	-	-	{
405	-	-	    if (down_write_killable(&oldmm->mmap_sem)) { ... }     /* the parent's, for write */
-	-	-	    /* ... flush_cache_dup_mm, uprobe_dup_mmap ... */
414	-	FORK_CHILD_SEM_LOCK	    down_write_nested(&mm->mmap_sem, SINGLE_DEPTH_NESTING);     /* not linked in yet: no deadlock */
-	-	-	    /* ... exe_file, total_vm and friends, ksm_fork, khugepaged_fork ... */
433	-	-	    rb_link = &mm->mm_rb.rb_node;
434	-	-	    rb_parent = NULL;
435	-	-	    pprev = &mm->mmap;
-	-	-	    /* ... */
442	-	-	    prev = NULL;
443	-	-	    for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
-	-	-	        /* ... VM_DONTCOPY, VM_ACCOUNT charge ... */
458	-	-	        tmp = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
461	-	FORK_COPY	        *tmp = *mpnt;     /* every field: vm_ref_count too, which a parent's speculative fault may hold */
462	-	-	        INIT_LIST_HEAD(&tmp->anon_vma_chain);
-	-	-	        /* ... vma_dup_policy, tmp->vm_mm = mm, dup_userfaultfd, anon_vma_fork, clear VM_LOCKED ... */
479	-	FORK_COPY	        tmp->vm_next = tmp->vm_prev = NULL;
-	-	-	        /* ... a file mapping: get_file, i_mmap interval tree ... */
508	-	FORK_LINK_LIST	        *pprev = tmp;
509	-	FORK_LINK_LIST	        pprev = &tmp->vm_next;
510	-	FORK_LINK_LIST	        tmp->vm_prev = prev;
511	-	-	        prev = tmp;
513	-	-	        __vma_link_rb(mm, tmp, rb_link, rb_parent);     /* the child's tree, under the child's mm_rb_lock */
514	-	-	        rb_link = &tmp->vm_rb.rb_right;     /* the next copy goes to the right of this one */
515	-	-	        rb_parent = &tmp->vm_rb;
517	-	FORK_MAP_COUNT	        mm->map_count++;
518	-	-	        if (!(tmp->vm_flags & VM_WIPEONFORK))
519	-	FORK_COPY_PAGE_RANGE	            retval = copy_page_range(mm, oldmm, mpnt);     /* COW: the parent's private PTEs made read-only */
-	-	-	        /* ... vm_ops->open ... */
526	-	-	    }
-	-	-	    /* ... arch_dup_mmap ... */
530	-	-	out:
531	-	FORK_CHILD_SEM_UNLOCK	    up_write(&mm->mmap_sem);
532	-	-	    flush_tlb_mm(oldmm);
533	-	-	    up_write(&oldmm->mmap_sem);
-	-	-	    /* ... */
537	-	-	    return retval;
