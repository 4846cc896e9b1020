# function: __rb_rotate_set_parents
# file: lib/rbtree.c
87	-	-	static inline void __rb_rotate_set_parents(old, new, root, color)
89	-	-	{
90	-	-	    parent = rb_parent(old);
91	-	RB_ROTATE_SET_NEW	    new->__rb_parent_color = old->__rb_parent_color;   /* new takes old's parent and colour */
92	-	RB_ROTATE_SET_OLD	    rb_set_parent_color(old, new, color);              /* old hangs below new */
93	-	-	    __rb_change_child(old, new, parent, root);         /* parent (or root) points to new */
94	-	-	}
