# function: vmacache_find
# file: mm/vmacache.c
88	-	-	struct vm_area_struct *vmacache_find(mm, addr)     /* needs mmap_sem: the cache is not under mm_rb_lock */
89	-	-	{
94	-	-	    if (!vmacache_valid(mm))
95	-	-	        return NULL;
97	-	VMACACHE_SLOT	    for (i = 0; i < VMACACHE_SIZE; i++) {
98	-	VMACACHE_SLOT	        vma = current->vmacache.vmas[i];
100	-	-	        if (!vma)
101	-	-	            continue;
104	-	VMACACHE_HIT	        if (vma->vm_start <= addr && vma->vm_end > addr) {
106	-	VMACACHE_HIT	            return vma;
107	-	-	        }
108	-	-	    }
110	-	-	    return NULL;
111	-	-	}
