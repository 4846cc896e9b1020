# function: __rb_erase_augmented
# file: include/linux/rbtree_augmented.h
164	-	-	static __always_inline struct rb_node *__rb_erase_augmented(node, root, leftmost, augment)
167	-	-	{
168	-	-	    child = node->rb_right;
169	-	-	    tmp = node->rb_left;
173	-	-	    if (leftmost && node == *leftmost)   /* rb_root_cached only; NULL for mm_rb */
174	-	-	        *leftmost = rb_next(node);
176	-	ERASE_CASE1	    if (!tmp) {     /* Case 1: no left child, at most one (red) right child */
184	-	-	        pc = node->__rb_parent_color;
185	-	-	        parent = __rb_parent(pc);
186	-	-	        __rb_change_child(node, child, parent, root);
187	-	-	        if (child) {
188	-	ERASE_C1_CHILD_PC	            child->__rb_parent_color = pc;     /* child inherits parent and colour */
189	-	-	            rebalance = NULL;
190	-	-	        } else
191	-	-	            rebalance = __rb_is_black(pc) ? parent : NULL;   /* removed a black leaf */
192	-	-	        tmp = parent;
193	-	ERASE_CASE1	    } else if (!child) {     /* still Case 1, the lone child is on the left */
195	-	ERASE_C1_LEFT_PC	        tmp->__rb_parent_color = pc = node->__rb_parent_color;
196	-	-	        parent = __rb_parent(pc);
197	-	-	        __rb_change_child(node, tmp, parent, root);
198	-	-	        rebalance = NULL;
199	-	-	        tmp = parent;
200	-	-	    } else {     /* two children: the in-order successor takes node's place */
201	-	-	        successor = child;
203	-	-	        tmp = child->rb_left;
204	-	ERASE_CASE2	        if (!tmp) {     /* Case 2: successor is node's right child */
214	-	-	            parent = successor;
215	-	-	            child2 = successor->rb_right;
217	-	-	            augment->copy(node, successor);     /* vma_gap_callbacks_copy */
218	-	ERASE_CASE3	        } else {     /* Case 3: successor is the leftmost node of the right subtree */
233	-	-	            do {     /* walk down the left spine (reads only) */
234	-	-	                parent = successor;
235	-	-	                successor = tmp;
236	-	-	                tmp = tmp->rb_left;
237	-	-	            } while (tmp);
238	-	-	            child2 = successor->rb_right;
239	-	ERASE_C3_PARENT_LEFT	            parent->rb_left = child2;            /* WRITE_ONCE */
240	-	ERASE_C3_SUCC_RIGHT	            successor->rb_right = child;         /* WRITE_ONCE */
241	-	ERASE_C3_CHILD_PARENT	            rb_set_parent(child, successor);
243	-	-	            augment->copy(node, successor);
244	-	-	            augment->propagate(parent, successor);   /* fix gaps between old and new spot */
245	-	-	        }
247	-	-	        tmp = node->rb_left;
248	-	ERASE_SUCC_LEFT	        successor->rb_left = tmp;                /* WRITE_ONCE */
249	-	ERASE_LEFT_PARENT	        rb_set_parent(tmp, successor);
251	-	-	        pc = node->__rb_parent_color;
252	-	-	        tmp = __rb_parent(pc);
253	-	-	        __rb_change_child(node, successor, tmp, root);
255	-	-	        if (child2) {
256	-	ERASE_SUCC_PC	            successor->__rb_parent_color = pc;   /* takes node's parent and colour */
257	-	ERASE_CHILD2_PC	            rb_set_parent_color(child2, parent, RB_BLACK);
258	-	-	            rebalance = NULL;
259	-	-	        } else {
260	-	-	            pc2 = successor->__rb_parent_color;      /* remember its old colour */
261	-	ERASE_SUCC_PC	            successor->__rb_parent_color = pc;
262	-	-	            rebalance = __rb_is_black(pc2) ? parent : NULL;
263	-	-	        }
264	-	-	        tmp = successor;
265	-	-	    }
267	-	-	    augment->propagate(tmp, NULL);     /* gaps up to the root (early stop) */
268	-	-	    return rebalance;     /* rb_erase_augmented() then runs ____rb_erase_color() if set */
269	-	-	}
