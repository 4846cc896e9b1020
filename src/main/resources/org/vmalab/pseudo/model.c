# function: (model)
# file: -
-	-	OP_ABORTED	/* not kernel code: the model stops the operation because the tree is corrupt */
-	-	SB_FLUSH	/* not kernel code: the CPU's store buffer makes one earlier store visible to the other CPUs (RELAXED_STORES) */
