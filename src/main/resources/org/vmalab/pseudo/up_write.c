# function: up_write
# file: kernel/locking/rwsem.c
128	-	-	void up_write(sem)
129	-	-	{
130	-	-	    rwsem_release(&sem->dep_map, 1, _RET_IP_);
132	-	-	    rwsem_clear_owner(sem);
133	-	SEM_UP_WRITE	    __up_write(sem);     /* wakes a writer, or the run of readers at the head */
134	-	-	}
