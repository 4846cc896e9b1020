# function: vmacache_update
# file: mm/vmacache.c
62	-	-	void vmacache_update(addr, newvma)
63	-	-	{
64	-	-	    if (vmacache_valid_mm(newvma->vm_mm))     /* current thread, not a kthread */
65	-	VMACACHE_UPDATE	        current->vmacache.vmas[VMACACHE_HASH(addr)] = newvma;     /* slot (addr >> PAGE_SHIFT) & 3 */
66	-	-	}
