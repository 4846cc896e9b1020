# function: dup_mm
# file: kernel/fork.c
-	-	-	/* lines: estimate */
1196	-	-	static struct mm_struct *dup_mm(struct task_struct *tsk)
1197	-	-	{
1202	-	-	    mm = allocate_mm();
1206	-	FORK_DUP_MM	    memcpy(mm, oldmm, sizeof(*mm));     /* mmap_base, brk ... as in the parent */
1208	-	FORK_DUP_MM	    if (!mm_init(mm, tsk, mm->user_ns))     /* mmap = NULL, mm_rb = RB_ROOT, map_count = 0, mm_users = 1, */
-	-	-	        /* ... rwlock_init(&mm->mm_rb_lock): the patch's hunk in mm_init ... */
1209	-	-	        goto fail_nomem;
1211	-	-	    err = dup_mmap(mm, oldmm);
1215	-	-	    mm->hiwater_rss = get_mm_rss(mm);
1216	-	-	    mm->hiwater_vm = mm->total_vm;
-	-	-	    /* ... */
1221	-	-	    return mm;
