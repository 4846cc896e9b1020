# function: vmacache_invalidate
# file: include/linux/vmacache.h
30	-	-	static inline void vmacache_invalidate(mm)
31	-	-	{
32	-	VMACACHE_INVALIDATE	    mm->vmacache_seqnum++;     /* every thread's cache of this mm is now stale */
35	-	-	    if (unlikely(mm->vmacache_seqnum == 0))     /* wrapped: flush all threads */
36	-	-	        vmacache_flush_all(mm);
37	-	-	}
