# function: __split_vma
# file: mm/mmap.c
2664	-	-	int __split_vma(mm, vma, addr, new_below)
2666	-	-	{
2670	-	-	    if (vma->vm_ops && vma->vm_ops->split) { ... }     /* e.g. device-dax refuses */
2676	-	-	    new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
2677	-	-	    if (!new)
2678	-	-	        return -ENOMEM;
2681	-	SPLIT_COPY	    *new = *vma;     /* every field, vm_ref_count and vm_sequence included */
2683	-	-	    INIT_LIST_HEAD(&new->anon_vma_chain);
2685	-	-	    if (new_below)
2686	-	SPLIT_NEW_END	        new->vm_end = addr;
2687	-	-	    else {
2688	-	SPLIT_NEW_START	        new->vm_start = addr;
2689	-	-	        new->vm_pgoff += ((addr - vma->vm_start) >> PAGE_SHIFT);
2690	-	-	    }
-	-	-	    /* ... vma_dup_policy, anon_vma_clone, get_file, vm_ops->open ... */
2706	-	-	    if (new_below)
2707	-	-	        err = vma_adjust(vma, addr, vma->vm_end, vma->vm_pgoff + ..., new);
2709	-	-	    else
2710	-	-	        err = vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff, new);     /* inserts new */
2713	-	-	    if (!err)
2714	-	-	        return 0;
-	-	-	    /* ... error path: undo and free new ... */
