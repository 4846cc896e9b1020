# function: rwsem_down_write_failed
# file: kernel/locking/rwsem-xadd.c
-	-	-	/* body is __rwsem_down_write_failed_common(sem, TASK_UNINTERRUPTIBLE); lines: estimate */
497	-	-	static inline struct rw_semaphore *__rwsem_down_write_failed_common(sem, state)
505	-	-	    count = atomic_long_sub_return(RWSEM_ACTIVE_WRITE_BIAS, &sem->count);     /* undo the fast-path attempt */
508	-	-	    if (rwsem_optimistic_spin(sem))     /* spin while the owner runs; take a free lock although others wait */
509	-	-	        return sem;
-	-	-	    /* ... queue: waiter.type = RWSEM_WAITING_FOR_WRITE, list_add_tail(&waiter.list, &sem->wait_list) ... */
540	-	-	    set_current_state(state);
541	-	-	    while (true) {
542	-	SEM_WRITE_TAKE	        if (rwsem_try_write_lock(count, sem))     /* no active holder: the lock is ours */
543	-	SEM_WRITE_TAKE	            break;
-	-	-	        /* ... killable variant: signal check ... */
545	-	-	        raw_spin_unlock_irq(&sem->wait_lock);
549	-	-	        do {
553	-	-	            schedule();     /* woken by up_read/up_write (__rwsem_mark_wake), or the lock was taken first */
555	-	-	            set_current_state(state);
556	-	-	        } while ((count = atomic_long_read(&sem->count)) & RWSEM_ACTIVE_MASK);
558	-	-	        raw_spin_lock_irq(&sem->wait_lock);
559	-	-	    }
560	-	-	    __set_current_state(TASK_RUNNING);
561	-	-	    list_del(&waiter.list);     /* off the wait list only once it holds the lock */
563	-	-	    return sem;
