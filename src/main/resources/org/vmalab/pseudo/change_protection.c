# function: change_protection
# file: mm/mprotect.c
-	-	-	/* lines: counted back from mprotect_fixup (SPF 08/24 hunks) */
286	-	-	unsigned long change_protection(vma, start, end, newprot, dirty_accountable, prot_numa)
289	-	-	{
292	-	-	    if (is_vm_hugetlb_page(vma)) ...     /* not in the model */
295	-	MPROTECT_CHANGE_PROT	    else pages = change_protection_range(vma, start, end, newprot, dirty_accountable, ...);
-	-	-	    /* ... each PTE of [start, end) is rewritten under its page-table lock (pte_offset_map_lock) ... */
297	-	-	    return pages;
298	-	-	}
