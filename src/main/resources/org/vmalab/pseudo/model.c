# function: (model)
# file: -
-	-	OP_ABORTED	/* not kernel code: the model stops the operation because the tree is corrupt */
