# function: down_read
# file: kernel/locking/rwsem.c
21	-	-	void __sched down_read(sem)
22	-	-	{
23	-	-	    might_sleep();
24	-	-	    rwsem_acquire_read(&sem->dep_map, 0, 0, _RET_IP_);     /* lockdep */
26	-	SEM_DOWN_READ,SEM_DOWN_READ_SLEEP	    LOCK_CONTENDED(sem, __down_read_trylock, __down_read);     /* fast path, else rwsem_down_read_failed(): sleep */
27	-	-	    rwsem_set_reader_owned(sem);
28	-	-	}
