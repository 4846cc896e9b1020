# function: ____rb_erase_color
# file: lib/rbtree.c
243	-	-	static __always_inline void ____rb_erase_color(parent, root, augment_rotate)
245	-	-	{
246	-	-	    node = NULL;
248	-	-	    while (true) {     /* node black or NULL, parent != NULL, paths via node one black short */
256	-	-	        sibling = parent->rb_right;
257	-	-	        if (node != sibling) {     /* node is parent's left child */
258	-	COL_CASE1	            if (rb_is_red(sibling)) {     /* Case 1: red sibling: left rotate at parent */
268	-	-	                tmp1 = sibling->rb_left;
269	-	COL_C1_PARENT_RIGHT	                parent->rb_right = tmp1;         /* WRITE_ONCE */
270	-	COL_C1_SIB_LEFT	                sibling->rb_left = parent;       /* WRITE_ONCE */
271	-	COL_C1_TMP_PC	                rb_set_parent_color(tmp1, parent, RB_BLACK);
272	-	-	                __rb_rotate_set_parents(parent, sibling, root, RB_RED);
274	-	-	                augment_rotate(parent, sibling);
275	-	-	                sibling = tmp1;      /* new sibling is black */
276	-	-	            }
277	-	-	            tmp1 = sibling->rb_right;
278	-	-	            if (!tmp1 || rb_is_black(tmp1)) {
279	-	-	                tmp2 = sibling->rb_left;
280	-	COL_CASE2	                if (!tmp2 || rb_is_black(tmp2)) {     /* Case 2: both nephews black: sibling colour flip */
296	-	COL_C2_SIB_PC	                    rb_set_parent_color(sibling, parent, RB_RED);
298	-	-	                    if (rb_is_red(parent))
299	-	COL_C2_PARENT_BLACK	                        rb_set_black(parent);     /* red parent absorbs it: done */
300	-	-	                    else {     /* recurse one level up */
301	-	-	                        node = parent;
302	-	-	                        parent = rb_parent(node);
303	-	-	                        if (parent)
304	-	-	                            continue;
305	-	-	                    }
306	-	-	                    break;
307	-	-	                }
309	-	COL_CASE3	                /* Case 3: far nephew black, near nephew red: right rotate at sibling */
335	-	-	                tmp1 = tmp2->rb_right;
336	-	COL_C3_SIB_LEFT	                sibling->rb_left = tmp1;         /* WRITE_ONCE */
337	-	COL_C3_TMP2_RIGHT	                tmp2->rb_right = sibling;        /* WRITE_ONCE */
338	-	COL_C3_PARENT_RIGHT	                parent->rb_right = tmp2;         /* WRITE_ONCE */
339	-	-	                if (tmp1)
340	-	COL_C3_TMP1_PC	                    rb_set_parent_color(tmp1, sibling, RB_BLACK);
342	-	-	                augment_rotate(sibling, tmp2);
343	-	-	                tmp1 = sibling;
344	-	-	                sibling = tmp2;      /* continue with Case 4 */
345	-	-	            }
347	-	COL_CASE4	            /* Case 4: far nephew red: left rotate at parent + colour flips */
358	-	-	            tmp2 = sibling->rb_left;
359	-	COL_C4_PARENT_RIGHT	            parent->rb_right = tmp2;             /* WRITE_ONCE */
360	-	COL_C4_SIB_LEFT	            sibling->rb_left = parent;           /* WRITE_ONCE */
361	-	COL_C4_TMP1_PC	            rb_set_parent_color(tmp1, sibling, RB_BLACK);
362	-	-	            if (tmp2)
363	-	COL_C4_TMP2_PARENT	                rb_set_parent(tmp2, parent);
364	-	-	            __rb_rotate_set_parents(parent, sibling, root, RB_BLACK);
366	-	-	            augment_rotate(parent, sibling);
367	-	-	            break;
368	-	-	        } else {     /* mirror half: node is parent's right child */
369	-	-	            sibling = parent->rb_left;
370	-	COL_CASE1_M	            if (rb_is_red(sibling)) {     /* Case 1 (mirror): right rotate at parent */
372	-	-	                tmp1 = sibling->rb_right;
373	-	COL_C1M_PARENT_LEFT	                parent->rb_left = tmp1;          /* WRITE_ONCE */
374	-	COL_C1M_SIB_RIGHT	                sibling->rb_right = parent;      /* WRITE_ONCE */
375	-	COL_C1M_TMP_PC	                rb_set_parent_color(tmp1, parent, RB_BLACK);
376	-	-	                __rb_rotate_set_parents(parent, sibling, root, RB_RED);
378	-	-	                augment_rotate(parent, sibling);
379	-	-	                sibling = tmp1;
380	-	-	            }
381	-	-	            tmp1 = sibling->rb_left;
382	-	-	            if (!tmp1 || rb_is_black(tmp1)) {
383	-	-	                tmp2 = sibling->rb_right;
384	-	COL_CASE2_M	                if (!tmp2 || rb_is_black(tmp2)) {     /* Case 2 (mirror): sibling colour flip */
386	-	COL_C2M_SIB_PC	                    rb_set_parent_color(sibling, parent, RB_RED);
388	-	-	                    if (rb_is_red(parent))
389	-	COL_C2M_PARENT_BLACK	                        rb_set_black(parent);
390	-	-	                    else {
391	-	-	                        node = parent;
392	-	-	                        parent = rb_parent(node);
393	-	-	                        if (parent)
394	-	-	                            continue;
395	-	-	                    }
396	-	-	                    break;
397	-	-	                }
398	-	COL_CASE3_M	                /* Case 3 (mirror): left rotate at sibling */
399	-	-	                tmp1 = tmp2->rb_left;
400	-	COL_C3M_SIB_RIGHT	                sibling->rb_right = tmp1;        /* WRITE_ONCE */
401	-	COL_C3M_TMP2_LEFT	                tmp2->rb_left = sibling;         /* WRITE_ONCE */
402	-	COL_C3M_PARENT_LEFT	                parent->rb_left = tmp2;          /* WRITE_ONCE */
403	-	-	                if (tmp1)
404	-	COL_C3M_TMP1_PC	                    rb_set_parent_color(tmp1, sibling, RB_BLACK);
406	-	-	                augment_rotate(sibling, tmp2);
407	-	-	                tmp1 = sibling;
408	-	-	                sibling = tmp2;
409	-	-	            }
410	-	COL_CASE4_M	            /* Case 4 (mirror): right rotate at parent + colour flips */
411	-	-	            tmp2 = sibling->rb_right;
412	-	COL_C4M_PARENT_LEFT	            parent->rb_left = tmp2;              /* WRITE_ONCE */
413	-	COL_C4M_SIB_RIGHT	            sibling->rb_right = parent;          /* WRITE_ONCE */
414	-	COL_C4M_TMP1_PC	            rb_set_parent_color(tmp1, sibling, RB_BLACK);
415	-	-	            if (tmp2)
416	-	COL_C4M_TMP2_PARENT	                rb_set_parent(tmp2, parent);
417	-	-	            __rb_rotate_set_parents(parent, sibling, root, RB_BLACK);
419	-	-	            augment_rotate(parent, sibling);
420	-	-	            break;
421	-	-	        }
422	-	-	    }
423	-	-	}
