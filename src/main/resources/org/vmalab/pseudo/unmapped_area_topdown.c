# function: unmapped_area_topdown
# file: mm/mmap.c
1975	-	-	unsigned long unmapped_area_topdown(info)     /* top-down: the highest gap that fits */
1976	-	-	{
1982	-	-	    length = info->length + info->align_mask;
1983	-	-	    if (length < info->length) return -ENOMEM;
1990	-	-	    gap_end = info->high_limit;
1991	-	-	    if (gap_end < length) return -ENOMEM;
1993	-	-	    high_limit = gap_end - length;
1995	-	-	    if (info->low_limit > high_limit) return -ENOMEM;
1997	-	-	    low_limit = info->low_limit + length;
2000	-	-	    gap_start = mm->highest_vm_end;     /* try the gap above the last VMA first */
2001	-	UA_TD_HIGHEST_OK,UA_TD_HIGHEST_NO	    if (gap_start <= high_limit)
2002	-	UA_TD_HIGHEST_OK	        goto found_highest;
2005	-	UA_TD_ROOT_NO	    if (RB_EMPTY_ROOT(&mm->mm_rb))
2006	-	UA_TD_ROOT_NO	        return -ENOMEM;
2007	-	-	    vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
2008	-	UA_TD_ROOT_NO	    if (vma->rb_subtree_gap < length)     /* no gap anywhere in the tree is big enough */
2009	-	UA_TD_ROOT_NO	        return -ENOMEM;
2011	-	-	    while (true) {
2013	-	-	        gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
2014	-	-	        if (gap_start <= high_limit && vma->vm_rb.rb_right) {     /* right subtree first */
2015	-	-	            right = rb_entry(vma->vm_rb.rb_right, struct vm_area_struct, vm_rb);
2018	-	-	            if (right->rb_subtree_gap >= length) {
2019	-	UA_TD_GO_RIGHT	                vma = right;
2020	-	-	                continue;
2021	-	-	            }
2022	-	-	        }
2024	-	-	check_current:
2026	-	-	        gap_end = vm_start_gap(vma);
2027	-	-	        if (gap_end < low_limit)     /* everything further left ends lower still */
2028	-	UA_TD_BELOW_LOW	            return -ENOMEM;
2029	-	UA_TD_CHECK	        if (gap_start <= high_limit && gap_end > gap_start && gap_end - gap_start >= length)
2031	-	UA_TD_FOUND	            goto found;
2034	-	-	        if (vma->vm_rb.rb_left) {     /* then the left subtree */
2035	-	-	            left = rb_entry(vma->vm_rb.rb_left, struct vm_area_struct, vm_rb);
2038	-	-	            if (left->rb_subtree_gap >= length) {
2039	-	UA_TD_GO_LEFT	                vma = left;
2040	-	-	                continue;
2041	-	-	            }
2042	-	-	        }
2045	-	-	        while (true) {     /* climb to the next candidate */
2046	-	-	            prev = &vma->vm_rb;
2047	-	UA_TD_UP_ROOT	            if (!rb_parent(prev))
2048	-	UA_TD_UP_ROOT	                return -ENOMEM;
2049	-	UA_TD_UP_FROM_LEFT	            vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
2051	-	UA_TD_UP_FROM_RIGHT	            if (prev == vma->vm_rb.rb_right) {     /* came up from the right: vma is next (downwards) */
2052	-	-	                gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
2054	-	-	                goto check_current;
2055	-	-	            }
2056	-	-	        }
2057	-	-	    }
2059	-	-	found:
2061	-	-	    if (gap_end > info->high_limit)     /* clip to the caller's window */
2062	-	-	        gap_end = info->high_limit;
2064	-	-	found_highest:
2066	-	-	    gap_end -= info->length;
2067	-	-	    gap_end -= (gap_end - info->align_offset) & info->align_mask;
2071	-	-	    return gap_end;
2072	-	-	}
