# function: arch_get_unmapped_area_topdown
# file: arch/x86/kernel/sys_x86_64.c
165	-	-	unsigned long arch_get_unmapped_area_topdown(filp, addr0, len, pgoff, flags)     /* lines: estimate */
-	-	-	    /* addr0: do_mmap has rounded the hint down to a page and raised it to mmap_min_addr (round_hint_to_min) */
175	-	-	    if (len > TASK_SIZE)
176	-	-	        return -ENOMEM;
179	-	-	    if (flags & MAP_FIXED)
180	-	-	        return addr;
187	-	-	    if (addr) {     /* a hint: take it if the range is free */
188	-	-	        addr &= PAGE_MASK;
189	-	-	        if (!mmap_address_hint_valid(addr, len))
190	-	-	            goto get_unmapped_area;
192	-	-	        vma = find_vma(mm, addr);
193	-	GUA_HINT_OK	        if (!vma || addr + len <= vm_start_gap(vma))
194	-	GUA_HINT_OK	            return addr;
195	-	-	    }
196	-	-	get_unmapped_area:
198	-	-	    info.flags = VM_UNMAPPED_AREA_TOPDOWN;
199	-	-	    info.length = len;
200	-	-	    info.low_limit = PAGE_SIZE;
201	-	-	    info.high_limit = get_mmap_base(0);     /* mm->mmap_base */
-	-	-	    /* ... addresses above DEFAULT_MAP_WINDOW, file alignment ... */
217	-	-	    addr = vm_unmapped_area(&info);     /* -> unmapped_area_topdown() */
218	-	-	    if (!(addr & ~PAGE_MASK))
219	-	-	        return addr;
222	-	-	bottomup:
229	-	-	    return arch_get_unmapped_area(filp, addr0, len, pgoff, flags);     /* fall back to bottom-up */
