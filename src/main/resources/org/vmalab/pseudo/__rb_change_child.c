# function: __rb_change_child
# file: include/linux/rbtree_augmented.h
135	-	-	static inline void __rb_change_child(old, new, parent, root)
137	-	-	{
138	-	-	    if (parent) {
139	-	-	        if (parent->rb_left == old)
140	-	RB_CHANGE_CHILD_LEFT	            parent->rb_left = new;          /* WRITE_ONCE */
141	-	-	        else
142	-	RB_CHANGE_CHILD_RIGHT	            parent->rb_right = new;         /* WRITE_ONCE */
143	-	-	    } else
144	-	RB_CHANGE_CHILD_ROOT	        root->rb_node = new;                /* WRITE_ONCE: new root */
145	-	-	}
