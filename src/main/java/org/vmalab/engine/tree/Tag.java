package org.vmalab.engine.tree;

import org.vmalab.engine.Face;

/**
 * The kernel's case labels (lib/rbtree.c comments), shown as step captions: {@code I1 I2 I3} for insertion,
 * {@code E1 E2 E3} for the structural erase, {@code C1..C4} for erase rebalancing, {@code m} for the mirror
 * half.
 */
@Face
public enum Tag {
    NONE("", ""),
    ROOT("root", "Insert: node is the root, paint it black"),
    I1("I1", "Insert case 1: uncle is red, colour flips"),
    I2("I2", "Insert case 2: left rotate at parent"),
    I3("I3", "Insert case 3: right rotate at gparent"),
    I1M("I1m", "Insert case 1 (mirror): uncle is red, colour flips"),
    I2M("I2m", "Insert case 2 (mirror): right rotate at parent"),
    I3M("I3m", "Insert case 3 (mirror): left rotate at gparent"),
    E1("E1", "Erase case 1: at most one child, splice it in"),
    E2("E2", "Erase case 2: successor is the right child"),
    E3("E3", "Erase case 3: successor is the leftmost node of the right subtree"),
    E23("E2/3", "Erase: successor takes the erased node's place"),
    C1("C1", "Erase fix-up case 1: sibling is red, left rotate at parent"),
    C2("C2", "Erase fix-up case 2: sibling colour flip"),
    C3("C3", "Erase fix-up case 3: right rotate at sibling"),
    C4("C4", "Erase fix-up case 4: left rotate at parent + colour flips"),
    C1M("C1m", "Erase fix-up case 1 (mirror): sibling is red, right rotate at parent"),
    C2M("C2m", "Erase fix-up case 2 (mirror): sibling colour flip"),
    C3M("C3m", "Erase fix-up case 3 (mirror): left rotate at sibling"),
    C4M("C4m", "Erase fix-up case 4 (mirror): right rotate at parent + colour flips");

    private final String label;
    private final String title;

    Tag(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** Short label as used in the golden traces ({@code I3m}). */
    public String label() {
        return label;
    }

    /** The case title, as the kernel comment names it. */
    public String title() {
        return title;
    }
}
