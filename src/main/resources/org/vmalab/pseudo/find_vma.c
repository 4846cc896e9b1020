# function: find_vma
# file: mm/mmap.c
2245	+	-	struct vm_area_struct *find_vma(mm, addr)     /* callers hold mmap_sem */
2246	+	-	{
2250	+	-	    vma = vmacache_find(mm, addr);     /* per-thread cache first */
2251	+	-	    if (likely(vma))
2252	+	-	        return vma;
2254	+	-	    vma = __find_vma(mm, addr);     /* then the tree */
2255	-	-	    if (vma)
2256	-	-	        vmacache_update(addr, vma);
2257	-	FIND_VMA_RETURN	    return vma;
2258	-	-	}
