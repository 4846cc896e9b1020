# function: vmacache_valid
# file: mm/vmacache.c
68	-	-	static bool vmacache_valid(mm)
69	-	-	{
72	-	-	    if (!vmacache_valid_mm(mm))
73	-	-	        return false;
75	-	-	    curr = current;
76	-	-	    if (mm->vmacache_seqnum != curr->vmacache.seqnum) {     /* something was unmapped since */
81	-	VMACACHE_FLUSH	        curr->vmacache.seqnum = mm->vmacache_seqnum;
82	-	VMACACHE_FLUSH	        vmacache_flush(curr);     /* clear the 4 slots */
83	-	-	        return false;
84	-	-	    }
85	-	VMACACHE_VALID	    return true;
86	-	-	}
