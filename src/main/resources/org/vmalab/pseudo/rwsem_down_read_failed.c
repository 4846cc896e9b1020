# function: rwsem_down_read_failed
# file: kernel/locking/rwsem-xadd.c
-	-	-	/* body is __rwsem_down_read_failed_common(sem, TASK_UNINTERRUPTIBLE); lines: estimate */
226	-	-	static inline struct rw_semaphore *__rwsem_down_read_failed_common(sem, state)
232	-	-	    waiter.task = current;
233	-	-	    waiter.type = RWSEM_WAITING_FOR_READ;
235	-	-	    raw_spin_lock_irq(&sem->wait_lock);
238	-	-	    list_add_tail(&waiter.list, &sem->wait_list);     /* FIFO: behind any queued writer */
-	-	-	    /* ... adjust count; if nobody is active, wake the queue head ... */
253	-	-	    raw_spin_unlock_irq(&sem->wait_lock);
257	-	-	    while (true) {     /* wait to be given the lock */
258	-	-	        set_current_state(state);
259	-	SEM_WOKEN	        if (!waiter.task)     /* the waker granted us the lock */
260	-	SEM_WOKEN	            break;
-	-	-	        /* ... killable variant: signal check ... */
267	-	-	        schedule();
268	-	-	    }
270	-	-	    __set_current_state(TASK_RUNNING);
271	-	-	    return sem;
283	-	-	rwsem_down_read_failed(sem) { return __rwsem_down_read_failed_common(sem, TASK_UNINTERRUPTIBLE); }
