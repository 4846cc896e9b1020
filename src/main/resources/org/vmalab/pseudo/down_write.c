# function: down_write
# file: kernel/locking/rwsem.c
67	-	-	void __sched down_write(sem)
68	-	-	{
69	-	-	    might_sleep();
70	-	-	    rwsem_acquire(&sem->dep_map, 0, 0, _RET_IP_);
72	-	SEM_DOWN_WRITE,SEM_DOWN_WRITE_SLEEP	    LOCK_CONTENDED(sem, __down_write_trylock, __down_write);     /* else rwsem_down_write_failed(): spin or sleep */
-	-	-	    /* RWSEM_WRITER_STEAL: rwsem_down_write_failed() first spins (rwsem_optimistic_spin) and takes a free lock
-	-	-	       although others wait; a woken writer takes it itself (rwsem_try_write_lock) or sleeps again */
73	-	-	    rwsem_set_owner(sem);
74	-	-	}
