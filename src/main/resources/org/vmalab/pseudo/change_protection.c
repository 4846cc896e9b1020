# function: change_protection
# file: mm/mprotect.c
-	-	-	/* lines: estimate */
286	-	-	unsigned long change_protection(vma, start, end, newprot, dirty_accountable, prot_numa)
288	-	-	{
291	-	MPROTECT_CHANGE_PROT	    pages = change_protection_range(vma, start, end, newprot, dirty_accountable, prot_numa);
-	-	-	    /* ... each PTE of [start, end) is rewritten under its page-table lock (pte_offset_map_lock) ... */
293	-	-	    return pages;
294	-	-	}
