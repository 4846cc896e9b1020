# function: up_read
# file: kernel/locking/rwsem.c
116	-	-	void up_read(sem)
117	-	-	{
118	-	-	    rwsem_release(&sem->dep_map, 1, _RET_IP_);
120	-	SEM_UP_READ	    __up_read(sem);     /* last reader out wakes the queue head */
121	-	-	}
