# function: __vma_rb_erase
# file: mm/mmap.c
450	+	-	static void __vma_rb_erase(vma, mm)     /* now takes the mm, not the rb_root */
451	-	-	{
452	+	-	    root = &mm->mm_rb;
458	+	ERASE_WRITE_LOCK,ERASE_WRITE_WAITING,ERASE_WRITE_SPIN	    mm_rb_write_lock(mm);     /* write_lock(&mm->mm_rb_lock): waits for SPF readers to leave */
-	-	RB_CLEAR_NODE_EARLY	    /* bug variant CLEAR_BEFORE_ERASE: RB_CLEAR_NODE(&vma->vm_rb) would happen here */
459	-	-	    rb_erase_augmented(&vma->vm_rb, root, &vma_gap_callbacks);     /* __rb_erase_augmented + ____rb_erase_color */
460	+	ERASE_WRITE_UNLOCK	    mm_rb_write_unlock(mm);     /* release, the patch's "wmb": erase ordered before the clear */
466	+	RB_CLEAR_NODE	    RB_CLEAR_NODE(&vma->vm_rb);     /* node points to itself: RB_EMPTY_NODE() is true */
467	-	-	}
