# function: mmap_region
# file: mm/mmap.c
1705	-	-	unsigned long mmap_region(file, addr, len, vm_flags, pgoff, uf)
1708	-	-	{
-	-	-	    /* ... may_expand_vm() address-space limit check ... */
1731	-	-	    while (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent)) {     /* clear old maps (MAP_FIXED) */
1733	-	-	        if (do_munmap(mm, addr, len, uf))
1734	-	-	            return -ENOMEM;
1735	-	-	    }
-	-	-	    /* ... accountable_mapping(): charge private writable memory ... */
1750	-	-	    vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, file, pgoff, NULL, NULL_VM_UFFD_CTX);
1752	-	-	    if (vma)     /* an old mapping was extended */
1753	-	-	        goto out;
1760	-	MMAP_ALLOC	    vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);     /* zeroed: vm_ref_count 0, vm_sequence 0 */
1761	-	-	    if (!vma) { error = -ENOMEM; goto unacct_error; }
1766	-	-	    vma->vm_mm = mm;
1767	-	-	    vma->vm_start = addr;
1768	-	-	    vma->vm_end = addr + len;
1769	-	-	    vma->vm_flags = vm_flags;
1770	-	-	    vma->vm_page_prot = vm_get_page_prot(vm_flags);
1771	-	-	    vma->vm_pgoff = pgoff;
1772	-	-	    INIT_LIST_HEAD(&vma->anon_vma_chain);
-	-	-	    /* ... file: deny_write_access, call_mmap(); shared anon: shmem_zero_setup() ... */
1813	-	-	    vma_link(mm, vma, prev, rb_link, rb_parent);     /* list + mm_rb (under mm_rb_lock) + map_count++ */
1822	-	-	out:
1823	-	-	    perf_event_mmap(vma);
1825	-	-	    vm_write_begin(vma);     /* SPF 8/24: flags change below */
-	-	-	    /* ... vm_stat_account, VM_LOCKED accounting, uprobe_mmap, VM_SOFTDIRTY ... */
1847	-	-	    vma_set_page_prot(vma);
1848	-	-	    vm_write_end(vma);
1850	-	-	    return addr;
