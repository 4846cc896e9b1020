# function: vma_merge
# file: mm/mmap.c
1171	-	-	struct vm_area_struct *__vma_merge(mm, prev, addr, end, vm_flags, anon_vma, file, pgoff, policy, uffd_ctx, keep_locked)
-	-	-	    /* since SPF 9/24 vma_merge() is an inline wrapper (include/linux/mm.h) calling this with keep_locked = false */
1178	-	-	{
1179	-	-	    pglen = (end - addr) >> PAGE_SHIFT;
1187	-	-	    if (vm_flags & VM_SPECIAL)
1188	-	-	        return NULL;
1190	-	-	    next = prev ? prev->vm_next : mm->mmap;
1194	-	-	    area = next;
1195	-	-	    if (area && area->vm_end == end)     /* cases 6, 7, 8 */
1196	-	-	        next = next->vm_next;
1206	-	-	    if (prev && prev->vm_end == addr && mpol_equal(...) && can_vma_merge_after(prev, ...)) {
1214	-	-	        if (next && end == next->vm_start && mpol_equal(...) && can_vma_merge_before(next, ...) &&
1220	-	-	                is_mergeable_anon_vma(prev->anon_vma, next->anon_vma, NULL))
1223	-	MERGE_CASE1	            err = __vma_adjust(prev, prev->vm_start, next->vm_end, prev->vm_pgoff, NULL, prev, keep_locked);   /* cases 1, 6 */
1226	-	-	        else
1227	-	MERGE_CASE2	            err = __vma_adjust(prev, prev->vm_start, end, prev->vm_pgoff, NULL, prev, keep_locked);   /* cases 2, 5, 7 */
1230	-	-	        if (err)
1231	-	-	            return NULL;
1232	-	-	        khugepaged_enter_vma_merge(prev, vm_flags);
1233	-	-	        return prev;
1234	-	-	    }
1239	-	-	    if (next && end == next->vm_start && mpol_equal(...) && can_vma_merge_before(next, ...)) {
1244	-	-	        if (prev && addr < prev->vm_end)     /* case 4 */
1245	-	MERGE_CASE4	            err = __vma_adjust(prev, prev->vm_start, addr, prev->vm_pgoff, NULL, next, keep_locked);
1248	-	-	        else {
1249	-	MERGE_CASE3	            err = __vma_adjust(area, addr, next->vm_end, next->vm_pgoff - pglen, NULL, next, keep_locked);   /* cases 3, 8 */
1257	-	-	            area = next;
1258	-	-	        }
1259	-	-	        if (err)
1260	-	-	            return NULL;
1262	-	-	        return area;
1263	-	-	    }
1265	-	MERGE_NONE	    return NULL;     /* nothing to extend: the caller needs a new VMA */
1266	-	-	}
