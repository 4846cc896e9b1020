package org.vmalab.viewmodel;

/**
 * A semantic colour of the tree view. The model says which tone a node has; the stylesheet says what
 * colour a tone is (looked-up colour tokens), so the Java code never names a colour.
 */
public enum Tone {
    NODE_RED, NODE_BLACK, NODE_FREED, NODE_ALARM;

    /** The fill of a node: freed nodes lose their colour, a freed node still in use turns to alarm. */
    public static Tone of(StepScene.NodeView n) {
        if (n.state() == NodeState.FREED) {
            return n.inUse() ? NODE_ALARM : NODE_FREED;
        }
        return n.black() ? NODE_BLACK : NODE_RED;
    }

    /** The CSS pseudo-class of the swatch that carries this tone. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
