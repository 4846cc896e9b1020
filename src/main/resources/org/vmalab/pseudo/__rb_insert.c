# function: __rb_insert
# file: lib/rbtree.c
97	-	-	static __always_inline void __rb_insert(node, root, newleft, leftmost, augment_rotate)
100	-	-	{
101	-	-	    parent = rb_red_parent(node);
103	-	-	    if (newleft)      /* rb_root_cached only */
104	-	-	        *leftmost = node;
106	-	-	    while (true) {     /* loop invariant: node is red */
110	-	-	        if (unlikely(!parent)) {     /* node is the root */
116	-	INS_ROOT_BLACK	            rb_set_parent_color(node, NULL, RB_BLACK);
117	-	-	            break;
118	-	-	        }
126	-	-	        if (rb_is_black(parent))     /* black parent: nothing to fix */
127	-	-	            break;
129	-	-	        gparent = rb_red_parent(parent);
131	-	-	        tmp = gparent->rb_right;
132	-	-	        if (parent != tmp) {     /* parent is gparent's left child */
133	-	INS_CASE1	            if (tmp && rb_is_red(tmp)) {     /* Case 1: uncle red: colour flips */
147	-	INS_C1_UNCLE	                rb_set_parent_color(tmp, gparent, RB_BLACK);       /* uncle black */
148	-	INS_C1_PARENT	                rb_set_parent_color(parent, gparent, RB_BLACK);    /* parent black */
149	-	-	                node = gparent;
150	-	-	                parent = rb_parent(node);
151	-	INS_C1_GPARENT	                rb_set_parent_color(node, parent, RB_RED);         /* gparent red: recurse at it */
152	-	-	                continue;
153	-	-	            }
155	-	-	            tmp = parent->rb_right;
156	-	INS_CASE2	            if (node == tmp) {     /* Case 2: uncle black, node is a right child: left rotate at parent */
170	-	-	                tmp = node->rb_left;
171	-	INS_C2_PARENT_RIGHT	                parent->rb_right = tmp;          /* WRITE_ONCE */
172	-	INS_C2_NODE_LEFT	                node->rb_left = parent;          /* WRITE_ONCE */
173	-	-	                if (tmp)
174	-	INS_C2_TMP_PC	                    rb_set_parent_color(tmp, parent, RB_BLACK);
176	-	INS_C2_PARENT_PC	                rb_set_parent_color(parent, node, RB_RED);
177	-	-	                augment_rotate(parent, node);    /* vma_gap_callbacks_rotate */
178	-	-	                parent = node;      /* falls into Case 3 */
179	-	-	                tmp = node->rb_right;
180	-	-	            }
183	-	INS_CASE3	            /* Case 3: uncle black, node is a left child: right rotate at gparent */
192	-	INS_C3_GPARENT_LEFT	            gparent->rb_left = tmp;          /* WRITE_ONCE; tmp == parent->rb_right */
193	-	INS_C3_PARENT_RIGHT	            parent->rb_right = gparent;      /* WRITE_ONCE */
194	-	-	            if (tmp)
195	-	INS_C3_TMP_PC	                rb_set_parent_color(tmp, gparent, RB_BLACK);
196	-	-	            __rb_rotate_set_parents(gparent, parent, root, RB_RED);
197	-	-	            augment_rotate(gparent, parent);
198	-	-	            break;
199	-	-	        } else {     /* mirror half: parent is gparent's right child */
200	-	-	            tmp = gparent->rb_left;
201	-	INS_CASE1_M	            if (tmp && rb_is_red(tmp)) {     /* Case 1 (mirror): colour flips */
203	-	INS_C1M_UNCLE	                rb_set_parent_color(tmp, gparent, RB_BLACK);
204	-	INS_C1M_PARENT	                rb_set_parent_color(parent, gparent, RB_BLACK);
205	-	-	                node = gparent;
206	-	-	                parent = rb_parent(node);
207	-	INS_C1M_GPARENT	                rb_set_parent_color(node, parent, RB_RED);
208	-	-	                continue;
209	-	-	            }
211	-	-	            tmp = parent->rb_left;
212	-	INS_CASE2_M	            if (node == tmp) {     /* Case 2 (mirror): right rotate at parent */
214	-	-	                tmp = node->rb_right;
215	-	INS_C2M_PARENT_LEFT	                parent->rb_left = tmp;           /* WRITE_ONCE */
216	-	INS_C2M_NODE_RIGHT	                node->rb_right = parent;         /* WRITE_ONCE */
217	-	-	                if (tmp)
218	-	INS_C2M_TMP_PC	                    rb_set_parent_color(tmp, parent, RB_BLACK);
220	-	INS_C2M_PARENT_PC	                rb_set_parent_color(parent, node, RB_RED);
221	-	-	                augment_rotate(parent, node);
222	-	-	                parent = node;
223	-	-	                tmp = node->rb_left;
224	-	-	            }
226	-	INS_CASE3_M	            /* Case 3 (mirror): left rotate at gparent */
227	-	INS_C3M_GPARENT_RIGHT	            gparent->rb_right = tmp;         /* WRITE_ONCE; tmp == parent->rb_left */
228	-	INS_C3M_PARENT_LEFT	            parent->rb_left = gparent;       /* WRITE_ONCE */
229	-	-	            if (tmp)
230	-	INS_C3M_TMP_PC	                rb_set_parent_color(tmp, gparent, RB_BLACK);
231	-	-	            __rb_rotate_set_parents(gparent, parent, root, RB_RED);
232	-	-	            augment_rotate(gparent, parent);
233	-	-	            break;
234	-	-	        }
235	-	-	    }
236	-	-	}
