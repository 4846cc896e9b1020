# function: __do_page_fault
# file: arch/x86/mm/fault.c
-	-	-	/* lines: v4.15 + SPF v8 1-24 (the SPF hook is patch 23/24) */
1238	-	-	__do_page_fault(regs, error_code, address)
1240	-	-	{
1243	-	-	    struct vm_area_struct *spf_vma = NULL;
1270	-	FAULT_KERNEL_ADDRESS	    if (unlikely(fault_in_kernel_space(address))) {     /* >= TASK_SIZE_MAX; estimate */
-	-	-	        /* ... vmalloc_fault, spurious_fault, kprobes ... */
-	-	-	        bad_area_nosemaphore(regs, error_code, address, NULL);     /* SIGSEGV: no mmap_sem, no SPF */
-	-	-	        return;
-	-	-	    }
-	-	-	    /* ... kprobes, flags setup ... */
1343	-	SPF_ENTRY	    if ((error_code & X86_PF_USER) && atomic_read(&mm->mm_users) > 1) {     /* user fault, multithreaded */
1344	-	SPF_ENTRY	        fault = handle_speculative_fault(mm, address, flags, &spf_vma);
1347	-	-	        if (!(fault & VM_FAULT_RETRY)) {
1348	-	-	            if (!(fault & VM_FAULT_ERROR)) {
1349	-	-	                perf_sw_event(PERF_COUNT_SW_SPF, 1, regs, address);
1351	-	-	                goto done;     /* handled without mmap_sem */
1352	-	-	            }
-	-	-	            /* error: retry classically, the signal path needs the pkey */
1359	-	-	        }
1360	-	-	    }
1379	-	SPF_NO_SPF	    if (unlikely(!down_read_trylock(&mm->mmap_sem))) {     /* classic path */
1386	-	-	        down_read(&mm->mmap_sem);
1387	-	-	    } else
1393	-	-	        might_sleep();
1397	-	-	    if (spf_vma) {     /* a VMA was handed over by the speculative path */
1398	-	-	        if (can_reuse_spf_vma(spf_vma, address))
1399	-	-	            vma = spf_vma;
1400	-	-	        else
1401	-	-	            vma = find_vma(mm, address);
1402	-	-	        spf_vma = NULL;
1403	-	-	    } else
1405	-	-	        vma = find_vma(mm, address);
1406	-	-	    if (unlikely(!vma)) {
1407	-	CLASSIC_BAD	        bad_area(regs, error_code, address);     /* SIGSEGV; releases mmap_sem */
1408	-	-	        return;
1409	-	-	    }
1410	-	-	    if (likely(vma->vm_start <= address))
1411	-	-	        goto good_area;
1412	-	-	    if (unlikely(!(vma->vm_flags & VM_GROWSDOWN))) {
1413	-	CLASSIC_BAD	        bad_area(regs, error_code, address);
1414	-	-	        return;
1415	-	-	    }
-	-	-	    /* ... a user fault far below the stack pointer: bad_area (the model assumes accesses near %sp) ... */
1432	-	-	    if (unlikely(expand_stack(vma, address))) {     /* expand_downwards(): vm_start lowered */
1433	-	-	        bad_area(regs, error_code, address);
1434	-	-	        return;
1435	-	-	    }
1437	-	-	good_area:
1438	-	-	    if (unlikely(access_error(error_code, vma))) { bad_area_access_error(...); return; }     /* write: VM_WRITE; read: VM_READ, VM_EXEC or VM_WRITE */
1459	-	-	    fault = handle_mm_fault(vma, address, flags);     /* line: estimate */
-	-	-	    /* ... retry / error handling, up_read(&mm->mmap_sem) ... */
1492	-	-	done:
-	-	-	    /* ... major/minor fault accounting ... */
