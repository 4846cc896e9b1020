# function: unmapped_area
# file: mm/mmap.c
1872	-	-	unsigned long unmapped_area(info)     /* bottom-up: the lowest gap that fits */
1873	-	-	{
1887	-	-	    length = info->length + info->align_mask;     /* worst-case alignment slack */
1888	-	-	    if (length < info->length) return -ENOMEM;
1892	-	-	    if (info->high_limit < length) return -ENOMEM;
1894	-	-	    high_limit = info->high_limit - length;     /* highest usable gap_start */
1896	-	-	    if (info->low_limit > high_limit) return -ENOMEM;
1898	-	-	    low_limit = info->low_limit + length;      /* lowest usable gap_end */
1901	-	-	    if (RB_EMPTY_ROOT(&mm->mm_rb))
1902	-	-	        goto check_highest;
1903	-	-	    vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
1904	-	-	    if (vma->rb_subtree_gap < length)     /* no gap in the whole tree is big enough */
1905	-	-	        goto check_highest;
1907	-	-	    while (true) {
1909	-	-	        gap_end = vm_start_gap(vma);
1910	-	-	        if (gap_end >= low_limit && vma->vm_rb.rb_left) {     /* left subtree first */
1911	-	-	            left = rb_entry(vma->vm_rb.rb_left, struct vm_area_struct, vm_rb);
1914	-	-	            if (left->rb_subtree_gap >= length) {
1915	-	UA_BU_GO_LEFT	                vma = left;
1916	-	-	                continue;
1917	-	-	            }
1918	-	-	        }
1920	-	-	        gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
1921	-	-	check_current:
1923	-	-	        if (gap_start > high_limit)     /* everything further right starts higher still */
1924	-	UA_BU_ABOVE_HIGH	            return -ENOMEM;
1925	-	UA_BU_CHECK	        if (gap_end >= low_limit && gap_end > gap_start && gap_end - gap_start >= length)
1927	-	UA_BU_FOUND	            goto found;
1930	-	-	        if (vma->vm_rb.rb_right) {     /* then the right subtree */
1931	-	-	            right = rb_entry(vma->vm_rb.rb_right, struct vm_area_struct, vm_rb);
1934	-	-	            if (right->rb_subtree_gap >= length) {
1935	-	UA_BU_GO_RIGHT	                vma = right;
1936	-	-	                continue;
1937	-	-	            }
1938	-	-	        }
1941	-	-	        while (true) {     /* climb to the next candidate */
1942	-	-	            prev = &vma->vm_rb;
1943	-	UA_BU_UP_ROOT	            if (!rb_parent(prev))
1944	-	UA_BU_UP_ROOT	                goto check_highest;
1945	-	UA_BU_UP_FROM_RIGHT	            vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
1947	-	UA_BU_UP_FROM_LEFT	            if (prev == vma->vm_rb.rb_left) {     /* came up from the left: vma is next in order */
1948	-	-	                gap_start = vm_end_gap(vma->vm_prev);
1949	-	-	                gap_end = vm_start_gap(vma);
1950	-	-	                goto check_current;
1951	-	-	            }
1952	-	-	        }
1953	-	-	    }
1955	-	-	check_highest:
1957	-	UA_BU_HIGHEST_OK,UA_BU_HIGHEST_NO	    gap_start = mm->highest_vm_end;     /* the gap above the last VMA */
1958	-	-	    gap_end = ULONG_MAX;
1959	-	UA_BU_HIGHEST_NO	    if (gap_start > high_limit)
1960	-	UA_BU_HIGHEST_NO	        return -ENOMEM;
1962	-	-	found:
1964	-	-	    if (gap_start < info->low_limit)     /* clip to the caller's window */
1965	-	-	        gap_start = info->low_limit;
1968	-	-	    gap_start += (info->align_offset - gap_start) & info->align_mask;
1972	-	-	    return gap_start;
1973	-	-	}
