# function: mmput
# file: kernel/fork.c
-	-	-	/* lines: estimate; called by exit_mm() when a thread leaves the mm (and by every mmget() holder) */
949	-	-	void mmput(struct mm_struct *mm)
950	-	-	{
951	-	-	    might_sleep();
953	-	MMPUT,MMPUT_LAST	    if (atomic_dec_and_test(&mm->mm_users))     /* the last user: nobody else can reach the mm */
954	-	MMPUT_LAST	        __mmput(mm);     /* -> exit_mmap(mm), then mmdrop */
955	-	-	}
