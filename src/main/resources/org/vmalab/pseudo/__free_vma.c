# function: __free_vma
# file: mm/mmap.c
163	+	-	static void __free_vma(vma)      /* new: the freeing half of the old remove_vma() */
164	+	-	{
165	+	FREE_VMA	    if (vma->vm_file)
166	+	FREE_VMA	        fput(vma->vm_file);
167	+	FREE_VMA	    mpol_put(vma_policy(vma));
168	+	FREE_VMA	    kmem_cache_free(vm_area_cachep, vma);     /* the memory is gone */
169	+	-	}
