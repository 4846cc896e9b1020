# function: rb_link_node
# file: include/linux/rbtree.h
105	-	-	static inline void rb_link_node(node, parent, rb_link)
107	-	-	{
108	-	RB_LINK_NODE	    node->__rb_parent_color = (unsigned long)parent;   /* colour bit 0: red */
109	-	RB_LINK_NODE	    node->rb_left = node->rb_right = NULL;            /* a leaf */
111	-	RB_LINK_ROOT,RB_LINK_LEFT,RB_LINK_RIGHT	    *rb_link = node;    /* the slot found by the walk: root, or parent->rb_left/rb_right */
112	-	-	}
