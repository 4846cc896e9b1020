package org.vmalab.engine.tree;

import static org.vmalab.engine.Const.BLACK;
import static org.vmalab.engine.Const.RED;
import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.mm.Kx;
import org.vmalab.engine.trace.Loc;

/**
 * A port of lib/rbtree.c ({@code __rb_insert}, {@code ____rb_erase_color}, {@code __rb_rotate_set_parents},
 * {@code __rb_change_child}) and include/linux/rbtree_augmented.h ({@code __rb_erase_augmented}) over the
 * VMA nodes of simulated memory, with every single-word store made a step of its own, in the kernel's order.
 *
 * <p>The red-black rules, numbered as lib/rbtree.c numbers them (the case comments below cite them as "4)" and
 * "5)"):
 * <ol>
 *   <li>every node is red or black (one bit of {@code __rb_parent_color});</li>
 *   <li>the root is black;</li>
 *   <li>the missing children (NULL leaves) count as black;</li>
 *   <li>a red node has no red child: both its children are black;</li>
 *   <li>every path from the root down to a NULL leaf passes the same number of black nodes.</li>
 * </ol>
 * Rules 4) and 5) together keep the tree balanced: red nodes cannot follow each other, so no path is longer than
 * twice the number of black nodes on every path, and a lookup stays O(log n). An insertion can break 4) (the new
 * node is red); an erase can break 5) (a black node is gone). The fix-ups restore them; the quiescent check
 * {@code Q-RB} verifies 2), 4) and 5).
 *
 * <p>Drawing convention of the kernel comments, used in the case comments below: UPPERCASE = black,
 * lowercase = red, (x) = either colour.
 */
public final class RbTree {
    private RbTree() {
    }

    // ------------------------------------------------------------ store helpers

    /** {@code WRITE_ONCE(p->rb_left, c)}. */
    static void setLeft(Kx k, int p, int c, Loc loc, Tag tag) {
        k.setRbLeft(p, c);
        k.step(loc, tag, p, c, 0);
    }

    /** {@code WRITE_ONCE(p->rb_right, c)}. */
    static void setRight(Kx k, int p, int c, Loc loc, Tag tag) {
        k.setRbRight(p, c);
        k.step(loc, tag, p, c, 0);
    }

    /** {@code rb_set_parent_color(n, parent, color)}: one store of the whole word. */
    static void setParentColor(Kx k, int n, int parent, int color, Loc loc, Tag tag) {
        k.setRbParentColor(n, Vm.pc(parent, color));
        k.step(loc, tag, n, parent, color);
    }

    /** {@code rb_set_parent(n, parent)}: keeps the colour bit. */
    static void setParent(Kx k, int n, int parent, Loc loc, Tag tag) {
        k.setRbParentColor(n, Vm.pc(parent, Vm.color(k, n)));
        k.step(loc, tag, n, parent, Vm.color(k, n));
    }

    /** {@code rb_set_black(n)}: keeps the parent. */
    static void setBlack(Kx k, int n, Loc loc, Tag tag) {
        k.setRbParentColor(n, Vm.pc(Vm.parent(k, n), BLACK));
        k.step(loc, tag, n, Vm.parent(k, n), BLACK);
    }

    /**
     * Ghost: the erased node leaves the tree with the store that unlinks it (in case 2 and 3 it stays linked
     * while its successor is prepared).
     */
    private static void leaves(Kx k, int node) {
        k.set(Field.LIFE, node, k.get(Field.LIFE, node) & ~Life.IN_TREE);
    }

    /** {@code __rb_change_child(old, new, parent, root)}. */
    static void changeChild(Kx k, int old, int nu, int parent, Tag tag) {
        if (parent != NIL) {
            if (k.rbLeft(parent) == old) {
                k.setRbLeft(parent, nu);
                k.step(Loc.RB_CHANGE_CHILD_LEFT, tag, parent, nu, 0);
            } else {
                k.setRbRight(parent, nu);
                k.step(Loc.RB_CHANGE_CHILD_RIGHT, tag, parent, nu, 0);
            }
        } else {
            k.setMm(Field.ROOT, nu);
            k.step(Loc.RB_CHANGE_CHILD_ROOT, tag, nu, old, 0);
        }
    }

    /**
     * {@code __rb_rotate_set_parents(old, new, root, color)}: {@code new} takes over {@code old}'s parent and
     * colour, {@code old} becomes {@code new}'s child with {@code color}, and the parent points to {@code new}.
     */
    static void rotateSetParents(Kx k, int old, int nu, int color, Tag tag) {
        long oldPc = k.rbParentColor(old);
        int parent = Vm.parentOf(oldPc);
        k.setRbParentColor(nu, oldPc);
        k.step(Loc.RB_ROTATE_SET_NEW, tag, nu, parent, Vm.colorOf(oldPc));
        k.setRbParentColor(old, Vm.pc(nu, color));
        k.step(Loc.RB_ROTATE_SET_OLD, tag, old, nu, color);
        changeChild(k, old, nu, parent, tag);
    }

    // ------------------------------------------------------------ linking

    /**
     * {@code rb_link_node(node, parent, link)} (include/linux/rbtree.h): the node is red, childless and points
     * to its parent (one step), then the parent's link points to the node (one step).
     */
    public static void linkNode(Kx k, int node, int parent, boolean leftSide) {
        k.setRbParentColor(node, Vm.pc(parent, RED));
        k.setRbLeft(node, NIL);
        k.setRbRight(node, NIL);
        k.step(Loc.RB_LINK_NODE, Tag.NONE, node, parent, 0);
        /* ghost: the node is in the tree from the store that makes it reachable */
        k.set(Field.LIFE, node, k.get(Field.LIFE, node) | Life.IN_TREE);
        if (parent == NIL) {
            k.setMm(Field.ROOT, node);
            k.step(Loc.RB_LINK_ROOT, Tag.NONE, node, NIL, 0);
        } else if (leftSide) {
            k.setRbLeft(parent, node);
            k.step(Loc.RB_LINK_LEFT, Tag.NONE, parent, node, 0);
        } else {
            k.setRbRight(parent, node);
            k.step(Loc.RB_LINK_RIGHT, Tag.NONE, parent, node, 0);
        }
    }

    // ------------------------------------------------------------ insertion

    /**
     * {@code __rb_insert(node, root, augment_rotate)}: the rebalancing after {@link #linkNode}. Loop invariant:
     * {@code node} is red.
     */
    public static void insert(Kx k, int node, Augment aug) {
        int parent = Vm.parent(k, node);
        int guard = 0;
        while (true) {
            if (++guard > k.vmaCapacity() + 2) {
                throw new CorruptTreeException("insert fix-up did not terminate at " + k.name(node));
            }
            if (parent == NIL) {
                /*
                 * The inserted node is root. Either this is the first node, or we recursed at Case 1 below
                 * and are no longer violating 4).
                 */
                setParentColor(k, node, NIL, BLACK, Loc.INS_ROOT_BLACK, Tag.ROOT);
                break;
            }
            /* If there is a black parent, we are done. */
            if (Vm.color(k, parent) == BLACK) {
                break;
            }
            int gparent = Vm.parent(k, parent);
            if (gparent == NIL) {
                throw new CorruptTreeException("red parent " + k.name(parent) + " has no parent");
            }
            int tmp = Vm.right(k, gparent);
            if (parent != tmp) {
                /* parent == gparent->rb_left */
                if (tmp != NIL && Vm.isRed(k, tmp)) {
                    /*
                     * Case 1 - node's uncle is red (color flips).
                     *
                     *       G            g
                     *      / \          / \
                     *     p   u  -->   P   U
                     *    /            /
                     *   n            n
                     *
                     * However, since g's parent might be red, and 4) does not allow this, we need to recurse
                     * at g.
                     */
                    k.group(Loc.INS_CASE1, gparent);
                    k.caseTag(Tag.I1);
                    setParentColor(k, tmp, gparent, BLACK, Loc.INS_C1_UNCLE, Tag.I1);
                    setParentColor(k, parent, gparent, BLACK, Loc.INS_C1_PARENT, Tag.I1);
                    node = gparent;
                    parent = Vm.parent(k, node);
                    setParentColor(k, node, parent, RED, Loc.INS_C1_GPARENT, Tag.I1);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    continue;
                }
                tmp = Vm.right(k, parent);
                if (node == tmp) {
                    /*
                     * Case 2 - node's uncle is black and node is the parent's right child (left rotate at
                     * parent).
                     *
                     *      G             G
                     *     / \           / \
                     *    p   U  -->    n   U
                     *     \           /
                     *      n         p
                     *
                     * This still leaves us in violation of 4), the continuation into Case 3 will fix that.
                     */
                    k.group(Loc.INS_CASE2, parent);
                    k.caseTag(Tag.I2);
                    tmp = Vm.left(k, node);
                    setRight(k, parent, tmp, Loc.INS_C2_PARENT_RIGHT, Tag.I2);
                    setLeft(k, node, parent, Loc.INS_C2_NODE_LEFT, Tag.I2);
                    if (tmp != NIL) {
                        setParentColor(k, tmp, parent, BLACK, Loc.INS_C2_TMP_PC, Tag.I2);
                    }
                    setParentColor(k, parent, node, RED, Loc.INS_C2_PARENT_PC, Tag.I2);
                    aug.rotate(k, parent, node);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    parent = node;
                    tmp = Vm.right(k, node);
                }
                /*
                 * Case 3 - node's uncle is black and node is the parent's left child (right rotate at gparent).
                 *
                 *        G           P
                 *       / \         / \
                 *      p   U  -->  n   g
                 *     /                 \
                 *    n                   U
                 */
                k.group(Loc.INS_CASE3, gparent);
                k.caseTag(Tag.I3);
                setLeft(k, gparent, tmp, Loc.INS_C3_GPARENT_LEFT, Tag.I3);
                setRight(k, parent, gparent, Loc.INS_C3_PARENT_RIGHT, Tag.I3);
                if (tmp != NIL) {
                    setParentColor(k, tmp, gparent, BLACK, Loc.INS_C3_TMP_PC, Tag.I3);
                }
                rotateSetParents(k, gparent, parent, RED, Tag.I3);
                aug.rotate(k, gparent, parent);
                k.endGroup();
                k.caseTag(Tag.NONE);
                break;
            } else {
                tmp = Vm.left(k, gparent);
                if (tmp != NIL && Vm.isRed(k, tmp)) {
                    /* Case 1 - color flips (mirror) */
                    k.group(Loc.INS_CASE1_M, gparent);
                    k.caseTag(Tag.I1M);
                    setParentColor(k, tmp, gparent, BLACK, Loc.INS_C1M_UNCLE, Tag.I1M);
                    setParentColor(k, parent, gparent, BLACK, Loc.INS_C1M_PARENT, Tag.I1M);
                    node = gparent;
                    parent = Vm.parent(k, node);
                    setParentColor(k, node, parent, RED, Loc.INS_C1M_GPARENT, Tag.I1M);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    continue;
                }
                tmp = Vm.left(k, parent);
                if (node == tmp) {
                    /* Case 2 - right rotate at parent (mirror) */
                    k.group(Loc.INS_CASE2_M, parent);
                    k.caseTag(Tag.I2M);
                    tmp = Vm.right(k, node);
                    setLeft(k, parent, tmp, Loc.INS_C2M_PARENT_LEFT, Tag.I2M);
                    setRight(k, node, parent, Loc.INS_C2M_NODE_RIGHT, Tag.I2M);
                    if (tmp != NIL) {
                        setParentColor(k, tmp, parent, BLACK, Loc.INS_C2M_TMP_PC, Tag.I2M);
                    }
                    setParentColor(k, parent, node, RED, Loc.INS_C2M_PARENT_PC, Tag.I2M);
                    aug.rotate(k, parent, node);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    parent = node;
                    tmp = Vm.left(k, node);
                }
                /* Case 3 - left rotate at gparent (mirror) */
                k.group(Loc.INS_CASE3_M, gparent);
                k.caseTag(Tag.I3M);
                setRight(k, gparent, tmp, Loc.INS_C3M_GPARENT_RIGHT, Tag.I3M);
                setLeft(k, parent, gparent, Loc.INS_C3M_PARENT_LEFT, Tag.I3M);
                if (tmp != NIL) {
                    setParentColor(k, tmp, gparent, BLACK, Loc.INS_C3M_TMP_PC, Tag.I3M);
                }
                rotateSetParents(k, gparent, parent, RED, Tag.I3M);
                aug.rotate(k, gparent, parent);
                k.endGroup();
                k.caseTag(Tag.NONE);
                break;
            }
        }
    }

    /**
     * {@code __rb_insert(node, root, dummy_rotate)}: the same rebalancing as {@link #insert}, with the kernel's
     * {@code dummy_callbacks} in place of the gap callbacks: the {@code rb_subtree_gap}s it leaves are stale until
     * {@link GapAugment#computeAll} recomputes every one of them. Only for linking a layout before anything is
     * recorded ({@code MmOps.LayoutLink}); the same stores of every other word, in the same order.
     */
    public static void insertUnaugmented(Kx k, int node) {
        insert(k, node, Augment.NONE);
    }

    // ------------------------------------------------------------ postorder

    /** {@code rb_left_deepest_node(node)} (lib/rbtree.c): the first node of {@code node}'s subtree in postorder. */
    static int leftDeepest(StateView m, int node) {
        while (true) {
            int l = Vm.left(m, node);
            if (l != NIL) {
                node = l;
                continue;
            }
            int r = Vm.right(m, node);
            if (r == NIL) {
                return node;
            }
            node = r;
        }
    }

    /** {@code rb_first_postorder(root)} (lib/rbtree.c): the tree's first node in postorder, or NIL. */
    public static int firstPostorder(StateView m) {
        int root = Vm.root(m);
        return root == NIL ? NIL : leftDeepest(m, root);
    }

    /** {@code rb_next_postorder(node)} (lib/rbtree.c): children before their parent, NIL after the root. */
    public static int nextPostorder(StateView m, int node) {
        if (node == NIL) {
            return NIL;
        }
        int parent = Vm.parent(m, node);
        if (parent != NIL && node == Vm.left(m, parent)) {
            int r = Vm.right(m, parent);
            if (r != NIL) {
                return leftDeepest(m, r);
            }
        }
        return parent;
    }

    // ------------------------------------------------------------ erase

    /**
     * {@code rb_erase_augmented(node, root, augment)}: the structural part, then the colour fix-up if the
     * structural part says so. The erased node's own links are left as they were (stale, not cleared).
     */
    public static void eraseAugmented(Kx k, int node, Augment aug) {
        int rebalance = eraseStructural(k, node, aug);
        if (rebalance != NIL) {
            eraseColor(k, rebalance, aug);
        }
    }

    /** {@code __rb_erase_augmented()}: returns the node to rebalance at, or NIL. */
    static int eraseStructural(Kx k, int node, Augment aug) {
        int child = Vm.right(k, node);
        int tmp = Vm.left(k, node);
        int parent;
        int rebalance;
        if (tmp == NIL) {
            /*
             * Case 1: node to erase has no more than 1 child (easy!). Note that if there is one child it must be
             * red due to 5) and node must be black due to 4). We adjust colors locally so as to bypass
             * __rb_erase_color() later on.
             */
            k.group(Loc.ERASE_CASE1, node);
            k.caseTag(Tag.E1);
            long pc = k.rbParentColor(node);
            parent = Vm.parentOf(pc);
            leaves(k, node);
            changeChild(k, node, child, parent, Tag.E1);
            if (child != NIL) {
                k.setRbParentColor(child, pc);
                k.step(Loc.ERASE_C1_CHILD_PC, Tag.E1, child, parent, Vm.colorOf(pc));
                rebalance = NIL;
            } else {
                rebalance = Vm.colorOf(pc) == BLACK ? parent : NIL;
            }
            tmp = parent;
            k.endGroup();
            k.caseTag(Tag.NONE);
        } else if (child == NIL) {
            /* Still case 1, but this time the child is node->rb_left */
            k.group(Loc.ERASE_CASE1, node);
            k.caseTag(Tag.E1);
            long pc = k.rbParentColor(node);
            k.setRbParentColor(tmp, pc);
            parent = Vm.parentOf(pc);
            k.step(Loc.ERASE_C1_LEFT_PC, Tag.E1, tmp, parent, Vm.colorOf(pc));
            leaves(k, node);
            changeChild(k, node, tmp, parent, Tag.E1);
            rebalance = NIL;
            tmp = parent;
            k.endGroup();
            k.caseTag(Tag.NONE);
        } else {
            int successor = child;
            int child2;
            tmp = Vm.left(k, child);
            if (tmp == NIL) {
                /*
                 * Case 2: node's successor is its right child
                 *
                 *    (n)          (s)
                 *    / \          / \
                 *  (x) (s)  ->  (x) (c)
                 *        \
                 *        (c)
                 */
                k.group(Loc.ERASE_CASE2, node);
                k.caseTag(Tag.E2);
                parent = successor;
                child2 = Vm.right(k, successor);
                aug.copy(k, node, successor);
            } else {
                /*
                 * Case 3: node's successor is leftmost under node's right child subtree
                 *
                 *    (n)          (s)
                 *    / \          / \
                 *  (x) (y)  ->  (x) (y)
                 *      /            /
                 *    (p)          (p)
                 *    /            /
                 *  (s)          (c)
                 *    \
                 *    (c)
                 */
                k.group(Loc.ERASE_CASE3, node);
                k.caseTag(Tag.E3);
                int guard = 0;
                do {
                    parent = successor;
                    successor = tmp;
                    tmp = Vm.left(k, tmp);
                    if (++guard > k.vmaCapacity() + 2) {
                        throw new CorruptTreeException("successor walk did not terminate");
                    }
                } while (tmp != NIL);
                child2 = Vm.right(k, successor);
                setLeft(k, parent, child2, Loc.ERASE_C3_PARENT_LEFT, Tag.E3);
                setRight(k, successor, child, Loc.ERASE_C3_SUCC_RIGHT, Tag.E3);
                setParent(k, child, successor, Loc.ERASE_C3_CHILD_PARENT, Tag.E3);
                aug.copy(k, node, successor);
                aug.propagate(k, parent, successor);
            }
            tmp = Vm.left(k, node);
            if (tmp == NIL) {
                /* node had a left child when the erase began; a cycle through node took it away */
                throw new CorruptTreeException("erase lost the left child of " + k.name(node));
            }
            setLeft(k, successor, tmp, Loc.ERASE_SUCC_LEFT, Tag.E23);
            setParent(k, tmp, successor, Loc.ERASE_LEFT_PARENT, Tag.E23);
            long pc = k.rbParentColor(node);
            tmp = Vm.parentOf(pc);
            leaves(k, node);
            changeChild(k, node, successor, tmp, Tag.E23);
            if (child2 != NIL) {
                k.setRbParentColor(successor, pc);
                k.step(Loc.ERASE_SUCC_PC, Tag.E23, successor, tmp, Vm.colorOf(pc));
                setParentColor(k, child2, parent, BLACK, Loc.ERASE_CHILD2_PC, Tag.E23);
                rebalance = NIL;
            } else {
                long pc2 = k.rbParentColor(successor);
                k.setRbParentColor(successor, pc);
                k.step(Loc.ERASE_SUCC_PC, Tag.E23, successor, tmp, Vm.colorOf(pc));
                rebalance = Vm.colorOf(pc2) == BLACK ? parent : NIL;
            }
            tmp = successor;
            k.endGroup();
            k.caseTag(Tag.NONE);
        }
        aug.propagate(k, tmp, NIL);
        return rebalance;
    }

    /**
     * {@code ____rb_erase_color(parent, root, augment_rotate)}. Loop invariants: node is black (or NULL on the
     * first iteration), node is not the root (parent is not NULL), all leaf paths going through parent and
     * node have a black node count that is 1 lower than other leaf paths.
     */
    static void eraseColor(Kx k, int parent, Augment aug) {
        int node = NIL;
        int guard = 0;
        while (true) {
            if (++guard > k.vmaCapacity() + 2) {
                throw new CorruptTreeException("erase fix-up did not terminate");
            }
            int sibling = Vm.right(k, parent);
            if (node != sibling) {
                /* node == parent->rb_left */
                sibling = need(k, sibling, parent);
                if (Vm.isRed(k, sibling)) {
                    /*
                     * Case 1 - left rotate at parent
                     *
                     *     P               S
                     *    / \             / \
                     *   N   s    -->    p   Sr
                     *      / \         / \
                     *     Sl  Sr      N   Sl
                     */
                    k.group(Loc.COL_CASE1, parent);
                    k.caseTag(Tag.C1);
                    int tmp1 = Vm.left(k, sibling);
                    setRight(k, parent, tmp1, Loc.COL_C1_PARENT_RIGHT, Tag.C1);
                    setLeft(k, sibling, parent, Loc.COL_C1_SIB_LEFT, Tag.C1);
                    setParentColor(k, need(k, tmp1, sibling), parent, BLACK, Loc.COL_C1_TMP_PC, Tag.C1);
                    rotateSetParents(k, parent, sibling, RED, Tag.C1);
                    aug.rotate(k, parent, sibling);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    sibling = tmp1;
                }
                int tmp1 = Vm.right(k, sibling);
                if (Vm.isBlackOrNil(k, tmp1)) {
                    int tmp2 = Vm.left(k, sibling);
                    if (Vm.isBlackOrNil(k, tmp2)) {
                        /*
                         * Case 2 - sibling color flip (p could be either color here)
                         *
                         *    (p)           (p)
                         *    / \           / \
                         *   N   S    -->  N   s
                         *      / \           / \
                         *     Sl  Sr        Sl  Sr
                         *
                         * This leaves us violating 5) which can be fixed by flipping p to black if it was red,
                         * or by recursing at p. p is red when coming from Case 1.
                         */
                        k.group(Loc.COL_CASE2, sibling);
                        k.caseTag(Tag.C2);
                        setParentColor(k, sibling, parent, RED, Loc.COL_C2_SIB_PC, Tag.C2);
                        if (Vm.isRed(k, parent)) {
                            setBlack(k, parent, Loc.COL_C2_PARENT_BLACK, Tag.C2);
                            k.endGroup();
                            k.caseTag(Tag.NONE);
                        } else {
                            k.endGroup();
                            k.caseTag(Tag.NONE);
                            node = parent;
                            parent = Vm.parent(k, node);
                            if (parent != NIL) {
                                continue;
                            }
                        }
                        break;
                    }
                    /*
                     * Case 3 - right rotate at sibling (p could be either color here)
                     *
                     *   (p)           (p)
                     *   / \           / \
                     *  N   S    -->  N   sl
                     *     / \             \
                     *    sl  Sr            S
                     *                       \
                     *                        Sr
                     *
                     * Note: p might be red, and then both p and sl are red after rotation (which breaks
                     * property 4). This is fixed in Case 4 (in __rb_rotate_set_parents() which set sl the color
                     * of p and set p RB_BLACK).
                     */
                    k.group(Loc.COL_CASE3, sibling);
                    k.caseTag(Tag.C3);
                    tmp1 = Vm.right(k, tmp2);
                    setLeft(k, sibling, tmp1, Loc.COL_C3_SIB_LEFT, Tag.C3);
                    setRight(k, tmp2, sibling, Loc.COL_C3_TMP2_RIGHT, Tag.C3);
                    setRight(k, parent, tmp2, Loc.COL_C3_PARENT_RIGHT, Tag.C3);
                    if (tmp1 != NIL) {
                        setParentColor(k, tmp1, sibling, BLACK, Loc.COL_C3_TMP1_PC, Tag.C3);
                    }
                    aug.rotate(k, sibling, tmp2);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    tmp1 = sibling;
                    sibling = tmp2;
                }
                /*
                 * Case 4 - left rotate at parent + color flips (p and sl could be either color here. After
                 * rotation, p becomes black, s acquires p's color, and sl keeps its color)
                 *
                 *      (p)             (s)
                 *      / \             / \
                 *     N   S     -->   P   Sr
                 *        / \         / \
                 *      (sl) sr      N  (sl)
                 */
                k.group(Loc.COL_CASE4, parent);
                k.caseTag(Tag.C4);
                int tmp2 = Vm.left(k, sibling);
                setRight(k, parent, tmp2, Loc.COL_C4_PARENT_RIGHT, Tag.C4);
                setLeft(k, sibling, parent, Loc.COL_C4_SIB_LEFT, Tag.C4);
                setParentColor(k, need(k, tmp1, sibling), sibling, BLACK, Loc.COL_C4_TMP1_PC, Tag.C4);
                if (tmp2 != NIL) {
                    setParent(k, tmp2, parent, Loc.COL_C4_TMP2_PARENT, Tag.C4);
                }
                rotateSetParents(k, parent, sibling, BLACK, Tag.C4);
                aug.rotate(k, parent, sibling);
                k.endGroup();
                k.caseTag(Tag.NONE);
                break;
            } else {
                sibling = need(k, Vm.left(k, parent), parent);
                if (Vm.isRed(k, sibling)) {
                    /* Case 1 - right rotate at parent (mirror) */
                    k.group(Loc.COL_CASE1_M, parent);
                    k.caseTag(Tag.C1M);
                    int tmp1 = Vm.right(k, sibling);
                    setLeft(k, parent, tmp1, Loc.COL_C1M_PARENT_LEFT, Tag.C1M);
                    setRight(k, sibling, parent, Loc.COL_C1M_SIB_RIGHT, Tag.C1M);
                    setParentColor(k, need(k, tmp1, sibling), parent, BLACK, Loc.COL_C1M_TMP_PC, Tag.C1M);
                    rotateSetParents(k, parent, sibling, RED, Tag.C1M);
                    aug.rotate(k, parent, sibling);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    sibling = tmp1;
                }
                int tmp1 = Vm.left(k, sibling);
                if (Vm.isBlackOrNil(k, tmp1)) {
                    int tmp2 = Vm.right(k, sibling);
                    if (Vm.isBlackOrNil(k, tmp2)) {
                        /* Case 2 - sibling color flip (mirror) */
                        k.group(Loc.COL_CASE2_M, sibling);
                        k.caseTag(Tag.C2M);
                        setParentColor(k, sibling, parent, RED, Loc.COL_C2M_SIB_PC, Tag.C2M);
                        if (Vm.isRed(k, parent)) {
                            setBlack(k, parent, Loc.COL_C2M_PARENT_BLACK, Tag.C2M);
                            k.endGroup();
                            k.caseTag(Tag.NONE);
                        } else {
                            k.endGroup();
                            k.caseTag(Tag.NONE);
                            node = parent;
                            parent = Vm.parent(k, node);
                            if (parent != NIL) {
                                continue;
                            }
                        }
                        break;
                    }
                    /* Case 3 - left rotate at sibling (mirror) */
                    k.group(Loc.COL_CASE3_M, sibling);
                    k.caseTag(Tag.C3M);
                    tmp1 = Vm.left(k, tmp2);
                    setRight(k, sibling, tmp1, Loc.COL_C3M_SIB_RIGHT, Tag.C3M);
                    setLeft(k, tmp2, sibling, Loc.COL_C3M_TMP2_LEFT, Tag.C3M);
                    setLeft(k, parent, tmp2, Loc.COL_C3M_PARENT_LEFT, Tag.C3M);
                    if (tmp1 != NIL) {
                        setParentColor(k, tmp1, sibling, BLACK, Loc.COL_C3M_TMP1_PC, Tag.C3M);
                    }
                    aug.rotate(k, sibling, tmp2);
                    k.endGroup();
                    k.caseTag(Tag.NONE);
                    tmp1 = sibling;
                    sibling = tmp2;
                }
                /* Case 4 - right rotate at parent + color flips (mirror) */
                k.group(Loc.COL_CASE4_M, parent);
                k.caseTag(Tag.C4M);
                int tmp2 = Vm.right(k, sibling);
                setLeft(k, parent, tmp2, Loc.COL_C4M_PARENT_LEFT, Tag.C4M);
                setRight(k, sibling, parent, Loc.COL_C4M_SIB_RIGHT, Tag.C4M);
                setParentColor(k, need(k, tmp1, sibling), sibling, BLACK, Loc.COL_C4M_TMP1_PC, Tag.C4M);
                if (tmp2 != NIL) {
                    setParent(k, tmp2, parent, Loc.COL_C4M_TMP2_PARENT, Tag.C4M);
                }
                rotateSetParents(k, parent, sibling, BLACK, Tag.C4M);
                aug.rotate(k, parent, sibling);
                k.endGroup();
                k.caseTag(Tag.NONE);
                break;
            }
        }
    }

    /** A node the algorithm dereferences: in a healthy tree it exists; a corrupted tree may lack it. */
    private static int need(StateView m, int v, int near) {
        if (v == NIL) {
            throw new CorruptTreeException("erase fix-up found no sibling node under " + m.name(near));
        }
        return v;
    }
}
